import { listAuditEntries } from "~/modules/audit/audit.server";
import { db } from "~/utils/db.server";
import { auditRange, type AuditSearch } from "./audit-filters";

/** The audit page's query: the actor is given by 工号, dates are calendar days in the app's time zone. */
export async function searchAuditLog(search: AuditSearch, timeZone: string, page: number, pageSize: number) {
  let actorId: string | undefined;
  if (search.actor) {
    const actor = await db.user.findFirst({
      where: { externalId: { equals: search.actor, mode: "insensitive" } },
      select: { id: true },
    });
    if (!actor) return { rows: [], total: 0, actorUnknown: true };
    actorId = actor.id;
  }
  const { from, to } = auditRange(search, timeZone);
  const result = await listAuditEntries(
    {
      actorId,
      action: search.action || undefined,
      entityType: search.entityType || undefined,
      from,
      to,
    },
    page,
    pageSize,
  );
  return { ...result, actorUnknown: false };
}

export async function listAuditEntityTypes() {
  const rows = await db.auditLog.findMany({
    distinct: ["entityType"],
    select: { entityType: true },
    orderBy: { entityType: "asc" },
  });
  return rows.map((row) => row.entityType);
}
