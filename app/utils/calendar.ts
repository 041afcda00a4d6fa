/**
 * Calendar days in a time zone (pure). "2026-03-01" in the organisation means midnight in Shanghai, not UTC; every
 * date filter, due date and "today" in the app goes through these.
 */

/** The calendar day (YYYY-MM-DD) an instant falls on in a time zone. */
export function dayIn(instant: Date, timeZone: string): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(
    instant,
  );
}

function offsetMs(instant: Date, timeZone: string) {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
  }).formatToParts(instant);
  const part = (type: string) => Number(parts.find((entry) => entry.type === type)?.value);
  const asUtc = Date.UTC(part("year"), part("month") - 1, part("day"), part("hour"), part("minute"), part("second"));
  return asUtc - Math.floor(instant.getTime() / 1000) * 1000;
}

/** The instant a calendar day (YYYY-MM-DD) begins in a time zone. */
export function startOfDayIn(date: string, timeZone: string): Date {
  const [year, month, dayOfMonth] = date.split("-").map(Number) as [number, number, number];
  const guess = Date.UTC(year, month - 1, dayOfMonth);
  const first = guess - offsetMs(new Date(guess), timeZone);
  // Re-read the offset at the result in case a daylight-saving change falls in between.
  return new Date(guess - offsetMs(new Date(first), timeZone));
}
