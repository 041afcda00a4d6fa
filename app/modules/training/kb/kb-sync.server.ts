/**
 * Keeps the knowledge base in step with content/kb: categories.yaml and <category>/<slug>.md files.
 * Idempotent: an article is matched by slug and rewritten only when its file's content hash changed; synced
 * articles are published (source: file). An article edited in the app (source: app) is never overwritten — the
 * report lists it as skipped. Every file is read and validated before anything is written.
 */
import { createHash } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import matter from "gray-matter";
import { parse as parseYaml } from "yaml";
import { recordAudit } from "~/modules/audit/audit.server";
import { db } from "~/utils/db.server";
import { ArticleFrontMatterSchema, CategoryFileSchema, RESERVED_SLUGS, SLUG_PATTERN } from "./kb";
import { articleSearchText, type KbActor } from "./kb.server";

export const DEFAULT_KB_DIR = "content/kb";

export class KbContentError extends Error {
  constructor(readonly problems: string[]) {
    super(`knowledge-base content has errors:\n${problems.map((problem) => `  ${problem}`).join("\n")}`);
    this.name = "KbContentError";
  }
}

export type KbSyncReport = {
  categoriesCreated: string[];
  categoriesUpdated: string[];
  created: string[];
  updated: string[];
  unchanged: string[];
  skipped: string[];
};

type ArticleFile = {
  slug: string;
  category: string;
  title: string;
  kind: "faq" | "policy" | "case" | "product";
  summary: string;
  tags: string[];
  body: string;
  contentHash: string;
};

