import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { EmptyState } from "~/components/empty-state";
import { titleFromLoader } from "~/components/meta";
import { PageHeader } from "~/components/page-header";
import { Pagination } from "~/components/pagination";
import { ContentStatusBadge, SourceBadge } from "~/components/training/courses/badges";
import { pageTitle } from "~/modules/i18n/page-title.server";
import { requirePermission } from "~/modules/identity/session.server";
import { minutesToHours } from "~/modules/training/courses/course-rules";
import { listPaths } from "~/modules/training/paths/paths.server";
import { readPagination } from "~/utils/pagination";
import { useFormat } from "~/utils/use-format";

export const meta = titleFromLoader;

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "manage:learning-path:any");
  const { page, pageSize } = readPagination(new URL(request.url));
  const [{ rows, total }, title] = await Promise.all([
    listPaths({ page, pageSize }),
    pageTitle(request, "training-courses:paths.list.title"),
  ]);
  return {
    rows: rows.map((row) => ({ ...row, hours: minutesToHours(row.minutes) })),
    total,
    page,
    pageSize,
    pageTitle: title,
  };
}

export default function PathsPage() {
  const { t } = useTranslation(["training-courses", "training", "common"]);
  const format = useFormat();
  const { rows, total, page, pageSize } = useLoaderData<typeof loader>();
  return (
    <div>
      <PageHeader
        title={t("paths.list.title")}
        description={t("paths.list.description")}
        actions={
          <Link to="/training/paths/new" className="btn-primary">
            {t("paths.list.create")}
          </Link>
        }
      />
      <div className="card overflow-hidden">
        {rows.length === 0 ? (
          <EmptyState icon="list" title={t("paths.list.emptyTitle")} body={t("paths.list.emptyBody")} />
        ) : (
          <>
            <div className="overflow-x-auto">
              <table className="table-base" data-testid="paths-table">
                <thead>
                  <tr>
                    <th scope="col">{t("paths.fields.title")}</th>
                    <th scope="col">{t("common:fields.status")}</th>
                    <th scope="col">{t("paths.audience")}</th>
                    <th scope="col">{t("paths.courses")}</th>
                    <th scope="col">{t("paths.hours")}</th>
                    <th scope="col">{t("common:fields.updatedAt")}</th>
                  </tr>
                </thead>
                <tbody className="divide-y divide-slate-100">
                  {rows.map((row) => {
                    const short = row.requiredHours !== null && row.hours < row.requiredHours;
                    const audience = [
                      row.audienceRoles.map((role) => t(`common:roles.${role}`)).join("、") || t("paths.allRoles"),
                      row.audienceTeams.join("、") || t("paths.allTeams"),
                      row.audienceLevel,
                    ]
                      .filter(Boolean)
                      .join(" · ");
                    return (
                      <tr key={row.id}>
                        <td>
                          <Link to={`/training/paths/${row.id}`} className="font-medium text-brand-700 hover:underline">
                            {row.title}
                          </Link>
                          <div className="mt-0.5 flex flex-wrap items-center gap-1 text-xs text-slate-400">
                            <span className="font-mono">{row.slug}</span>
                            <SourceBadge source={row.source} />
                            {row.autoAssignNewHires ? (
                              <span className="badge bg-violet-50 text-violet-700">{t("paths.autoAssignBadge")}</span>
                            ) : null}
                          </div>
                        </td>
                        <td>
                          <ContentStatusBadge status={row.status} />
                        </td>
                        <td className="text-sm text-slate-600">{audience}</td>
                        <td className="tabular-nums">{format.number(row.courses)}</td>
                        <td className={`whitespace-nowrap text-sm ${short ? "text-amber-700" : ""}`}>
                          {row.requiredHours !== null
                            ? t("paths.hoursVsRequired", { hours: row.hours, required: row.requiredHours })
                            : t("paths.hoursTotal", { hours: row.hours })}
                        </td>
                        <td className="text-sm text-slate-500">{format.date(row.updatedAt)}</td>
                      </tr>
                    );
                  })}
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
