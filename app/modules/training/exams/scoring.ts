/**
 * Exam scoring rules (documented in docs/exam-scoring.md). Pure functions over the question snapshot stored on
 * each attempt item, so a later edit of the question never changes a past score. Money-like maths: every result is
 * rounded to 2 decimals, as stored in the Decimal columns.
 */
import { normaliseAnswer } from "../text";

export type QuestionType = "single_choice" | "multiple_choice" | "true_false" | "fill_blank" | "short_answer";
export type MultipleScoring = "all_or_nothing" | "partial_with_penalty";

/** What an attempt item stores about its question when it is drawn. */
export type QuestionSnapshot = {
  type: QuestionType;
  stem: string;
  stemHtml: string;
  /** Options in the order shown to this learner; `key` is the question's original option key. */
  options: { key: string; text: string }[];
  /** choice: original option keys; true_false: boolean; fill_blank: accepted answers per blank; short: null. */
  answer: unknown;
  points: number;
  category: string;
  difficulty: string;
  explanation: string | null;
  modelAnswer: string | null;
  scoring: MultipleScoring;
  blanks: number;
};

/** A learner's answer: single_choice key, multiple_choice keys, true_false boolean, fill_blank texts, short text. */
export type Answer = string | string[] | boolean;

export function round2(value: number): number {
  return Math.round((value + Number.EPSILON) * 100) / 100;
}

function asKeys(value: unknown): string[] {
  return Array.isArray(value) ? value.map(String) : [];
}

/** Number of `____` blanks in a fill-in-the-blank stem. */
export function countBlanks(stem: string): number {
  return stem.match(/_{4,}/g)?.length ?? 0;
}

export function scoreSingleChoice(correct: string[], answer: unknown, points: number): number {
  return typeof answer === "string" && correct.length === 1 && correct[0] === answer ? round2(points) : 0;
}

export function scoreTrueFalse(correct: unknown, answer: unknown, points: number): number {
  return typeof answer === "boolean" && answer === correct ? round2(points) : 0;
}

export function scoreMultipleChoice(
  correct: string[],
  answer: unknown,
  points: number,
  scoring: MultipleScoring,
): number {
  const chosen = new Set(asKeys(answer));
  const right = new Set(correct);
  if (right.size === 0) return 0;
  const correctChosen = [...chosen].filter((key) => right.has(key)).length;
  const wrongChosen = chosen.size - correctChosen;
  if (scoring === "all_or_nothing") {
    return correctChosen === right.size && wrongChosen === 0 ? round2(points) : 0;
  }
  return round2(Math.max(0, (correctChosen - wrongChosen) / right.size) * points);
}

export function scoreFillBlank(accepted: unknown, answer: unknown, points: number): number {
  const blanks = Array.isArray(accepted) ? accepted.map((list) => (Array.isArray(list) ? list : [list])) : [];
  if (blanks.length === 0) return 0;
  const given = Array.isArray(answer) ? answer : [];
  let right = 0;
  blanks.forEach((list, index) => {
    const response = given[index];
    if (typeof response !== "string") return;
    const normalised = normaliseAnswer(response);
    if (normalised !== "" && list.some((option) => normaliseAnswer(String(option)) === normalised)) right += 1;
  });
  return round2((points * right) / blanks.length);
}

/** Automatic score of an item, or null for a short answer (a person grades it). No answer scores 0. */
export function autoScore(snapshot: QuestionSnapshot, answer: unknown): number | null {
  const points = snapshot.points;
  switch (snapshot.type) {
    case "single_choice":
      return scoreSingleChoice(asKeys(snapshot.answer), answer, points);
    case "true_false":
      return scoreTrueFalse(snapshot.answer, answer, points);
    case "multiple_choice":
      return scoreMultipleChoice(asKeys(snapshot.answer), answer, points, snapshot.scoring);
    case "fill_blank":
      return scoreFillBlank(snapshot.answer, answer, points);
    case "short_answer":
      return null;
  }
}

/** Whether a manual mark is allowed: 0…points in steps of 0.5. */
export function validManualScore(score: number, points: number): boolean {
  return Number.isFinite(score) && score >= 0 && score <= points && Number.isInteger(score * 2);
}

export type ScoredItem = { category: string; score: number; maxScore: number };
export type CategoryScore = { category: string; score: number; maxScore: number; percent: number };
export type AttemptTotals = {
  score: number;
  maxScore: number;
  percent: number;
  passed: boolean;
  categoryScores: CategoryScore[];
};

export function percentOf(score: number, maxScore: number): number {
  return maxScore > 0 ? round2((score / maxScore) * 100) : 0;
}

/** Totals of an attempt whose items all have a score; categories in order of first appearance. */
export function attemptTotals(items: ScoredItem[], passPercent: number): AttemptTotals {
  const byCategory = new Map<string, { score: number; maxScore: number }>();
  let score = 0;
  let maxScore = 0;
  for (const item of items) {
    score += item.score;
    maxScore += item.maxScore;
    const entry = byCategory.get(item.category) ?? { score: 0, maxScore: 0 };
    entry.score += item.score;
    entry.maxScore += item.maxScore;
    byCategory.set(item.category, entry);
  }
  score = round2(score);
  maxScore = round2(maxScore);
  const percent = percentOf(score, maxScore);
  return {
    score,
    maxScore,
    percent,
    passed: percent >= passPercent,
    categoryScores: [...byCategory].map(([category, entry]) => ({
      category,
      score: round2(entry.score),
      maxScore: round2(entry.maxScore),
      percent: percentOf(entry.score, entry.maxScore),
    })),
  };
}

export type GradedAttemptRef = { id: string; percent: number; gradedAt: Date; startedAt: Date };

/**
 * The attempt that counts as the learner's exam result. highest: best percent, ties → earliest started;
 * latest: the most recently graded. Only graded (final) attempts are passed in.
 */
export function resultAttempt<T extends GradedAttemptRef>(attempts: T[], method: "highest" | "latest"): T | null {
  let best: T | null = null;
  for (const attempt of attempts) {
    if (!best) {
      best = attempt;
      continue;
    }
    if (method === "latest") {
      if (attempt.gradedAt.getTime() > best.gradedAt.getTime()) best = attempt;
    } else if (
      attempt.percent > best.percent ||
      (attempt.percent === best.percent && attempt.startedAt.getTime() < best.startedAt.getTime())
    ) {
      best = attempt;
    }
  }
  return best;
}
