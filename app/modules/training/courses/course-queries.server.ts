/** Read side of course authoring: the trainer's list, a course's overview, the draft editor and previews. */
import { renderMarkdown } from "~/modules/training/markdown.server";
import { db, type Prisma } from "~/utils/db.server";
import type { ContentStatus, CourseType } from "./course-rules";
import { versionStamp } from "./course-authoring.server";

export type CourseListFilter = {
  q?: string;
  type?: CourseType;
  status?: ContentStatus;
  page: number;
  pageSize: number;
};

type EnrollmentCounts = { enrolled: number; inProgress: number; completed: number };

function emptyCounts(): EnrollmentCounts {
  return { enrolled: 0, inProgress: 0, completed: 0 };
}

/** Learners per key (course or version) and status, from one grouped query. */
function countsBy<K extends string>(
  rows: ({ [key in K]: string } & { status: string; _count: { _all: number } })[],
  key: K,
): Map<string, EnrollmentCounts> {
  const counts = new Map<string, EnrollmentCounts>();
  for (const row of rows) {
    const entry = counts.get(row[key]) ?? emptyCounts();
    entry.enrolled += row._count._all;
    if (row.status === "in_progress") entry.inProgress += row._count._all;
    if (row.status === "completed") entry.completed += row._count._all;
    counts.set(row[key], entry);
  }
  return counts;
}

export async function listCourses(filter: CourseListFilter) {
  const q = filter.q?.trim();
  const where: Prisma.CourseWhereInput = {
    ...(q ? { OR: [{ title: { contains: q, mode: "insensitive" } }, { slug: { contains: q.toLowerCase() } }] } : {}),
    ...(filter.type ? { type: filter.type } : {}),
    ...(filter.status ? { status: filter.status } : {}),
  };
  const versionSelect = { version: true, estimatedMinutes: true, _count: { select: { lessons: true } } } as const;
  const [total, courses] = await Promise.all([
    db.course.count({ where }),
    db.course.findMany({
      where,
      orderBy: [{ updatedAt: "desc" }, { id: "asc" }],
      skip: (filter.page - 1) * filter.pageSize,
      take: filter.pageSize,
      select: {
        id: true,
        slug: true,
        title: true,
        type: true,
        status: true,
        source: true,
        tags: true,
        updatedAt: true,
        publishedVersion: { select: versionSelect },
        versions: { where: { status: "draft" }, select: versionSelect, take: 1 },
      },
    }),
  ]);
  const grouped = courses.length
    ? await db.courseEnrollment.groupBy({
        by: ["courseId", "status"],
        where: { courseId: { in: courses.map((course) => course.id) } },
        _count: { _all: true },
      })
    : [];
  const counts = countsBy(grouped, "courseId");
  const rows = courses.map((course) => {
    const shown = course.publishedVersion ?? course.versions[0] ?? null;
    const learners = counts.get(course.id) ?? emptyCounts();
    return {
      id: course.id,
      slug: course.slug,
      title: course.title,
      type: course.type,
      status: course.status,
      source: course.source,
      tags: course.tags,
      updatedAt: course.updatedAt,
      version: shown?.version ?? null,
      hasDraft: course.versions.length > 0,
      lessons: shown?._count.lessons ?? 0,
      minutes: shown?.estimatedMinutes ?? 0,
      enrolled: learners.enrolled,
      completed: learners.completed,
    };
  });
  return { rows, total };
}

/** The course with its versions (newest first) and learners per version. */
export async function getCourseOverview(courseId: string) {
  const course = await db.course.findUnique({
    where: { id: courseId },
    select: {
      id: true,
      slug: true,
      title: true,
      summary: true,
      type: true,
      status: true,
      source: true,
      tags: true,
      archivedAt: true,
      createdAt: true,
      publishedVersionId: true,
      createdBy: { select: { name: true } },
      versions: {
        orderBy: { version: "desc" },
        select: {
          id: true,
          version: true,
          status: true,
          title: true,
          estimatedMinutes: true,
          contentHash: true,
          createdAt: true,
          updatedAt: true,
          publishedAt: true,
          publishedById: true,
          _count: { select: { lessons: true, modules: true } },
        },
      },
    },
  });
  if (!course) return null;
  const grouped = await db.courseEnrollment.groupBy({
    by: ["versionId", "status"],
    where: { courseId },
    _count: { _all: true },
  });
  const publisherIds = course.versions.flatMap((version) => (version.publishedById ? [version.publishedById] : []));
  const publishers = new Map(
    (
      await db.user.findMany({ where: { id: { in: [...new Set(publisherIds)] } }, select: { id: true, name: true } })
    ).map((user) => [user.id, user.name]),
  );
  const counts = countsBy(grouped, "versionId");
  const versions = course.versions.map((version) => ({
    id: version.id,
    version: version.version,
    status: version.status,
    title: version.title,
    minutes: version.estimatedMinutes,
    fromFile: version.contentHash !== null,
    lessons: version._count.lessons,
    modules: version._count.modules,
    createdAt: version.createdAt,
    publishedAt: version.publishedAt,
    publishedBy: version.publishedById ? (publishers.get(version.publishedById) ?? null) : null,
    stamp: versionStamp(version.updatedAt),
    ...(counts.get(version.id) ?? emptyCounts()),
  }));
  const totals = versions.reduce(
    (sum, version) => ({
      enrolled: sum.enrolled + version.enrolled,
      inProgress: sum.inProgress + version.inProgress,
      completed: sum.completed + version.completed,
    }),
    emptyCounts(),
  );
  const { versions: _versions, createdBy, ...rest } = course;
  return { course: { ...rest, createdBy: createdBy?.name ?? null }, versions, totals };
}

