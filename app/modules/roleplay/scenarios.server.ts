/**
 * Scenario authoring (演练场景): the list, create, the single draft version, publish, archive and version history.
 * The version policy is the courses' (docs/decisions/005-training-content-versions.md): at most one draft; publishing
 * freezes it as the new published version and the previous one becomes superseded — sessions that started an older
 * version keep it. Saving a draft in the app makes the scenario app-authored, so a later content sync leaves it alone.
 */
import { createHash } from "node:crypto";
import { recordAudit } from "~/modules/audit/audit.server";
import { db, Prisma } from "~/utils/db.server";
import { starterScript, type ScenarioStatus, type StarterInput } from "./authoring";
import { ScriptSchema, type Script } from "./script";
import { validateScript, type ScriptIssue } from "./validate";

type Tx = Prisma.TransactionClient;

export type ScenarioActor = { id: string | null; ipAddress?: string | null };

export const SCENARIO_SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export type AuthoringFailure = {
  ok: false;
  status: 400 | 404 | 409;
  reason: "notFound" | "stale" | "slugTaken" | "archived" | "noDraft" | "onlyVersion" | "invalid" | "unknownRubric";
  issues?: ScriptIssue[];
};

const notFound = { ok: false, status: 404, reason: "notFound" } as const satisfies AuthoringFailure;

function isUniqueViolation(error: unknown) {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}

/** sha256 of the parsed script (defaults filled in, keys in schema order): the same script always hashes the same. */
export function scriptContentHash(script: Script): string {
  return createHash("sha256").update(JSON.stringify(script), "utf8").digest("hex");
}

/** Scripts are stored parsed; an old row that no longer parses is reported rather than crashing a page. */
export function readStoredScript(value: unknown): Script | null {
  const parsed = ScriptSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}

export function versionStamp(updatedAt: Date): string {
  return updatedAt.toISOString();
}

/** The rubric version a person scores with: the newest version of the active rubric with that slug. */
export async function resolveRubricVersionId(tx: Tx | typeof db, slug: string | undefined): Promise<string | null> {
  if (!slug) return null;
  const version = await tx.rubricVersion.findFirst({
    where: { rubric: { slug, status: "active" } },
    orderBy: { version: "desc" },
    select: { id: true },
  });
  return version?.id ?? null;
}

export async function listActiveRubrics() {
  return db.rubric.findMany({
    where: { status: "active" },
    orderBy: { name: "asc" },
    select: { slug: true, name: true },
  });
}

export async function listScenarios(filter: { q?: string; status?: ScenarioStatus; page: number; pageSize: number }) {
  const q = filter.q?.trim();
  const where: Prisma.ScenarioWhereInput = {
    ...(q
      ? {
          OR: [
            { title: { contains: q, mode: "insensitive" } },
            { slug: { contains: q.toLowerCase() } },
            { tags: { has: q } },
          ],
        }
      : {}),
    ...(filter.status ? { status: filter.status } : {}),
  };
  const [total, scenarios] = await Promise.all([
    db.scenario.count({ where }),
    db.scenario.findMany({
      where,
      orderBy: [{ updatedAt: "desc" }, { id: "asc" }],
      skip: (filter.page - 1) * filter.pageSize,
      take: filter.pageSize,
      select: {
        id: true,
        slug: true,
        title: true,
        status: true,
        source: true,
        difficulty: true,
        tags: true,
        updatedAt: true,
        publishedVersion: { select: { version: true, rubricVersionId: true } },
        versions: { where: { status: "draft" }, select: { version: true }, take: 1 },
      },
    }),
  ]);
  const ids = scenarios.map((scenario) => scenario.id);
  // Test-play sessions are the author's own and never count as practice.
  const sessions = ids.length
    ? await db.$queryRaw<{ scenarioId: string; sessions: bigint; players: bigint }[]>`
        SELECT v."scenarioId", COUNT(*) AS sessions, COUNT(DISTINCT s."userId") AS players
        FROM "RolePlaySession" s JOIN "ScenarioVersion" v ON v.id = s."scenarioVersionId"
        WHERE v."scenarioId" IN (${Prisma.join(ids)}) AND s.mode <> 'test'
        GROUP BY v."scenarioId"`
    : [];
  const counts = new Map(sessions.map((row) => [row.scenarioId, row]));
  return {
    total,
    rows: scenarios.map((scenario) => ({
      id: scenario.id,
      slug: scenario.slug,
      title: scenario.title,
      status: scenario.status,
      source: scenario.source,
      difficulty: scenario.difficulty,
      tags: scenario.tags,
      updatedAt: scenario.updatedAt.toISOString(),
      version: scenario.publishedVersion?.version ?? null,
      draftVersion: scenario.versions[0]?.version ?? null,
      scoredByRubric: Boolean(scenario.publishedVersion?.rubricVersionId),
      sessions: Number(counts.get(scenario.id)?.sessions ?? 0),
      players: Number(counts.get(scenario.id)?.players ?? 0),
    })),
  };
}

