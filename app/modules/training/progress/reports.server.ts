/**
 * Learning reports for trainers, managers (every team) and team leads (the teams they lead), aggregated in SQL.
 *
 * Unit of the completion table: a (learner, course) pair that was assigned — directly (course assignment) or
 * through a path assignment (each course of the path). A pair is completed when every assignment behind it is
 * done (course assignment: its recipient row is closed; path: the learner has a completed enrollment of the
 * course), in progress when not completed and the learner's current enrollment is in progress, overdue when not
 * completed and the earliest open due date has passed. The date filter is on when the work was assigned.
 */
import { accessLevel, type Permission } from "~/modules/identity/permissions";
import { dayIn, startOfDayIn } from "~/utils/calendar";
import { csvDocument } from "~/utils/csv";
import { db, Prisma } from "~/utils/db.server";
import { daysOverdue, onboardingSummary, percentDone, ratePercent } from "../learner/learner";
import {
  currentEnrollmentFigures,
  onboardingFigures,
  pathFigures,
  publishedLessonCounts,
} from "./progress-queries.server";

/** null teamIds = every team. */
export type ReportScope = { teamIds: string[] | null };
export type ScopeUser = { permissions: ReadonlySet<Permission>; ledTeamIds: string[] };

export function reportScope(user: ScopeUser): ReportScope | null {
  const level = accessLevel(user.permissions, "read", "learning-report");
  if (level === "any") return { teamIds: null };
  if (level === "team") return { teamIds: user.ledTeamIds };
  return null;
}

function scopeSql(scope: ReportScope): Prisma.Sql {
  if (scope.teamIds === null) return Prisma.sql`TRUE`;
  return scope.teamIds.length > 0 ? Prisma.sql`u."teamId" IN (${Prisma.join(scope.teamIds)})` : Prisma.sql`FALSE`;
}

export type ReportFilter = {
  teamId: string | null;
  courseId: string | null;
  pathId: string | null;
  /** Assigned on or after / before (exclusive) these instants. */
  from: Date | null;
  to: Date | null;
};

export const EMPTY_FILTER: ReportFilter = { teamId: null, courseId: null, pathId: null, from: null, to: null };

function filterSql(filter: ReportFilter, alias: { user: string; course: string; assigned: string }): Prisma.Sql {
  const parts: Prisma.Sql[] = [];
  if (filter.teamId) parts.push(Prisma.sql`${Prisma.raw(alias.user)}."teamId" = ${filter.teamId}`);
  if (filter.courseId) parts.push(Prisma.sql`${Prisma.raw(alias.course)} = ${filter.courseId}`);
  if (filter.pathId) {
    parts.push(
      Prisma.sql`${Prisma.raw(alias.course)} IN (SELECT "courseId" FROM "LearningPathItem" WHERE "pathId" = ${filter.pathId})`,
    );
  }
  if (filter.from) parts.push(Prisma.sql`${Prisma.raw(alias.assigned)} >= ${filter.from}`);
  if (filter.to) parts.push(Prisma.sql`${Prisma.raw(alias.assigned)} < ${filter.to}`);
  return parts.length === 0 ? Prisma.sql`TRUE` : Prisma.join(parts, " AND ");
}

export type CompletionRow = {
  teamId: string | null;
  teamName: string | null;
  courseId: string;
  courseTitle: string;
  assigned: number;
  completed: number;
  inProgress: number;
  overdue: number;
  completionPercent: number | null;
};

