/**
 * Keeps courses and learning paths in step with content/courses/<slug>/ and content/paths/<slug>.yaml.
 * Idempotent by slug:
 * - a course whose files hash the same as the last version synced from them changes nothing, even when a trainer
 *   published a newer version in the app since;
 * - a changed course gets a new version published with the in-app policy (not-started enrollments move to it,
 *   learners in progress finish theirs); a draft someone left open in the app is replaced;
 * - a path is updated when its fields or course list differ, and published when the publish rule holds.
 * Every file is validated first; a file with problems is skipped and reported with its name, the others sync.
 */
import { readdir, readFile, stat } from "node:fs/promises";
import path from "node:path";
import { recordAudit } from "~/modules/audit/audit.server";
import { hashTexts, lessonContentHash } from "~/modules/training/courses/content-hash.server";
import { publishVersion, type CourseActor } from "~/modules/training/courses/course-authoring.server";
import { SLUG_PATTERN, totalMinutes } from "~/modules/training/courses/course-rules";
import { pathPublishProblems } from "~/modules/training/paths/path-rules";
import { db, type Prisma } from "~/utils/db.server";
import {
  parseCourseFile,
  parseLessonFile,
  parsePathFile,
  type CourseFile,
  type LessonFile,
  type PathFile,
} from "./content-files";

type Tx = Prisma.TransactionClient;

export type SyncCounts = { created: string[]; updated: string[]; unchanged: string[] };
export type ContentSyncReport = { courses: SyncCounts; paths: SyncCounts; errors: string[] };

export type CourseContent = CourseFile & {
  slug: string;
  hash: string;
  lessons: Map<string, LessonFile>;
};

const SYNC_ACTOR: CourseActor = { id: null, ipAddress: "content-sync" };

function emptyCounts(): SyncCounts {
  return { created: [], updated: [], unchanged: [] };
}

async function exists(file: string) {
  try {
    await stat(file);
    return true;
  } catch {
    return false;
  }
}

/** Reads one course directory. `label` is how messages name it (e.g. "courses/after-sales-policies"). */
export async function readCourseDirectory(
  dir: string,
  slug: string,
  label = `courses/${slug}`,
): Promise<{ ok: true; value: CourseContent } | { ok: false; problems: string[] }> {
  if (!SLUG_PATTERN.test(slug)) {
    return { ok: false, problems: [`${label}: the directory name must be a slug (a-z, 0-9, hyphens)`] };
  }
  const courseFile = path.join(dir, "course.yaml");
  if (!(await exists(courseFile))) return { ok: false, problems: [`${label}/course.yaml: file not found`] };
  const courseText = await readFile(courseFile, "utf8");
  const course = parseCourseFile(`${label}/course.yaml`, courseText);
  if (!course.ok) return course;
  const problems: string[] = [];
  const lessons = new Map<string, LessonFile>();
  const texts = [courseText];
  for (const [moduleIndex, module] of course.value.modules.entries()) {
    for (const [lessonIndex, key] of module.lessons.entries()) {
      const lessonFile = path.join(dir, "lessons", `${key}.md`);
      if (!(await exists(lessonFile))) {
        problems.push(
          `${label}/course.yaml: modules.${moduleIndex}.lessons.${lessonIndex}: lessons/${key}.md not found`,
        );
        continue;
      }
      const text = await readFile(lessonFile, "utf8");
      const lesson = parseLessonFile(`${label}/lessons/${key}.md`, text);
      if (!lesson.ok) problems.push(...lesson.problems);
      else lessons.set(key, lesson.value);
      texts.push(key, text);
    }
  }
  if (problems.length) return { ok: false, problems };
  return { ok: true, value: { ...course.value, slug, hash: hashTexts(texts), lessons } };
}

