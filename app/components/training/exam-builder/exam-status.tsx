import { useTranslation } from "react-i18next";

const STYLES: Record<string, string> = {
  draft: "bg-slate-100 text-slate-600",
  published: "bg-emerald-50 text-emerald-700",
  archived: "bg-amber-50 text-amber-700",
};

export function ExamStatusBadge({ status }: { status: string }) {
  const { t } = useTranslation("training");
  return <span className={`badge ${STYLES[status] ?? STYLES.draft}`}>{t(`contentStatus.${status}`)}</span>;
}
