/**
 * The demo award cycles go through the real workflow once and are left alone on a second run. Nine agents with
 * KPI snapshots for October and November 2026 (the seed runs on 6 December 2026).
 */
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/utils/db.server";
import { seedAwardPrograms } from "../../prisma/seed/incentives-awards";
import { seedAwardCycles } from "../../prisma/seed/incentives-cycles";
import { createTestUser } from "../support/auth";

const NOW = new Date("2026-12-06T10:00:00+08:00");
const MONTHS = [new Date("2026-10-01T00:00:00Z"), new Date("2026-11-01T00:00:00Z")];
const KPIS = [
  ["csat", "csat_percent", "higher", "percent"],
  ["qa_score", "qa_score", "higher", "score"],
  ["resolution_rate", "resolution_rate", "higher", "percent"],
  ["frt_median", "first_response_median", "lower", "seconds"],
  ["complaint_rate", "complaint_rate", "lower", "percent"],
  ["feedback_360", "feedback_360", "higher", "score"],
  ["conversations", "conversations_handled", "higher", "count"],
] as const;

beforeAll(async () => {
  for (const [key, metric, direction, unit] of KPIS) {
    await db.kpiDefinition.create({ data: { key, metric, direction, unit, nameZh: key, nameEn: key } });
  }
  const team = await db.team.create({ data: { code: "PRE", name: "售前咨询组" } });
  await createTestUser({ roles: ["manager"], externalId: "M001", name: "周经理" });
  for (let index = 0; index < 9; index += 1) {
    const user = await createTestUser({ externalId: `S${index + 1}`, name: `客服${index + 1}`, teamId: team.id });
    await db.user.update({ where: { id: user.id }, data: { hireDate: new Date("2022-01-01T00:00:00Z") } });
    for (const [monthIndex, periodStart] of MONTHS.entries()) {
      // November reverses part of October's order so 进步之星 has someone who improved.
      const csat = monthIndex === 0 ? 80 + index * 2 : 98 - index * 1.5;
      const rows: [string, number, number][] = [
        ["csat_percent", csat, 40],
        ["qa_score", 85 + (index % 3) * 3, 3],
        ["resolution_rate", 88 + (index % 4), 50],
        ["first_response_median", 20 + index, 50],
        ["complaint_rate", 1 + (index % 2), 50],
        ["conversations_handled", 50 + index, 50 + index],
        ["red_line_incidents", 0, 3],
      ];
      for (const [metric, value, sampleSize] of rows) {
        await db.kpiSnapshot.create({
          data: {
            periodKind: "month",
            periodStart,
            subjectKind: "agent",
            subjectId: user.id,
            metric,
            value,
            sampleSize,
          },
        });
      }
    }
  }
  for (const periodStart of MONTHS) {
    await db.kpiComputation.create({
      data: { periodKind: "month", periodStart, finishedAt: new Date(), rows: 63, trigger: "manual" },
    });
  }
  await seedAwardPrograms();
});

describe("award cycle seed", () => {
  it("runs the demo cycles once, then keeps them", async () => {
    const first = await seedAwardCycles(NOW);
    expect(first).toContain("monthly-service-star 2026-11 published");
    expect(first).toContain("monthly-service-star 2026-10 published");
    expect(first).toContain("monthly-service-star 2026-09 open");
    expect(first).toContain("rising-star 2026-11 published");
    expect(first).toContain("five-star-agent 2026-Q3 under review");

    const november = await db.awardCycle.findFirstOrThrow({
      where: { program: { key: "monthly-service-star" }, periodStart: MONTHS[1] },
      select: { id: true, status: true },
    });
    expect(november.status).toBe("published");
    const excluded = await db.awardCandidate.findMany({
      where: { cycleId: november.id, excluded: true },
      select: { rank: true, excludedReason: true, winner: true },
    });
    expect(excluded).toEqual([{ rank: 2, excludedReason: "本月有一次经核实的客户投诉，暂缓评选", winner: false }]);
    const winners = await db.awardCandidate.findMany({
      where: { cycleId: november.id, winner: true },
      select: { id: true, certificateSerial: true, story: { select: { publishedAt: true, title: true } } },
    });
    expect(winners).toHaveLength(3);
    expect(winners.every((winner) => /^AW-2026-\d{6}$/.test(winner.certificateSerial ?? ""))).toBe(true);
    expect(winners.filter((winner) => winner.story?.publishedAt)).toHaveLength(1);
    const bonuses = await db.ledgerEntry.count({
      where: { awardCandidateId: { in: winners.map((winner) => winner.id) } },
    });
    expect(bonuses).toBe(3);
    expect(await db.notification.count({ where: { kind: "awards-won" } })).toBeGreaterThanOrEqual(3);

    const counts = async () => ({
      cycles: await db.awardCycle.count(),
      candidates: await db.awardCandidate.count(),
      ledger: await db.ledgerEntry.count(),
      notifications: await db.notification.count(),
      audit: await db.auditLog.count(),
    });
    const before = await counts();
    const second = await seedAwardCycles(NOW);
    expect(second).toContain("monthly-service-star 2026-11 kept (published)");
    expect(second).toContain("five-star-agent 2026-Q3 kept (under_review)");
    expect(await counts()).toEqual(before);
  });
});
