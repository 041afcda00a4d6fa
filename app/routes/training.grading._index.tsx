import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { EmptyState } from "~/components/empty-state";
import { titleFromLoader } from "~/components/meta";
import { PageHeader } from "~/components/page-header";
import { Pagination } from "~/components/pagination";
import { pageTitle } from "~/modules/i18n/page-title.server";
import { requirePermission } from "~/modules/identity/session.server";
import { gradingQueue } from "~/modules/training/exams/grading.server";
import { readPagination } from "~/utils/pagination";
import { useFormat } from "~/utils/use-format";

export const meta = titleFromLoader;

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "grade:exam-attempt:any");
  const { page, pageSize } = readPagination(new URL(request.url));
  const queue = await gradingQueue(page, pageSize);
  return { queue, page, pageSize, pageTitle: await pageTitle(request, "training-attempts:grading.title") };
}

export default function GradingQueuePage() {
  const { t } = useTranslation(["training-attempts", "common"]);
  const { queue, page, pageSize } = useLoaderData<typeof loader>();
  const format = useFormat();
  return (
    <div className="space-y-6">
      <PageHeader title={t("grading.title")} description={t("grading.description", { count: queue.total })} />
      <section className="card overflow-hidden" aria-label={t("grading.title")}>
        {queue.rows.length > 0 ? (
          <>
            <div className="overflow-x-auto">
              <table className="table-base" data-testid="grading-queue">
                <thead>
                  <tr>
                    <th scope="col">{t("grading.submittedAt")}</th>
                    <th scope="col">{t("grading.learner")}</th>
                    <th scope="col">{t("common:fields.team")}</th>
                    <th scope="col">{t("grading.exam")}</th>
                    <th scope="col">{t("grading.waiting")}</th>
                    <th scope="col">
                      <span className="sr-only">{t("grading.grade")}</span>
                    </th>
                  </tr>
                </thead>
                <tbody className="divide-y divide-slate-100">
                  {queue.rows.map((row) => (
                    <tr key={row.id}>
                      <td className="tabular-nums">
                        {format.dateTime(row.submittedAt)}
                        <span className="ml-1 text-xs text-slate-500">{format.relative(row.submittedAt!)}</span>
                      </td>
                      <td>
                        {row.learner.name}
                        <span className="ml-1 font-mono text-xs text-slate-500">{row.learner.externalId}</span>
                      </td>
                      <td>{row.learner.team ?? "—"}</td>
                      <td>
                        {row.exam.title}
                        <span className="ml-1 text-xs text-slate-500">
                          {t("history.numberValue", { number: row.number })}
                        </span>
                      </td>
                      <td className="tabular-nums">
                        {t("grading.waitingCount", { count: row.waiting })}
                        {row.waitingRolePlay > 0 ? (
                          <span className="badge ml-2 bg-amber-50 text-amber-800">
                            {t("roleplay:exam.waitingRolePlay", { count: row.waitingRolePlay })}
                          </span>
                        ) : null}
                      </td>
                      <td className="text-right">
                        <Link to={`/training/grading/${row.id}`} className="btn-secondary">
                          {t("grading.grade")}
                        </Link>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <Pagination page={page} pageSize={pageSize} total={queue.total} />
          </>
        ) : (
          <EmptyState icon="check" title={t("grading.emptyTitle")} body={t("grading.emptyBody")} />
        )}
      </section>
    </div>
  );
}
