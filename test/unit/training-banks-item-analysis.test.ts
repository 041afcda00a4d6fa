import { describe, expect, it } from "vitest";
import {
  groupSize,
  itemStatistics,
  splitGroups,
  sumsFromResponses,
  summariseByCategory,
} from "~/modules/training/exams/item-analysis";

// Ten attempts a01…a10 with total percents 95, 90, …, 50. Group size round(0.27 × 10) = 3:
// upper = a01, a02, a03; lower = a08, a09, a10.
const attempts = Array.from({ length: 10 }, (_, index) => ({
  attemptId: `a${String(index + 1).padStart(2, "0")}`,
  percent: 95 - index * 5,
}));

function responses(questionId: string, scores: number[], maxScore = 2) {
  return scores.map((score, index) => ({ attemptId: attempts[index]!.attemptId, questionId, score, maxScore }));
}

describe("item analysis", () => {
  it("uses 27 % groups, at least one attempt", () => {
    expect([groupSize(0), groupSize(1), groupSize(3), groupSize(10), groupSize(100)]).toEqual([0, 1, 1, 3, 27]);
    const { upper, lower } = splitGroups(attempts);
    expect([...upper].sort()).toEqual(["a01", "a02", "a03"]);
    expect([...lower].sort()).toEqual(["a08", "a09", "a10"]);
  });

  it("breaks ties by attempt id", () => {
    const tied = [
      { attemptId: "b", percent: 50 },
      { attemptId: "a", percent: 50 },
      { attemptId: "c", percent: 50 },
      { attemptId: "d", percent: 50 },
    ];
    const { upper, lower } = splitGroups(tied);
    expect([...upper, ...lower]).toEqual(["a", "d"]);
  });

  it("computes p, D and flags (hand-computed)", () => {
    // Q1: right (2/2) for the top 7, wrong for the bottom 3: p = 7/10, upper 1, lower 0, D = 1.
    // Q2: right only for the bottom 3 (a wrong key): p = 0.3, D = 0 − 1 = −1.
    // Q3: everyone right: p = 1 (> 0.95, too easy), D = 0 (poor discrimination).
    // Q4: partial credit 1/2 for everyone except a01 with 0: p = 0.45, upper = (0 + .5 + .5)/3 = 0.3333, lower = .5, D = −0.1667.
    // Q5: one right answer (a05): p = 0.1 (< 0.2, too hard), upper 0, lower 0, D = 0.
    const sums = sumsFromResponses(attempts, [
      ...responses("q1", [2, 2, 2, 2, 2, 2, 2, 0, 0, 0]),
      ...responses("q2", [0, 0, 0, 0, 0, 0, 0, 2, 2, 2]),
      ...responses("q3", [2, 2, 2, 2, 2, 2, 2, 2, 2, 2]),
      ...responses("q4", [0, 1, 1, 1, 1, 1, 1, 1, 1, 1]),
      ...responses("q5", [0, 0, 0, 0, 2, 0, 0, 0, 0, 0]),
    ]);
    const stats = Object.fromEntries(sums.map((row) => [row.questionId, itemStatistics(row, attempts.length)]));
    expect(stats.q1).toMatchObject({ n: 10, p: 0.7, upperP: 1, lowerP: 0, d: 1, sufficient: true, flags: [] });
    expect(stats.q2).toMatchObject({ p: 0.3, d: -1, flags: ["negative_discrimination"] });
    expect(stats.q3).toMatchObject({ p: 1, d: 0, flags: ["too_easy", "poor_discrimination"] });
    expect(stats.q4).toMatchObject({
      p: 0.45,
      upperP: 0.3333,
      lowerP: 0.5,
      d: -0.1667,
      flags: ["negative_discrimination"],
    });
    expect(stats.q5).toMatchObject({ p: 0.1, d: 0, flags: ["too_hard", "poor_discrimination"] });
  });

  it("marks fewer than 10 responses as an insufficient sample and raises no flags", () => {
    const few = attempts.slice(0, 4);
    const sums = sumsFromResponses(few, responses("q", [0, 0, 2, 2]));
    // 4 attempts → groups of 1: upper a01 (0), lower a04 (1): D = −1, yet nothing is flagged.
    expect(itemStatistics(sums[0]!, few.length)).toMatchObject({ n: 4, p: 0.5, d: -1, sufficient: false, flags: [] });
  });

  it("counts only group members that had a drawn question", () => {
    // Drawn question seen by a01, a02 (upper) and a09 (lower) plus a05 (middle).
    const sums = sumsFromResponses(attempts, [
      { attemptId: "a01", questionId: "d", score: 1, maxScore: 1 },
      { attemptId: "a02", questionId: "d", score: 0, maxScore: 1 },
      { attemptId: "a05", questionId: "d", score: 1, maxScore: 1 },
      { attemptId: "a09", questionId: "d", score: 0, maxScore: 1 },
    ]);
    expect(sums[0]).toEqual({ questionId: "d", n: 4, sumP: 2, nUpper: 2, sumUpper: 1, nLower: 1, sumLower: 0 });
    expect(itemStatistics(sums[0]!, 10)).toMatchObject({ p: 0.5, upperP: 0.5, lowerP: 0, d: 0.5, sufficient: false });
  });

  it("summarises categories weighted by responses", () => {
    const rows = summariseByCategory([
      {
        ...itemStatistics({ questionId: "x", n: 10, sumP: 8, nUpper: 0, sumUpper: 0, nLower: 0, sumLower: 0 }, 10),
        category: "运费规则",
        sumP: 8,
      },
      {
        ...itemStatistics({ questionId: "y", n: 30, sumP: 3, nUpper: 0, sumUpper: 0, nLower: 0, sumLower: 0 }, 30),
        category: "运费规则",
        sumP: 3,
      },
    ]);
    // (8 + 3) / (10 + 30) = 0.275; y has p = 0.1 → too hard → flagged.
    expect(rows).toEqual([{ category: "运费规则", questions: 2, responses: 40, p: 0.275, flagged: 1 }]);
  });
});
