import type { LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { EmptyState } from "~/components/empty-state";
import { FilterSelect } from "~/components/filter-fields";
import { titleFromLoader } from "~/components/meta";
import { PageHeader } from "~/components/page-header";
import { Pagination } from "~/components/pagination";
import { ExamStatusBadge } from "~/components/training/exam-builder/exam-status";
import { pageTitle } from "~/modules/i18n/page-title.server";
import { requirePermission } from "~/modules/identity/session.server";
import { EXAM_STATUSES } from "~/modules/training/exams/authoring";
import { listExams } from "~/modules/training/exams/authoring.server";
import { readPagination } from "~/utils/pagination";
import { useFormat } from "~/utils/use-format";

export const meta = titleFromLoader;

const StatusFilter = z.enum(EXAM_STATUSES).optional().catch(undefined);

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "manage:exam:any");
  const url = new URL(request.url);
  const status = StatusFilter.parse(url.searchParams.get("status") || undefined);
  const { page, pageSize } = readPagination(url);
  const [{ rows, total }, title] = await Promise.all([
    listExams({ status }, { page, pageSize }),
    pageTitle(request, "training-exams:list.title"),
  ]);
  return { rows, total, page, pageSize, status: status ?? "", pageTitle: title };
}

export default function ExamsPage() {
  const { t } = useTranslation(["training-exams", "training", "common"]);
  const format = useFormat();
  const { rows, total, page, pageSize, status } = useLoaderData<typeof loader>();
  return (
    <div>
      <PageHeader
        title={t("list.title")}
        description={t("list.description")}
        actions={
          <Link to="/training/exams/new" className="btn-primary">
            {t("list.create")}
          </Link>
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
            options={EXAM_STATUSES.map((value) => ({ value, label: t(`training:contentStatus.${value}`) }))}
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
              <table className="table-base" data-testid="exams-table">
                <thead>
                  <tr>
                    <th scope="col">{t("fields.title")}</th>
                    <th scope="col">{t("common:fields.status")}</th>
                    <th scope="col">{t("list.items")}</th>
                    <th scope="col">{t("fields.timeLimitMinutes")}</th>
                    <th scope="col">{t("fields.passPercent")}</th>
                    <th scope="col">{t("list.graded")}</th>
                    <th scope="col">{t("list.mean")}</th>
                    <th scope="col">{t("common:fields.updatedAt")}</th>
                  </tr>
                </thead>
                <tbody className="divide-y divide-slate-100">
                  {rows.map((exam) => (
                    <tr key={exam.id}>
                      <td>
                        <Link to={`/training/exams/${exam.id}`} className="font-medium text-brand-700 hover:underline">
                          {exam.title}
                        </Link>
                        {exam.isCertification ? (
                          <span className="badge ml-2 bg-amber-50 text-amber-700">{t("list.certification")}</span>
                        ) : null}
                      </td>
                      <td>
                        <ExamStatusBadge status={exam.status} />
                      </td>
                      <td className="tabular-nums">{format.number(exam.items)}</td>
                      <td className="text-sm">
                        {exam.timeLimitMinutes
                          ? t("training:minutes", { count: exam.timeLimitMinutes })
                          : t("unlimited")}
                      </td>
                      <td className="tabular-nums">{format.number(exam.passPercent)}%</td>
                      <td className="tabular-nums">{format.number(exam.attempts)}</td>
                      <td className="tabular-nums">
                        {exam.meanPercent === null
                          ? "—"
                          : `${format.number(exam.meanPercent, { maximumFractionDigits: 1 })}%`}
                      </td>
                      <td className="text-sm text-slate-500">{format.date(exam.updatedAt)}</td>
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
