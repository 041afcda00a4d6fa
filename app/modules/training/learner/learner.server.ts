/**
 * The learner side of training: catalogue, course overview, lessons (view, complete, heartbeat), switching an
 * in-progress enrollment to a newly published version, "my learning" and path progress.
 *
 * Enrollment rules: an enrollment is pinned to a course version. The learner's current enrollment of a course is
 * its latest round; the first open of a published course creates round 1 on the published version (later rounds
 * are created by remediation/renewal elsewhere). A learner sees only published courses, or the version of their
 * own enrollment (an archived course they started stays readable); drafts never.
 *
 * Time spent: the last activity on the enrollment (its updatedAt: opening a lesson, a heartbeat, a completion)
 * is the reference; a heartbeat credits min(elapsed, 60 s) to the lesson and the enrollment, and only if no other
 * tab moved the reference in between (so two open tabs do not count twice).
 */
import { recordAudit } from "~/modules/audit/audit.server";
import { recordCourseCompleted } from "~/modules/training/completion.server";
import { db, Prisma } from "~/utils/db.server";
import {
  carryOverPlan,
  daysOverdue,
  heartbeatCredit,
  neighbours,
  nextLesson,
  percentDone,
  type CourseType,
  type OrderedLesson,
} from "./learner";
import {
  currentEnrollmentFigures,
  onboardingFigures,
  pathFigures,
  publishedLessonCounts,
} from "../progress/progress-queries.server";

type Tx = Prisma.TransactionClient;

// ───────────────────────────── catalogue ─────────────────────────────

export type CatalogueFilter = { type: CourseType | null; tag: string | null; q: string | null };

export async function catalogue(userId: string, filter: CatalogueFilter, page: number, pageSize: number) {
  const where: Prisma.CourseWhereInput = {
    status: "published",
    publishedVersionId: { not: null },
    ...(filter.type ? { type: filter.type } : {}),
    ...(filter.tag ? { tags: { has: filter.tag } } : {}),
    ...(filter.q
      ? {
          OR: [
            { title: { contains: filter.q, mode: "insensitive" } },
            { summary: { contains: filter.q, mode: "insensitive" } },
          ],
        }
      : {}),
  };
  const [total, courses, tagRows] = await Promise.all([
    db.course.count({ where }),
    db.course.findMany({
      where,
      orderBy: [{ type: "asc" }, { title: "asc" }],
      skip: (page - 1) * pageSize,
      take: pageSize,
      select: {
        id: true,
        title: true,
        summary: true,
        type: true,
        tags: true,
        publishedVersion: { select: { id: true, estimatedMinutes: true, _count: { select: { lessons: true } } } },
      },
    }),
    db.$queryRaw<{ tag: string }[]>`
      SELECT DISTINCT t."tag" FROM "Course" c, UNNEST(c."tags") AS t("tag")
      WHERE c."status" = 'published' ORDER BY t."tag"`,
  ]);
  const mine = await currentEnrollmentFigures(
    userId,
    courses.map((course) => course.id),
  );
  return {
    total,
    tags: tagRows.map((row) => row.tag),
    rows: courses.map((course) => {
      const enrollment = mine.get(course.id);
      return {
        id: course.id,
        title: course.title,
        summary: course.summary,
        type: course.type,
        tags: course.tags,
        minutes: course.publishedVersion?.estimatedMinutes ?? 0,
        lessons: course.publishedVersion?._count.lessons ?? 0,
        status: enrollment?.status ?? null,
        percent: enrollment ? percentDone(enrollment.done, enrollment.total) : 0,
      };
    }),
  };
}

// ───────────────────────────── enrollment and course view ─────────────────────────────

async function latestEnrollment(client: Tx | typeof db, userId: string, courseId: string) {
  return client.courseEnrollment.findFirst({ where: { userId, courseId }, orderBy: { round: "desc" } });
}

/** The version the learner may read: their enrollment's, else the published one of a published course. */
async function readableVersion(client: Tx | typeof db, userId: string, courseId: string) {
  const course = await client.course.findUnique({
    where: { id: courseId },
    select: { id: true, status: true, publishedVersionId: true, title: true, type: true, tags: true },
  });
  if (!course) return null;
  const enrollment = await latestEnrollment(client, userId, courseId);
  if (enrollment) return { course, enrollment, versionId: enrollment.versionId };
  if (course.status !== "published" || !course.publishedVersionId) return null;
  return { course, enrollment: null, versionId: course.publishedVersionId };
}

