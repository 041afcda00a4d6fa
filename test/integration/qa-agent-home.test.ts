import { describe, expect, it } from "vitest";
import { loader as agentHomeLoader } from "~/routes/agent._index";
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
