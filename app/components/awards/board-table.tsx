import { useTranslation } from "react-i18next";
import type { BoardRow } from "~/modules/awards/leaderboard.server";
import { useFormat } from "~/utils/use-format";

/**
 * A board: rank, person, team, composite and — where the rows carry them — each KPI's contribution in points
 * (hover shows the raw value). Rows without metrics (other people on an agent's top-N board) show dashes.
 */
export function BoardTable({
  rows,
  kpiKeys,
  kpiNames,
  highlightUserId,
  showTeam = true,
}: {
  rows: BoardRow[];
  kpiKeys: string[];
  kpiNames: Record<string, string>;
  highlightUserId?: string;
  showTeam?: boolean;
}) {
  const { t } = useTranslation(["awards", "common"]);
  const format = useFormat();
  const showMetrics = rows.some((row) => row.metrics !== null);
  const points = (value: number | null | undefined) =>
    value === null || value === undefined ? "—" : format.number(value, { maximumFractionDigits: 1 });
  return (
    <div className="overflow-x-auto">
      <table className="table-base" data-testid="board-table">
        <thead>
          <tr>
            <th>{t("board.rank")}</th>
            <th>{t("common:fields.name")}</th>
            {showTeam ? <th>{t("common:fields.team")}</th> : null}
            <th>{t("board.composite")}</th>
            <th>{t("board.percentile")}</th>
            {showMetrics
              ? kpiKeys.map((key) => <th key={key}>{t("board.metricHeader", { name: kpiNames[key] ?? key })}</th>)
              : null}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.map((row) => {
            const metrics = new Map((row.metrics ?? []).map((metric) => [metric.kpiKey, metric]));
            return (
              <tr
                key={row.userId}
                className={row.userId === highlightUserId ? "bg-brand-50 font-medium" : undefined}
                data-testid={row.userId === highlightUserId ? "board-my-row" : "board-row"}
              >
                <td className="tabular-nums">{row.rank ?? t("board.unranked")}</td>
                <td>{row.name}</td>
                {showTeam ? <td className="text-slate-500">{row.teamName ?? "—"}</td> : null}
                <td className="tabular-nums">{points(row.composite)}</td>
                <td className="tabular-nums">{row.percentile === null ? "—" : `${points(row.percentile)}%`}</td>
                {showMetrics
                  ? kpiKeys.map((key) => {
                      const metric = metrics.get(key);
                      return (
                        <td
                          key={key}
                          className="tabular-nums"
                          title={metric ? t("board.rawTitle", { value: points(metric.raw) }) : undefined}
                        >
                          {metric ? points(metric.contribution) : "—"}
                        </td>
                      );
                    })
                  : null}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
