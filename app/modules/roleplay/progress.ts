/**
 * Pure pieces of the role-play progress pages: rates, rounding and which step is someone's weakest. The SQL in
 * progress.server.ts returns counts; these turn them into the figures the pages show.
 */

/** Share in percent (0–100, 2 decimals); null when there is nothing to divide by. */
export function percentOf(part: number, whole: number): number | null {
  if (whole <= 0) return null;
  return Math.round((part / whole) * 10000) / 100;
}

export function roundScore(value: number | null | undefined): number | null {
  if (value === null || value === undefined || Number.isNaN(value)) return null;
  return Math.round(value * 100) / 100;
}

export type StepTally = { key: string; label: string; missed: number; seen: number };

/**
 * The step missed most often, by miss rate and then by the number of misses (a step missed 3 times out of 3 is
 * weaker than one missed once out of one); steps never missed are nobody's weakest.
 */
export function weakestStep<T extends StepTally>(tallies: readonly T[]): (T & { missRate: number }) | null {
  let weakest: (T & { missRate: number }) | null = null;
  for (const tally of tallies) {
    if (tally.missed <= 0 || tally.seen <= 0) continue;
    const missRate = percentOf(tally.missed, tally.seen)!;
    if (
      !weakest ||
      missRate > weakest.missRate ||
      (missRate === weakest.missRate && tally.missed > weakest.missed) ||
      (missRate === weakest.missRate && tally.missed === weakest.missed && tally.label < weakest.label)
    ) {
      weakest = { ...tally, missRate };
    }
  }
  return weakest;
}

/** Steps sorted weakest first (miss rate, misses, label), never-missed steps left out, at most `limit`. */
export function rankMissedSteps<T extends StepTally>(tallies: readonly T[], limit: number) {
  return tallies
    .filter((tally) => tally.missed > 0 && tally.seen > 0)
    .map((tally) => ({ ...tally, missRate: percentOf(tally.missed, tally.seen)! }))
    .sort((a, b) => b.missRate - a.missRate || b.missed - a.missed || a.label.localeCompare(b.label, "zh-CN"))
    .slice(0, limit);
}
