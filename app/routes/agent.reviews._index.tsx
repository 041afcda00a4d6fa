import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { EmptyState } from "~/components/empty-state";
import { titleFromLoader } from "~/components/meta";
import { PageHeader, StatCard } from "~/components/page-header";
import { Pagination } from "~/components/pagination";
import { DisputeStatusBadge, PassBadge, ScoreText } from "~/components/qa/disputes/labels";
import { pageTitle } from "~/modules/i18n/page-title.server";
import { requirePermission } from "~/modules/identity/session.server";
import { listAgentReviews } from "~/modules/qa/agent-reviews.server";
import { agentQaSummary } from "~/modules/qa/agent-summary.server";
import { readPagination } from "~/utils/pagination";
import { useFormat } from "~/utils/use-format";

export const meta = titleFromLoader;

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "acknowledge:qa-review:own");
  const { page, pageSize } = readPagination(new URL(request.url));
  const [{ rows, total }, summary, title] = await Promise.all([
    listAgentReviews(user.id, { page, pageSize }),
    agentQaSummary(user.id),
    pageTitle(request, "qa-disputes:agentList.title"),
  ]);
  return {
    rows,
    total,
    page,
    pageSize,
    month: {
      reviews: summary.monthReviews,
      average: summary.monthAverage,
      passRate: summary.monthPassRate,
      unacknowledged: summary.unacknowledged,
    },
    pageTitle: title,
  };
}

export default function AgentReviewsPage() {
  const { t } = useTranslation(["qa-disputes", "common"]);
  const { rows, total, page, pageSize, month } = useLoaderData<typeof loader>();
  const format = useFormat();
  return (
    <div className="space-y-6">
      <PageHeader title={t("qa-disputes:agentList.title")} description={t("qa-disputes:agentList.description")} />
      <div className="grid gap-4 sm:grid-cols-3">
        <StatCard
          label={t("qa-disputes:agentList.monthAverage")}
          value={month.average === null ? "—" : format.number(month.average, { maximumFractionDigits: 1 })}
          hint={t("qa-disputes:agentList.monthReviews", { count: month.reviews })}
        />
        <StatCard
          label={t("qa-disputes:agentList.monthPassRate")}
          value={month.passRate === null ? "—" : format.number(month.passRate, { style: "percent" })}
        />
        <StatCard label={t("qa-disputes:agentList.unacknowledged")} value={month.unacknowledged} />
      </div>
      <div className="card overflow-hidden">
        {rows.length === 0 ? (
          <EmptyState
            icon="check"
            title={t("qa-disputes:agentList.emptyTitle")}
            body={t("qa-disputes:agentList.emptyBody")}
          />
        ) : (
          <>
            <div className="overflow-x-auto">
              <table className="table-base" data-testid="agent-reviews">
                <thead>
                  <tr>
                    <th scope="col">{t("qa-disputes:agentList.submittedAt")}</th>
                    <th scope="col">{t("qa-disputes:agentList.conversation")}</th>
                    <th scope="col">{t("qa-disputes:agentList.rubric")}</th>
                    <th scope="col">{t("qa-disputes:agentList.score")}</th>
                    <th scope="col">{t("qa-disputes:agentList.result")}</th>
                    <th scope="col">{t("qa-disputes:agentList.acknowledged")}</th>
                    <th scope="col">{t("qa-disputes:agentList.dispute")}</th>
                  </tr>
                </thead>
                <tbody className="divide-y divide-slate-100">
                  {rows.map((row) => (
                    <tr key={row.id}>
                      <td className="whitespace-nowrap">{format.dateTime(row.submittedAt)}</td>
                      <td>
                        <Link to={`/agent/reviews/${row.id}`} className="font-medium text-brand-700 hover:underline">
                          {row.conversation}
                        </Link>
                        <span className="ml-2 text-xs text-slate-400">{t(`qa-disputes:channels.${row.channel}`)}</span>
                      </td>
                      <td className="text-slate-600">{row.rubric}</td>
                      <td>
                        <ScoreText score={row.score} passed={row.passed} />
                      </td>
                      <td>
                        <PassBadge passed={row.passed} criticalFailed={row.criticalFailed} />
                      </td>
                      <td className="text-slate-600">
                        {row.acknowledgedAt ? format.date(row.acknowledgedAt) : t("qa-disputes:agentList.notYet")}
                      </td>
                      <td>{row.disputeStatus ? <DisputeStatusBadge status={row.disputeStatus} /> : "—"}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <Pagination page={page} pageSize={pageSize} total={total} />
          </>
        )}
      </div>
    </div>
  );
}