/** The draft with its modules and lessons (no bodies), or null when the course has no draft. */
export async function getDraftForEditing(courseId: string) {
  const course = await db.course.findUnique({
    where: { id: courseId },
    select: { id: true, slug: true, type: true, tags: true, status: true, source: true, publishedVersionId: true },
  });
  if (!course) return null;
  const draft = await db.courseVersion.findFirst({
    where: { courseId, status: "draft" },
    select: {
      id: true,
      version: true,
      title: true,
      summary: true,
      estimatedMinutes: true,
      updatedAt: true,
      modules: {
        orderBy: { position: "asc" },
        select: {
          id: true,
          title: true,
          lessons: {
            orderBy: { position: "asc" },
            select: { id: true, key: true, title: true, estimatedMinutes: true, contentHash: true, body: true },
          },
        },
      },
    },
  });
  if (!draft) return { course, draft: null };
  // Lessons changed since the published version are marked, so the trainer sees what learners will redo.
  const publishedHashes = course.publishedVersionId
    ? new Map(
        (
          await db.lesson.findMany({
            where: { versionId: course.publishedVersionId },
            select: { key: true, contentHash: true },
          })
        ).map((lesson) => [lesson.key, lesson.contentHash]),
      )
    : null;
  return {
    course,
    draft: {
      id: draft.id,
      version: draft.version,
      title: draft.title,
      summary: draft.summary,
      minutes: draft.estimatedMinutes,
      stamp: versionStamp(draft.updatedAt),
      modules: draft.modules.map((module) => ({
        id: module.id,
        title: module.title,
        lessons: module.lessons.map((lesson) => ({
          id: lesson.id,
          key: lesson.key,
          title: lesson.title,
          minutes: lesson.estimatedMinutes,
          empty: lesson.body.trim() === "",
          change: !publishedHashes
            ? ("new" as const)
            : !publishedHashes.has(lesson.key)
              ? ("new" as const)
              : publishedHashes.get(lesson.key) === lesson.contentHash
                ? ("same" as const)
                : ("changed" as const),
        })),
      })),
    },
  };
}

/** One lesson of the course's draft with its Markdown (null when it is not in the draft). */
export async function getDraftLesson(courseId: string, lessonId: string) {
  const lesson = await db.lesson.findFirst({
    where: { id: lessonId, version: { courseId, status: "draft" } },
    select: {
      id: true,
      key: true,
      title: true,
      body: true,
      estimatedMinutes: true,
      module: { select: { title: true } },
      version: {
        select: {
          version: true,
          updatedAt: true,
          course: { select: { id: true, title: true, source: true } },
        },
      },
    },
  });
  if (!lesson) return null;
  return {
    id: lesson.id,
    key: lesson.key,
    title: lesson.title,
    body: lesson.body,
    minutes: lesson.estimatedMinutes,
    moduleTitle: lesson.module.title,
    version: lesson.version.version,
    stamp: versionStamp(lesson.version.updatedAt),
    course: lesson.version.course,
  };
}

/** A version rendered for reading: every lesson's Markdown turned into sanitised HTML on the server. */
export async function getVersionPreview(courseId: string, versionNumber: number | undefined) {
  const course = await db.course.findUnique({
    where: { id: courseId },
    select: { id: true, title: true, type: true, publishedVersion: { select: { version: true } } },
  });
  if (!course) return null;
  const versions = await db.courseVersion.findMany({
    where: { courseId },
    orderBy: { version: "desc" },
    select: { version: true, status: true },
  });
  const wanted = versionNumber ?? course.publishedVersion?.version ?? versions[0]?.version;
  if (wanted === undefined) return null;
  const version = await db.courseVersion.findUnique({
    where: { courseId_version: { courseId, version: wanted } },
    select: {
      version: true,
      status: true,
      title: true,
      summary: true,
      estimatedMinutes: true,
      modules: {
        orderBy: { position: "asc" },
        select: {
          id: true,
          title: true,
          lessons: {
            orderBy: { position: "asc" },
            select: { id: true, key: true, title: true, estimatedMinutes: true, body: true },
          },
        },
      },
    },
  });
  if (!version) return null;
  return {
    course: { id: course.id, title: course.title, type: course.type },
    versions,
    version: {
      version: version.version,
      status: version.status,
      title: version.title,
      summary: version.summary,
      minutes: version.estimatedMinutes,
      modules: version.modules.map((module) => ({
        id: module.id,
        title: module.title,
        lessons: module.lessons.map((lesson) => ({
          id: lesson.id,
          key: lesson.key,
          title: lesson.title,
          minutes: lesson.estimatedMinutes,
          html: renderMarkdown(lesson.body),
        })),
      })),
    },
  };
}