async function writeVersion(tx: Tx, courseId: string, version: number, content: CourseContent) {
  const allLessons = [...content.lessons.values()];
  const created = await tx.courseVersion.create({
    data: {
      courseId,
      version,
      title: content.title,
      summary: content.summary,
      estimatedMinutes: totalMinutes(allLessons.map((lesson) => ({ estimatedMinutes: lesson.minutes }))),
      contentHash: content.hash,
    },
    select: { id: true },
  });
  for (const [position, module] of content.modules.entries()) {
    const row = await tx.courseModule.create({
      data: { versionId: created.id, position, title: module.title },
      select: { id: true },
    });
    await tx.lesson.createMany({
      data: module.lessons.map((key, lessonPosition) => {
        const lesson = content.lessons.get(key)!;
        return {
          versionId: created.id,
          moduleId: row.id,
          key,
          position: lessonPosition,
          title: lesson.title,
          body: lesson.body,
          estimatedMinutes: lesson.minutes,
          contentHash: lessonContentHash(lesson.title, lesson.body),
        };
      }),
    });
  }
  return created.id;
}

/** Creates or updates one course from its files; returns what happened. */
export async function syncCourse(
  content: CourseContent,
  actor: CourseActor = SYNC_ACTOR,
): Promise<"created" | "updated" | "unchanged"> {
  return db.$transaction(async (tx) => {
    const existing = await tx.course.findUnique({ where: { slug: content.slug }, select: { id: true } });
    if (!existing) {
      const course = await tx.course.create({
        data: {
          slug: content.slug,
          type: content.type,
          source: "file",
          title: content.title,
          summary: content.summary,
          tags: content.tags,
        },
        select: { id: true },
      });
      await recordAudit(
        {
          actorId: actor.id,
          action: "course.create",
          entityType: "course",
          entityId: course.id,
          after: { slug: content.slug, title: content.title, type: content.type, source: "file" },
          ipAddress: actor.ipAddress ?? null,
        },
        tx,
      );
      const versionId = await writeVersion(tx, course.id, 1, content);
      await publishVersion(tx, course.id, versionId, actor);
      return "created" as const;
    }
    await tx.$queryRaw`SELECT id FROM "Course" WHERE id = ${existing.id} FOR UPDATE`;
    const lastSynced = await tx.courseVersion.findFirst({
      where: { courseId: existing.id, contentHash: { not: null } },
      orderBy: { version: "desc" },
      select: { contentHash: true },
    });
    if (lastSynced?.contentHash === content.hash) return "unchanged" as const;
    const draft = await tx.courseVersion.findFirst({
      where: { courseId: existing.id, status: "draft" },
      select: { id: true, version: true },
    });
    if (draft) {
      await tx.courseVersion.delete({ where: { id: draft.id } });
      await recordAudit(
        {
          actorId: actor.id,
          action: "course.discard-draft",
          entityType: "course",
          entityId: existing.id,
          before: { version: draft.version },
          after: { replacedBy: "content-sync" },
          ipAddress: actor.ipAddress ?? null,
        },
        tx,
      );
    }
    const latest = await tx.courseVersion.aggregate({ where: { courseId: existing.id }, _max: { version: true } });
    await tx.course.update({
      where: { id: existing.id },
      data: { type: content.type, tags: content.tags, source: "file" },
    });
    const versionId = await writeVersion(tx, existing.id, (latest._max.version ?? 0) + 1, content);
    await publishVersion(tx, existing.id, versionId, actor);
    return "updated" as const;
  });
}

type PathTarget = Omit<PathFile, "audienceTeams" | "courses" | "level"> & {
  slug: string;
  audienceTeamIds: string[];
  level: string | null;
  courseIds: string[];
};

function samePath(
  stored: {
    title: string;
    description: string;
    audienceRoles: string[];
    audienceTeamIds: string[];
    audienceLevel: string | null;
    requiredHours: number | null;
    autoAssignNewHires: boolean;
    dueDays: number | null;
    courseIds: string[];
  },
  target: PathTarget,
) {
  const sameList = (a: readonly string[], b: readonly string[]) =>
    a.length === b.length && a.every((value, index) => value === b[index]);
  return (
    stored.title === target.title &&
    stored.description === target.description &&
    sameList(stored.audienceRoles, target.audienceRoles) &&
    sameList(stored.audienceTeamIds, target.audienceTeamIds) &&
    stored.audienceLevel === target.level &&
    stored.requiredHours === (target.requiredHours ?? null) &&
    stored.autoAssignNewHires === target.autoAssignNewHires &&
    stored.dueDays === (target.dueDays ?? null) &&
    sameList(stored.courseIds, target.courseIds)
  );
}

