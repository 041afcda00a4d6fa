import type { LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { EmptyState } from "~/components/empty-state";
import { CycleStatusBadge } from "~/components/feedback/badges";
import { titleFromLoader } from "~/components/meta";
import { PageHeader } from "~/components/page-header";
import { Pagination } from "~/components/pagination";
import { scopeFor } from "~/modules/feedback/cycles";
import { cyclesForPeerChoice } from "~/modules/feedback/peers.server";
import { listReports } from "~/modules/feedback/reports.server";
import { pageTitle } from "~/modules/i18n/page-title.server";
import { accessLevel } from "~/modules/identity/permissions";
import { requirePermission } from "~/modules/identity/session.server";
import { readPagination } from "~/utils/pagination";
import { useFormat } from "~/utils/use-format";

export const meta = titleFromLoader;

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "read:feedback-report:team");
  const scope = scopeFor(user, accessLevel(user.permissions, "read", "feedback-report") === "any" ? "any" : "team")!;
  const url = new URL(request.url);
  const { page, pageSize } = readPagination(url);
  const cycleId = url.searchParams.get("cycle") || null;
  const peerAccess = accessLevel(user.permissions, "choose", "feedback-peers");
  const peerScope = peerAccess === "any" || peerAccess === "team" ? scopeFor(user, peerAccess) : null;
  const [reports, activeCycles] = await Promise.all([
    listReports(scope, { cycleId }, page, pageSize),
    peerScope ? cyclesForPeerChoice(peerScope) : Promise.resolve([]),
  ]);
  return {
    ...reports,
    activeCycles,
    cycleId,
    page,
    pageSize,
    pageTitle: await pageTitle(request, "feedback:reports.title"),
  };
}

export default function FeedbackReportsPage() {
  const { t } = useTranslation(["feedback", "common"]);
  const { rows, total, cycles, activeCycles, cycleId, page, pageSize } = useLoaderData<typeof loader>();
  const format = useFormat();
  return (
    <div className="space-y-6">
      <PageHeader title={t("reports.title")} description={t("reports.intro")} />
      {activeCycles.length > 0 ? (
        <section className="card p-5">
          <h2 className="mb-2 text-base font-semibold text-slate-900">{t("reports.activeCycles")}</h2>
          <ul className="space-y-2 text-sm">
            {activeCycles.map((cycle) => (
              <li key={cycle.id} className="flex flex-wrap items-center gap-3">
                <CycleStatusBadge status={cycle.status} />
                <span className="font-medium text-slate-800">{cycle.name}</span>
                <span className="text-slate-500">{t("reports.due", { date: format.date(cycle.dueAt) })}</span>
                <Link to={`/feedback/cycles/${cycle.id}/peers`} className="text-brand-700 hover:underline">
                  {t("peers.title")}
                </Link>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <section className="card overflow-hidden">
        <Form method="get" className="flex flex-wrap items-end gap-3 border-b border-slate-100 p-4">
          <label className="text-sm">
            <span className="label">{t("reports.cycle")}</span>
            <select name="cycle" defaultValue={cycleId ?? ""} className="input">
              <option value="">{t("reports.allCycles")}</option>
              {cycles.map((cycle) => (
                <option key={cycle.id} value={cycle.id}>
                  {cycle.name}
                </option>
              ))}
            </select>
          </label>
          <button type="submit" className="btn-secondary">
            {t("common:actions.filter")}
          </button>
        </Form>
        {rows.length === 0 ? (
          <EmptyState icon="chart" title={t("reports.empty")} />
        ) : (
          <>
            <table className="table-base">
              <thead>
                <tr>
                  <th scope="col">{t("cycles.subject")}</th>
                  <th scope="col">{t("reports.cycle")}</th>
                  <th scope="col">{t("report.overall")}</th>
                  <th scope="col">{t("report.acknowledged")}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((row) => (
                  <tr key={row.id}>
                    <td>
                      <Link to={`/feedback/reports/${row.id}`} className="font-medium text-brand-700 hover:underline">
                        {row.name}
                      </Link>
                      <p className="text-xs text-slate-500">
                        {row.externalId}
                        {row.team ? ` · ${row.team}` : ""}
                      </p>
                    </td>
                    <td>{row.cycle}</td>
                    <td>
                      {row.overallScore === null ? "—" : format.number(row.overallScore, { minimumFractionDigits: 2 })}
                    </td>
                    <td>{row.acknowledged ? t("report.yes") : t("report.no")}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            <Pagination page={page} pageSize={pageSize} total={total} />
          </>
        )}
      </section>
    </div>
  );
}
