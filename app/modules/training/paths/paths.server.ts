/**
 * Learning-path authoring. A path is draft → published → archived (an archived path can be published again).
 * Edits carry the path's updatedAt and are refused with 409 when someone saved in between.
 */
import { recordAudit } from "~/modules/audit/audit.server";
import { moveInOrder } from "~/modules/training/courses/course-rules";
import { db, Prisma } from "~/utils/db.server";
import { pathHours, pathPublishProblems, type CreatePathInput, type PathEdit, type PathFields } from "./path-rules";

type Tx = Prisma.TransactionClient;
export type PathActor = { id: string | null; ipAddress?: string | null };

export type PathFailure = {
  ok: false;
  status: 400 | 404 | 409;
  reason: "notFound" | "stale" | "slugTaken" | "invalid" | "unknownTeam" | "duplicate";
  problems?: { key: string; params?: Record<string, string | number> }[];
};

function isUniqueViolation(error: unknown) {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}

export function pathStamp(updatedAt: Date) {
  return updatedAt.toISOString();
}

async function knownTeams(tx: Tx | typeof db, teamIds: string[]) {
  if (teamIds.length === 0) return true;
  return (await tx.team.count({ where: { id: { in: teamIds } } })) === new Set(teamIds).size;
}

function fieldData(fields: PathFields) {
  return {
    title: fields.title,
    description: fields.description,
    audienceRoles: fields.audienceRoles,
    audienceTeamIds: [...new Set(fields.audienceTeamIds)],
    audienceLevel: fields.audienceLevel,
    requiredHours: fields.requiredHours,
    autoAssignNewHires: fields.autoAssignNewHires,
    dueDays: fields.dueDays,
  };
}

export async function createPath(input: CreatePathInput, actor: PathActor) {
  if (!(await knownTeams(db, input.audienceTeamIds))) {
    return { ok: false as const, status: 400 as const, reason: "unknownTeam" as const };
  }
  try {
    return await db.$transaction(async (tx) => {
      const data = fieldData(input);
      const path = await tx.learningPath.create({ data: { slug: input.slug, ...data }, select: { id: true } });
      await recordAudit(
        {
          actorId: actor.id,
          action: "path.create",
          entityType: "learning-path",
          entityId: path.id,
          after: { slug: input.slug, ...data },
          ipAddress: actor.ipAddress ?? null,
        },
        tx,
      );
      return { ok: true as const, pathId: path.id };
    });
  } catch (error) {
    if (isUniqueViolation(error)) return { ok: false as const, status: 409 as const, reason: "slugTaken" as const };
    throw error;
  }
}

export async function listPaths({ page, pageSize }: { page: number; pageSize: number }) {
  const [total, paths] = await Promise.all([
    db.learningPath.count(),
    db.learningPath.findMany({
      orderBy: [{ status: "asc" }, { updatedAt: "desc" }, { id: "asc" }],
      skip: (page - 1) * pageSize,
      take: pageSize,
      select: {
        id: true,
        slug: true,
        title: true,
        status: true,
        source: true,
        audienceRoles: true,
        audienceTeamIds: true,
        audienceLevel: true,
        requiredHours: true,
        autoAssignNewHires: true,
        updatedAt: true,
        _count: { select: { items: true } },
      },
    }),
  ]);
  const ids = paths.map((path) => path.id);
  // Minutes per path in SQL: the published version of every course on it.
  const minutes = ids.length
    ? await db.$queryRaw<{ pathId: string; minutes: bigint | number | null }[]>`
        SELECT i."pathId", SUM(v."estimatedMinutes") AS minutes
        FROM "LearningPathItem" i
        JOIN "Course" c ON c.id = i."courseId"
        JOIN "CourseVersion" v ON v.id = c."publishedVersionId"
        WHERE i."pathId" IN (${Prisma.join(ids)})
        GROUP BY i."pathId"`
    : [];
  const minutesOf = new Map(minutes.map((row) => [row.pathId, Number(row.minutes ?? 0)]));
  const teams = await db.team.findMany({
    where: { id: { in: [...new Set(paths.flatMap((path) => path.audienceTeamIds))] } },
    select: { id: true, name: true },
  });
  const teamName = new Map(teams.map((team) => [team.id, team.name]));
  return {
    total,
    rows: paths.map(({ _count, audienceTeamIds, ...path }) => ({
      ...path,
      audienceTeams: audienceTeamIds.map((id) => teamName.get(id) ?? id),
      courses: _count.items,
      minutes: minutesOf.get(path.id) ?? 0,
    })),
  };
}

async function pathCourses(tx: Tx | typeof db, pathId: string) {
  const items = await tx.learningPathItem.findMany({
    where: { pathId },
    orderBy: { position: "asc" },
    select: {
      courseId: true,
      course: {
        select: {
          title: true,
          slug: true,
          type: true,
          status: true,
          publishedVersion: { select: { version: true, estimatedMinutes: true } },
        },
      },
    },
  });
  return items.map((item) => ({
    courseId: item.courseId,
    title: item.course.title,
    slug: item.course.slug,
    type: item.course.type,
    status: item.course.status,
    version: item.course.publishedVersion?.version ?? null,
    publishedMinutes: item.course.publishedVersion?.estimatedMinutes ?? null,
  }));
}

