/**
 * Knowledge base (知识库/案例库): search, reading, in-app authoring and categories.
 *
 * Search works on KbArticle.searchText (see buildSearchText): the query becomes character bigrams for Chinese
 * and whole words for ASCII (searchTerms), and PostgreSQL scores each article with strpos over the three
 * sections — 3 × title + 2 × tags/summary + 1 × body per term — keeping articles that contain at least 60 % of
 * the terms. Only the page of results is loaded into JS, for the highlighted snippets.
 */
import { recordAudit } from "~/modules/audit/audit.server";
import { markdownToText, renderMarkdown } from "~/modules/training/markdown.server";
import { searchTerms } from "~/modules/training/text";
import { db, Prisma } from "~/utils/db.server";
import {
  buildSearchText,
  buildSnippet,
  minimumMatches,
  parseTags,
  SECTION_SEPARATOR,
  WEIGHTS,
  type ArticleForm,
  type ArticleKindValue,
  type ArticleStatusValue,
} from "./kb";

export type KbActor = { id: string | null; ipAddress: string | null };
type Tx = Prisma.TransactionClient;

/** Editors (manage:kb-article:any) see drafts and archived articles; everyone else only published ones. */
export function visibleStatuses(canManage: boolean): ArticleStatusValue[] {
  return canManage ? ["draft", "published", "archived"] : ["published"];
}

const MAX_QUERY_TERMS = 40;

export type SearchFilters = {
  query: string;
  categoryId?: string;
  kind?: ArticleKindValue;
  statuses: ArticleStatusValue[];
  page: number;
  pageSize: number;
};

export type SearchHit = {
  id: string;
  slug: string;
  title: string;
  kind: ArticleKindValue;
  status: ArticleStatusValue;
  summary: string;
  tags: string[];
  category: { slug: string; name: string } | null;
  updatedAt: Date;
  score: number;
  snippet: ReturnType<typeof buildSnippet>;
};

export async function searchArticles(
  filters: SearchFilters,
): Promise<{ terms: string[]; total: number; rows: SearchHit[] }> {
  const terms = searchTerms(filters.query).slice(0, MAX_QUERY_TERMS);
  if (terms.length === 0) return { terms, total: 0, rows: [] };
  const title = Prisma.sql`split_part(a."searchText", ${SECTION_SEPARATOR}, 1)`;
  const meta = Prisma.sql`split_part(a."searchText", ${SECTION_SEPARATOR}, 2)`;
  const body = Prisma.sql`split_part(a."searchText", ${SECTION_SEPARATOR}, 3)`;
  const scoreParts = terms.map(
    (term) =>
      Prisma.sql`(${WEIGHTS.title} * (strpos(${title}, ${term}) > 0)::int + ${WEIGHTS.meta} * (strpos(${meta}, ${term}) > 0)::int + ${WEIGHTS.body} * (strpos(${body}, ${term}) > 0)::int)`,
  );
  const matchParts = terms.map((term) => Prisma.sql`(strpos(a."searchText", ${term}) > 0)::int`);
  const conditions = [Prisma.sql`a."status"::text IN (${Prisma.join(filters.statuses)})`];
  if (filters.categoryId) conditions.push(Prisma.sql`a."categoryId" = ${filters.categoryId}`);
  if (filters.kind) conditions.push(Prisma.sql`a."kind"::text = ${filters.kind}`);
  const ranked = await db.$queryRaw<{ id: string; score: number; total: bigint }[]>`
    WITH scored AS (
      SELECT a."id", a."updatedAt",
        (${Prisma.join(scoreParts, " + ")})::int AS score,
        (${Prisma.join(matchParts, " + ")})::int AS matched
      FROM "KbArticle" a
      WHERE ${Prisma.join(conditions, " AND ")}
    )
    SELECT "id", score, count(*) OVER () AS total
    FROM scored
    WHERE matched >= ${minimumMatches(terms.length)}
    ORDER BY score DESC, "updatedAt" DESC, "id"
    LIMIT ${filters.pageSize} OFFSET ${(filters.page - 1) * filters.pageSize}`;
  if (ranked.length === 0) {
    // A page past the end still reports the total, so the pager can go back.
    const [{ total } = { total: 0n }] =
      filters.page > 1
        ? await db.$queryRaw<{ total: bigint }[]>`
            SELECT count(*) AS total FROM "KbArticle" a
            WHERE ${Prisma.join(conditions, " AND ")}
              AND (${Prisma.join(matchParts, " + ")}) >= ${minimumMatches(terms.length)}`
        : [];
    return { terms, total: Number(total), rows: [] };
  }
  const articles = await db.kbArticle.findMany({
    where: { id: { in: ranked.map((row) => row.id) } },
    select: {
      id: true,
      slug: true,
      title: true,
      kind: true,
      status: true,
      summary: true,
      tags: true,
      body: true,
      updatedAt: true,
      category: { select: { slug: true, name: true } },
    },
  });
  const byId = new Map(articles.map((article) => [article.id, article]));
  const rows: SearchHit[] = [];
  for (const { id, score } of ranked) {
    const article = byId.get(id);
    if (!article) continue;
    const { body: markdown, ...rest } = article;
    rows.push({ ...rest, score: Number(score), snippet: buildSnippet(markdownToText(markdown), terms) });
  }
  return { terms, total: Number(ranked[0]!.total), rows };
}

