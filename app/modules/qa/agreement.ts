/**
 * Agreement between graders (pure; unit-tested in test/unit/qa-agreement.test.ts).
 *
 * Krippendorff's alpha follows "Computing Krippendorff's Alpha-Reliability" (Krippendorff, 2011):
 * - only pairable values count: units with at least two values (missing = null);
 * - coincidence matrix o_ck = Σ_u Σ_{i≠j} [v_ui = c][v_uj = k] / (m_u − 1), marginals n_c = Σ_k o_ck, n = Σ_c n_c;
 * - difference functions δ²_ck: nominal 0/1; ordinal (Σ_{g=c..k} n_g − (n_c + n_k)/2)² over the ranked values;
 *   interval (c − k)²; ratio ((c − k)/(c + k))²;
 * - α = 1 − (n − 1) · Σ o_ck δ²_ck / Σ_c Σ_k n_c n_k δ²_ck.
 *
 * α is undefined (NaN) when nothing is pairable or when every pairable value is the same (no expected
 * disagreement: the data cannot tell reliable graders from chance). Callers show "—" for NaN.
 */
import { scaleBounds, type ScaleType } from "./scoring";

export const MEASUREMENT_LEVELS = ["nominal", "ordinal", "interval", "ratio"] as const;
export type MeasurementLevel = (typeof MEASUREMENT_LEVELS)[number];

export function krippendorffAlpha(units: (number | null)[][], level: MeasurementLevel): number {
  const pairable = units
    .map((unit) => unit.filter((value): value is number => value !== null && Number.isFinite(value)))
    .filter((values) => values.length >= 2);
  if (pairable.length === 0) return Number.NaN;

  const values = [...new Set(pairable.flat())].sort((a, b) => a - b);
  const index = new Map(values.map((value, position) => [value, position]));
  const size = values.length;
  const coincidences = Array.from({ length: size }, () => new Array<number>(size).fill(0));

  for (const unit of pairable) {
    const counts = new Array<number>(size).fill(0);
    for (const value of unit) counts[index.get(value)!]! += 1;
    const pairs = unit.length - 1;
    for (let c = 0; c < size; c++) {
      if (counts[c] === 0) continue;
      for (let k = 0; k < size; k++) {
        // Ordered pairs of different raters: a value is never paired with itself.
        const pairings = counts[c]! * (counts[k]! - (c === k ? 1 : 0));
        if (pairings > 0) coincidences[c]![k]! += pairings / pairs;
      }
    }
  }

  const marginals = coincidences.map((row) => row.reduce((sum, cell) => sum + cell, 0));
  const total = marginals.reduce((sum, cell) => sum + cell, 0);
  const delta = differenceFunction(level, values, marginals);

  let observed = 0;
  let expected = 0;
  for (let c = 0; c < size; c++) {
    for (let k = 0; k < size; k++) {
      const difference = delta(c, k);
      observed += coincidences[c]![k]! * difference;
      expected += marginals[c]! * marginals[k]! * difference;
    }
  }
  if (expected === 0) return Number.NaN;
  return 1 - ((total - 1) * observed) / expected;
}

/** δ²(c, k) on the indices of the sorted distinct values. */
function differenceFunction(level: MeasurementLevel, values: number[], marginals: number[]) {
  switch (level) {
    case "nominal":
      return (c: number, k: number) => (c === k ? 0 : 1);
    case "ordinal":
      return (c: number, k: number) => {
        if (c === k) return 0;
        const [low, high] = c < k ? [c, k] : [k, c];
        let between = 0;
        for (let g = low; g <= high; g++) between += marginals[g]!;
        return (between - (marginals[low]! + marginals[high]!) / 2) ** 2;
      };
    case "interval":
      return (c: number, k: number) => (values[c]! - values[k]!) ** 2;
    case "ratio":
      return (c: number, k: number) => {
        const sum = values[c]! + values[k]!;
        return sum === 0 ? 0 : ((values[c]! - values[k]!) / sum) ** 2;
      };
  }
}

/** The level of measurement a criterion's scale supports: pass/fail is nominal, rating scales ordinal, points interval. */
export function measurementLevelFor(scale: ScaleType): MeasurementLevel {
  if (scale === "binary") return "nominal";
  if (scale === "points") return "interval";
  return "ordinal";
}

/** How alpha reads, by the thresholds Krippendorff recommends (≥ 0.8 reliable, ≥ 0.667 tentative). */
export type AlphaVerdict = "reliable" | "tentative" | "unreliable" | "undefined";

export function alphaVerdict(alpha: number | null): AlphaVerdict {
  if (alpha === null || Number.isNaN(alpha)) return "undefined";
  if (alpha >= 0.8) return "reliable";
  if (alpha >= 0.667) return "tentative";
  return "unreliable";
}

export interface AlignmentCriterion {
  id: string;
  weight: number;
  scale: ScaleType;
  maxPoints?: number | null;
}

/** The selected value per criterion id; null = N/A; a missing key = not rated. */
export type AlignmentRatings = Readonly<Record<string, number | null | undefined>>;

/**
 * An inspector's alignment with the benchmark on one conversation, 0–1: per criterion
 * 1 − |value − benchmark| / (max − min) of the criterion's scale, averaged with the criterion weights.
 *
 * Only criteria that both graders placed on the scale count. N/A on either side — including both N/A — is left
 * out: N/A has no distance on the scale, and crediting agreement on N/A while ignoring disagreement on it would
 * inflate alignment. Null when no criterion is comparable (or every comparable criterion weighs 0).
 */
export function alignmentWithBenchmark(
  criteria: readonly AlignmentCriterion[],
  ratings: AlignmentRatings,
  benchmark: AlignmentRatings,
): number | null {
  let weighted = 0;
  let weights = 0;
  for (const criterion of criteria) {
    const value = ratings[criterion.id];
    const reference = benchmark[criterion.id];
    if (value === null || value === undefined || reference === null || reference === undefined) continue;
    const { min, max } = scaleBounds(criterion.scale, criterion.maxPoints);
    weighted += criterion.weight * (1 - Math.abs(value - reference) / (max - min));
    weights += criterion.weight;
  }
  return weights > 0 ? weighted / weights : null;
}

/** Mean of a list, ignoring nulls; null when nothing is left. */
export function meanOf(values: readonly (number | null | undefined)[]): number | null {
  const present = values.filter((value): value is number => typeof value === "number" && Number.isFinite(value));
  if (present.length === 0) return null;
  return present.reduce((sum, value) => sum + value, 0) / present.length;
}

/**
 * Leniency: the mean of (inspector's review score − benchmark's review score) over the units both scored.
 * Positive = scores higher than the benchmark (lenient), negative = stricter. Null when no unit is shared.
 */
export function leniency(pairs: readonly { score: number | null; benchmark: number | null }[]): number | null {
  return meanOf(
    pairs.map((pair) => (pair.score === null || pair.benchmark === null ? null : pair.score - pair.benchmark)),
  );
}
