/**
 * The kpi.snapshot job. Scheduled (empty payload): the current month and the previous one, so conversations,
 * ratings and reviews that arrive after a month ends still land in its snapshot. On demand: one period (a month, a
 * quarter or a year), recomputed from scratch.
 */
import { env } from "~/utils/env.server";
import { currentMonth, parsePeriodKey, periodContaining, periodKey, previousPeriod, type KpiPeriod } from "./periods";
import { computeKpiSnapshots, type KpiComputationTrigger } from "./snapshot.server";

export interface KpiSnapshotJobPayload {
  periodKind?: "month" | "quarter" | "year";
  /** YYYY-MM-DD, the first day of the period. */
  periodStart?: string;
}

/** The periods a payload asks for; throws on a start that is not the first day of such a period. */
export function periodsForPayload(payload: KpiSnapshotJobPayload, now: Date, timeZone: string): KpiPeriod[] {
  if (!payload.periodKind && !payload.periodStart) {
    const month = currentMonth(now, timeZone);
    return [previousPeriod(month), month];
  }
  const kind = payload.periodKind ?? "month";
  const start = payload.periodStart ?? currentMonth(now, timeZone).start;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(start)) throw new Error(`kpi.snapshot: invalid periodStart ${start}`);
  const period = periodContaining(kind, start);
  if (period.start !== start || !parsePeriodKey(periodKey(period))) {
    throw new Error(`kpi.snapshot: ${start} is not the first day of a ${kind}`);
  }
  return [period];
}

export async function runKpiSnapshotJob(payload: KpiSnapshotJobPayload, options: { now?: Date } = {}) {
  const scheduled = !payload.periodKind && !payload.periodStart;
  const trigger: KpiComputationTrigger = scheduled ? "schedule" : "manual";
  const periods = periodsForPayload(payload, options.now ?? new Date(), env().APP_TIME_ZONE);
  let rows = 0;
  for (const period of periods) rows += (await computeKpiSnapshots(period, { trigger })).rows;
  return { periods: periods.map(periodKey), rows };
}
