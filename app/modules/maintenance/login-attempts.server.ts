import { db } from "~/utils/db.server";
import { loginAttemptCutoff } from "./retention";

/** Deletes login attempts older than the retention window. Idempotent. */
export async function pruneLoginAttempts(now: Date = new Date()): Promise<{ deleted: number; cutoff: string }> {
  const cutoff = loginAttemptCutoff(now);
  const { count } = await db.loginAttempt.deleteMany({ where: { createdAt: { lt: cutoff } } });
  return { deleted: count, cutoff: cutoff.toISOString() };
}
