/** Composites, shrinkage inside them, team composites and improvement awards — by hand. */
import { describe, expect, it } from "vitest";
import { scorePopulation, type KpiValues, type MetricSpec, type ScoringSettings } from "~/modules/awards/composite";
import type { EligibilityFacts } from "~/modules/awards/eligibility";
import { computeCandidates, type PipelineRules, type SubjectInput } from "~/modules/awards/pipeline";
import { splitTeamBonus } from "~/modules/awards/team-bonus";

const csat: MetricSpec = { kpiKey: "csat", metric: "csat_percent", direction: "higher", weight: 3 };
const frt: MetricSpec = { kpiKey: "frt_median", metric: "first_response_median", direction: "lower", weight: 1 };
const plain: ScoringSettings = { normalisation: "percentile", zClip: 3, priorStrength: 0 };
const kpis = (csatValue: number | null, frtValue: number | null, sample = 10): KpiValues => ({
  csat: { value: csatValue, sample: csatValue === null ? 0 : sample },
  frt_median: { value: frtValue, sample: frtValue === null ? 0 : sample },
});

describe("scorePopulation", () => {
  it("weighs normalised KPIs: Σ wᵢ·normᵢ / Σ wᵢ", () => {
    // CSAT percentiles A 100, B 50, C 0; first response (lower is better) B 100, A 50, C 0.
    // A = (3·100 + 1·50) / 4 = 87.5; B = (3·50 + 1·100) / 4 = 62.5; C = 0.
    const [a, b, c] = scorePopulation([kpis(90, 30), kpis(80, 20), kpis(70, 40)], [csat, frt], plain);
    expect([a!.composite, b!.composite, c!.composite]).toEqual([87.5, 62.5, 0]);
    expect(a!.metrics.map((metric) => [metric.kpiKey, metric.normalised, metric.contribution])).toEqual([
      ["csat", 100, 75],
      ["frt_median", 50, 12.5],
    ]);
  });

  it("keeps a handful of lucky conversations from winning", () => {
    // CSAT only. A 95 % of 100, B 85 % of 100, C 80 % of 100, D 100 % of 2; population mean 90.
    const population = [95, 85, 80, 100].map((value, index) => ({
      csat: { value, sample: index === 3 ? 2 : 100 },
    }));
    const unshrunk = scorePopulation(population, [csat], plain);
    expect(unshrunk.map((subject) => subject.composite)).toEqual([66.666667, 33.333333, 0, 100]);
    // k = 20: D → (2·100 + 20·90) / 22 = 90.909; A → (100·95 + 20·90) / 120 = 94.167; so A leads.
    const shrunk = scorePopulation(population, [csat], { ...plain, priorStrength: 20 });
    expect(shrunk.map((subject) => subject.metrics[0]!.shrunk)).toEqual([94.166667, 85.833333, 81.666667, 90.909091]);
    expect(shrunk.map((subject) => subject.composite)).toEqual([100, 33.333333, 0, 66.666667]);
    expect(shrunk[0]!.metrics[0]).toMatchObject({ raw: 95, sample: 100, mean: 90, prior: 20 });
  });

  it("counts a missing KPI as the population mean (neutral), documented", () => {
    // CSAT 90, 70 and missing: mean 80 → the missing one sits in the middle (percentile 50).
    const [, , missing] = scorePopulation([kpis(90, 30), kpis(70, 30), kpis(null, 30)], [csat, frt], plain);
    expect(missing!.metrics[0]).toMatchObject({ raw: null, shrunk: 80, normalised: 50 });
  });

  it("does not shrink totals or the 360 score", () => {
    const feedback: MetricSpec = { kpiKey: "feedback_360", metric: "feedback_score", direction: "higher", weight: 1 };
    const [first] = scorePopulation(
      [{ feedback_360: { value: 4.6, sample: 1 } }, { feedback_360: { value: 3.8, sample: 1 } }],
      [feedback],
      { ...plain, priorStrength: 20 },
    );
    expect(first!.metrics[0]).toMatchObject({ shrunk: 4.6, prior: 0 });
  });
});

const facts = (overrides: Partial<EligibilityFacts> = {}): EligibilityFacts => ({
  hasData: true,
  conversations: 100,
  qaReviews: 2,
  redLineIncidents: 0,
  criticalQaFailures: 0,
  tenureMonths: 24,
  periodsSinceLastWin: null,
  ...overrides,
});

const rules = (overrides: Partial<PipelineRules> = {}): PipelineRules => ({
  subjectKind: "individual",
  kind: "composite",
  normalisation: "percentile",
  zClip: 3,
  priorStrength: 0,
  minConversations: 50,
  minQaReviews: 0,
  excludeRedLine: true,
  minTenureMonths: 3,
  cooldownPeriods: null,
  metrics: [{ ...csat, weight: 1 }],
  tieBreakers: [],
  ...overrides,
});