/** Completion by team × course within the scope and filter. */
export async function completionByTeamAndCourse(
  scope: ReportScope,
  filter: ReportFilter,
  now: Date,
): Promise<CompletionRow[]> {
  const rows = await db.$queryRaw<Omit<CompletionRow, "completionPercent">[]>`
    WITH assigned AS (
      SELECT r."userId", a."courseId", r."dueAt", r."createdAt", (r."completedAt" IS NOT NULL) AS "done"
      FROM "AssignmentRecipient" r JOIN "LearningAssignment" a ON a."id" = r."assignmentId"
      WHERE a."kind" = 'course' AND a."courseId" IS NOT NULL
      UNION ALL
      SELECT r."userId", i."courseId", r."dueAt", r."createdAt",
        (r."completedAt" IS NOT NULL OR EXISTS (SELECT 1 FROM "CourseEnrollment" e
          WHERE e."userId" = r."userId" AND e."courseId" = i."courseId" AND e."status" = 'completed')) AS "done"
      FROM "AssignmentRecipient" r JOIN "LearningAssignment" a ON a."id" = r."assignmentId"
      JOIN "LearningPathItem" i ON i."pathId" = a."pathId"
      WHERE a."kind" = 'path'
    ),
    pairs AS (
      SELECT s."userId", s."courseId", BOOL_AND(s."done") AS "done",
        MIN(s."dueAt") FILTER (WHERE NOT s."done") AS "dueAt"
      FROM assigned s JOIN "User" u ON u."id" = s."userId"
      WHERE u."status" = 'active' AND ${scopeSql(scope)} AND ${filterSql(filter, { user: "u", course: 's."courseId"', assigned: 's."createdAt"' })}
      GROUP BY s."userId", s."courseId"
    )
    SELECT u."teamId" AS "teamId", t."name" AS "teamName", c."id" AS "courseId", c."title" AS "courseTitle",
      COUNT(*)::int AS "assigned",
      COUNT(*) FILTER (WHERE p."done")::int AS "completed",
      COUNT(*) FILTER (WHERE NOT p."done" AND EXISTS (
        SELECT 1 FROM "CourseEnrollment" e WHERE e."userId" = p."userId" AND e."courseId" = p."courseId"
          AND e."status" = 'in_progress'))::int AS "inProgress",
      COUNT(*) FILTER (WHERE NOT p."done" AND p."dueAt" < ${now})::int AS "overdue"
    FROM pairs p JOIN "User" u ON u."id" = p."userId" LEFT JOIN "Team" t ON t."id" = u."teamId"
    JOIN "Course" c ON c."id" = p."courseId"
    GROUP BY u."teamId", t."name", c."id", c."title"
    ORDER BY t."name" NULLS LAST, c."title"`;
  return rows.map((row) => ({ ...row, completionPercent: ratePercent(row.completed, row.assigned) }));
}

export type ChartBar = { id: string; name: string; assigned: number; completed: number; percent: number };

/** Completion % per team and per course, summed from the team × course rows (already aggregated). */
export function completionCharts(rows: readonly CompletionRow[]) {
  const sum = (key: (row: CompletionRow) => string, name: (row: CompletionRow) => string) => {
    const map = new Map<string, ChartBar>();
    for (const row of rows) {
      const id = key(row);
      const bar = map.get(id) ?? { id, name: name(row), assigned: 0, completed: 0, percent: 0 };
      bar.assigned += row.assigned;
      bar.completed += row.completed;
      map.set(id, bar);
    }
    return [...map.values()].map((bar) => ({ ...bar, percent: ratePercent(bar.completed, bar.assigned) ?? 0 }));
  };
  const byTeam = sum(
    (row) => row.teamId ?? "",
    (row) => row.teamName ?? "",
  );
  const byCourse = sum(
    (row) => row.courseId,
    (row) => row.courseTitle,
  );
  const totals = byTeam.reduce(
    (acc, bar) => ({ assigned: acc.assigned + bar.assigned, completed: acc.completed + bar.completed }),
    { assigned: 0, completed: 0 },
  );
  return { byTeam, byCourse, totals };
}

export type OverdueRow = {
  recipientId: string;
  userId: string;
  userName: string;
  externalId: string;
  teamName: string | null;
  kind: "course" | "path" | "exam";
  itemId: string;
  itemTitle: string;
  dueAt: Date;
  daysOverdue: number;
  progress: { done: number; total: number; percent: number } | null;
};

function overdueWhere(scope: ReportScope, filter: ReportFilter, now: Date) {
  const itemFilter: Prisma.Sql[] = [];
  if (filter.courseId) itemFilter.push(Prisma.sql`a."kind" = 'course' AND a."courseId" = ${filter.courseId}`);
  if (filter.pathId) itemFilter.push(Prisma.sql`a."kind" = 'path' AND a."pathId" = ${filter.pathId}`);
  const items = itemFilter.length > 0 ? Prisma.sql`(${Prisma.join(itemFilter, " OR ")})` : Prisma.sql`TRUE`;
  const base = filterSql(
    { ...filter, courseId: null, pathId: null },
    { user: "u", course: 'a."courseId"', assigned: 'r."createdAt"' },
  );
  return Prisma.sql`r."completedAt" IS NULL AND r."dueAt" < ${now} AND u."status" = 'active'
    AND ${scopeSql(scope)} AND ${base} AND ${items}`;
}

type OverdueBase = Omit<OverdueRow, "daysOverdue" | "progress">;

async function overdueBase(scope: ReportScope, filter: ReportFilter, now: Date, limit: Prisma.Sql) {
  return db.$queryRaw<OverdueBase[]>`
    SELECT r."id" AS "recipientId", u."id" AS "userId", u."name" AS "userName", u."externalId" AS "externalId",
      t."name" AS "teamName", a."kind"::text AS "kind",
      COALESCE(a."courseId", a."pathId", a."examId") AS "itemId",
      COALESCE(c."title", p."title", x."title") AS "itemTitle", r."dueAt" AS "dueAt"
    FROM "AssignmentRecipient" r
    JOIN "LearningAssignment" a ON a."id" = r."assignmentId"
    JOIN "User" u ON u."id" = r."userId"
    LEFT JOIN "Team" t ON t."id" = u."teamId"
    LEFT JOIN "Course" c ON c."id" = a."courseId"
    LEFT JOIN "LearningPath" p ON p."id" = a."pathId"
    LEFT JOIN "Exam" x ON x."id" = a."examId"
    WHERE ${overdueWhere(scope, filter, now)}
    ORDER BY r."dueAt" ASC, u."externalId" ASC, r."id" ASC
    ${limit}`;
}

