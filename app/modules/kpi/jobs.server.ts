/**
 * The kpi.snapshot job. Scheduled (empty payload): the current month and the previous one, so conversations,
 * ratings and reviews that arrive after a month ends still land in its snapshot. On demand: one period (a month, a
 * quarter or a year), recomputed from scratch.
 */
import { env } from "~/utils/env.server";
import { periodsForPayload, type KpiSnapshotJobPayload } from "./job-periods";
import { periodKey } from "./periods";
import { computeKpiSnapshots, type KpiComputationTrigger } from "./snapshot.server";

export async function runKpiSnapshotJob(payload: KpiSnapshotJobPayload, options: { now?: Date } = {}) {
  const scheduled = !payload.periodKind && !payload.periodStart;
  const trigger: KpiComputationTrigger = scheduled ? "schedule" : "manual";
  const periods = periodsForPayload(payload, options.now ?? new Date(), env().APP_TIME_ZONE);
  let rows = 0;
  for (const period of periods) rows += (await computeKpiSnapshots(period, { trigger })).rows;
  return { periods: periods.map(periodKey), rows };
}
