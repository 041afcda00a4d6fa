/**
 * Sitting an exam: start (or resume) an attempt, autosave answers against the server deadline, submit and score.
 * The paper is drawn once at start (see draw.ts) and each question is snapshotted on its attempt item, so the
 * attempt never changes when the bank is edited later. Rules: docs/exam-scoring.md.
 */
import { recordAudit } from "~/modules/audit/audit.server";
import { db, Prisma } from "~/utils/db.server";
import { newSeed } from "~/utils/prng";
import { renderMarkdown } from "../markdown.server";
import { parseAnswer } from "./answers";
import { drawPaper, type DrawExamItem, type Shortfall } from "./draw";
import { remediationPending } from "./outcome.server";
import { afterAttemptGraded } from "./outcome.server";
import {
  attemptPassed,
  isScenarioSnapshot,
  scenarioItemScore,
  sessionEnded,
  type ScenarioSnapshot,
} from "./roleplay-items";
import { abandonOpenRolePlays, scenarioSnapshots, scenarioStates } from "./roleplay-items.server";
import { attemptTotals, autoScore, countBlanks, round2, type QuestionSnapshot, type QuestionType } from "./scoring";

type Tx = Prisma.TransactionClient;

export type StartRefusal =
  | { ok: false; reason: "not-found" }
  | { ok: false; reason: "not-published" }
  | { ok: false; reason: "not-open-yet"; availableFrom: Date }
  | { ok: false; reason: "closed"; availableUntil: Date }
  | { ok: false; reason: "attempts-used"; maxAttempts: number }
  | { ok: false; reason: "remediation"; courseId: string; courseTitle: string }
  | { ok: false; reason: "shortfall"; shortfalls: Shortfall[] }
  | { ok: false; reason: "scenario-unavailable" }
  | { ok: false; reason: "empty" };
export type StartResult = { ok: true; attemptId: string; resumed: boolean } | StartRefusal;

const CHOICE_TYPES = new Set<QuestionType>(["single_choice", "multiple_choice"]);

export type ExamRules = {
  id: string;
  title: string;
  status: string;
  timeLimitMinutes: number | null;
  maxAttempts: number | null;
  passPercent: number;
  availableFrom: Date | null;
  availableUntil: Date | null;
};

/** Why a learner may not start a new attempt now (ignoring a resumable one), or null. */
export async function startBlocker(
  tx: Tx,
  exam: ExamRules,
  userId: string,
  now: Date,
): Promise<Exclude<StartRefusal, { reason: "shortfall" | "empty" | "not-found" | "scenario-unavailable" }> | null> {
  if (exam.status !== "published") return { ok: false, reason: "not-published" };
  if (exam.availableFrom && now < exam.availableFrom) {
    return { ok: false, reason: "not-open-yet", availableFrom: exam.availableFrom };
  }
  if (exam.availableUntil && now >= exam.availableUntil) {
    return { ok: false, reason: "closed", availableUntil: exam.availableUntil };
  }
  if (exam.maxAttempts !== null) {
    const used = await tx.examAttempt.count({ where: { examId: exam.id, userId } });
    if (used >= exam.maxAttempts) return { ok: false, reason: "attempts-used", maxAttempts: exam.maxAttempts };
  }
  const pending = await remediationPending(tx, exam.id, userId);
  if (pending) return { ok: false, reason: "remediation", ...pending };
  return null;
}

export async function loadExamRules(examId: string, client: Tx | typeof db = db): Promise<ExamRules | null> {
  const exam = await client.exam.findUnique({
    where: { id: examId },
    select: {
      id: true,
      title: true,
      status: true,
      timeLimitMinutes: true,
      maxAttempts: true,
      passPercent: true,
      availableFrom: true,
      availableUntil: true,
    },
  });
  return exam ? { ...exam, passPercent: Number(exam.passPercent) } : null;
}

type QuestionRow = {
  id: string;
  type: QuestionType;
  stem: string;
  options: Prisma.JsonValue;
  answer: Prisma.JsonValue;
  modelAnswer: string | null;
  explanation: string | null;
  points: Prisma.Decimal;
  multipleScoring: "all_or_nothing" | "partial_with_penalty";
  category: string;
  difficulty: string;
};

