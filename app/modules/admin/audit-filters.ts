/** Search parameters of the audit log page, and calendar days turned into instants. Pure. */
import { z } from "zod";
import { startOfDayIn } from "~/utils/calendar";
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
