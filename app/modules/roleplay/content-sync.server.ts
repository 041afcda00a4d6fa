/**
 * Keeps role-play scenarios in step with content/scenarios/<slug>.yaml. Idempotent by content hash (of the parsed
 * script): an unchanged file changes nothing, a changed file becomes a new published version (the previous one is
 * superseded; sessions keep the version they started). A scenario authored or edited in the app (source: app) is
 * never overwritten — the report lists it as skipped, the knowledge base's rule. Every file is read and validated
 * before anything is written, so one broken file leaves the database untouched.
 */
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { parse as parseYaml } from "yaml";
import { db, type Prisma } from "~/utils/db.server";
import { recordAudit } from "~/modules/audit/audit.server";
import {
  publishScenarioVersion,
  resolveRubricVersionId,
  SCENARIO_SLUG,
  scriptContentHash,
  type ScenarioActor,
} from "./scenarios.server";
import { ScriptSchema, type Script } from "./script";
import { validateScript } from "./validate";

export const DEFAULT_SCENARIO_DIR = "content/scenarios";

export class ScenarioContentError extends Error {
  constructor(readonly problems: string[]) {
    super(`scenario content has errors:\n${problems.map((problem) => `  ${problem}`).join("\n")}`);
    this.name = "ScenarioContentError";
  }
}

export type ScenarioFile = { slug: string; file: string; script: Script; contentHash: string };

export type ScenarioSyncReport = { created: string[]; updated: string[]; unchanged: string[]; skipped: string[] };

/** Reads and checks every file (schema, then the script validation: errors fail, warnings pass). */
export async function readScenarioFiles(dir: string = DEFAULT_SCENARIO_DIR): Promise<ScenarioFile[]> {
  const problems: string[] = [];
  const files: ScenarioFile[] = [];
  const names = (await readdir(dir)).filter((name) => /\.ya?ml$/.test(name)).sort();
  for (const name of names) {
    const slug = name.replace(/\.ya?ml$/, "");
    if (!SCENARIO_SLUG.test(slug)) {
      problems.push(`${name}: the file name must be a slug (lower-case letters, digits, hyphens)`);
      continue;
    }
    let raw: unknown;
    try {
      raw = parseYaml(await readFile(path.join(dir, name), "utf8"));
    } catch (error) {
      problems.push(`${name}: not valid YAML (${(error as Error).message.split("\n")[0]})`);
      continue;
    }
    const parsed = ScriptSchema.safeParse(raw);
    if (!parsed.success) {
      for (const issue of parsed.error.issues)
        problems.push(`${name}: ${issue.path.join(".") || "(root)"}: ${issue.message}`);
      continue;
    }
    const errors = validateScript(parsed.data).filter((issue) => issue.severity === "error");
    if (errors.length > 0) {
      for (const issue of errors) problems.push(`${name}: ${issue.message}`);
      continue;
    }
    files.push({ slug, file: name, script: parsed.data, contentHash: scriptContentHash(parsed.data) });
  }
  if (problems.length > 0) throw new ScenarioContentError(problems);
  return files;
}

export async function syncScenarios(
  dir: string = DEFAULT_SCENARIO_DIR,
  actor: ScenarioActor = { id: null, ipAddress: "content-sync" },
): Promise<ScenarioSyncReport> {
  const files = await readScenarioFiles(dir);
  const missingRubrics: string[] = [];
  for (const file of files) {
    const slug = file.script.scoring.rubric;
    if (slug && !(await resolveRubricVersionId(db, slug))) {
      missingRubrics.push(`${file.file}: scoring.rubric "${slug}" is not an active QA rubric`);
    }
  }
  if (missingRubrics.length > 0) throw new ScenarioContentError(missingRubrics);

  const report: ScenarioSyncReport = { created: [], updated: [], unchanged: [], skipped: [] };
  for (const file of files) {
    const outcome = await db.$transaction(async (tx) => {
      const existing = await tx.scenario.findUnique({
        where: { slug: file.slug },
        select: { id: true, source: true, publishedVersion: { select: { contentHash: true } } },
      });
      if (existing?.source === "app") return "skipped" as const;
      if (existing?.publishedVersion?.contentHash === file.contentHash) return "unchanged" as const;
      const scenarioId =
        existing?.id ??
        (
          await tx.scenario.create({
            data: {
              slug: file.slug,
              source: "file",
              title: file.script.title,
              summary: file.script.summary,
              difficulty: file.script.difficulty,
              tags: file.script.tags,
            },
            select: { id: true },
          })
        ).id;
      await tx.$queryRaw`SELECT id FROM "Scenario" WHERE id = ${scenarioId} FOR UPDATE`;
      const latest = await tx.scenarioVersion.findFirst({
        where: { scenarioId },
        orderBy: { version: "desc" },
        select: { version: true },
      });
      const version = await tx.scenarioVersion.create({
        data: {
          scenarioId,
          version: (latest?.version ?? 0) + 1,
          title: file.script.title,
          script: file.script as unknown as Prisma.InputJsonValue,
          contentHash: file.contentHash,
        },
        select: { id: true, version: true },
      });
      if (!existing) {
        await recordAudit(
          {
            actorId: actor.id,
            action: "scenario.create",
            entityType: "Scenario",
            entityId: scenarioId,
            after: { slug: file.slug, title: file.script.title, source: "file" },
            ipAddress: actor.ipAddress ?? null,
          },
          tx,
        );
      }
      const published = await publishScenarioVersion(tx, scenarioId, version.id, file.script, actor);
      if (!published.ok) throw new ScenarioContentError([`${file.file}: could not publish (${published.reason})`]);
      return existing ? ("updated" as const) : ("created" as const);
    });
    report[outcome].push(file.slug);
  }
  return report;
}

export function describeScenarioSyncReport(report: ScenarioSyncReport): string {
  return (
    `scenarios: ${report.created.length} created, ${report.updated.length} updated, ` +
    `${report.unchanged.length} unchanged, ${report.skipped.length} skipped (edited in the app)`
  );
}
