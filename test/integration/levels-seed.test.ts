/** The level seed steps: ladder and placements by role and tenure, then the evaluation — both idempotent. */
import { describe, expect, it } from "vitest";
import { db } from "~/utils/db.server";
import { agentCodeForTenure, seedLevelEvaluation, seedLevelLadder } from "../../prisma/seed/performance-levels";
import { createTestUser } from "../support/auth";
import { createTestConversation, createTestReview, createTestRubric } from "../support/qa-fixtures";
import { gradedAttempt } from "../support/training-assign-fixtures";

const NOW = new Date("2026-12-06T10:00:00+08:00");

async function hiredOn(roles: ("agent" | "team_lead" | "manager" | "qa_inspector")[], hireDate: string) {
  const user = await createTestUser({ roles });
  await db.user.update({ where: { id: user.id }, data: { hireDate: new Date(`${hireDate}T00:00:00Z`) } });
  return user;
}

describe("agentCodeForTenure", () => {
  it.each([
    [0, "P1"],
    [5, "P1"],
    [6, "P2"],
    [17, "P2"],
    [18, "P3"],
    [35, "P3"],
    [36, "P4"],
  ])("%i months → %s", (months, code) => {
    expect(agentCodeForTenure(months)).toBe(code);
  });
});

describe("level seed", () => {
  it("places people once and proposes once", async () => {
    const onboarding = await db.exam.create({
      data: { slug: "onboarding-final", title: "新人入职结业考试", status: "published", isCertification: true },
    });
    await db.exam.create({
      data: { slug: "complaint-certification", title: "投诉处理专员认证", status: "published", isCertification: true },
    });
    const manager = await hiredOn(["manager"], "2016-07-01");
    const lead = await hiredOn(["team_lead", "agent"], "2018-05-14");
    const newcomer = await hiredOn(["agent"], "2026-07-20"); // 4 months: P1, ready for P2
    const junior = await hiredOn(["agent"], "2025-09-01"); // 15 months: P2
    const veteran = await hiredOn(["agent"], "2021-03-01"); // 5 years: P4
    const inspector = await hiredOn(["qa_inspector"], "2020-01-01"); // not on the customer-service ladder

    const first = await seedLevelLadder(NOW);
    expect(first).toBe("levels: 8 created, 0 kept as edited in the app; 5 people placed");
    const codeOf = async (id: string) =>
      (await db.user.findUniqueOrThrow({ where: { id }, select: { level: { select: { code: true } } } })).level?.code ??
      null;
    expect(await Promise.all([manager, lead, newcomer, junior, veteran, inspector].map((u) => codeOf(u.id)))).toEqual([
      "M3",
      "M1",
      "P1",
      "P2",
      "P4",
      null,
    ]);
    const history = await db.levelHistory.findFirstOrThrow({ where: { userId: newcomer.id } });
    expect(history.changedAt.toISOString().slice(0, 10)).toBe("2026-07-20"); // hired after the ladder went live
    expect((await db.levelHistory.findFirstOrThrow({ where: { userId: veteran.id } })).changedAt.toISOString()).toBe(
      "2026-01-01T00:00:00.000Z",
    );
    expect(await seedLevelLadder(NOW)).toBe("levels: 0 created, 8 kept as edited in the app; 0 people placed");
    expect(await db.levelHistory.count()).toBe(5);

    // The newcomer holds the onboarding certificate and reviewed well in November: P1 → P2.
    const attempt = await gradedAttempt(newcomer.id, onboarding.id, true, new Date("2026-08-20T02:00:00Z"));
    await db.certificate.create({
      data: {
        serial: "FW-2026-900001",
        userId: newcomer.id,
        examId: onboarding.id,
        attemptId: attempt.id,
        title: "优品客服上岗证",
        issuedAt: new Date("2026-08-20T02:00:00Z"),
        expiresAt: new Date("2027-08-20T02:00:00Z"),
      },
    });
    const rubric = await createTestRubric();
    const conversation = await createTestConversation({ agentIds: [newcomer.id] });
    await createTestReview({
      conversationId: conversation.id,
      inspectorId: inspector.id,
      rubricVersionId: rubric.versionId,
      agentId: newcomer.id,
      status: "submitted",
      score: 91,
      submittedAt: new Date("2026-11-12T03:00:00Z"),
    });
    expect(await seedLevelEvaluation(NOW)).toBe("level evaluation 2026-11: 5 people, 1 new proposals (1 pending)");
    expect(await seedLevelEvaluation(NOW)).toBe("level evaluation 2026-11: 5 people, 0 new proposals (1 pending)");
    const proposal = await db.levelProposal.findFirstOrThrow();
    expect([proposal.userId, proposal.kind]).toEqual([newcomer.id, "promotion"]);
  });
});
