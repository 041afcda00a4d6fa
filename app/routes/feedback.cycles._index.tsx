import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { EmptyState } from "~/components/empty-state";
import { CycleStatusBadge } from "~/components/feedback/badges";
import { Icon } from "~/components/icons";
import { titleFromLoader } from "~/components/meta";
import { PageHeader } from "~/components/page-header";
import { Pagination } from "~/components/pagination";
import { listCycles } from "~/modules/feedback/cycles.server";
import { pageTitle } from "~/modules/i18n/page-title.server";
import { requirePermission } from "~/modules/identity/session.server";
import { readPagination } from "~/utils/pagination";
import { useFormat } from "~/utils/use-format";

export const meta = titleFromLoader;

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "manage:feedback-cycle:any");
  const { page, pageSize } = readPagination(new URL(request.url));
  const cycles = await listCycles(page, pageSize);
  return { ...cycles, page, pageSize, pageTitle: await pageTitle(request, "feedback:cycles.title") };
}

export default function FeedbackCyclesPage() {
  const { t } = useTranslation(["feedback", "common"]);
  const { rows, total, page, pageSize } = useLoaderData<typeof loader>();
  const format = useFormat();
  return (
    <div className="space-y-6">
      <PageHeader
        title={t("cycles.title")}
        description={t("cycles.intro")}
        actions={
          <Link to="/feedback/cycles/new" className="btn-primary">
            <Icon name="plus" className="h-4 w-4" />
            {t("cycles.new")}
          </Link>
        }
      />
      <section className="card overflow-hidden">
        {rows.length === 0 ? (
          <EmptyState icon="users" title={t("cycles.empty")} body={t("cycles.emptyBody")} />
        ) : (
          <>
            <table className="table-base">
              <thead>
                <tr>
                  <th scope="col">{t("cycles.name")}</th>
                  <th scope="col">{t("cycles.status")}</th>
                  <th scope="col">{t("cycles.period")}</th>
                  <th scope="col">{t("cycles.dueDate")}</th>
                  <th scope="col">{t("cycles.subjectsCount")}</th>
                  <th scope="col">{t("cycles.progress")}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((row) => {
                  const rate = row.requests > 0 ? row.submitted / row.requests : 0;
                  return (
                    <tr key={row.id}>
                      <td>
                        <Link to={`/feedback/cycles/${row.id}`} className="font-medium text-brand-700 hover:underline">
                          {row.name}
                        </Link>
                        <p className="text-xs text-slate-500">{row.template}</p>
                      </td>
                      <td>
                        <CycleStatusBadge status={row.status} />
                      </td>
                      <td className="whitespace-nowrap">
                        {format.date(row.periodStart, true)} – {format.date(row.periodEnd, true)}
                      </td>
                      <td className="whitespace-nowrap">{format.date(row.dueAt)}</td>
                      <td>{row.subjects}</td>
                      <td className="min-w-40">
                        {row.requests > 0 ? (
                          <div>
                            <div className="h-2 rounded bg-slate-100">
                              <div
                                className="h-2 rounded bg-brand-500"
                                style={{ width: `${Math.round(rate * 100)}%` }}
                              />
                            </div>
                            <p className="mt-1 text-xs text-slate-500">
                              {t("cycles.submittedOf", { submitted: row.submitted, total: row.requests })} ·{" "}
                              {format.number(rate, { style: "percent" })}
                            </p>
                          </div>
                        ) : (
                          <span className="text-xs text-slate-400">{t("cycles.notOpened")}</span>
                        )}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
            <Pagination page={page} pageSize={pageSize} total={total} />
          </>
        )}
      </section>
    </div>
  );
}
