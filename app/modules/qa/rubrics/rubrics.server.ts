import { randomBytes } from "node:crypto";
import { recordAudit } from "~/modules/audit/audit.server";
import { db, Prisma } from "~/utils/db.server";
import {
  assignCriterionKeys,
  canChangeStatus,
  sameVersionContent,
  versionContent,
  type KeyedRubricDefinition,
  type RubricDefinition,
  type RubricStatus,
  type VersionContent,
} from "./rubric-schema";

type Tx = Prisma.TransactionClient;

export type RubricActor = { id: string | null; ipAddress?: string | null };

/** A stored rubric as a definition: the rubric's name and description with its current version's content. */
export type StoredDefinition = { name: string; description: string | null } & VersionContent;

export type SaveOutcome = "created" | "unchanged" | "updated" | "versioned";

export type SaveResult =
  | { ok: true; rubricId: string; outcome: SaveOutcome; version: number }
  | { ok: false; status: 404 | 409; reason: "notFound" | "staleVersion" | "slugTaken" | "concurrentEdit" };

const CRITERION_SELECT = {
  key: true,
  name: true,
  description: true,
  guidance: true,
  weight: true,
  scale: true,
  maxPoints: true,
  allowNa: true,
  critical: true,
  bonus: true,
  competency: true,
  articleId: true,
} as const;

function isUniqueViolation(error: unknown) {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}

/** A slug for rubrics made in the builder; content rubrics take theirs from the file name. */
export function newRubricSlug() {
  return `rubric-${randomBytes(4).toString("hex")}`;
}

async function writeVersionContent(tx: Tx, versionId: string, content: VersionContent) {
  for (const [sectionPosition, section] of content.sections.entries()) {
    const { id: sectionId } = await tx.rubricSection.create({
      data: { versionId, position: sectionPosition, name: section.name },
      select: { id: true },
    });
    await tx.rubricCriterion.createMany({
      data: section.criteria.map((criterion, position) => ({ ...criterion, versionId, sectionId, position })),
    });
  }
}

async function readVersionContent(tx: Tx | typeof db, versionId: string): Promise<VersionContent | null> {
  const version = await tx.rubricVersion.findUnique({
    where: { id: versionId },
    select: {
      passMark: true,
      channels: true,
      sections: {
        orderBy: { position: "asc" },
        select: { name: true, criteria: { orderBy: { position: "asc" }, select: CRITERION_SELECT } },
      },
    },
  });
  return version ? versionContent(version) : null;
}

/** A version is in use once any review or calibration session points at it: from then on it is frozen. */
async function versionInUse(tx: Tx, versionId: string) {
  const [reviews, calibrations] = await Promise.all([
    tx.review.count({ where: { rubricVersionId: versionId } }),
    tx.calibrationSession.count({ where: { rubricVersionId: versionId } }),
  ]);
  return reviews + calibrations > 0;
}

export async function createRubric(
  input: RubricDefinition,
  actor: RubricActor,
  options: { slug?: string; status?: RubricStatus } = {},
): Promise<SaveResult> {
  const definition = assignCriterionKeys(input);
  const content = versionContent(definition);
  const slug = options.slug ?? newRubricSlug();
  try {
    return await db.$transaction(async (tx) => {
      const rubric = await tx.rubric.create({
        data: {
          slug,
          name: definition.name,
          description: definition.description,
          status: options.status ?? "draft",
          createdById: actor.id,
        },
        select: { id: true },
      });
      const version = await tx.rubricVersion.create({
        data: {
          rubricId: rubric.id,
          version: 1,
          passMark: content.passMark,
          channels: content.channels,
          createdById: actor.id,
        },
        select: { id: true },
      });
      await writeVersionContent(tx, version.id, content);
      await recordAudit(
        {
          actorId: actor.id,
          action: "rubric.create",
          entityType: "rubric",
          entityId: rubric.id,
          after: { slug, name: definition.name, status: options.status ?? "draft", version: 1, ...content },
          ipAddress: actor.ipAddress ?? null,
        },
        tx,
      );
      return { ok: true as const, rubricId: rubric.id, outcome: "created" as const, version: 1 };
    });
  } catch (error) {
    if (isUniqueViolation(error)) return { ok: false, status: 409, reason: "slugTaken" };
    throw error;
  }
}

/**
 * Saves a whole definition. Name and description live on the rubric. Version content (pass mark, channels,
 * sections, criteria) is edited in place while no review or calibration uses the current version; once one does,
 * the change becomes a new version (version + 1) with the same criterion keys, and old reviews keep theirs.
 * `baseVersion` is the version the editor started from: a save based on an older version is refused.
 */
