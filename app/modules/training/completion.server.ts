/**
 * Learning that was assigned is done when the learner does it, whoever assigned it and however often.
 * Progress and exam code call these inside the transaction that records the completion, so an assignment
 * never shows "overdue" for work that was finished.
 */
import type { Prisma } from "~/utils/db.server";

type Tx = Prisma.TransactionClient;

/** Close every open assignment of this course for the user; then any path this completes. */
export async function recordCourseCompleted(tx: Tx, userId: string, courseId: string, at: Date) {
  await tx.assignmentRecipient.updateMany({
    where: { userId, completedAt: null, assignment: { kind: "course", courseId } },
    data: { completedAt: at },
  });
  const paths = await tx.learningPathItem.findMany({ where: { courseId }, select: { pathId: true } });
  for (const { pathId } of paths) await closePathIfComplete(tx, userId, pathId, at);
}

/** A path is complete when every course in it has a completed enrollment (any round). */
export async function closePathIfComplete(tx: Tx, userId: string, pathId: string, at: Date) {
  const items = await tx.learningPathItem.findMany({ where: { pathId }, select: { courseId: true } });
  if (items.length === 0) return false;
  const completed = await tx.courseEnrollment.findMany({
    where: { userId, courseId: { in: items.map((item) => item.courseId) }, status: "completed" },
    distinct: ["courseId"],
    select: { courseId: true },
  });
  if (completed.length < items.length) return false;
  await tx.assignmentRecipient.updateMany({
    where: { userId, completedAt: null, assignment: { kind: "path", pathId } },
    data: { completedAt: at },
  });
  return true;
}

/** An exam assignment is done when the learner passes it (failing leaves it open: remediation and retakes follow). */
export async function recordExamPassed(tx: Tx, userId: string, examId: string, at: Date) {
  await tx.assignmentRecipient.updateMany({
    where: { userId, completedAt: null, assignment: { kind: "exam", examId } },
    data: { completedAt: at },
  });
}
