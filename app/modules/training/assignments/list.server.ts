/**
 * The assignment list and one assignment's recipients. Counts come from grouped SQL over the page's assignments;
 * a lead sees assignments reaching their teams and only their teams' recipients in every count.
 */
import { z } from "zod";
import { db, Prisma } from "~/utils/db.server";
import { notFound } from "~/utils/http.server";
import { scopeUserWhere, teamInScope, type AssignScope } from "./assign.server";
import { ASSIGNMENT_KINDS, recipientStatus, type AssignmentKindName, type RecipientFilter } from "./rules";

const REASONS = ["manual", "new_hire", "remediation", "coaching", "renewal"] as const;
const blankToUndefined = (value: unknown) => (value === "" || value === null ? undefined : value);

export const AssignmentFilterSchema = z.object({
  kind: z.preprocess(blankToUndefined, z.enum(ASSIGNMENT_KINDS).optional()).catch(undefined),
  reason: z.preprocess(blankToUndefined, z.enum(REASONS).optional()).catch(undefined),
  q: z.preprocess(blankToUndefined, z.string().trim().max(100).optional()).catch(undefined),
  overdue: z.preprocess((value) => value === "1", z.boolean()).catch(false),
});
export type AssignmentFilter = z.infer<typeof AssignmentFilterSchema>;

export function readAssignmentFilter(url: URL): AssignmentFilter {
  const params = url.searchParams;
  return AssignmentFilterSchema.parse({
    kind: params.get("kind"),
    reason: params.get("reason"),
    q: params.get("q"),
    overdue: params.get("overdue"),
  });
}

function scopeSql(scope: AssignScope, alias = "u") {
  if (scope.teamIds === null) return Prisma.sql`TRUE`;
  if (scope.teamIds.length === 0) return Prisma.sql`FALSE`;
  return Prisma.sql`${Prisma.raw(`${alias}."teamId"`)} IN (${Prisma.join(scope.teamIds)})`;
}

function listWhere(scope: AssignScope, filter: AssignmentFilter, now: Date): Prisma.LearningAssignmentWhereInput {
  const recipientScope: Prisma.AssignmentRecipientWhereInput = { user: scopeUserWhere(scope) };
  const and: Prisma.LearningAssignmentWhereInput[] = [];
  if (scope.teamIds !== null) and.push({ recipients: { some: recipientScope } });
  if (filter.kind) and.push({ kind: filter.kind });
  if (filter.reason) and.push({ reason: filter.reason });
  if (filter.q) {
    const contains = { contains: filter.q, mode: "insensitive" as const };
    and.push({ OR: [{ course: { title: contains } }, { path: { title: contains } }, { exam: { title: contains } }] });
  }
  if (filter.overdue) and.push({ recipients: { some: { ...recipientScope, completedAt: null, dueAt: { lt: now } } } });
  return { AND: and };
}

type CountRow = { assignmentId: string; total: bigint; completed: bigint; overdue: bigint };

export async function recipientCounts(assignmentIds: string[], scope: AssignScope, now: Date) {
  if (assignmentIds.length === 0) return new Map<string, { total: number; completed: number; overdue: number }>();
  const rows = await db.$queryRaw<CountRow[]>`
    SELECT ar."assignmentId" AS "assignmentId", COUNT(*) AS "total",
      COUNT(*) FILTER (WHERE ar."completedAt" IS NOT NULL) AS "completed",
      COUNT(*) FILTER (WHERE ar."completedAt" IS NULL AND ar."dueAt" < ${now}) AS "overdue"
    FROM "AssignmentRecipient" ar JOIN "User" u ON u."id" = ar."userId"
    WHERE ar."assignmentId" IN (${Prisma.join(assignmentIds)}) AND ${scopeSql(scope)}
    GROUP BY ar."assignmentId"`;
  return new Map(
    rows.map((row) => [
      row.assignmentId,
      { total: Number(row.total), completed: Number(row.completed), overdue: Number(row.overdue) },
    ]),
  );
}

const assignmentSelect = {
  id: true,
  kind: true,
  reason: true,
  target: true,
  targetRole: true,
  note: true,
  dueAt: true,
  createdAt: true,
  courseId: true,
  pathId: true,
  examId: true,
  course: { select: { title: true } },
  path: { select: { title: true } },
  exam: { select: { title: true } },
  targetTeamId: true,
  assignedBy: { select: { name: true } },
} satisfies Prisma.LearningAssignmentSelect;

type AssignmentRow = Prisma.LearningAssignmentGetPayload<{ select: typeof assignmentSelect }>;

async function teamNames(ids: (string | null)[]) {
  const unique = [...new Set(ids.filter((id): id is string => id !== null))];
  if (unique.length === 0) return new Map<string, string>();
  const teams = await db.team.findMany({ where: { id: { in: unique } }, select: { id: true, name: true } });
  return new Map(teams.map((team) => [team.id, team.name]));
}

function present(row: AssignmentRow, teams: Map<string, string>) {
  return {
    id: row.id,
    kind: row.kind as AssignmentKindName,
    reason: row.reason,
    target: row.target,
    targetRole: row.targetRole,
    targetTeam: row.targetTeamId ? (teams.get(row.targetTeamId) ?? null) : null,
    item: row.course?.title ?? row.path?.title ?? row.exam?.title ?? "",
    itemId: row.courseId ?? row.pathId ?? row.examId ?? "",
    note: row.note,
    dueAt: row.dueAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
    assignedBy: row.assignedBy?.name ?? null,
  };
}