/** Creates or updates one path; publishes it when it can be (an archived path stays archived). */
export async function syncPath(
  target: PathTarget,
  label: string,
  actor: CourseActor = SYNC_ACTOR,
): Promise<{ outcome: "created" | "updated" | "unchanged"; problems: string[] }> {
  return db.$transaction(async (tx) => {
    const data = {
      title: target.title,
      description: target.description,
      audienceRoles: target.audienceRoles,
      audienceTeamIds: target.audienceTeamIds,
      audienceLevel: target.level,
      requiredHours: target.requiredHours ?? null,
      autoAssignNewHires: target.autoAssignNewHires,
      dueDays: target.dueDays ?? null,
    };
    const audit = (pathId: string, action: string, before: unknown, after: unknown) =>
      recordAudit(
        {
          actorId: actor.id,
          action,
          entityType: "learning-path",
          entityId: pathId,
          before,
          after,
          ipAddress: actor.ipAddress ?? null,
        },
        tx,
      );
    const existing = await tx.learningPath.findUnique({
      where: { slug: target.slug },
      select: {
        id: true,
        status: true,
        title: true,
        description: true,
        audienceRoles: true,
        audienceTeamIds: true,
        audienceLevel: true,
        requiredHours: true,
        autoAssignNewHires: true,
        dueDays: true,
        items: { orderBy: { position: "asc" }, select: { courseId: true } },
      },
    });
    let outcome: "created" | "updated" | "unchanged";
    let pathId: string;
    let status: string;
    if (!existing) {
      const created = await tx.learningPath.create({
        data: {
          slug: target.slug,
          source: "file",
          ...data,
          items: { create: target.courseIds.map((courseId, position) => ({ courseId, position })) },
        },
        select: { id: true },
      });
      await audit(created.id, "path.create", null, { slug: target.slug, ...data, courses: target.courseIds });
      outcome = "created";
      pathId = created.id;
      status = "draft";
    } else {
      const { items, id, status: currentStatus, ...stored } = existing;
      pathId = id;
      status = currentStatus;
      const storedCourseIds = items.map((item) => item.courseId);
      if (samePath({ ...stored, courseIds: storedCourseIds }, target)) {
        outcome = "unchanged";
      } else {
        await tx.learningPathItem.deleteMany({ where: { pathId } });
        await tx.learningPath.update({
          where: { id: pathId },
          data: {
            ...data,
            source: "file",
            items: { create: target.courseIds.map((courseId, position) => ({ courseId, position })) },
          },
        });
        await audit(
          pathId,
          "path.update",
          { ...stored, courses: storedCourseIds },
          { ...data, courses: target.courseIds },
        );
        outcome = "updated";
      }
    }
    if (status === "published" || status === "archived") return { outcome, problems: [] };
    const courses = await tx.learningPathItem.findMany({
      where: { pathId },
      orderBy: { position: "asc" },
      select: {
        course: { select: { title: true, status: true, publishedVersion: { select: { estimatedMinutes: true } } } },
      },
    });
    const problems = pathPublishProblems(
      courses.map(({ course }) => ({
        title: course.title,
        status: course.status,
        publishedMinutes: course.publishedVersion?.estimatedMinutes ?? null,
      })),
      target.requiredHours ?? null,
    );
    if (problems.length) {
      return {
        outcome,
        problems: problems.map((problem) => `${label}: left as a draft: ${describePublishProblem(problem)}`),
      };
    }
    await tx.learningPath.update({ where: { id: pathId }, data: { status: "published" } });
    await audit(pathId, "path.publish", { status }, { status: "published" });
    return { outcome: outcome === "unchanged" ? "updated" : outcome, problems: [] };
  });
}

