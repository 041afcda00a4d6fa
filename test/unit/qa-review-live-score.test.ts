import { describe, expect, it } from "vitest";
import { liveScore } from "~/components/qa/workbench/live-score";
import type { ScoringCriterion } from "~/modules/qa/scoring";

// The fixture rubric: greeting (binary, w1), accuracy (five, w2, N/A), empathy (three, w1), privacy (binary, red line).
const criteria: ScoringCriterion[] = [
  { id: "greeting", weight: 1, scale: "binary" },
  { id: "accuracy", weight: 2, scale: "five", allowNa: true },
  { id: "empathy", weight: 1, scale: "three" },
  { id: "privacy", weight: 1, scale: "binary", critical: true },
];

describe("liveScore", () => {
  it.each([
    // nothing rated: nothing found wanting
    [{}, 100, 0, false, true],
    // greeting pass, accuracy 4 → (1 + 0.75×2) / 3 = 83.33
    [{ greeting: 1, accuracy: 4 }, 83.33, 2, false, true],
    // + empathy 2 (0.5) + privacy pass: (1 + 1.5 + 0.5 + 1) / 5 = 80
    [{ greeting: 1, accuracy: 4, empathy: 2, privacy: 1 }, 80, 4, true, true],
    // accuracy N/A: (1 + 0.5 + 1) / 3 = 83.33
    [{ greeting: 1, accuracy: null, empathy: 2, privacy: 1 }, 83.33, 4, true, true],
    // red line failed: 0
    [{ greeting: 1, accuracy: 5, empathy: 3, privacy: 0 }, 0, 4, true, false],
    // greeting fail, rest perfect: 4 / 5 = 80; empathy 1 → 0: 3/5 = 60
    [{ greeting: 0, accuracy: 5, empathy: 1, privacy: 1 }, 60, 4, true, false],
  ] as const)("%o → %s", (ratings, score, rated, complete, passed) => {
    const live = liveScore(criteria, ratings, 80);
    expect(live.result.score).toBe(score);
    expect(live.rated).toBe(rated);
    expect(live.complete).toBe(complete);
    expect(live.passed).toBe(passed);
  });

  it("leaves N/A on a criterion that does not allow it out of the live figure", () => {
    const live = liveScore(criteria, { greeting: null, empathy: 3 }, 80);
    expect(live.rated).toBe(1);
    expect(live.result.score).toBe(100);
  });
});