export async function listAssignments(
  scope: AssignScope,
  filter: AssignmentFilter,
  page: number,
  pageSize: number,
  now = new Date(),
) {
  const where = listWhere(scope, filter, now);
  const [rows, total] = await Promise.all([
    db.learningAssignment.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "asc" }],
      skip: (page - 1) * pageSize,
      take: pageSize,
      select: assignmentSelect,
    }),
    db.learningAssignment.count({ where }),
  ]);
  const [counts, teams] = await Promise.all([
    recipientCounts(
      rows.map((row) => row.id),
      scope,
      now,
    ),
    teamNames(rows.map((row) => row.targetTeamId)),
  ]);
  return {
    total,
    rows: rows.map((row) => ({
      ...present(row, teams),
      counts: counts.get(row.id) ?? { total: 0, completed: 0, overdue: 0 },
    })),
  };
}

/** One assignment with a page of its (scoped) recipients, each with status and progress. */
export async function getAssignmentDetail(
  id: string,
  scope: AssignScope,
  options: { status: RecipientFilter; page: number; pageSize: number },
  now = new Date(),
) {
  const row = await db.learningAssignment.findUnique({ where: { id }, select: assignmentSelect });
  if (!row) notFound("assignment not found");
  if (scope.teamIds !== null) {
    const reaches = await db.assignmentRecipient.count({ where: { assignmentId: id, user: scopeUserWhere(scope) } });
    if (reaches === 0 && !teamInScope(scope, row.targetTeamId)) notFound("assignment not found");
  }
  const statusWhere: Prisma.AssignmentRecipientWhereInput =
    options.status === "completed"
      ? { completedAt: { not: null } }
      : options.status === "overdue"
        ? { completedAt: null, dueAt: { lt: now } }
        : options.status === "open"
          ? { completedAt: null, OR: [{ dueAt: null }, { dueAt: { gte: now } }] }
          : {};
  const where: Prisma.AssignmentRecipientWhereInput = { assignmentId: id, user: scopeUserWhere(scope), ...statusWhere };
  const [recipients, total, counts, teams] = await Promise.all([
    db.assignmentRecipient.findMany({
      where,
      orderBy: [{ completedAt: { sort: "asc", nulls: "first" } }, { dueAt: "asc" }, { user: { externalId: "asc" } }],
      skip: (options.page - 1) * options.pageSize,
      take: options.pageSize,
      select: {
        id: true,
        dueAt: true,
        completedAt: true,
        lastRemindedAt: true,
        createdAt: true,
        user: { select: { id: true, name: true, externalId: true, team: { select: { name: true } } } },
      },
    }),
    db.assignmentRecipient.count({ where }),
    recipientCounts([id], scope, now),
    teamNames([row.targetTeamId]),
  ]);
  const progress = await progressOf(
    row,
    recipients.map((recipient) => ({ userId: recipient.user.id, since: recipient.createdAt })),
  );
  return {
    assignment: present(row, teams),
    counts: counts.get(id) ?? { total: 0, completed: 0, overdue: 0 },
    total,
    recipients: recipients.map((recipient) => {
      const started = progress.get(recipient.user.id) ?? null;
      return {
        id: recipient.id,
        name: recipient.user.name,
        externalId: recipient.user.externalId,
        team: recipient.user.team?.name ?? null,
        dueAt: recipient.dueAt?.toISOString() ?? null,
        completedAt: recipient.completedAt?.toISOString() ?? null,
        lastRemindedAt: recipient.lastRemindedAt?.toISOString() ?? null,
        status: recipientStatus(recipient, started !== null, now),
        progress: started,
      };
    }),
  };
}

/**
 * How far each person got, for the page's recipients only: a course's latest round (lessons done / total), a
 * path's completed courses, an exam's attempts since the assignment. null = not started.
 */
async function progressOf(row: AssignmentRow, people: { userId: string; since: Date }[]) {
  const result = new Map<string, string | null>();
  const userIds = people.map((person) => person.userId);
  if (userIds.length === 0) return result;
  if (row.kind === "course" && row.courseId) {
    const rounds = await db.courseEnrollment.findMany({
      where: { courseId: row.courseId, userId: { in: userIds } },
      orderBy: { round: "desc" },
      distinct: ["userId"],
      select: {
        userId: true,
        startedAt: true,
        status: true,
        versionId: true,
        _count: { select: { lessons: { where: { completedAt: { not: null } } } } },
        version: { select: { _count: { select: { lessons: true } } } },
      },
    });
    for (const round of rounds) {
      if (round.status === "not_started" && !round.startedAt) continue;
      result.set(round.userId, `${round._count.lessons}/${round.version._count.lessons}`);
    }
  } else if (row.kind === "path" && row.pathId) {
    const items = await db.learningPathItem.findMany({ where: { pathId: row.pathId }, select: { courseId: true } });
    const courseIds = items.map((item) => item.courseId);
    const rows = await db.courseEnrollment.groupBy({
      by: ["userId", "courseId"],
      where: {
        userId: { in: userIds },
        courseId: { in: courseIds },
        OR: [{ startedAt: { not: null } }, { status: { not: "not_started" } }],
      },
      _max: { completedAt: true },
    });
    const byUser = new Map<string, number>();
    const started = new Set<string>();
    for (const entry of rows) {
      started.add(entry.userId);
      if (entry._max.completedAt) byUser.set(entry.userId, (byUser.get(entry.userId) ?? 0) + 1);
    }
    for (const userId of started) result.set(userId, `${byUser.get(userId) ?? 0}/${courseIds.length}`);
  } else if (row.kind === "exam" && row.examId) {
    const attempts = await db.examAttempt.groupBy({
      by: ["userId"],
      where: { examId: row.examId, userId: { in: userIds }, startedAt: { gte: row.createdAt } },
      _count: { _all: true },
    });
    for (const entry of attempts) result.set(entry.userId, String(entry._count._all));
  }
  return result;
}
