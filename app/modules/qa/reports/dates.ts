/**
 * Calendar arithmetic for QA reports and coaching due dates. Dates are "YYYY-MM-DD" strings in the
 * organisation's time zone (APP_TIME_ZONE); instants are UTC `Date`s, which is how the database stores them.
 * Pure: the time zone is passed in.
 */
import { startOfDayIn } from "~/utils/calendar";

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

export type Granularity = "week" | "month";
export const GRANULARITIES = ["week", "month"] as const;

/** Parses a real calendar date ("2026-02-30" is rejected); returns UTC midnight of that date or null. */
export function parseIsoDate(value: string | null | undefined): Date | null {
  const match = ISO_DATE.exec(value ?? "");
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return date;
}

export function isIsoDate(value: string | null | undefined): value is string {
  return parseIsoDate(value) !== null;
}

function toIso(date: Date): string {
  return date.toISOString().slice(0, 10);
}

export function addDays(isoDate: string, days: number): string {
  const date = parseIsoDate(isoDate);
  if (!date) throw new RangeError(`not a date: ${isoDate}`);
  return toIso(new Date(date.getTime() + days * DAY_MS));
}

/** Whole days from `from` to `to` (to − from). */
export function daysBetween(from: string, to: string): number {
  const start = parseIsoDate(from);
  const end = parseIsoDate(to);
  if (!start || !end) throw new RangeError(`not a date: ${from} / ${to}`);
  return Math.round((end.getTime() - start.getTime()) / DAY_MS);
}

/** The UTC instant at which the local calendar day starts in the time zone. */
export function startOfLocalDay(isoDate: string, timeZone: string): Date {
  if (!parseIsoDate(isoDate)) throw new RangeError(`not a date: ${isoDate}`);
  return startOfDayIn(isoDate, timeZone);
}

/** The last millisecond of the local calendar day: a due date means "by the end of that day". */
export function endOfLocalDay(isoDate: string, timeZone: string): Date {
  return new Date(startOfLocalDay(addDays(isoDate, 1), timeZone).getTime() - 1);
}

/** Start of the bucket holding a date: the Monday of its ISO week (as PostgreSQL's date_trunc) or the 1st. */
export function bucketStart(isoDate: string, granularity: Granularity): string {
  const date = parseIsoDate(isoDate);
  if (!date) throw new RangeError(`not a date: ${isoDate}`);
  if (granularity === "month") return `${isoDate.slice(0, 7)}-01`;
  const mondayOffset = (date.getUTCDay() + 6) % 7;
  return addDays(isoDate, -mondayOffset);
}

/** Every bucket start from the one holding `from` to the one holding `to`, so empty periods show as gaps. */
export function bucketStarts(from: string, to: string, granularity: Granularity): string[] {
  const last = bucketStart(to, granularity);
  const starts: string[] = [];
  let current = bucketStart(from, granularity);
  while (current <= last) {
    starts.push(current);
    if (granularity === "week") current = addDays(current, 7);
    else {
      const [year, month] = current.split("-").map(Number) as [number, number];
      current = month === 12 ? `${year + 1}-01-01` : `${year}-${String(month + 1).padStart(2, "0")}-01`;
    }
  }
  return starts;
}

/** Axis label of a bucket: "11-23" (week starting that Monday) or "2026-11". */
export function bucketLabel(start: string, granularity: Granularity): string {
  return granularity === "month" ? start.slice(0, 7) : start.slice(5);
}

/** Length of an inclusive date range in weeks (a 7-day range is 1 week). */
export function weeksInRange(from: string, to: string): number {
  return (daysBetween(from, to) + 1) / 7;
}

/**
 * An instant as a zone-less UTC timestamp literal ("2026-03-10 15:59:59.999"). Timestamp columns hold UTC
 * without a zone; comparing with such a literal avoids depending on the database session's TimeZone.
 */
export function sqlUtcTimestamp(instant: Date): string {
  return instant.toISOString().slice(0, 23).replace("T", " ");
}