const subject = (code: string, csatNow: number | null, extra: Partial<SubjectInput> = {}): SubjectInput => ({
  subjectId: `id-${code}`,
  userId: `id-${code}`,
  teamId: "team-1",
  code,
  hireDate: "2022-01-01",
  facts: facts(),
  kpis: { csat: { value: csatNow, sample: csatNow === null ? 0 : 50 } },
  ...extra,
});

describe("computeCandidates", () => {
  it("normalises within the eligible population only", () => {
    // The red-line agent (CSAT 99) is left out of the population, so 90 is the best → 100, 80 → 0.
    const results = computeCandidates(
      [subject("A001", 90), subject("A002", 80), subject("A003", 99, { facts: facts({ redLineIncidents: 1 }) })],
      rules(),
    );
    expect(results.map((result) => [result.inputs.code, result.rank, result.composite])).toEqual([
      ["A001", 1, 100],
      ["A002", 2, 0],
      ["A003", null, null],
    ]);
    expect(results[2]!.ineligibleReasons).toEqual([{ code: "red_line", actual: 1 }]);
    // The outsider's values are still explained against the population mean (85).
    expect(results[2]!.inputs.metrics[0]).toMatchObject({ raw: 99, mean: 85, normalised: null });
  });

  it("scores teams from their own snapshots and skips the tenure rule", () => {
    const team = (code: string, csatNow: number, conversations: number): SubjectInput => ({
      subjectId: `team-${code}`,
      userId: null,
      teamId: `team-${code}`,
      code,
      hireDate: null,
      facts: facts({ conversations, tenureMonths: null }),
      kpis: { csat: { value: csatNow, sample: conversations } },
    });
    const results = computeCandidates(
      [team("PRE", 92, 600), team("AFT", 88, 500), team("FUP", 95, 40)],
      rules({ subjectKind: "team", minConversations: 100, priorStrength: 0 }),
    );
    // FUP handled 40 < 100: out. PRE 92 beats AFT 88.
    expect(results.map((result) => [result.inputs.code, result.rank, result.composite])).toEqual([
      ["PRE", 1, 100],
      ["AFT", 2, 0],
      ["FUP", null, null],
    ]);
    expect(results[2]!.ineligibleReasons).toEqual([{ code: "min_conversations", actual: 40, required: 100 }]);
  });

  it("improvement: this period's composite − the previous one's, each within its own period", () => {
    const before = (value: number) => ({ csat: { value, sample: 50 } });
    const results = computeCandidates(
      [
        subject("A001", 90, { previousKpis: before(95) }),
        subject("A002", 80, { previousKpis: before(70) }),
        subject("A003", 70, { previousKpis: before(80) }),
        subject("A004", 60, { previousKpis: null }),
      ],
      rules({ kind: "improvement" }),
    );
    // Now (4 eligible): A001 100, A002 66.667, A003 33.333, A004 0. Before (3 with data): A001 100, A002 0, A003 50.
    // Gains: A002 +66.667, A001 0, A003 −16.667; A004 has no previous period → not eligible.
    expect(results.map((result) => [result.inputs.code, result.rank, result.composite])).toEqual([
      ["A002", 1, 66.666667],
      ["A001", 2, 0],
      ["A003", 3, -16.666667],
      ["A004", null, null],
    ]);
    expect(results[0]!.inputs).toMatchObject({ composite: 66.666667, previous: { composite: 0 } });
    expect(results[3]!.ineligibleReasons).toEqual([{ code: "no_data", actual: null, required: 1 }]);
  });

  it("is deterministic whatever the input order", () => {
    const subjects = [subject("A003", 85), subject("A001", 90), subject("A002", 85), subject("A004", null)];
    const once = computeCandidates(subjects, rules());
    const again = computeCandidates([...subjects].reverse(), rules());
    expect(again).toEqual(once);
    // A004 has no CSAT: it counts as the mean of 90, 85, 85 = 86.667, between A001 and the two 85s.
    // A002 and A003 tie on 85 (and everything else): 工号 decides.
    expect(once.map((result) => result.inputs.code)).toEqual(["A001", "A004", "A002", "A003"]);
  });
});

describe("splitTeamBonus", () => {
  it("splits in fen, the leftover to the first members by 工号", () => {
    const members = [
      { userId: "c", code: "A2003" },
      { userId: "a", code: "A2001" },
      { userId: "b", code: "A2002" },
    ];
    // 2000 / 3 = 666.67 + 666.67 + 666.66 (200000 fen = 3 × 66666 + 2).
    expect(splitTeamBonus(2000, members)).toEqual([
      { userId: "a", amount: 666.67 },
      { userId: "b", amount: 666.67 },
      { userId: "c", amount: 666.66 },
    ]);
    expect(splitTeamBonus(2000, [])).toEqual([]);
    expect(splitTeamBonus(0, members)).toEqual([]);
  });
});