export async function readKbContent(dir: string) {
  const problems: string[] = [];
  let categories: { slug: string; name: string; position: number }[] = [];
  try {
    const parsed = CategoryFileSchema.safeParse(parseYaml(await readFile(path.join(dir, "categories.yaml"), "utf8")));
    if (parsed.success) categories = parsed.data;
    else
      problems.push(
        `categories.yaml: ${parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`).join("; ")}`,
      );
  } catch (error) {
    problems.push(`categories.yaml: ${(error as Error).message}`);
  }
  const categorySlugs = new Set(categories.map((category) => category.slug));
  const articles: ArticleFile[] = [];
  const seen = new Map<string, string>();
  const entries = (await readdir(dir, { withFileTypes: true }))
    .filter((entry) => entry.isDirectory())
    .sort((a, b) => a.name.localeCompare(b.name));
  for (const entry of entries) {
    if (!categorySlugs.has(entry.name)) {
      problems.push(`${entry.name}/: not a category in categories.yaml`);
      continue;
    }
    const names = (await readdir(path.join(dir, entry.name))).filter((name) => name.endsWith(".md")).sort();
    for (const name of names) {
      const file = `${entry.name}/${name}`;
      const slug = name.slice(0, -3);
      if (!SLUG_PATTERN.test(slug)) {
        problems.push(`${file}: the file name must be a slug (lower-case letters, digits, hyphens)`);
        continue;
      }
      if ((RESERVED_SLUGS as readonly string[]).includes(slug)) {
        problems.push(`${file}: "${slug}" is reserved for a page under /kb; rename the file`);
        continue;
      }
      if (seen.has(slug)) {
        problems.push(`${file}: slug ${slug} is also used by ${seen.get(slug)}`);
        continue;
      }
      seen.set(slug, file);
      const raw = await readFile(path.join(dir, file), "utf8");
      let parsedFile: matter.GrayMatterFile<string>;
      try {
        parsedFile = matter(raw);
      } catch (error) {
        problems.push(`${file}: front matter is not valid YAML (${(error as Error).message})`);
        continue;
      }
      const front = ArticleFrontMatterSchema.safeParse(parsedFile.data);
      if (!front.success) {
        for (const issue of front.error.issues)
          problems.push(`${file}: ${issue.path.join(".") || "front matter"}: ${issue.message}`);
        continue;
      }
      const body = parsedFile.content.trim();
      if (!body) {
        problems.push(`${file}: the article has no body`);
        continue;
      }
      articles.push({
        slug,
        category: entry.name,
        ...front.data,
        body,
        contentHash: createHash("sha256").update(`${entry.name}\n${raw}`).digest("hex"),
      });
    }
  }
  if (problems.length > 0) throw new KbContentError(problems);
  return { categories, articles };
}

export async function syncKnowledgeBase(
  dir = DEFAULT_KB_DIR,
  actor: KbActor = { id: null, ipAddress: "content-sync" },
): Promise<KbSyncReport> {
  const { categories, articles } = await readKbContent(dir);
  const report: KbSyncReport = {
    categoriesCreated: [],
    categoriesUpdated: [],
    created: [],
    updated: [],
    unchanged: [],
    skipped: [],
  };
  const categoryIds = new Map<string, string>();
  for (const category of categories) {
    const existing = await db.kbCategory.findUnique({ where: { slug: category.slug } });
    if (!existing) {
      const created = await db.kbCategory.create({ data: category });
      categoryIds.set(category.slug, created.id);
      report.categoriesCreated.push(category.slug);
    } else {
      categoryIds.set(category.slug, existing.id);
      if (existing.name !== category.name || existing.position !== category.position) {
        await db.kbCategory.update({
          where: { id: existing.id },
          data: { name: category.name, position: category.position },
        });
        report.categoriesUpdated.push(category.slug);
      }
    }
  }
  for (const file of articles) {
    const existing = await db.kbArticle.findUnique({
      where: { slug: file.slug },
      select: { id: true, source: true, contentHash: true, status: true },
    });
    if (existing && existing.source === "app") {
      report.skipped.push(file.slug);
      continue;
    }
    if (existing && existing.contentHash === file.contentHash) {
      report.unchanged.push(file.slug);
      continue;
    }
    const data = {
      title: file.title,
      kind: file.kind,
      categoryId: categoryIds.get(file.category)!,
      summary: file.summary,
      tags: file.tags,
      body: file.body,
      searchText: articleSearchText(file),
      contentHash: file.contentHash,
      source: "file" as const,
      status: "published" as const,
    };
    await db.$transaction(async (tx) => {
      if (!existing) {
        const created = await tx.kbArticle.create({ data: { ...data, slug: file.slug, publishedAt: new Date() } });
        await recordAudit(
          {
            actorId: actor.id,
            action: "kb.article.create",
            entityType: "KbArticle",
            entityId: created.id,
            after: { slug: file.slug, title: file.title, source: "file" },
            ipAddress: actor.ipAddress,
          },
          tx,
        );
        await recordAudit(
          {
            actorId: actor.id,
            action: "kb.article.publish",
            entityType: "KbArticle",
            entityId: created.id,
            after: { status: "published" },
            ipAddress: actor.ipAddress,
          },
          tx,
        );
      } else {
        await tx.kbArticle.update({
          where: { id: existing.id },
          data: { ...data, ...(existing.status !== "published" ? { publishedAt: new Date() } : {}) },
        });
        await recordAudit(
          {
            actorId: actor.id,
            action: "kb.article.update",
            entityType: "KbArticle",
            entityId: existing.id,
            after: { slug: file.slug, title: file.title, contentHash: file.contentHash },
            ipAddress: actor.ipAddress,
          },
          tx,
        );
      }
    });
    (existing ? report.updated : report.created).push(file.slug);
  }
  return report;
}

export function describeKbSyncReport(report: KbSyncReport): string {
  return (
    `knowledge base: ${report.created.length} created, ${report.updated.length} updated, ` +
    `${report.unchanged.length} unchanged, ${report.skipped.length} skipped (edited in the app); ` +
    `categories ${report.categoriesCreated.length} created, ${report.categoriesUpdated.length} updated`
  );
}
