/**
 * The award jobs. Both are idempotent: computing a cycle again gives the same candidates and hash (and a cycle
 * whose review has started is left alone), and a board recomputation replaces the month's rows with the same rows.
 */
import { currentMonth, periodContaining, periodKey, previousPeriod } from "~/modules/kpi/periods";
import { env } from "~/utils/env.server";
import { computeAwardCycle, type ComputeCycleResult } from "./compute.server";
import { computeLeaderboards } from "./leaderboard.server";

export async function runComputeCycleJob(payload: {
  cycleId: string;
  requestedById?: string;
}): Promise<ComputeCycleResult | { skipped: string }> {
  const result = await computeAwardCycle(payload.cycleId, payload.requestedById ?? null);
  // A retried or duplicate run after review started, or for a deleted cycle, has nothing left to do.
  if (!result.ok) return { skipped: result.reason };
  return result;
}

/** Without a month: the current and the previous one (late data after a month ends still lands in its board). */
export async function runLeaderboardJob(payload: { periodStart?: string }, options: { now?: Date } = {}) {
  const timeZone = env().APP_TIME_ZONE;
  const months = payload.periodStart
    ? [periodContaining("month", payload.periodStart)]
    : (() => {
        const month = currentMonth(options.now ?? new Date(), timeZone);
        return [previousPeriod(month), month];
      })();
  const results: Record<string, string> = {};
  for (const month of months) {
    const result = await computeLeaderboards(month, { timeZone });
    results[periodKey(month)] = result.ok ? `${result.rows} rows` : `skipped: ${result.reason}`;
  }
  return results;
}