/** Lessons of a version in course order (module position, then lesson position). */
async function orderedLessons(client: Tx | typeof db, versionId: string) {
  return client.lesson.findMany({
    where: { versionId },
    orderBy: [{ module: { position: "asc" } }, { position: "asc" }],
    select: { id: true, key: true, title: true, estimatedMinutes: true, moduleId: true, contentHash: true },
  });
}

async function completedLessonIds(client: Tx | typeof db, enrollmentId: string | null, versionId: string) {
  if (!enrollmentId) return new Set<string>();
  const rows = await client.lessonProgress.findMany({
    where: { enrollmentId, completedAt: { not: null }, lesson: { versionId } },
    select: { lessonId: true },
  });
  return new Set(rows.map((row) => row.lessonId));
}

/** Course overview for the learner, or null (404) when they may not see it. */
export async function courseOverview(userId: string, courseId: string) {
  const readable = await readableVersion(db, userId, courseId);
  if (!readable) return null;
  const { course, enrollment, versionId } = readable;
  const [version, lessons, done, viewed] = await Promise.all([
    db.courseVersion.findUniqueOrThrow({
      where: { id: versionId },
      select: {
        id: true,
        version: true,
        status: true,
        title: true,
        summary: true,
        estimatedMinutes: true,
        modules: { orderBy: { position: "asc" }, select: { id: true, title: true } },
      },
    }),
    orderedLessons(db, versionId),
    completedLessonIds(db, enrollment?.id ?? null, versionId),
    enrollment
      ? db.lessonProgress.findMany({ where: { enrollmentId: enrollment.id }, select: { lessonId: true } })
      : Promise.resolve([]),
  ]);
  if (version.status === "draft") return null;
  const viewedIds = new Set(viewed.map((row) => row.lessonId));
  const next = nextLesson(lessons, done);
  const newVersion =
    enrollment &&
    enrollment.status === "in_progress" &&
    course.status === "published" &&
    course.publishedVersionId &&
    course.publishedVersionId !== enrollment.versionId
      ? await db.courseVersion.findUnique({
          where: { id: course.publishedVersionId },
          select: { version: true, publishedAt: true },
        })
      : null;
  return {
    course: { id: course.id, type: course.type, tags: course.tags },
    version: {
      id: version.id,
      version: version.version,
      status: version.status,
      title: version.title,
      summary: version.summary,
      estimatedMinutes: version.estimatedMinutes,
    },
    modules: version.modules.map((module) => ({
      id: module.id,
      title: module.title,
      lessons: lessons
        .filter((lesson) => lesson.moduleId === module.id)
        .map((lesson) => ({
          id: lesson.id,
          title: lesson.title,
          minutes: lesson.estimatedMinutes,
          completed: done.has(lesson.id),
          viewed: viewedIds.has(lesson.id),
        })),
    })),
    enrollment: enrollment
      ? {
          status: enrollment.status,
          round: enrollment.round,
          startedAt: enrollment.startedAt,
          completedAt: enrollment.completedAt,
          timeSpentSeconds: enrollment.timeSpentSeconds,
        }
      : null,
    lessonsDone: done.size,
    lessonsTotal: lessons.length,
    minutesDone: lessons.filter((lesson) => done.has(lesson.id)).reduce((sum, l) => sum + l.estimatedMinutes, 0),
    percent: percentDone(done.size, lessons.length),
    nextLessonId: next?.id ?? lessons[0]?.id ?? null,
    newVersion,
  };
}

async function createFirstEnrollment(userId: string, courseId: string, versionId: string) {
  try {
    return await db.courseEnrollment.create({ data: { userId, courseId, versionId, round: 1 } });
  } catch (error) {
    // Two tabs opened the course at once: the other one created it.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      return db.courseEnrollment.findFirstOrThrow({ where: { userId, courseId }, orderBy: { round: "desc" } });
    }
    throw error;
  }
}

