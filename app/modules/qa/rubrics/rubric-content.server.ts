/**
 * Keeps rubrics in step with content/qa/rubrics/<slug>.yaml. Idempotent by slug: unchanged files change nothing;
 * a changed file is saved through the same rule as the builder (edited in place until a review uses the current
 * version, a new version after that).
 */
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { parse as parseYaml } from "yaml";
import { db } from "~/utils/db.server";
import { ContentRubricSchema, errorsByPath, type RubricDefinition } from "./rubric-schema";
import { createRubric, saveRubric, setRubricStatus, type RubricActor } from "./rubrics.server";

export const SLUG_PATTERN = /^[a-z0-9][a-z0-9-]*$/;

export type RubricSyncReport = {
  created: string[];
  updated: string[];
  versioned: string[];
  unchanged: string[];
  activated: string[];
};

export class RubricContentError extends Error {
  constructor(readonly problems: string[]) {
    super(`rubric content has errors:\n${problems.map((problem) => `  ${problem}`).join("\n")}`);
    this.name = "RubricContentError";
  }
}

type ContentFile = { slug: string; definition: RubricDefinition };

/** Reads and validates every file before anything is written, so one bad file leaves the database untouched. */
export async function readRubricContent(dir: string): Promise<ContentFile[]> {
  const names = (await readdir(dir)).filter((name) => /\.ya?ml$/.test(name)).sort();
  const problems: string[] = [];
  const files: ContentFile[] = [];
  for (const name of names) {
    const slug = name.replace(/\.ya?ml$/, "");
    if (!SLUG_PATTERN.test(slug)) {
      problems.push(`${name}: the file name must be a slug (lower-case letters, digits, hyphens)`);
      continue;
    }
    let raw: unknown;
    try {
      raw = parseYaml(await readFile(path.join(dir, name), "utf8"));
    } catch (error) {
      problems.push(`${name}: not valid YAML (${(error as Error).message})`);
      continue;
    }
    const parsed = ContentRubricSchema.safeParse(raw);
    if (!parsed.success) {
      for (const [field, messages] of Object.entries(errorsByPath(parsed.error.issues))) {
        problems.push(`${name}: ${field || "(rubric)"}: ${messages.join(", ")}`);
      }
      continue;
    }
    files.push({ slug, definition: parsed.data });
  }
  // `article: <slug>` → the published knowledge-base article's id (the knowledge base is synced first).
  const slugs = [
    ...new Set(files.flatMap((file) => file.definition.sections.flatMap((s) => s.criteria.map((c) => c.article)))),
  ].filter((slug): slug is string => slug !== null);
  const articles = slugs.length
    ? await db.kbArticle.findMany({
        where: { slug: { in: slugs }, status: "published" },
        select: { id: true, slug: true },
      })
    : [];
  const idBySlug = new Map(articles.map((article) => [article.slug, article.id]));
  for (const file of files) {
    for (const section of file.definition.sections) {
      for (const criterion of section.criteria) {
        if (criterion.article === null) continue;
        const id = idBySlug.get(criterion.article);
        if (!id) {
          problems.push(
            `${file.slug}.yaml: criterion ${criterion.key ?? criterion.name}: article "${criterion.article}" is not a published knowledge-base article (sync content/kb first)`,
          );
        } else {
          criterion.articleId = id;
        }
      }
    }
  }
  if (problems.length > 0) throw new RubricContentError(problems);
  return files;
}

export async function syncRubricsFromContent(
  dir: string,
  options: { activate?: boolean; actor?: RubricActor } = {},
): Promise<RubricSyncReport> {
  const actor = options.actor ?? { id: null, ipAddress: "content-sync" };
  const report: RubricSyncReport = { created: [], updated: [], versioned: [], unchanged: [], activated: [] };
  for (const { slug, definition } of await readRubricContent(dir)) {
    const existing = await db.rubric.findUnique({ where: { slug }, select: { id: true, status: true } });
    if (!existing) {
      const result = await createRubric(definition, actor, { slug, status: options.activate ? "active" : "draft" });
      if (!result.ok) throw new Error(`${slug}: could not create the rubric (${result.reason})`);
      report.created.push(slug);
      continue;
    }
    const result = await saveRubric(existing.id, definition, actor);
    if (!result.ok) throw new Error(`${slug}: could not save the rubric (${result.reason})`);
    if (result.outcome === "versioned") report.versioned.push(slug);
    else if (result.outcome === "updated") report.updated.push(slug);
    else report.unchanged.push(slug);
    // Only drafts are activated: an archived rubric was archived by a person and stays so.
    if (options.activate && existing.status === "draft") {
      const status = await setRubricStatus(existing.id, "active", actor);
      if (status.ok && status.changed) report.activated.push(slug);
    }
  }
  return report;
}

export function describeSyncReport(report: RubricSyncReport): string {
  return [
    `rubrics: ${report.created.length} created`,
    `${report.updated.length} updated in place`,
    `${report.versioned.length} new versions`,
    `${report.unchanged.length} unchanged`,
    `${report.activated.length} activated`,
  ].join(", ");
}
