import { beforeAll, describe, expect, it } from "vitest";
import { loader as adminHomeLoader } from "~/routes/admin._index";
import { loader as auditLoader } from "~/routes/admin.audit";
import { action as editTeamAction, loader as editTeamLoader } from "~/routes/admin.teams.$teamId";
import { action as newTeamAction, loader as teamsLoader } from "~/routes/admin.teams._index";
import { db } from "~/utils/db.server";
import { buildRequest, callRoute, createTestUser, signInAs, type TestUser } from "../support/auth";

let admin: TestUser;
let adminCookie: string;
let lead: TestUser;

beforeAll(async () => {
  ({ user: admin, cookie: adminCookie } = await signInAs("admin", { externalId: "ADM1", name: "管理员甲" }));
  lead = await createTestUser({ externalId: "L101", name: "陈组长", roles: ["team_lead", "agent"] });
});

type Reply = { error?: Record<string, string[] | null> };
type TeamsData = { teams: { code: string; headcount: number; lead: { externalId: string } | null }[] };

describe("teams", () => {
  it("creates a team with a lead and audits it", async () => {
    const result = await callRoute(
      newTeamAction,
      buildRequest("/admin/teams", {
        cookie: adminCookie,
        form: { code: "PRE", name: "售前一组", description: "售前咨询", leadId: lead.id },
      }),
    );
    expect(result.status).toBe(302);
    const team = await db.team.findUniqueOrThrow({ where: { code: "PRE" }, select: { id: true, leadId: true } });
    expect(team.leadId).toBe(lead.id);
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: "team.create", entityId: team.id } });
    expect(audit.after).toEqual({ code: "PRE", name: "售前一组", description: "售前咨询", lead: "L101" });
  });

  it("answers 400 for a duplicate code or name, a bad code, or a lead who cannot lead", async () => {
    const agent = await createTestUser({ externalId: "A1", roles: ["agent"] });
    const result = await callRoute(
      newTeamAction,
      buildRequest("/admin/teams", { cookie: adminCookie, form: { code: "pre", name: "售前一组", leadId: agent.id } }),
    );
    expect(result.status).toBe(400);
    expect((result.data as Reply).error).toMatchObject({
      code: ["admin:teams.errors.codeTaken"],
      name: ["admin:teams.errors.nameTaken"],
      leadId: ["admin:teams.errors.leadNotEligible"],
    });
    const badCode = await callRoute(
      newTeamAction,
      buildRequest("/admin/teams", { cookie: adminCookie, form: { code: "售前 2", name: "" } }),
    );
    expect((badCode.data as Reply).error).toMatchObject({
      code: ["admin:teams.errors.codeFormat"],
      name: ["validation:required"],
    });
  });

  it("lists teams with their lead and active headcount", async () => {
    const team = await db.team.findUniqueOrThrow({ where: { code: "PRE" }, select: { id: true } });
    await createTestUser({ teamId: team.id });
    await createTestUser({ teamId: team.id });
    await createTestUser({ teamId: team.id, status: "inactive" });
    const result = await callRoute(teamsLoader, buildRequest("/admin/teams", { cookie: adminCookie }));
    expect((result.data as TeamsData).teams).toEqual([
      expect.objectContaining({ code: "PRE", headcount: 2, lead: expect.objectContaining({ externalId: "L101" }) }),
    ]);
  });

  it("edits a team, shows its members, and 404s for an unknown team", async () => {
    const team = await db.team.findUniqueOrThrow({ where: { code: "PRE" }, select: { id: true } });
    const page = await callRoute(editTeamLoader, buildRequest(`/admin/teams/${team.id}`, { cookie: adminCookie }), {
      teamId: team.id,
    });
    expect((page.data as { team: { members: unknown[] } }).team.members).toHaveLength(3);

    const saved = await callRoute(
      editTeamAction,
      buildRequest(`/admin/teams/${team.id}`, {
        cookie: adminCookie,
        form: { code: "PRE-1", name: "售前一组", description: "", leadId: "" },
      }),
      { teamId: team.id },
    );
    expect(saved.status).toBe(302);
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: "team.update", entityId: team.id } });
    expect(audit.before).toMatchObject({ code: "PRE", lead: "L101", description: "售前咨询" });
    expect(audit.after).toMatchObject({ code: "PRE-1", lead: null, description: null });

    const missing = await callRoute(editTeamLoader, buildRequest("/admin/teams/nope", { cookie: adminCookie }), {
      teamId: "nope",
    });
    expect(missing.status).toBe(404);
    const missingAction = await callRoute(
      editTeamAction,
      buildRequest("/admin/teams/nope", { cookie: adminCookie, form: { code: "X1", name: "X" } }),
      { teamId: "nope" },
    );
    expect(missingAction.status).toBe(404);
  });

  it("is closed to managers", async () => {
    const { cookie } = await signInAs("manager");
    expect((await callRoute(teamsLoader, buildRequest("/admin/teams", { cookie }))).status).toBe(403);
  });
});

