import { describe, expect, it } from "vitest";
import {
  FAIL_BELOW,
  IncompleteRatingsError,
  isPassing,
  NotApplicableError,
  scaleBounds,
  scaleValues,
  scoreReview,
  type Ratings,
  type ScoringCriterion,
} from "~/modules/qa/scoring";

const c = (id: string, options: Partial<ScoringCriterion> = {}): ScoringCriterion => ({
  id,
  weight: 1,
  scale: "binary",
  ...options,
});

type Case = {
  name: string;
  criteria: ScoringCriterion[];
  ratings: Ratings;
  score: number;
  weightedScore: number;
  bonusPoints?: number;
  criticalFailed?: boolean;
};

// Every expectation is worked out by hand: fraction = (value − min)/(max − min), weighted = 100 × Σ(f × w)/Σw.
const cases: Case[] = [
  {
    name: "binary pass and fail: (1 + 0) / 2",
    criteria: [c("a"), c("b")],
    ratings: { a: 1, b: 0 },
    score: 50,
    weightedScore: 50,
  },
  {
    name: "three-point 2 is half: (2 − 1)/(3 − 1)",
    criteria: [c("a", { scale: "three" })],
    ratings: { a: 2 },
    score: 50,
    weightedScore: 50,
  },
  {
    name: "four-point 3 is two thirds, rounded to 66.67",
    criteria: [c("a", { scale: "four" })],
    ratings: { a: 3 },
    score: 66.67,
    weightedScore: 66.67,
  },
  {
    name: "four-point 2 is one third, rounded to 33.33",
    criteria: [c("a", { scale: "four" })],
    ratings: { a: 2 },
    score: 33.33,
    weightedScore: 33.33,
  },
  {
    name: "five-point 4 is (4 − 1)/4",
    criteria: [c("a", { scale: "five" })],
    ratings: { a: 4 },
    score: 75,
    weightedScore: 75,
  },
  {
    name: "five-point 1 is the bottom",
    criteria: [c("a", { scale: "five" })],
    ratings: { a: 1 },
    score: 0,
    weightedScore: 0,
  },
  {
    name: "points 7 of 10",
    criteria: [c("a", { scale: "points", maxPoints: 10 })],
    ratings: { a: 7 },
    score: 70,
    weightedScore: 70,
  },
  {
    name: "points 0 of 10",
    criteria: [c("a", { scale: "points", maxPoints: 10 })],
    ratings: { a: 0 },
    score: 0,
    weightedScore: 0,
  },
  {
    name: "weights: three-point 2 (0.5) × 2 and five-point 5 (1) × 1 → 2/3",
    criteria: [c("a", { scale: "three", weight: 2 }), c("b", { scale: "five" })],
    ratings: { a: 2, b: 5 },
    score: 66.67,
    weightedScore: 66.67,
  },
  {
    name: "weights: five-point 3 (0.5) × 3 and binary pass × 1 → 2.5/4",
    criteria: [c("a", { scale: "five", weight: 3 }), c("b")],
    ratings: { a: 3, b: 1 },
    score: 62.5,
    weightedScore: 62.5,
  },
  {
    name: "fractional weights: binary fail × 0.5 and pass × 1.5 → 1.5/2",
    criteria: [c("a", { weight: 0.5 }), c("b", { weight: 1.5 })],
    ratings: { a: 0, b: 1 },
    score: 75,
    weightedScore: 75,
  },
  {
    name: "N/A leaves both sums: only four-point 4 counts",
    criteria: [c("a", { scale: "five", weight: 2, allowNa: true }), c("b", { scale: "four" })],
    ratings: { a: null, b: 4 },
    score: 100,
    weightedScore: 100,
  },
  {
    name: "N/A with a failure beside it: (1 + 0) / 2, the N/A weight 5 is not in the denominator",
    criteria: [c("na", { weight: 5, allowNa: true }), c("a"), c("b")],
    ratings: { na: null, a: 1, b: 0 },
    score: 50,
    weightedScore: 50,
  },
  {
    name: "a failed red line zeroes the review, bonus included",
    criteria: [c("a", { scale: "five" }), c("red", { critical: true }), c("plus", { bonus: true, maxPoints: 5 })],
    ratings: { a: 5, red: 0, plus: 1 },
    score: 0,
    weightedScore: 50,
    bonusPoints: 5,
    criticalFailed: true,
  },
  {
    name: "a red line at exactly 0.5 passes: (0.5 + 1) / 2",
    criteria: [c("red", { scale: "three", critical: true }), c("a", { scale: "five" })],
    ratings: { red: 2, a: 5 },
    score: 75,
    weightedScore: 75,
  },
  {
    name: "a red line just below 0.5 fails: four-point 2 is 1/3",
    criteria: [c("red", { scale: "four", critical: true }), c("a", { scale: "five" })],
    ratings: { red: 2, a: 5 },
    score: 0,
    weightedScore: 66.67,
    criticalFailed: true,
  },
  {
    name: "a red line marked N/A does not fail",
    criteria: [c("red", { critical: true, allowNa: true }), c("a", { scale: "five" })],
    ratings: { red: null, a: 4 },
    score: 75,
    weightedScore: 75,
  },
  {
    name: "bonus points are added after weighting: 75 + 1 × 5",
    criteria: [c("a", { scale: "five" }), c("plus", { bonus: true, maxPoints: 5 })],
    ratings: { a: 4, plus: 1 },
    score: 80,
    weightedScore: 75,
    bonusPoints: 5,
  },
  {
    name: "bonus is fraction × maxPoints: five-point 3 (0.5) × 4 = 2, its weight is ignored",
    criteria: [c("a", { scale: "five" }), c("plus", { scale: "five", bonus: true, maxPoints: 4, weight: 9 })],
    ratings: { a: 4, plus: 3 },
    score: 77,
    weightedScore: 75,
    bonusPoints: 2,
  },
  {
    name: "a missed bonus adds nothing",
    criteria: [c("a", { scale: "five" }), c("plus", { bonus: true, maxPoints: 5 })],
    ratings: { a: 4, plus: 0 },
    score: 75,
    weightedScore: 75,
    bonusPoints: 0,
  },
  {
    name: "the total is capped at 100",
    criteria: [
      c("a", { scale: "five" }),
      c("plus", { bonus: true, maxPoints: 5 }),
      c("more", { bonus: true, maxPoints: 3 }),
    ],
    ratings: { a: 5, plus: 1, more: 1 },
    score: 100,
    weightedScore: 100,
    bonusPoints: 8,
  },
  {
    name: "cap applies to 97 + 5",
    criteria: [c("a", { scale: "points", maxPoints: 100 }), c("plus", { bonus: true, maxPoints: 5 })],
    ratings: { a: 97, plus: 1 },
    score: 100,
    weightedScore: 97,
    bonusPoints: 5,
  },
  {
    name: "nothing rated (all N/A) scores 100",
    criteria: [c("a", { allowNa: true }), c("b", { scale: "five", allowNa: true })],
    ratings: { a: null, b: null },
    score: 100,
    weightedScore: 100,
  },
  { name: "no criteria at all scores 100", criteria: [], ratings: {}, score: 100, weightedScore: 100 },
  {
    name: "rounding to two decimals: two passes of three",
    criteria: [c("a"), c("b"), c("c")],
    ratings: { a: 1, b: 1, c: 0 },
    score: 66.67,
    weightedScore: 66.67,
  },
];

