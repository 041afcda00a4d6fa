/**
 * Improvement awards (进步之星, pure): the gain of a subject's composite over its own previous period. Each
 * period's composite is computed within that period's population, so the gain says "moved up relative to
 * colleagues", not "the whole centre had an easy month". Only subjects with data in both periods can win.
 */
import { round6 } from "./composite";

export function improvementGain(current: number | null, previous: number | null): number | null {
  if (current === null || previous === null) return null;
  return round6(current - previous);
}
