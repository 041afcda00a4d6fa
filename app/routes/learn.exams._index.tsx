import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { EmptyState } from "~/components/empty-state";
import { titleFromLoader } from "~/components/meta";
import { PageHeader } from "~/components/page-header";
import { Pagination } from "~/components/pagination";
import { PassBadge } from "~/components/training/exam-taking/badges";
import { AttemptHistoryTable } from "~/components/training/exam-taking/history";
import { pageTitle } from "~/modules/i18n/page-title.server";
import { requirePermission } from "~/modules/identity/session.server";
import { attemptHistory, openExams } from "~/modules/training/exams/my-exams.server";
import { readPagination } from "~/utils/pagination";
import { useFormat } from "~/utils/use-format";

export const meta = titleFromLoader;

const EXAMS_PAGE_SIZE = 12;

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "take:exam:own");
  const url = new URL(request.url);
  const { page, pageSize } = readPagination(url);
  const examPage = Math.max(1, Number(url.searchParams.get("examPage")) || 1);
  const [exams, history] = await Promise.all([
    openExams(user.id, new Date(), examPage, EXAMS_PAGE_SIZE),
    attemptHistory(user.id, page, pageSize),
  ]);
  return {
    exams,
    examPage,
    examPageSize: EXAMS_PAGE_SIZE,
    history,
    page,
    pageSize,
    pageTitle: await pageTitle(request, "training-attempts:mine.title"),
  };
}

export default function MyExamsPage() {
  const { t } = useTranslation(["training-attempts", "training", "common"]);
  const { exams, examPage, examPageSize, history, page, pageSize } = useLoaderData<typeof loader>();
  const format = useFormat();
  const examPages = Math.max(1, Math.ceil(exams.total / examPageSize));
  return (
    <div className="space-y-6">
      <PageHeader title={t("mine.title")} description={t("mine.description")} />
      <section aria-label={t("mine.open")}>
        <h2 className="mb-3 text-base font-semibold text-slate-900">{t("mine.open")}</h2>
        {exams.rows.length > 0 ? (
          <ul className="grid gap-4 md:grid-cols-2 xl:grid-cols-3">
            {exams.rows.map((exam) => {
              const overdue = exam.dueAt !== null && new Date(exam.dueAt) < format.now && !exam.result?.passed;
              return (
                <li key={exam.id} className="card flex flex-col p-5">
                  <div className="flex flex-wrap items-center gap-2">
                    {exam.assigned ? (
                      <span className="badge bg-brand-50 text-brand-700">{t("mine.assigned")}</span>
                    ) : null}
                    {exam.isCertification ? (
                      <span className="badge bg-sky-50 text-sky-700">{t("mine.certification")}</span>
                    ) : null}
                    {overdue ? <span className="badge bg-rose-50 text-rose-700">{t("mine.overdue")}</span> : null}
                  </div>
                  <h3 className="mt-2 font-semibold text-slate-900">
                    <Link to={`/learn/exams/${exam.id}`} className="hover:text-brand-700">
                      {exam.title}
                    </Link>
                  </h3>
                  {exam.description ? (
                    <p className="mt-1 line-clamp-2 text-sm text-slate-500">{exam.description}</p>
                  ) : null}
                  <dl className="mt-3 space-y-1 text-sm text-slate-600">
                    {exam.dueAt ? (
                      <div className="flex justify-between">
                        <dt>{t("mine.due")}</dt>
                        <dd className="tabular-nums">{format.date(exam.dueAt)}</dd>
                      </div>
                    ) : null}
                    <div className="flex justify-between">
                      <dt>{t("mine.attempts")}</dt>
                      <dd className="tabular-nums">
                        {exam.maxAttempts === null
                          ? t("mine.attemptsUnlimited", { used: exam.attemptsUsed })
                          : t("mine.attemptsOf", { used: exam.attemptsUsed, max: exam.maxAttempts })}
                      </dd>
                    </div>
                    <div className="flex justify-between">
                      <dt>{t("mine.result")}</dt>
                      <dd className="flex items-center gap-2 tabular-nums">
                        {exam.result ? (
                          <>
                            {exam.result.percent}% <PassBadge passed={exam.result.passed} />
                          </>
                        ) : (
                          t("mine.noResult")
                        )}
                      </dd>
                    </div>
                  </dl>
                  <div className="mt-4 flex-1" />
                  <Link
                    to={exam.resumeAttemptId ? `/learn/attempts/${exam.resumeAttemptId}` : `/learn/exams/${exam.id}`}
                    className={exam.resumeAttemptId ? "btn-primary" : "btn-secondary"}
                  >
                    {exam.resumeAttemptId ? t("rules.resume") : t("mine.open_exam")}
                  </Link>
                </li>
              );
            })}
          </ul>
        ) : (
          <div className="card">
            <EmptyState icon="clipboard" title={t("mine.emptyTitle")} body={t("mine.emptyBody")} />
          </div>
        )}
        {examPages > 1 ? (
          <nav className="mt-3 flex justify-end gap-2 text-sm" aria-label={t("mine.open")}>
            {examPage > 1 ? (
              <Link to={`?examPage=${examPage - 1}`} className="btn-ghost">
                {t("common:pagination.previous")}
              </Link>
            ) : null}
            {examPage < examPages ? (
              <Link to={`?examPage=${examPage + 1}`} className="btn-ghost">
                {t("common:pagination.next")}
              </Link>
            ) : null}
          </nav>
        ) : null}
      </section>
      <section className="card overflow-hidden" aria-label={t("history.title")}>
        <h2 className="border-b border-slate-100 px-4 py-3 text-base font-semibold text-slate-900">
          {t("history.title")}
        </h2>
        {history.rows.length > 0 ? (
          <>
            <AttemptHistoryTable rows={history.rows} showExam />
            <Pagination page={page} pageSize={pageSize} total={history.total} />
          </>
        ) : (
          <EmptyState icon="clipboard" title={t("history.empty")} />
        )}
      </section>
    </div>
  );
}