describe("scoreReview", () => {
  it.each(cases)("$name", ({ criteria, ratings, score, weightedScore, bonusPoints = 0, criticalFailed = false }) => {
    const result = scoreReview(criteria, ratings);
    expect(result.score).toBe(score);
    expect(result.weightedScore).toBe(weightedScore);
    expect(result.bonusPoints).toBe(bonusPoints);
    expect(result.criticalFailed).toBe(criticalFailed);
  });

  it.each([
    { scale: "binary" as const, value: 0, score: 0, failed: true },
    { scale: "binary" as const, value: 1, score: 1, failed: false },
    { scale: "three" as const, value: 1, score: 0, failed: true },
    { scale: "three" as const, value: 2, score: 0.5, failed: false },
    { scale: "four" as const, value: 2, score: 1 / 3, failed: true },
    { scale: "four" as const, value: 3, score: 2 / 3, failed: false },
    { scale: "five" as const, value: 2, score: 0.25, failed: true },
    { scale: "five" as const, value: 3, score: 0.5, failed: false },
  ])("marks $scale $value as score $score, failed $failed", ({ scale, value, score, failed }) => {
    const [entry] = scoreReview([c("a", { scale })], { a: value }).criteria;
    expect(entry).toEqual({ criterionId: "a", value, score, failed });
  });

  it("never marks a bonus criterion failed: an extra not earned is not a fault", () => {
    const result = scoreReview([c("a"), c("plus", { bonus: true, maxPoints: 3 })], { a: 1, plus: 0 });
    expect(result.criteria[1]).toEqual({ criterionId: "plus", value: 0, score: 0, failed: false });
    expect(result.score).toBe(100);
  });

  it("reports N/A criteria with a null score and not failed", () => {
    const result = scoreReview([c("a", { allowNa: true })], { a: null });
    expect(result.criteria).toEqual([{ criterionId: "a", value: null, score: null, failed: false }]);
  });

  it("refuses missing ratings and names every missing criterion", () => {
    const run = () => scoreReview([c("a"), c("b"), c("c")], { b: 1 });
    expect(run).toThrow(IncompleteRatingsError);
    try {
      run();
    } catch (error) {
      expect((error as IncompleteRatingsError).missing).toEqual(["a", "c"]);
    }
  });

  it("refuses N/A on a criterion that does not allow it", () => {
    expect(() => scoreReview([c("a"), c("b", { allowNa: false })], { a: 1, b: null })).toThrow(NotApplicableError);
  });

  it.each([
    { scale: "binary" as const, value: 2 },
    { scale: "binary" as const, value: -1 },
    { scale: "three" as const, value: 0 },
    { scale: "four" as const, value: 5 },
    { scale: "five" as const, value: 6 },
    { scale: "five" as const, value: Number.NaN },
  ])("refuses $scale value $value as out of range", ({ scale, value }) => {
    expect(() => scoreReview([c("a", { scale })], { a: value })).toThrow(RangeError);
  });

  it("refuses a points value above maxPoints and a points scale without maxPoints", () => {
    expect(() => scoreReview([c("a", { scale: "points", maxPoints: 10 })], { a: 11 })).toThrow(RangeError);
    expect(() => scoreReview([c("a", { scale: "points" })], { a: 1 })).toThrow(RangeError);
  });
});

