import { beforeAll, describe, expect, it } from "vitest";
import { verifyPassword } from "~/modules/identity/password.server";
import { getSessionUser } from "~/modules/identity/session.server";
import { action as editUserAction, loader as editUserLoader } from "~/routes/admin.users.$userId";
import { loader as usersLoader } from "~/routes/admin.users._index";
import { action as newUserAction } from "~/routes/admin.users.new";
import { db } from "~/utils/db.server";
import { buildRequest, callRoute, createTestUser, sessionCookieFor, signInAs, type TestUser } from "../support/auth";

let admin: TestUser;
let adminCookie: string;
let teamId: string;

beforeAll(async () => {
  ({ user: admin, cookie: adminCookie } = await signInAs("admin", { externalId: "ADM1", name: "管理员甲" }));
  teamId = (await db.team.create({ data: { code: "PRE", name: "售前一组" }, select: { id: true } })).id;
});

type Reply = { status?: string; error?: Record<string, string[] | null> };
type EditData = { intent: string; reply: Reply; generatedPassword: string | null };

function post(path: string, form: Record<string, string | string[] | undefined>, cookie = adminCookie) {
  return buildRequest(path, { cookie, form });
}

const validUser = {
  externalId: "A2001",
  name: "张三",
  email: "ZhangSan@Example.com",
  teamId: "",
  roles: ["agent", "team_lead"],
  hireDate: "2024-03-01",
  locale: "zh-CN",
  status: "active",
};

describe("permissions", () => {
  it("answers 403 to an agent calling an admin loader", async () => {
    const { cookie } = await signInAs("agent");
    const result = await callRoute(usersLoader, buildRequest("/admin/users", { cookie }));
    expect(result.thrown).toBe(true);
    expect(result.status).toBe(403);
  });

  it("answers 403 to a manager posting to an admin action", async () => {
    const { cookie } = await signInAs("manager");
    const result = await callRoute(newUserAction, post("/admin/users/new", validUser, cookie));
    expect(result.status).toBe(403);
    expect(await db.user.count({ where: { externalId: validUser.externalId } })).toBe(0);
  });

  it("sends signed-out visitors to the login page", async () => {
    const result = await callRoute(usersLoader, buildRequest("/admin/users?q=x"));
    expect(result.status).toBe(302);
    expect(result.location).toBe("/login?redirectTo=%2Fadmin%2Fusers%3Fq%3Dx");
  });

  it("refuses a cross-site POST", async () => {
    const request = buildRequest("/admin/users/new", {
      cookie: adminCookie,
      form: validUser,
      headers: { Origin: "https://evil.example" },
    });
    const result = await callRoute(newUserAction, request);
    expect(result.status).toBe(403);
  });
});

