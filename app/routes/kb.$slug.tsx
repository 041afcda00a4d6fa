import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { MarkdownContent } from "~/components/markdown";
import { titleFromLoader } from "~/components/meta";
import { ArticleKindBadge, ArticleStatusBadge } from "~/components/training/kb/badges";
import { pageTitle } from "~/modules/i18n/page-title.server";
import { requirePermission, userCan } from "~/modules/identity/session.server";
import { loadArticle, visibleStatuses } from "~/modules/training/kb/kb.server";
import { notFound } from "~/utils/http.server";
import { useFormat } from "~/utils/use-format";

export const meta = titleFromLoader;

/** Agents see published articles only: a draft or archived slug is a 404 for them, not a 403 that confirms it exists. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "read:kb-article:any");
  const canManage = userCan(user, "manage:kb-article:any");
  const loaded = await loadArticle(params.slug ?? "", visibleStatuses(canManage));
  if (!loaded) notFound("article not found");
  const { article, html, related } = loaded;
  return {
    article: {
      id: article.id,
      slug: article.slug,
      title: article.title,
      kind: article.kind,
      status: article.status,
      source: article.source,
      summary: article.summary,
      tags: article.tags,
      category: article.category,
      author: article.author?.name ?? null,
      publishedAt: article.publishedAt,
      updatedAt: article.updatedAt,
    },
    html,
    related,
    canManage,
    pageTitle: await pageTitle(request, "training-kb:article.pageTitle", { title: article.title }),
  };
}

export default function ArticlePage() {
  const { t } = useTranslation(["training-kb", "training", "common"]);
  const format = useFormat();
  const { article, html, related, canManage } = useLoaderData<typeof loader>();
  return (
    <div className="mx-auto grid max-w-6xl gap-6 lg:grid-cols-[minmax(0,1fr)_18rem]">
      <article className="card p-6 lg:p-8">
        <nav className="mb-3 text-sm text-slate-500" aria-label={t("article.breadcrumb")}>
          <Link to="/kb" className="hover:text-brand-700 hover:underline">
            {t("index.title")}
          </Link>
          {article.category ? (
            <>
              {" / "}
              <Link to={`/kb?category=${article.category.slug}`} className="hover:text-brand-700 hover:underline">
                {article.category.name}
              </Link>
            </>
          ) : null}
        </nav>
        <div className="flex flex-wrap items-start justify-between gap-3">
          <div>
            <div className="flex flex-wrap items-center gap-2">
              <ArticleKindBadge kind={article.kind} />
              {canManage ? <ArticleStatusBadge status={article.status} /> : null}
            </div>
            <h1 className="page-title mt-2">{article.title}</h1>
            {article.summary ? <p className="mt-2 text-slate-600">{article.summary}</p> : null}
          </div>
          {canManage ? (
            <Link to={`/kb/${article.slug}/edit`} className="btn-secondary">
              {t("common:actions.edit")}
            </Link>
          ) : null}
        </div>
        {canManage && article.status !== "published" ? (
          <p
            className="mt-4 rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-800"
            role="note"
          >
            {t(`article.notVisible.${article.status}`)}
          </p>
        ) : null}
        <div className="mt-6 border-t border-slate-100 pt-6">
          <MarkdownContent html={html} />
        </div>
      </article>
      <aside className="space-y-4">
        <section className="card p-5 text-sm">
          <dl className="space-y-3">
            <div>
              <dt className="text-xs text-slate-500">{t("article.category")}</dt>
              <dd className="text-slate-800">{article.category?.name ?? t("index.uncategorised")}</dd>
            </div>
            {article.tags.length ? (
              <div>
                <dt className="text-xs text-slate-500">{t("article.tags")}</dt>
                <dd className="mt-1 flex flex-wrap gap-1">
                  {article.tags.map((tag) => (
                    <Link
                      key={tag}
                      to={`/kb?q=${encodeURIComponent(tag)}`}
                      className="badge bg-slate-100 text-slate-700 hover:bg-slate-200"
                    >
                      {tag}
                    </Link>
                  ))}
                </dd>
              </div>
            ) : null}
            <div>
              <dt className="text-xs text-slate-500">{t("article.updated")}</dt>
              <dd className="text-slate-800">{format.date(article.updatedAt)}</dd>
            </div>
            {canManage ? (
              <div>
                <dt className="text-xs text-slate-500">{t("article.source")}</dt>
                <dd className="text-slate-800">
                  {t(`article.sources.${article.source}`)}
                  {article.author ? ` · ${article.author}` : ""}
                </dd>
              </div>
            ) : null}
          </dl>
        </section>
        <section className="card p-5" aria-labelledby="kb-related">
          <h2 id="kb-related" className="text-sm font-semibold text-slate-900">
            {t("article.related")}
          </h2>
          {related.length === 0 ? (
            <p className="mt-2 text-sm text-slate-500">{t("article.noRelated")}</p>
          ) : (
            <ul className="mt-3 space-y-2" data-testid="kb-related">
              {related.map((row) => (
                <li key={row.id} className="flex items-start gap-2 text-sm">
                  <ArticleKindBadge kind={row.kind} />
                  <Link to={`/kb/${row.slug}`} className="text-slate-700 hover:text-brand-700 hover:underline">
                    {row.title}
                  </Link>
                </li>
              ))}
            </ul>
          )}
        </section>
      </aside>
    </div>
  );
}
