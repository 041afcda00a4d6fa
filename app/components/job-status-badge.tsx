import { useTranslation } from "react-i18next";

const STYLES: Record<string, string> = {
  queued: "bg-slate-100 text-slate-600",
  running: "bg-sky-50 text-sky-700",
  retrying: "bg-amber-50 text-amber-700",
  succeeded: "bg-emerald-50 text-emerald-700",
  failed: "bg-rose-50 text-rose-700",
};

export function JobStatusBadge({ status }: { status: string }) {
  const { t } = useTranslation("jobs");
  return <span className={`badge ${STYLES[status] ?? STYLES.queued}`}>{t(`statuses.${status}`)}</span>;
}
