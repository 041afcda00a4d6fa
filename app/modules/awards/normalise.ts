/**
 * Normalising one KPI within a population (pure). Every KPI becomes a 0–100 score where higher is better, whatever
 * the KPI's own direction, so KPIs of different units can be weighted together. Rules: docs/awards-fairness.md.
 */
import { mean, standardDeviation } from "simple-statistics";

export type Direction = "higher" | "lower";
export type NormalisationMethod = "percentile" | "zscore";

/**
 * Percentile rank 0–100: 100 × (r − 1) / (n − 1), where r is the 1-based rank from worst to best and tied values
 * share the mean of the ranks they span. The worst gets 0, the best 100; a population of one gets 50 (nobody to
 * compare with). "lower" KPIs (response times, complaint rate) rank the smallest value best.
 */
export function percentileRanks(values: readonly number[], direction: Direction): number[] {
  const n = values.length;
  if (n === 0) return [];
  if (n === 1) return [50];
  const oriented = values.map((value) => (direction === "higher" ? value : -value));
  const order = oriented.map((value, index) => ({ value, index })).sort((a, b) => a.value - b.value);
  const ranks = new Array<number>(n);
  let start = 0;
  while (start < n) {
    let end = start;
    while (end + 1 < n && order[end + 1]!.value === order[start]!.value) end += 1;
    // Positions start..end (0-based) are tied: each gets the mean of the 1-based ranks start+1..end+1.
    const meanRank = (start + end) / 2 + 1;
    for (let position = start; position <= end; position += 1) ranks[order[position]!.index] = meanRank;
    start = end + 1;
  }
  return ranks.map((rank) => (100 * (rank - 1)) / (n - 1));
}

/**
 * z-score clipped to ±clip and mapped linearly onto 0–100: z = (x − mean) / sd with the population standard
 * deviation, negated for "lower" KPIs; −clip → 0, 0 → 50, +clip → 100. No spread (sd = 0) → everyone 50.
 */
export function zScoresClipped(values: readonly number[], direction: Direction, clip: number): number[] {
  const n = values.length;
  if (n === 0) return [];
  const average = mean(values as number[]);
  const sd = standardDeviation(values as number[]);
  if (!(sd > 1e-12) || !(clip > 0)) return values.map(() => 50);
  return values.map((value) => {
    const z = ((direction === "higher" ? 1 : -1) * (value - average)) / sd;
    const clipped = Math.max(-clip, Math.min(clip, z));
    return ((clipped + clip) / (2 * clip)) * 100;
  });
}

export function normaliseValues(
  values: readonly number[],
  direction: Direction,
  method: NormalisationMethod,
  clip: number,
): number[] {
  return method === "zscore" ? zScoresClipped(values, direction, clip) : percentileRanks(values, direction);
}
