/**
 * Scenario items inside an attempt: the session behind each item, scoring the item when its session becomes final,
 * and finishing an attempt that was only waiting for role-play reviews. Rules: roleplay-items.ts.
 */
import { notify } from "~/modules/notifications/notifications.server";
import type { Prisma } from "~/utils/db.server";
import { finaliseAttempt } from "./attempts.server";
import { isScenarioSnapshot, scenarioItemScore, sessionFinal, type SessionState } from "./roleplay-items";

type Tx = Prisma.TransactionClient;

/**
 * Called inside the transaction that makes a session final (completed with its final score, or abandoned). Scores
 * the exam item it was played for; when the attempt is already submitted and nothing else waits for a person, the
 * attempt is finalised with the usual outcome (pass mark, certificate, remediation, notification). Idempotent.
 */
export async function settleRolePlayExamItem(tx: Tx, sessionId: string): Promise<void> {
  const session = await tx.rolePlaySession.findUnique({
    where: { id: sessionId },
    select: {
      status: true,
      finalScore: true,
      endedAt: true,
      review: { select: { reviewerId: true } },
      examAttemptItem: {
        select: { id: true, attemptId: true, snapshot: true, maxScore: true, score: true },
      },
    },
  });
  const item = session?.examAttemptItem;
  if (!session || !item || !isScenarioSnapshot(item.snapshot)) return;
  if (!sessionFinal(session.status as SessionState)) return;
  const score = scenarioItemScore(Number(item.maxScore), session.status === "abandoned" ? null : session.finalScore);
  await tx.examAttemptItem.update({
    where: { id: item.id },
    data: { autoScore: score, score, gradedAt: session.endedAt ?? new Date() },
  });
  const attempt = await tx.examAttempt.findUnique({
    where: { id: item.attemptId },
    select: { id: true, status: true, userId: true, exam: { select: { title: true } } },
  });
  if (!attempt || attempt.status !== "pending_grading") return;
  const unscored = await tx.examAttemptItem.count({ where: { attemptId: attempt.id, score: null } });
  if (unscored > 0) return;
  const at = new Date();
  const totals = await finaliseAttempt(tx, attempt.id, at, session.review?.reviewerId ?? null);
  await notify(
    {
      userId: attempt.userId,
      kind: "training-attempt-graded",
      params: { exam: attempt.exam.title, percent: totals.percent },
      link: `/learn/attempts/${attempt.id}/result`,
    },
    tx,
  );
}
