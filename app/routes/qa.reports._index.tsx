import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { EmptyState } from "~/components/empty-state";
import { Icon } from "~/components/icons";
import { titleFromLoader } from "~/components/meta";
import { PageHeader, StatCard } from "~/components/page-header";
import { MostFailedChart, RedLineChart, ScoreTrendChart, type TrendDatum } from "~/components/qa/reports/charts";
import { ReportFilters } from "~/components/qa/reports/report-filters";
import { ReportSection } from "~/components/qa/reports/report-section";
import {
  AgentTable,
  CriterionTable,
  InspectorTable,
  Percent,
  RedLineList,
  Score,
  TeamTable,
} from "~/components/qa/reports/report-tables";
import { pageTitle } from "~/modules/i18n/page-title.server";
import { requirePermission } from "~/modules/identity/session.server";
import { loadReportPage } from "~/modules/qa/reports/report-page.server";
import { reportScope } from "~/modules/qa/reports/reports.server";
import { EXPORT_TYPES } from "~/modules/qa/reports/filters";

export const meta = titleFromLoader;

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "read:qa-report:team");
  const report = await loadReportPage(new URL(request.url), reportScope(user));
  return { ...report, pageTitle: await pageTitle(request, "qa-reports:title") };
}

function ExportLinks({ query }: { query: string }) {
  const { t } = useTranslation("qa-reports");
  return (
    <details className="relative">
      <summary className="btn-secondary cursor-pointer list-none">
        <Icon name="download" className="h-4 w-4" />
        {t("export.button")}
      </summary>
      <div className="card absolute right-0 z-10 mt-1 w-48 py-1 shadow-lg">
        {EXPORT_TYPES.map((type) => (
          <a
            key={type}
            href={`/qa/reports/export?type=${type}&${query}`}
            className="block px-3 py-2 text-sm text-slate-700 hover:bg-slate-50"
            download
          >
            {t(`export.types.${type}`)}
          </a>
        ))}
      </div>
    </details>
  );
}

export default function QaReportsPage() {
  const { t } = useTranslation(["qa-reports", "common"]);
  const data = useLoaderData<typeof loader>();
  const { filter, summary } = data;
  return (
    <div className="space-y-6">
      <PageHeader
        title={t("title")}
        description={t("description", { from: filter.from, to: filter.to })}
        actions={<ExportLinks query={data.query} />}
      />
      <ReportFilters filter={filter} teams={data.options.teams} rubrics={data.options.rubrics} />
      {data.problem ? (
        <p role="alert" className="rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-800">
          {t(`problems.${data.problem}`)}
        </p>
      ) : null}
      {summary.reviews === 0 ? (
        <div className="card">
          <EmptyState icon="chart" title={t("empty.title")} body={t("empty.body")} />
        </div>
      ) : (
        <>
          <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
            <StatCard
              label={t("summary.reviews")}
              value={summary.reviews}
              hint={t("summary.agents", { count: summary.agents })}
            />
            <StatCard label={t("summary.averageScore")} value={<Score value={summary.averageScore} />} />
            <StatCard label={t("summary.passRate")} value={<Percent value={summary.passRate} />} />
            <StatCard label={t("summary.redLines")} value={summary.redLines} />
          </div>
          <ReportSection id="trend" title={t("trend.title")} hint={t("trend.hint")} link={data.allReviewsLink}>
            <div className="p-4">
              <ScoreTrendChart data={data.trendData as TrendDatum[]} teams={data.trendTeams} />
            </div>
          </ReportSection>
          <ReportSection id="agents" title={t("agents.title")}>
            <AgentTable
              rows={data.agents.rows}
              total={data.agents.total}
              page={data.page}
              pageSize={data.pageSize}
              sort={data.sort}
              dir={data.dir}
            />
          </ReportSection>
          <ReportSection id="teams" title={t("teams.title")}>
            <TeamTable rows={data.teams} />
          </ReportSection>
          <div className="grid gap-6 lg:grid-cols-2">
            <ReportSection id="most-failed" title={t("mostFailed.title")} hint={t("mostFailed.hint")}>
              {data.mostFailed.length > 0 ? (
                <div className="p-4">
                  <MostFailedChart data={data.mostFailed} />
                </div>
              ) : (
                <EmptyState icon="check" title={t("mostFailed.none")} />
              )}
            </ReportSection>
            <ReportSection
              id="red-lines"
              title={t("redLines.title")}
              hint={t("redLines.hint")}
              link={data.redLinesLink}
            >
              <div className="p-4">
                <RedLineChart data={data.redLineTrend as TrendDatum[]} />
              </div>
              <RedLineList rows={data.redLines} moreLink={data.redLinesLink} />
            </ReportSection>
          </div>
          <ReportSection id="criteria" title={t("criteria.title")} hint={t("criteria.hint")}>
            <CriterionTable rows={data.criteria} />
          </ReportSection>
          <ReportSection id="inspectors" title={t("inspectors.title")} hint={t("inspectors.hint")}>
            <InspectorTable rows={data.inspectors} />
          </ReportSection>
        </>
      )}
    </div>
  );
}