export async function getPathForEditing(pathId: string) {
  const path = await db.learningPath.findUnique({
    where: { id: pathId },
    select: {
      id: true,
      slug: true,
      title: true,
      description: true,
      status: true,
      source: true,
      audienceRoles: true,
      audienceTeamIds: true,
      audienceLevel: true,
      requiredHours: true,
      autoAssignNewHires: true,
      dueDays: true,
      updatedAt: true,
      _count: { select: { assignments: true } },
    },
  });
  if (!path) return null;
  const courses = await pathCourses(db, pathId);
  const available = await db.course.findMany({
    where: {
      status: "published",
      publishedVersionId: { not: null },
      id: { notIn: courses.map((course) => course.courseId) },
    },
    orderBy: [{ type: "asc" }, { title: "asc" }],
    select: { id: true, title: true, type: true, publishedVersion: { select: { estimatedMinutes: true } } },
  });
  const teams = await db.team.findMany({ orderBy: { code: "asc" }, select: { id: true, code: true, name: true } });
  const { updatedAt, _count, ...rest } = path;
  return {
    path: { ...rest, stamp: pathStamp(updatedAt), assignments: _count.assignments },
    courses,
    hours: pathHours(courses),
    problems: pathPublishProblems(courses, path.requiredHours),
    available: available.map((course) => ({
      id: course.id,
      title: course.title,
      type: course.type,
      minutes: course.publishedVersion?.estimatedMinutes ?? 0,
    })),
    teams,
  };
}

export async function listTeamOptions() {
  return db.team.findMany({ orderBy: { code: "asc" }, select: { id: true, code: true, name: true } });
}

async function renumberItems(tx: Tx, pathId: string, courseIds: readonly string[]) {
  for (const [position, courseId] of courseIds.entries()) {
    await tx.learningPathItem.update({ where: { pathId_courseId: { pathId, courseId } }, data: { position } });
  }
}

/** One edit of a path (fields, courses, publish, archive), checked against the stamp the form was loaded with. */
export async function applyPathEdit(
  pathId: string,
  edit: PathEdit,
  actor: PathActor,
): Promise<{ ok: true } | PathFailure> {
  if (edit.intent === "fields" && !(await knownTeams(db, edit.audienceTeamIds))) {
    return { ok: false, status: 400, reason: "unknownTeam" };
  }
  return db.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT id FROM "LearningPath" WHERE id = ${pathId} FOR UPDATE`;
    const path = await tx.learningPath.findUnique({
      where: { id: pathId },
      select: {
        updatedAt: true,
        status: true,
        requiredHours: true,
        title: true,
        description: true,
        audienceRoles: true,
        audienceTeamIds: true,
        audienceLevel: true,
        autoAssignNewHires: true,
        dueDays: true,
      },
    });
    if (!path) return { ok: false as const, status: 404 as const, reason: "notFound" as const };
    if (pathStamp(path.updatedAt) !== edit.stamp)
      return { ok: false as const, status: 409 as const, reason: "stale" as const };
    const courseIds = (await pathCourses(tx, pathId)).map((course) => course.courseId);
    const audit = (action: string, before: unknown, after: unknown) =>
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
    switch (edit.intent) {
      case "fields": {
        const { intent: _intent, stamp: _stamp, ...fields } = edit;
        const data = fieldData(fields);
        const { updatedAt: _updatedAt, status: _status, ...before } = path;
        await tx.learningPath.update({ where: { id: pathId }, data });
        await audit("path.update", before, data);
        break;
      }
      case "add-course": {
        if (courseIds.includes(edit.courseId)) {
          return { ok: false as const, status: 409 as const, reason: "duplicate" as const };
        }
        const course = await tx.course.findFirst({
          where: { id: edit.courseId, status: "published", publishedVersionId: { not: null } },
          select: { id: true, slug: true },
        });
        if (!course) return { ok: false as const, status: 404 as const, reason: "notFound" as const };
        await tx.learningPathItem.create({ data: { pathId, courseId: course.id, position: courseIds.length } });
        await audit("path.update", { courses: courseIds }, { courses: [...courseIds, course.id], added: course.slug });
        break;
      }
      case "move-course": {
        const order = moveInOrder(courseIds, edit.courseId, edit.direction);
        if (!courseIds.includes(edit.courseId)) {
          return { ok: false as const, status: 404 as const, reason: "notFound" as const };
        }
        if (order) {
          await renumberItems(tx, pathId, order);
          await audit("path.update", { courses: courseIds }, { courses: order });
        }
        break;
      }
      case "remove-course": {
        if (!courseIds.includes(edit.courseId)) {
          return { ok: false as const, status: 404 as const, reason: "notFound" as const };
        }
        await tx.learningPathItem.delete({ where: { pathId_courseId: { pathId, courseId: edit.courseId } } });
        const rest = courseIds.filter((id) => id !== edit.courseId);
        await renumberItems(tx, pathId, rest);
        await audit("path.update", { courses: courseIds }, { courses: rest });
        break;
      }
      case "publish": {
        const problems = pathPublishProblems(await pathCourses(tx, pathId), path.requiredHours);
        if (problems.length > 0) {
          return { ok: false as const, status: 400 as const, reason: "invalid" as const, problems };
        }
        await tx.learningPath.update({ where: { id: pathId }, data: { status: "published" } });
        await audit("path.publish", { status: path.status }, { status: "published", courses: courseIds });
        break;
      }
      case "archive": {
        await tx.learningPath.update({ where: { id: pathId }, data: { status: "archived" } });
        await audit("path.archive", { status: path.status }, { status: "archived" });
        break;
      }
    }
    // Every edit moves the stamp forward, also when only items changed.
    await tx.learningPath.update({
      where: { id: pathId },
      data: { updatedAt: new Date(Math.max(Date.now(), path.updatedAt.getTime() + 1)) },
    });
    return { ok: true as const };
  });
}
