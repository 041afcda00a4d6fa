import type { LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { EmptyState } from "~/components/empty-state";
import { FilterActions, FilterInput } from "~/components/filter-fields";
import { ProgressScopeFilters } from "~/components/training/progress/scope-filters";
import { titleFromLoader } from "~/components/meta";
import { PageHeader, StatCard } from "~/components/page-header";
import { CohortTable } from "~/components/training/progress/cohort-table";
import { CompletionChart } from "~/components/training/progress/completion-chart";
import { pageTitle } from "~/modules/i18n/page-title.server";
import { forbidden, requirePermission } from "~/modules/identity/session.server";
import { ratePercent } from "~/modules/training/learner/learner";
import {
  COHORT_WINDOW_DAYS,
  cohortView,
  completionByTeamAndCourse,
  completionCharts,
  onboardingCohort,
  readReportFilter,
  reportFilterOptions,
  reportScope,
} from "~/modules/training/progress/reports.server";
import { filterQuery } from "~/modules/training/progress/filter-query";
import { env } from "~/utils/env.server";

export const meta = titleFromLoader;

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "read:learning-report:team");
  const scope = reportScope(user);
  if (!scope) throw forbidden("read:learning-report:team");
  const now = new Date();
  const { filter, values } = readReportFilter(new URL(request.url), env().APP_TIME_ZONE);
  const [rows, cohort, options] = await Promise.all([
    completionByTeamAndCourse(scope, filter, now),
    onboardingCohort(scope, now, { teamId: filter.teamId }),
    reportFilterOptions(scope),
  ]);
  const charts = completionCharts(rows);
  const overdue = rows.reduce((sum, row) => sum + row.overdue, 0);
  return {
    pageTitle: await pageTitle(request, "training-learn:progress.title"),
    rows,
    charts,
    totals: { ...charts.totals, overdue, rate: ratePercent(charts.totals.completed, charts.totals.assigned) },
    cohort: cohortView(cohort),
    options,
    values,
    cohortDays: COHORT_WINDOW_DAYS,
  };
}

export default function LearningProgressPage() {
  const { t } = useTranslation(["training-learn", "training", "common"]);
  const { rows, charts, totals, cohort, options, values, cohortDays } = useLoaderData<typeof loader>();
  const query = filterQuery(values);
  return (
    <div className="space-y-6">
      <PageHeader
        title={t("progress.title")}
        description={t("progress.description")}
        actions={
          <>
            <Link to={`/training/progress/overdue${query}`} className="btn-secondary">
              {t("progress.overdueLink")}
            </Link>
            <a href={`/training/progress.csv${query}`} className="btn-secondary" download>
              {t("progress.export")}
            </a>
          </>
        }
      />
      <Form method="get" className="card grid gap-3 p-4 sm:grid-cols-3 lg:grid-cols-6">
        <ProgressScopeFilters options={options} values={values} />
        <FilterInput id="from" name="from" type="date" label={t("progress.filters.from")} defaultValue={values.from} />
        <FilterInput id="to" name="to" type="date" label={t("progress.filters.to")} defaultValue={values.to} />
        <FilterActions resetTo="/training/progress" />
      </Form>
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        <StatCard label={t("progress.stats.assigned")} value={totals.assigned} />
        <StatCard label={t("progress.stats.completed")} value={totals.completed} />
        <StatCard label={t("progress.stats.rate")} value={totals.rate === null ? "—" : `${totals.rate}%`} />
        <StatCard label={t("progress.stats.overdue")} value={totals.overdue} />
      </div>
      {rows.length > 0 ? (
        <div className="grid gap-6 lg:grid-cols-2">
          <section className="card p-5" aria-labelledby="by-team">
            <h2 id="by-team" className="mb-3 font-semibold text-slate-900">
              {t("progress.charts.byTeam")}
            </h2>
            <CompletionChart
              rows={charts.byTeam.map((bar) => ({ ...bar, name: bar.name || t("progress.table.noTeam") }))}
              label={t("progress.charts.byTeam")}
              seriesName={t("progress.charts.percent")}
            />
          </section>
          <section className="card p-5" aria-labelledby="by-course">
            <h2 id="by-course" className="mb-3 font-semibold text-slate-900">
              {t("progress.charts.byCourse")}
            </h2>
            <CompletionChart
              rows={charts.byCourse}
              label={t("progress.charts.byCourse")}
              seriesName={t("progress.charts.percent")}
            />
          </section>
        </div>
      ) : null}
      <section className="card overflow-hidden" aria-labelledby="completion">
        <div className="border-b border-slate-100 px-5 py-4">
          <h2 id="completion" className="font-semibold text-slate-900">
            {t("progress.table.title")}
          </h2>
          <p className="text-sm text-slate-500">{t("progress.table.note")}</p>
        </div>
        {rows.length === 0 ? (
          <EmptyState icon="chart" title={t("progress.table.empty")} />
        ) : (
          <div className="overflow-x-auto">
            <table className="table-base">
              <thead>
                <tr>
                  <th>{t("progress.table.team")}</th>
                  <th>{t("progress.table.course")}</th>
                  <th className="text-right">{t("progress.table.assigned")}</th>
                  <th className="text-right">{t("progress.table.completed")}</th>
                  <th className="text-right">{t("progress.table.inProgress")}</th>
                  <th className="text-right">{t("progress.table.overdue")}</th>
                  <th className="text-right">{t("progress.table.rate")}</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {rows.map((row) => (
                  <tr key={`${row.teamId ?? "none"}-${row.courseId}`}>
                    <td>{row.teamName ?? t("progress.table.noTeam")}</td>
                    <td>{row.courseTitle}</td>
                    <td className="text-right tabular-nums">{row.assigned}</td>
                    <td className="text-right tabular-nums">{row.completed}</td>
                    <td className="text-right tabular-nums">{row.inProgress}</td>
                    <td className={`text-right tabular-nums ${row.overdue > 0 ? "font-medium text-rose-700" : ""}`}>
                      {row.overdue}
                    </td>
                    <td className="text-right tabular-nums">
                      {row.completionPercent === null ? "—" : `${row.completionPercent}%`}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      <section className="card overflow-hidden" aria-labelledby="cohort">
        <div className="border-b border-slate-100 px-5 py-4">
          <h2 id="cohort" className="font-semibold text-slate-900">
            {t("progress.cohort.title", { days: cohortDays })}
          </h2>
          <p className="text-sm text-slate-500">{t("progress.cohort.body")}</p>
        </div>
        {cohort.length === 0 ? (
          <EmptyState icon="user" title={t("progress.cohort.empty", { days: cohortDays })} />
        ) : (
          <CohortTable rows={cohort} />
        )}
      </section>
    </div>
  );
}
