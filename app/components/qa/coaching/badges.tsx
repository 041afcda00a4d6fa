import { useTranslation } from "react-i18next";

const STATUS_STYLES: Record<string, string> = {
  open: "bg-sky-50 text-sky-700",
  completed: "bg-amber-50 text-amber-700",
  closed: "bg-emerald-50 text-emerald-700",
  cancelled: "bg-slate-200 text-slate-600",
};

export function CoachingStatusBadge({ status, overdue }: { status: string; overdue?: boolean }) {
  const { t } = useTranslation("qa-coaching");
  return (
    <span className="inline-flex flex-wrap gap-1">
      <span className={`badge ${STATUS_STYLES[status] ?? STATUS_STYLES.cancelled}`}>{t(`status.${status}`)}</span>
      {overdue ? <span className="badge bg-rose-50 text-rose-700">{t("overdue")}</span> : null}
    </span>
  );
}

export function OutcomeBadge({ outcome }: { outcome: string | null }) {
  const { t } = useTranslation("qa-coaching");
  if (!outcome) return null;
  return (
    <span className={`badge ${outcome === "improved" ? "bg-emerald-50 text-emerald-700" : "bg-rose-50 text-rose-700"}`}>
      {t(`outcome.${outcome}`)}
    </span>
  );
}

/** A course or article link: external ones open in a new tab. */
export function ResourceLink({ title, url }: { title: string | null; url: string | null }) {
  if (!url) return null;
  const external = !url.startsWith("/");
  return (
    <a
      href={url}
      className="font-medium text-brand-700 hover:underline"
      {...(external ? { target: "_blank", rel: "noopener noreferrer" } : {})}
    >
      {title ?? url}
    </a>
  );
}
