import type { LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { EmptyState } from "~/components/empty-state";
import { FilterInput, FilterSelect } from "~/components/filter-fields";
import { titleFromLoader } from "~/components/meta";
import { PageHeader } from "~/components/page-header";
import { Pagination } from "~/components/pagination";
import { ArticleKindBadge, ArticleStatusBadge } from "~/components/training/kb/badges";
import { Snippet } from "~/components/training/kb/snippet";
import { pageTitle } from "~/modules/i18n/page-title.server";
import { requirePermission, userCan } from "~/modules/identity/session.server";
import { ARTICLE_KINDS } from "~/modules/training/kb/kb";
import {
  browseOverview,
  listArticles,
  listCategories,
  searchArticles,
  visibleStatuses,
} from "~/modules/training/kb/kb.server";
import { readPagination } from "~/utils/pagination";
import { useFormat } from "~/utils/use-format";

export const meta = titleFromLoader;

const Filters = z.object({
  q: z.string().trim().max(100).catch(""),
  category: z.string().trim().max(80).catch(""),
  kind: z.enum(ARTICLE_KINDS).optional().catch(undefined),
});

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "read:kb-article:any");
  const canManage = userCan(user, "manage:kb-article:any");
  const statuses = visibleStatuses(canManage);
  const url = new URL(request.url);
  const { q, category, kind } = Filters.parse({
    q: url.searchParams.get("q") ?? "",
    category: url.searchParams.get("category") ?? "",
    kind: url.searchParams.get("kind") || undefined,
  });
  const { page, pageSize } = readPagination(url);
  const [{ categories }, title] = await Promise.all([
    listCategories(statuses),
    pageTitle(request, "training-kb:index.title"),
  ]);
  const categoryId = categories.find((row) => row.slug === category)?.id;
  const filters = { categoryId, kind, statuses, page, pageSize };
  const base = {
    q,
    category: categoryId ? category : "",
    kind: kind ?? "",
    page,
    pageSize,
    canManage,
    categories: categories.map(({ id, slug, name, articles }) => ({ id, slug, name, articles })),
    pageTitle: title,
  };
  if (q) {
    const result = await searchArticles({ ...filters, query: q });
    return { ...base, mode: "search" as const, search: result, list: null, overview: null };
  }
  if (categoryId || kind) {
    return { ...base, mode: "list" as const, search: null, list: await listArticles(filters), overview: null };
  }
  return { ...base, mode: "overview" as const, search: null, list: null, overview: await browseOverview(statuses) };
}

