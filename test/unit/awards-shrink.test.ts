/** Bayesian shrinkage toward the population mean: (n·value + k·mean) / (n + k), by hand. */
import { describe, expect, it } from "vitest";
import { bayesianAverage, isShrunkMetric, populationMean, rawForShrunk } from "~/modules/awards/shrink";

describe("bayesianAverage", () => {
  it("pulls a small sample most of the way to the mean", () => {
    // 3 rated conversations at 100 %, mean 90 %, k = 20: (300 + 1800) / 23 = 91.304…
    expect(bayesianAverage(100, 3, 90, 20)).toBeCloseTo(91.3043, 4);
  });

  it("barely moves a large sample", () => {
    // 300 at 97 %: (29100 + 1800) / 320 = 96.5625 — and so it beats the lucky 3 at 100 %.
    expect(bayesianAverage(97, 300, 90, 20)).toBe(96.5625);
    expect(bayesianAverage(97, 300, 90, 20)).toBeGreaterThan(bayesianAverage(100, 3, 90, 20));
  });

  it("shrinks below-mean values up just as much", () => {
    // 2 reviews at 60, mean 85, k = 8: (120 + 680) / 10 = 80.
    expect(bayesianAverage(60, 2, 85, 8)).toBe(80);
  });

  it("returns the mean without a sample or a value, and the value without a prior", () => {
    expect(bayesianAverage(null, 12, 88, 20)).toBe(88);
    expect(bayesianAverage(75, 0, 88, 20)).toBe(88);
    expect(bayesianAverage(75, 4, 88, 0)).toBe(75);
  });

  it("inverts: the raw value behind a shrunk value", () => {
    expect(rawForShrunk(bayesianAverage(100, 3, 90, 20), 3, 90, 20)).toBeCloseTo(100, 9);
    // To reach a shrunk 92 with 10 conversations, mean 90, k = 10: (20 × 92 − 900) / 10 = 94.
    expect(rawForShrunk(92, 10, 90, 10)).toBe(94);
  });
});

describe("populationMean and which metrics shrink", () => {
  it("averages the values present", () => {
    expect(populationMean([80, null, 90, 100])).toBe(90);
    expect(populationMean([null, null])).toBeNull();
  });

  it("leaves totals and the 360 score alone", () => {
    expect(isShrunkMetric("csat_percent")).toBe(true);
    expect(isShrunkMetric("qa_score")).toBe(true);
    expect(isShrunkMetric("first_response_median")).toBe(true);
    expect(isShrunkMetric("conversations_handled")).toBe(false);
    expect(isShrunkMetric("red_line_incidents")).toBe(false);
    expect(isShrunkMetric("feedback_score")).toBe(false);
  });
});
