/**
 * How many conversations to review per agent to estimate their mean QA score within ±E points.
 *
 * Normal approximation for a mean: n0 = (z·σ / E)², where σ is the expected spread (standard deviation)
 * of review scores in points and z the two-sided critical value for the confidence level. When the
 * agent's monthly volume N is known the finite-population correction applies,
 * n = n0 / (1 + (n0 − 1) / N), because sampling without replacement from a small pool tells you more.
 * Rounded up: a fractional conversation cannot be reviewed, and rounding down would miss the margin.
 */
export const CONFIDENCE_LEVELS = [90, 95, 99] as const;
export type ConfidenceLevel = (typeof CONFIDENCE_LEVELS)[number];

/** Two-sided standard normal quantiles z(1 − α/2). */
export const Z_SCORES: Record<ConfidenceLevel, number> = { 90: 1.644854, 95: 1.959964, 99: 2.575829 };

export type SampleSizeInput = {
  sigma: number;
  margin: number;
  confidence: ConfidenceLevel;
  /** The agent's monthly conversation volume; omit for an unlimited population. */
  population?: number | null;
};

export type SampleSizeResult = { n0: number; n: number; corrected: boolean };

export function sampleSize({ sigma, margin, confidence, population }: SampleSizeInput): SampleSizeResult | null {
  if (!(sigma > 0) || !(margin > 0) || !Number.isFinite(sigma) || !Number.isFinite(margin)) return null;
  const z = Z_SCORES[confidence];
  if (z === undefined) return null;
  const n0 = ((z * sigma) / margin) ** 2;
  const hasPopulation = population !== undefined && population !== null && population > 0;
  const raw = hasPopulation ? n0 / (1 + (n0 - 1) / population) : n0;
  // The epsilon keeps 96.0000000001 (binary noise) from becoming 97.
  let n = Math.max(1, Math.ceil(raw - 1e-9));
  if (hasPopulation) n = Math.min(n, Math.ceil(population));
  return { n0, n, corrected: hasPopulation };
}
