/**
 * Business seconds (pure): how much of [from, to) falls inside a team's working hours. When a team enables
 * business hours, response times count only these seconds, so a question asked on Friday evening and answered on
 * Monday at 09:05 costs five minutes, not a weekend. The SQL function kpi_business_seconds (migration
 * 20261206180000_kpi_business_seconds) computes the same thing inside the snapshot aggregation.
 */
import { dayIn } from "~/utils/calendar";

export interface BusinessCalendar {
  timeZone: string;
  /** ISO weekdays 1 (Mon) … 7 (Sun). */
  workingDays: readonly number[];
  /** Minutes after local midnight; endMinute > startMinute (no overnight shifts). */
  startMinute: number;
  endMinute: number;
}

function offsetMs(instant: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
  }).formatToParts(new Date(instant));
  const part = (type: string) => Number(parts.find((entry) => entry.type === type)?.value);
  const asUtc = Date.UTC(part("year"), part("month") - 1, part("day"), part("hour"), part("minute"), part("second"));
  return asUtc - Math.floor(instant / 1000) * 1000;
}

/** The instant of local wall-clock time `minute` minutes after midnight of `date` (YYYY-MM-DD) in the zone. */
export function localMinuteToInstant(date: string, minute: number, timeZone: string): number {
  const [year, month, day] = date.split("-").map(Number) as [number, number, number];
  const guess = Date.UTC(year, month - 1, day, 0, minute);
  const first = guess - offsetMs(guess, timeZone);
  return guess - offsetMs(first, timeZone);
}

/** ISO weekday (1 = Monday) of a calendar day. */
export function isoWeekday(date: string): number {
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
  return weekday === 0 ? 7 : weekday;
}

function nextDay(date: string): string {
  const next = new Date(`${date}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  return next.toISOString().slice(0, 10);
}

/** Seconds of [from, to) inside the calendar's working hours (0 when to ≤ from). */
export function businessSeconds(from: Date, to: Date, calendar: BusinessCalendar): number {
  const start = from.getTime();
  const end = to.getTime();
  if (!(end > start)) return 0;
  const lastDay = dayIn(to, calendar.timeZone);
  let total = 0;
  for (let day = dayIn(from, calendar.timeZone); day <= lastDay; day = nextDay(day)) {
    if (!calendar.workingDays.includes(isoWeekday(day))) continue;
    const open = localMinuteToInstant(day, calendar.startMinute, calendar.timeZone);
    const close = localMinuteToInstant(day, calendar.endMinute, calendar.timeZone);
    const overlap = Math.min(end, close) - Math.max(start, open);
    if (overlap > 0) total += overlap;
  }
  return total / 1000;
}