/** The learner's current enrollment, created (round 1, published version) on first open. Null = may not open. */
export async function ensureEnrollment(userId: string, courseId: string) {
  const readable = await readableVersion(db, userId, courseId);
  if (!readable) return null;
  return readable.enrollment ?? createFirstEnrollment(userId, courseId, readable.versionId);
}

/** Start/continue: the lesson to open (first not completed, else the first). Null = may not open. */
export async function startCourse(userId: string, courseId: string) {
  const enrollment = await ensureEnrollment(userId, courseId);
  if (!enrollment) return null;
  const lessons = await orderedLessons(db, enrollment.versionId);
  const done = await completedLessonIds(db, enrollment.id, enrollment.versionId);
  return (nextLesson(lessons, done) ?? lessons[0] ?? null)?.id ?? null;
}

export type LessonOpen =
  | { kind: "notFound" }
  | { kind: "redirect"; lessonId: string }
  | { kind: "ok"; lesson: Awaited<ReturnType<typeof lessonView>> };

/**
 * Opens a lesson: creates the enrollment on first open, records the view, and returns the page data. A lesson of
 * another version of the same course redirects to the same lesson (by key) in the learner's version.
 */
export async function openLesson(
  userId: string,
  courseId: string,
  lessonId: string,
  now = new Date(),
): Promise<LessonOpen> {
  const enrollment = await ensureEnrollment(userId, courseId);
  if (!enrollment) return { kind: "notFound" };
  const lesson = await db.lesson.findUnique({
    where: { id: lessonId },
    select: { id: true, key: true, versionId: true, version: { select: { courseId: true } } },
  });
  if (!lesson || lesson.version.courseId !== courseId) return { kind: "notFound" };
  if (lesson.versionId !== enrollment.versionId) {
    const same = await db.lesson.findUnique({
      where: { versionId_key: { versionId: enrollment.versionId, key: lesson.key } },
      select: { id: true },
    });
    return same ? { kind: "redirect", lessonId: same.id } : { kind: "notFound" };
  }
  await db.$transaction(async (tx) => {
    await tx.lessonProgress.upsert({
      where: { enrollmentId_lessonId: { enrollmentId: enrollment.id, lessonId } },
      create: { enrollmentId: enrollment.id, lessonId, firstViewedAt: now },
      update: {},
    });
    await tx.courseEnrollment.update({
      where: { id: enrollment.id },
      data: {
        lastLessonId: lessonId,
        updatedAt: now,
        ...(enrollment.status === "not_started" ? { status: "in_progress", startedAt: now } : {}),
      },
    });
  });
  return { kind: "ok", lesson: await lessonView(enrollment.id, enrollment.versionId, lessonId) };
}

async function lessonView(enrollmentId: string, versionId: string, lessonId: string) {
  const [lesson, lessons, done, enrollment] = await Promise.all([
    db.lesson.findUniqueOrThrow({
      where: { id: lessonId },
      select: {
        id: true,
        title: true,
        body: true,
        estimatedMinutes: true,
        module: { select: { title: true } },
        version: { select: { title: true, version: true } },
        progress: { where: { enrollmentId }, select: { completedAt: true, timeSpentSeconds: true } },
      },
    }),
    orderedLessons(db, versionId),
    completedLessonIds(db, enrollmentId, versionId),
    db.courseEnrollment.findUniqueOrThrow({
      where: { id: enrollmentId },
      select: { status: true, timeSpentSeconds: true, completedAt: true },
    }),
  ]);
  const around = neighbours(lessons, lessonId);
  const modules = await db.courseModule.findMany({
    where: { versionId },
    orderBy: { position: "asc" },
    select: { id: true, title: true },
  });
  return {
    id: lesson.id,
    title: lesson.title,
    body: lesson.body,
    minutes: lesson.estimatedMinutes,
    moduleTitle: lesson.module.title,
    courseTitle: lesson.version.title,
    completedAt: lesson.progress[0]?.completedAt ?? null,
    timeSpentSeconds: lesson.progress[0]?.timeSpentSeconds ?? 0,
    previous: around.previous ? { id: around.previous.id, title: around.previous.title } : null,
    next: around.next ? { id: around.next.id, title: around.next.title } : null,
    outline: modules.map((module) => ({
      id: module.id,
      title: module.title,
      lessons: lessons
        .filter((row) => row.moduleId === module.id)
        .map((row) => ({ id: row.id, title: row.title, completed: done.has(row.id) })),
    })),
    enrollment: {
      ...enrollment,
      percent: percentDone(done.size, lessons.length),
      done: done.size,
      total: lessons.length,
    },
  };
}