export type ArticleListItem = {
  id: string;
  slug: string;
  title: string;
  kind: ArticleKindValue;
  status: ArticleStatusValue;
  summary: string;
  updatedAt: Date;
};

const LIST_SELECT = {
  id: true,
  slug: true,
  title: true,
  kind: true,
  status: true,
  summary: true,
  updatedAt: true,
} as const;

/** Paginated article list for the browse view (no query), optionally filtered by category and kind. */
export async function listArticles(filters: Omit<SearchFilters, "query">) {
  const where: Prisma.KbArticleWhereInput = {
    status: { in: filters.statuses },
    ...(filters.categoryId ? { categoryId: filters.categoryId } : {}),
    ...(filters.kind ? { kind: filters.kind } : {}),
  };
  const [total, rows] = await Promise.all([
    db.kbArticle.count({ where }),
    db.kbArticle.findMany({
      where,
      select: { ...LIST_SELECT, tags: true, category: { select: { slug: true, name: true } } },
      orderBy: [{ updatedAt: "desc" }, { id: "asc" }],
      skip: (filters.page - 1) * filters.pageSize,
      take: filters.pageSize,
    }),
  ]);
  return { total, rows };
}

/** Categories in order with how many visible articles each holds (counted in SQL). */
export async function listCategories(statuses: ArticleStatusValue[]) {
  const [categories, counts, uncategorised] = await Promise.all([
    db.kbCategory.findMany({ orderBy: [{ position: "asc" }, { name: "asc" }] }),
    db.kbArticle.groupBy({
      by: ["categoryId"],
      where: { status: { in: statuses }, categoryId: { not: null } },
      _count: { _all: true },
    }),
    db.kbArticle.count({ where: { status: { in: statuses }, categoryId: null } }),
  ]);
  const byCategory = new Map(counts.map((row) => [row.categoryId, row._count._all]));
  return {
    categories: categories.map((category) => ({ ...category, articles: byCategory.get(category.id) ?? 0 })),
    uncategorised,
  };
}

const CATEGORY_PREVIEW = 6;

/** The landing view: every category with its first few articles (newest first), and the recently updated ones. */
export async function browseOverview(statuses: ArticleStatusValue[], recent = 8) {
  const { categories, uncategorised } = await listCategories(statuses);
  const [previews, recentRows] = await Promise.all([
    Promise.all(
      categories.map((category) =>
        db.kbArticle.findMany({
          where: { categoryId: category.id, status: { in: statuses } },
          select: LIST_SELECT,
          orderBy: [{ kind: "asc" }, { title: "asc" }],
          take: CATEGORY_PREVIEW,
        }),
      ),
    ),
    db.kbArticle.findMany({
      where: { status: { in: statuses } },
      select: { ...LIST_SELECT, category: { select: { slug: true, name: true } } },
      orderBy: [{ updatedAt: "desc" }, { id: "asc" }],
      take: recent,
    }),
  ]);
  return {
    categories: categories.map((category, index) => ({ ...category, preview: previews[index]! })),
    uncategorised,
    recent: recentRows,
  };
}

/** The article page: the rendered body, its category and up to five related published articles. */
export async function loadArticle(slug: string, statuses: ArticleStatusValue[]) {
  const article = await db.kbArticle.findUnique({
    where: { slug },
    include: {
      category: { select: { id: true, slug: true, name: true } },
      author: { select: { name: true } },
    },
  });
  if (!article || !statuses.includes(article.status)) return null;
  const related = await relatedArticles(article.id, article.categoryId, article.tags);
  return { article, html: renderMarkdown(article.body), related };
}

