/** Explaining a candidate's composite and "why my rank", by hand. */
import { describe, expect, it } from "vitest";
import { scorePopulation, type MetricSpec } from "~/modules/awards/composite";
import { explainCandidate, explainRank, median, type BoardEntryForExplain } from "~/modules/awards/explain";
import type { CandidateInputs } from "~/modules/awards/pipeline";

const csat: MetricSpec = { kpiKey: "csat", metric: "csat_percent", direction: "higher", weight: 3 };
const frt: MetricSpec = { kpiKey: "frt_median", metric: "first_response_median", direction: "lower", weight: 1 };
const settings = { normalisation: "percentile" as const, zClip: 3, priorStrength: 0 };

// A: CSAT 90, 30 s → 87.5; B: 80, 20 s → 62.5; C: 70, 40 s → 0 (see awards-composite.test.ts).
const population = [
  { csat: { value: 90, sample: 10 }, frt_median: { value: 30, sample: 10 } },
  { csat: { value: 80, sample: 10 }, frt_median: { value: 20, sample: 10 } },
  { csat: { value: 70, sample: 10 }, frt_median: { value: 40, sample: 10 } },
];
const scored = scorePopulation(population, [csat, frt], settings);
const board: BoardEntryForExplain[] = ["a", "b", "c"].map((userId, index) => ({
  userId,
  rank: index + 1,
  composite: scored[index]!.composite,
  eligible: true,
  inputs: { metrics: scored[index]!.metrics, reasons: [] },
}));

describe("explainCandidate", () => {
  it("lists each KPI's values, weight share and points", () => {
    const inputs = {
      kind: "composite",
      code: "A2001",
      hireDate: null,
      facts: {} as CandidateInputs["facts"],
      composite: scored[0]!.composite,
      metrics: scored[0]!.metrics,
      previous: null,
    } satisfies CandidateInputs;
    const explanation = explainCandidate(inputs);
    expect(explanation.composite).toBe(87.5);
    expect(
      explanation.metrics.map((metric) => [metric.kpiKey, metric.raw, metric.weightShare, metric.contribution]),
    ).toEqual([
      ["csat", 90, 75, 75],
      ["frt_median", 30, 25, 12.5],
    ]);
  });
});

describe("explainRank", () => {
  it("compares with the median and the leader and says what each KPI earned or cost", () => {
    const explanation = explainRank(board, "b")!;
    expect(explanation).toMatchObject({ rank: 2, ranked: 3, composite: 62.5, leaderComposite: 87.5 });
    // CSAT: median 80, leader 90; B's 37.5 points = the median's 37.5 → 0.
    // First response: median 30 s, leader 30 s; B's 25 points vs the median's 12.5 → +12.5.
    expect(explanation.kpis).toEqual([
      expect.objectContaining({
        kpiKey: "csat",
        myValue: 80,
        median: 80,
        leaderValue: 90,
        myPoints: 37.5,
        pointsVsMedian: 0,
      }),
      expect.objectContaining({
        kpiKey: "frt_median",
        myValue: 20,
        median: 30,
        leaderValue: 30,
        myPoints: 25,
        pointsVsMedian: 12.5,
      }),
    ]);
  });

  it("names the KPI that would pass the person above, with the value needed", () => {
    // Gap to A: 25 points. CSAT trails by 75 − 37.5 = 37.5 points (frt leads): CSAT. Normalised needed:
    // 50 + 25 × 4 / 3 = 83.3 → the board's lowest CSAT at or above that is A's 90.
    expect(explainRank(board, "b")!.moveUp).toEqual({
      targetRank: 1,
      gapPoints: 25,
      tied: false,
      kpiKey: "csat",
      direction: "higher",
      valueNeeded: 90,
      achievable: true,
    });
  });

  it("has nothing to move for the leader and says when one KPI cannot close the gap", () => {
    expect(explainRank(board, "a")!.moveUp).toBeNull();
    // C trails B by 62.5 points; CSAT trails most (37.5). Normalised needed: 0 + 62.5 × 4 / 3 = 83.3 → only A's 90
    // is that high: matching B's 80 (50th percentile) would not be enough.
    expect(explainRank(board, "c")!.moveUp).toMatchObject({ kpiKey: "csat", valueNeeded: 90, achievable: true });
    const twoKpiBoard = board.map((entry) => ({ ...entry }));
    twoKpiBoard[2] = { ...twoKpiBoard[2]!, composite: -100 };
    expect(explainRank(twoKpiBoard, "c")!.moveUp).toMatchObject({ achievable: false, valueNeeded: null });
  });

  it("says when the person above is only ahead on the tie-breakers", () => {
    const tiedBoard = board.map((entry) => (entry.userId === "b" ? { ...entry, composite: 87.5 } : entry));
    expect(explainRank(tiedBoard, "b")!.moveUp).toMatchObject({ targetRank: 1, gapPoints: 0, tied: true });
  });

  it("explains nothing for someone not on the board, and shows reasons for the unranked", () => {
    expect(explainRank(board, "z")).toBeNull();
    const withOutsider = [
      ...board,
      {
        userId: "d",
        rank: null,
        composite: null,
        eligible: false,
        inputs: {
          metrics: scored[2]!.metrics,
          reasons: [{ code: "min_conversations" as const, actual: 3, required: 5 }],
        },
      },
    ];
    expect(explainRank(withOutsider, "d")).toMatchObject({
      rank: null,
      eligible: false,
      reasons: [{ code: "min_conversations", actual: 3, required: 5 }],
      moveUp: null,
    });
  });
});

describe("median", () => {
  it("takes the middle value or the mean of the middle two", () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNull();
  });
});
