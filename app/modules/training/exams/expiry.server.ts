/**
 * Job training.expire-attempts: submits every in-progress attempt whose deadline has passed (as a timeout) and
 * scores it. Idempotent: submitAttempt only closes attempts still in progress.
 */
import { db } from "~/utils/db.server";
import { submitAttempt } from "./attempts.server";

const BATCH = 200;

export async function expireAttempts(now = new Date()): Promise<{ expired: number }> {
  let expired = 0;
  for (;;) {
    const due = await db.examAttempt.findMany({
      where: { status: "in_progress", deadlineAt: { lt: now } },
      orderBy: { deadlineAt: "asc" },
      take: BATCH,
      select: { id: true },
    });
    if (due.length === 0) break;
    for (const attempt of due) {
      const result = await submitAttempt(attempt.id, null, now);
      if (result.ok && !result.alreadySubmitted) expired += 1;
    }
    if (due.length < BATCH) break;
  }
  return { expired };
}
