/**
 * The whole award computation for one period (pure): eligibility → composite within the eligible population →
 * (improvement: gain over the subject's previous period) → ranks. The cycle computation, the monthly boards and
 * the benchmark all run this; the server only reads inputs and writes rows. Same inputs → same output.
 */
import {
  describeOutsider,
  metricMeans,
  scorePopulation,
  type KpiValues,
  type MetricScore,
  type MetricSpec,
  type ScoringSettings,
} from "./composite";
import { ineligibleReasons, type EligibilityFacts, type EligibilityRules, type IneligibleReason } from "./eligibility";
import { improvementGain } from "./improvement";
import { rankCandidates, type TieBreaker } from "./ranking";

export type ProgramKind = "composite" | "improvement";
export type SubjectKind = "individual" | "team";

export interface PipelineRules extends EligibilityRules, ScoringSettings {
  subjectKind: SubjectKind;
  kind: ProgramKind;
  metrics: MetricSpec[];
  tieBreakers: TieBreaker[];
}

export interface SubjectInput {
  subjectId: string;
  userId: string | null;
  teamId: string | null;
  /** 工号 or team code. */
  code: string;
  /** YYYY-MM-DD (people only). */
  hireDate: string | null;
  facts: EligibilityFacts;
  kpis: KpiValues;
  /** Improvement programmes: the previous period's values; null/absent = no data then. */
  previousKpis?: KpiValues | null;
}

/** What a candidate row keeps: everything its score was computed from, so the review page can explain it. */
export interface CandidateInputs {
  kind: ProgramKind;
  code: string;
  hireDate: string | null;
  facts: EligibilityFacts;
  /** This period's composite (for improvement programmes the candidate's `composite` is the gain). */
  composite: number | null;
  metrics: MetricScore[];
  previous: { composite: number | null; metrics: MetricScore[] } | null;
}

export interface CandidateResult {
  subjectId: string;
  userId: string | null;
  teamId: string | null;
  eligible: boolean;
  ineligibleReasons: IneligibleReason[];
  /** Composite points 0–100, or the gain in points for improvement programmes; null when ineligible. */
  composite: number | null;
  rank: number | null;
  inputs: CandidateInputs;
}

const hasAnyValue = (kpis: KpiValues | null | undefined) =>
  !!kpis && Object.values(kpis).some((observation) => observation?.value !== null && observation !== undefined);

/** Results ordered by rank (eligible first), then by code: the order candidate rows are written in. */
export function computeCandidates(subjects: readonly SubjectInput[], rules: PipelineRules): CandidateResult[] {
  const sorted = [...subjects].sort((a, b) =>
    a.code < b.code ? -1 : a.code > b.code ? 1 : a.subjectId < b.subjectId ? -1 : 1,
  );
  const reasons = sorted.map((subject) => ineligibleReasons(subject.facts, rules, rules.subjectKind));
  const inPopulation = sorted.filter((_, index) => reasons[index]!.length === 0);
  const scored = scorePopulation(
    inPopulation.map((subject) => subject.kpis),
    rules.metrics,
    rules,
  );
  const scoreById = new Map(inPopulation.map((subject, index) => [subject.subjectId, scored[index]!]));
  const means = metricMeans(
    inPopulation.map((subject) => subject.kpis),
    rules.metrics,
  );

  let previousById = new Map<string, { composite: number | null; metrics: MetricScore[] }>();
  if (rules.kind === "improvement") {
    // The previous period's population: everyone with data then, scored among themselves.
    const withHistory = sorted.filter((subject) => hasAnyValue(subject.previousKpis));
    const previousScores = scorePopulation(
      withHistory.map((subject) => subject.previousKpis!),
      rules.metrics,
      rules,
    );
    previousById = new Map(withHistory.map((subject, index) => [subject.subjectId, previousScores[index]!]));
  }

  const results = sorted.map((subject, index) => {
    const subjectReasons = [...reasons[index]!];
    const score = scoreById.get(subject.subjectId);
    const previous = previousById.get(subject.subjectId) ?? null;
    if (rules.kind === "improvement" && subjectReasons.length === 0 && !previous) {
      subjectReasons.push({ code: "no_data", actual: null, required: 1 });
    }
    const eligible = subjectReasons.length === 0;
    const current = score ?? describeOutsider(subject.kpis, rules.metrics, means, rules.priorStrength);
    const composite = !eligible
      ? null
      : rules.kind === "improvement"
        ? improvementGain(current.composite, previous?.composite ?? null)
        : current.composite;
    return {
      subjectId: subject.subjectId,
      userId: subject.userId,
      teamId: subject.teamId,
      eligible,
      ineligibleReasons: subjectReasons,
      composite,
      rank: null as number | null,
      inputs: {
        kind: rules.kind,
        code: subject.code,
        hireDate: subject.hireDate,
        facts: subject.facts,
        composite: current.composite,
        metrics: current.metrics,
        previous,
      } satisfies CandidateInputs,
    };
  });

  const ranks = rankCandidates(
    results
      .filter((result) => result.eligible && result.composite !== null)
      .map((result) => ({
        subjectId: result.subjectId,
        code: result.inputs.code,
        composite: result.composite!,
        conversations: result.inputs.facts.conversations,
        hireDate: result.inputs.hireDate,
        tieValues: Object.fromEntries(result.inputs.metrics.map((metric) => [metric.kpiKey, metric.shrunk])),
      })),
    rules.tieBreakers.map((breaker) => ({
      kpiKey: breaker.kpiKey,
      direction: breaker.direction,
    })),
  );
  for (const result of results) result.rank = ranks.get(result.subjectId) ?? null;
  return results.sort((a, b) => {
    if (a.rank !== b.rank) return a.rank === null ? 1 : b.rank === null ? -1 : a.rank - b.rank;
    return a.inputs.code < b.inputs.code ? -1 : a.inputs.code > b.inputs.code ? 1 : 0;
  });
}
