/**
 * Reading attempts: who may see which (own / led teams / any), the learner's result per exam by grading method,
 * and the attempt views for the learner and for staff.
 */
import { accessLevel, type Permission } from "~/modules/identity/permissions";
import { db, type Prisma } from "~/utils/db.server";
import { isScenarioSnapshot } from "./roleplay-items";
import { scenarioItemViews } from "./roleplay-items.server";
import { resultAttempt, type CategoryScore } from "./scoring";
import { learnerReview, reviewItem, takingItem, type ItemRow, type ReviewMode } from "./views";

export type AttemptScope = { kind: "any" } | { kind: "teams"; teamIds: string[] } | { kind: "own"; userId: string };
type ScopeUser = { id: string; permissions: ReadonlySet<Permission>; ledTeamIds: string[] };

export function attemptScope(user: ScopeUser): AttemptScope | null {
  const level = accessLevel(user.permissions, "read", "exam-attempt");
  if (level === "any") return { kind: "any" };
  if (level === "team") return { kind: "teams", teamIds: user.ledTeamIds };
  if (level === "own") return { kind: "own", userId: user.id };
  return null;
}

export function attemptWhere(scope: AttemptScope): Prisma.ExamAttemptWhereInput {
  if (scope.kind === "any") return {};
  if (scope.kind === "teams") return { user: { teamId: { in: scope.teamIds } } };
  return { userId: scope.userId };
}

const ATTEMPT_SELECT = {
  id: true,
  number: true,
  status: true,
  userId: true,
  seed: true,
  startedAt: true,
  deadlineAt: true,
  submittedAt: true,
  submittedBy: true,
  gradedAt: true,
  score: true,
  maxScore: true,
  percent: true,
  passed: true,
  categoryScores: true,
  exam: {
    select: {
      id: true,
      title: true,
      passPercent: true,
      reviewMode: true,
      gradingMethod: true,
      maxAttempts: true,
      timeLimitMinutes: true,
    },
  },
  user: { select: { id: true, name: true, externalId: true, team: { select: { name: true } } } },
} as const;

function num(value: Prisma.Decimal | null): number | null {
  return value === null ? null : Number(value);
}

/** The written questions of the attempt (role-play items are read with scenarioItemViews). */
async function itemRows(attemptId: string): Promise<ItemRow[]> {
  const items = await db.examAttemptItem.findMany({
    where: { attemptId },
    orderBy: { position: "asc" },
    select: { position: true, snapshot: true, answer: true, score: true, maxScore: true, feedback: true },
  });
  return items
    .filter((item) => !isScenarioSnapshot(item.snapshot))
    .map((item) => ({ ...item, score: num(item.score), maxScore: Number(item.maxScore) }));
}

function summary(attempt: Prisma.ExamAttemptGetPayload<{ select: typeof ATTEMPT_SELECT }>) {
  return {
    id: attempt.id,
    number: attempt.number,
    status: attempt.status,
    startedAt: attempt.startedAt,
    deadlineAt: attempt.deadlineAt,
    submittedAt: attempt.submittedAt,
    submittedBy: attempt.submittedBy,
    gradedAt: attempt.gradedAt,
    score: attempt.status === "graded" ? num(attempt.score) : null,
    maxScore: Number(attempt.maxScore),
    percent: attempt.status === "graded" ? num(attempt.percent) : null,
    passed: attempt.status === "graded" ? attempt.passed : null,
    categoryScores: attempt.status === "graded" ? ((attempt.categoryScores ?? []) as CategoryScore[]) : [],
    exam: {
      id: attempt.exam.id,
      title: attempt.exam.title,
      passPercent: Number(attempt.exam.passPercent),
      reviewMode: attempt.exam.reviewMode,
      gradingMethod: attempt.exam.gradingMethod,
      timeLimitMinutes: attempt.exam.timeLimitMinutes,
    },
  };
}

/** The learner's own attempt while taking it: questions and saved answers only. Another user's id → null. */
export async function attemptForTaking(attemptId: string, userId: string) {
  const attempt = await db.examAttempt.findFirst({ where: { id: attemptId, userId }, select: ATTEMPT_SELECT });
  if (!attempt) return null;
  const taking = attempt.status === "in_progress";
  const items = taking ? (await itemRows(attemptId)).map(takingItem) : [];
  const scenarioItems = taking ? await scenarioItemViews(attemptId) : [];
  return { attempt: summary(attempt), items, scenarioItems };
}

/** The learner's own attempt after submitting, shown according to the exam's review mode. */
export async function attemptResultForLearner(attemptId: string, userId: string) {
  const attempt = await db.examAttempt.findFirst({ where: { id: attemptId, userId }, select: ATTEMPT_SELECT });
  if (!attempt) return null;
  const final = attempt.status === "graded";
  const mode = attempt.exam.reviewMode as ReviewMode;
  const review = final && mode !== "score_only" ? learnerReview(await itemRows(attemptId), mode, final) : null;
  return { attempt: summary(attempt), review, scenarioItems: await scenarioItemViews(attemptId) };
}

/** Staff view: everything, within the reader's scope. Out of scope → null (404). */
export async function attemptForStaff(attemptId: string, scope: AttemptScope) {
  const attempt = await db.examAttempt.findFirst({
    where: { id: attemptId, ...attemptWhere(scope) },
    select: ATTEMPT_SELECT,
  });
  if (!attempt) return null;
  const items = (await itemRows(attemptId)).map((item) => reviewItem(item, "staff"));
  const scenarioItems = await scenarioItemViews(attemptId);
  return {
    scenarioItems,
    attempt: summary(attempt),
    seed: attempt.seed,
    learner: {
      id: attempt.user.id,
      name: attempt.user.name,
      externalId: attempt.user.externalId,
      team: attempt.user.team?.name ?? null,
    },
    items,
  };
}

export type ExamResult = {
  attemptId: string;
  number: number;
  percent: number;
  passed: boolean;
  gradedAt: Date;
};

/** Each learner's result per exam (by the exam's grading method) among the given exams. */
export async function examResults(userId: string, examIds: string[]): Promise<Map<string, ExamResult>> {
  if (examIds.length === 0) return new Map();
  const rows = await db.examAttempt.findMany({
    where: { userId, examId: { in: examIds }, status: "graded" },
    select: {
      id: true,
      examId: true,
      number: true,
      percent: true,
      passed: true,
      gradedAt: true,
      startedAt: true,
      exam: { select: { gradingMethod: true } },
    },
  });
  const byExam = new Map<string, typeof rows>();
  for (const row of rows) byExam.set(row.examId, [...(byExam.get(row.examId) ?? []), row]);
  const results = new Map<string, ExamResult>();
  for (const [examId, attempts] of byExam) {
    const best = resultAttempt(
      attempts.map((row) => ({ ...row, percent: Number(row.percent ?? 0), gradedAt: row.gradedAt ?? row.startedAt })),
      attempts[0]!.exam.gradingMethod,
    );
    if (best) {
      results.set(examId, {
        attemptId: best.id,
        number: best.number,
        percent: best.percent,
        passed: best.passed ?? false,
        gradedAt: best.gradedAt,
      });
    }
  }
  return results;
}