export async function saveRubric(
  rubricId: string,
  input: RubricDefinition,
  actor: RubricActor,
  options: { baseVersion?: number } = {},
): Promise<SaveResult> {
  const definition: KeyedRubricDefinition = assignCriterionKeys(input);
  const content = versionContent(definition);
  try {
    return await db.$transaction(async (tx) => {
      const rubric = await tx.rubric.findUnique({
        where: { id: rubricId },
        select: { id: true, name: true, description: true },
      });
      if (!rubric) return { ok: false as const, status: 404 as const, reason: "notFound" as const };
      const current = await tx.rubricVersion.findFirst({
        where: { rubricId },
        orderBy: { version: "desc" },
        select: { id: true, version: true },
      });
      if (!current) return { ok: false as const, status: 404 as const, reason: "notFound" as const };
      if (options.baseVersion !== undefined && options.baseVersion !== current.version) {
        return { ok: false as const, status: 409 as const, reason: "staleVersion" as const };
      }
      // Locks the version row: a review being created for it waits (its foreign key needs a share lock), so the
      // in-use check below cannot race with a new review.
      await tx.$queryRaw`SELECT id FROM "RubricVersion" WHERE id = ${current.id} FOR UPDATE`;

      const metaChanged = rubric.name !== definition.name || rubric.description !== definition.description;
      const before = await readVersionContent(tx, current.id);
      const contentChanged = !before || !sameVersionContent(before, content);
      if (!metaChanged && !contentChanged) {
        return { ok: true as const, rubricId, outcome: "unchanged" as const, version: current.version };
      }
      if (metaChanged) {
        await tx.rubric.update({
          where: { id: rubricId },
          data: { name: definition.name, description: definition.description },
        });
      }
      const meta = {
        before: { name: rubric.name, description: rubric.description },
        after: { name: definition.name, description: definition.description },
      };
      if (!contentChanged) {
        await recordAudit(
          {
            actorId: actor.id,
            action: "rubric.update",
            entityType: "rubric",
            entityId: rubricId,
            ...meta,
            ipAddress: actor.ipAddress ?? null,
          },
          tx,
        );
        return { ok: true as const, rubricId, outcome: "updated" as const, version: current.version };
      }

      if (await versionInUse(tx, current.id)) {
        const next = await tx.rubricVersion.create({
          data: {
            rubricId,
            version: current.version + 1,
            passMark: content.passMark,
            channels: content.channels,
            createdById: actor.id,
          },
          select: { id: true, version: true },
        });
        await writeVersionContent(tx, next.id, content);
        await tx.rubric.update({ where: { id: rubricId }, data: { updatedAt: new Date() } });
        await recordAudit(
          {
            actorId: actor.id,
            action: "rubric.version",
            entityType: "rubric",
            entityId: rubricId,
            before: { ...meta.before, version: current.version, ...before },
            after: { ...meta.after, version: next.version, ...content },
            ipAddress: actor.ipAddress ?? null,
          },
          tx,
        );
        return { ok: true as const, rubricId, outcome: "versioned" as const, version: next.version };
      }

      // Not used yet: nothing refers to these rows, so the version's content is simply rewritten.
      await tx.rubricSection.deleteMany({ where: { versionId: current.id } });
      await tx.rubricVersion.update({
        where: { id: current.id },
        data: { passMark: content.passMark, channels: content.channels },
      });
      await writeVersionContent(tx, current.id, content);
      await tx.rubric.update({ where: { id: rubricId }, data: { updatedAt: new Date() } });
      await recordAudit(
        {
          actorId: actor.id,
          action: "rubric.update",
          entityType: "rubric",
          entityId: rubricId,
          before: { ...meta.before, version: current.version, ...before },
          after: { ...meta.after, version: current.version, ...content },
          ipAddress: actor.ipAddress ?? null,
        },
        tx,
      );
      return { ok: true as const, rubricId, outcome: "updated" as const, version: current.version };
    });
  } catch (error) {
    // Two editors saving a used version at once both try to create version n + 1.
    if (isUniqueViolation(error)) return { ok: false, status: 409, reason: "concurrentEdit" };
    throw error;
  }
}

export type StatusResult =
  { ok: true; changed: boolean } | { ok: false; status: 404 | 409; reason: "notFound" | "badTransition" };

export async function setRubricStatus(
  rubricId: string,
  status: RubricStatus,
  actor: RubricActor,
): Promise<StatusResult> {
  return db.$transaction(async (tx) => {
    const rubric = await tx.rubric.findUnique({ where: { id: rubricId }, select: { status: true } });
    if (!rubric) return { ok: false as const, status: 404 as const, reason: "notFound" as const };
    if (rubric.status === status) return { ok: true as const, changed: false };
    if (!canChangeStatus(rubric.status, status)) {
      return { ok: false as const, status: 409 as const, reason: "badTransition" as const };
    }
    // Conditional on the status read above, so two concurrent changes cannot both apply.
    const updated = await tx.rubric.updateMany({ where: { id: rubricId, status: rubric.status }, data: { status } });
    if (updated.count === 0) return { ok: false as const, status: 409 as const, reason: "badTransition" as const };
    await recordAudit(
      {
        actorId: actor.id,
        action: "rubric.status",
        entityType: "rubric",
        entityId: rubricId,
        before: { status: rubric.status },
        after: { status },
        ipAddress: actor.ipAddress ?? null,
      },
      tx,
    );
    return { ok: true as const, changed: true };
  });
}

