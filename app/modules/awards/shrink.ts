/**
 * Shrinking small samples toward the population (pure): a Bayesian average treats the population mean as k
 * pseudo-observations, so an agent with 3 rated conversations at 100 % CSAT does not outrank one with 300 at 97 %.
 * Rules and a worked example: docs/awards-fairness.md.
 */
import { mean } from "simple-statistics";

/**
 * (n·value + k·mean) / (n + k). n = the KPI's sample (rated conversations for CSAT, reviews for the QA score…),
 * k = the prior strength. No sample (or no value) → the population mean; k = 0 → the value itself.
 */
export function bayesianAverage(
  value: number | null,
  sample: number,
  populationMean: number,
  priorStrength: number,
): number {
  const n = value === null || !Number.isFinite(value) ? 0 : Math.max(0, sample);
  const k = Math.max(0, priorStrength);
  if (n === 0) return populationMean;
  return (n * (value as number) + k * populationMean) / (n + k);
}

/** The raw value whose shrunk value is `shrunk` with sample n: the inverse of bayesianAverage (n > 0). */
export function rawForShrunk(shrunk: number, sample: number, populationMean: number, priorStrength: number): number {
  if (sample <= 0) return shrunk;
  return ((sample + priorStrength) * shrunk - priorStrength * populationMean) / sample;
}

/** Plain mean of the values present; null when there are none. */
export function populationMean(values: readonly (number | null)[]): number | null {
  const present = values.filter((value): value is number => value !== null && Number.isFinite(value));
  if (present.length === 0) return null;
  return mean(present);
}

/**
 * Totals (conversations handled, red-line incidents) are not averages of a sample, and the 360 score is one result
 * that already aggregates many raters: those are used as they are. Every other built-in metric is a mean or a rate
 * over its sample and is shrunk.
 */
const UNSHRUNK_METRICS = new Set(["conversations_handled", "red_line_incidents", "feedback_score"]);

export function isShrunkMetric(metric: string): boolean {
  return !UNSHRUNK_METRICS.has(metric);
}