/** The learner's current enrollment when the lesson belongs to its version, else null. */
async function enrollmentForLesson(tx: Tx, userId: string, courseId: string, lessonId: string) {
  const enrollment = await latestEnrollment(tx, userId, courseId);
  if (!enrollment) return null;
  const lesson = await tx.lesson.findFirst({ where: { id: lessonId, versionId: enrollment.versionId } });
  return lesson ? enrollment : null;
}

/**
 * Marks a lesson complete (idempotent). Completing the last lesson completes the enrollment and closes the
 * course's assignments (and any path this finishes) in the same transaction. Null = not the learner's lesson.
 */
export async function completeLesson(userId: string, courseId: string, lessonId: string, now = new Date()) {
  if (!(await ensureEnrollment(userId, courseId))) return null;
  return db.$transaction(async (tx) => {
    const enrollment = await enrollmentForLesson(tx, userId, courseId, lessonId);
    if (!enrollment) return null;
    await tx.lessonProgress.upsert({
      where: { enrollmentId_lessonId: { enrollmentId: enrollment.id, lessonId } },
      create: { enrollmentId: enrollment.id, lessonId, firstViewedAt: now, completedAt: now },
      update: {},
    });
    await tx.lessonProgress.updateMany({
      where: { enrollmentId: enrollment.id, lessonId, completedAt: null },
      data: { completedAt: now },
    });
    const settled = await settleEnrollment(tx, enrollment, now, lessonId);
    const lesson = await tx.lesson.findUniqueOrThrow({
      where: { id: lessonId },
      select: { title: true, version: { select: { title: true } } },
    });
    return { ...settled, titles: { title: lesson.title, courseTitle: lesson.version.title } };
  });
}

/** Brings the enrollment's status in line with its lessons; completes it (and what it closes) when all are done. */
async function settleEnrollment(
  tx: Tx,
  enrollment: {
    id: string;
    userId: string;
    courseId: string;
    versionId: string;
    status: string;
    startedAt: Date | null;
  },
  now: Date,
  lastLessonId: string | null,
) {
  const [total, done] = await Promise.all([
    tx.lesson.count({ where: { versionId: enrollment.versionId } }),
    tx.lessonProgress.count({
      where: { enrollmentId: enrollment.id, completedAt: { not: null }, lesson: { versionId: enrollment.versionId } },
    }),
  ]);
  const finished = total > 0 && done >= total;
  const becameComplete = finished && enrollment.status !== "completed";
  await tx.courseEnrollment.update({
    where: { id: enrollment.id },
    data: {
      updatedAt: now,
      ...(lastLessonId ? { lastLessonId } : {}),
      ...(enrollment.startedAt ? {} : { startedAt: now }),
      ...(becameComplete
        ? { status: "completed", completedAt: now }
        : enrollment.status === "not_started"
          ? { status: "in_progress" }
          : {}),
    },
  });
  if (becameComplete) await recordCourseCompleted(tx, enrollment.userId, enrollment.courseId, now);
  return { courseCompleted: becameComplete, done, total };
}

/** Adds study time to a viewed lesson and its enrollment (trusted amount: heartbeat and seed use it). */
export async function addStudyTime(tx: Tx, enrollmentId: string, lessonId: string, seconds: number, at: Date) {
  await tx.lessonProgress.upsert({
    where: { enrollmentId_lessonId: { enrollmentId, lessonId } },
    create: { enrollmentId, lessonId, firstViewedAt: at, timeSpentSeconds: seconds },
    update: { timeSpentSeconds: { increment: seconds } },
  });
  await tx.courseEnrollment.update({
    where: { id: enrollmentId },
    data: { timeSpentSeconds: { increment: seconds }, updatedAt: at },
  });
}

/**
 * A heartbeat from a visible lesson tab: credits min(seconds since the last activity, 60) unless another
 * heartbeat moved the last activity meanwhile. Returns the seconds credited, or null when not the learner's lesson.
 */