describe("creating users", () => {
  it("creates a user with roles and team, audits it, and redirects with a flash", async () => {
    const result = await callRoute(newUserAction, post("/admin/users/new", { ...validUser, teamId }));
    expect(result.status).toBe(302);
    expect(result.headers.get("Set-Cookie")).toContain("fw_flash=");
    const user = await db.user.findUniqueOrThrow({
      where: { externalId: "A2001" },
      select: {
        id: true,
        email: true,
        teamId: true,
        hireDate: true,
        passwordHash: true,
        roles: { select: { role: true }, orderBy: { role: "asc" } },
      },
    });
    expect(result.location).toBe(`/admin/users/${user.id}`);
    expect(user).toMatchObject({ email: "zhangsan@example.com", teamId, passwordHash: null });
    expect(user.hireDate?.toISOString()).toBe("2024-03-01T00:00:00.000Z");
    expect(user.roles.map((entry) => entry.role).sort()).toEqual(["agent", "team_lead"]);

    const audit = await db.auditLog.findFirstOrThrow({ where: { action: "user.create", entityId: user.id } });
    expect(audit.actorId).toBe(admin.id);
    expect(audit.after).toEqual({
      externalId: "A2001",
      name: "张三",
      email: "zhangsan@example.com",
      team: "PRE",
      hireDate: "2024-03-01",
      status: "active",
      locale: "zh-CN",
      roles: ["agent", "team_lead"],
    });
    expect(JSON.stringify(audit.after)).not.toMatch(/password/i);
  });

  it("answers 400 with a field error for a duplicate 工号 (any letter case) or e-mail", async () => {
    const result = await callRoute(
      newUserAction,
      post("/admin/users/new", { ...validUser, externalId: "a2001", email: "zhangsan@example.COM" }),
    );
    expect(result.status).toBe(400);
    const reply = result.data as Reply;
    expect(reply.error?.externalId).toEqual(["admin:users.errors.externalIdTaken"]);
    expect(reply.error?.email).toEqual(["admin:users.errors.emailTaken"]);
    expect(await db.user.count({ where: { externalId: { equals: "a2001", mode: "insensitive" } } })).toBe(1);
  });

  it("answers 400 with field errors for bad input", async () => {
    const result = await callRoute(
      newUserAction,
      post("/admin/users/new", {
        ...validUser,
        externalId: "A 9",
        name: "",
        email: "nope",
        roles: [],
        hireDate: "2024-02-30",
        password: "short",
      }),
    );
    expect(result.status).toBe(400);
    const errors = (result.data as Reply).error ?? {};
    expect(errors.externalId).toEqual(["admin:users.errors.externalIdFormat"]);
    expect(errors.name).toEqual(["validation:required"]);
    expect(errors.email).toEqual(["validation:invalidEmail"]);
    expect(errors.roles).toEqual(["admin:users.errors.rolesRequired"]);
    expect(errors.hireDate).toEqual(["validation:invalidDate"]);
    expect(errors.password?.[0]).toBe("validation:passwordTooShort");
  });

  it("rejects a team id that does not exist", async () => {
    const result = await callRoute(
      newUserAction,
      post("/admin/users/new", { ...validUser, externalId: "A2009", email: "", teamId: "nope" }),
    );
    expect(result.status).toBe(400);
    expect((result.data as Reply).error?.teamId).toEqual(["admin:users.errors.teamNotFound"]);
  });
});

describe("listing users", () => {
  it("searches name/工号/email case-insensitively and filters by team, role and status", async () => {
    await createTestUser({ externalId: "Q3001", name: "质检李四", email: "lisi@example.com", roles: ["qa_inspector"] });
    await createTestUser({ externalId: "A3002", name: "王五", roles: ["agent"], teamId, status: "inactive" });
    const list = async (query: string) => {
      const result = await callRoute(usersLoader, buildRequest(`/admin/users${query}`, { cookie: adminCookie }));
      expect(result.status).toBe(200);
      const data = result.data as { rows: { externalId: string }[]; total: number };
      return data.rows.map((row) => row.externalId);
    };
    expect(await list("?q=LISI")).toEqual(["Q3001"]);
    expect(await list("?q=q30")).toEqual(["Q3001"]);
    expect(await list(`?teamId=${teamId}`)).toEqual(["A2001", "A3002"]);
    expect(await list(`?teamId=${teamId}&status=inactive`)).toEqual(["A3002"]);
    expect(await list("?role=qa_inspector")).toEqual(["Q3001"]);
    expect(await list("?role=bogus&status=bogus&q=%E7%8E%8B")).toEqual(["A3002"]);
    expect(await list("?teamId=none&role=admin")).toEqual(["ADM1"]);

    const paged = await callRoute(usersLoader, buildRequest("/admin/users?pageSize=2&page=2", { cookie: adminCookie }));
    const data = paged.data as { rows: unknown[]; total: number; page: number };
    expect(data.page).toBe(2);
    expect(data.rows).toHaveLength(2);
    expect(data.total).toBe(await db.user.count());
  });
});

