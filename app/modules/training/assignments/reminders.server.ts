/**
 * Overdue reminders (job `training.overdue-reminders`, daily 09:00): each overdue learner is reminded at most once
 * per REMIND_INTERVAL_DAYS, and every lead whose teams had someone reminded gets one digest with the number of
 * overdue people in their teams. Rows are claimed with one UPDATE … RETURNING, so two runs never remind twice.
 */
import { recordAudit } from "~/modules/audit/audit.server";
import { notify, type NewNotification } from "~/modules/notifications/notifications.server";
import { dayIn } from "~/utils/calendar";
import { db, Prisma } from "~/utils/db.server";
import { env } from "~/utils/env.server";
import { notFound } from "~/utils/http.server";
import { teamInScope, type Actor, type AssignScope, type Tx } from "./assign.server";
import { canRemind, itemLink, REMIND_INTERVAL_DAYS, type AssignmentKindName } from "./rules";

const DAY_MS = 86_400_000;

type Claimed = { id: string; userId: string; dueAt: Date; teamId: string | null };

async function remindLearners(tx: Tx, recipientIds: string[]) {
  const rows = await tx.assignmentRecipient.findMany({
    where: { id: { in: recipientIds } },
    select: {
      userId: true,
      dueAt: true,
      assignment: {
        select: {
          kind: true,
          courseId: true,
          pathId: true,
          examId: true,
          course: { select: { title: true } },
          path: { select: { title: true } },
          exam: { select: { title: true } },
        },
      },
    },
  });
  const timeZone = env().APP_TIME_ZONE;
  const notes: NewNotification[] = rows.map(({ userId, dueAt, assignment }) => ({
    userId,
    kind: "training-assignment-overdue",
    params: {
      item: assignment.course?.title ?? assignment.path?.title ?? assignment.exam?.title ?? "",
      due: dueAt ? dayIn(dueAt, timeZone) : "—",
    },
    link: itemLink(assignment.kind as AssignmentKindName, assignment),
  }));
  return notify(notes, tx);
}

/** Overdue people (distinct) per team among the given teams, counted in SQL. */
async function overdueByTeam(tx: Tx, teamIds: string[], now: Date) {
  if (teamIds.length === 0) return new Map<string, number>();
  const rows = await tx.$queryRaw<{ teamId: string; people: bigint }[]>`
    SELECT u."teamId" AS "teamId", COUNT(DISTINCT u."id") AS "people"
    FROM "AssignmentRecipient" ar JOIN "User" u ON u."id" = ar."userId"
    WHERE ar."completedAt" IS NULL AND ar."dueAt" < ${now} AND u."status" = 'active'
      AND u."teamId" IN (${Prisma.join(teamIds)})
    GROUP BY u."teamId"`;
  return new Map(rows.map((row) => [row.teamId, Number(row.people)]));
}

