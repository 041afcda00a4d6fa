import { db } from "~/utils/db.server";
import { sessionPurgeCutoff } from "./retention";

/**
 * Deletes sessions that expired or were revoked more than a day ago.
 * Idempotent: a second run finds nothing left to delete.
 */
export async function purgeExpiredSessions(now: Date = new Date()): Promise<{ deleted: number; cutoff: string }> {
  const cutoff = sessionPurgeCutoff(now);
  const { count } = await db.session.deleteMany({
    where: { OR: [{ expiresAt: { lt: cutoff } }, { revokedAt: { lt: cutoff } }] },
  });
  return { deleted: count, cutoff: cutoff.toISOString() };
}