const QUESTION_SELECT = {
  id: true,
  type: true,
  stem: true,
  options: true,
  answer: true,
  modelAnswer: true,
  explanation: true,
  points: true,
  multipleScoring: true,
  category: true,
  difficulty: true,
} as const;

function optionList(value: Prisma.JsonValue): { key: string; text: string }[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((option) =>
    option && typeof option === "object" && !Array.isArray(option) && "key" in option
      ? [{ key: String(option.key), text: String((option as { text?: unknown }).text ?? "") }]
      : [],
  );
}

/** The exam's items with the candidate pool of each draw (active questions, sorted by id). */
async function drawItems(tx: Tx, examId: string): Promise<DrawExamItem[]> {
  const items = await tx.examItem.findMany({ where: { examId }, orderBy: { position: "asc" } });
  const result: DrawExamItem[] = [];
  for (const item of items) {
    const points = item.points === null ? null : Number(item.points);
    if (item.kind === "question" && item.questionId) {
      result.push({ position: item.position, kind: "question", questionId: item.questionId, points });
    } else if (item.kind === "draw" && item.bankId) {
      const pool = await tx.question.findMany({
        where: {
          bankId: item.bankId,
          active: true,
          ...(item.category ? { category: item.category } : {}),
          ...(item.difficulty ? { difficulty: item.difficulty } : {}),
        },
        orderBy: { id: "asc" },
        select: { id: true },
      });
      result.push({
        position: item.position,
        kind: "draw",
        bankId: item.bankId,
        category: item.category,
        difficulty: item.difficulty,
        count: item.count ?? 0,
        points,
        pool: pool.map((row) => row.id),
      });
    }
  }
  return result;
}

export function snapshotOf(question: QuestionRow, optionOrder: string[], points: number | null): QuestionSnapshot {
  const options = optionList(question.options);
  const byKey = new Map(options.map((option) => [option.key, option]));
  const shown = optionOrder.length > 0 ? optionOrder.flatMap((key) => byKey.get(key) ?? []) : options;
  const answer = question.answer;
  return {
    type: question.type,
    stem: question.stem,
    stemHtml: renderMarkdown(question.stem),
    options: CHOICE_TYPES.has(question.type) ? shown : [],
    answer: question.type === "short_answer" ? null : answer,
    points: points ?? Number(question.points),
    category: question.category,
    difficulty: question.difficulty,
    explanation: question.explanation,
    modelAnswer: question.modelAnswer,
    scoring: question.multipleScoring,
    blanks: question.type === "fill_blank" ? (Array.isArray(answer) ? answer.length : countBlanks(question.stem)) : 0,
  };
}

function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}

/** Waiting for a pooled connection under load (many learners starting at once) is fine; failing is not. */
const TX_OPTIONS = { maxWait: 30_000, timeout: 30_000 } as const;

/**
 * Starts an attempt, or resumes the one in progress. The paper is drawn and snapshotted before the transaction
 * (reads and Markdown rendering only), so the transaction itself is short: re-check, number, insert. A concurrent
 * double start loses on the unique (examId, userId, number) and returns the attempt the other request created.
 */