const RELATED_LIMIT = 5;

/** Published articles sharing the category (2 points) and tags (1 point per shared tag), best first. */
export async function relatedArticles(id: string, categoryId: string | null, tags: string[]) {
  const tagArray = tags.length > 0 ? Prisma.sql`ARRAY[${Prisma.join(tags)}]::text[]` : Prisma.sql`ARRAY[]::text[]`;
  const rows = await db.$queryRaw<{ id: string; slug: string; title: string; kind: ArticleKindValue; score: number }[]>`
    SELECT a."id", a."slug", a."title", a."kind"::text AS kind,
      ((CASE WHEN a."categoryId" IS NOT DISTINCT FROM ${categoryId} AND ${categoryId}::text IS NOT NULL THEN 2 ELSE 0 END)
        + cardinality(ARRAY(SELECT unnest(a."tags") INTERSECT SELECT unnest(${tagArray}))))::int AS score
    FROM "KbArticle" a
    WHERE a."status" = 'published' AND a."id" <> ${id}
    ORDER BY score DESC, a."updatedAt" DESC
    LIMIT ${RELATED_LIMIT}`;
  return rows.filter((row) => row.score > 0).map((row) => ({ ...row, score: Number(row.score) }));
}

/** The JSON behind the article pickers (review workbench, coaching, rubric builder): published articles only. */
export async function pickerSearch(query: string, limit = 10) {
  const trimmed = query.trim();
  if (!trimmed) {
    return db.kbArticle.findMany({
      where: { status: "published" },
      select: { id: true, slug: true, title: true, kind: true },
      orderBy: [{ updatedAt: "desc" }],
      take: limit,
    });
  }
  const bySlug = await db.kbArticle.findMany({
    where: { status: "published", slug: { startsWith: trimmed.toLowerCase() } },
    select: { id: true, slug: true, title: true, kind: true },
    take: limit,
  });
  const { rows } = await searchArticles({ query: trimmed, statuses: ["published"], page: 1, pageSize: limit });
  const seen = new Set<string>();
  const result: { id: string; slug: string; title: string; kind: ArticleKindValue }[] = [];
  for (const row of [...rows, ...bySlug]) {
    if (seen.has(row.id) || result.length >= limit) continue;
    seen.add(row.id);
    result.push({ id: row.id, slug: row.slug, title: row.title, kind: row.kind });
  }
  return result;
}

export function articleSearchText(input: { title: string; tags: string[]; summary: string; body: string }) {
  return buildSearchText({ ...input, bodyText: markdownToText(input.body) });
}

function snapshot(article: {
  slug: string;
  title: string;
  kind: string;
  status: string;
  categoryId: string | null;
  summary: string;
  tags: string[];
}) {
  const { slug, title, kind, status, categoryId, summary, tags } = article;
  return { slug, title, kind, status, categoryId, summary, tags };
}

export type SaveResult =
  | { ok: true; id: string; slug: string; status: ArticleStatusValue }
  | { ok: false; fieldErrors: Record<string, string[]> }
  | { ok: false; conflict: true };

async function checkCategory(tx: Tx, categoryId: string): Promise<boolean> {
  if (!categoryId) return true;
  return (await tx.kbCategory.count({ where: { id: categoryId } })) > 0;
}

/** A new in-app article: a draft, or published at once with intent "publish". */
export async function createArticle(form: ArticleForm, actor: KbActor): Promise<SaveResult> {
  return db.$transaction(async (tx): Promise<SaveResult> => {
    if (await tx.kbArticle.findUnique({ where: { slug: form.slug }, select: { id: true } })) {
      return { ok: false, fieldErrors: { slug: ["training-kb:errors.slugTaken"] } };
    }
    if (!(await checkCategory(tx, form.categoryId))) {
      return { ok: false, fieldErrors: { categoryId: ["validation:invalidChoice"] } };
    }
    const tags = parseTags(form.tags);
    const publish = form.intent === "publish";
    const now = new Date();
    const article = await tx.kbArticle.create({
      data: {
        slug: form.slug,
        title: form.title,
        kind: form.kind,
        categoryId: form.categoryId || null,
        summary: form.summary,
        tags,
        body: form.body,
        searchText: articleSearchText({ title: form.title, tags, summary: form.summary, body: form.body }),
        status: publish ? "published" : "draft",
        publishedAt: publish ? now : null,
        source: "app",
        authorId: actor.id,
      },
    });
    await recordAudit(
      {
        actorId: actor.id,
        action: "kb.article.create",
        entityType: "KbArticle",
        entityId: article.id,
        after: snapshot(article),
        ipAddress: actor.ipAddress,
      },
      tx,
    );
    if (publish) {
      await recordAudit(
        {
          actorId: actor.id,
          action: "kb.article.publish",
          entityType: "KbArticle",
          entityId: article.id,
          after: { status: "published" },
          ipAddress: actor.ipAddress,
        },
        tx,
      );
    }
    return { ok: true, id: article.id, slug: article.slug, status: article.status };
  });
}

