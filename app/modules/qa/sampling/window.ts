/**
 * The conversation window of a run, resolved to absolute instants [from, to) in the app's time zone.
 * "previous" windows align to calendar boundaries so a weekly plan firing on Monday samples exactly
 * last Monday 00:00 – this Monday 00:00, whatever minute the job actually ran.
 */

import { startOfDayIn } from "~/utils/calendar";

export type SamplingWindow =
  | { kind: "relative"; days: number }
  | { kind: "previous"; unit: "day" | "week" | "month" }
  | { kind: "absolute"; from: string; to: string };

export type ResolvedWindow = { from: Date; to: Date };

type Wall = { year: number; month: number; day: number; hour: number; minute: number; second: number };

const formatters = new Map<string, Intl.DateTimeFormat>();

function wallClock(instant: Date, timeZone: string): Wall {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
    });
    formatters.set(timeZone, formatter);
  }
  const parts = Object.fromEntries(formatter.formatToParts(instant).map((part) => [part.type, part.value]));
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour),
    minute: Number(parts.minute),
    second: Number(parts.second),
  };
}

/** The instant of local midnight starting the given calendar day (month may overflow, Date.UTC normalises). */
export function zonedMidnight(year: number, month: number, day: number, timeZone: string): Date {
  return startOfDayIn(new Date(Date.UTC(year, month - 1, day)).toISOString().slice(0, 10), timeZone);
}

const CALENDAR_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function parseDay(value: string): { year: number; month: number; day: number } | null {
  const match = CALENDAR_DATE.exec(value);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const check = new Date(Date.UTC(year, month - 1, day));
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return null;
  return { year, month, day };
}

export function resolveWindow(window: SamplingWindow, now: Date, timeZone: string): ResolvedWindow {
  if (window.kind === "relative") {
    return { from: new Date(now.getTime() - window.days * 86_400_000), to: now };
  }
  if (window.kind === "absolute") {
    const from = parseDay(window.from);
    const to = parseDay(window.to);
    if (!from || !to) throw new Error("absolute window needs YYYY-MM-DD dates");
    return {
      from: zonedMidnight(from.year, from.month, from.day, timeZone),
      to: zonedMidnight(to.year, to.month, to.day + 1, timeZone), // the "to" day is included
    };
  }
  const today = wallClock(now, timeZone);
  if (window.unit === "day") {
    return {
      from: zonedMidnight(today.year, today.month, today.day - 1, timeZone),
      to: zonedMidnight(today.year, today.month, today.day, timeZone),
    };
  }
  if (window.unit === "week") {
    // Weeks start on Monday (the Chinese and ISO convention).
    const weekday = new Date(Date.UTC(today.year, today.month - 1, today.day)).getUTCDay();
    const sinceMonday = (weekday + 6) % 7;
    return {
      from: zonedMidnight(today.year, today.month, today.day - sinceMonday - 7, timeZone),
      to: zonedMidnight(today.year, today.month, today.day - sinceMonday, timeZone),
    };
  }
  return {
    from: zonedMidnight(today.year, today.month - 1, 1, timeZone),
    to: zonedMidnight(today.year, today.month, 1, timeZone),
  };
}
