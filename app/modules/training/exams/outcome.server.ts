/**
 * What follows when an attempt becomes final (graded): the exam assignment closes on a pass, a certification exam
 * issues its certificate, and a failed exam with remediation assigns its course again and holds retakes until the
 * course is completed. Called by grading inside the transaction that finalises the attempt.
 */
import { recordAudit } from "~/modules/audit/audit.server";
import { notify } from "~/modules/notifications/notifications.server";
import { addCalendarDays, REMEDIATION_DUE_DAYS } from "~/modules/training/assignments/rules";
import {
  addRecipients,
  dueInstant,
  loadPublishedItem,
  startNewRounds,
} from "~/modules/training/assignments/assign.server";
import { issueCertificate } from "~/modules/training/certificates/certificates.server";
import { dayIn } from "~/utils/calendar";
import type { Prisma } from "~/utils/db.server";
import { env } from "~/utils/env.server";
import { recordExamPassed } from "../completion.server";

type Tx = Prisma.TransactionClient;

export async function afterAttemptGraded(tx: Tx, attemptId: string): Promise<void> {
  const attempt = await tx.examAttempt.findUniqueOrThrow({
    where: { id: attemptId },
    select: {
      id: true,
      userId: true,
      examId: true,
      number: true,
      passed: true,
      status: true,
      gradedAt: true,
      exam: { select: { title: true, remediateOnFail: true, remediationCourseId: true } },
    },
  });
  if (attempt.status !== "graded") return;
  const at = attempt.gradedAt ?? new Date();
  if (attempt.passed) {
    await recordExamPassed(tx, attempt.userId, attempt.examId, at);
    await issueCertificate(tx, attempt.id);
    return;
  }
  if (attempt.passed === false && attempt.exam.remediateOnFail && attempt.exam.remediationCourseId) {
    await assignRemediation(tx, {
      attemptId: attempt.id,
      userId: attempt.userId,
      examId: attempt.examId,
      examTitle: attempt.exam.title,
      attemptNumber: attempt.number,
      courseId: attempt.exam.remediationCourseId,
      gradedAt: at,
    });
  }
}

type FailedAttempt = {
  attemptId: string;
  userId: string;
  examId: string;
  examTitle: string;
  attemptNumber: number;
  courseId: string;
  gradedAt: Date;
};

/**
 * Assigns the remediation course (reason remediation, due in REMEDIATION_DUE_DAYS days) and starts a new round when
 * the learner's latest round is completed. Once per failed attempt.
 */
async function assignRemediation(tx: Tx, failed: FailedAttempt) {
  const course = await loadPublishedItem(tx, "course", failed.courseId);
  if (!course) return;
  // Once per attempt: the audit entry written below marks it as handled.
  const handled = await tx.auditLog.findFirst({
    where: { action: "exam.remediation.assign", entityType: "exam-attempt", entityId: failed.attemptId },
    select: { id: true },
  });
  if (handled) return;
  const timeZone = env().APP_TIME_ZONE;
  const dueDay = addCalendarDays(dayIn(failed.gradedAt, timeZone), REMEDIATION_DUE_DAYS);
  const assignment = await tx.learningAssignment.create({
    data: {
      kind: "course",
      courseId: course.id,
      target: "users",
      reason: "remediation",
      note: `考试「${failed.examTitle}」第 ${failed.attemptNumber} 次未通过，完成本课程后可重新参加考试。`,
      dueAt: dueInstant(dueDay),
      createdAt: failed.gradedAt,
    },
    select: { id: true, dueAt: true },
  });
  const counts = await addRecipients(tx, assignment, course, [failed.userId], { retrain: true, notifyKind: null });
  // Already holding the course open elsewhere: that row stands (no empty assignment), but the round still restarts.
  if (counts.added === 0) await tx.learningAssignment.delete({ where: { id: assignment.id } });
  const newRounds = counts.added === 0 ? await startNewRounds(tx, [failed.userId], [course.id]) : counts.retrained;
  await notify(
    {
      userId: failed.userId,
      kind: "training-remediation-assigned",
      params: { exam: failed.examTitle, course: course.title, due: dueDay },
      link: `/learn/courses/${course.id}`,
    },
    tx,
  );
  await recordAudit(
    {
      actorId: null,
      action: "exam.remediation.assign",
      entityType: "exam-attempt",
      entityId: failed.attemptId,
      after: {
        examId: failed.examId,
        userId: failed.userId,
        courseId: course.id,
        assignmentId: counts.added > 0 ? assignment.id : null,
        dueDate: dueDay,
        newRound: newRounds > 0,
        alreadyAssigned: counts.skipped > 0,
      },
    },
    tx,
  );
}

/** The course a learner must complete before retaking, or null when a retake is not held back. */
export async function remediationPending(
  tx: Tx,
  examId: string,
  userId: string,
): Promise<{ courseId: string; courseTitle: string } | null> {
  const exam = await tx.exam.findUnique({
    where: { id: examId },
    select: { remediateOnFail: true, remediationCourse: { select: { id: true, title: true } } },
  });
  if (!exam?.remediateOnFail || !exam.remediationCourse) return null;
  const latest = await tx.examAttempt.findFirst({
    where: { examId, userId, status: "graded" },
    orderBy: [{ gradedAt: "desc" }, { number: "desc" }],
    select: { passed: true, gradedAt: true },
  });
  if (!latest || latest.passed !== false) return null;
  const completedSince = await tx.courseEnrollment.findFirst({
    where: {
      userId,
      courseId: exam.remediationCourse.id,
      status: "completed",
      completedAt: { gt: latest.gradedAt ?? new Date(0) },
    },
    select: { id: true },
  });
  if (completedSince) return null;
  return { courseId: exam.remediationCourse.id, courseTitle: exam.remediationCourse.title };
}
