import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ReportView } from "~/components/feedback/report-view";
import { titleFromLoader } from "~/components/meta";
import { PageHeader } from "~/components/page-header";
import { scopeFor } from "~/modules/feedback/cycles";
import { loadReport } from "~/modules/feedback/reports.server";
import { pageTitle } from "~/modules/i18n/page-title.server";
import { accessLevel } from "~/modules/identity/permissions";
import { requirePermission } from "~/modules/identity/session.server";
import { useFormat } from "~/utils/use-format";

export const meta = titleFromLoader;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "read:feedback-report:team");
  const scope = scopeFor(user, accessLevel(user.permissions, "read", "feedback-report") === "any" ? "any" : "team")!;
  const report = await loadReport(params.subjectId ?? "", { kind: "scope", scope });
  return {
    report,
    pageTitle: await pageTitle(request, "feedback:report.title", {
      name: report.subject.name,
      cycle: report.cycle.name,
    }),
  };
}

export default function TeamFeedbackReportPage() {
  const { t } = useTranslation(["feedback", "common"]);
  const { report } = useLoaderData<typeof loader>();
  const format = useFormat();
  return (
    <div className="space-y-6">
      <PageHeader
        title={t("report.title", { name: report.subject.name, cycle: report.cycle.name })}
        description={`${report.subject.externalId}${report.subject.team ? ` · ${report.subject.team}` : ""} · ${format.date(report.cycle.periodStart, true)} – ${format.date(report.cycle.periodEnd, true)}`}
        actions={
          <Link to="/feedback/reports" className="btn-ghost">
            {t("common:actions.back")}
          </Link>
        }
      />
      <ReportView report={report} />
      <section className="card p-5">
        <h2 className="mb-2 text-base font-semibold text-slate-900">{t("report.response")}</h2>
        {report.subject.acknowledgedAt ? (
          <>
            <p className="text-sm text-slate-500">
              {t("report.acknowledgedAt", { date: format.dateTime(report.subject.acknowledgedAt) })}
            </p>
            {report.subject.responseText ? (
              <p className="mt-2 whitespace-pre-wrap text-sm text-slate-800">{report.subject.responseText}</p>
            ) : null}
          </>
        ) : (
          <p className="text-sm text-slate-500">{t("report.notAcknowledged")}</p>
        )}
      </section>
    </div>
  );
}
