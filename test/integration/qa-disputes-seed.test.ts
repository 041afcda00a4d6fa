import { beforeAll, describe, expect, it } from "vitest";
import { scoreReview } from "~/modules/qa/scoring";
import { db } from "~/utils/db.server";
import { seedQaDisputes } from "../../prisma/seed/qa-disputes";
import { createTestUser } from "../support/auth";
import { createTestConversation, createTestRubric, createTestReview } from "../support/qa-fixtures";

const DAY = 86_400_000;

beforeAll(async () => {
  const lead = await createTestUser({ roles: ["qa_lead", "qa_inspector"], externalId: "Q001", name: "赵静怡" });
  const inspector = await createTestUser({ roles: ["qa_inspector"], externalId: "Q002", name: "吴俊杰" });
  const agents = await Promise.all(
    ["A2003", "A2001", "A2002", "A1001", "A1002", "A3001", "A3002", "A4001", "A4002"].map((externalId) =>
      createTestUser({ roles: ["agent"], externalId }),
    ),
  );
  const rubric = await createTestRubric();
  const criteria = rubric.criteria.map((criterion, index) => ({
    id: criterion.id,
    weight: [1, 2, 1, 1][index]!,
    scale: (["binary", "five", "three", "binary"] as const)[index]!,
    allowNa: index === 1,
    critical: index === 3,
  }));
  // Each agent gets reviews 6 and 5 days old; A2003 also one from yesterday.
  const plan = agents.flatMap((agent) => [
    { agent, daysAgo: 6 },
    { agent, daysAgo: 5 },
    ...(agent.externalId === "A2003" ? [{ agent, daysAgo: 1 }] : []),
  ]);
  for (const [index, { agent, daysAgo }] of plan.entries()) {
    const conversation = await createTestConversation({ agentIds: [agent.id] });
    const ratings = { [criteria[0]!.id]: 0, [criteria[1]!.id]: 3, [criteria[2]!.id]: 2, [criteria[3]!.id]: 1 };
    const result = scoreReview(criteria, ratings);
    await createTestReview({
      conversationId: conversation.id,
      inspectorId: index % 3 === 0 ? lead.id : inspector.id,
      rubricVersionId: rubric.versionId,
      agentId: agent.id,
      status: "submitted",
      score: result.score,
      submittedAt: new Date(Date.now() - daysAgo * DAY + index * 60_000),
      values: Object.fromEntries(
        result.criteria.map((entry) => [
          entry.criterionId,
          { value: entry.value, score: entry.score, failed: entry.failed },
        ]),
      ),
    });
  }
});

describe("seedQaDisputes", () => {
  it("creates the demo disputes through the module, once", async () => {
    const summary = await seedQaDisputes();
    expect(summary).toContain("8 created");
    expect(await seedQaDisputes()).toContain("already present");
    expect(await db.dispute.count()).toBe(8);

    const statuses = await db.dispute.groupBy({ by: ["status"], _count: true });
    expect(Object.fromEntries(statuses.map((row) => [row.status, row._count]))).toEqual({
      open: 2,
      partly_accepted: 1,
      accepted: 2,
      rejected: 1,
      withdrawn: 1,
      escalated: 1,
    });
  });

  it("gives the demo agent an open dispute and a partly accepted one with the score updated", async () => {
    const disputes = await db.dispute.findMany({
      where: { agent: { externalId: "A2003" } },
      select: { status: true, dueAt: true, scoreBefore: true, scoreAfter: true, review: { select: { score: true } } },
    });
    const open = disputes.find((dispute) => dispute.status === "open")!;
    expect(open.dueAt.getTime()).toBeGreaterThan(Date.now());
    const partly = disputes.find((dispute) => dispute.status === "partly_accepted")!;
    expect(partly.scoreAfter).toBeGreaterThan(partly.scoreBefore);
    expect(partly.review.score).toBe(partly.scoreAfter);
  });

  it("has one escalation decided by Q001, one overdue dispute and acknowledged reviews", async () => {
    const arbitrated = await db.dispute.findFirstOrThrow({
      where: { escalatedAt: { not: null }, status: "accepted" },
      select: { resolvedById: true, firstOutcome: true },
    });
    const lead = await db.user.findUniqueOrThrow({ where: { externalId: "Q001" }, select: { id: true } });
    expect(arbitrated).toEqual({ resolvedById: lead.id, firstOutcome: "rejected" });
    expect(await db.dispute.count({ where: { status: "open", dueAt: { lt: new Date() } } })).toBe(1);
    const waiting = await db.dispute.findFirstOrThrow({
      where: { status: "escalated" },
      select: { dueAt: true, handlerId: true },
    });
    expect(waiting).toEqual({ dueAt: expect.any(Date), handlerId: lead.id });
    expect(waiting.dueAt.getTime()).toBeGreaterThan(Date.now());
    expect(await db.review.count({ where: { acknowledgedAt: { not: null } } })).toBe(5);
    expect(await db.auditLog.count({ where: { action: "qa-review.rescore" } })).toBe(3);
  });
});