/**
 * Saves the editor's fields. `expectedUpdatedAt` is the version the editor loaded: if the article changed since,
 * nothing is written and the caller answers 409. An article synced from content/ becomes an app article once
 * edited here, so the next content sync leaves the edit alone.
 */
export async function updateArticle(id: string, form: ArticleForm, actor: KbActor): Promise<SaveResult | null> {
  return db.$transaction(async (tx): Promise<SaveResult | null> => {
    const existing = await tx.kbArticle.findUnique({ where: { id } });
    if (!existing) return null;
    if (form.expectedUpdatedAt && existing.updatedAt.toISOString() !== form.expectedUpdatedAt) {
      return { ok: false, conflict: true };
    }
    if (
      form.slug !== existing.slug &&
      (await tx.kbArticle.findUnique({ where: { slug: form.slug }, select: { id: true } }))
    ) {
      return { ok: false, fieldErrors: { slug: ["training-kb:errors.slugTaken"] } };
    }
    if (!(await checkCategory(tx, form.categoryId))) {
      return { ok: false, fieldErrors: { categoryId: ["validation:invalidChoice"] } };
    }
    const tags = parseTags(form.tags);
    const nextStatus: ArticleStatusValue =
      form.intent === "publish"
        ? "published"
        : form.intent === "archive"
          ? "archived"
          : form.intent === "unarchive"
            ? "draft"
            : existing.status;
    const now = new Date();
    const updated = await tx.kbArticle.update({
      where: { id },
      data: {
        slug: form.slug,
        title: form.title,
        kind: form.kind,
        categoryId: form.categoryId || null,
        summary: form.summary,
        tags,
        body: form.body,
        searchText: articleSearchText({ title: form.title, tags, summary: form.summary, body: form.body }),
        status: nextStatus,
        source: "app",
        publishedAt: nextStatus === "published" && existing.status !== "published" ? now : existing.publishedAt,
      },
    });
    const contentChanged =
      JSON.stringify(snapshot({ ...existing, status: "" })) !== JSON.stringify(snapshot({ ...updated, status: "" })) ||
      existing.body !== updated.body;
    if (contentChanged) {
      await recordAudit(
        {
          actorId: actor.id,
          action: "kb.article.update",
          entityType: "KbArticle",
          entityId: id,
          before: snapshot(existing),
          after: snapshot(updated),
          ipAddress: actor.ipAddress,
        },
        tx,
      );
    }
    if (nextStatus !== existing.status) {
      await recordAudit(
        {
          actorId: actor.id,
          action:
            nextStatus === "published"
              ? "kb.article.publish"
              : nextStatus === "archived"
                ? "kb.article.archive"
                : "kb.article.update",
          entityType: "KbArticle",
          entityId: id,
          before: { status: existing.status },
          after: { status: nextStatus },
          ipAddress: actor.ipAddress,
        },
        tx,
      );
    }
    return { ok: true, id, slug: updated.slug, status: updated.status };
  });
}

// ───────────── categories ─────────────

export type CategoryResult = { ok: true } | { ok: false; field: "slug" | "name" | "id"; error: string };

export async function createCategory(input: { slug: string; name: string }, actor: KbActor): Promise<CategoryResult> {
  return db.$transaction(async (tx) => {
    if (await tx.kbCategory.findUnique({ where: { slug: input.slug } })) {
      return { ok: false, field: "slug", error: "training-kb:errors.slugTaken" };
    }
    const last = await tx.kbCategory.aggregate({ _max: { position: true } });
    const category = await tx.kbCategory.create({
      data: { slug: input.slug, name: input.name, position: (last._max.position ?? -1) + 1 },
    });
    await recordAudit(
      {
        actorId: actor.id,
        action: "kb.category.create",
        entityType: "KbCategory",
        entityId: category.id,
        after: input,
        ipAddress: actor.ipAddress,
      },
      tx,
    );
    return { ok: true };
  });
}

