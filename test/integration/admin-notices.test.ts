import { describe, expect, it } from "vitest";
import { createTeam, updateTeam } from "~/modules/admin/teams.server";
import { createUser, resetPassword, updateUser } from "~/modules/admin/users.server";
import { db } from "~/utils/db.server";
import { createTestUser } from "../support/auth";

async function kindsFor(userId: string) {
  const rows = await db.notification.findMany({
    where: { userId },
    orderBy: { createdAt: "asc" },
    select: { kind: true, params: true },
  });
  return rows.map((row) => ({ kind: row.kind, params: row.params }));
}

describe("notices written with administrative changes", () => {
  it("welcomes a new user to their team, tells the lead, and later tells them about a team move and role change", async () => {
    const admin = await createTestUser({ roles: ["admin"] });
    const actor = { id: admin.id, ipAddress: "test" };
    const lead = await createTestUser({ roles: ["team_lead"], name: "组长甲" });
    const otherLead = await createTestUser({ roles: ["team_lead"], name: "组长乙" });
    const aftersales = await db.team.create({ data: { code: "AFT-N", name: "售后服务组", leadId: lead.id } });
    const complaints = await db.team.create({ data: { code: "CMP-N", name: "投诉处理组", leadId: otherLead.id } });

    const base = {
      externalId: "N1001",
      name: "新同事",
      email: null,
      hireDate: null,
      status: "active" as const,
      locale: "zh-CN" as const,
      password: null,
    };
    const created = await createUser({ ...base, teamId: aftersales.id, roles: ["agent"] }, actor);
    if (!created.ok) throw new Error("create failed");
    const userId = created.value.id;
    expect(await kindsFor(userId)).toEqual([{ kind: "welcome", params: { team: "售后服务组" } }]);
    expect(await kindsFor(lead.id)).toEqual([
      { kind: "team-member-joined", params: { name: "新同事", externalId: "N1001", team: "售后服务组" } },
    ]);

    const moved = await updateUser(userId, { ...base, teamId: complaints.id, roles: ["agent", "trainer"] }, actor);
    expect(moved).toEqual({ ok: true, value: { changed: true } });
    expect((await kindsFor(userId)).map((row) => row.kind)).toEqual(["welcome", "team-joined", "roles-changed"]);
    expect((await kindsFor(otherLead.id)).map((row) => row.kind)).toEqual(["team-member-joined"]);

    // Saving without changes notifies nobody.
    await updateUser(userId, { ...base, teamId: complaints.id, roles: ["agent", "trainer"] }, actor);
    expect(await db.notification.count({ where: { userId } })).toBe(3);
  });

  it("tells a user an admin reset their password, and a newly appointed lead about their team", async () => {
    const admin = await createTestUser({ roles: ["admin"] });
    const actor = { id: admin.id, ipAddress: "test" };
    const agent = await createTestUser();
    await resetPassword(agent.id, "NewPass123", actor);
    expect((await kindsFor(agent.id)).map((row) => row.kind)).toEqual(["password-reset"]);
    await resetPassword(admin.id, "OwnPass123", actor);
    expect(await kindsFor(admin.id)).toEqual([]);

    const lead = await createTestUser({ roles: ["team_lead"] });
    const team = await createTeam({ code: "FUP-N", name: "客户回访组", description: null, leadId: null }, actor);
    if (!team.ok) throw new Error("team create failed");
    await updateTeam(team.value.id, { code: "FUP-N", name: "客户回访组", description: null, leadId: lead.id }, actor);
    expect(await kindsFor(lead.id)).toEqual([{ kind: "team-lead-assigned", params: { team: "客户回访组" } }]);
  });
});
