import { useTranslation } from "react-i18next";
import type { ArticleKindValue, ArticleStatusValue } from "~/modules/training/kb/kb";

const KIND_STYLES: Record<ArticleKindValue, string> = {
  policy: "bg-sky-50 text-sky-700",
  faq: "bg-emerald-50 text-emerald-700",
  case: "bg-amber-50 text-amber-700",
  product: "bg-violet-50 text-violet-700",
};

const STATUS_STYLES: Record<ArticleStatusValue, string> = {
  draft: "bg-slate-100 text-slate-700",
  published: "bg-emerald-50 text-emerald-700",
  archived: "bg-slate-200 text-slate-500",
};

export function ArticleKindBadge({ kind }: { kind: ArticleKindValue }) {
  const { t } = useTranslation("training");
  return <span className={`badge ${KIND_STYLES[kind]}`}>{t(`articleKind.${kind}`)}</span>;
}

/** Shown to editors only, and only for articles agents cannot see (drafts and archived ones). */
export function ArticleStatusBadge({ status }: { status: ArticleStatusValue }) {
  const { t } = useTranslation("training");
  if (status === "published") return null;
  return <span className={`badge ${STATUS_STYLES[status]}`}>{t(`contentStatus.${status}`)}</span>;
}
