/**
 * Item analysis (classical test theory) over an exam's final (graded) attempts. Pure.
 *
 * - Difficulty p = mean of score / maxScore over the attempts that had the question. For objective questions
 *   scored all-or-nothing this is the share of correct answers; partial credit counts proportionally.
 * - Discrimination D = p(upper group) − p(lower group). Attempts are ranked by their total percent; the upper group
 *   is the top 27 % and the lower group the bottom 27 % (Kelley's 27 % rule: the split that maximises the
 *   difference between the groups while keeping them large enough). Group size = round(0.27 × N), at least 1;
 *   ties are broken by attempt id so the split is deterministic. For drawn questions only the group members that
 *   had the question count; a group without any → D unknown.
 * - Small samples: with fewer than 10 responses to a question (or fewer than 10 graded attempts for D) the figures
 *   are shown but marked 样本不足 and no flag is raised — one lucky guess would swing them.
 * - Flags: p < 0.2 too hard; p > 0.95 too easy; D < 0 negative (probably a wrong answer key); 0 ≤ D < 0.2 poor
 *   discrimination.
 */

export const GROUP_SHARE = 0.27;
export const MIN_SAMPLE = 10;
export const TOO_HARD_BELOW = 0.2;
export const TOO_EASY_ABOVE = 0.95;
export const POOR_DISCRIMINATION_BELOW = 0.2;

export type ItemFlag = "too_hard" | "too_easy" | "negative_discrimination" | "poor_discrimination";

/** Size of the upper and of the lower group for N attempts. */
export function groupSize(attempts: number): number {
  if (attempts <= 0) return 0;
  return Math.max(1, Math.round(attempts * GROUP_SHARE));
}

/** Per question sums, as the SQL in item-analysis.server returns them. */
export type QuestionSums = {
  questionId: string;
  n: number;
  sumP: number;
  nUpper: number;
  sumUpper: number;
  nLower: number;
  sumLower: number;
};

export type ItemStatistics = {
  questionId: string;
  n: number;
  p: number | null;
  upperP: number | null;
  lowerP: number | null;
  d: number | null;
  sufficient: boolean;
  flags: ItemFlag[];
};

function round(value: number, digits = 4) {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

export function itemStatistics(sums: QuestionSums, attempts: number): ItemStatistics {
  const p = sums.n > 0 ? round(sums.sumP / sums.n) : null;
  const upperP = sums.nUpper > 0 ? round(sums.sumUpper / sums.nUpper) : null;
  const lowerP = sums.nLower > 0 ? round(sums.sumLower / sums.nLower) : null;
  const d = upperP !== null && lowerP !== null ? round(upperP - lowerP) : null;
  const sufficient = sums.n >= MIN_SAMPLE && attempts >= MIN_SAMPLE;
  const flags: ItemFlag[] = [];
  if (sufficient && p !== null) {
    if (p < TOO_HARD_BELOW) flags.push("too_hard");
    if (p > TOO_EASY_ABOVE) flags.push("too_easy");
  }
  if (sufficient && d !== null) {
    if (d < 0) flags.push("negative_discrimination");
    else if (d < POOR_DISCRIMINATION_BELOW) flags.push("poor_discrimination");
  }
  return { questionId: sums.questionId, n: sums.n, p, upperP, lowerP, d, sufficient, flags };
}

export type AttemptScore = { attemptId: string; percent: number };
export type Response = { attemptId: string; questionId: string; score: number; maxScore: number };

/** Attempt ids of the upper and lower groups (the same ranking the SQL uses). */
export function splitGroups(attempts: AttemptScore[]) {
  const size = groupSize(attempts.length);
  const ranked = [...attempts].sort(
    (a, b) => b.percent - a.percent || (a.attemptId < b.attemptId ? -1 : a.attemptId > b.attemptId ? 1 : 0),
  );
  return {
    upper: new Set(ranked.slice(0, size).map((attempt) => attempt.attemptId)),
    lower: new Set(ranked.slice(ranked.length - size).map((attempt) => attempt.attemptId)),
  };
}

/** The per-question sums from raw responses (reference implementation of the SQL aggregate). */
export function sumsFromResponses(attempts: AttemptScore[], responses: Response[]): QuestionSums[] {
  const { upper, lower } = splitGroups(attempts);
  const known = new Set(attempts.map((attempt) => attempt.attemptId));
  const byQuestion = new Map<string, QuestionSums>();
  for (const response of responses) {
    if (!known.has(response.attemptId)) continue;
    const sums = byQuestion.get(response.questionId) ?? {
      questionId: response.questionId,
      n: 0,
      sumP: 0,
      nUpper: 0,
      sumUpper: 0,
      nLower: 0,
      sumLower: 0,
    };
    const share = response.maxScore > 0 ? response.score / response.maxScore : 0;
    sums.n += 1;
    sums.sumP += share;
    if (upper.has(response.attemptId)) {
      sums.nUpper += 1;
      sums.sumUpper += share;
    }
    if (lower.has(response.attemptId)) {
      sums.nLower += 1;
      sums.sumLower += share;
    }
    byQuestion.set(response.questionId, sums);
  }
  return [...byQuestion.values()];
}

export type CategorySummary = {
  category: string;
  questions: number;
  responses: number;
  p: number | null;
  flagged: number;
};

/** Per category: questions, responses, response-weighted mean p and flagged questions. */
export function summariseByCategory(items: (ItemStatistics & { category: string; sumP: number })[]): CategorySummary[] {
  const byCategory = new Map<string, { questions: number; responses: number; sumP: number; flagged: number }>();
  for (const item of items) {
    const entry = byCategory.get(item.category) ?? { questions: 0, responses: 0, sumP: 0, flagged: 0 };
    entry.questions += 1;
    entry.responses += item.n;
    entry.sumP += item.sumP;
    if (item.flags.length > 0) entry.flagged += 1;
    byCategory.set(item.category, entry);
  }
  return [...byCategory.entries()]
    .map(([category, entry]) => ({
      category,
      questions: entry.questions,
      responses: entry.responses,
      p: entry.responses > 0 ? round(entry.sumP / entry.responses) : null,
      flagged: entry.flagged,
    }))
    .sort((a, b) => a.category.localeCompare(b.category, "zh-CN"));
}
