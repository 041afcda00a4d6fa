import { useTranslation } from "react-i18next";

const CYCLE_STYLES: Record<string, string> = {
  draft: "bg-slate-100 text-slate-700",
  open: "bg-sky-100 text-sky-800",
  closed: "bg-emerald-100 text-emerald-800",
};

export function CycleStatusBadge({ status }: { status: string }) {
  const { t } = useTranslation("feedback");
  return <span className={`badge ${CYCLE_STYLES[status] ?? CYCLE_STYLES.draft}`}>{t(`status.${status}`)}</span>;
}

export function GroupLabel({ group }: { group: string }) {
  const { t } = useTranslation("feedback");
  return <>{t(`groups.${group}`)}</>;
}
