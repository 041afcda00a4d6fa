import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { EmptyState } from "~/components/empty-state";
import { titleFromLoader } from "~/components/meta";
import { PageHeader } from "~/components/page-header";
import { Pagination } from "~/components/pagination";
import { DueList } from "~/components/training/learn/due-list";
import { OnboardingCard } from "~/components/training/learn/onboarding-card";
import { ProgressBar } from "~/components/training/learn/progress-bits";
import { pageTitle } from "~/modules/i18n/page-title.server";
import { requirePermission } from "~/modules/identity/session.server";
import { onboardingSummary } from "~/modules/training/learner/learner";
import { continueLearning, dueItems, learningHistory, myOnboarding } from "~/modules/training/learner/learner.server";
import { readPagination } from "~/utils/pagination";
import { useFormat } from "~/utils/use-format";

export const meta = titleFromLoader;

const DUE_LIMIT = 20;
const HISTORY_PAGE_SIZE = 10;

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "learn:course:own");
  const { page, pageSize } = readPagination(new URL(request.url), HISTORY_PAGE_SIZE);
  const now = new Date();
  const [due, inProgress, history, onboarding] = await Promise.all([
    dueItems(user.id, now, DUE_LIMIT),
    continueLearning(user.id),
    learningHistory(user.id, page, pageSize),
    myOnboarding(user.id),
  ]);
  return {
    pageTitle: await pageTitle(request, "training-learn:home.title"),
    due,
    inProgress,
    history: { ...history, page, pageSize },
    onboarding: onboarding
      ? {
          pathId: onboarding.pathId,
          pathTitle: onboarding.pathTitle,
          coursesDone: onboarding.coursesDone,
          coursesTotal: onboarding.coursesTotal,
          ...onboardingSummary(onboarding),
        }
      : null,
  };
}

export default function MyLearningPage() {
  const { t } = useTranslation(["training-learn", "training", "common"]);
  const { due, inProgress, history, onboarding } = useLoaderData<typeof loader>();
  const format = useFormat();
  return (
    <div className="space-y-6">
      <PageHeader
        title={t("home.title")}
        description={t("home.description")}
        actions={
          <Link to="/learn/catalog" className="btn-secondary">
            {t("home.continue.catalog")}
          </Link>
        }
      />
      {onboarding ? <OnboardingCard onboarding={onboarding} /> : null}
      <section className="card overflow-hidden" aria-labelledby="due">
        <div className="flex items-center justify-between border-b border-slate-100 px-5 py-4">
          <h2 id="due" className="font-semibold text-slate-900">
            {t("home.due.title")}
            <span className="ml-2 text-sm font-normal text-slate-500">{due.total}</span>
          </h2>
        </div>
        {due.rows.length === 0 ? (
          <EmptyState icon="check" title={t("home.due.empty")} body={t("home.due.emptyBody")} />
        ) : (
          <>
            <DueList rows={due.rows} />
            {due.total > due.rows.length ? (
              <p className="border-t border-slate-100 px-5 py-3 text-xs text-slate-500">
                {t("home.due.more", { count: due.total - due.rows.length })}
              </p>
            ) : null}
          </>
        )}
      </section>
      <section className="card overflow-hidden" aria-labelledby="continue">
        <div className="border-b border-slate-100 px-5 py-4">
          <h2 id="continue" className="font-semibold text-slate-900">
            {t("home.continue.title")}
          </h2>
        </div>
        {inProgress.length === 0 ? (
          <EmptyState icon="book" title={t("home.continue.empty")} body={t("home.continue.emptyBody")} />
        ) : (
          <ul className="grid gap-4 p-5 md:grid-cols-2">
            {inProgress.map((course) => (
              <li key={course.courseId} className="rounded-lg border border-slate-200 p-4">
                <div className="flex items-start justify-between gap-2">
                  <Link
                    to={`/learn/courses/${course.courseId}`}
                    className="font-medium text-slate-900 hover:text-brand-700"
                  >
                    {course.title}
                  </Link>
                  <span className="flex shrink-0 gap-1">
                    {course.round > 1 ? (
                      <span className="badge bg-slate-100 text-slate-600">
                        {t("home.continue.round", { round: course.round })}
                      </span>
                    ) : null}
                    {course.newVersion ? (
                      <span className="badge bg-amber-50 text-amber-700">{t("home.continue.newVersion")}</span>
                    ) : null}
                  </span>
                </div>
                <div className="mt-3 flex items-center gap-3">
                  <div className="flex-1">
                    <ProgressBar percent={course.percent} label={t("course.progress")} />
                  </div>
                  <span className="text-sm font-medium text-slate-700">{course.percent}%</span>
                </div>
                <p className="mt-1 text-xs text-slate-500">
                  {t("course.lessonsDone", { done: course.done, total: course.total })} ·{" "}
                  {format.relative(course.lastActivityAt)}
                </p>
                <div className="mt-3 flex items-center justify-between gap-2 text-sm">
                  <span className="truncate text-slate-600">
                    {course.next ? t("home.continue.next", { title: course.next.title }) : t("home.continue.allViewed")}
                  </span>
                  <Link
                    to={
                      course.next
                        ? `/learn/courses/${course.courseId}/lessons/${course.next.id}`
                        : `/learn/courses/${course.courseId}`
                    }
                    className="btn-primary shrink-0 px-3 py-1.5"
                  >
                    {t("home.continue.action")}
                  </Link>
                </div>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section className="card overflow-hidden" aria-labelledby="history">
        <div className="border-b border-slate-100 px-5 py-4">
          <h2 id="history" className="font-semibold text-slate-900">
            {t("home.history.title")}
          </h2>
        </div>
        {history.rows.length === 0 ? (
          <EmptyState icon="clock" title={t("home.history.empty")} />
        ) : (
          <>
            <div className="overflow-x-auto">
              <table className="table-base">
                <thead>
                  <tr>
                    <th>{t("home.history.item")}</th>
                    <th>{t("home.history.kind")}</th>
                    <th>{t("home.history.completedAt")}</th>
                  </tr>
                </thead>
                <tbody className="divide-y divide-slate-100">
                  {history.rows.map((row) => (
                    <tr key={`${row.kind}-${row.id}-${row.round}`}>
                      <td>
                        <Link
                          to={row.kind === "path" ? `/learn/paths/${row.id}` : `/learn/courses/${row.id}`}
                          className="text-brand-700 hover:underline"
                        >
                          {row.title}
                        </Link>
                        {row.round > 1 ? (
                          <span className="ml-2 text-xs text-slate-400">
                            {t("home.history.round", { round: row.round })}
                          </span>
                        ) : null}
                      </td>
                      <td>{t(`kind.${row.kind}`)}</td>
                      <td>{format.dateTime(row.completedAt)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <Pagination page={history.page} pageSize={history.pageSize} total={history.total} />
          </>
        )}
      </section>
    </div>
  );
}
