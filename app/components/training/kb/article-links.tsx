import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { ArticleKindValue } from "~/modules/training/kb/kb";
import { ArticleKindBadge } from "./badges";

export type ArticleLink = { slug: string; title: string; kind: ArticleKindValue };

/** "相关知识": links to knowledge-base articles (rubric criteria, reviews, coaching tasks). */
export function RelatedKnowledge({
  articles,
  title,
  className = "",
}: {
  articles: ArticleLink[];
  title?: string;
  className?: string;
}) {
  const { t } = useTranslation("training-kb");
  if (articles.length === 0) return null;
  return (
    <div className={className}>
      <p className="text-xs font-medium text-slate-500">{title ?? t("links.related")}</p>
      <ul className="mt-1 space-y-1">
        {articles.map((article) => (
          <li key={article.slug} className="flex items-center gap-2 text-sm">
            <ArticleKindBadge kind={article.kind} />
            <Link to={`/kb/${article.slug}`} className="text-brand-700 hover:underline">
              {article.title}
            </Link>
          </li>
        ))}
      </ul>
    </div>
  );
}