export async function startAttempt(examId: string, userId: string, now = new Date()): Promise<StartResult> {
  const existing = await db.examAttempt.findFirst({
    where: { examId, userId, status: "in_progress" },
    select: { id: true },
  });
  if (existing) return { ok: true, attemptId: existing.id, resumed: true };
  const exam = await db.exam.findUnique({
    where: { id: examId },
    select: {
      id: true,
      title: true,
      status: true,
      timeLimitMinutes: true,
      maxAttempts: true,
      passPercent: true,
      availableFrom: true,
      availableUntil: true,
      shuffleQuestions: true,
      shuffleOptions: true,
    },
  });
  if (!exam) return { ok: false, reason: "not-found" };
  const rules: ExamRules = { ...exam, passPercent: Number(exam.passPercent) };
  const early = await db.$transaction((tx) => startBlocker(tx, rules, userId, now), TX_OPTIONS);
  if (early) return early;
  const items = await db.$transaction((tx) => drawItems(tx, examId), TX_OPTIONS);
  const questionIds = new Set<string>();
  for (const item of items) {
    if (item.kind === "question") questionIds.add(item.questionId);
    else item.pool.forEach((id) => questionIds.add(id));
  }
  const optionRows = await db.question.findMany({
    where: { id: { in: [...questionIds] }, type: { in: ["single_choice", "multiple_choice"] } },
    select: { id: true, options: true },
  });
  const optionKeys = Object.fromEntries(
    optionRows.map((row) => [row.id, optionList(row.options).map((option) => option.key)]),
  );
  const seed = newSeed();
  const paper = drawPaper({
    items,
    seed,
    shuffleQuestions: exam.shuffleQuestions,
    shuffleOptions: exam.shuffleOptions,
    optionKeys,
  });
  if (!paper.ok) return { ok: false, reason: "shortfall", shortfalls: paper.shortfalls };
  const scenarios = await scenarioSnapshots(db, examId);
  if (!scenarios.ok) return { ok: false, reason: "scenario-unavailable" };
  if (paper.questions.length + scenarios.snapshots.length === 0) return { ok: false, reason: "empty" };
  const questions = await db.question.findMany({
    where: { id: { in: paper.questions.map((question) => question.questionId) } },
    select: QUESTION_SELECT,
  });
  const byId = new Map(questions.map((question) => [question.id, question]));
  // Role-play items follow the written questions: the practical comes last, in the exam's item order.
  const snapshots: { questionId: string | null; snapshot: QuestionSnapshot | ScenarioSnapshot }[] = [
    ...paper.questions.map((drawn) => ({
      questionId: drawn.questionId,
      snapshot: snapshotOf(byId.get(drawn.questionId)!, drawn.optionOrder, drawn.points),
    })),
    ...scenarios.snapshots.map((snapshot) => ({ questionId: null, snapshot })),
  ];
  const maxScore = round2(snapshots.reduce((sum, item) => sum + item.snapshot.points, 0));
  let deadlineAt: Date | null = exam.timeLimitMinutes ? new Date(now.getTime() + exam.timeLimitMinutes * 60_000) : null;
  if (exam.availableUntil && (!deadlineAt || exam.availableUntil < deadlineAt)) deadlineAt = exam.availableUntil;
  try {
    return await db.$transaction(async (tx): Promise<StartResult> => {
      // Re-checked inside the transaction: a start that ran in between must be resumed, not doubled.
      const running = await tx.examAttempt.findFirst({
        where: { examId, userId, status: "in_progress" },
        select: { id: true },
      });
      if (running) return { ok: true, attemptId: running.id, resumed: true };
      const last = await tx.examAttempt.aggregate({
        where: { examId, userId },
        _max: { number: true },
        _count: { _all: true },
      });
      if (exam.maxAttempts !== null && last._count._all >= exam.maxAttempts) {
        return { ok: false, reason: "attempts-used", maxAttempts: exam.maxAttempts };
      }
      const attempt = await tx.examAttempt.create({
        data: {
          examId,
          userId,
          number: (last._max.number ?? 0) + 1,
          seed,
          startedAt: now,
          deadlineAt,
          maxScore,
        },
        select: { id: true },
      });
      await tx.examAttemptItem.createMany({
        data: snapshots.map((item, index) => ({
          attemptId: attempt.id,
          position: index + 1,
          questionId: item.questionId,
          snapshot: item.snapshot as unknown as Prisma.InputJsonValue,
          maxScore: item.snapshot.points,
        })),
      });
      return { ok: true, attemptId: attempt.id, resumed: false };
    }, TX_OPTIONS);
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    const other = await db.examAttempt.findFirst({
      where: { examId, userId, status: "in_progress" },
      select: { id: true },
    });
    if (other) return { ok: true, attemptId: other.id, resumed: true };
    throw error;
  }
}

export type SaveResult =
  | { ok: true; savedAt: Date }
  | { ok: false; status: 404; reason: "not-found" }
  | { ok: false; status: 409; reason: "not-in-progress" | "deadline-passed" }
  | { ok: false; status: 400; reason: string };

/**
 * Saves one answer. One statement: it share-locks the attempt row only while it is in progress and the deadline
 * has not passed (now ≤ deadlineAt), so a save racing a submit either lands before the scoring reads the items or
 * is refused — never lost after scoring. Saves arriving out of order never overwrite a newer answer.
 */
