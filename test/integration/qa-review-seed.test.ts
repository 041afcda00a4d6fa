import { beforeAll, describe, expect, it } from "vitest";
import { loadRubricVersion } from "~/modules/qa/rubrics/rubric-version.server";
import { scoreReview } from "~/modules/qa/scoring";
import { db } from "~/utils/db.server";
import { seedQaReviews } from "../../prisma/seed/qa-reviews";
import { seedQaRubrics } from "../../prisma/seed/qa-rubrics";
import { signInAs } from "../support/auth";
import { createTestConversation } from "../support/qa-fixtures";

const DAY = 86_400_000;
const CONVERSATIONS = 40;
let foreignReviewId: string;

beforeAll(async () => {
  await seedQaRubrics();
  const inspectors = [];
  for (const [externalId, name] of [
    ["Q001", "赵静怡"],
    ["Q002", "吴俊杰"],
    ["Q003", "陈思彤"],
  ] as const) {
    inspectors.push((await signInAs("qa_inspector", { externalId, name })).user);
  }
  const teamId = (await db.team.create({ data: { code: "AFT", name: "售后服务组" }, select: { id: true } })).id;
  const agents = [];
  for (let index = 0; index < 6; index++) {
    agents.push((await signInAs("agent", { externalId: `A20${10 + index}`, teamId })).user);
  }
  const rubric = await db.rubric.findUniqueOrThrow({
    where: { slug: "chat-general" },
    select: { id: true, versions: { select: { id: true } } },
  });
  const versionId = rubric.versions[0]!.id;
  // What the sampling seed leaves behind: a plan and a run without a creator, reviews assigned to Q001–Q003.
  const plan = await db.samplingPlan.create({
    data: {
      name: "在线客服每周分层抽检",
      rubricId: rubric.id,
      filters: {},
      strategy: "stratified_equal",
      strategyParams: {},
    },
    select: { id: true },
  });
  const run = await db.samplingRun.create({
    data: { planId: plan.id, seed: "weekly-chat-2026", inputs: {}, trigger: "manual", status: "succeeded" },
    select: { id: true },
  });
  for (let index = 0; index < CONVERSATIONS; index++) {
    const agent = agents[index % agents.length]!;
    const conversation = await createTestConversation({
      externalId: `CHAT-2026-${String(index).padStart(4, "0")}`,
      agentIds: [agent.id],
      teamId,
      startedAt: new Date(Date.now() - (35 - (index % 35)) * DAY + index * 60_000),
    });
    await db.review.create({
      data: {
        conversationId: conversation.id,
        agentId: agent.id,
        inspectorId: inspectors[index % 3]!.id,
        rubricVersionId: versionId,
        samplingRunId: run.id,
        dueAt: new Date(Date.now() + 3 * DAY),
      },
    });
  }
  // A plan someone made in the product: its reviews are theirs to score, not the seed's.
  const userPlan = await db.samplingPlan.create({
    data: {
      name: "人工计划",
      rubricId: rubric.id,
      filters: {},
      strategy: "targeted",
      strategyParams: {},
      createdById: inspectors[0]!.id,
    },
    select: { id: true },
  });
  const userRun = await db.samplingRun.create({
    data: { planId: userPlan.id, seed: "x", inputs: {}, trigger: "manual", createdById: inspectors[0]!.id },
    select: { id: true },
  });
  const conversation = await createTestConversation({ agentIds: [agents[0]!.id], teamId });
  foreignReviewId = (
    await db.review.create({
      data: {
        conversationId: conversation.id,
        agentId: agents[0]!.id,
        inspectorId: inspectors[1]!.id,
        rubricVersionId: versionId,
        samplingRunId: userRun.id,
      },
      select: { id: true },
    })
  ).id;
});

