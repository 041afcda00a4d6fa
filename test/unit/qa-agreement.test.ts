import { describe, expect, it } from "vitest";
import {
  alignmentWithBenchmark,
  alphaVerdict,
  krippendorffAlpha,
  leniency,
  measurementLevelFor,
  meanOf,
  type AlignmentCriterion,
  type MeasurementLevel,
} from "~/modules/qa/agreement";

/** Rows are raters, columns units (as printed in the paper); the function wants units[u][r]. */
function byUnit(raters: (number | null)[][]): (number | null)[][] {
  return raters[0]!.map((_, unit) => raters.map((row) => row[unit]!));
}

const _ = null;

// Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", section D: observers A–D, units 1–12.
// Unit 12 holds a single value: unpairable, so it cannot change alpha (some copies print it under B, some under C).
const REFERENCE = byUnit([
  [1, 2, 3, 3, 2, 1, 4, 1, 2, _, _, _],
  [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, _, 3],
  [_, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, _],
  [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, _],
]);

describe("krippendorffAlpha: the published reference example", () => {
  it.each<[MeasurementLevel, number]>([
    ["nominal", 0.743],
    ["ordinal", 0.815],
    ["interval", 0.849],
    ["ratio", 0.797],
  ])("%s α = %s", (level, published) => {
    expect(krippendorffAlpha(REFERENCE, level)).toBeCloseTo(published, 3);
  });

  it("ignores where the lone value of an unpairable unit sits", () => {
    const moved = REFERENCE.map((unit, index) => (index === 11 ? [_, _, 3, _] : unit));
    for (const level of ["nominal", "ordinal", "interval", "ratio"] as const) {
      expect(krippendorffAlpha(moved, level)).toBe(krippendorffAlpha(REFERENCE, level));
    }
  });
});

describe("krippendorffAlpha: two raters, computed by hand", () => {
  // Units (1,1) (1,2) (2,2) (2,2): o11 = 2, o12 = o21 = 1, o22 = 4; n1 = 3, n2 = 5, n = 8.
  // α = 1 − 7 · 2 / (2 · 3 · 5) = 8/15.
  it("nominal", () => {
    expect(
      krippendorffAlpha(
        [
          [1, 1],
          [1, 2],
          [2, 2],
          [2, 2],
        ],
        "nominal",
      ),
    ).toBeCloseTo(8 / 15, 12);
  });

  // Units (1,2) (3,3) (5,4): n_1..n_5 = 1, 1, 2, 1, 1; n = 6; observed Σ o δ² counts (1,2) (2,1) (4,5) (5,4).
  const units = [
    [1, 2],
    [3, 3],
    [5, 4],
  ];

  it("interval: Σ o δ² = 4, Σ n_c n_k δ² = 2 (6 · 64 − 18²) = 120", () => {
    expect(krippendorffAlpha(units, "interval")).toBeCloseTo(1 - (5 * 4) / 120, 12);
  });

  it("ordinal: δ²(1,2) = δ²(4,5) = 1, expected Σ over ordered pairs = 2 · 102", () => {
    // c<k terms n_c n_k δ²: 1-2 1, 1-3 12.5, 1-4 16, 1-5 25, 2-3 4.5, 2-4 9, 2-5 16, 3-4 4.5, 3-5 12.5, 4-5 1.
    expect(krippendorffAlpha(units, "ordinal")).toBeCloseTo(1 - (5 * 4) / 204, 12);
  });

  it("ratio: δ² = ((c − k)/(c + k))²", () => {
    const observed = 2 * (1 / 9) + 2 * (1 / 81);
    // c<k terms: 1-2 1/9, 1-3 2·1/4, 1-4 9/25, 1-5 4/9, 2-3 2/25, 2-4 1/9, 2-5 9/49, 3-4 2/49, 3-5 2/16, 4-5 1/81.
    const expected = 2 * (1 / 9 + 1 / 2 + 9 / 25 + 4 / 9 + 2 / 25 + 1 / 9 + 9 / 49 + 2 / 49 + 1 / 8 + 1 / 81);
    expect(krippendorffAlpha(units, "ratio")).toBeCloseTo(1 - (5 * observed) / expected, 12);
  });

  it("skips missing values and units left with one value", () => {
    const withGaps = [
      [1, 1],
      [1, 2],
      [2, 2],
      [2, 2],
      [_, 4],
      [5, _],
      [_, _],
    ];
    expect(krippendorffAlpha(withGaps, "nominal")).toBeCloseTo(8 / 15, 12);
  });

  it("perfect agreement is 1 at every level", () => {
    const agree = [
      [1, 1],
      [2, 2],
      [4, 4],
    ];
    for (const level of ["nominal", "ordinal", "interval", "ratio"] as const) {
      expect(krippendorffAlpha(agree, level)).toBe(1);
    }
  });

  it("is NaN when nothing is pairable or every value is the same", () => {
    expect(krippendorffAlpha([], "nominal")).toBeNaN();
    expect(
      krippendorffAlpha(
        [
          [1, _],
          [_, 2],
        ],
        "interval",
      ),
    ).toBeNaN();
    expect(
      krippendorffAlpha(
        [
          [3, 3],
          [3, 3, 3],
        ],
        "ordinal",
      ),
    ).toBeNaN();
  });

  it("systematic disagreement goes below zero", () => {
    expect(
      krippendorffAlpha(
        [
          [0, 1],
          [1, 0],
        ],
        "nominal",
      ),
    ).toBeLessThan(0);
  });
});