export async function saveAnswer(
  attemptId: string,
  userId: string,
  position: number,
  rawAnswer: string,
  now = new Date(),
): Promise<SaveResult> {
  const item = await db.examAttemptItem.findFirst({
    where: { attemptId, position, attempt: { userId } },
    select: { snapshot: true },
  });
  if (!item) return { ok: false, status: 404, reason: "not-found" };
  if (isScenarioSnapshot(item.snapshot)) return { ok: false, status: 400, reason: "not-a-question" };
  const parsed = parseAnswer(item.snapshot as unknown as QuestionSnapshot, rawAnswer);
  if (!parsed.ok) return { ok: false, status: 400, reason: parsed.reason };
  const json = parsed.answer === null ? null : JSON.stringify(parsed.answer);
  const updated = await db.$executeRaw`
    WITH a AS (
      SELECT "id" FROM "ExamAttempt"
      WHERE "id" = ${attemptId} AND "userId" = ${userId} AND "status" = 'in_progress'
        AND ("deadlineAt" IS NULL OR "deadlineAt" >= ${now})
      FOR SHARE
    )
    UPDATE "ExamAttemptItem" i SET "answer" = ${json}::jsonb, "answeredAt" = ${now}
    FROM a
    WHERE i."attemptId" = a."id" AND i."position" = ${position}
      AND (i."answeredAt" IS NULL OR i."answeredAt" <= ${now})`;
  if (updated === 1) return { ok: true, savedAt: now };
  const attempt = await db.examAttempt.findUnique({
    where: { id: attemptId },
    select: { status: true, deadlineAt: true },
  });
  if (!attempt) return { ok: false, status: 404, reason: "not-found" };
  if (attempt.status !== "in_progress") return { ok: false, status: 409, reason: "not-in-progress" };
  if (attempt.deadlineAt && now > attempt.deadlineAt) return { ok: false, status: 409, reason: "deadline-passed" };
  // A newer save already landed: this older one is superseded, which is what the learner wants.
  return { ok: true, savedAt: now };
}

export type SubmitResult =
  | { ok: true; status: "pending_grading" | "graded"; alreadySubmitted: boolean }
  | { ok: false; reason: "not-found" }
  | { ok: false; reason: "roleplay-open"; positions: number[] };

/**
 * Closes an in-progress attempt and scores it. Idempotent: the status change is conditional, so a second submit
 * (double click, job and learner at once) finds nothing to close and reports the attempt as it is.
 * After the deadline the attempt counts as submitted by timeout at its deadline.
 */
export async function submitAttempt(
  attemptId: string,
  userId: string | null,
  now = new Date(),
  client?: Tx,
): Promise<SubmitResult> {
  if (!client) {
    // At the deadline an unfinished role-play is abandoned first (its own transaction), so it scores 0.
    const closing = await db.examAttempt.findFirst({
      where: { id: attemptId, status: "in_progress", ...(userId ? { userId } : {}) },
      select: { deadlineAt: true },
    });
    if (closing?.deadlineAt && now > closing.deadlineAt) await abandonOpenRolePlays(attemptId, now);
  }
  const run = async (tx: Tx): Promise<SubmitResult> => {
    const attempt = await tx.examAttempt.findFirst({
      where: { id: attemptId, ...(userId ? { userId } : {}) },
      select: { id: true, status: true, deadlineAt: true },
    });
    if (!attempt) return { ok: false, reason: "not-found" };
    const late = attempt.deadlineAt !== null && now > attempt.deadlineAt;
    if (attempt.status === "in_progress" && userId && !late) {
      const open = (await scenarioStates(tx, attemptId)).filter((item) => !sessionEnded(item.state));
      if (open.length > 0) return { ok: false, reason: "roleplay-open", positions: open.map((item) => item.position) };
    }
    const closed = await tx.examAttempt.updateMany({
      where: { id: attemptId, status: "in_progress" },
      data: {
        status: "pending_grading",
        submittedAt: late ? attempt.deadlineAt! : now,
        submittedBy: late ? "timeout" : "learner",
      },
    });
    if (closed.count === 0) {
      const current = await tx.examAttempt.findUniqueOrThrow({ where: { id: attemptId }, select: { status: true } });
      return { ok: true, status: current.status === "graded" ? "graded" : "pending_grading", alreadySubmitted: true };
    }
    const status = await scoreSubmitted(tx, attemptId, late ? attempt.deadlineAt! : now);
    return { ok: true, status, alreadySubmitted: false };
  };
  return client ? run(client) : db.$transaction(run, TX_OPTIONS);
}

