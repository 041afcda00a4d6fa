/**
 * Course authoring (课程编写): create, the single draft version, publish, archive, discard. The version policy is
 * docs/decisions/005-training-content-versions.md:
 * - editing a course whose latest version is published creates draft n+1, a copy with the same lesson keys;
 * - publishing the draft supersedes the previous version and moves every not-started enrollment to it; enrollments
 *   in progress finish the version they started; completed ones are history;
 * - every draft edit carries the draft's updatedAt and is refused with 409 when someone saved in between.
 */
import { recordAudit } from "~/modules/audit/audit.server";
import { db, Prisma } from "~/utils/db.server";
import { lessonContentHash } from "./content-hash.server";
import {
  moveInOrder,
  nextLessonKey,
  publishProblems,
  totalMinutes,
  type CourseType,
  type CreateCourseInput,
  type DraftEdit,
} from "./course-rules";

type Tx = Prisma.TransactionClient;

export type CourseActor = { id: string | null; ipAddress?: string | null };

export type Failure = {
  ok: false;
  status: 400 | 404 | 409;
  reason: "notFound" | "stale" | "slugTaken" | "archived" | "noDraft" | "onlyVersion" | "invalid";
  problems?: string[];
};
export type EditResult = { ok: true; stamp: string } | Failure;

const notFound = { ok: false, status: 404, reason: "notFound" } as const satisfies Failure;
const stale = { ok: false, status: 409, reason: "stale" } as const satisfies Failure;

function isUniqueViolation(error: unknown) {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}

/** The concurrency token of a version: its updatedAt as an ISO string. */
export function versionStamp(updatedAt: Date): string {
  return updatedAt.toISOString();
}

export async function createCourse(input: CreateCourseInput, actor: CourseActor) {
  try {
    return await db.$transaction(async (tx) => {
      const course = await tx.course.create({
        data: {
          slug: input.slug,
          type: input.type,
          title: input.title,
          summary: input.summary,
          tags: input.tags,
          createdById: actor.id,
        },
        select: { id: true },
      });
      await tx.courseVersion.create({
        data: { courseId: course.id, version: 1, title: input.title, summary: input.summary },
      });
      await recordAudit(
        {
          actorId: actor.id,
          action: "course.create",
          entityType: "course",
          entityId: course.id,
          after: { slug: input.slug, title: input.title, type: input.type, tags: input.tags, version: 1 },
          ipAddress: actor.ipAddress ?? null,
        },
        tx,
      );
      return { ok: true as const, courseId: course.id };
    });
  } catch (error) {
    if (isUniqueViolation(error)) return { ok: false as const, status: 409 as const, reason: "slugTaken" as const };
    throw error;
  }
}

/** Copies a version's modules and lessons (same keys, bodies and hashes) into another version. */
export async function copyVersionContent(tx: Tx, fromVersionId: string, toVersionId: string) {
  const modules = await tx.courseModule.findMany({
    where: { versionId: fromVersionId },
    orderBy: { position: "asc" },
    select: {
      position: true,
      title: true,
      lessons: {
        orderBy: { position: "asc" },
        select: { key: true, position: true, title: true, body: true, estimatedMinutes: true, contentHash: true },
      },
    },
  });
  for (const module of modules) {
    const created = await tx.courseModule.create({
      data: { versionId: toVersionId, position: module.position, title: module.title },
      select: { id: true },
    });
    if (module.lessons.length > 0) {
      await tx.lesson.createMany({
        data: module.lessons.map((lesson) => ({ ...lesson, versionId: toVersionId, moduleId: created.id })),
      });
    }
  }
}

/**
 * The course's draft version, created as a copy of the published one when there is none. Archived courses are
 * not edited: unarchive first.
 */