export default function KnowledgeBasePage() {
  const { t } = useTranslation(["training-kb", "training", "common"]);
  const format = useFormat();
  const { q, category, kind, page, pageSize, canManage, categories, mode, search, list, overview } =
    useLoaderData<typeof loader>();
  return (
    <div>
      <PageHeader
        title={t("index.title")}
        description={t("index.description")}
        actions={
          canManage ? (
            <>
              <Link to="/kb/categories" className="btn-secondary">
                {t("index.manageCategories")}
              </Link>
              <Link to="/kb/new" className="btn-primary">
                {t("index.newArticle")}
              </Link>
            </>
          ) : null
        }
      />
      <div className="card mb-6">
        <Form method="get" className="grid gap-3 p-4 sm:grid-cols-2 lg:grid-cols-6 lg:items-end" role="search">
          <FilterInput
            id="kb-q"
            name="q"
            type="search"
            label={t("index.searchLabel")}
            placeholder={t("index.searchPlaceholder")}
            defaultValue={q}
            className="lg:col-span-3"
          />
          <FilterSelect
            id="kb-category"
            name="category"
            label={t("index.category")}
            defaultValue={category}
            allLabel={t("index.allCategories")}
            options={categories.map((row) => ({ value: row.slug, label: row.name }))}
          />
          <FilterSelect
            id="kb-kind"
            name="kind"
            label={t("index.kind")}
            defaultValue={kind}
            allLabel={t("index.allKinds")}
            options={ARTICLE_KINDS.map((value) => ({ value, label: t(`training:articleKind.${value}`) }))}
          />
          <div className="flex gap-2">
            <button type="submit" className="btn-primary">
              {t("common:actions.search")}
            </button>
            <Link to="/kb" className="btn-ghost">
              {t("common:actions.reset")}
            </Link>
          </div>
        </Form>
      </div>

      {mode === "search" && search ? (
        <section className="card overflow-hidden" aria-labelledby="kb-results">
          <h2 id="kb-results" className="border-b border-slate-200 px-4 py-3 text-sm text-slate-600">
            {t("index.results", { count: search.total, query: q })}
          </h2>
          {search.rows.length === 0 ? (
            <EmptyState icon="search" title={t("index.noResults")} body={t("index.noResultsBody")} />
          ) : (
            <>
              <ul className="divide-y divide-slate-100" data-testid="kb-results">
                {search.rows.map((row) => (
                  <li key={row.id} className="px-4 py-4">
                    <div className="flex flex-wrap items-center gap-2">
                      <ArticleKindBadge kind={row.kind} />
                      <ArticleStatusBadge status={row.status} />
                      <Link to={`/kb/${row.slug}`} className="font-medium text-brand-700 hover:underline">
                        {row.title}
                      </Link>
                    </div>
                    <Snippet {...row.snippet} />
                    <p className="mt-1 text-xs text-slate-400">
                      {row.category?.name ?? t("index.uncategorised")} ·{" "}
                      {t("index.updated", { date: format.date(row.updatedAt) })}
                      {row.tags.length ? ` · ${row.tags.join("、")}` : ""}
                    </p>
                  </li>
                ))}
              </ul>
              <Pagination page={page} pageSize={pageSize} total={search.total} />
            </>
          )}
        </section>
      ) : null}

      {mode === "list" && list ? (
        <section className="card overflow-hidden">
          {list.rows.length === 0 ? (
            <EmptyState icon="book" title={t("common:empty.noResults")} />
          ) : (
            <>
              <ul className="divide-y divide-slate-100" data-testid="kb-list">
                {list.rows.map((row) => (
                  <li key={row.id} className="px-4 py-4">
                    <div className="flex flex-wrap items-center gap-2">
                      <ArticleKindBadge kind={row.kind} />
                      <ArticleStatusBadge status={row.status} />
                      <Link to={`/kb/${row.slug}`} className="font-medium text-brand-700 hover:underline">
                        {row.title}
                      </Link>
                    </div>
                    {row.summary ? <p className="mt-1 text-sm text-slate-600">{row.summary}</p> : null}
                    <p className="mt-1 text-xs text-slate-400">
                      {row.category?.name ?? t("index.uncategorised")} ·{" "}
                      {t("index.updated", { date: format.date(row.updatedAt) })}
                    </p>
                  </li>
                ))}
              </ul>
              <Pagination page={page} pageSize={pageSize} total={list.total} />
            </>
          )}
        </section>
      ) : null}

      {mode === "overview" && overview ? (
        overview.categories.every((row) => row.preview.length === 0) && overview.recent.length === 0 ? (
          <div className="card">
            <EmptyState icon="book" title={t("index.emptyTitle")} body={t("index.emptyBody")} />
          </div>
        ) : (
          <div className="grid gap-6 lg:grid-cols-3">
            <div className="grid gap-4 sm:grid-cols-2 lg:col-span-2">
              {overview.categories
                .filter((row) => row.articles > 0)
                .map((row) => (
                  <section key={row.id} className="card p-5" aria-labelledby={`kb-cat-${row.slug}`}>
                    <div className="flex items-baseline justify-between">
                      <h2 id={`kb-cat-${row.slug}`} className="font-semibold text-slate-900">
                        {row.name}
                      </h2>
                      <span className="text-xs text-slate-400">{t("index.articleCount", { count: row.articles })}</span>
                    </div>
                    <ul className="mt-3 space-y-2">
                      {row.preview.map((article) => (
                        <li key={article.id} className="flex items-center gap-2 text-sm">
                          <ArticleStatusBadge status={article.status} />
                          <Link
                            to={`/kb/${article.slug}`}
                            className="text-slate-700 hover:text-brand-700 hover:underline"
                          >
                            {article.title}
                          </Link>
                        </li>
                      ))}
                    </ul>
                    {row.articles > row.preview.length ? (
                      <Link
                        to={`/kb?category=${row.slug}`}
                        className="mt-3 inline-block text-sm text-brand-700 hover:underline"
                      >
                        {t("index.viewAll")}
                      </Link>
                    ) : null}
                  </section>
                ))}
            </div>
            <aside className="card h-fit p-5" aria-labelledby="kb-recent">
              <h2 id="kb-recent" className="font-semibold text-slate-900">
                {t("index.recent")}
              </h2>
              <ul className="mt-3 space-y-3">
                {overview.recent.map((article) => (
                  <li key={article.id} className="text-sm">
                    <Link to={`/kb/${article.slug}`} className="text-slate-700 hover:text-brand-700 hover:underline">
                      {article.title}
                    </Link>
                    <p className="text-xs text-slate-400">
                      {article.category?.name ?? t("index.uncategorised")} · {format.date(article.updatedAt)}
                    </p>
                  </li>
                ))}
              </ul>
            </aside>
          </div>
        )
      ) : null}
    </div>
  );
}
