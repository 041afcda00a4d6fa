import { beforeAll, describe, expect, it } from "vitest";
import { importUsers } from "~/modules/admin/user-import.server";
import { verifyPassword } from "~/modules/identity/password.server";
import { getSessionUser } from "~/modules/identity/session.server";
import { action as importAction, loader as importLoader } from "~/routes/admin.users.import";
import { loader as templateLoader } from "~/routes/admin.users.import.template";
import { db } from "~/utils/db.server";
import { buildRequest, callRoute, createTestUser, sessionCookieFor, signInAs, type TestUser } from "../support/auth";

let admin: TestUser;
let adminCookie: string;

beforeAll(async () => {
  ({ user: admin, cookie: adminCookie } = await signInAs("admin", { externalId: "ADM1" }));
  await db.team.createMany({
    data: [
      { code: "PRE", name: "售前一组" },
      { code: "AFT", name: "售后一组" },
    ],
  });
});

const actor = () => ({ id: admin.id, ipAddress: "127.0.0.1" });

const FILE = [
  "\uFEFFexternalId,name,email,team,roles,hireDate,status,locale",
  "B1001,秦静怡,b1001@example.com,PRE,客服,2024-01-02,active,zh-CN",
  "B1002,宋梓萱,b1002@example.com,售后一组,组长|客服,2023-05-06,active,",
  "B1003,黎琳,,,质检专员;培训专员,,,en",
].join("\r\n");

type ImportResult = {
  created: number;
  updated: number;
  unchanged: number;
  errors: { line: number; field?: string; message: string; value?: string }[];
};

function uploadRequest(content: BlobPart, name = "users.csv", type = "text/csv", extra: Record<string, string> = {}) {
  const form = new FormData();
  form.append("file", new File([content], name, { type }));
  for (const [key, value] of Object.entries(extra)) form.append(key, value);
  return buildRequest("/admin/users/import", { cookie: adminCookie, form });
}

