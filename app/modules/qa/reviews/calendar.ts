/** Calendar days and weeks in the organisation's time zone: "due today" and "this week" mean Shanghai days. Pure. */
import { dayIn, startOfDayIn } from "~/utils/calendar";

function addDays(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00.000Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** [start, end) of the day the instant falls on. */
export function dayRange(instant: Date, timeZone: string): { start: Date; end: Date } {
  const day = dayIn(instant, timeZone);
  return { start: startOfDayIn(day, timeZone), end: startOfDayIn(addDays(day, 1), timeZone) };
}

/** [start, end) of the week (Monday to Sunday, as Chinese work calendars count) the instant falls in. */
export function weekRange(instant: Date, timeZone: string): { start: Date; end: Date } {
  const day = dayIn(instant, timeZone);
  const weekday = new Date(`${day}T00:00:00.000Z`).getUTCDay(); // 0 = Sunday
  const monday = addDays(day, -((weekday + 6) % 7));
  return { start: startOfDayIn(monday, timeZone), end: startOfDayIn(addDays(monday, 7), timeZone) };
}
