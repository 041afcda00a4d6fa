/** Search parameters of the audit log page, and calendar days turned into instants. Pure. */
import { z } from "zod";
import { parseCalendarDate } from "./user-import";

const day = z
  .string()
  .trim()
  .transform((value) => parseCalendarDate(value))
  .pipe(z.string())
  .optional()
  .catch(undefined);

export const AuditSearchSchema = z.object({
  /** 工号 of the person who acted. */
  actor: z.string().trim().max(64).catch(""),
  /** Prefix of the action, e.g. "user." or "user.password". */
  action: z.string().trim().max(64).catch(""),
  entityType: z.string().trim().max(32).catch(""),
  from: day,
  to: day,
});
export type AuditSearch = z.infer<typeof AuditSearchSchema>;

export function readAuditSearch(url: URL): AuditSearch {
  const params = url.searchParams;
  return AuditSearchSchema.parse({
    actor: params.get("actor") ?? "",
    action: params.get("action") ?? "",
    entityType: params.get("entityType") ?? "",
    from: params.get("from") || undefined,
    to: params.get("to") || undefined,
  });
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

/** The instant a calendar day (YYYY-MM-DD) begins in a time zone: "from 2026-03-01" means midnight in Shanghai, not UTC. */
export function startOfDayIn(date: string, timeZone: string): Date {
  const [year, month, dayOfMonth] = date.split("-").map(Number) as [number, number, number];
  const guess = Date.UTC(year, month - 1, dayOfMonth);
  const first = guess - offsetMs(new Date(guess), timeZone);
  // Re-read the offset at the result in case a daylight-saving change falls in between.
  return new Date(guess - offsetMs(new Date(first), timeZone));
}

/** Inclusive calendar range → [from, to) instants. */
export function auditRange(search: Pick<AuditSearch, "from" | "to">, timeZone: string) {
  const from = search.from ? startOfDayIn(search.from, timeZone) : undefined;
  let to: Date | undefined;
  if (search.to) {
    const next = new Date(`${search.to}T00:00:00.000Z`);
    next.setUTCDate(next.getUTCDate() + 1);
    to = startOfDayIn(next.toISOString().slice(0, 10), timeZone);
  }
  return { from, to };
}
