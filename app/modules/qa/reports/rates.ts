/** Rate and average arithmetic shared by the report tables, charts and CSV export. Pure. */

/** numerator / denominator as a fraction 0–1, or null when there is nothing to divide by. */
export function rate(numerator: number, denominator: number): number | null {
  if (!Number.isFinite(denominator) || denominator <= 0) return null;
  return numerator / denominator;
}

/** sum / count, or null for an empty group. */
export function mean(sum: number, count: number): number | null {
  return rate(sum, count);
}

export function round(value: number, decimals = 1): number {
  const factor = 10 ** decimals;
  return Math.round(value * factor) / factor;
}

/** A fraction as a percentage with one decimal (0.8333 → 83.3); null stays null. */
export function percent(fraction: number | null, decimals = 1): number | null {
  return fraction === null ? null : round(fraction * 100, decimals);
}

/** Average of several groups' averages, weighted by their sizes (the overall mean of all their members). */
export function pooledMean(groups: { mean: number | null; count: number }[]): number | null {
  let sum = 0;
  let count = 0;
  for (const group of groups) {
    if (group.mean === null || group.count <= 0) continue;
    sum += group.mean * group.count;
    count += group.count;
  }
  return mean(sum, count);
}