/** Auto-scores the objective items of a just-submitted attempt; finalises it when nothing waits for a person. */
async function scoreSubmitted(tx: Tx, attemptId: string, at: Date): Promise<"pending_grading" | "graded"> {
  const items = await tx.examAttemptItem.findMany({
    where: { attemptId },
    select: { id: true, snapshot: true, answer: true, maxScore: true },
  });
  const sessions = new Map((await scenarioStates(tx, attemptId)).map((item) => [item.itemId, item]));
  const scored: { id: string; score: number }[] = [];
  let waiting = false;
  for (const item of items) {
    if (isScenarioSnapshot(item.snapshot)) {
      const session = sessions.get(item.id);
      // A review still to come keeps the attempt waiting; anything else that is not completed scores 0.
      if (session?.state === "pending_review") waiting = true;
      else {
        const final = session?.state === "completed" ? session.finalScore : null;
        scored.push({ id: item.id, score: scenarioItemScore(Number(item.maxScore), final) });
      }
      continue;
    }
    const score = autoScore(item.snapshot as unknown as QuestionSnapshot, item.answer);
    if (score === null) waiting = true;
    else scored.push({ id: item.id, score });
  }
  if (scored.length > 0) {
    const values = Prisma.join(scored.map((row) => Prisma.sql`(${row.id}, ${row.score}::numeric)`));
    await tx.$executeRaw`
      UPDATE "ExamAttemptItem" i SET "autoScore" = v.score, "score" = v.score
      FROM (VALUES ${values}) AS v(id, score) WHERE i."id" = v.id`;
  }
  if (waiting) return "pending_grading";
  await finaliseAttempt(tx, attemptId, at, null);
  return "graded";
}

/**
 * Makes a fully scored attempt final: totals, pass, per-category scores, audit, and what follows a graded attempt
 * (assignment closed, certificate, remediation). `graderId` null = scored automatically.
 */
export async function finaliseAttempt(
  tx: Tx,
  attemptId: string,
  at: Date,
  graderId: string | null,
  ipAddress: string | null = null,
) {
  const attempt = await tx.examAttempt.findUniqueOrThrow({
    where: { id: attemptId },
    select: { id: true, examId: true, userId: true, number: true, exam: { select: { passPercent: true } } },
  });
  const items = await tx.examAttemptItem.findMany({
    where: { attemptId },
    select: { snapshot: true, score: true, maxScore: true },
  });
  const passPercent = Number(attempt.exam.passPercent);
  const written = attemptTotals(
    items.map((item) => ({
      category: (item.snapshot as unknown as QuestionSnapshot).category,
      score: Number(item.score ?? 0),
      maxScore: Number(item.maxScore),
    })),
    passPercent,
  );
  const practical = (await scenarioStates(tx, attemptId)).map((item) => ({
    position: item.position,
    finalScore: item.state === "completed" ? item.finalScore : null,
    passPercent: item.passPercent,
  }));
  const totals = { ...written, passed: attemptPassed(written.percent, passPercent, practical) };
  await tx.examAttempt.update({
    where: { id: attemptId },
    data: {
      status: "graded",
      gradedAt: at,
      score: totals.score,
      maxScore: totals.maxScore,
      percent: totals.percent,
      passed: totals.passed,
      categoryScores: totals.categoryScores as unknown as Prisma.InputJsonValue,
    },
  });
  await recordAudit(
    {
      actorId: graderId,
      action: graderId ? "exam.attempt.grade" : "exam.attempt.score",
      entityType: "ExamAttempt",
      entityId: attemptId,
      after: {
        examId: attempt.examId,
        userId: attempt.userId,
        number: attempt.number,
        score: totals.score,
        maxScore: totals.maxScore,
        percent: totals.percent,
        passed: totals.passed,
      },
      ipAddress,
    },
    tx,
  );
  await afterAttemptGraded(tx, attemptId);
  return totals;
}
