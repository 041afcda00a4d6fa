/**
 * The review scoring rule (pure; documented in docs/qa-scoring.md and unit-tested).
 *
 * - Scale bounds: binary 0–1 (0 = fail, 1 = pass), three 1–3, four 1–4, five 1–5, points 0–maxPoints.
 * - A rated criterion scores (selected − min) / (max − min), a fraction 0–1.
 * - The weighted score is 100 × Σ(score × weight) / Σ(weight) over rated, non-bonus criteria; N/A (null) is left out
 *   of both sums. With nothing rated the weighted score is 100 (nothing was found wanting).
 * - A criterion fails when its fraction is below 0.5 (binary: "fail"). A failed critical criterion (红线) makes the
 *   review 0, bonus included. Bonus criteria never fail: an extra not earned is not a fault.
 * - Bonus criteria add fraction × maxPoints points after the weighted score; the result is capped at 100.
 * - Scores are rounded to two decimals for storage and display.
 */

export const SCALE_TYPES = ["binary", "three", "four", "five", "points"] as const;
export type ScaleType = (typeof SCALE_TYPES)[number];

export const FAIL_BELOW = 0.5;

export interface ScoringCriterion {
  id: string;
  weight: number;
  scale: ScaleType;
  maxPoints?: number | null;
  allowNa?: boolean;
  critical?: boolean;
  bonus?: boolean;
}

/** The selected value per criterion id; null = N/A; a missing key = not rated yet. */
export type Ratings = Readonly<Record<string, number | null | undefined>>;

export interface CriterionResult {
  criterionId: string;
  value: number | null;
  /** (value − min) / (max − min); null for N/A. */
  score: number | null;
  failed: boolean;
}

export interface ReviewResult {
  score: number;
  /** The weighted score before bonus and red lines. */
  weightedScore: number;
  bonusPoints: number;
  criticalFailed: boolean;
  criteria: CriterionResult[];
}

export function scaleBounds(scale: ScaleType, maxPoints?: number | null): { min: number; max: number } {
  switch (scale) {
    case "binary":
      return { min: 0, max: 1 };
    case "three":
      return { min: 1, max: 3 };
    case "four":
      return { min: 1, max: 4 };
    case "five":
      return { min: 1, max: 5 };
    case "points":
      if (!maxPoints || maxPoints < 1) throw new RangeError("a points scale needs maxPoints ≥ 1");
      return { min: 0, max: maxPoints };
  }
}

/** The values an inspector can pick on a scale, lowest first. */
export function scaleValues(scale: ScaleType, maxPoints?: number | null): number[] {
  const { min, max } = scaleBounds(scale, maxPoints);
  return Array.from({ length: max - min + 1 }, (_, index) => min + index);
}

export function criterionFraction(criterion: ScoringCriterion, value: number): number {
  const { min, max } = scaleBounds(criterion.scale, criterion.maxPoints);
  if (!Number.isFinite(value) || value < min || value > max) {
    throw new RangeError(`value ${value} is outside ${min}–${max} for criterion ${criterion.id}`);
  }
  return (value - min) / (max - min);
}

export function round2(value: number): number {
  return Math.round(value * 100) / 100;
}

export class IncompleteRatingsError extends Error {
  constructor(readonly missing: string[]) {
    super(`criteria not rated: ${missing.join(", ")}`);
    this.name = "IncompleteRatingsError";
  }
}

export class NotApplicableError extends Error {
  constructor(readonly criterionId: string) {
    super(`criterion ${criterionId} does not allow N/A`);
    this.name = "NotApplicableError";
  }
}

/** Ids of criteria without a rating, and of N/A ratings on criteria that do not allow N/A. */
export function validateRatings(criteria: readonly ScoringCriterion[], ratings: Ratings) {
  const missing = criteria.filter((criterion) => ratings[criterion.id] === undefined).map((c) => c.id);
  const naNotAllowed = criteria
    .filter((criterion) => ratings[criterion.id] === null && !criterion.allowNa)
    .map((c) => c.id);
  return { missing, naNotAllowed };
}

export function scoreReview(criteria: readonly ScoringCriterion[], ratings: Ratings): ReviewResult {
  const { missing, naNotAllowed } = validateRatings(criteria, ratings);
  if (missing.length > 0) throw new IncompleteRatingsError(missing);
  if (naNotAllowed.length > 0) throw new NotApplicableError(naNotAllowed[0]!);

  let weighted = 0;
  let weights = 0;
  let bonusPoints = 0;
  let criticalFailed = false;
  const results: CriterionResult[] = [];

  for (const criterion of criteria) {
    const value = ratings[criterion.id] ?? null;
    if (value === null) {
      results.push({ criterionId: criterion.id, value: null, score: null, failed: false });
      continue;
    }
    const score = criterionFraction(criterion, value);
    const failed = !criterion.bonus && score < FAIL_BELOW;
    results.push({ criterionId: criterion.id, value, score, failed });
    if (criterion.bonus) {
      bonusPoints += score * (criterion.maxPoints ?? 0);
      continue;
    }
    if (criterion.critical && failed) criticalFailed = true;
    weighted += score * criterion.weight;
    weights += criterion.weight;
  }

  const weightedScore = weights > 0 ? (100 * weighted) / weights : 100;
  const score = criticalFailed ? 0 : Math.min(100, weightedScore + bonusPoints);
  return {
    score: round2(score),
    weightedScore: round2(weightedScore),
    bonusPoints: round2(bonusPoints),
    criticalFailed,
    criteria: results,
  };
}

export function isPassing(score: number, passMark: number): boolean {
  return score >= passMark;
}