export type CreateScenarioInput = StarterInput & { slug: string; tags: string[] };

export async function createScenario(input: CreateScenarioInput, actor: ScenarioActor) {
  const script = { ...starterScript(input), tags: input.tags };
  try {
    return await db.$transaction(async (tx) => {
      const scenario = await tx.scenario.create({
        data: {
          slug: input.slug,
          title: script.title,
          summary: script.summary,
          difficulty: script.difficulty,
          tags: script.tags,
          source: "app",
          createdById: actor.id,
        },
        select: { id: true },
      });
      await tx.scenarioVersion.create({
        data: {
          scenarioId: scenario.id,
          version: 1,
          title: script.title,
          script: script as unknown as Prisma.InputJsonValue,
          contentHash: scriptContentHash(script),
          createdById: actor.id,
        },
      });
      await recordAudit(
        {
          actorId: actor.id,
          action: "scenario.create",
          entityType: "Scenario",
          entityId: scenario.id,
          after: { slug: input.slug, title: script.title, version: 1 },
          ipAddress: actor.ipAddress ?? null,
        },
        tx,
      );
      return { ok: true as const, scenarioId: scenario.id };
    });
  } catch (error) {
    if (isUniqueViolation(error)) return { ok: false as const, status: 409 as const, reason: "slugTaken" as const };
    throw error;
  }
}

/** The scenario overview: its current script (the draft when there is one), versions and validation. */
export async function loadScenarioOverview(scenarioId: string) {
  const scenario = await db.scenario.findUnique({
    where: { id: scenarioId },
    select: {
      id: true,
      slug: true,
      title: true,
      status: true,
      source: true,
      archivedAt: true,
      publishedVersionId: true,
      versions: {
        orderBy: { version: "desc" },
        take: 50,
        select: {
          id: true,
          version: true,
          status: true,
          title: true,
          contentHash: true,
          publishedAt: true,
          updatedAt: true,
          rubricVersion: { select: { version: true, rubric: { select: { name: true } } } },
          _count: { select: { sessions: { where: { mode: { not: "test" } } } } },
        },
      },
    },
  });
  if (!scenario) return null;
  const draft = scenario.versions.find((version) => version.status === "draft") ?? null;
  const shownId = draft?.id ?? scenario.publishedVersionId ?? scenario.versions[0]?.id ?? null;
  const shown = shownId
    ? await db.scenarioVersion.findUniqueOrThrow({
        where: { id: shownId },
        select: { id: true, version: true, status: true, script: true, updatedAt: true },
      })
    : null;
  const script = shown ? readStoredScript(shown.script) : null;
  return {
    scenario: {
      id: scenario.id,
      slug: scenario.slug,
      title: scenario.title,
      status: scenario.status,
      source: scenario.source,
      archivedAt: scenario.archivedAt?.toISOString() ?? null,
    },
    shown: shown
      ? { id: shown.id, version: shown.version, status: shown.status, stamp: versionStamp(shown.updatedAt) }
      : null,
    script,
    issues: script ? validateScript(script) : [],
    hasDraft: Boolean(draft),
    versions: scenario.versions.map((version) => ({
      id: version.id,
      version: version.version,
      status: version.status,
      title: version.title,
      publishedAt: version.publishedAt?.toISOString() ?? null,
      updatedAt: version.updatedAt.toISOString(),
      rubric: version.rubricVersion
        ? { name: version.rubricVersion.rubric.name, version: version.rubricVersion.version }
        : null,
      sessions: version._count.sessions,
    })),
  };
}