function describePublishProblem(problem: { key: string; params?: Record<string, string | number> }) {
  const params = problem.params ?? {};
  if (problem.key.endsWith("pathEmpty")) return "the path has no courses";
  if (problem.key.endsWith("pathCourseUnavailable")) return `course "${params.title}" is not published or is archived`;
  if (problem.key.endsWith("pathTooShort")) {
    return `its courses add up to ${params.hours} h, below requiredHours ${params.required}`;
  }
  return problem.key;
}

async function listDir(dir: string) {
  try {
    return (await readdir(dir, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw error;
  }
}

export async function syncCourseContent(coursesDir: string, report: ContentSyncReport, actor?: CourseActor) {
  const entries = await listDir(coursesDir);
  if (!entries) {
    report.errors.push(`${coursesDir}: directory not found`);
    return;
  }
  for (const entry of entries.filter((item) => item.isDirectory())) {
    const read = await readCourseDirectory(path.join(coursesDir, entry.name), entry.name);
    if (!read.ok) {
      report.errors.push(...read.problems);
      continue;
    }
    report.courses[await syncCourse(read.value, actor)].push(entry.name);
  }
}

export async function syncPathContent(pathsDir: string, report: ContentSyncReport, actor?: CourseActor) {
  const entries = await listDir(pathsDir);
  if (!entries) {
    report.errors.push(`${pathsDir}: directory not found`);
    return;
  }
  const teams = new Map(
    (await db.team.findMany({ select: { id: true, code: true } })).map((team) => [team.code, team.id]),
  );
  for (const entry of entries.filter((item) => item.isFile() && /\.ya?ml$/.test(item.name))) {
    const slug = entry.name.replace(/\.ya?ml$/, "");
    const label = `paths/${entry.name}`;
    if (!SLUG_PATTERN.test(slug)) {
      report.errors.push(`${label}: the file name must be a slug (a-z, 0-9, hyphens)`);
      continue;
    }
    const parsed = parsePathFile(label, await readFile(path.join(pathsDir, entry.name), "utf8"));
    if (!parsed.ok) {
      report.errors.push(...parsed.problems);
      continue;
    }
    const file = parsed.value;
    const problems: string[] = [];
    const audienceTeamIds = file.audienceTeams.flatMap((code, index) => {
      const id = teams.get(code);
      if (!id) problems.push(`${label}: audienceTeams.${index}: unknown team code "${code}"`);
      return id ? [id] : [];
    });
    const courses = await db.course.findMany({
      where: { slug: { in: file.courses } },
      select: { id: true, slug: true },
    });
    const courseId = new Map(courses.map((course) => [course.slug, course.id]));
    file.courses.forEach((courseSlug, index) => {
      if (!courseId.has(courseSlug)) problems.push(`${label}: courses.${index}: unknown course "${courseSlug}"`);
    });
    if (problems.length) {
      report.errors.push(...problems);
      continue;
    }
    const { audienceTeams: _teams, courses: _courses, level, ...rest } = file;
    const result = await syncPath(
      {
        ...rest,
        slug,
        level: level ?? null,
        audienceTeamIds,
        courseIds: file.courses.map((courseSlug) => courseId.get(courseSlug)!),
      },
      label,
      actor,
    );
    report.paths[result.outcome].push(slug);
    report.errors.push(...result.problems);
  }
}

/** Courses first (paths refer to them by slug), then paths. */
export async function syncTrainingContent(
  dirs: { coursesDir: string; pathsDir?: string },
  actor?: CourseActor,
): Promise<ContentSyncReport> {
  const report: ContentSyncReport = { courses: emptyCounts(), paths: emptyCounts(), errors: [] };
  await syncCourseContent(dirs.coursesDir, report, actor);
  if (dirs.pathsDir) await syncPathContent(dirs.pathsDir, report, actor);
  return report;
}

export function describeContentSync(report: ContentSyncReport): string {
  const part = (label: string, counts: SyncCounts) =>
    `${label}: ${counts.created.length} created, ${counts.updated.length} updated, ${counts.unchanged.length} unchanged`;
  return [part("courses", report.courses), part("paths", report.paths), `${report.errors.length} errors`].join("; ");
}
