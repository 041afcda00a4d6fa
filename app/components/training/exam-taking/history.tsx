import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { useFormat } from "~/utils/use-format";
import { AttemptStatusBadge, PassBadge, ScoreText } from "./badges";

export type HistoryRow = {
  id: string;
  number: number;
  status: string;
  startedAt: string | Date;
  submittedAt: string | Date | null;
  submittedBy: string | null;
  score: number | null;
  maxScore: number;
  percent: number | null;
  passed: boolean | null;
  exam: { id: string; title: string };
};

/** Every attempt the learner made, failed ones too, newest first. */
export function AttemptHistoryTable({ rows, showExam }: { rows: HistoryRow[]; showExam: boolean }) {
  const { t } = useTranslation(["training-attempts", "training"]);
  const format = useFormat();
  return (
    <div className="overflow-x-auto">
      <table className="table-base" data-testid="attempt-history">
        <thead>
          <tr>
            {showExam ? <th scope="col">{t("history.exam")}</th> : null}
            <th scope="col">{t("history.number")}</th>
            <th scope="col">{t("history.startedAt")}</th>
            <th scope="col">{t("history.submittedAt")}</th>
            <th scope="col">{t("history.status")}</th>
            <th scope="col">{t("history.score")}</th>
            <th scope="col">{t("history.outcome")}</th>
            <th scope="col">
              <span className="sr-only">{t("history.open")}</span>
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.map((row) => (
            <tr key={row.id}>
              {showExam ? (
                <td>
                  <Link to={`/learn/exams/${row.exam.id}`} className="font-medium text-brand-700 hover:underline">
                    {row.exam.title}
                  </Link>
                </td>
              ) : null}
              <td className="tabular-nums">{t("history.numberValue", { number: row.number })}</td>
              <td className="tabular-nums">{format.dateTime(row.startedAt)}</td>
              <td className="tabular-nums">
                {row.submittedAt ? format.dateTime(row.submittedAt) : "—"}
                {row.submittedBy === "timeout" ? (
                  <span className="ml-1 text-xs text-amber-700">{t("history.timeout")}</span>
                ) : null}
              </td>
              <td>
                <AttemptStatusBadge status={row.status} />
              </td>
              <td>
                <ScoreText score={row.score} maxScore={row.maxScore} percent={row.percent} />
              </td>
              <td>
                <PassBadge passed={row.passed} />
              </td>
              <td className="text-right">
                <Link
                  to={row.status === "in_progress" ? `/learn/attempts/${row.id}` : `/learn/attempts/${row.id}/result`}
                  className="text-sm text-brand-700 hover:underline"
                >
                  {row.status === "in_progress" ? t("history.continue") : t("history.view")}
                </Link>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