/** What the editor opens: the draft, or the published script when there is no draft yet (saving creates it). */
export async function loadScenarioForEditing(scenarioId: string) {
  const scenario = await db.scenario.findUnique({
    where: { id: scenarioId },
    select: {
      id: true,
      slug: true,
      title: true,
      status: true,
      source: true,
      publishedVersion: { select: { id: true, version: true, script: true } },
      versions: {
        where: { status: "draft" },
        take: 1,
        select: { id: true, version: true, script: true, updatedAt: true },
      },
    },
  });
  if (!scenario) return null;
  const draft = scenario.versions[0] ?? null;
  const base = draft ?? scenario.publishedVersion;
  const script = base ? readStoredScript(base.script) : null;
  return {
    scenario: { id: scenario.id, slug: scenario.slug, title: scenario.title, status: scenario.status },
    source: scenario.source,
    draft: draft ? { version: draft.version, stamp: versionStamp(draft.updatedAt) } : null,
    basedOn: draft ? null : (scenario.publishedVersion?.version ?? null),
    script,
    issues: script ? validateScript(script) : [],
  };
}

async function lockScenario(tx: Tx, scenarioId: string) {
  await tx.$queryRaw`SELECT id FROM "Scenario" WHERE id = ${scenarioId} FOR UPDATE`;
  return tx.scenario.findUnique({
    where: { id: scenarioId },
    select: { id: true, status: true, source: true, publishedVersionId: true },
  });
}

async function nextVersionNumber(tx: Tx, scenarioId: string) {
  const latest = await tx.scenarioVersion.findFirst({
    where: { scenarioId },
    orderBy: { version: "desc" },
    select: { version: true },
  });
  return (latest?.version ?? 0) + 1;
}

/**
 * Saves the whole script as the draft (creating draft n+1 from nothing when there is none). The stamp is the
 * draft's updatedAt when the editor opened it ("" when it opened the published version): a save in between is 409.
 * A script that parses is always kept, even with validation errors — those only block publishing.
 */
export async function saveScenarioDraft(
  scenarioId: string,
  input: { script: Script; stamp: string },
  actor: ScenarioActor,
): Promise<{ ok: true; stamp: string; version: number; issues: ScriptIssue[] } | AuthoringFailure> {
  return db.$transaction(async (tx) => {
    const scenario = await lockScenario(tx, scenarioId);
    if (!scenario) return notFound;
    if (scenario.status === "archived")
      return { ok: false as const, status: 409 as const, reason: "archived" as const };
    const draft = await tx.scenarioVersion.findFirst({
      where: { scenarioId, status: "draft" },
      select: { id: true, version: true, updatedAt: true },
    });
    if ((draft ? versionStamp(draft.updatedAt) : "") !== input.stamp) {
      return { ok: false as const, status: 409 as const, reason: "stale" as const };
    }
    const data = {
      title: input.script.title,
      script: input.script as unknown as Prisma.InputJsonValue,
      contentHash: scriptContentHash(input.script),
    };
    const saved = draft
      ? await tx.scenarioVersion.update({
          where: { id: draft.id },
          data: { ...data, updatedAt: laterThan(draft.updatedAt) },
          select: { version: true, updatedAt: true },
        })
      : await tx.scenarioVersion.create({
          data: { ...data, scenarioId, version: await nextVersionNumber(tx, scenarioId), createdById: actor.id },
          select: { version: true, updatedAt: true },
        });
    await tx.scenario.update({
      where: { id: scenarioId },
      data: {
        source: "app",
        // A scenario never published shows its draft in lists.
        ...(scenario.publishedVersionId
          ? {}
          : {
              title: input.script.title,
              summary: input.script.summary,
              difficulty: input.script.difficulty,
              tags: input.script.tags,
            }),
      },
    });
    await recordAudit(
      {
        actorId: actor.id,
        action: "scenario.draft.save",
        entityType: "Scenario",
        entityId: scenarioId,
        after: { version: saved.version, contentHash: data.contentHash, created: !draft },
        ipAddress: actor.ipAddress ?? null,
      },
      tx,
    );
    return {
      ok: true as const,
      stamp: versionStamp(saved.updatedAt),
      version: saved.version,
      issues: validateScript(input.script),
    };
  });
}

