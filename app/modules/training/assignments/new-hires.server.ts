/**
 * New hires get the published paths marked autoAssignNewHires (reason new_hire): when an admin creates or imports
 * them (inside that transaction) and from the daily job, which also covers paths published later. One assignment
 * per path acts as the container; one recipient per person. The daily job also brings team/role assignments to
 * people who joined the team or gained the role after the assignment was made.
 */
import { dayIn } from "~/utils/calendar";
import { db, Prisma } from "~/utils/db.server";
import { env } from "~/utils/env.server";
import { endOfLocalDay } from "~/modules/qa/reports/dates";
import { addRecipients, loadPublishedItem, type Tx } from "./assign.server";
import { isRecentHire, matchesAudience, newHireDueDay, NEW_HIRE_WINDOW_DAYS, addCalendarDays } from "./rules";

/** Assigns new-hire paths to these people (all active people when omitted). Returns the recipients added. */
export async function assignNewHirePaths(tx: Tx, userIds?: string[], now = new Date()): Promise<number> {
  if (userIds && userIds.length === 0) return 0;
  const paths = await tx.learningPath.findMany({
    where: { status: "published", autoAssignNewHires: true },
    select: { id: true, audienceRoles: true, audienceTeamIds: true, dueDays: true },
  });
  if (paths.length === 0) return 0;
  const timeZone = env().APP_TIME_ZONE;
  const today = dayIn(now, timeZone);
  const earliestHire = new Date(`${addCalendarDays(today, -NEW_HIRE_WINDOW_DAYS)}T00:00:00Z`);
  const people = await tx.user.findMany({
    where: {
      status: "active",
      ...(userIds ? { id: { in: userIds } } : {}),
      OR: [{ hireDate: null }, { hireDate: { gte: earliestHire } }],
    },
    select: { id: true, teamId: true, hireDate: true, roles: { select: { role: true } } },
  });
  const candidates = people
    .map((person) => ({
      id: person.id,
      teamId: person.teamId,
      roles: person.roles.map((entry) => entry.role as string),
      hireDay: person.hireDate ? person.hireDate.toISOString().slice(0, 10) : null,
    }))
    .filter((person) => isRecentHire(person.hireDay, today));
  let added = 0;
  for (const path of paths) {
    const audience = candidates.filter((person) => matchesAudience(path, person));
    if (audience.length === 0) continue;
    const item = await loadPublishedItem(tx, "path", path.id);
    if (!item) continue;
    const container =
      (await tx.learningAssignment.findFirst({
        where: { kind: "path", pathId: path.id, reason: "new_hire" },
        orderBy: { createdAt: "asc" },
        select: { id: true, dueAt: true },
      })) ??
      (await tx.learningAssignment.create({
        data: { kind: "path", pathId: path.id, target: "users", reason: "new_hire", createdAt: now },
        select: { id: true, dueAt: true },
      }));
    const dueAtByUser = new Map<string, Date | null>();
    for (const person of audience) {
      const dueDay = newHireDueDay(person.hireDay, today, path.dueDays);
      dueAtByUser.set(person.id, dueDay ? endOfLocalDay(dueDay, timeZone) : null);
    }
    const counts = await addRecipients(
      tx,
      container,
      item,
      audience.map((person) => person.id),
      { retrain: false, dueAtByUser },
    );
    added += counts.added;
  }
  return added;
}

/**
 * People who now match a team/role assignment that is still running (no due date, or due date not passed) and
 * have no row in it yet. Returns the recipients added.
 */
export async function extendTeamAndRoleAssignments(tx: Tx, now = new Date()): Promise<number> {
  const assignments = await tx.learningAssignment.findMany({
    where: {
      target: { in: ["team", "role"] },
      reason: "manual",
      OR: [{ dueAt: null }, { dueAt: { gt: now } }],
    },
    select: {
      id: true,
      kind: true,
      courseId: true,
      pathId: true,
      examId: true,
      target: true,
      targetTeamId: true,
      targetRole: true,
      dueAt: true,
    },
  });
  let added = 0;
  for (const assignment of assignments) {
    const itemId = assignment.courseId ?? assignment.pathId ?? assignment.examId;
    if (!itemId) continue;
    const missing = await tx.$queryRaw<{ id: string }[]>`
      SELECT u."id" FROM "User" u
      WHERE u."status" = 'active'
        AND ${assignment.target === "team" ? Prisma.sql`u."teamId" = ${assignment.targetTeamId}` : Prisma.sql`TRUE`}
        AND ${
          assignment.targetRole
            ? Prisma.sql`EXISTS (SELECT 1 FROM "UserRole" r WHERE r."userId" = u."id" AND r."role"::text = ${assignment.targetRole})`
            : Prisma.sql`TRUE`
        }
        AND NOT EXISTS (SELECT 1 FROM "AssignmentRecipient" ar WHERE ar."assignmentId" = ${assignment.id} AND ar."userId" = u."id")`;
    if (missing.length === 0) continue;
    const item = await loadPublishedItem(tx, assignment.kind, itemId);
    if (!item) continue;
    const counts = await addRecipients(
      tx,
      assignment,
      item,
      missing.map((row) => row.id),
      { retrain: false },
    );
    added += counts.added;
  }
  return added;
}

/** The daily job `training.assign-new-hires`. Idempotent: rows are unique by (assignment, person). */
export async function runAssignNewHires(now = new Date()) {
  return db.$transaction(
    async (tx) => {
      const newHires = await assignNewHirePaths(tx, undefined, now);
      const joiners = await extendTeamAndRoleAssignments(tx, now);
      return { newHires, joiners };
    },
    { timeout: 60_000, maxWait: 10_000 },
  );
}
