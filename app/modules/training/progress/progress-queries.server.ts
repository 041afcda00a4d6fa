/**
 * Per-learner progress figures computed in SQL, shared by the learner pages, the homes and the reports.
 * "Minutes done" of a course = the estimated minutes of the completed lessons of the learner's best enrollment
 * (any round, lessons of that enrollment's version only); "time spent" = heartbeat seconds over every round.
 */
import { db, Prisma } from "~/utils/db.server";

type Client = Pick<typeof db, "$queryRaw">;

export type CoursePercentRow = {
  courseId: string;
  enrollmentId: string;
  status: "not_started" | "in_progress" | "completed";
  versionId: string;
  done: number;
  total: number;
};

/** The current (latest-round) enrollment of each course for one learner, with lessons done / total. */
export async function currentEnrollmentFigures(
  userId: string,
  courseIds: string[],
  client: Client = db,
): Promise<Map<string, CoursePercentRow>> {
  if (courseIds.length === 0) return new Map();
  const rows = await client.$queryRaw<CoursePercentRow[]>`
    SELECT DISTINCT ON (e."courseId") e."courseId" AS "courseId", e."id" AS "enrollmentId", e."status"::text AS "status",
      e."versionId" AS "versionId",
      (SELECT COUNT(*)::int FROM "LessonProgress" lp JOIN "Lesson" l ON l."id" = lp."lessonId"
        WHERE lp."enrollmentId" = e."id" AND l."versionId" = e."versionId" AND lp."completedAt" IS NOT NULL) AS "done",
      (SELECT COUNT(*)::int FROM "Lesson" l WHERE l."versionId" = e."versionId") AS "total"
    FROM "CourseEnrollment" e
    WHERE e."userId" = ${userId} AND e."courseId" IN (${Prisma.join(courseIds)})
    ORDER BY e."courseId", e."round" DESC`;
  return new Map(rows.map((row) => [row.courseId, row]));
}

export type PathFigures = {
  userId: string;
  pathId: string;
  coursesTotal: number;
  coursesDone: number;
  minutesTotal: number;
  minutesDone: number;
  timeSpentSeconds: number;
};

/** Courses done / total, estimated minutes done / total and time spent for (learner, path) pairs. */
export async function pathFigures(
  pairs: { userId: string; pathId: string }[],
  client: Client = db,
): Promise<PathFigures[]> {
  if (pairs.length === 0) return [];
  const values = Prisma.join(pairs.map((pair) => Prisma.sql`(${pair.userId}, ${pair.pathId})`));
  return client.$queryRaw<PathFigures[]>`
    WITH up("userId", "pathId") AS (VALUES ${values}),
    pc AS (
      SELECT up."userId", up."pathId", i."courseId", COALESCE(cv."estimatedMinutes", 0) AS "total"
      FROM up JOIN "LearningPathItem" i ON i."pathId" = up."pathId"
      JOIN "Course" c ON c."id" = i."courseId"
      LEFT JOIN "CourseVersion" cv ON cv."id" = c."publishedVersionId"
    ),
    per_enrollment AS (
      SELECT e."userId", e."courseId", e."status", e."timeSpentSeconds",
        COALESCE((SELECT SUM(l."estimatedMinutes") FROM "LessonProgress" lp JOIN "Lesson" l ON l."id" = lp."lessonId"
          WHERE lp."enrollmentId" = e."id" AND l."versionId" = e."versionId" AND lp."completedAt" IS NOT NULL), 0) AS "minutes"
      FROM "CourseEnrollment" e
      WHERE e."userId" IN (SELECT "userId" FROM up) AND e."courseId" IN (SELECT "courseId" FROM pc)
    ),
    per_course AS (
      SELECT "userId", "courseId", MAX("minutes") AS "minutes", SUM("timeSpentSeconds") AS "seconds",
        BOOL_OR("status" = 'completed') AS "completed"
      FROM per_enrollment GROUP BY "userId", "courseId"
    )
    SELECT pc."userId", pc."pathId", COUNT(*)::int AS "coursesTotal",
      COUNT(*) FILTER (WHERE COALESCE(per_course."completed", FALSE))::int AS "coursesDone",
      COALESCE(SUM(pc."total"), 0)::int AS "minutesTotal",
      COALESCE(SUM(per_course."minutes"), 0)::int AS "minutesDone",
      COALESCE(SUM(per_course."seconds"), 0)::int AS "timeSpentSeconds"
    FROM pc LEFT JOIN per_course ON per_course."userId" = pc."userId" AND per_course."courseId" = pc."courseId"
    GROUP BY pc."userId", pc."pathId"`;
}

export type OnboardingRow = PathFigures & { pathTitle: string; requiredHours: number | null };

/**
 * The onboarding path of each learner — the most recently assigned path that has a required number of hours —
 * with its figures. Learners without such a path are absent from the map.
 */
export async function onboardingFigures(userIds: string[], client: Client = db): Promise<Map<string, OnboardingRow>> {
  if (userIds.length === 0) return new Map();
  const paths = await client.$queryRaw<{ userId: string; pathId: string; pathTitle: string; requiredHours: number }[]>`
    SELECT DISTINCT ON (r."userId") r."userId" AS "userId", p."id" AS "pathId", p."title" AS "pathTitle",
      p."requiredHours" AS "requiredHours"
    FROM "AssignmentRecipient" r
    JOIN "LearningAssignment" a ON a."id" = r."assignmentId"
    JOIN "LearningPath" p ON p."id" = a."pathId"
    WHERE a."kind" = 'path' AND p."requiredHours" IS NOT NULL AND r."userId" IN (${Prisma.join(userIds)})
    ORDER BY r."userId", r."createdAt" DESC`;
  const figures = await pathFigures(
    paths.map(({ userId, pathId }) => ({ userId, pathId })),
    client,
  );
  const byPair = new Map(figures.map((row) => [`${row.userId}|${row.pathId}`, row]));
  const result = new Map<string, OnboardingRow>();
  for (const path of paths) {
    const row = byPair.get(`${path.userId}|${path.pathId}`) ?? {
      userId: path.userId,
      pathId: path.pathId,
      coursesTotal: 0,
      coursesDone: 0,
      minutesTotal: 0,
      minutesDone: 0,
      timeSpentSeconds: 0,
    };
    result.set(path.userId, { ...row, pathTitle: path.pathTitle, requiredHours: path.requiredHours });
  }
  return result;
}

/** Lessons in the published version of each course (the total for a learner who has not started). */
export async function publishedLessonCounts(courseIds: string[], client: Client = db): Promise<Map<string, number>> {
  if (courseIds.length === 0) return new Map();
  const rows = await client.$queryRaw<{ courseId: string; total: number }[]>`
    SELECT c."id" AS "courseId", COUNT(l."id")::int AS "total"
    FROM "Course" c LEFT JOIN "Lesson" l ON l."versionId" = c."publishedVersionId"
    WHERE c."id" IN (${Prisma.join([...new Set(courseIds)])}) GROUP BY c."id"`;
  return new Map(rows.map((row) => [row.courseId, row.total]));
}