export async function heartbeat(userId: string, courseId: string, lessonId: string, now = new Date()) {
  return db.$transaction(async (tx) => {
    const enrollment = await enrollmentForLesson(tx, userId, courseId, lessonId);
    if (!enrollment) return null;
    const credit = heartbeatCredit(enrollment.updatedAt, now);
    if (credit === 0) return 0;
    const claimed = await tx.courseEnrollment.updateMany({
      where: { id: enrollment.id, updatedAt: enrollment.updatedAt },
      data: { updatedAt: now },
    });
    if (claimed.count === 0) return 0;
    await addStudyTime(tx, enrollment.id, lessonId, credit, now);
    return credit;
  });
}

/**
 * Moves an in-progress enrollment to the course's published version. Progress of lessons whose key and content
 * hash are unchanged moves to the new lesson; other rows stay on the old version's lessons (history) and no
 * longer count. Returns null when there is nothing to switch.
 */
export async function switchToPublishedVersion(
  userId: string,
  courseId: string,
  actor: { ipAddress?: string | null },
  now = new Date(),
) {
  return db.$transaction(async (tx) => {
    const course = await tx.course.findUnique({
      where: { id: courseId },
      select: { status: true, publishedVersionId: true },
    });
    const enrollment = await latestEnrollment(tx, userId, courseId);
    if (
      !course ||
      course.status !== "published" ||
      !course.publishedVersionId ||
      !enrollment ||
      enrollment.status !== "in_progress" ||
      enrollment.versionId === course.publishedVersionId
    ) {
      return null;
    }
    const fromVersionId = enrollment.versionId;
    const toVersionId = course.publishedVersionId;
    const [progress, target] = await Promise.all([
      tx.lessonProgress.findMany({
        where: { enrollmentId: enrollment.id, lesson: { versionId: fromVersionId } },
        select: { id: true, lesson: { select: { key: true, contentHash: true } } },
      }),
      tx.lesson.findMany({ where: { versionId: toVersionId }, select: { id: true, key: true, contentHash: true } }),
    ]);
    const plan = carryOverPlan(
      progress.map((row) => ({ id: row.id, lessonKey: row.lesson.key, contentHash: row.lesson.contentHash })),
      target,
    );
    for (const { row, lessonId } of plan.keep) {
      await tx.lessonProgress.update({ where: { id: row.id }, data: { lessonId } });
    }
    const lastLesson = enrollment.lastLessonId
      ? await tx.lesson.findUnique({ where: { id: enrollment.lastLessonId }, select: { key: true } })
      : null;
    const mappedLast = target.find((lesson) => lesson.key === lastLesson?.key);
    await tx.courseEnrollment.update({
      where: { id: enrollment.id },
      data: { versionId: toVersionId, lastLessonId: mappedLast?.id ?? null, updatedAt: now },
    });
    const settled = await settleEnrollment(tx, { ...enrollment, versionId: toVersionId }, now, mappedLast?.id ?? null);
    const [from, to] = await Promise.all([
      tx.courseVersion.findUniqueOrThrow({ where: { id: fromVersionId }, select: { version: true } }),
      tx.courseVersion.findUniqueOrThrow({ where: { id: toVersionId }, select: { version: true } }),
    ]);
    await recordAudit(
      {
        actorId: userId,
        action: "training.enrollment.switch-version",
        entityType: "CourseEnrollment",
        entityId: enrollment.id,
        before: { version: from.version, versionId: fromVersionId },
        after: {
          version: to.version,
          versionId: toVersionId,
          keptLessons: plan.keep.length,
          droppedLessons: plan.drop.length,
        },
        ipAddress: actor.ipAddress ?? null,
      },
      tx,
    );
    return { kept: plan.keep.length, dropped: plan.drop.length, version: to.version, ...settled };
  });
}

// ───────────────────────────── my learning ─────────────────────────────

export type DueItem = {
  id: string;
  kind: "course" | "path" | "exam";
  reason: string;
  title: string;
  href: string;
  dueAt: Date | null;
  overdue: boolean;
  daysOverdue: number;
  assignedAt: Date;
  progress: { done: number; total: number; percent: number } | null;
};

