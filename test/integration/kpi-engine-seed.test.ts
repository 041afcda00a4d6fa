import { describe, expect, it } from "vitest";
import { db } from "~/utils/db.server";
import { seedKpis } from "../../prisma/seed/performance-kpi";
import { seedQaConversations } from "../../prisma/seed/qa-conversations";
import { createTestUser } from "../support/auth";

describe("KPI seed", () => {
  it("syncs the definitions, computes 13 months and changes nothing the second time", async () => {
    for (const [code, name, agent] of [
      ["PRE", "售前咨询组", "A1001"],
      ["AFT", "售后服务组", "A2001"],
      ["CMP", "投诉处理组", "A3001"],
      ["FUP", "客户回访组", "A4001"],
    ] as const) {
      const team = await db.team.create({ data: { code, name }, select: { id: true } });
      await createTestUser({ externalId: agent, teamId: team.id });
    }
    await seedQaConversations();
    const now = new Date();
    const first = await seedKpis(now);
    expect(first).toMatch(/^kpis: 16 definitions created, 0 kept; 13 months computed/);

    const csat = await db.kpiDefinition.findUniqueOrThrow({
      where: { key: "csat" },
      include: { targets: true, teams: true },
    });
    expect(csat).toMatchObject({ metric: "csat_percent", nameZh: "客户满意度", direction: "higher" });
    expect(csat.targets.find((target) => target.scope === "all")?.value.toNumber()).toBe(90);
    const conversion = await db.kpiDefinition.findUniqueOrThrow({
      where: { key: "conversion" },
      include: { teams: true },
    });
    expect(conversion.teams).toHaveLength(1);
    const resolution = await db.kpiDefinition.findUniqueOrThrow({
      where: { key: "resolution_time" },
      include: { targets: true },
    });
    expect(resolution.targets.find((target) => target.scope === "all")?.value.toNumber()).toBe(24 * 3600);

    // Every one of the 13 months has conversation numbers for the pre-sales agent (history before the 60 days).
    const handled = await db.kpiSnapshot.findMany({
      where: { metric: "conversations_handled", subjectKind: "agent", periodKind: "month" },
      select: { periodStart: true, subjectId: true },
    });
    expect(new Set(handled.map((row) => row.periodStart.toISOString())).size).toBe(13);
    expect(await db.kpiSnapshot.count({ where: { metric: "conversion_rate", subjectKind: "team" } })).toBeGreaterThan(
      10,
    );

    // A manager's edit survives the next sync.
    await db.kpiDefinition.update({ where: { key: "csat" }, data: { nameZh: "满意度（好评率）" } });
    const snapshots = await db.kpiSnapshot.count();
    const computations = await db.kpiComputation.count();
    const second = await seedKpis(now);
    expect(second).toMatch(/^kpis: 0 definitions created, 16 kept; 0 months computed/);
    expect(await db.kpiSnapshot.count()).toBe(snapshots);
    expect(await db.kpiComputation.count()).toBe(computations);
    expect((await db.kpiDefinition.findUniqueOrThrow({ where: { key: "csat" } })).nameZh).toBe("满意度（好评率）");
  });
});