describe("audit log", () => {
  type AuditData = {
    rows: { action: string; before: unknown; after: unknown; actor: { externalId: string } | null }[];
    total: number;
    actorUnknown: boolean;
  };

  it("is readable by admins and managers, not agents", async () => {
    const { cookie: managerCookie } = await signInAs("manager");
    const { cookie: agentCookie } = await signInAs("agent");
    expect((await callRoute(auditLoader, buildRequest("/admin/audit", { cookie: managerCookie }))).status).toBe(200);
    expect((await callRoute(auditLoader, buildRequest("/admin/audit", { cookie: adminCookie }))).status).toBe(200);
    expect((await callRoute(auditLoader, buildRequest("/admin/audit", { cookie: agentCookie }))).status).toBe(403);
  });

  it("filters by actor 工号, action prefix, entity type and date range", async () => {
    const list = async (query: string) =>
      (await callRoute(auditLoader, buildRequest(`/admin/audit${query}`, { cookie: adminCookie }))).data as AuditData;

    const teamEntries = await list("?action=team.&actor=adm1");
    expect(teamEntries.rows.map((row) => row.action).sort()).toEqual(["team.create", "team.update"]);
    expect(teamEntries.rows.every((row) => row.actor?.externalId === "ADM1")).toBe(true);
    const update = teamEntries.rows.find((row) => row.action === "team.update")!;
    expect(update.before).toMatchObject({ code: "PRE" });
    expect(update.after).toMatchObject({ code: "PRE-1" });

    expect((await list("?entityType=team")).total).toBe(2);
    expect((await list("?entityType=user")).total).toBe(0);
    expect(await list("?actor=NOBODY")).toMatchObject({ rows: [], total: 0, actorUnknown: true });

    const today = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai" }).format(new Date());
    expect((await list(`?from=${today}&to=${today}&action=team.`)).total).toBe(2);
    expect((await list("?from=2000-01-01&to=2000-01-31")).total).toBe(0);
    expect((await list("?from=garbage&pageSize=1")).rows).toHaveLength(1);
  });
});

describe("admin home", () => {
  it("shows counts by status, role and team, and the latest audit entries", async () => {
    const result = await callRoute(adminHomeLoader, buildRequest("/admin", { cookie: adminCookie }));
    expect(result.status).toBe(200);
    const data = result.data as {
      activeUsers: number;
      inactiveUsers: number;
      teams: number;
      withoutTeam: number;
      usersPerRole: { role: string; count: number }[];
      recentAudit: unknown[];
    };
    expect(data.activeUsers).toBe(await db.user.count({ where: { status: "active" } }));
    expect(data.inactiveUsers).toBe(1);
    expect(data.teams).toBe(1);
    expect(data.withoutTeam).toBe(await db.user.count({ where: { status: "active", teamId: null } }));
    expect(data.usersPerRole.find((entry) => entry.role === "admin")?.count).toBe(1);
    expect(data.recentAudit.length).toBeGreaterThan(0);
    expect(data.recentAudit.length).toBeLessThanOrEqual(5);

    const { cookie } = await signInAs("manager");
    expect((await callRoute(adminHomeLoader, buildRequest("/admin", { cookie }))).status).toBe(403);
    expect(admin.id).toBeTruthy();
  });
});