async function withProgress(rows: OverdueBase[], now: Date): Promise<OverdueRow[]> {
  const courseByUser = new Map<string, string[]>();
  for (const row of rows) {
    if (row.kind !== "course") continue;
    courseByUser.set(row.userId, [...(courseByUser.get(row.userId) ?? []), row.itemId]);
  }
  const courseFigures = new Map<string, { done: number; total: number }>();
  await Promise.all(
    [...courseByUser].map(async ([userId, courseIds]) => {
      const figures = await currentEnrollmentFigures(userId, courseIds);
      for (const [courseId, row] of figures) courseFigures.set(`${userId}|${courseId}`, row);
    }),
  );
  const published = await publishedLessonCounts(rows.filter((row) => row.kind === "course").map((row) => row.itemId));
  const paths = await pathFigures(
    rows.filter((row) => row.kind === "path").map((row) => ({ userId: row.userId, pathId: row.itemId })),
  );
  const pathByPair = new Map(paths.map((row) => [`${row.userId}|${row.pathId}`, row]));
  return rows.map((row) => {
    let progress: OverdueRow["progress"] = null;
    if (row.kind === "course") {
      const figures = courseFigures.get(`${row.userId}|${row.itemId}`) ?? {
        done: 0,
        total: published.get(row.itemId) ?? 0,
      };
      progress = { ...figures, percent: percentDone(figures.done, figures.total) };
    } else if (row.kind === "path") {
      const figures = pathByPair.get(`${row.userId}|${row.itemId}`);
      const done = figures?.coursesDone ?? 0;
      const total = figures?.coursesTotal ?? 0;
      progress = { done, total, percent: percentDone(done, total) };
    }
    return { ...row, daysOverdue: daysOverdue(row.dueAt, now), progress };
  });
}

/** Overdue assignment recipients (not completed, due date passed), oldest due first, paginated. */
export async function overdueList(scope: ReportScope, filter: ReportFilter, now: Date, page: number, pageSize: number) {
  const [count, rows] = await Promise.all([
    db.$queryRaw<{ total: number }[]>`
      SELECT COUNT(*)::int AS "total" FROM "AssignmentRecipient" r
      JOIN "LearningAssignment" a ON a."id" = r."assignmentId" JOIN "User" u ON u."id" = r."userId"
      WHERE ${overdueWhere(scope, filter, now)}`,
    overdueBase(scope, filter, now, Prisma.sql`LIMIT ${pageSize} OFFSET ${(page - 1) * pageSize}`),
  ]);
  return { total: count[0]?.total ?? 0, rows: await withProgress(rows, now) };
}

/** Every overdue row (CSV export), in the same order. */
export async function overdueAll(scope: ReportScope, filter: ReportFilter, now: Date) {
  return withProgress(await overdueBase(scope, filter, now, Prisma.empty), now);
}

export const COHORT_WINDOW_DAYS = 90;

export type CohortRow = {
  userId: string;
  name: string;
  externalId: string;
  teamName: string | null;
  hireDate: Date | null;
  pathTitle: string | null;
  minutesDone: number;
  minutesTotal: number;
  requiredHours: number | null;
  timeSpentSeconds: number;
  coursesDone: number;
  coursesTotal: number;
};

/** New hires of the last 90 days in scope, with onboarding hours done vs required. Most recent hires first. */
export async function onboardingCohort(
  scope: ReportScope,
  now: Date,
  options: { teamId?: string | null; take?: number } = {},
): Promise<CohortRow[]> {
  const since = new Date(now.getTime() - COHORT_WINDOW_DAYS * 86_400_000);
  const teamWhere: Prisma.UserWhereInput =
    scope.teamIds === null
      ? options.teamId
        ? { teamId: options.teamId }
        : {}
      : { teamId: { in: options.teamId ? scope.teamIds.filter((id) => id === options.teamId) : scope.teamIds } };
  const hires = await db.user.findMany({
    where: { status: "active", hireDate: { gte: since }, ...teamWhere },
    orderBy: [{ hireDate: "desc" }, { externalId: "asc" }],
    take: options.take ?? 100,
    select: { id: true, name: true, externalId: true, hireDate: true, team: { select: { name: true } } },
  });
  const figures = await onboardingFigures(hires.map((hire) => hire.id));
  return hires.map((hire) => {
    const row = figures.get(hire.id);
    return {
      userId: hire.id,
      name: hire.name,
      externalId: hire.externalId,
      teamName: hire.team?.name ?? null,
      hireDate: hire.hireDate,
      pathTitle: row?.pathTitle ?? null,
      minutesDone: row?.minutesDone ?? 0,
      minutesTotal: row?.minutesTotal ?? 0,
      requiredHours: row?.requiredHours ?? null,
      timeSpentSeconds: row?.timeSpentSeconds ?? 0,
      coursesDone: row?.coursesDone ?? 0,
      coursesTotal: row?.coursesTotal ?? 0,
    };
  });
}

