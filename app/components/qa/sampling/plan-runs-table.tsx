import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { EmptyState } from "~/components/empty-state";
import { Pagination } from "~/components/pagination";
import { useFormat } from "~/utils/use-format";
import { RunStatusBadge } from "./run-parts";

type RunRow = {
  id: string;
  createdAt: string;
  trigger: string;
  status: string;
  seed: string;
  candidateCount: number;
  sampledCount: number;
  assignedCount: number;
  unassignedCount: number;
};

export function PlanRunsTable({ runs }: { runs: { rows: RunRow[]; total: number; page: number; pageSize: number } }) {
  const { t } = useTranslation(["qa-sampling", "common"]);
  const format = useFormat();
  return (
    <section className="card overflow-hidden" aria-labelledby="runs-heading">
      <h2 id="runs-heading" className="border-b border-slate-100 px-5 py-4 font-semibold text-slate-900">
        {t("runs.title")}
      </h2>
      {runs.rows.length === 0 ? (
        <EmptyState icon="clock" title={t("runs.empty")} body={t("runs.emptyBody")} />
      ) : (
        <div className="overflow-x-auto">
          <table className="table-base" data-testid="plan-runs">
            <thead>
              <tr>
                <th scope="col">{t("columns.startedAt")}</th>
                <th scope="col">{t("columns.trigger")}</th>
                <th scope="col">{t("columns.status")}</th>
                <th scope="col">{t("fields.seed")}</th>
                <th scope="col" className="text-right">
                  {t("counts.candidates")}
                </th>
                <th scope="col" className="text-right">
                  {t("counts.sampled")}
                </th>
                <th scope="col" className="text-right">
                  {t("counts.assigned")}
                </th>
                <th scope="col" className="text-right">
                  {t("counts.unassigned")}
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {runs.rows.map((run) => (
                <tr key={run.id}>
                  <td>
                    <Link to={`/qa/sampling/runs/${run.id}`} className="text-brand-700 hover:underline">
                      {format.dateTime(run.createdAt)}
                    </Link>
                  </td>
                  <td>{t(`triggers.${run.trigger}`, { defaultValue: run.trigger })}</td>
                  <td>
                    <RunStatusBadge status={run.status} />
                  </td>
                  <td className="font-mono text-xs">{run.seed}</td>
                  <td className="text-right tabular-nums">{format.number(run.candidateCount)}</td>
                  <td className="text-right tabular-nums">{format.number(run.sampledCount)}</td>
                  <td className="text-right tabular-nums">{format.number(run.assignedCount)}</td>
                  <td className="text-right tabular-nums">{format.number(run.unassignedCount)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pagination page={runs.page} pageSize={runs.pageSize} total={runs.total} />
    </section>
  );
}