describe("scales and passing", () => {
  it.each([
    { scale: "binary" as const, maxPoints: null, bounds: { min: 0, max: 1 }, values: [0, 1] },
    { scale: "three" as const, maxPoints: null, bounds: { min: 1, max: 3 }, values: [1, 2, 3] },
    { scale: "four" as const, maxPoints: null, bounds: { min: 1, max: 4 }, values: [1, 2, 3, 4] },
    { scale: "five" as const, maxPoints: null, bounds: { min: 1, max: 5 }, values: [1, 2, 3, 4, 5] },
    { scale: "points" as const, maxPoints: 3, bounds: { min: 0, max: 3 }, values: [0, 1, 2, 3] },
  ])("$scale runs $bounds.min–$bounds.max", ({ scale, maxPoints, bounds, values }) => {
    expect(scaleBounds(scale, maxPoints)).toEqual(bounds);
    expect(scaleValues(scale, maxPoints)).toEqual(values);
  });

  it("fails below one half", () => expect(FAIL_BELOW).toBe(0.5));

  it.each([
    { score: 80, passMark: 80, passing: true },
    { score: 79.99, passMark: 80, passing: false },
    { score: 0, passMark: 0, passing: true },
    { score: 100, passMark: 85, passing: true },
  ])("score $score against pass mark $passMark passes: $passing", ({ score, passMark, passing }) => {
    expect(isPassing(score, passMark)).toBe(passing);
  });
});