/** updatedAt strictly after the previous value, so two saves in one millisecond still get different stamps. */
function laterThan(previous: Date): Date {
  const now = new Date();
  return now.getTime() > previous.getTime() ? now : new Date(previous.getTime() + 1);
}

/** "New draft from published": copies the published script into draft n+1 (no-op when a draft exists). */
export async function createDraftFromPublished(
  scenarioId: string,
  actor: ScenarioActor,
): Promise<{ ok: true; version: number; created: boolean } | AuthoringFailure> {
  return db.$transaction(async (tx) => {
    const scenario = await lockScenario(tx, scenarioId);
    if (!scenario) return notFound;
    const draft = await tx.scenarioVersion.findFirst({
      where: { scenarioId, status: "draft" },
      select: { version: true },
    });
    if (draft) return { ok: true as const, version: draft.version, created: false };
    if (scenario.status === "archived")
      return { ok: false as const, status: 409 as const, reason: "archived" as const };
    if (!scenario.publishedVersionId) return { ok: false as const, status: 409 as const, reason: "noDraft" as const };
    const published = await tx.scenarioVersion.findUniqueOrThrow({
      where: { id: scenario.publishedVersionId },
      select: { title: true, script: true, contentHash: true },
    });
    const version = await nextVersionNumber(tx, scenarioId);
    await tx.scenarioVersion.create({
      data: {
        scenarioId,
        version,
        title: published.title,
        script: published.script as Prisma.InputJsonValue,
        contentHash: published.contentHash,
        createdById: actor.id,
      },
    });
    await tx.scenario.update({ where: { id: scenarioId }, data: { source: "app" } });
    await recordAudit(
      {
        actorId: actor.id,
        action: "scenario.draft.create",
        entityType: "Scenario",
        entityId: scenarioId,
        after: { version },
        ipAddress: actor.ipAddress ?? null,
      },
      tx,
    );
    return { ok: true as const, version, created: true };
  });
}

/**
 * Makes `versionId` the published version inside the caller's transaction: the previous published version becomes
 * superseded, the scenario's list fields follow the script, the rubric version is resolved from `scoring.rubric`.
 */
export async function publishScenarioVersion(
  tx: Tx,
  scenarioId: string,
  versionId: string,
  script: Script,
  actor: ScenarioActor,
  at: Date = new Date(),
): Promise<{ ok: true; version: number } | AuthoringFailure> {
  const rubricVersionId = await resolveRubricVersionId(tx, script.scoring.rubric);
  if (script.scoring.rubric && !rubricVersionId) {
    return { ok: false as const, status: 400 as const, reason: "unknownRubric" as const };
  }
  const scenario = await tx.scenario.findUniqueOrThrow({
    where: { id: scenarioId },
    select: { status: true, publishedVersion: { select: { id: true, version: true } } },
  });
  const previous = scenario.publishedVersion;
  if (previous) {
    await tx.scenario.update({ where: { id: scenarioId }, data: { publishedVersionId: null } });
    await tx.scenarioVersion.update({ where: { id: previous.id }, data: { status: "superseded" } });
  }
  const published = await tx.scenarioVersion.update({
    where: { id: versionId },
    data: { status: "published", publishedAt: at, publishedById: actor.id, rubricVersionId },
    select: { version: true },
  });
  await tx.scenario.update({
    where: { id: scenarioId },
    data: {
      publishedVersionId: versionId,
      title: script.title,
      summary: script.summary,
      difficulty: script.difficulty,
      tags: script.tags,
      // An archived scenario stays archived: publishing only prepares the version it would come back with.
      ...(scenario.status === "archived" ? {} : { status: "published" as const, archivedAt: null }),
    },
  });
  await recordAudit(
    {
      actorId: actor.id,
      action: "scenario.publish",
      entityType: "Scenario",
      entityId: scenarioId,
      before: previous ? { version: previous.version } : null,
      after: { version: published.version, rubricVersionId },
      ipAddress: actor.ipAddress ?? null,
    },
    tx,
  );
  return { ok: true as const, version: published.version };
}