export async function ensureDraft(
  courseId: string,
  actor: CourseActor,
): Promise<{ ok: true; versionId: string; created: boolean } | Failure> {
  return db.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT id FROM "Course" WHERE id = ${courseId} FOR UPDATE`;
    const course = await tx.course.findUnique({
      where: { id: courseId },
      select: { id: true, status: true, publishedVersionId: true },
    });
    if (!course) return notFound;
    const draft = await tx.courseVersion.findFirst({ where: { courseId, status: "draft" }, select: { id: true } });
    if (draft) return { ok: true as const, versionId: draft.id, created: false };
    if (course.status === "archived") return { ok: false as const, status: 409 as const, reason: "archived" as const };
    const latest = await tx.courseVersion.findFirst({
      where: { courseId },
      orderBy: { version: "desc" },
      select: { id: true, version: true, title: true, summary: true, estimatedMinutes: true },
    });
    const base = course.publishedVersionId
      ? await tx.courseVersion.findUniqueOrThrow({
          where: { id: course.publishedVersionId },
          select: { id: true, title: true, summary: true, estimatedMinutes: true },
        })
      : latest;
    const created = await tx.courseVersion.create({
      data: {
        courseId,
        version: (latest?.version ?? 0) + 1,
        title: base?.title ?? "",
        summary: base?.summary ?? "",
        estimatedMinutes: base?.estimatedMinutes ?? 0,
      },
      select: { id: true, version: true },
    });
    if (base) await copyVersionContent(tx, base.id, created.id);
    await recordAudit(
      {
        actorId: actor.id,
        action: "course.draft",
        entityType: "course",
        entityId: courseId,
        after: { version: created.version },
        ipAddress: actor.ipAddress ?? null,
      },
      tx,
    );
    return { ok: true as const, versionId: created.id, created: true };
  });
}

/**
 * Runs one draft edit: locks the draft, refuses a stale stamp, applies the change, then recomputes the version's
 * minutes and moves its updatedAt forward (strictly, so two saves in one millisecond still differ).
 */
async function editDraft(
  courseId: string,
  stamp: string,
  change: (tx: Tx, versionId: string) => Promise<Failure | void>,
): Promise<EditResult> {
  return db.$transaction(async (tx) => {
    const draft = await tx.courseVersion.findFirst({ where: { courseId, status: "draft" }, select: { id: true } });
    if (!draft) return { ok: false as const, status: 409 as const, reason: "noDraft" as const };
    await tx.$queryRaw`SELECT id FROM "CourseVersion" WHERE id = ${draft.id} FOR UPDATE`;
    const locked = await tx.courseVersion.findUniqueOrThrow({
      where: { id: draft.id },
      select: { updatedAt: true, status: true },
    });
    if (locked.status !== "draft") return { ok: false as const, status: 409 as const, reason: "noDraft" as const };
    if (versionStamp(locked.updatedAt) !== stamp) return stale;
    const failure = await change(tx, draft.id);
    if (failure) return failure;
    const updatedAt = await touchVersion(tx, draft.id, locked.updatedAt);
    return { ok: true as const, stamp: versionStamp(updatedAt) };
  });
}

/** Recomputes estimatedMinutes (sum of lessons, in SQL) and sets updatedAt past the previous value. */
export async function touchVersion(tx: Tx, versionId: string, previous: Date): Promise<Date> {
  const sum = await tx.lesson.aggregate({ where: { versionId }, _sum: { estimatedMinutes: true } });
  const now = new Date();
  const updatedAt = now.getTime() > previous.getTime() ? now : new Date(previous.getTime() + 1);
  await tx.courseVersion.update({
    where: { id: versionId },
    data: { estimatedMinutes: sum._sum.estimatedMinutes ?? 0, updatedAt },
  });
  return updatedAt;
}

async function renumber(tx: Tx, kind: "module" | "lesson", ids: readonly string[]) {
  for (const [position, id] of ids.entries()) {
    if (kind === "module") await tx.courseModule.update({ where: { id }, data: { position } });
    else await tx.lesson.update({ where: { id }, data: { position } });
  }
}

async function moduleOf(tx: Tx, versionId: string, moduleId: string) {
  return tx.courseModule.findFirst({ where: { id: moduleId, versionId }, select: { id: true } });
}

async function lessonOf(tx: Tx, versionId: string, lessonId: string) {
  return tx.lesson.findFirst({ where: { id: lessonId, versionId }, select: { id: true, moduleId: true } });
}

/** One editor action on the draft (course fields, modules, lessons). */
export async function applyDraftEdit(courseId: string, edit: DraftEdit): Promise<EditResult> {
  return editDraft(courseId, edit.stamp, async (tx, versionId) => {
    switch (edit.intent) {
      case "course": {
        await tx.course.update({
          where: { id: courseId },
          data: { type: edit.type as CourseType, tags: edit.tags },
        });
        await tx.courseVersion.update({ where: { id: versionId }, data: { title: edit.title, summary: edit.summary } });
        // A course never published shows its draft's title in lists.
        const course = await tx.course.findUniqueOrThrow({
          where: { id: courseId },
          select: { publishedVersionId: true },
        });
        if (!course.publishedVersionId) {
          await tx.course.update({ where: { id: courseId }, data: { title: edit.title, summary: edit.summary } });
        }
        return;
      }
      case "add-module": {
        const count = await tx.courseModule.count({ where: { versionId } });
        await tx.courseModule.create({ data: { versionId, position: count, title: edit.title } });
        return;
      }
      case "rename-module": {
        if (!(await moduleOf(tx, versionId, edit.moduleId))) return notFound;
        await tx.courseModule.update({ where: { id: edit.moduleId }, data: { title: edit.title } });
        return;
      }
      case "move-module": {
        const modules = await tx.courseModule.findMany({
          where: { versionId },
          orderBy: { position: "asc" },
          select: { id: true },
        });
        const order = moveInOrder(
          modules.map((module) => module.id),
          edit.moduleId,
          edit.direction,
        );
        if (!order) return modules.some((module) => module.id === edit.moduleId) ? undefined : notFound;
        await renumber(tx, "module", order);
        return;
      }
      case "delete-module": {
        if (!(await moduleOf(tx, versionId, edit.moduleId))) return notFound;
        await tx.courseModule.delete({ where: { id: edit.moduleId } });
        const rest = await tx.courseModule.findMany({
          where: { versionId },
          orderBy: { position: "asc" },
          select: { id: true },
        });
        await renumber(
          tx,
          "module",
          rest.map((module) => module.id),
        );
        return;
      }
      case "add-lesson": {
        if (!(await moduleOf(tx, versionId, edit.moduleId))) return notFound;
        const keys = await tx.lesson.findMany({ where: { versionId }, select: { key: true } });
        const position = await tx.lesson.count({ where: { moduleId: edit.moduleId } });
        await tx.lesson.create({
          data: {
            versionId,
            moduleId: edit.moduleId,
            key: nextLessonKey(keys.map((lesson) => lesson.key)),
            position,
            title: edit.title,
            body: "",
            estimatedMinutes: edit.minutes,
            contentHash: lessonContentHash(edit.title, ""),
          },
        });
        return;
      }
      case "move-lesson": {
        const lesson = await lessonOf(tx, versionId, edit.lessonId);
        if (!lesson) return notFound;
        const siblings = await tx.lesson.findMany({
          where: { moduleId: lesson.moduleId },
          orderBy: { position: "asc" },
          select: { id: true },
        });
        const order = moveInOrder(
          siblings.map((row) => row.id),
          lesson.id,
          edit.direction,
        );
        if (order) await renumber(tx, "lesson", order);
        return;
      }
      case "delete-lesson": {
        const lesson = await lessonOf(tx, versionId, edit.lessonId);
        if (!lesson) return notFound;
        await tx.lesson.delete({ where: { id: lesson.id } });
        const rest = await tx.lesson.findMany({
          where: { moduleId: lesson.moduleId },
          orderBy: { position: "asc" },
          select: { id: true },
        });
        await renumber(
          tx,
          "lesson",
          rest.map((row) => row.id),
        );
        return;
      }
    }
  });
}

/** Saves a lesson of the draft: title, minutes, Markdown body; its contentHash follows. */
export async function saveLesson(
  courseId: string,
  lessonId: string,
  input: { stamp: string; title: string; minutes: number; body: string },
): Promise<EditResult> {
  return editDraft(courseId, input.stamp, async (tx, versionId) => {
    const lesson = await lessonOf(tx, versionId, lessonId);
    if (!lesson) return notFound;
    await tx.lesson.update({
      where: { id: lessonId },
      data: {
        title: input.title,
        estimatedMinutes: input.minutes,
        body: input.body,
        contentHash: lessonContentHash(input.title, input.body),
      },
    });
  });
}

/**
 * Makes `versionId` the course's published version inside the caller's transaction: the previous published
 * version becomes superseded, not-started enrollments move to the new version (their lesson marks follow a lesson
 * with the same key and hash; others are dropped), in-progress and completed enrollments stay where they are.
 */
export async function publishVersion(
  tx: Tx,
  courseId: string,
  versionId: string,
  actor: CourseActor,
  at: Date = new Date(),
) {
  const course = await tx.course.findUniqueOrThrow({
    where: { id: courseId },
    select: { status: true, publishedVersion: { select: { id: true, version: true } } },
  });
  const previous = course.publishedVersion;
  if (previous) {
    await tx.course.update({ where: { id: courseId }, data: { publishedVersionId: null } });
    await tx.courseVersion.update({ where: { id: previous.id }, data: { status: "superseded" } });
  }
  const version = await tx.courseVersion.update({
    where: { id: versionId },
    data: { status: "published", publishedAt: at, publishedById: actor.id },
    select: { version: true, title: true, summary: true, estimatedMinutes: true },
  });
  await tx.course.update({
    where: { id: courseId },
    data: {
      publishedVersionId: versionId,
      title: version.title,
      summary: version.summary,
      // An archived course stays archived: a new version is published for those who still finish it.
      ...(course.status === "archived" ? {} : { status: "published" as const, archivedAt: null }),
    },
  });
  const moving = await tx.courseEnrollment.findMany({
    where: { courseId, status: "not_started", versionId: { not: versionId } },
    select: { id: true },
  });
  const enrollmentIds = moving.map((row) => row.id);
  if (enrollmentIds.length > 0) {
    await tx.courseEnrollment.updateMany({
      where: { id: { in: enrollmentIds } },
      data: { versionId, lastLessonId: null },
    });
    await tx.$executeRaw`
      UPDATE "LessonProgress" AS lp SET "lessonId" = nl.id
      FROM "Lesson" AS ol, "Lesson" AS nl
      WHERE lp."enrollmentId" IN (${Prisma.join(enrollmentIds)})
        AND ol.id = lp."lessonId" AND ol."versionId" <> ${versionId}
        AND nl."versionId" = ${versionId} AND nl.key = ol.key AND nl."contentHash" = ol."contentHash"`;
    await tx.lessonProgress.deleteMany({
      where: { enrollmentId: { in: enrollmentIds }, lesson: { versionId: { not: versionId } } },
    });
  }
  await recordAudit(
    {
      actorId: actor.id,
      action: "course.publish",
      entityType: "course",
      entityId: courseId,
      before: previous ? { version: previous.version } : null,
      after: { version: version.version, estimatedMinutes: version.estimatedMinutes, movedEnrollments: moving.length },
      ipAddress: actor.ipAddress ?? null,
    },
    tx,
  );
  return { version: version.version, movedEnrollments: moving.length };
}

/** Publishes the draft after checking it has lessons with content. */
export async function publishDraft(
  courseId: string,
  stamp: string,
  actor: CourseActor,
): Promise<{ ok: true; version: number; movedEnrollments: number } | Failure> {
  return db.$transaction(async (tx) => {
    const draft = await tx.courseVersion.findFirst({
      where: { courseId, status: "draft" },
      select: { id: true },
    });
    if (!draft) return { ok: false as const, status: 409 as const, reason: "noDraft" as const };
    await tx.$queryRaw`SELECT id FROM "CourseVersion" WHERE id = ${draft.id} FOR UPDATE`;
    const locked = await tx.courseVersion.findUniqueOrThrow({
      where: { id: draft.id },
      select: {
        updatedAt: true,
        modules: {
          select: {
            title: true,
            lessons: { select: { title: true, body: true, estimatedMinutes: true } },
          },
        },
      },
    });
    if (versionStamp(locked.updatedAt) !== stamp) return stale;
    const problems = publishProblems(locked.modules);
    if (problems.length > 0) return { ok: false as const, status: 400 as const, reason: "invalid" as const, problems };
    // Kept exact even if a lesson row was written outside the editor.
    const minutes = totalMinutes(locked.modules.flatMap((module) => module.lessons));
    await tx.courseVersion.update({ where: { id: draft.id }, data: { estimatedMinutes: minutes } });
    const result = await publishVersion(tx, courseId, draft.id, actor);
    return { ok: true as const, ...result };
  });
}

/** Deletes the draft (its modules and lessons go with it). The only version of a never-published course stays. */
export async function discardDraft(courseId: string, actor: CourseActor): Promise<{ ok: true } | Failure> {
  return db.$transaction(async (tx) => {
    const draft = await tx.courseVersion.findFirst({
      where: { courseId, status: "draft" },
      select: { id: true, version: true },
    });
    if (!draft) return { ok: false as const, status: 409 as const, reason: "noDraft" as const };
    const others = await tx.courseVersion.count({ where: { courseId, id: { not: draft.id } } });
    if (others === 0) return { ok: false as const, status: 409 as const, reason: "onlyVersion" as const };
    await tx.courseVersion.delete({ where: { id: draft.id } });
    await recordAudit(
      {
        actorId: actor.id,
        action: "course.discard-draft",
        entityType: "course",
        entityId: courseId,
        before: { version: draft.version },
        ipAddress: actor.ipAddress ?? null,
      },
      tx,
    );
    return { ok: true as const };
  });
}

/**
 * Archiving hides the course from the catalogue and new assignments; existing enrollments can finish.
 * Unarchiving brings it back as published (or draft when it never was).
 */
export async function setCourseArchived(
  courseId: string,
  archived: boolean,
  actor: CourseActor,
): Promise<{ ok: true; changed: boolean } | Failure> {
  return db.$transaction(async (tx) => {
    const course = await tx.course.findUnique({
      where: { id: courseId },
      select: { status: true, publishedVersionId: true },
    });
    if (!course) return notFound;
    if ((course.status === "archived") === archived) return { ok: true as const, changed: false };
    const status = archived ? "archived" : course.publishedVersionId ? "published" : "draft";
    await tx.course.update({
      where: { id: courseId },
      data: { status, archivedAt: archived ? new Date() : null },
    });
    await recordAudit(
      {
        actorId: actor.id,
        action: archived ? "course.archive" : "course.unarchive",
        entityType: "course",
        entityId: courseId,
        before: { status: course.status },
        after: { status },
        ipAddress: actor.ipAddress ?? null,
      },
      tx,
    );
    return { ok: true as const, changed: true };
  });
}
