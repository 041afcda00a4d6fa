import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { EmptyState } from "~/components/empty-state";
import { Icon } from "~/components/icons";
import { titleFromLoader } from "~/components/meta";
import { PageHeader } from "~/components/page-header";
import { Pagination } from "~/components/pagination";
import { SessionStatusBadge } from "~/components/qa/calibration/status-badge";
import { pageTitle } from "~/modules/i18n/page-title.server";
import { forbidden, requireUser, userCan } from "~/modules/identity/session.server";
import { listCalibrationSessions, SESSION_STATUSES } from "~/modules/qa/calibration/calibration.server";
import { readPagination } from "~/utils/pagination";
import { useFormat } from "~/utils/use-format";

export const meta = titleFromLoader;

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const canManage = userCan(user, "manage:calibration:any");
  if (!canManage && !userCan(user, "join:calibration:own")) throw forbidden("join:calibration:own");
  const url = new URL(request.url);
  const { page, pageSize } = readPagination(url);
  const requested = url.searchParams.get("status");
  const status = SESSION_STATUSES.find((entry) => entry === requested);
  const { rows, total } = await listCalibrationSessions(user, { page, pageSize, status });
  return {
    pageTitle: await pageTitle(request, "qa-calibration:list.title"),
    rows,
    total,
    page,
    pageSize,
    status: status ?? "",
    canManage,
    canReadGraders: userCan(user, "read:grader-report:any"),
  };
}

export default function CalibrationSessionsPage() {
  const { t } = useTranslation(["qa-calibration", "common"]);
  const { rows, total, page, pageSize, status, canManage, canReadGraders } = useLoaderData<typeof loader>();
  const format = useFormat();
  const [params] = useSearchParams();
  const tabs = [
    { value: "", label: t("qa-calibration:list.all") },
    { value: "open", label: t("qa-calibration:status.open") },
    { value: "released", label: t("qa-calibration:status.released") },
  ];
  const tabHref = (value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set("status", value);
    else next.delete("status");
    next.delete("page");
    const query = next.toString();
    return query ? `?${query}` : ".";
  };

  return (
    <div className="space-y-6">
      <PageHeader
        title={t("qa-calibration:list.title")}
        description={t("qa-calibration:list.description")}
        actions={
          <>
            {canReadGraders ? (
              <Link to="/qa/graders" className="btn-secondary">
                <Icon name="chart" className="h-4 w-4" />
                {t("qa-calibration:graders.title")}
              </Link>
            ) : null}
            {canManage ? (
              <Link to="/qa/calibration/new" className="btn-primary">
                <Icon name="plus" className="h-4 w-4" />
                {t("qa-calibration:list.new")}
              </Link>
            ) : null}
          </>
        }
      />
      <section className="card overflow-hidden" aria-labelledby="sessions-heading">
        <div className="flex flex-wrap items-center justify-between gap-3 border-b border-slate-100 px-5 py-4">
          <h2 id="sessions-heading" className="font-semibold text-slate-900">
            {t("qa-calibration:list.sessions")}
          </h2>
          <nav className="flex gap-1" aria-label={t("qa-calibration:list.filter")}>
            {tabs.map((tab) => (
              <Link
                key={tab.value}
                to={tabHref(tab.value)}
                aria-current={status === tab.value ? "page" : undefined}
                className={
                  status === tab.value
                    ? "rounded-md bg-brand-50 px-3 py-1.5 text-sm font-medium text-brand-700"
                    : "rounded-md px-3 py-1.5 text-sm text-slate-600 hover:bg-slate-50"
                }
              >
                {tab.label}
              </Link>
            ))}
          </nav>
        </div>
        {rows.length === 0 ? (
          <EmptyState
            icon="users"
            title={t("qa-calibration:list.empty")}
            body={canManage ? t("qa-calibration:list.emptyManager") : t("qa-calibration:list.emptyParticipant")}
          />
        ) : (
          <div className="overflow-x-auto">
            <table className="table-base" data-testid="calibration-sessions">
              <thead>
                <tr>
                  <th scope="col">{t("qa-calibration:fields.title")}</th>
                  <th scope="col">{t("qa-calibration:fields.rubric")}</th>
                  <th scope="col">{t("qa-calibration:fields.deadline")}</th>
                  <th scope="col">{t("common:fields.status")}</th>
                  <th scope="col">{t("qa-calibration:list.myProgress")}</th>
                  <th scope="col">{t("qa-calibration:list.submitted")}</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100 bg-white">
                {rows.map((row) => (
                  <tr key={row.id}>
                    <td>
                      <Link to={`/qa/calibration/${row.id}`} className="font-medium text-brand-700 hover:underline">
                        {row.title}
                      </Link>
                      <p className="text-xs text-slate-400">
                        {t("qa-calibration:list.conversationCount", { count: row.conversations })}
                      </p>
                    </td>
                    <td>{row.rubric}</td>
                    <td className="whitespace-nowrap">{format.dateTime(row.deadline)}</td>
                    <td>
                      <SessionStatusBadge status={row.status} />
                    </td>
                    <td>
                      {row.myProgress === null ? (
                        <span className="text-slate-400">{t("qa-calibration:notParticipant")}</span>
                      ) : (
                        t("qa-calibration:list.progressValue", { done: row.myProgress, total: row.conversations })
                      )}
                    </td>
                    <td>
                      {t("qa-calibration:list.progressValue", {
                        done: row.participantsSubmitted,
                        total: row.participants,
                      })}
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
