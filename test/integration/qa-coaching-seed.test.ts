/** The coaching seed on hand-built reviews: a mix of states, the demo agent included, and idempotent. */
import { describe, expect, it } from "vitest";
import { db } from "~/utils/db.server";
import { seedQaCoaching } from "../../prisma/seed/qa-coaching";
import { createTestUser } from "../support/auth";
import { createTestConversation, createTestReview, createTestRubric } from "../support/qa-fixtures";

describe("seedQaCoaching", () => {
  it("opens tasks from failed reviews in several states and changes nothing when run again", async () => {
    const lead = await createTestUser({ roles: ["team_lead"], externalId: "L201" });
    const team = await db.team.create({ data: { code: "AFT", name: "售后服务组", leadId: lead.id } });
    const inspector = await createTestUser({ roles: ["qa_inspector"], externalId: "Q002" });
    const rubric = await createTestRubric();
    const agents = [await createTestUser({ externalId: "A2003", teamId: team.id })];
    for (let i = 1; i <= 7; i++) agents.push(await createTestUser({ externalId: `A200${i + 3}`, teamId: team.id }));
    const [greeting, accuracy, empathy] = rubric.criteria;
    for (const [index, agent] of agents.entries()) {
      for (let round = 0; round < 3; round++) {
        const conversation = await createTestConversation({ agentIds: [agent.id] });
        const failed = round < 2 ? [greeting!, empathy!, accuracy!][(index + round) % 3]! : null;
        await createTestReview({
          conversationId: conversation.id,
          inspectorId: inspector.id,
          rubricVersionId: rubric.versionId,
          agentId: agent.id,
          status: "submitted",
          score: failed ? 60 : 95,
          submittedAt: new Date(Date.now() - (30 - round * 10 - index) * 86_400_000),
          values: failed ? { [failed.id]: { value: 0, score: 0, failed: true } } : {},
        });
      }
    }

    const first = await seedQaCoaching();
    expect(first).toMatch(/coaching: 8 tasks created/);
    const tasks = await db.coachingTask.findMany({
      select: { status: true, dueAt: true, outcome: true, agent: { select: { externalId: true } }, title: true },
    });
    expect(tasks).toHaveLength(8);
    expect(tasks.filter((task) => task.agent.externalId === "A2003").length).toBeGreaterThanOrEqual(1);
    const statuses = new Set(tasks.map((task) => task.status));
    expect(statuses).toEqual(new Set(["open", "completed", "closed"]));
    expect(tasks.some((task) => task.status === "open" && task.dueAt < new Date())).toBe(true);
    expect(tasks.some((task) => task.outcome === "improved")).toBe(true);

    expect(await seedQaCoaching()).toMatch(/coaching: 0 tasks created \(8 in total\)/);
  });
});
