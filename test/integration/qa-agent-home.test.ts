import { describe, expect, it } from "vitest";
import { loader as agentHomeLoader } from "~/routes/agent._index";
import { loader as leadHomeLoader } from "~/routes/lead._index";
import { loader as managerHomeLoader } from "~/routes/manager._index";
import { db } from "~/utils/db.server";
import { buildRequest, callRoute, createTestUser, signInAs } from "../support/auth";
import { createTestConversation, createTestReview, createTestRubric } from "../support/qa-fixtures";

describe("agent home: my QA", () => {
  it("shows this month's average, pass rate, the latest review and what is waiting, from the agent's own reviews only", async () => {
    const { user: agent, cookie } = await signInAs("agent");
    const other = await createTestUser();
    const inspector = await createTestUser({ roles: ["qa_inspector"] });
    const rubric = await createTestRubric();
    const review = async (agentId: string, score: number, submittedAt: Date, kind: "regular" | "calibration") => {
      const conversation = await createTestConversation({ agentIds: [agentId] });
      return createTestReview({
        conversationId: conversation.id,
        inspectorId: inspector.id,
        rubricVersionId: rubric.versionId,
        agentId: kind === "regular" ? agentId : null,
        status: "submitted",
        score,
        submittedAt,
        kind,
      });
    };
    const now = new Date();
    await review(agent.id, 90, now, "regular");
    const latest = await review(agent.id, 70, new Date(now.getTime() + 1000), "regular");
    await review(other.id, 10, now, "regular");
    await review(agent.id, 0, now, "calibration");
    await db.coachingTask.create({
      data: { agentId: agent.id, title: "情绪安抚话术", notes: "复盘", dueAt: new Date(now.getTime() + 86_400_000) },
    });

    const result = await callRoute(agentHomeLoader, buildRequest("/agent", { cookie }));
    const { qa } = result.data as { qa: Record<string, unknown> };
    expect(qa.monthReviews).toBe(2);
    expect(qa.monthAverage).toBe(80);
    expect(qa.monthPassRate).toBe(0.5); // 90 passes the 80 mark, 70 does not
    expect((qa.latest as { id: string; score: number }).id).toBe(latest.id);
    expect(qa.unacknowledged).toBe(2);
    expect(qa.openCoaching).toBe(1);
  });
});

describe("lead and manager homes: QA this month", () => {
  it("counts the lead's team only, and the whole department for the manager", async () => {
    const lead = await signInAs("team_lead");
    const manager = await signInAs("manager");
    type Summary = { reviews: number; average: number | null; redLines: number; openCoaching: number };
    const managerSummary = async () =>
      (
        (await callRoute(managerHomeLoader, buildRequest("/manager", { cookie: manager.cookie }))).data as {
          qa: Summary;
        }
      ).qa;
    const before = await managerSummary(); // other tests in this file wrote reviews too
    const ownTeam = await db.team.create({ data: { code: "QT1", name: "质检测试一组", leadId: lead.user.id } });
    const otherTeam = await db.team.create({ data: { code: "QT2", name: "质检测试二组" } });
    const mine = await createTestUser({ teamId: ownTeam.id });
    const theirs = await createTestUser({ teamId: otherTeam.id });
    const inspector = await createTestUser({ roles: ["qa_inspector"] });
    const rubric = await createTestRubric();
    const submitted = async (agentId: string, score: number, critical = false) => {
      const conversation = await createTestConversation({ agentIds: [agentId] });
      const review = await createTestReview({
        conversationId: conversation.id,
        inspectorId: inspector.id,
        rubricVersionId: rubric.versionId,
        agentId,
        status: "submitted",
        score,
      });
      if (critical) await db.review.update({ where: { id: review.id }, data: { criticalFailed: true, passed: false } });
    };
    await submitted(mine.id, 90);
    await submitted(mine.id, 0, true);
    await submitted(theirs.id, 60);
    await db.coachingTask.create({
      data: { agentId: mine.id, title: "红线复盘", notes: "复盘", dueAt: new Date(Date.now() + 86_400_000) },
    });

    const leadHome = await callRoute(leadHomeLoader, buildRequest("/lead", { cookie: lead.cookie }));
    expect((leadHome.data as { qa: unknown }).qa).toMatchObject({
      reviews: 2,
      average: 45, // (90 + 0) / 2
      passRate: 0.5,
      redLines: 1,
      openCoaching: 1,
    });
    const after = await managerSummary();
    expect(after.reviews).toBe(before.reviews + 3);
    expect(after.redLines).toBe(before.redLines + 1);
    expect(after.openCoaching).toBe(before.openCoaching + 1);
    // the department average takes in all three new reviews: 90 + 0 + 60 = 150
    expect(after.average).toBeCloseTo(((before.average ?? 0) * before.reviews + 150) / (before.reviews + 3), 6);
    expect((after as unknown as { monthStart: string }).monthStart).toMatch(/^\d{4}-\d{2}-01$/);
  });
});
