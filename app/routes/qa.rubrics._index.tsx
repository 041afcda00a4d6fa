import type { LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { EmptyState } from "~/components/empty-state";
import { FilterSelect } from "~/components/filter-fields";
import { titleFromLoader } from "~/components/meta";
import { PageHeader } from "~/components/page-header";
import { Pagination } from "~/components/pagination";
import { RubricStatusBadge } from "~/components/qa/rubric-builder/rubric-status";
import { pageTitle } from "~/modules/i18n/page-title.server";
import { requirePermission, userCan } from "~/modules/identity/session.server";
import { RUBRIC_STATUSES } from "~/modules/qa/rubrics/rubric-schema";
import { listRubrics } from "~/modules/qa/rubrics/rubrics.server";
import { readPagination } from "~/utils/pagination";
import { useFormat } from "~/utils/use-format";

export const meta = titleFromLoader;

const StatusFilter = z.enum(RUBRIC_STATUSES).optional().catch(undefined);

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "read:rubric:any");
  const url = new URL(request.url);
  const status = StatusFilter.parse(url.searchParams.get("status") || undefined);
  const { page, pageSize } = readPagination(url);
  const [{ rows, total }, title] = await Promise.all([
    listRubrics({ status, page, pageSize }),
    pageTitle(request, "qa-rubrics:list.title"),
  ]);
  return {
    rows,
    total,
    page,
    pageSize,
    status: status ?? "",
    canManage: userCan(user, "manage:rubric:any"),
    pageTitle: title,
  };
}

export default function RubricsPage() {
  const { t } = useTranslation(["qa-rubrics", "common"]);
  const format = useFormat();
  const { rows, total, page, pageSize, status, canManage } = useLoaderData<typeof loader>();
  return (
    <div>
      <PageHeader
        title={t("list.title")}
        description={t("list.description")}
        actions={
          canManage ? (
            <Link to="/qa/rubrics/new" className="btn-primary">
              {t("list.create")}
            </Link>
          ) : null
        }
      />
      <div className="card overflow-hidden">
        <Form method="get" className="flex flex-wrap items-end gap-3 border-b border-slate-200 p-4" role="search">
          <FilterSelect
            id="filter-status"
            name="status"
            label={t("common:fields.status")}
            defaultValue={status}
            allLabel={t("list.allStatuses")}
            options={RUBRIC_STATUSES.map((value) => ({ value, label: t(`status.${value}`) }))}
          />
          <button type="submit" className="btn-primary">
            {t("common:actions.filter")}
          </button>
          <Link to="?" className="btn-ghost">
            {t("common:actions.reset")}
          </Link>
        </Form>
        {rows.length === 0 ? (
          <EmptyState
            icon="clipboard"
            title={status ? t("common:empty.noResults") : t("list.emptyTitle")}
            body={status ? undefined : t("list.emptyBody")}
          />
        ) : (
          <>
            <div className="overflow-x-auto">
              <table className="table-base" data-testid="rubrics-table">
                <thead>
                  <tr>
                    <th scope="col">{t("fields.name")}</th>
                    <th scope="col">{t("common:fields.status")}</th>
                    <th scope="col">{t("list.version")}</th>
                    <th scope="col">{t("list.criteria")}</th>
                    <th scope="col">{t("list.reviews")}</th>
                    <th scope="col">{t("fields.channels")}</th>
                    <th scope="col">{t("common:fields.updatedAt")}</th>
                  </tr>
                </thead>
                <tbody className="divide-y divide-slate-100">
                  {rows.map((row) => (
                    <tr key={row.id}>
                      <td>
                        <Link to={`/qa/rubrics/${row.id}`} className="font-medium text-brand-700 hover:underline">
                          {row.name}
                        </Link>
                      </td>
                      <td>
                        <RubricStatusBadge status={row.status} />
                      </td>
                      <td>v{row.version}</td>
                      <td className="tabular-nums">{format.number(row.criteria)}</td>
                      <td className="tabular-nums">{format.number(row.reviews)}</td>
                      <td className="text-sm text-slate-600">
                        {row.channels.length
                          ? row.channels.map((channel) => t(`channels.${channel}`)).join("、")
                          : t("channels.all")}
                      </td>
                      <td className="text-sm text-slate-500">{format.date(row.updatedAt)}</td>
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