export async function sendOverdueReminders(now = new Date()) {
  const cutoff = new Date(now.getTime() - REMIND_INTERVAL_DAYS * DAY_MS);
  return db.$transaction(
    async (tx) => {
      const claimed = await tx.$queryRaw<Claimed[]>`
        UPDATE "AssignmentRecipient" ar SET "lastRemindedAt" = ${now}
        FROM "User" u
        WHERE u."id" = ar."userId" AND u."status" = 'active'
          AND ar."completedAt" IS NULL AND ar."dueAt" < ${now}
          AND (ar."lastRemindedAt" IS NULL OR ar."lastRemindedAt" <= ${cutoff})
        RETURNING ar."id" AS "id", ar."userId" AS "userId", ar."dueAt" AS "dueAt", u."teamId" AS "teamId"`;
      if (claimed.length === 0) return { reminded: 0, digests: 0 };
      await remindLearners(
        tx,
        claimed.map((row) => row.id),
      );
      const teamIds = [...new Set(claimed.flatMap((row) => (row.teamId ? [row.teamId] : [])))];
      const teams = await tx.team.findMany({
        where: { id: { in: teamIds }, leadId: { not: null } },
        select: { id: true, leadId: true },
      });
      const leadIds = [...new Set(teams.map((team) => team.leadId!))];
      const ledTeams = await tx.team.findMany({
        where: { leadId: { in: leadIds } },
        select: { id: true, leadId: true },
      });
      const counts = await overdueByTeam(
        tx,
        ledTeams.map((team) => team.id),
        now,
      );
      const digests: NewNotification[] = leadIds.flatMap((leadId) => {
        const people = ledTeams
          .filter((team) => team.leadId === leadId)
          .reduce((sum, team) => sum + (counts.get(team.id) ?? 0), 0);
        return people > 0
          ? [
              {
                userId: leadId,
                kind: "training-team-overdue-digest",
                params: { count: people },
                link: "/training/progress/overdue",
              },
            ]
          : [];
      });
      await notify(digests, tx);
      return { reminded: claimed.length, digests: digests.length };
    },
    { timeout: 60_000, maxWait: 10_000 },
  );
}

/** "Remind now" on the assignment page: same rate limit as the job. */
export async function remindRecipientNow(recipientId: string, scope: AssignScope, actor: Actor, now = new Date()) {
  return db.$transaction(async (tx) => {
    const recipient = await tx.assignmentRecipient.findUnique({
      where: { id: recipientId },
      select: { id: true, completedAt: true, dueAt: true, lastRemindedAt: true, user: { select: { teamId: true } } },
    });
    if (!recipient || !teamInScope(scope, recipient.user.teamId)) notFound("recipient not found");
    if (recipient.completedAt || !recipient.dueAt || recipient.dueAt >= now)
      return { ok: false as const, reason: "notOverdue" };
    if (!canRemind(recipient.lastRemindedAt, now)) return { ok: false as const, reason: "tooSoon" };
    const cutoff = new Date(now.getTime() - REMIND_INTERVAL_DAYS * DAY_MS);
    const claimed = await tx.assignmentRecipient.updateMany({
      where: { id: recipientId, OR: [{ lastRemindedAt: null }, { lastRemindedAt: { lte: cutoff } }] },
      data: { lastRemindedAt: now },
    });
    if (claimed.count === 0) return { ok: false as const, reason: "tooSoon" };
    await remindLearners(tx, [recipientId]);
    await recordAudit(
      {
        actorId: actor.id,
        action: "training.assignment.remind",
        entityType: "assignment-recipient",
        entityId: recipientId,
        after: { remindedAt: now.toISOString() },
        ipAddress: actor.ipAddress ?? null,
      },
      tx,
    );
    return { ok: true as const };
  });
}

/** Moves one recipient's due date (end of the chosen day); audited with the old and new date. */
export async function extendRecipientDue(recipientId: string, dueAt: Date, scope: AssignScope, actor: Actor) {
  return db.$transaction(async (tx) => {
    const recipient = await tx.assignmentRecipient.findUnique({
      where: { id: recipientId },
      select: { id: true, assignmentId: true, dueAt: true, completedAt: true, user: { select: { teamId: true } } },
    });
    if (!recipient || !teamInScope(scope, recipient.user.teamId)) notFound("recipient not found");
    if (recipient.completedAt) return { ok: false as const, reason: "completed" };
    await tx.assignmentRecipient.update({ where: { id: recipientId }, data: { dueAt } });
    await recordAudit(
      {
        actorId: actor.id,
        action: "training.assignment.extend-due",
        entityType: "assignment-recipient",
        entityId: recipientId,
        before: { dueAt: recipient.dueAt?.toISOString() ?? null },
        after: { dueAt: dueAt.toISOString(), assignmentId: recipient.assignmentId },
        ipAddress: actor.ipAddress ?? null,
      },
      tx,
    );
    return { ok: true as const, assignmentId: recipient.assignmentId };
  });
}