describe("importUsers", () => {
  it("creates users with teams and roles, then finds nothing to do on the same file", async () => {
    const first = await importUsers(FILE, actor());
    expect(first).toEqual({ created: 3, updated: 0, unchanged: 0, errors: [] });

    const users = await db.user.findMany({
      where: { externalId: { startsWith: "B10" } },
      orderBy: { externalId: "asc" },
      select: {
        externalId: true,
        email: true,
        passwordHash: true,
        status: true,
        locale: true,
        team: { select: { code: true } },
        roles: { select: { role: true } },
      },
    });
    expect(
      users.map((user) => [
        user.externalId,
        user.team?.code ?? null,
        user.roles.map((entry) => entry.role).sort(),
        user.locale,
      ]),
    ).toEqual([
      ["B1001", "PRE", ["agent"], "zh-CN"],
      ["B1002", "AFT", ["agent", "team_lead"], "zh-CN"],
      ["B1003", null, ["qa_inspector", "trainer"], "en"],
    ]);
    expect(users.every((user) => user.passwordHash === null)).toBe(true);

    const audits = await db.auditLog.findMany({
      where: { action: { startsWith: "user." } },
      select: { action: true, actorId: true, after: true },
    });
    expect(audits.filter((entry) => entry.action === "user.create")).toHaveLength(3);
    const summary = audits.find((entry) => entry.action === "user.import");
    expect(summary).toMatchObject({
      actorId: admin.id,
      after: { created: 3, updated: 0, unchanged: 0, rows: 3, errors: 0 },
    });

    const again = await importUsers(FILE, actor());
    expect(again).toEqual({ created: 0, updated: 0, unchanged: 3, errors: [] });
    expect(await db.auditLog.count({ where: { action: "user.create" } })).toBe(3);
    expect(await db.auditLog.count({ where: { action: "user.update" } })).toBe(0);
  });

  it("updates changed rows only, replaces roles, keeps absent columns, and signs out deactivated people", async () => {
    const b1002 = await db.user.findUniqueOrThrow({ where: { externalId: "B1002" }, select: { id: true } });
    const cookie = await sessionCookieFor(b1002.id);
    const result = await importUsers(
      [
        "externalId,name,roles,status",
        "b1001,秦静怡,客服,active",
        "B1002,宋梓萱,客服,inactive",
        "B1003,黎琳,质检专员,在职",
      ].join("\n"),
      actor(),
    );
    expect(result).toEqual({ created: 0, updated: 2, unchanged: 1, errors: [] });

    const b1002After = await db.user.findUniqueOrThrow({
      where: { externalId: "B1002" },
      select: { status: true, email: true, team: { select: { code: true } }, roles: { select: { role: true } } },
    });
    expect(b1002After).toEqual({
      status: "inactive",
      email: "b1002@example.com",
      team: { code: "AFT" },
      roles: [{ role: "agent" }],
    });
    expect(await getSessionUser(buildRequest("/", { cookie }))).toBeNull();
    expect(await db.user.count({ where: { externalId: { equals: "b1001", mode: "insensitive" } } })).toBe(1);

    const update = await db.auditLog.findFirstOrThrow({ where: { action: "user.update", entityId: b1002.id } });
    expect(update.before).toMatchObject({ status: "active", roles: ["agent", "team_lead"] });
    expect(update.after).toMatchObject({ status: "inactive", roles: ["agent"] });
  });

  it("reports row errors with line numbers and still imports the valid rows", async () => {
    const text = [
      "externalId,name,email,team,roles,hireDate",
      "C2001,有效一,c2001@example.com,PRE,客服,2024-02-01",
      "C2002,未知团队,,XYZ,客服,",
      "C2003,邮箱被占,b1001@example.com,,客服,",
      "C2004,坏日期,,,客服,2024-02-30",
      "C2001,重复,,,客服,",
      "",
      "C2005,有效二,,,老板,",
      "C2006,有效三,,,,",
    ].join("\n");
    const result = await importUsers(text, actor());
    expect(result.created).toBe(2);
    expect(result.errors).toEqual([
      { line: 3, field: "team", message: "admin:import.errors.unknownTeam", value: "XYZ" },
      {
        line: 4,
        field: "email",
        message: "admin:import.errors.emailTaken",
        value: "b1001@example.com",
        params: { externalId: "B1001" },
      },
      { line: 5, field: "hireDate", message: "admin:import.errors.invalidDate", value: "2024-02-30" },
      {
        line: 6,
        field: "externalId",
        message: "admin:import.errors.duplicateExternalIdInFile",
        value: "C2001",
        params: { firstLine: 2 },
      },
      { line: 8, field: "roles", message: "admin:import.errors.unknownRole", value: "老板" },
    ]);
    const created = await db.user.findMany({
      where: { externalId: { startsWith: "C2" } },
      select: { externalId: true },
      orderBy: { externalId: "asc" },
    });
    expect(created.map((user) => user.externalId)).toEqual(["C2001", "C2006"]);
  });

  it("refuses to let the importing admin deactivate themselves or drop their admin role", async () => {
    const result = await importUsers(
      ["externalId,name,roles,status", "ADM1,管理员,admin,inactive", "ADM1X,别人,admin,active"].join("\n"),
      actor(),
    );
    expect(result.errors).toEqual([
      { line: 2, field: "status", message: "admin:users.errors.cannotDeactivateSelf", value: "inactive" },
    ]);
    expect(result.created).toBe(1);
  });

  it("runs as the seed does (no actor), setting the initial password of new users only", async () => {
    const result = await importUsers(
      "externalId,name\nD3001,种子用户\nB1001,秦静怡\n",
      { id: null, ipAddress: "seed" },
      { initialPassword: "Demo@2026" },
    );
    expect(result).toMatchObject({ created: 1, errors: [] });
    const seeded = await db.user.findUniqueOrThrow({
      where: { externalId: "D3001" },
      select: { passwordHash: true, passwordChangedAt: true },
    });
    expect(await verifyPassword(seeded.passwordHash!, "Demo@2026")).toBe(true);
    expect(
      (await db.user.findUniqueOrThrow({ where: { externalId: "B1001" }, select: { passwordHash: true } }))
        .passwordHash,
    ).toBeNull();
    const summary = await db.auditLog.findFirstOrThrow({ where: { action: "user.import" }, orderBy: { id: "desc" } });
    expect(summary).toMatchObject({ actorId: null, ipAddress: "seed" });
  });

  it("imports 500 rows in one go and re-imports them as unchanged", async () => {
    const lines = ["externalId,name,email,team,roles,hireDate,status,locale"];
    for (let index = 0; index < 500; index++) {
      const id = `P${String(index).padStart(4, "0")}`;
      lines.push(
        `${id},批量${index},${id.toLowerCase()}@example.com,${index % 2 ? "PRE" : "AFT"},客服${index % 50 === 0 ? "|组长" : ""},2024-01-01,active,zh-CN`,
      );
    }
    const text = lines.join("\n");
    const startedAt = performance.now();
    expect(await importUsers(text, actor())).toEqual({ created: 500, updated: 0, unchanged: 0, errors: [] });
    const firstMs = performance.now() - startedAt;
    expect(await importUsers(text, actor())).toEqual({ created: 0, updated: 0, unchanged: 500, errors: [] });
    expect(firstMs).toBeLessThan(20_000);
    expect(await db.userRole.count({ where: { user: { externalId: { startsWith: "P" } } } })).toBe(510);
  });
});