/** Open assignments of the learner, soonest due first (undated last). */
export async function dueItems(userId: string, now: Date, take: number): Promise<{ rows: DueItem[]; total: number }> {
  const where: Prisma.AssignmentRecipientWhereInput = { userId, completedAt: null };
  const [total, recipients] = await Promise.all([
    db.assignmentRecipient.count({ where }),
    db.assignmentRecipient.findMany({
      where,
      orderBy: [{ dueAt: { sort: "asc", nulls: "last" } }, { createdAt: "asc" }],
      take,
      select: {
        id: true,
        dueAt: true,
        createdAt: true,
        assignment: {
          select: {
            kind: true,
            reason: true,
            course: { select: { id: true, title: true } },
            path: { select: { id: true, title: true } },
            exam: { select: { id: true, title: true } },
          },
        },
      },
    }),
  ]);
  const courseIds = recipients.flatMap((row) => (row.assignment.course ? [row.assignment.course.id] : []));
  const pathIds = [...new Set(recipients.flatMap((row) => (row.assignment.path ? [row.assignment.path.id] : [])))];
  const [courses, paths, published] = await Promise.all([
    currentEnrollmentFigures(userId, courseIds),
    pathFigures(pathIds.map((pathId) => ({ userId, pathId }))),
    publishedLessonCounts(courseIds),
  ]);
  const pathById = new Map(paths.map((row) => [row.pathId, row]));
  const rows = recipients.map((row): DueItem => {
    const { kind, reason, course, path, exam } = row.assignment;
    let title = "";
    let href = "/learn";
    let progress: DueItem["progress"] = null;
    if (kind === "course" && course) {
      title = course.title;
      href = `/learn/courses/${course.id}`;
      const figures = courses.get(course.id);
      progress = figures
        ? { done: figures.done, total: figures.total, percent: percentDone(figures.done, figures.total) }
        : { done: 0, total: published.get(course.id) ?? 0, percent: 0 };
    } else if (kind === "path" && path) {
      title = path.title;
      href = `/learn/paths/${path.id}`;
      const figures = pathById.get(path.id);
      progress = figures
        ? {
            done: figures.coursesDone,
            total: figures.coursesTotal,
            percent: percentDone(figures.coursesDone, figures.coursesTotal),
          }
        : null;
    } else if (kind === "exam" && exam) {
      title = exam.title;
      href = `/learn/exams/${exam.id}`;
    }
    return {
      id: row.id,
      kind,
      reason,
      title,
      href,
      dueAt: row.dueAt,
      overdue: row.dueAt !== null && row.dueAt < now,
      daysOverdue: row.dueAt ? daysOverdue(row.dueAt, now) : 0,
      assignedAt: row.createdAt,
      progress,
    };
  });
  return { rows, total };
}

const CONTINUE_LIMIT = 12;

/** In-progress courses (current rounds) with percent done and the lesson to continue with, latest activity first. */
export async function continueLearning(userId: string) {
  const enrollments = await db.courseEnrollment.findMany({
    where: { userId, status: "in_progress" },
    orderBy: { updatedAt: "desc" },
    take: CONTINUE_LIMIT,
    select: {
      id: true,
      courseId: true,
      versionId: true,
      round: true,
      updatedAt: true,
      timeSpentSeconds: true,
      version: { select: { title: true } },
      course: { select: { type: true, publishedVersionId: true, status: true } },
    },
  });
  return Promise.all(
    enrollments.map(async (enrollment) => {
      const [lessons, done] = await Promise.all([
        orderedLessons(db, enrollment.versionId),
        completedLessonIds(db, enrollment.id, enrollment.versionId),
      ]);
      const next: OrderedLesson | null = nextLesson(lessons, done);
      return {
        courseId: enrollment.courseId,
        title: enrollment.version.title,
        type: enrollment.course.type,
        round: enrollment.round,
        lastActivityAt: enrollment.updatedAt,
        timeSpentSeconds: enrollment.timeSpentSeconds,
        done: done.size,
        total: lessons.length,
        percent: percentDone(done.size, lessons.length),
        next: next ? { id: next.id, title: next.title } : null,
        newVersion:
          enrollment.course.status === "published" &&
          enrollment.course.publishedVersionId !== null &&
          enrollment.course.publishedVersionId !== enrollment.versionId,
      };
    }),
  );
}