/** Filter choices: teams in scope, published/assigned courses and paths. */
export async function reportFilterOptions(scope: ReportScope) {
  const [teams, courses, paths] = await Promise.all([
    db.team.findMany({
      where: scope.teamIds === null ? {} : { id: { in: scope.teamIds } },
      orderBy: { name: "asc" },
      select: { id: true, name: true },
    }),
    db.course.findMany({
      where: { OR: [{ status: "published" }, { assignments: { some: {} } }] },
      orderBy: { title: "asc" },
      select: { id: true, title: true },
    }),
    db.learningPath.findMany({
      where: { OR: [{ status: "published" }, { assignments: { some: {} } }] },
      orderBy: { title: "asc" },
      select: { id: true, title: true },
    }),
  ]);
  return { teams, courses, paths };
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Filter from the query string (?team, course, path, from, to as calendar days in the app time zone). */
export function readReportFilter(url: URL, timeZone: string) {
  const text = (name: string) => url.searchParams.get(name)?.trim() || null;
  const day = (name: string) => {
    const value = text(name);
    return value && ISO_DATE.test(value) && !Number.isNaN(Date.parse(value)) ? value : null;
  };
  const from = day("from");
  const to = day("to");
  const filter: ReportFilter = {
    teamId: text("team"),
    courseId: text("course"),
    pathId: text("path"),
    from: from ? startOfDayIn(from, timeZone) : null,
    to: to ? startOfDayIn(nextDay(to), timeZone) : null,
  };
  return {
    filter,
    values: {
      team: filter.teamId ?? "",
      course: filter.courseId ?? "",
      path: filter.pathId ?? "",
      from: from ?? "",
      to: to ?? "",
    },
  };
}

function nextDay(isoDate: string): string {
  const date = new Date(`${isoDate}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + 1);
  return date.toISOString().slice(0, 10);
}

/** Cohort rows with the hours figures the tables show. */
export function cohortView(rows: CohortRow[]) {
  return rows.map((row) => {
    const summary = onboardingSummary(row);
    return {
      userId: row.userId,
      name: row.name,
      externalId: row.externalId,
      teamName: row.teamName,
      hireDate: row.hireDate,
      pathTitle: row.pathTitle,
      hoursDone: summary.hoursDone,
      requiredHours: row.requiredHours,
      timeSpentSeconds: row.timeSpentSeconds,
      coursesDone: row.coursesDone,
      coursesTotal: row.coursesTotal,
      percent: row.pathTitle ? summary.percent : 0,
      met: row.pathTitle !== null && summary.met,
    };
  });
}

type Translate = (key: string, params?: Record<string, unknown>) => string;

/** The team × course table as CSV (header in the viewer's language). */
export function completionCsv(rows: CompletionRow[], t: Translate): string {
  const header = ["team", "course", "assigned", "completed", "inProgress", "overdue", "rate"].map((key) =>
    t(`training-learn:csv.${key}`),
  );
  return csvDocument(
    header,
    rows.map((row) => [
      row.teamName ?? t("training-learn:progress.table.noTeam"),
      row.courseTitle,
      row.assigned,
      row.completed,
      row.inProgress,
      row.overdue,
      row.completionPercent,
    ]),
  );
}

/** The overdue list as CSV; due dates as calendar days in the app time zone. */
export function overdueCsv(rows: OverdueRow[], t: Translate, timeZone: string): string {
  const header = [
    "externalId",
    "person",
    "team",
    "kind",
    "item",
    "dueAt",
    "daysOverdue",
    "done",
    "total",
    "percent",
  ].map((key) => t(`training-learn:csv.${key}`));
  return csvDocument(
    header,
    rows.map((row) => [
      row.externalId,
      row.userName,
      row.teamName ?? "",
      t(`training:assignmentKind.${row.kind}`),
      row.itemTitle,
      dayIn(row.dueAt, timeZone),
      row.daysOverdue,
      row.progress?.done ?? null,
      row.progress?.total ?? null,
      row.progress?.percent ?? null,
    ]),
  );
}