describe("the import page", () => {
  it("is for admins only", async () => {
    const { cookie } = await signInAs("manager");
    expect((await callRoute(importLoader, buildRequest("/admin/users/import", { cookie }))).status).toBe(403);
    expect((await callRoute(templateLoader, buildRequest("/admin/users/import/template", { cookie }))).status).toBe(
      403,
    );
  });

  it("imports an uploaded file (GB18030 from Excel included) and shows the counts and row errors", async () => {
    const csv = "工号,姓名,角色\nE4001,上传一,客服\nE4002,上传二,老板\n";
    const upload = await callRoute(importAction, uploadRequest(new TextEncoder().encode(csv)));
    expect(upload.status).toBe(200);
    const result = (upload.data as { ok: boolean; result: ImportResult }).result;
    expect(result).toMatchObject({ created: 1, updated: 0, unchanged: 0 });
    expect(result.errors).toEqual([
      { line: 3, field: "roles", message: "admin:import.errors.unknownRole", value: "老板" },
    ]);

    const gb18030 = Uint8Array.from([
      0xb9,
      0xa4,
      0xba,
      0xc5,
      0x2c,
      0xd0,
      0xd5,
      0xc3,
      0xfb,
      0x0a,
      ...new TextEncoder().encode("E4003,GBK\n"),
    ]);
    const excel = await callRoute(importAction, uploadRequest(gb18030, "导出.csv", "application/vnd.ms-excel"));
    expect((excel.data as { result: ImportResult }).result).toMatchObject({ created: 1, errors: [] });
  });

  it("accepts pasted CSV text and an initial password for the new users", async () => {
    const form = new FormData();
    form.append("csv", "externalId,name\nE5001,粘贴一\n");
    form.append("initialPassword", "Welcome2026");
    const result = await callRoute(importAction, buildRequest("/admin/users/import", { cookie: adminCookie, form }));
    expect(result.status).toBe(200);
    const user = await db.user.findUniqueOrThrow({ where: { externalId: "E5001" }, select: { passwordHash: true } });
    expect(await verifyPassword(user.passwordHash!, "Welcome2026")).toBe(true);
  });

  it("rejects files over the limit with 413, and non-CSV, empty or missing input with 400", async () => {
    const big = await callRoute(importAction, uploadRequest("externalId,name\n" + "x".repeat(5 * 1024 * 1024 + 10)));
    expect(big.status).toBe(413);
    expect(big.data).toMatchObject({ ok: false, formError: "admin:import.errors.tooLarge" });

    const xlsx = await callRoute(
      importAction,
      uploadRequest(
        "PK\u0003\u0004",
        "users.xlsx",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      ),
    );
    expect(xlsx.status).toBe(400);
    expect(xlsx.data).toMatchObject({ formError: "admin:import.errors.notCsv" });

    const renamed = await callRoute(
      importAction,
      uploadRequest(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00]), "users.csv"),
    );
    expect(renamed.status).toBe(400);

    const empty = await callRoute(importAction, uploadRequest("\uFEFF\n"));
    expect(empty.status).toBe(400);
    expect(empty.data).toMatchObject({ formError: "admin:import.errors.empty" });

    const nothing = await callRoute(
      importAction,
      buildRequest("/admin/users/import", { cookie: adminCookie, form: new FormData() }),
    );
    expect(nothing.status).toBe(400);
    expect(nothing.data).toMatchObject({ formError: "admin:import.errors.noInput" });

    const weakPassword = await callRoute(
      importAction,
      buildRequest("/admin/users/import", {
        cookie: adminCookie,
        form: { csv: "externalId,name\nE6001,x\n", initialPassword: "123" },
      }),
    );
    expect(weakPassword.status).toBe(400);
    expect(await db.user.count({ where: { externalId: "E6001" } })).toBe(0);
  });

  it("serves the template with a BOM, and the template imports cleanly once its teams exist", async () => {
    const result = await callRoute(
      templateLoader,
      buildRequest("/admin/users/import/template", { cookie: adminCookie }),
    );
    expect(result.status).toBe(200);
    expect(result.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    expect(result.headers.get("Content-Disposition")).toContain("attachment");
    const response = await templateLoader({
      request: buildRequest("/admin/users/import/template", { cookie: adminCookie }),
      params: {},
      context: {},
    });
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);

    await createTestUser({ externalId: "unrelated" });
    await db.team.create({ data: { code: "CS-01", name: "模板组" } });
    const text = new TextDecoder().decode(bytes);
    expect((await importUsers(text, actor())).errors).toEqual([]);
  });
});
