import type { LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { EmptyState } from "~/components/empty-state";
import { FilterActions, FilterInput, FilterSelect } from "~/components/filter-fields";
import { titleFromLoader } from "~/components/meta";
import { PageHeader } from "~/components/page-header";
import { Pagination } from "~/components/pagination";
import { ContentStatusBadge, Duration, SourceBadge } from "~/components/training/courses/badges";
import { pageTitle } from "~/modules/i18n/page-title.server";
import { requirePermission } from "~/modules/identity/session.server";
import { listCourses } from "~/modules/training/courses/course-queries.server";
import { CONTENT_STATUSES, COURSE_TYPES } from "~/modules/training/courses/course-rules";
import { readPagination } from "~/utils/pagination";
import { useFormat } from "~/utils/use-format";

export const meta = titleFromLoader;

const Filters = z.object({
  q: z.string().trim().max(100).catch(""),
  type: z.enum(COURSE_TYPES).optional().catch(undefined),
  status: z.enum(CONTENT_STATUSES).optional().catch(undefined),
});

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "manage:course:any");
  const url = new URL(request.url);
  const filters = Filters.parse({
    q: url.searchParams.get("q") ?? "",
    type: url.searchParams.get("type") || undefined,
    status: url.searchParams.get("status") || undefined,
  });
  const { page, pageSize } = readPagination(url);
  const [{ rows, total }, title] = await Promise.all([
    listCourses({ ...filters, page, pageSize }),
    pageTitle(request, "training-courses:list.title"),
  ]);
  return {
    rows,
    total,
    page,
    pageSize,
    filters: { q: filters.q, type: filters.type ?? "", status: filters.status ?? "" },
    pageTitle: title,
  };
}

export default function CoursesPage() {
  const { t } = useTranslation(["training-courses", "training", "common"]);
  const format = useFormat();
  const { rows, total, page, pageSize, filters } = useLoaderData<typeof loader>();
  const filtered = Boolean(filters.q || filters.type || filters.status);
  return (
    <div>
      <PageHeader
        title={t("list.title")}
        description={t("list.description")}
        actions={
          <Link to="/training/courses/new" className="btn-primary">
            {t("list.create")}
          </Link>
        }
      />
      <div className="card overflow-hidden">
        <Form method="get" className="flex flex-wrap items-end gap-3 border-b border-slate-200 p-4" role="search">
          <FilterInput
            id="filter-q"
            name="q"
            type="search"
            label={t("list.search")}
            placeholder={t("list.searchPlaceholder")}
            defaultValue={filters.q}
          />
          <FilterSelect
            id="filter-type"
            name="type"
            label={t("fields.type")}
            defaultValue={filters.type}
            allLabel={t("list.allTypes")}
            options={COURSE_TYPES.map((value) => ({ value, label: t(`training:courseType.${value}`) }))}
          />
          <FilterSelect
            id="filter-status"
            name="status"
            label={t("common:fields.status")}
            defaultValue={filters.status}
            allLabel={t("list.allStatuses")}
            options={CONTENT_STATUSES.map((value) => ({ value, label: t(`training:contentStatus.${value}`) }))}
          />
          <FilterActions />
        </Form>
        {rows.length === 0 ? (
          <EmptyState
            icon="book"
            title={filtered ? t("common:empty.noResults") : t("list.emptyTitle")}
            body={filtered ? undefined : t("list.emptyBody")}
          />
        ) : (
          <>
            <div className="overflow-x-auto">
              <table className="table-base" data-testid="courses-table">
                <thead>
                  <tr>
                    <th scope="col">{t("fields.title")}</th>
                    <th scope="col">{t("fields.type")}</th>
                    <th scope="col">{t("common:fields.status")}</th>
                    <th scope="col">{t("list.version")}</th>
                    <th scope="col">{t("list.lessons")}</th>
                    <th scope="col">{t("list.duration")}</th>
                    <th scope="col">{t("list.learners")}</th>
                    <th scope="col">{t("common:fields.updatedAt")}</th>
                  </tr>
                </thead>
                <tbody className="divide-y divide-slate-100">
                  {rows.map((row) => (
                    <tr key={row.id}>
                      <td>
                        <Link to={`/training/courses/${row.id}`} className="font-medium text-brand-700 hover:underline">
                          {row.title}
                        </Link>
                        <div className="mt-0.5 flex flex-wrap items-center gap-1 text-xs text-slate-400">
                          <span className="font-mono">{row.slug}</span>
                          <SourceBadge source={row.source} />
                        </div>
                      </td>
                      <td className="text-sm">{t(`training:courseType.${row.type}`)}</td>
                      <td>
                        <ContentStatusBadge status={row.status} />
                      </td>
                      <td className="text-sm">
                        {row.version ? `v${row.version}` : "—"}
                        {row.hasDraft && row.status !== "draft" ? (
                          <span className="ml-1 badge bg-amber-50 text-amber-700">{t("list.draftPending")}</span>
                        ) : null}
                      </td>
                      <td className="tabular-nums">{format.number(row.lessons)}</td>
                      <td className="whitespace-nowrap text-sm">
                        <Duration minutes={row.minutes} />
                      </td>
                      <td className="whitespace-nowrap text-sm tabular-nums">
                        {t("list.learnersValue", {
                          enrolled: format.number(row.enrolled),
                          completed: format.number(row.completed),
                        })}
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
      <p className="mt-3 text-xs text-slate-500">{t("list.total", { count: total })}</p>
    </div>
  );
}