export async function renameCategory(id: string, name: string, actor: KbActor): Promise<CategoryResult> {
  return db.$transaction(async (tx) => {
    const existing = await tx.kbCategory.findUnique({ where: { id } });
    if (!existing) return { ok: false, field: "id", error: "training-kb:errors.categoryMissing" };
    if (existing.name === name) return { ok: true };
    await tx.kbCategory.update({ where: { id }, data: { name } });
    await recordAudit(
      {
        actorId: actor.id,
        action: "kb.category.rename",
        entityType: "KbCategory",
        entityId: id,
        before: { name: existing.name },
        after: { name },
        ipAddress: actor.ipAddress,
      },
      tx,
    );
    return { ok: true };
  });
}

/** Moves a category one place up or down; positions are renumbered 0…n-1 so gaps and ties disappear. */
export async function moveCategory(id: string, direction: "up" | "down", actor: KbActor): Promise<CategoryResult> {
  return db.$transaction(async (tx) => {
    const ordered = await tx.kbCategory.findMany({
      orderBy: [{ position: "asc" }, { name: "asc" }],
      select: { id: true, position: true },
    });
    const index = ordered.findIndex((category) => category.id === id);
    if (index < 0) return { ok: false, field: "id", error: "training-kb:errors.categoryMissing" };
    const target = direction === "up" ? index - 1 : index + 1;
    if (target < 0 || target >= ordered.length) return { ok: true };
    const ids = ordered.map((category) => category.id);
    [ids[index], ids[target]] = [ids[target]!, ids[index]!];
    for (const [position, categoryId] of ids.entries()) {
      if (ordered.find((category) => category.id === categoryId)!.position !== position) {
        await tx.kbCategory.update({ where: { id: categoryId }, data: { position } });
      }
    }
    await recordAudit(
      {
        actorId: actor.id,
        action: "kb.category.reorder",
        entityType: "KbCategory",
        entityId: id,
        before: { position: index },
        after: { position: target },
        ipAddress: actor.ipAddress,
      },
      tx,
    );
    return { ok: true };
  });
}

type CriteriaWithArticles = { sections: readonly { criteria: readonly { articleId?: string | null }[] }[] };

/** Field errors (builder paths) for criteria pointing at an article that is missing or not published. */
export async function criterionArticleErrors(definition: CriteriaWithArticles): Promise<Record<string, string[]>> {
  const ids = [
    ...new Set(
      definition.sections.flatMap((s) => s.criteria.map((c) => c.articleId)).filter((id): id is string => !!id),
    ),
  ];
  const published = new Set(
    ids.length
      ? (await db.kbArticle.findMany({ where: { id: { in: ids }, status: "published" }, select: { id: true } })).map(
          (row) => row.id,
        )
      : [],
  );
  const errors: Record<string, string[]> = {};
  definition.sections.forEach((section, s) =>
    section.criteria.forEach((criterion, c) => {
      if (criterion.articleId && !published.has(criterion.articleId)) {
        errors[`sections.${s}.criteria.${c}.articleId`] = ["training-kb:errors.articleUnavailable"];
      }
    }),
  );
  return errors;
}

/** The builder's definition with each criterion's article (id, slug, title, kind) for the picker. */
export async function withCriterionArticles<
  T extends { sections: readonly { criteria: readonly { articleId?: string | null }[] }[] },
>(definition: T) {
  const ids = [
    ...new Set(
      definition.sections.flatMap((s) => s.criteria.map((c) => c.articleId)).filter((id): id is string => !!id),
    ),
  ];
  const articles = ids.length
    ? await db.kbArticle.findMany({
        where: { id: { in: ids } },
        select: { id: true, slug: true, title: true, kind: true },
      })
    : [];
  const byId = new Map(articles.map((article) => [article.id, article]));
  return {
    ...definition,
    sections: definition.sections.map((section) => ({
      ...section,
      criteria: section.criteria.map((criterion) => ({
        ...criterion,
        article: criterion.articleId ? (byId.get(criterion.articleId) ?? null) : null,
      })),
    })),
  };
}