export type HistoryRow = { kind: "course" | "path"; id: string; title: string; completedAt: Date; round: number };

/** Completed courses (each round) and completed paths, newest first, paginated in SQL. */
export async function learningHistory(userId: string, page: number, pageSize: number) {
  const history = Prisma.sql`
    SELECT 'course' AS "kind", e."courseId" AS "id", v."title" AS "title", e."completedAt" AS "completedAt",
      e."round" AS "round"
    FROM "CourseEnrollment" e JOIN "CourseVersion" v ON v."id" = e."versionId"
    WHERE e."userId" = ${userId} AND e."status" = 'completed' AND e."completedAt" IS NOT NULL
    UNION ALL
    SELECT 'path', p."id", p."title", MAX(r."completedAt"), 1
    FROM "AssignmentRecipient" r JOIN "LearningAssignment" a ON a."id" = r."assignmentId"
    JOIN "LearningPath" p ON p."id" = a."pathId"
    WHERE r."userId" = ${userId} AND a."kind" = 'path' AND r."completedAt" IS NOT NULL
    GROUP BY p."id", p."title"`;
  const [rows, count] = await Promise.all([
    db.$queryRaw<HistoryRow[]>`
      SELECT * FROM (${history}) h ORDER BY h."completedAt" DESC, h."title"
      LIMIT ${pageSize} OFFSET ${(page - 1) * pageSize}`,
    db.$queryRaw<{ total: number }[]>`SELECT COUNT(*)::int AS "total" FROM (${history}) h`,
  ]);
  return { rows, total: count[0]?.total ?? 0 };
}

/** The learner's onboarding path figures, or null when they have no path with required hours. */
export async function myOnboarding(userId: string) {
  return (await onboardingFigures([userId])).get(userId) ?? null;
}

// ───────────────────────────── paths ─────────────────────────────

/** A path for the learner: published, or assigned to them. Null = 404. */
export async function pathForLearner(userId: string, pathId: string) {
  const path = await db.learningPath.findUnique({
    where: { id: pathId },
    select: {
      id: true,
      title: true,
      description: true,
      status: true,
      audienceLevel: true,
      requiredHours: true,
      items: {
        orderBy: { position: "asc" },
        select: {
          course: {
            select: {
              id: true,
              title: true,
              type: true,
              status: true,
              publishedVersion: { select: { estimatedMinutes: true, _count: { select: { lessons: true } } } },
            },
          },
        },
      },
    },
  });
  if (!path) return null;
  const assignment = await db.assignmentRecipient.findFirst({
    where: { userId, assignment: { kind: "path", pathId } },
    orderBy: { createdAt: "desc" },
    select: { dueAt: true, completedAt: true, createdAt: true },
  });
  if (path.status !== "published" && !assignment) return null;
  const courseIds = path.items.map((item) => item.course.id);
  const [mine, figures, completedCourses] = await Promise.all([
    currentEnrollmentFigures(userId, courseIds),
    pathFigures([{ userId, pathId }]),
    db.courseEnrollment.findMany({
      where: { userId, courseId: { in: courseIds }, status: "completed" },
      distinct: ["courseId"],
      select: { courseId: true },
    }),
  ]);
  const completedSet = new Set(completedCourses.map((row) => row.courseId));
  const totals = figures[0] ?? {
    coursesTotal: courseIds.length,
    coursesDone: 0,
    minutesTotal: 0,
    minutesDone: 0,
    timeSpentSeconds: 0,
  };
  return {
    path: {
      id: path.id,
      title: path.title,
      description: path.description,
      level: path.audienceLevel,
      requiredHours: path.requiredHours,
    },
    assignment,
    totals,
    courses: path.items.map(({ course }, index) => {
      const enrollment = mine.get(course.id);
      const completed = completedSet.has(course.id);
      return {
        position: index + 1,
        id: course.id,
        title: course.title,
        type: course.type,
        available: course.status === "published" || Boolean(enrollment),
        minutes: course.publishedVersion?.estimatedMinutes ?? 0,
        lessons: course.publishedVersion?._count.lessons ?? 0,
        status: completed ? ("completed" as const) : (enrollment?.status ?? null),
        percent: completed ? 100 : enrollment ? percentDone(enrollment.done, enrollment.total) : 0,
      };
    }),
  };
}
