/** The 360 seed on a small hand-built organisation: a closed and an open cycle, the demo agent's story, idempotent. */
import { describe, expect, it } from "vitest";
import { db } from "~/utils/db.server";
import { seedFeedback } from "../../prisma/seed/performance-feedback";
import { createTestUser } from "../support/auth";

async function snapshot() {
  const [cycles, subjects, requests, ratings, templates, competencies, notifications] = await Promise.all([
    db.feedbackCycle.findMany({
      orderBy: { name: "asc" },
      select: { name: true, status: true, openedAt: true, closedAt: true },
    }),
    db.feedbackSubject.findMany({ orderBy: { id: "asc" }, select: { id: true, overallScore: true } }),
    db.feedbackRequest.findMany({ orderBy: { id: "asc" }, select: { id: true, status: true, submittedAt: true } }),
    db.feedbackRating.count(),
    db.feedbackTemplate.count(),
    db.feedbackCompetency.findMany({ orderBy: { id: "asc" }, select: { id: true, name: true } }),
    db.notification.count(),
  ]);
  return { cycles, subjects, requests, ratings, templates, competencies, notifications };
}

describe("seedFeedback", () => {
  it("seeds a closed and an open cycle with the demo agent's story and changes nothing when run again", async () => {
    await createTestUser({ roles: ["manager"], externalId: "M001" });
    await createTestUser({ roles: ["qa_inspector"], externalId: "Q002" });
    const leadA = await createTestUser({ roles: ["team_lead"], externalId: "L201" });
    const leadC = await createTestUser({ roles: ["team_lead"], externalId: "L301" });
    const aft = await db.team.create({ data: { code: "AFT", name: "售后服务组", leadId: leadA.id } });
    const cmp = await db.team.create({ data: { code: "CMP", name: "投诉处理组", leadId: leadC.id } });
    const demo = await createTestUser({ externalId: "A2003", teamId: aft.id });
    for (let i = 4; i <= 9; i++) await createTestUser({ externalId: `A200${i}`, teamId: aft.id });
    for (let i = 1; i <= 6; i++) await createTestUser({ externalId: `A300${i}`, teamId: cmp.id });

    const first = await seedFeedback();
    expect(first).toContain("2026年第三季度360评估 closed");
    expect(first).toContain("2026年第四季度360评估 open");
    const template = await db.feedbackTemplate.findUniqueOrThrow({
      where: { key: "cs-general" },
      select: { name: true, competencies: { orderBy: { position: "asc" }, select: { name: true } } },
    });
    expect(template.name).toBe("客服综合能力评估");
    expect(template.competencies.map((competency) => competency.name)).toEqual([
      "专业知识",
      "沟通能力",
      "团队协作",
      "服务态度",
      "学习能力",
    ]);

    const closed = await db.feedbackCycle.findFirstOrThrow({ where: { name: "2026年第三季度360评估" } });
    expect(closed.status).toBe("closed");
    expect(await db.feedbackSubject.count({ where: { cycleId: closed.id } })).toBe(13);
    const demoReport = await db.feedbackSubject.findFirstOrThrow({ where: { cycleId: closed.id, userId: demo.id } });
    expect(demoReport.overallScore).toBeGreaterThanOrEqual(1);
    expect(demoReport.overallScore).toBeLessThanOrEqual(5);
    expect(demoReport.acknowledgedAt).toBeNull();
    const peerAnswers = await db.feedbackRequest.count({
      where: { subjectId: demoReport.id, group: "peer", status: "submitted" },
    });
    expect(peerAnswers).toBeGreaterThanOrEqual(3);

    const open = await db.feedbackCycle.findFirstOrThrow({ where: { name: "2026年第四季度360评估" } });
    expect(open.status).toBe("open");
    expect(await db.feedbackSubject.count({ where: { cycleId: open.id } })).toBe(7);
    const pendingForDemo = await db.feedbackRequest.count({
      where: { raterId: demo.id, status: "pending", subject: { cycleId: open.id } },
    });
    expect(pendingForDemo).toBeGreaterThanOrEqual(1);
    const openCounts = await db.feedbackRequest.groupBy({
      by: ["status"],
      where: { subject: { cycleId: open.id } },
      _count: true,
    });
    expect(openCounts.map((row) => row.status).sort()).toEqual(["pending", "submitted"]);

    const before = await snapshot();
    await seedFeedback();
    expect(await snapshot()).toEqual(before);
  });
});
