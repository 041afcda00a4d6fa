import { useTranslation } from "react-i18next";
import type { CalibrationResults, Cell, Spread } from "~/modules/qa/calibration/results";
import { AlignmentChart } from "./alignment-chart";
import { AlphaHelp, AlphaValue } from "./alpha";

const percent = (value: number | null) => (value === null ? "—" : `${(value * 100).toFixed(1)}%`);
const signed = (value: number | null) => (value === null ? "—" : `${value > 0 ? "+" : ""}${value.toFixed(2)}`);
const number = (value: number, digits = 2) => String(Number(value.toFixed(digits)));

function SpreadCells({ spread }: { spread: Spread | null }) {
  if (!spread) {
    return (
      <>
        <td className="text-slate-400">—</td>
        <td className="text-slate-400">—</td>
        <td className="text-slate-400">—</td>
      </>
    );
  }
  return (
    <>
      <td className="tabular-nums">{number(spread.min)}</td>
      <td className="tabular-nums">{number(spread.max)}</td>
      <td className="tabular-nums">{number(spread.sd)}</td>
    </>
  );
}

function ValueCell({ value, benchmark }: { value: Cell; benchmark: boolean }) {
  const { t } = useTranslation(["qa-calibration"]);
  const tone = benchmark ? "bg-violet-50 font-semibold text-violet-800" : "";
  if (value === null) return <td className={`text-slate-400 ${tone}`}>{t("qa-calibration:results.missing")}</td>;
  if (value === "na") return <td className={`text-slate-500 ${tone}`}>{t("qa-calibration:results.na")}</td>;
  return <td className={`tabular-nums ${tone}`}>{number(value)}</td>;
}

export function CalibrationResultsView({ results }: { results: CalibrationResults }) {
  const { t } = useTranslation(["qa-calibration", "common"]);
  const criterionById = new Map(results.criteria.map((criterion) => [criterion.id, criterion]));

  return (
    <div className="space-y-6" data-testid="calibration-results">
      <section className="card p-5" aria-labelledby="alpha-heading">
        <div className="flex items-center gap-2">
          <h2 id="alpha-heading" className="font-semibold text-slate-900">
            {t("qa-calibration:results.reliability")}
          </h2>
          <AlphaHelp />
        </div>
        <p className="mt-3 flex flex-wrap items-center gap-3 text-sm text-slate-600">
          {t("qa-calibration:results.scoreAlpha")}
          <AlphaValue alpha={results.scoreAlpha} />
        </p>
        <div className="mt-4 overflow-x-auto">
          <table className="table-base" data-testid="criterion-alpha">
            <thead>
              <tr>
                <th scope="col">{t("qa-calibration:results.criterion")}</th>
                <th scope="col">{t("qa-calibration:results.scale")}</th>
                <th scope="col">{t("qa-calibration:results.level")}</th>
                <th scope="col">α</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100 bg-white">
              {results.criteria.map((criterion) => (
                <tr key={criterion.id}>
                  <td>{criterion.name}</td>
                  <td>{t(`qa-calibration:scales.${criterion.scale}`, { max: criterion.maxPoints ?? "" })}</td>
                  <td>{t(`qa-calibration:alpha.levels.${criterion.level}`)}</td>
                  <td>
                    <AlphaValue alpha={criterion.alpha} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      <section className="card overflow-hidden" aria-labelledby="alignment-heading">
        <div className="border-b border-slate-100 px-5 py-4">
          <h2 id="alignment-heading" className="font-semibold text-slate-900">
            {t("qa-calibration:results.alignmentTitle")}
          </h2>
          <p className="mt-1 text-xs text-slate-500">{t("qa-calibration:results.alignmentHelp")}</p>
        </div>
        <div className="p-5">
          <AlignmentChart rows={results.inspectors.map((row) => ({ name: row.name, alignment: row.alignment }))} />
        </div>
        <div className="overflow-x-auto">
          <table className="table-base" data-testid="inspector-alignment">
            <thead>
              <tr>
                <th scope="col">{t("qa-calibration:results.inspector")}</th>
                {results.conversations.map((conversation) => (
                  <th scope="col" key={conversation.id} className="font-mono">
                    {conversation.externalId}
                  </th>
                ))}
                <th scope="col">{t("qa-calibration:results.alignment")}</th>
                <th scope="col">{t("qa-calibration:results.leniency")}</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100 bg-white">
              {results.inspectors.map((inspector) => (
                <tr key={inspector.id}>
                  <td>
                    {inspector.name} <span className="font-mono text-xs text-slate-400">{inspector.externalId}</span>
                  </td>
                  {inspector.perConversation.map((value, index) => (
                    <td key={results.conversations[index]!.id} className="tabular-nums">
                      {percent(value)}
                    </td>
                  ))}
                  <td className="font-semibold tabular-nums">{percent(inspector.alignment)}</td>
                  <td className="tabular-nums">{signed(inspector.leniency)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      {results.conversations.map((conversation) => (
        <section key={conversation.id} className="card overflow-hidden" aria-label={conversation.externalId}>
          <h2 className="border-b border-slate-100 px-5 py-4 font-semibold text-slate-900">
            {t("qa-calibration:results.conversationTitle", { id: conversation.externalId })}
          </h2>
          <div className="overflow-x-auto">
            <table className="table-base">
              <thead>
                <tr>
                  <th scope="col">{t("qa-calibration:results.criterion")}</th>
                  {results.raters.map((rater) => (
                    <th scope="col" key={rater.id} className={rater.isBenchmark ? "bg-violet-50 text-violet-800" : ""}>
                      {rater.name}
                      {rater.isBenchmark ? ` · ${t("qa-calibration:benchmark")}` : ""}
                    </th>
                  ))}
                  <th scope="col">{t("qa-calibration:results.min")}</th>
                  <th scope="col">{t("qa-calibration:results.max")}</th>
                  <th scope="col">{t("qa-calibration:results.sd")}</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100 bg-white">
                {conversation.criteria.map((row) => (
                  <tr key={row.criterionId}>
                    <td>{criterionById.get(row.criterionId)?.name}</td>
                    {row.cells.map((value, index) => (
                      <ValueCell
                        key={results.raters[index]!.id}
                        value={value}
                        benchmark={results.raters[index]!.isBenchmark}
                      />
                    ))}
                    <SpreadCells spread={row.spread} />
                  </tr>
                ))}
                <tr className="bg-slate-50 font-medium">
                  <td>{t("qa-calibration:results.reviewScore")}</td>
                  {conversation.scores.map((score, index) => (
                    <ValueCell
                      key={results.raters[index]!.id}
                      value={score}
                      benchmark={results.raters[index]!.isBenchmark}
                    />
                  ))}
                  <SpreadCells spread={conversation.scoreSpread} />
                </tr>
              </tbody>
            </table>
          </div>
        </section>
      ))}
    </div>
  );
}
