/** Which periods a kpi.snapshot payload asks for (pure). */
import { currentMonth, parsePeriodKey, periodContaining, periodKey, previousPeriod, type KpiPeriod } from "./periods";

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
