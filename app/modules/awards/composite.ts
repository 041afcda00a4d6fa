/**
 * The composite score of a population (pure): per KPI, shrink each subject's value toward the population mean,
 * normalise the shrunk values within the population to 0–100 (direction-aware), then take the weighted mean.
 * Works the same for people and for teams (a team's KPI values are its own team snapshots).
 * Rules and worked examples: docs/awards-fairness.md.
 */
import { normaliseValues, type Direction, type NormalisationMethod } from "./normalise";
import { bayesianAverage, isShrunkMetric, populationMean } from "./shrink";

export interface MetricSpec {
  kpiKey: string;
  /** The KpiSnapshot metric (formula key) the KPI reads. */
  metric: string;
  direction: Direction;
  weight: number;
  /** Teams the KPI applies to (its definition's applies-to); absent or empty = every team. */
  teamIds?: string[];
}

/** A KPI that does not apply to a subject's team counts as missing for it (the population mean): neutral. */
export function appliesToTeam(metric: MetricSpec, teamId: string | null): boolean {
  return !metric.teamIds || metric.teamIds.length === 0 || (teamId !== null && metric.teamIds.includes(teamId));
}

export interface KpiObservation {
  value: number | null;
  /** The snapshot's sample (rated conversations, reviews…); 0 = no value. */
  sample: number;
}

export interface ScoringSettings {
  normalisation: NormalisationMethod;
  zClip: number;
  priorStrength: number;
}

export interface MetricScore {
  kpiKey: string;
  metric: string;
  direction: Direction;
  weight: number;
  raw: number | null;
  sample: number;
  /** Plain mean of the population's raw values: the prior of the shrinkage. */
  mean: number | null;
  /** The prior strength applied (0 for metrics that are not shrunk). */
  prior: number;
  shrunk: number | null;
  /** 0–100 within the population; null for a subject outside it (ineligible). */
  normalised: number | null;
  /** Points of the composite: weight × normalised / Σ weights. */
  contribution: number | null;
}

export interface ScoredSubject {
  composite: number | null;
  metrics: MetricScore[];
}

export type KpiValues = Readonly<Record<string, KpiObservation | undefined>>;

/** Stored numbers are rounded so a recomputation on another machine compares equal and ties are real ties. */
export const round6 = (value: number) => Math.round(value * 1e6) / 1e6;
const roundOrNull = (value: number | null) => (value === null ? null : round6(value));

export function totalWeight(metrics: readonly MetricSpec[]): number {
  return metrics.reduce((sum, metric) => sum + Math.max(0, metric.weight), 0);
}

/** Population means of the raw values per KPI (null = nobody has a value). */
export function metricMeans(
  population: readonly KpiValues[],
  metrics: readonly MetricSpec[],
): Map<string, number | null> {
  return new Map(
    metrics.map((metric) => [
      metric.kpiKey,
      populationMean(population.map((kpis) => kpis[metric.kpiKey]?.value ?? null)),
    ]),
  );
}

function shrunkValue(metric: MetricSpec, observation: KpiObservation | undefined, mean: number | null, k: number) {
  const raw = observation?.value ?? null;
  const sample = observation?.sample ?? 0;
  const prior = isShrunkMetric(metric.metric) ? k : 0;
  if (mean === null) return { raw, sample, prior, shrunk: raw };
  // A missing value counts as the population mean: it neither helps nor hurts.
  return { raw, sample, prior, shrunk: bayesianAverage(raw, raw === null ? 0 : sample, mean, prior) };
}

/**
 * Scores every member of the population (the eligible subjects) against each other. The result keeps the input
 * order. A KPI nobody has a value for gives everyone 50.
 */
export function scorePopulation(
  population: readonly KpiValues[],
  metrics: readonly MetricSpec[],
  settings: ScoringSettings,
): ScoredSubject[] {
  const weights = totalWeight(metrics);
  const means = metricMeans(population, metrics);
  const perMetric = metrics.map((metric) => {
    const mean = means.get(metric.kpiKey) ?? null;
    const shrunk = population.map((kpis) => shrunkValue(metric, kpis[metric.kpiKey], mean, settings.priorStrength));
    const normalised = normaliseValues(
      shrunk.map((entry) => entry.shrunk ?? 0),
      metric.direction,
      settings.normalisation,
      settings.zClip,
    );
    return { metric, mean, shrunk, normalised };
  });
  return population.map((_, index) => {
    let composite = 0;
    const scores = perMetric.map(({ metric, mean, shrunk, normalised }) => {
      const entry = shrunk[index]!;
      const value = normalised[index]!;
      const contribution = weights > 0 ? (Math.max(0, metric.weight) * value) / weights : 0;
      composite += contribution;
      return {
        kpiKey: metric.kpiKey,
        metric: metric.metric,
        direction: metric.direction,
        weight: metric.weight,
        raw: roundOrNull(entry.raw),
        sample: entry.sample,
        mean: roundOrNull(mean),
        prior: entry.prior,
        shrunk: roundOrNull(entry.shrunk),
        normalised: round6(value),
        contribution: round6(contribution),
      } satisfies MetricScore;
    });
    return { composite: round6(composite), metrics: scores };
  });
}

/**
 * A subject outside the population (ineligible): raw and shrunk values against the population's means, no
 * normalised value or composite (they would be ranked against people they do not compete with).
 */
export function describeOutsider(
  kpis: KpiValues,
  metrics: readonly MetricSpec[],
  means: ReadonlyMap<string, number | null>,
  priorStrength: number,
): ScoredSubject {
  return {
    composite: null,
    metrics: metrics.map((metric) => {
      const mean = means.get(metric.kpiKey) ?? null;
      const entry = shrunkValue(metric, kpis[metric.kpiKey], mean, priorStrength);
      return {
        kpiKey: metric.kpiKey,
        metric: metric.metric,
        direction: metric.direction,
        weight: metric.weight,
        raw: roundOrNull(entry.raw),
        sample: entry.sample,
        mean: roundOrNull(mean),
        prior: entry.prior,
        shrunk: roundOrNull(entry.shrunk),
        normalised: null,
        contribution: null,
      };
    }),
  };
}