describe("editing users", () => {
  async function userId(externalId: string) {
    return (await db.user.findUniqueOrThrow({ where: { externalId }, select: { id: true } })).id;
  }

  it("loads the edit form without the password hash", async () => {
    const id = await userId("A2001");
    const result = await callRoute(editUserLoader, buildRequest(`/admin/users/${id}`, { cookie: adminCookie }), {
      userId: id,
    });
    expect(result.status).toBe(200);
    const data = result.data as { user: Record<string, unknown> };
    expect(data.user).toMatchObject({ externalId: "A2001", hasPassword: false, roles: ["agent", "team_lead"] });
    expect(JSON.stringify(result.data)).not.toContain("passwordHash");
  });

  it("answers 404 for an unknown id, from the loader and the action", async () => {
    const loaderResult = await callRoute(editUserLoader, buildRequest("/admin/users/nope", { cookie: adminCookie }), {
      userId: "nope",
    });
    expect(loaderResult.status).toBe(404);
    const actionResult = await callRoute(
      editUserAction,
      post("/admin/users/nope", { intent: "setStatus", status: "inactive" }),
      { userId: "nope" },
    );
    expect(actionResult.status).toBe(404);
  });

  it("updates fields and roles and audits before/after", async () => {
    const id = await userId("A2001");
    const result = await callRoute(
      editUserAction,
      post(`/admin/users/${id}`, {
        intent: "update",
        externalId: "A2001",
        name: "张三丰",
        email: "",
        teamId: "",
        roles: ["agent"],
        hireDate: "",
        locale: "en",
      }),
      { userId: id },
    );
    expect(result.status).toBe(302);
    const audit = await db.auditLog.findFirstOrThrow({
      where: { action: "user.update", entityId: id },
      orderBy: { id: "desc" },
    });
    expect(audit.before).toMatchObject({
      name: "张三",
      email: "zhangsan@example.com",
      team: "PRE",
      roles: ["agent", "team_lead"],
      locale: "zh-CN",
    });
    expect(audit.after).toMatchObject({
      name: "张三丰",
      email: null,
      team: null,
      hireDate: null,
      roles: ["agent"],
      locale: "en",
    });
  });

  it("refuses to let an admin remove their own admin role or deactivate themselves", async () => {
    const removeRole = await callRoute(
      editUserAction,
      post(`/admin/users/${admin.id}`, {
        intent: "update",
        externalId: "ADM1",
        name: "管理员甲",
        roles: ["manager"],
        locale: "zh-CN",
      }),
      { userId: admin.id },
    );
    expect(removeRole.status).toBe(400);
    expect((removeRole.data as EditData).reply.error?.[""]).toEqual(["admin:users.errors.cannotRemoveOwnAdmin"]);

    const deactivate = await callRoute(
      editUserAction,
      post(`/admin/users/${admin.id}`, { intent: "setStatus", status: "inactive" }),
      {
        userId: admin.id,
      },
    );
    expect(deactivate.status).toBe(400);
    expect((deactivate.data as EditData).reply.error?.[""]).toEqual(["admin:users.errors.cannotDeactivateSelf"]);
    const me = await db.user.findUniqueOrThrow({
      where: { id: admin.id },
      select: { status: true, roles: { select: { role: true } } },
    });
    expect(me.status).toBe("active");
    expect(me.roles.map((entry) => entry.role)).toEqual(["admin"]);
  });

  it("deactivating signs the user out; reactivating lets them back", async () => {
    const target = await createTestUser({ externalId: "A4001" });
    const cookie = await sessionCookieFor(target.id);
    expect(await getSessionUser(buildRequest("/", { cookie }))).not.toBeNull();

    const result = await callRoute(
      editUserAction,
      post(`/admin/users/${target.id}`, { intent: "setStatus", status: "inactive" }),
      { userId: target.id },
    );
    expect(result.status).toBe(302);
    expect(await db.session.count({ where: { userId: target.id, revokedAt: null } })).toBe(0);
    expect(await getSessionUser(buildRequest("/", { cookie }))).toBeNull();
    expect(await db.auditLog.count({ where: { action: "user.deactivate", entityId: target.id } })).toBe(1);

    await callRoute(editUserAction, post(`/admin/users/${target.id}`, { intent: "setStatus", status: "active" }), {
      userId: target.id,
    });
    expect((await db.user.findUniqueOrThrow({ where: { id: target.id }, select: { status: true } })).status).toBe(
      "active",
    );
    expect(await db.auditLog.count({ where: { action: "user.reactivate", entityId: target.id } })).toBe(1);
  });
});