/** Publishes the draft if it validates without errors (warnings are allowed). */
export async function publishScenarioDraft(
  scenarioId: string,
  actor: ScenarioActor,
): Promise<{ ok: true; version: number } | AuthoringFailure> {
  return db.$transaction(async (tx) => {
    const scenario = await lockScenario(tx, scenarioId);
    if (!scenario) return notFound;
    const draft = await tx.scenarioVersion.findFirst({
      where: { scenarioId, status: "draft" },
      select: { id: true, script: true },
    });
    if (!draft) return { ok: false as const, status: 409 as const, reason: "noDraft" as const };
    const script = readStoredScript(draft.script);
    if (!script) return { ok: false as const, status: 400 as const, reason: "invalid" as const, issues: [] };
    const issues = validateScript(script);
    if (issues.some((issue) => issue.severity === "error")) {
      return { ok: false as const, status: 400 as const, reason: "invalid" as const, issues };
    }
    return publishScenarioVersion(tx, scenarioId, draft.id, script, actor);
  });
}

/** Deletes the draft; the only version of a never-published scenario stays. */
export async function discardScenarioDraft(
  scenarioId: string,
  actor: ScenarioActor,
): Promise<{ ok: true } | AuthoringFailure> {
  return db.$transaction(async (tx) => {
    const scenario = await lockScenario(tx, scenarioId);
    if (!scenario) return notFound;
    const draft = await tx.scenarioVersion.findFirst({
      where: { scenarioId, status: "draft" },
      select: { id: true, version: true, _count: { select: { sessions: true } } },
    });
    if (!draft) return { ok: false as const, status: 409 as const, reason: "noDraft" as const };
    if (!scenario.publishedVersionId) {
      return { ok: false as const, status: 409 as const, reason: "onlyVersion" as const };
    }
    // Test-play sessions of the draft go with it: they are the author's own trial runs.
    await tx.rolePlaySession.deleteMany({ where: { scenarioVersionId: draft.id, mode: "test" } });
    if (await tx.rolePlaySession.count({ where: { scenarioVersionId: draft.id } })) {
      return { ok: false as const, status: 409 as const, reason: "onlyVersion" as const };
    }
    await tx.scenarioVersion.delete({ where: { id: draft.id } });
    await recordAudit(
      {
        actorId: actor.id,
        action: "scenario.draft.discard",
        entityType: "Scenario",
        entityId: scenarioId,
        before: { version: draft.version },
        ipAddress: actor.ipAddress ?? null,
      },
      tx,
    );
    return { ok: true as const };
  });
}

/** Archived scenarios cannot be started for practice or picked for exams; sessions already running finish. */
export async function setScenarioArchived(
  scenarioId: string,
  archived: boolean,
  actor: ScenarioActor,
): Promise<{ ok: true; changed: boolean } | AuthoringFailure> {
  return db.$transaction(async (tx) => {
    const scenario = await lockScenario(tx, scenarioId);
    if (!scenario) return notFound;
    if ((scenario.status === "archived") === archived) return { ok: true as const, changed: false };
    const status = archived ? "archived" : scenario.publishedVersionId ? "published" : "draft";
    await tx.scenario.update({
      where: { id: scenarioId },
      data: { status, archivedAt: archived ? new Date() : null },
    });
    await recordAudit(
      {
        actorId: actor.id,
        action: archived ? "scenario.archive" : "scenario.restore",
        entityType: "Scenario",
        entityId: scenarioId,
        before: { status: scenario.status },
        after: { status },
        ipAddress: actor.ipAddress ?? null,
      },
      tx,
    );
    return { ok: true as const, changed: true };
  });
}

/** The version a test-play starts: the draft, or the published version when there is no draft. */
export async function testPlayTarget(scenarioId: string) {
  const scenario = await db.scenario.findUnique({
    where: { id: scenarioId },
    select: {
      id: true,
      title: true,
      publishedVersion: { select: { id: true, version: true, status: true, script: true } },
      versions: {
        where: { status: "draft" },
        take: 1,
        select: { id: true, version: true, status: true, script: true },
      },
    },
  });
  if (!scenario) return null;
  const version = scenario.versions[0] ?? scenario.publishedVersion;
  if (!version) return { scenario: { id: scenario.id, title: scenario.title }, version: null, issues: [] };
  const script = readStoredScript(version.script);
  return {
    scenario: { id: scenario.id, title: scenario.title },
    version: { id: version.id, version: version.version, status: version.status },
    issues: script ? validateScript(script) : [],
  };
}
