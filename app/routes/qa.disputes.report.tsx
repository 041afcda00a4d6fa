import type { LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { EmptyState } from "~/components/empty-state";
import { FormError } from "~/components/field";
import { titleFromLoader } from "~/components/meta";
import { PageHeader, StatCard } from "~/components/page-header";
import { pageTitle } from "~/modules/i18n/page-title.server";
import { requirePermission } from "~/modules/identity/session.server";
import { readReportRange } from "~/modules/qa/disputes/dispute-report";
import { disputeReport, todayInAppZone } from "~/modules/qa/disputes/dispute-report.server";
import { useFormat } from "~/utils/use-format";

export const meta = titleFromLoader;

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "read:dispute-report:any");
  const { range, problem } = readReportRange(new URL(request.url).searchParams, todayInAppZone());
  const [report, title] = await Promise.all([disputeReport(range), pageTitle(request, "qa-disputes:report.title")]);
  return { range, problem, report, pageTitle: title };
}

export default function DisputeReportPage() {
  const { t } = useTranslation(["qa-disputes", "common"]);
  const { range, problem, report } = useLoaderData<typeof loader>();
  const format = useFormat();
  const percent = (value: number | null) =>
    value === null ? "—" : format.number(value, { style: "percent", maximumFractionDigits: 1 });
  const days = (value: number | null) =>
    value === null
      ? "—"
      : t("qa-disputes:report.daysValue", { days: format.number(value, { maximumFractionDigits: 1 }) });
  const csv = (table: string) => `/qa/disputes/report.csv?table=${table}&from=${range.from}&to=${range.to}`;
  const { overview } = report;

  return (
    <div className="space-y-6">
      <PageHeader
        title={t("qa-disputes:report.title")}
        description={t("qa-disputes:report.description")}
        actions={
          <Link to="/qa/disputes" className="btn-ghost">
            {t("common:actions.back")}
          </Link>
        }
      />
      <Form method="get" className="card flex flex-wrap items-end gap-3 p-4">
        <label className="text-sm">
          <span className="label">{t("qa-disputes:report.from")}</span>
          <input type="date" name="from" className="input" defaultValue={range.from} />
        </label>
        <label className="text-sm">
          <span className="label">{t("qa-disputes:report.to")}</span>
          <input type="date" name="to" className="input" defaultValue={range.to} />
        </label>
        <button type="submit" className="btn-secondary">
          {t("qa-disputes:list.apply")}
        </button>
        {problem ? (
          <div className="w-full">
            <FormError errors={[`qa-disputes:report.problems.${problem}`]} />
          </div>
        ) : null}
      </Form>
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4" data-testid="dispute-overview">
        <StatCard
          label={t("qa-disputes:report.volume")}
          value={overview.volume}
          hint={t("qa-disputes:report.volumeHint", {
            open: overview.open,
            escalated: overview.escalated,
            withdrawn: overview.withdrawn,
          })}
        />
        <StatCard
          label={t("qa-disputes:report.disputeAcceptance")}
          value={percent(overview.disputeAcceptance)}
          hint={t("qa-disputes:report.disputeAcceptanceHint", {
            accepted: overview.accepted,
            partly: overview.partlyAccepted,
            rejected: overview.rejected,
          })}
        />
        <StatCard
          label={t("qa-disputes:report.itemAcceptance")}
          value={percent(overview.itemAcceptance)}
          hint={t("qa-disputes:report.itemAcceptanceHint", {
            accepted: overview.acceptedItems,
            decided: overview.decidedItems,
          })}
        />
        <StatCard
          label={t("qa-disputes:report.averageDays")}
          value={days(overview.averageDaysToResolve)}
          hint={t("qa-disputes:report.breachesHint", {
            inspector: overview.inspectorBreaches,
            arbitrator: overview.arbitratorBreaches,
          })}
        />
      </div>
      <ReportSection
        title={t("qa-disputes:report.byCriterion")}
        csvHref={csv("criteria")}
        empty={report.criteria.length === 0}
      >
        <table className="table-base" data-testid="by-criterion">
          <thead>
            <tr>
              <th scope="col">{t("qa-disputes:report.criterion")}</th>
              <th scope="col">{t("qa-disputes:report.itemsDisputed")}</th>
              <th scope="col">{t("qa-disputes:report.itemsDecided")}</th>
              <th scope="col">{t("qa-disputes:report.itemsAccepted")}</th>
              <th scope="col">{t("qa-disputes:report.acceptance")}</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {report.criteria.map((row) => (
              <tr key={row.key}>
                <td className="font-medium text-slate-900">{row.name}</td>
                <td className="tabular-nums">{row.items}</td>
                <td className="tabular-nums">{row.decided}</td>
                <td className="tabular-nums">{row.accepted}</td>
                <td className="tabular-nums">{percent(row.acceptance)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ReportSection>
      <ReportSection
        title={t("qa-disputes:report.byInspector")}
        csvHref={csv("inspectors")}
        empty={report.inspectors.length === 0}
      >
        <table className="table-base" data-testid="by-inspector">
          <thead>
            <tr>
              <th scope="col">{t("qa-disputes:report.inspector")}</th>
              <th scope="col">{t("qa-disputes:report.disputes")}</th>
              <th scope="col">{t("qa-disputes:report.disputeAcceptance")}</th>
              <th scope="col">{t("qa-disputes:report.itemAcceptance")}</th>
              <th scope="col">{t("qa-disputes:report.averageDays")}</th>
              <th scope="col">{t("qa-disputes:report.slaBreaches")}</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {report.inspectors.map((row) => (
              <tr key={row.inspectorId}>
                <td className="font-medium text-slate-900">
                  <Link
                    to={`/qa/disputes?scope=all&inspector=${row.inspectorId}`}
                    className="text-brand-700 hover:underline"
                  >
                    {row.name}
                  </Link>
                </td>
                <td className="tabular-nums">{row.disputes}</td>
                <td className="tabular-nums">{percent(row.disputeAcceptance)}</td>
                <td className="tabular-nums">{percent(row.itemAcceptance)}</td>
                <td className="tabular-nums">{days(row.averageDaysToResolve)}</td>
                <td className={`tabular-nums ${row.slaBreaches > 0 ? "text-rose-600" : ""}`}>{row.slaBreaches}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ReportSection>
      <p className="text-xs text-slate-500">{t("qa-disputes:report.definitions")}</p>
    </div>
  );
}

function ReportSection({
  title,
  csvHref,
  empty,
  children,
}: {
  title: string;
  csvHref: string;
  empty: boolean;
  children: React.ReactNode;
}) {
  const { t } = useTranslation(["qa-disputes", "common"]);
  return (
    <section className="card overflow-hidden">
      <div className="flex items-center justify-between border-b border-slate-100 px-5 py-4">
        <h2 className="font-semibold text-slate-900">{title}</h2>
        {empty ? null : (
          <a href={csvHref} className="btn-ghost" download>
            {t("qa-disputes:report.exportCsv")}
          </a>
        )}
      </div>
      {empty ? (
        <EmptyState icon="chart" title={t("qa-disputes:report.empty")} />
      ) : (
        <div className="overflow-x-auto">{children}</div>
      )}
    </section>
  );
}