describe("password reset", () => {
  it("generates a password shown once, stores only its hash and revokes every session", async () => {
    const target = await createTestUser({ externalId: "A5001" });
    const cookie = await sessionCookieFor(target.id);
    await sessionCookieFor(target.id);

    const result = await callRoute(
      editUserAction,
      post(`/admin/users/${target.id}`, { intent: "resetPassword", mode: "generate" }),
      {
        userId: target.id,
      },
    );
    expect(result.status).toBe(200);
    expect(result.headers.get("Cache-Control")).toBe("no-store");
    const password = (result.data as EditData).generatedPassword!;
    expect(password).toMatch(/^[A-Za-z0-9]{14}$/);

    const stored = await db.user.findUniqueOrThrow({
      where: { id: target.id },
      select: { passwordHash: true, passwordChangedAt: true },
    });
    expect(stored.passwordHash).not.toContain(password);
    expect(await verifyPassword(stored.passwordHash!, password)).toBe(true);
    expect(stored.passwordChangedAt).not.toBeNull();
    expect(await db.session.count({ where: { userId: target.id, revokedAt: null } })).toBe(0);
    expect(await getSessionUser(buildRequest("/", { cookie }))).toBeNull();

    const audit = await db.auditLog.findFirstOrThrow({ where: { action: "user.password.reset", entityId: target.id } });
    expect(audit.after).toEqual({ generated: true, sessionsRevoked: 2 });
    expect(JSON.stringify([audit.before, audit.after])).not.toContain(password);
  });

  it("sets the admin's password, or refuses one that breaks the policy", async () => {
    const target = await createTestUser({ externalId: "A5002" });
    const weak = await callRoute(
      editUserAction,
      post(`/admin/users/${target.id}`, { intent: "resetPassword", mode: "manual", password: "abcdefgh" }),
      {
        userId: target.id,
      },
    );
    expect(weak.status).toBe(400);
    expect((weak.data as EditData).reply.error?.password).toEqual(["validation:passwordLettersDigits"]);

    const missing = await callRoute(
      editUserAction,
      post(`/admin/users/${target.id}`, { intent: "resetPassword", mode: "manual" }),
      { userId: target.id },
    );
    expect(missing.status).toBe(400);
    expect((missing.data as EditData).reply.error?.password).toEqual(["validation:required"]);

    const ok = await callRoute(
      editUserAction,
      post(`/admin/users/${target.id}`, { intent: "resetPassword", mode: "manual", password: "Service2026" }),
      {
        userId: target.id,
      },
    );
    expect(ok.status).toBe(302);
    const stored = await db.user.findUniqueOrThrow({ where: { id: target.id }, select: { passwordHash: true } });
    expect(await verifyPassword(stored.passwordHash!, "Service2026")).toBe(true);
  });

  it("keeps the admin's own current session when they reset their own password", async () => {
    const result = await callRoute(
      editUserAction,
      post(`/admin/users/${admin.id}`, { intent: "resetPassword", mode: "manual", password: "Admin2026x" }),
      {
        userId: admin.id,
      },
    );
    expect(result.status).toBe(302);
    expect(await getSessionUser(buildRequest("/", { cookie: adminCookie }))).not.toBeNull();
  });
});
