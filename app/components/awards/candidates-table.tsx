import { Form, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { CandidateView } from "~/modules/awards/cycles.server";
import { useFormat } from "~/utils/use-format";
import { ReasonText } from "./badges";

type MetricScore = {
  kpiKey: string;
  raw: number | null;
  sample: number;
  shrunk: number | null;
  normalised: number | null;
  weight: number;
  contribution: number | null;
};
type Inputs = { metrics?: MetricScore[]; previous?: { composite: number | null } | null; composite?: number | null };

export type DecisionError = { candidateId: string; intent: string; errors: string[] } | null;

/** The ranked candidates: composite, eligibility, decisions; a row opens to show each KPI's raw → normalised → points. */
export function CandidatesTable({
  rows,
  kpiNames,
  decisionsOpen,
  improvement,
  error,
}: {
  rows: CandidateView[];
  kpiNames: Record<string, string>;
  decisionsOpen: boolean;
  improvement: boolean;
  error: DecisionError;
}) {
  const { t } = useTranslation(["awards", "common"]);
  const format = useFormat();
  const points = (value: number | null | undefined) =>
    value === null || value === undefined ? "—" : format.number(value, { maximumFractionDigits: 2 });
  return (
    <ul className="divide-y divide-slate-100" data-testid="award-candidates">
      {rows.map((row) => {
        const inputs = (row.inputs ?? {}) as Inputs;
        const rowError = error && error.candidateId === row.id ? error : null;
        return (
          <li key={row.id} className="px-4 py-3" data-testid="award-candidate">
            <details open={rowError ? true : undefined}>
              <summary className="flex cursor-pointer flex-wrap items-center gap-3 text-sm">
                <span className="w-10 text-right font-semibold tabular-nums text-slate-900">
                  {row.rank ? `#${row.rank}` : "—"}
                </span>
                <span className="min-w-32 font-medium text-slate-900" data-testid="candidate-name">
                  {row.displayName}
                </span>
                {row.user ? <span className="font-mono text-xs text-slate-500">{row.user.externalId}</span> : null}
                {row.subjectKind === "individual" && row.team ? (
                  <span className="text-xs text-slate-500">{row.team.name}</span>
                ) : null}
                <span className="tabular-nums text-slate-700">
                  {t(improvement ? "cycles.gain" : "cycles.composite")} {points(row.composite)}
                </span>
                {row.eligible ? (
                  <span className="badge bg-emerald-50 text-emerald-700">{t("cycles.eligible")}</span>
                ) : (
                  <span className="badge bg-slate-100 text-slate-600">{t("cycles.ineligible")}</span>
                )}
                {row.excluded ? <span className="badge bg-rose-100 text-rose-800">{t("cycles.excluded")}</span> : null}
                {row.nominated ? (
                  <span className="badge bg-violet-100 text-violet-800">{t("cycles.nominated")}</span>
                ) : null}
                {row.winner ? <span className="badge bg-amber-100 text-amber-800">{t("cycles.winner")}</span> : null}
              </summary>
              <div className="mt-3 space-y-3 pl-12 text-sm">
                {!row.eligible && row.ineligibleReasons.length > 0 ? (
                  <ul className="list-disc space-y-0.5 pl-5 text-slate-600" data-testid="ineligible-reasons">
                    {row.ineligibleReasons.map((reason) => (
                      <li key={reason.code}>
                        <ReasonText reason={reason as { code: string }} />
                      </li>
                    ))}
                  </ul>
                ) : null}
                {row.excluded ? (
                  <p className="text-rose-700">
                    {t("cycles.excludedBecause", { reason: row.excludedReason, name: row.excludedBy ?? "—" })}
                  </p>
                ) : null}
                {row.nominated ? (
                  <p className="text-violet-700">
                    {t("cycles.nominatedBecause", { reason: row.nominationReason, name: row.nominatedBy ?? "—" })}
                  </p>
                ) : null}
                {row.citation ? <p className="text-slate-600">{row.citation}</p> : null}
                {inputs.metrics && inputs.metrics.length > 0 ? (
                  <div className="overflow-x-auto">
                    <table className="table-base">
                      <thead>
                        <tr>
                          <th>{t("cycles.breakdown.kpi")}</th>
                          <th>{t("cycles.breakdown.raw")}</th>
                          <th>{t("cycles.breakdown.sample")}</th>
                          <th>{t("cycles.breakdown.shrunk")}</th>
                          <th>{t("cycles.breakdown.normalised")}</th>
                          <th>{t("cycles.breakdown.weight")}</th>
                          <th>{t("cycles.breakdown.contribution")}</th>
                        </tr>
                      </thead>
                      <tbody className="divide-y divide-slate-100">
                        {inputs.metrics.map((metric) => (
                          <tr key={metric.kpiKey}>
                            <td>{kpiNames[metric.kpiKey] ?? metric.kpiKey}</td>
                            <td className="tabular-nums">{points(metric.raw)}</td>
                            <td className="tabular-nums">{metric.sample}</td>
                            <td className="tabular-nums">{points(metric.shrunk)}</td>
                            <td className="tabular-nums">{points(metric.normalised)}</td>
                            <td className="tabular-nums">{points(metric.weight)}</td>
                            <td className="tabular-nums font-medium">{points(metric.contribution)}</td>
                          </tr>
                        ))}
                      </tbody>
                    </table>
                    {improvement && inputs.previous ? (
                      <p className="mt-2 text-xs text-slate-500">
                        {t("cycles.breakdown.improvement", {
                          now: points(inputs.composite),
                          before: points(inputs.previous.composite),
                        })}
                      </p>
                    ) : null}
                  </div>
                ) : null}
                {decisionsOpen ? <DecisionForms row={row} error={rowError} /> : null}
              </div>
            </details>
          </li>
        );
      })}
    </ul>
  );
}

function DecisionForms({ row, error }: { row: CandidateView; error: DecisionError }) {
  const { t } = useTranslation(["awards", "common"]);
  const navigation = useNavigation();
  const busy = navigation.state !== "idle";
  const forms: { intent: string; label: string; className: string }[] = [
    row.excluded
      ? { intent: "restore", label: t("cycles.actions.restore"), className: "btn-secondary" }
      : { intent: "exclude", label: t("cycles.actions.exclude"), className: "btn-danger" },
    ...(row.nominated ? [] : [{ intent: "nominate", label: t("cycles.actions.nominate"), className: "btn-secondary" }]),
  ];
  return (
    <div className="grid gap-3 md:grid-cols-2">
      {forms.map((form) => {
        const errors = error && error.intent === form.intent ? error.errors : null;
        const fieldId = `${form.intent}-reason-${row.id}`;
        return (
          <Form key={form.intent} method="post" className="space-y-2 rounded-md border border-slate-200 p-3">
            <input type="hidden" name="intent" value={form.intent} />
            <input type="hidden" name="candidateId" value={row.id} />
            <input type="hidden" name="subjectId" value={row.subjectId} />
            <label htmlFor={fieldId} className="label">
              {t(`cycles.reasonLabel.${form.intent}`)}
            </label>
            <textarea
              id={fieldId}
              name="reason"
              rows={2}
              maxLength={500}
              className="input"
              aria-invalid={errors ? true : undefined}
            />
            {errors ? (
              <p className="text-xs text-rose-600" role="alert">
                {errors.map((message) => t(message)).join("；")}
              </p>
            ) : null}
            <button type="submit" className={form.className} disabled={busy}>
              {form.label}
            </button>
          </Form>
        );
      })}
    </div>
  );
}
