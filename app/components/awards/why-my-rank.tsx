import { useTranslation } from "react-i18next";
import type { RankExplanation } from "~/modules/awards/explain";
import { useFormat } from "~/utils/use-format";
import { ReasonText } from "./badges";

/** Per KPI: my value, the median, the leader's value and the points it earned or cost me; what would move me up. */
export function WhyMyRank({
  explanation,
  kpiNames,
}: {
  explanation: RankExplanation;
  kpiNames: Record<string, string>;
}) {
  const { t } = useTranslation("awards");
  const format = useFormat();
  const value = (number: number | null | undefined, digits = 2) =>
    number === null || number === undefined ? "—" : format.number(number, { maximumFractionDigits: digits });
  const signed = (number: number | null) =>
    number === null ? "—" : `${number > 0 ? "+" : ""}${format.number(number, { maximumFractionDigits: 1 })}`;
  const move = explanation.moveUp;
  return (
    <div className="space-y-4" data-testid="why-my-rank">
      {!explanation.eligible && explanation.reasons.length > 0 ? (
        <div className="rounded-md border border-amber-200 bg-amber-50 px-4 py-3 text-sm text-amber-900">
          <p className="font-medium">{t("compute.notRanked")}</p>
          <ul className="mt-1 list-disc pl-5">
            {explanation.reasons.map((reason) => (
              <li key={reason.code}>
                <ReasonText reason={reason} />
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <div className="overflow-x-auto">
        <table className="table-base">
          <thead>
            <tr>
              <th>{t("rank.kpi")}</th>
              <th>{t("rank.weight")}</th>
              <th>{t("rank.mine")}</th>
              <th>{t("rank.median")}</th>
              <th>{t("rank.leader")}</th>
              <th>{t("rank.pointsVsMedian")}</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {explanation.kpis.map((kpi) => (
              <tr key={kpi.kpiKey}>
                <td>
                  {kpiNames[kpi.kpiKey] ?? kpi.kpiKey}
                  <span className="ml-1 text-xs text-slate-400">{t(`programForm.direction.${kpi.direction}`)}</span>
                </td>
                <td className="tabular-nums">{value(kpi.weightShare, 0)}%</td>
                <td className="tabular-nums font-medium">{value(kpi.myValue)}</td>
                <td className="tabular-nums">{value(kpi.median)}</td>
                <td className="tabular-nums">{value(kpi.leaderValue)}</td>
                <td
                  className={`tabular-nums font-medium ${
                    kpi.pointsVsMedian === null ? "" : kpi.pointsVsMedian >= 0 ? "text-emerald-700" : "text-rose-700"
                  }`}
                >
                  {signed(kpi.pointsVsMedian)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="rounded-md bg-slate-50 px-4 py-3 text-sm text-slate-700" data-testid="move-up">
        {move
          ? t(
              !move.achievable
                ? "compute.moveUpOutOfReach"
                : move.direction === "lower"
                  ? "compute.moveUpLower"
                  : "compute.moveUp",
              {
                rank: move.targetRank,
                gap: value(move.gapPoints, 1),
                kpi: kpiNames[move.kpiKey] ?? move.kpiKey,
                value: value(move.valueNeeded),
              },
            )
          : explanation.rank === 1
            ? t("compute.leader")
            : t("rank.noMove")}
      </p>
    </div>
  );
}
