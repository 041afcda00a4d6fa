/**
 * "我的考试": published exams open now — the ones assigned to me (not yet completed) first, by due date — with my
 * result by the exam's grading method and attempts used; plus the full history of my attempts.
 */
import { db, Prisma } from "~/utils/db.server";
import { examResults } from "./results.server";
import { loadExamRules, startBlocker } from "./attempts.server";

type OpenExamRow = {
  id: string;
  title: string;
  description: string;
  timeLimitMinutes: number | null;
  maxAttempts: number | null;
  passPercent: Prisma.Decimal;
  availableUntil: Date | null;
  isCertification: boolean;
  assigned: boolean;
  dueAt: Date | null;
};

export async function openExams(userId: string, now: Date, page: number, pageSize: number) {
  const open = Prisma.sql`e."status" = 'published' AND (e."availableFrom" IS NULL OR e."availableFrom" <= ${now})
    AND (e."availableUntil" IS NULL OR e."availableUntil" > ${now})`;
  const [{ total }] = await db.$queryRaw<{ total: number }[]>`
    SELECT COUNT(*)::int AS "total" FROM "Exam" e WHERE ${open}`;
  const rows = await db.$queryRaw<OpenExamRow[]>`
    SELECT e."id", e."title", e."description", e."timeLimitMinutes", e."maxAttempts", e."passPercent",
      e."availableUntil", e."isCertification", (d."dueAt" IS NOT NULL OR d."assigned") AS "assigned", d."dueAt"
    FROM "Exam" e
    LEFT JOIN LATERAL (
      SELECT TRUE AS "assigned", MIN(r."dueAt") AS "dueAt"
      FROM "AssignmentRecipient" r JOIN "LearningAssignment" a ON a."id" = r."assignmentId"
      WHERE a."kind" = 'exam' AND a."examId" = e."id" AND r."userId" = ${userId} AND r."completedAt" IS NULL
      HAVING COUNT(*) > 0
    ) d ON TRUE
    WHERE ${open}
    ORDER BY (d."assigned" IS NOT TRUE), d."dueAt" ASC NULLS LAST, e."title" ASC, e."id" ASC
    LIMIT ${pageSize} OFFSET ${(page - 1) * pageSize}`;
  const ids = rows.map((row) => row.id);
  const [used, results, inProgress] = await Promise.all([
    ids.length
      ? db.examAttempt.groupBy({ by: ["examId"], where: { userId, examId: { in: ids } }, _count: { _all: true } })
      : Promise.resolve([]),
    examResults(userId, ids),
    db.examAttempt.findMany({
      where: { userId, examId: { in: ids }, status: "in_progress" },
      select: { id: true, examId: true },
    }),
  ]);
  const usedBy = new Map(used.map((row) => [row.examId, row._count._all]));
  const resumeBy = new Map(inProgress.map((row) => [row.examId, row.id]));
  return {
    total,
    rows: rows.map((row) => ({
      id: row.id,
      title: row.title,
      description: row.description,
      timeLimitMinutes: row.timeLimitMinutes,
      maxAttempts: row.maxAttempts,
      passPercent: Number(row.passPercent),
      availableUntil: row.availableUntil,
      isCertification: row.isCertification,
      assigned: Boolean(row.assigned),
      dueAt: row.dueAt,
      attemptsUsed: usedBy.get(row.id) ?? 0,
      result: results.get(row.id) ?? null,
      resumeAttemptId: resumeBy.get(row.id) ?? null,
    })),
  };
}

export async function attemptHistory(userId: string, page: number, pageSize: number, examId?: string) {
  const where: Prisma.ExamAttemptWhereInput = { userId, ...(examId ? { examId } : {}) };
  const [total, rows] = await Promise.all([
    db.examAttempt.count({ where }),
    db.examAttempt.findMany({
      where,
      orderBy: [{ startedAt: "desc" }, { id: "desc" }],
      skip: (page - 1) * pageSize,
      take: pageSize,
      select: {
        id: true,
        number: true,
        status: true,
        startedAt: true,
        submittedAt: true,
        submittedBy: true,
        score: true,
        maxScore: true,
        percent: true,
        passed: true,
        exam: { select: { id: true, title: true } },
      },
    }),
  ]);
  return {
    total,
    rows: rows.map((row) => ({
      ...row,
      score: row.status === "graded" && row.score !== null ? Number(row.score) : null,
      maxScore: Number(row.maxScore),
      percent: row.status === "graded" && row.percent !== null ? Number(row.percent) : null,
      passed: row.status === "graded" ? row.passed : null,
    })),
  };
}

/** The exam's rules page for a learner: what it asks, what is left, and whether (and why not) they may start. */
export async function examForLearner(examId: string, userId: string, now: Date) {
  const exam = await db.exam.findFirst({
    where: { id: examId, status: "published" },
    select: {
      id: true,
      title: true,
      description: true,
      timeLimitMinutes: true,
      maxAttempts: true,
      passPercent: true,
      gradingMethod: true,
      reviewMode: true,
      availableFrom: true,
      availableUntil: true,
      isCertification: true,
      certificateTitle: true,
      items: { select: { kind: true, count: true } },
    },
  });
  if (!exam) return null;
  const rules = await loadExamRules(examId);
  const [used, inProgress, results] = await Promise.all([
    db.examAttempt.count({ where: { examId, userId } }),
    db.examAttempt.findFirst({ where: { examId, userId, status: "in_progress" }, select: { id: true } }),
    examResults(userId, [examId]),
  ]);
  const blocker = inProgress ? null : await db.$transaction((tx) => startBlocker(tx, rules!, userId, now));
  const questionCount = exam.items.reduce(
    (sum, item) => sum + (item.kind === "draw" ? (item.count ?? 0) : item.kind === "question" ? 1 : 0),
    0,
  );
  const rolePlayCount = exam.items.filter((item) => item.kind === "scenario").length;
  return {
    exam: {
      id: exam.id,
      title: exam.title,
      description: exam.description,
      timeLimitMinutes: exam.timeLimitMinutes,
      maxAttempts: exam.maxAttempts,
      passPercent: Number(exam.passPercent),
      gradingMethod: exam.gradingMethod,
      reviewMode: exam.reviewMode,
      availableFrom: exam.availableFrom,
      availableUntil: exam.availableUntil,
      isCertification: exam.isCertification,
      certificateTitle: exam.certificateTitle,
      questionCount,
      rolePlayCount,
    },
    attemptsUsed: used,
    attemptsLeft: exam.maxAttempts === null ? null : Math.max(0, exam.maxAttempts - used),
    resumeAttemptId: inProgress?.id ?? null,
    blocker,
    result: results.get(examId) ?? null,
  };
}
