import type { LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { EmptyState } from "~/components/empty-state";
import { titleFromLoader } from "~/components/meta";
import { PageHeader } from "~/components/page-header";
import { Pagination } from "~/components/pagination";
import { DisputeStatusBadge, SlaBadge } from "~/components/qa/disputes/labels";
import { pageTitle } from "~/modules/i18n/page-title.server";
import { forbidden, requireUser, userCan } from "~/modules/identity/session.server";
import { DISPUTE_STATUSES } from "~/modules/qa/disputes/dispute-rules";
import { disputeFilterOptions, listDisputes, readDisputeListFilter } from "~/modules/qa/disputes/dispute-list.server";
import { canHandleDisputes } from "~/modules/qa/disputes/handler-view.server";
import { readPagination } from "~/utils/pagination";
import { useFormat } from "~/utils/use-format";

export const meta = titleFromLoader;

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  if (!canHandleDisputes(user)) throw forbidden("resolve:dispute:own");
  const canArbitrate = userCan(user, "arbitrate:dispute:any");
  const url = new URL(request.url);
  const filter = readDisputeListFilter(url, canArbitrate);
  const { page, pageSize } = readPagination(url);
  const [{ rows, total }, options, title] = await Promise.all([
    listDisputes(user.id, filter, { page, pageSize }),
    canArbitrate ? disputeFilterOptions() : Promise.resolve({ inspectors: [], teams: [] }),
    pageTitle(request, "qa-disputes:list.title"),
  ]);
  return {
    rows,
    total,
    page,
    pageSize,
    filter,
    options,
    canArbitrate,
    canReport: userCan(user, "read:dispute-report:any"),
    pageTitle: title,
  };
}

export default function DisputesPage() {
  const { t } = useTranslation(["qa-disputes", "common"]);
  const { rows, total, page, pageSize, filter, options, canArbitrate, canReport } = useLoaderData<typeof loader>();
  const format = useFormat();
  const all = filter.scope === "all";
  return (
    <div className="space-y-6">
      <PageHeader
        title={t("qa-disputes:list.title")}
        description={t(all ? "qa-disputes:list.descriptionAll" : "qa-disputes:list.descriptionMine")}
        actions={
          canReport ? (
            <Link to="/qa/disputes/report" className="btn-secondary">
              {t("qa-disputes:report.title")}
            </Link>
          ) : null
        }
      />
      {canArbitrate ? (
        <nav className="flex gap-2" aria-label={t("qa-disputes:list.scope")}>
          {(["mine", "all"] as const).map((scope) => (
            <Link
              key={scope}
              to={`?scope=${scope}`}
              className={filter.scope === scope ? "btn-primary" : "btn-secondary"}
              aria-current={filter.scope === scope ? "page" : undefined}
            >
              {t(`qa-disputes:list.scopes.${scope}`)}
            </Link>
          ))}
        </nav>
      ) : null}
      <div className="card overflow-hidden">
        <Form method="get" className="flex flex-wrap items-end gap-3 border-b border-slate-100 px-4 py-3">
          <input type="hidden" name="scope" value={filter.scope} />
          {all ? (
            <>
              <label className="text-sm">
                <span className="label">{t("qa-disputes:list.status")}</span>
                <select name="status" className="input" defaultValue={filter.status ?? ""}>
                  <option value="">{t("qa-disputes:list.any")}</option>
                  {DISPUTE_STATUSES.map((status) => (
                    <option key={status} value={status}>
                      {t(`qa-disputes:status.${status}`)}
                    </option>
                  ))}
                </select>
              </label>
              <label className="text-sm">
                <span className="label">{t("qa-disputes:list.inspector")}</span>
                <select name="inspector" className="input" defaultValue={filter.inspector ?? ""}>
                  <option value="">{t("qa-disputes:list.any")}</option>
                  {options.inspectors.map((inspector) => (
                    <option key={inspector.id} value={inspector.id}>
                      {inspector.name}
                    </option>
                  ))}
                </select>
              </label>
              <label className="text-sm">
                <span className="label">{t("qa-disputes:list.team")}</span>
                <select name="team" className="input" defaultValue={filter.team ?? ""}>
                  <option value="">{t("qa-disputes:list.any")}</option>
                  {options.teams.map((team) => (
                    <option key={team.id} value={team.id}>
                      {team.name}
                    </option>
                  ))}
                </select>
              </label>
            </>
          ) : null}
          <label className="flex items-center gap-2 pb-2 text-sm">
            <input type="checkbox" name="overdue" value="1" defaultChecked={filter.overdue === "1"} />
            {t("qa-disputes:list.overdueOnly")}
          </label>
          <button type="submit" className="btn-secondary">
            {t("qa-disputes:list.apply")}
          </button>
        </Form>
        {rows.length === 0 ? (
          <EmptyState
            icon="alert"
            title={t(all ? "qa-disputes:list.emptyAll" : "qa-disputes:list.emptyMine")}
            body={all ? undefined : t("qa-disputes:list.emptyMineBody")}
          />
        ) : (
          <>
            <div className="overflow-x-auto">
              <table className="table-base" data-testid="disputes">
                <thead>
                  <tr>
                    <th scope="col">{t("qa-disputes:list.agent")}</th>
                    <th scope="col">{t("qa-disputes:list.conversation")}</th>
                    <th scope="col">{t("qa-disputes:list.inspector")}</th>
                    <th scope="col">{t("qa-disputes:list.items")}</th>
                    <th scope="col">{t("qa-disputes:list.status")}</th>
                    <th scope="col">{t("qa-disputes:list.sla")}</th>
                    <th scope="col">{t("qa-disputes:list.filedAt")}</th>
                  </tr>
                </thead>
                <tbody className="divide-y divide-slate-100">
                  {rows.map((row) => (
                    <tr key={row.id}>
                      <td>
                        <Link to={`/qa/disputes/${row.id}`} className="font-medium text-brand-700 hover:underline">
                          {row.agentName}
                        </Link>
                        <span className="ml-1 font-mono text-xs text-slate-400">{row.agentExternalId}</span>
                        {row.team ? <span className="block text-xs text-slate-400">{row.team}</span> : null}
                      </td>
                      <td className="text-slate-600">
                        {row.conversation}
                        <span className="block text-xs text-slate-400">{row.rubric}</span>
                      </td>
                      <td className="text-slate-600">
                        {row.inspector}
                        {row.escalated && row.handler ? (
                          <span className="block text-xs text-violet-600">
                            {t("qa-disputes:list.arbitrator", { name: row.handler })}
                          </span>
                        ) : null}
                      </td>
                      <td className="tabular-nums">{row.items}</td>
                      <td>
                        <DisputeStatusBadge status={row.status} />
                      </td>
                      <td>
                        {row.status === "open" || row.status === "escalated" ? (
                          <SlaBadge dueAt={row.dueAt} overdue={row.overdue} />
                        ) : (
                          "—"
                        )}
                      </td>
                      <td className="whitespace-nowrap text-slate-600">{format.dateTime(row.createdAt)}</td>
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
