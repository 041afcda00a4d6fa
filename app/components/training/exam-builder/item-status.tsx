import { useTranslation } from "react-i18next";
import type { ItemReport } from "~/modules/training/exams/authoring";

/** The availability / problem cell of a builder or detail row. */
export function ItemStatus({ report }: { report: ItemReport | null }) {
  const { t } = useTranslation("training-exams");
  if (!report) return <span className="text-slate-400">{t("builder.unsaved")}</span>;
  if (report.kind === "draw") {
    return (
      <span className={report.satisfiable ? "text-emerald-700" : "font-medium text-rose-700"}>
        {t("builder.availableCount", { available: report.available, pool: report.pool })}
      </span>
    );
  }
  if (report.kind === "scenario") {
    if (report.missing) return <span className="text-rose-700">{t("builder.missing")}</span>;
    if (!report.published)
      return <span className="text-rose-700">{t("roleplay:exam.builder.scenarioUnpublished")}</span>;
    if (report.duplicate) return <span className="text-rose-700">{t("builder.duplicate")}</span>;
    return <span className="text-emerald-700">{t("roleplay:exam.builder.scenarioReady")}</span>;
  }
  if (report.retired || report.duplicate) {
    return <span className="text-rose-700">{t(report.retired ? "builder.retired" : "builder.duplicate")}</span>;
  }
  return <>—</>;
}