async function snapshot() {
  const reviews = await db.review.findMany({
    orderBy: { id: "asc" },
    select: {
      id: true,
      status: true,
      score: true,
      passed: true,
      criticalFailed: true,
      submittedAt: true,
      startedAt: true,
      dueAt: true,
      gradingSeconds: true,
      summary: true,
      draft: true,
    },
  });
  const counts = await Promise.all([
    db.reviewScore.count(),
    db.reviewComment.count(),
    db.notification.count(),
    db.auditLog.count(),
  ]);
  return { reviews, counts };
}

describe("seedQaReviews", () => {
  it("submits about 70% with consistent scores, leaves drafts and overdue work, and changes nothing the second time", async () => {
    const summary = await seedQaReviews();
    expect(summary).toMatch(/submitted/);

    const reviews = await db.review.findMany({
      where: { samplingRun: { createdById: null } },
      select: {
        id: true,
        status: true,
        score: true,
        passed: true,
        criticalFailed: true,
        submittedAt: true,
        startedAt: true,
        dueAt: true,
        gradingSeconds: true,
        summary: true,
        agentId: true,
        rubricVersionId: true,
        conversation: { select: { startedAt: true } },
        scores: { select: { criterionId: true, value: true, comment: true } },
      },
    });
    const submitted = reviews.filter((review) => review.status === "submitted");
    const drafts = reviews.filter((review) => review.status === "draft");
    const assigned = reviews.filter((review) => review.status === "assigned");
    expect(submitted.length / CONVERSATIONS).toBeGreaterThan(0.55);
    expect(submitted.length / CONVERSATIONS).toBeLessThan(0.85);
    expect(drafts.length + assigned.length).toBe(CONVERSATIONS - submitted.length);
    expect(assigned.some((review) => review.dueAt! < new Date())).toBe(true);

    const rubric = (await loadRubricVersion(submitted[0]!.rubricVersionId))!;
    const now = new Date();
    for (const review of submitted) {
      const ratings = Object.fromEntries(review.scores.map((score) => [score.criterionId, score.value]));
      const expected = scoreReview(rubric.criteria, ratings);
      expect(review.score).toBe(expected.score);
      expect(review.criticalFailed).toBe(expected.criticalFailed);
      expect(review.passed).toBe(expected.score >= rubric.passMark);
      expect(review.gradingSeconds).toBeGreaterThanOrEqual(120);
      expect(review.gradingSeconds).toBeLessThanOrEqual(600);
      expect(review.submittedAt!.getTime()).toBeGreaterThan(review.conversation.startedAt.getTime());
      expect(review.submittedAt!.getTime()).toBeLessThan(now.getTime());
      expect(review.startedAt!.getTime()).toBeLessThan(review.submittedAt!.getTime());
      expect(review.summary).toBeTruthy();
    }
    const redLines = submitted.filter((review) => review.criticalFailed).length;
    expect(redLines).toBeGreaterThanOrEqual(2);
    expect(redLines).toBeLessThanOrEqual(3);
    const scores = submitted.map((review) => review.score!);
    expect(scores.filter((score) => score >= rubric.passMark).length / scores.length).toBeGreaterThan(0.6);
    expect(submitted.some((review) => !review.passed && !review.criticalFailed)).toBe(true);
    expect(submitted.some((review) => review.scores.some((score) => score.comment))).toBe(true);

    // Spread over the weeks: submissions fall on many different days.
    const days = new Set(submitted.map((review) => review.submittedAt!.toISOString().slice(0, 10)));
    expect(days.size).toBeGreaterThan(10);

    const pinned = await db.reviewComment.count({ where: { messageId: { not: null } } });
    expect(pinned).toBeGreaterThanOrEqual(1);
    expect(pinned).toBeLessThanOrEqual(2);
    expect(await db.notification.count({ where: { kind: "qa-review-submitted" } })).toBe(submitted.length);
    expect(await db.auditLog.count({ where: { action: "qa-review.submit" } })).toBe(submitted.length);

    const foreign = await db.review.findUniqueOrThrow({ where: { id: foreignReviewId } });
    expect(foreign.status).toBe("assigned");

    const before = await snapshot();
    expect(await seedQaReviews()).toMatch(/0 submitted/);
    expect(await snapshot()).toEqual(before);
  });
});
