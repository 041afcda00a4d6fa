import { useTranslation } from "react-i18next";
import { useFormat } from "~/utils/use-format";
import { Duration, ProgressBar } from "../learn/progress-bits";

export type CohortTableRow = {
  userId: string;
  name: string;
  externalId: string;
  teamName: string | null;
  hireDate: Date | string | null;
  pathTitle: string | null;
  hoursDone: number;
  requiredHours: number | null;
  timeSpentSeconds: number;
  coursesDone: number;
  coursesTotal: number;
  percent: number;
  met: boolean;
};

/** New hires with onboarding hours done vs required and the measured time spent. */
export function CohortTable({ rows }: { rows: CohortTableRow[] }) {
  const { t } = useTranslation("training-learn");
  const format = useFormat();
  return (
    <div className="overflow-x-auto">
      <table className="table-base">
        <thead>
          <tr>
            <th>{t("progress.cohort.name")}</th>
            <th>{t("progress.cohort.team")}</th>
            <th>{t("progress.cohort.hireDate")}</th>
            <th>{t("progress.cohort.path")}</th>
            <th>{t("progress.cohort.hoursDone")}</th>
            <th>{t("progress.cohort.progress")}</th>
            <th>{t("progress.cohort.timeSpent")}</th>
            <th>{t("progress.cohort.courses")}</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.map((row) => (
            <tr key={row.userId}>
              <td>
                <span className="font-medium text-slate-900">{row.name}</span>
                <span className="ml-1 text-xs text-slate-400">{row.externalId}</span>
              </td>
              <td>{row.teamName ?? "—"}</td>
              <td>{row.hireDate ? format.date(row.hireDate, true) : "—"}</td>
              <td>{row.pathTitle ?? <span className="text-slate-400">{t("progress.cohort.noPath")}</span>}</td>
              <td>
                {row.pathTitle ? (
                  <span className={row.met ? "font-medium text-emerald-700" : ""}>
                    {row.hoursDone} / {t("hoursValue", { hours: row.requiredHours ?? "—" })}
                  </span>
                ) : (
                  "—"
                )}
              </td>
              <td className="min-w-32">
                {row.pathTitle ? (
                  <div className="flex items-center gap-2">
                    <div className="w-24">
                      <ProgressBar
                        percent={row.percent}
                        label={t("progress.cohort.progress")}
                        tone={row.met ? "emerald" : "brand"}
                      />
                    </div>
                    <span className="text-xs text-slate-500">{row.percent}%</span>
                  </div>
                ) : (
                  "—"
                )}
              </td>
              <td>
                <Duration seconds={row.timeSpentSeconds} />
              </td>
              <td>{row.pathTitle ? `${row.coursesDone} / ${row.coursesTotal}` : "—"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
