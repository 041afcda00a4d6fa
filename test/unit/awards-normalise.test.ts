/** Normalisation within the eligible population: hand-computed percentile ranks and clipped z-scores. */
import { describe, expect, it } from "vitest";
import { normaliseValues, percentileRanks, zScoresClipped } from "~/modules/awards/normalise";

const close = (values: number[]) => values.map((value) => Math.round(value * 1000) / 1000);

describe("percentileRanks", () => {
  it("spreads 0…100 from worst to best: 100 × (r − 1) / (n − 1)", () => {
    expect(close(percentileRanks([10, 20, 30, 40], "higher"))).toEqual([0, 33.333, 66.667, 100]);
  });

  it("ranks the smallest value best for lower-is-better KPIs", () => {
    expect(close(percentileRanks([10, 20, 30, 40], "lower"))).toEqual([100, 66.667, 33.333, 0]);
  });

  it("gives tied values the mean of their ranks", () => {
    // 10 → r1; the two 20s share r2 and r3 → 2.5; 40 → r4. (2.5 − 1) / 3 = 50 %.
    expect(percentileRanks([20, 10, 40, 20], "higher")).toEqual([50, 0, 100, 50]);
    expect(percentileRanks([5, 5, 5], "higher")).toEqual([50, 50, 50]);
  });

  it("gives a population of one 50 and an empty one nothing", () => {
    expect(percentileRanks([93], "higher")).toEqual([50]);
    expect(percentileRanks([], "lower")).toEqual([]);
  });

  it("does not depend on the input order", () => {
    const values = [88, 95, 70, 95, 60];
    const shuffled = [95, 60, 88, 70, 95];
    const byValue = (list: number[], ranks: number[]) =>
      Object.fromEntries(list.map((value, index) => [`${value}`, ranks[index]]));
    expect(byValue(values, percentileRanks(values, "higher"))).toEqual(
      byValue(shuffled, percentileRanks(shuffled, "higher")),
    );
  });
});

describe("zScoresClipped", () => {
  // Mean 5, population standard deviation 2.
  const values = [2, 4, 4, 4, 5, 5, 7, 9];

  it("maps z = (x − mean) / sd from [−clip, +clip] onto 0…100", () => {
    // z: −1.5, −0.5 ×3, 0, 0, 1, 2 → (z + 3) / 6 × 100.
    expect(close(zScoresClipped(values, "higher", 3))).toEqual([25, 41.667, 41.667, 41.667, 50, 50, 66.667, 83.333]);
  });

  it("clips outliers", () => {
    // clip 1.5: z = 2 → 1.5 → 100; z = −1.5 → 0.
    expect(close(zScoresClipped(values, "higher", 1.5))).toEqual([0, 33.333, 33.333, 33.333, 50, 50, 83.333, 100]);
  });

  it("negates z for lower-is-better KPIs", () => {
    expect(close(zScoresClipped([10, 20, 30], "lower", 3))[0]).toBeGreaterThan(50);
    // mean 20, sd √(200/3) = 8.165; z(10) = −1.2247 → negated 1.2247 → (1.2247 + 3) / 6 = 70.412.
    expect(close(zScoresClipped([10, 20, 30], "lower", 3))).toEqual([70.412, 50, 29.588]);
  });

  it("gives everyone 50 when nobody differs", () => {
    expect(zScoresClipped([7, 7, 7], "higher", 3)).toEqual([50, 50, 50]);
  });
});

describe("normaliseValues", () => {
  it("dispatches on the programme's method", () => {
    expect(normaliseValues([1, 2, 3], "higher", "percentile", 3)).toEqual([0, 50, 100]);
    expect(close(normaliseValues([1, 2, 3], "higher", "zscore", 3))[1]).toBe(50);
  });
});