export type RubricListRow = {
  id: string;
  slug: string;
  name: string;
  status: RubricStatus;
  version: number;
  channels: string[];
  criteria: number;
  reviews: number;
  updatedAt: string;
};

export async function listRubrics(filter: { status?: RubricStatus; page: number; pageSize: number }) {
  const where = filter.status ? { status: filter.status } : {};
  const [rubrics, total] = await Promise.all([
    db.rubric.findMany({
      where,
      orderBy: [{ updatedAt: "desc" }, { id: "asc" }],
      skip: (filter.page - 1) * filter.pageSize,
      take: filter.pageSize,
      select: {
        id: true,
        slug: true,
        name: true,
        status: true,
        updatedAt: true,
        versions: {
          orderBy: { version: "desc" },
          take: 1,
          select: { version: true, channels: true, _count: { select: { criteria: true } } },
        },
      },
    }),
    db.rubric.count({ where }),
  ]);
  const reviewCounts = await reviewsPerRubric(rubrics.map((rubric) => rubric.id));
  const rows: RubricListRow[] = rubrics.map((rubric) => {
    const current = rubric.versions[0];
    return {
      id: rubric.id,
      slug: rubric.slug,
      name: rubric.name,
      status: rubric.status,
      version: current?.version ?? 0,
      channels: current?.channels ?? [],
      criteria: current?._count.criteria ?? 0,
      reviews: reviewCounts.get(rubric.id) ?? 0,
      updatedAt: rubric.updatedAt.toISOString(),
    };
  });
  return { rows, total };
}

/** Regular, non-cancelled reviews over every version of each rubric. */
async function reviewsPerRubric(rubricIds: string[]): Promise<Map<string, number>> {
  if (rubricIds.length === 0) return new Map();
  const counts = await db.$queryRaw<{ rubricId: string; reviews: bigint }[]>`
    SELECT v."rubricId" AS "rubricId", count(r.id) AS reviews
    FROM "RubricVersion" v
    JOIN "Review" r ON r."rubricVersionId" = v.id
    WHERE v."rubricId" IN (${Prisma.join(rubricIds)}) AND r.kind = 'regular' AND r.status <> 'cancelled'
    GROUP BY v."rubricId"`;
  return new Map(counts.map((row) => [row.rubricId, Number(row.reviews)]));
}

export async function getRubricSummary(rubricId: string) {
  return db.rubric.findUnique({
    where: { id: rubricId },
    select: { id: true, slug: true, name: true, description: true, status: true, createdAt: true, updatedAt: true },
  });
}

export type RubricVersionHistoryRow = {
  id: string;
  version: number;
  createdAt: string;
  createdBy: string | null;
  criteria: number;
  reviews: number;
};

/** Every version, newest first, with who made it and how many reviews use it. */
export async function listRubricVersions(rubricId: string): Promise<RubricVersionHistoryRow[]> {
  const versions = await db.rubricVersion.findMany({
    where: { rubricId },
    orderBy: { version: "desc" },
    select: {
      id: true,
      version: true,
      createdAt: true,
      createdById: true,
      _count: { select: { criteria: true, reviews: true } },
    },
  });
  const authorIds = [...new Set(versions.map((v) => v.createdById).filter((id): id is string => id !== null))];
  const authors = authorIds.length
    ? await db.user.findMany({ where: { id: { in: authorIds } }, select: { id: true, name: true } })
    : [];
  const names = new Map(authors.map((author) => [author.id, author.name]));
  return versions.map((version) => ({
    id: version.id,
    version: version.version,
    createdAt: version.createdAt.toISOString(),
    createdBy: version.createdById ? (names.get(version.createdById) ?? null) : null,
    criteria: version._count.criteria,
    reviews: version._count.reviews,
  }));
}

/** The current version as a definition the builder edits (keys included, so they survive the save). */
export async function loadRubricForEditing(rubricId: string) {
  const rubric = await db.rubric.findUnique({
    where: { id: rubricId },
    select: {
      id: true,
      name: true,
      description: true,
      status: true,
      versions: { orderBy: { version: "desc" }, take: 1, select: { id: true, version: true } },
    },
  });
  const current = rubric?.versions[0];
  if (!rubric || !current) return null;
  const content = await readVersionContent(db, current.id);
  if (!content) return null;
  const [reviews, calibrations] = await Promise.all([
    db.review.count({ where: { rubricVersionId: current.id } }),
    db.calibrationSession.count({ where: { rubricVersionId: current.id } }),
  ]);
  const definition: StoredDefinition = {
    name: rubric.name,
    description: rubric.description,
    ...content,
  };
  return {
    id: rubric.id,
    status: rubric.status,
    version: current.version,
    inUse: reviews + calibrations > 0,
    definition,
  };
}

/** A version id by its number, for viewing history. */
export async function rubricVersionIdByNumber(rubricId: string, version: number) {
  const found = await db.rubricVersion.findUnique({
    where: { rubricId_version: { rubricId, version } },
    select: { id: true },
  });
  return found?.id ?? null;
}
