import type { LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { EmptyState } from "~/components/empty-state";
import { FilterActions } from "~/components/filter-fields";
import { ProgressScopeFilters } from "~/components/training/progress/scope-filters";
import { titleFromLoader } from "~/components/meta";
import { PageHeader } from "~/components/page-header";
import { Pagination } from "~/components/pagination";
import { ProgressBar } from "~/components/training/learn/progress-bits";
import { pageTitle } from "~/modules/i18n/page-title.server";
import { forbidden, requirePermission } from "~/modules/identity/session.server";
import {
  overdueList,
  readReportFilter,
  reportFilterOptions,
  reportScope,
} from "~/modules/training/progress/reports.server";
import { filterQuery } from "~/modules/training/progress/filter-query";
import { env } from "~/utils/env.server";
import { readPagination } from "~/utils/pagination";
import { useFormat } from "~/utils/use-format";

export const meta = titleFromLoader;

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "read:learning-report:team");
  const scope = reportScope(user);
  if (!scope) throw forbidden("read:learning-report:team");
  const url = new URL(request.url);
  const { page, pageSize } = readPagination(url);
  const { filter, values } = readReportFilter(url, env().APP_TIME_ZONE);
  const [list, options] = await Promise.all([
    overdueList(scope, filter, new Date(), page, pageSize),
    reportFilterOptions(scope),
  ]);
  return {
    pageTitle: await pageTitle(request, "training-learn:overdue.title"),
    ...list,
    page,
    pageSize,
    options,
    values,
  };
}

export default function OverdueLearningPage() {
  const { t } = useTranslation(["training-learn", "training", "common"]);
  const { rows, total, page, pageSize, options, values } = useLoaderData<typeof loader>();
  const format = useFormat();
  const query = filterQuery(values);
  return (
    <div className="space-y-6">
      <PageHeader
        title={t("overdue.title")}
        description={t("overdue.description")}
        actions={
          <>
            <Link to={`/training/progress${query}`} className="btn-ghost">
              {t("overdue.back")}
            </Link>
            <a href={`/training/progress/overdue.csv${query}`} className="btn-secondary" download>
              {t("progress.export")}
            </a>
          </>
        }
      />
      <Form method="get" className="card grid gap-3 p-4 sm:grid-cols-2 lg:grid-cols-4">
        <ProgressScopeFilters options={options} values={values} />
        <FilterActions resetTo="/training/progress/overdue" />
      </Form>
      <section className="card overflow-hidden">
        {rows.length === 0 ? (
          <EmptyState icon="check" title={t("overdue.empty")} />
        ) : (
          <>
            <div className="overflow-x-auto">
              <table className="table-base">
                <thead>
                  <tr>
                    <th>{t("overdue.person")}</th>
                    <th>{t("overdue.team")}</th>
                    <th>{t("overdue.item")}</th>
                    <th>{t("overdue.dueAt")}</th>
                    <th className="text-right">{t("overdue.daysOverdue")}</th>
                    <th>{t("overdue.progress")}</th>
                  </tr>
                </thead>
                <tbody className="divide-y divide-slate-100">
                  {rows.map((row) => (
                    <tr key={row.recipientId}>
                      <td>
                        <span className="font-medium text-slate-900">{row.userName}</span>
                        <span className="ml-1 text-xs text-slate-400">{row.externalId}</span>
                      </td>
                      <td>{row.teamName ?? "—"}</td>
                      <td>
                        <span className="badge mr-2 bg-slate-100 text-slate-700">
                          {t(`training:assignmentKind.${row.kind}`)}
                        </span>
                        {row.itemTitle}
                      </td>
                      <td>{format.date(row.dueAt, true)}</td>
                      <td className="text-right font-medium tabular-nums text-rose-700">
                        {t("overdue.days", { count: row.daysOverdue })}
                      </td>
                      <td className="min-w-40">
                        {row.progress ? (
                          <div className="flex items-center gap-2">
                            <div className="w-24">
                              <ProgressBar percent={row.progress.percent} label={t("overdue.progress")} />
                            </div>
                            <span className="text-xs text-slate-500">
                              {row.progress.done}/{row.progress.total}
                            </span>
                          </div>
                        ) : (
                          <span className="text-xs text-slate-500">{t("overdue.examProgress")}</span>
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <Pagination page={page} pageSize={pageSize} total={total} />
          </>
        )}
      </section>
    </div>
  );
}
