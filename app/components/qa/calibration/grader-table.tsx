import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";

export type GraderTableRow = {
  id: string;
  name: string;
  externalId: string;
  reviews: number;
  avgGradingSeconds: number | null;
  avgScore: number | null;
  sessions: number;
  alignment: number | null;
  leniency: number | null;
  disputeItemsDecided: number;
  disputeItemsAccepted: number;
  acceptanceRate: number | null;
};

function duration(seconds: number | null) {
  if (seconds === null) return "—";
  const rounded = Math.round(seconds);
  const minutes = Math.floor(rounded / 60);
  return `${minutes}:${String(rounded % 60).padStart(2, "0")}`;
}

const percent = (value: number | null) => (value === null ? "—" : `${(value * 100).toFixed(1)}%`);

export function GraderTable({ rows, from, to }: { rows: GraderTableRow[]; from: string; to: string }) {
  const { t } = useTranslation(["qa-calibration", "common"]);
  return (
    <div className="overflow-x-auto">
      <table className="table-base" data-testid="grader-report">
        <thead>
          <tr>
            <th scope="col">{t("qa-calibration:results.inspector")}</th>
            <th scope="col">{t("qa-calibration:graders.reviews")}</th>
            <th scope="col">{t("qa-calibration:graders.avgGradingTime")}</th>
            <th scope="col">{t("qa-calibration:graders.avgScore")}</th>
            <th scope="col">{t("qa-calibration:graders.sessions")}</th>
            <th scope="col">{t("qa-calibration:results.alignment")}</th>
            <th scope="col">{t("qa-calibration:results.leniency")}</th>
            <th scope="col">{t("qa-calibration:graders.acceptance")}</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100 bg-white">
          {rows.map((row) => (
            <tr key={row.id}>
              <td>
                <span className="font-medium text-slate-800">{row.name}</span>{" "}
                <span className="font-mono text-xs text-slate-400">{row.externalId}</span>
              </td>
              <td className="tabular-nums">
                {row.reviews > 0 ? (
                  <Link
                    to={`/qa/reviews?${new URLSearchParams({ inspector: row.id, from, to }).toString()}`}
                    className="text-brand-700 hover:underline"
                  >
                    {row.reviews}
                  </Link>
                ) : (
                  0
                )}
              </td>
              <td className="tabular-nums">{duration(row.avgGradingSeconds)}</td>
              <td className="tabular-nums">{row.avgScore === null ? "—" : row.avgScore.toFixed(1)}</td>
              <td className="tabular-nums">{row.sessions}</td>
              <td className="tabular-nums">{percent(row.alignment)}</td>
              <td className="tabular-nums">
                {row.leniency === null ? "—" : `${row.leniency > 0 ? "+" : ""}${row.leniency.toFixed(2)}`}
              </td>
              <td className="tabular-nums">
                {percent(row.acceptanceRate)}
                {row.disputeItemsDecided > 0 ? (
                  <span className="ml-1 text-xs text-slate-400">
                    ({row.disputeItemsAccepted}/{row.disputeItemsDecided})
                  </span>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
