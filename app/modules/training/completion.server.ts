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

/**
 * A path is complete when, for every course in it, the learner's latest round is completed. Counting the latest
 * round (not any completed round) is what makes a retrain work: it opens a new round, and the path stays open until
 * that round is finished, while an earlier completion still counts when nobody asked for a retrain.
 */
export async function closePathIfComplete(tx: Tx, userId: string, pathId: string, at: Date) {
  const items = await tx.learningPathItem.findMany({ where: { pathId }, select: { courseId: true } });
  if (items.length === 0) return false;
  const latestRounds = await tx.courseEnrollment.findMany({
    where: { userId, courseId: { in: items.map((item) => item.courseId) } },
    orderBy: [{ courseId: "asc" }, { round: "desc" }],
    distinct: ["courseId"],
    select: { courseId: true, status: true },
  });
  const completed = latestRounds.filter((enrollment) => enrollment.status === "completed");
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
