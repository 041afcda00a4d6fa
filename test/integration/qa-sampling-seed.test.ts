import { beforeAll, expect, it } from "vitest";
import { db } from "~/utils/db.server";
import { seedQaSampling } from "../../prisma/seed/qa-sampling";
import { createTestUser } from "../support/auth";
import { createTestConversation, createTestRubric } from "../support/qa-fixtures";

const DAY = 86_400_000;

beforeAll(async () => {
  for (const slug of ["chat-general", "complaint-handling", "phone-service"]) {
    const rubric = await createTestRubric();
    await db.rubric.update({ where: { id: rubric.rubricId }, data: { slug } });
  }
  await createTestUser({ externalId: "Q001", roles: ["qa_lead", "qa_inspector"] });
  await createTestUser({ externalId: "Q002", roles: ["qa_inspector"] });
  await createTestUser({ externalId: "Q003", roles: ["qa_inspector"] });
  const agents = [];
  for (const code of ["A2001", "A2002", "A2003"]) agents.push(await createTestUser({ externalId: code }));
  for (let i = 0; i < 18; i += 1) {
    await createTestConversation({
      agentIds: [agents[i % 3]!.id],
      channel: i % 6 === 5 ? "phone" : "chat",
      startedAt: new Date(Date.now() - (3 + (i % 10)) * DAY),
      complaint: i % 4 === 0,
      csat: (i % 5) + 1,
    });
  }
});

it("creates three plans, runs each once with its fixed seed, and changes nothing the second time", async () => {
  const first = await seedQaSampling();
  expect(first).toContain("在线客服每周分层抽检");
  const plans = await db.samplingPlan.findMany({
    select: { id: true, cron: true, _count: { select: { inspectors: true, runs: true } } },
  });
  expect(plans).toHaveLength(3);
  expect(plans.every((plan) => plan._count.runs === 1 && plan.cron)).toBe(true);
  const runs = await db.samplingRun.findMany({ select: { seed: true, status: true, sampledCount: true } });
  expect(runs.every((run) => run.status === "succeeded")).toBe(true);
  expect(runs.map((run) => run.seed).sort()).toEqual(["complaints-2026", "low-csat-2026", "weekly-chat-2026"]);
  const reviews = await db.review.count();
  // 5 complaints, then chat CSAT ≤ 2 not already reviewed, then 36 requested from the 15 chat conversations left.
  expect(reviews).toBeGreaterThan(10);
  const complaintReviews = await db.review.count({ where: { conversation: { complaint: true } } });
  expect(complaintReviews).toBe(5);

  expect(await seedQaSampling()).toContain("already run");
  expect(await db.samplingPlan.count()).toBe(3);
  expect(await db.samplingRun.count()).toBe(3);
  expect(await db.review.count()).toBe(reviews);
});