describe("levels and verdicts", () => {
  it.each([
    ["binary", "nominal"],
    ["three", "ordinal"],
    ["four", "ordinal"],
    ["five", "ordinal"],
    ["points", "interval"],
  ] as const)("%s → %s", (scale, level) => {
    expect(measurementLevelFor(scale)).toBe(level);
  });

  it.each([
    [0.85, "reliable"],
    [0.8, "reliable"],
    [0.7, "tentative"],
    [0.667, "tentative"],
    [0.5, "unreliable"],
    [null, "undefined"],
    [Number.NaN, "undefined"],
  ] as const)("α %s reads %s", (alpha, verdict) => {
    expect(alphaVerdict(alpha)).toBe(verdict);
  });
});

describe("alignmentWithBenchmark", () => {
  const criteria: AlignmentCriterion[] = [
    { id: "greeting", weight: 1, scale: "binary" },
    { id: "accuracy", weight: 2, scale: "five" },
    { id: "empathy", weight: 1, scale: "three" },
    { id: "bonus", weight: 1, scale: "points", maxPoints: 10 },
  ];

  it.each([
    {
      name: "identical ratings align fully",
      ratings: { greeting: 1, accuracy: 4, empathy: 2, bonus: 5 },
      benchmark: { greeting: 1, accuracy: 4, empathy: 2, bonus: 5 },
      expected: 1,
    },
    {
      // greeting 1, accuracy 1 − 1/4 = 0.75 (×2), empathy 1 − 2/2 = 0, bonus 1 − 4/10 = 0.6 → (1 + 1.5 + 0 + 0.6) / 5
      name: "weighted per-criterion distance",
      ratings: { greeting: 1, accuracy: 4, empathy: 1, bonus: 6 },
      benchmark: { greeting: 1, accuracy: 5, empathy: 3, bonus: 10 },
      expected: 3.1 / 5,
    },
    {
      // accuracy N/A on one side and empathy N/A on both: left out; greeting 0, bonus 1 → 1 / 2
      name: "N/A on either side is left out",
      ratings: { greeting: 0, accuracy: null, empathy: null, bonus: 10 },
      benchmark: { greeting: 1, accuracy: 3, empathy: null, bonus: 10 },
      expected: 0.5,
    },
    {
      name: "nothing comparable",
      ratings: { greeting: null },
      benchmark: { accuracy: 3 },
      expected: null,
    },
  ])("$name", ({ ratings, benchmark, expected }) => {
    const result = alignmentWithBenchmark(criteria, ratings, benchmark);
    if (expected === null) expect(result).toBeNull();
    else expect(result).toBeCloseTo(expected, 12);
  });
});

describe("leniency and means", () => {
  it("averages score − benchmark over units both scored", () => {
    expect(
      leniency([
        { score: 90, benchmark: 80 },
        { score: 70, benchmark: 75 },
        { score: null, benchmark: 60 },
      ]),
    ).toBe(2.5);
  });

  it("is null without shared units", () => {
    expect(leniency([{ score: 80, benchmark: null }])).toBeNull();
    expect(leniency([])).toBeNull();
  });

  it("meanOf ignores nulls", () => {
    expect(meanOf([1, null, 3])).toBe(2);
    expect(meanOf([null])).toBeNull();
  });
});
