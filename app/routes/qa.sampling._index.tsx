import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { EmptyState } from "~/components/empty-state";
import { titleFromLoader } from "~/components/meta";
import { PageHeader } from "~/components/page-header";
import { Pagination } from "~/components/pagination";
import { RunStatusBadge } from "~/components/qa/sampling/run-parts";
import { pageTitle } from "~/modules/i18n/page-title.server";
import { requirePermission } from "~/modules/identity/session.server";
import { listPlans } from "~/modules/qa/sampling/plans.server";
import { readPagination } from "~/utils/pagination";
import { useFormat } from "~/utils/use-format";

export const meta = titleFromLoader;

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "manage:sampling-plan:any");
  const { page, pageSize } = readPagination(new URL(request.url));
  const plans = await listPlans({ page, pageSize });
  return { ...plans, page, pageSize, pageTitle: await pageTitle(request, "qa-sampling:title") };
}

export default function SamplingPlansPage() {
  const { t } = useTranslation(["qa-sampling", "common"]);
  const { rows, total, page, pageSize } = useLoaderData<typeof loader>();
  const format = useFormat();
  return (
    <div>
      <PageHeader
        title={t("qa-sampling:title")}
        description={t("qa-sampling:description")}
        actions={
          <Link to="/qa/sampling/new" className="btn-primary">
            {t("qa-sampling:newPlan")}
          </Link>
        }
      />
      <section className="card overflow-hidden">
        {rows.length === 0 ? (
          <EmptyState icon="clock" title={t("qa-sampling:empty")} body={t("qa-sampling:emptyBody")} />
        ) : (
          <div className="overflow-x-auto">
            <table className="table-base" data-testid="sampling-plans">
              <thead>
                <tr>
                  <th scope="col">{t("fields.name")}</th>
                  <th scope="col">{t("fields.rubric")}</th>
                  <th scope="col">{t("fields.strategy")}</th>
                  <th scope="col">{t("fields.cron")}</th>
                  <th scope="col">{t("fields.active")}</th>
                  <th scope="col">{t("columns.lastRun")}</th>
                  <th scope="col">{t("columns.nextRun")}</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {rows.map((plan) => (
                  <tr key={plan.id}>
                    <td>
                      <Link to={`/qa/sampling/${plan.id}`} className="font-medium text-brand-700 hover:underline">
                        {plan.name}
                      </Link>
                      <p className="text-xs text-slate-500">
                        {t("columns.inspectorCount", { count: plan.inspectorCount })}
                      </p>
                    </td>
                    <td>{plan.rubricName}</td>
                    <td>{t(`strategies.${plan.strategy}`)}</td>
                    <td className="font-mono text-xs">
                      {plan.cron ?? <span className="font-sans text-slate-400">{t("form.manualOnly")}</span>}
                    </td>
                    <td>
                      {plan.active ? (
                        <span className="badge bg-emerald-50 text-emerald-700">{t("planStatus.active")}</span>
                      ) : (
                        <span className="badge bg-slate-100 text-slate-600">{t("planStatus.paused")}</span>
                      )}
                    </td>
                    <td>
                      {plan.lastRun ? (
                        <Link
                          to={`/qa/sampling/runs/${plan.lastRun.id}`}
                          className="inline-flex items-center gap-2 hover:underline"
                        >
                          <RunStatusBadge status={plan.lastRun.status} />
                          <span className="text-xs text-slate-500">{format.relative(plan.lastRun.createdAt)}</span>
                        </Link>
                      ) : (
                        <span className="text-slate-400">{t("never")}</span>
                      )}
                    </td>
                    <td className="text-sm">
                      {plan.nextRunAt ? format.dateTime(plan.nextRunAt) : <span className="text-slate-400">—</span>}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <Pagination page={page} pageSize={pageSize} total={total} />
      </section>
    </div>
  );
}
