/**
 * KPI periods (pure): a calendar month, quarter or year in the organisation's time zone. A period is identified by
 * its kind and its first day; keys ("2026-11", "2026-Q4", "2026") are what URLs and job payloads carry.
 */
import { dayIn, startOfDayIn } from "~/utils/calendar";

export type KpiPeriodKind = "month" | "quarter" | "year";
export const KPI_PERIOD_KINDS = ["month", "quarter", "year"] as const satisfies readonly KpiPeriodKind[];

export interface KpiPeriod {
  kind: KpiPeriodKind;
  /** YYYY-MM-DD, the first day of the period. */
  start: string;
}

const MONTHS: Record<KpiPeriodKind, number> = { month: 1, quarter: 3, year: 12 };

const pad = (value: number, width = 2) => String(value).padStart(width, "0");

function ym(period: KpiPeriod): { year: number; month: number } {
  const [year, month] = period.start.split("-").map(Number) as [number, number];
  return { year, month };
}

function fromYm(kind: KpiPeriodKind, year: number, month: number): KpiPeriod {
  // month may be out of 1..12 after arithmetic; normalise through a zero-based month index.
  const index = year * 12 + (month - 1);
  const y = Math.floor(index / 12);
  const m = index - y * 12 + 1;
  return { kind, start: `${pad(y, 4)}-${pad(m)}-01` };
}

function validYear(year: number) {
  return Number.isInteger(year) && year >= 1970 && year <= 9999;
}

/** "2026-11" → month, "2026-Q4" → quarter, "2026" → year; anything else → null. */
export function parsePeriodKey(key: string): KpiPeriod | null {
  const trimmed = key.trim();
  let match = /^(\d{4})-(\d{2})$/.exec(trimmed);
  if (match) {
    const year = Number(match[1]);
    const month = Number(match[2]);
    if (!validYear(year) || month < 1 || month > 12) return null;
    return fromYm("month", year, month);
  }
  match = /^(\d{4})-[Qq]([1-4])$/.exec(trimmed);
  if (match) {
    const year = Number(match[1]);
    if (!validYear(year)) return null;
    return fromYm("quarter", year, (Number(match[2]) - 1) * 3 + 1);
  }
  match = /^(\d{4})$/.exec(trimmed);
  if (match) {
    const year = Number(match[1]);
    if (!validYear(year)) return null;
    return fromYm("year", year, 1);
  }
  return null;
}

/** The inverse of parsePeriodKey. */
export function periodKey(period: KpiPeriod): string {
  const { year, month } = ym(period);
  if (period.kind === "year") return pad(year, 4);
  if (period.kind === "quarter") return `${pad(year, 4)}-Q${Math.floor((month - 1) / 3) + 1}`;
  return `${pad(year, 4)}-${pad(month)}`;
}

/**
 * Builds a period of `kind` containing the calendar day `date` (YYYY-MM-DD), e.g. the quarter a month belongs to.
 */
export function periodContaining(kind: KpiPeriodKind, date: string): KpiPeriod {
  const [year, month] = date.split("-").map(Number) as [number, number];
  if (kind === "year") return fromYm("year", year, 1);
  if (kind === "quarter") return fromYm("quarter", year, Math.floor((month - 1) / 3) * 3 + 1);
  return fromYm("month", year, month);
}

/** The period that follows (`offset` = 1) or precedes (-1) this one by `offset` periods of the same kind. */
export function shiftPeriod(period: KpiPeriod, offset: number): KpiPeriod {
  const { year, month } = ym(period);
  return fromYm(period.kind, year, month + offset * MONTHS[period.kind]);
}

export function previousPeriod(period: KpiPeriod): KpiPeriod {
  return shiftPeriod(period, -1);
}

export function nextPeriod(period: KpiPeriod): KpiPeriod {
  return shiftPeriod(period, 1);
}

/** The first day after the period (YYYY-MM-DD). */
export function periodEndDay(period: KpiPeriod): string {
  return nextPeriod(period).start;
}

/** [from, to): local midnight of the first day and of the day after the last, in the time zone. */
export function periodBounds(period: KpiPeriod, timeZone: string): { from: Date; to: Date } {
  return { from: startOfDayIn(period.start, timeZone), to: startOfDayIn(periodEndDay(period), timeZone) };
}

/** The month `now` falls in, in the time zone. */
export function currentMonth(now: Date, timeZone: string): KpiPeriod {
  return periodContaining("month", dayIn(now, timeZone));
}

/** The `n` months ending with `endMonth` (included), oldest first. */
export function lastMonths(endMonth: KpiPeriod, n: number): KpiPeriod[] {
  const month = periodContaining("month", endMonth.start);
  const months: KpiPeriod[] = [];
  for (let index = n - 1; index >= 0; index -= 1) months.push(shiftPeriod(month, -index));
  return months;
}

/** The period's first day as UTC midnight: what a @db.Date column stores. */
export function periodStartDate(period: KpiPeriod): Date {
  return new Date(`${period.start}T00:00:00.000Z`);
}

/** Reads a @db.Date value back into a period of `kind`. */
export function periodFromStartDate(kind: KpiPeriodKind, date: Date): KpiPeriod {
  return periodContaining(kind, date.toISOString().slice(0, 10));
}

export function samePeriod(a: KpiPeriod, b: KpiPeriod): boolean {
  return a.kind === b.kind && a.start === b.start;
}
