/**
 * Job `feedback.reminders` (daily 09:15): one in-app reminder per pending request of an open cycle, at most
 * once per request per day, claimed with a single UPDATE … RETURNING so overlapping runs never remind twice.
 * On the due day the reminder says so.
 */
import { notify } from "~/modules/notifications/notifications.server";
import { dayIn } from "~/utils/calendar";
import { db } from "~/utils/db.server";
import { env } from "~/utils/env.server";

const REMIND_INTERVAL_MS = 20 * 3_600_000; // "once a day" with slack for a schedule that drifts a little

type Claimed = { raterId: string; cycleName: string; dueAt: Date };

export async function sendFeedbackReminders(now = new Date()) {
  const cutoff = new Date(now.getTime() - REMIND_INTERVAL_MS);
  return db.$transaction(async (tx) => {
    const claimed = await tx.$queryRaw<Claimed[]>`
      UPDATE "FeedbackRequest" r SET "remindedAt" = ${now}
      FROM "FeedbackSubject" s, "FeedbackCycle" c, "User" u
      WHERE s."id" = r."subjectId" AND c."id" = s."cycleId" AND u."id" = r."raterId"
        AND c."status" = 'open' AND r."status" = 'pending' AND u."status" = 'active'
        AND (r."remindedAt" IS NULL OR r."remindedAt" <= ${cutoff})
      RETURNING r."raterId" AS "raterId", c."name" AS "cycleName", c."dueAt" AS "dueAt"`;
    if (claimed.length === 0) return { requests: 0, notified: 0 };
    const timeZone = env().APP_TIME_ZONE;
    const today = dayIn(now, timeZone);
    const perRater = new Map<string, { cycle: string; due: string; count: number }>();
    for (const row of claimed) {
      const key = `${row.raterId}\u0000${row.cycleName}`;
      const entry = perRater.get(key) ?? { cycle: row.cycleName, due: dayIn(row.dueAt, timeZone), count: 0 };
      entry.count += 1;
      perRater.set(key, entry);
    }
    const notes = [...perRater.entries()].map(([key, entry]) => ({
      userId: key.split("\u0000")[0]!,
      kind: entry.due === today ? "feedback-due-today" : "feedback-reminder",
      params: { cycle: entry.cycle, count: entry.count, due: entry.due },
      link: "/performance/feedback",
    }));
    await notify(notes, tx);
    return { requests: claimed.length, notified: notes.length };
  });
}
