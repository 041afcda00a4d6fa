import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { EmptyState } from "~/components/empty-state";
import { titleFromLoader } from "~/components/meta";
import { PageHeader, StatCard } from "~/components/page-header";
import { EnrollmentBadge, ProgressBar } from "~/components/training/learn/progress-bits";
import { pageTitle } from "~/modules/i18n/page-title.server";
import { requirePermission } from "~/modules/identity/session.server";
import { minutesToHours, onboardingSummary } from "~/modules/training/learner/learner";
import { pathForLearner } from "~/modules/training/learner/learner.server";
import { notFound } from "~/utils/http.server";
import { useFormat } from "~/utils/use-format";

export const meta = titleFromLoader;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "learn:course:own");
  const result = await pathForLearner(user.id, params.pathId!);
  if (!result) notFound("path not found");
  return {
    pageTitle: await pageTitle(request, "training-learn:pageTitle", { title: result.path.title }),
    ...result,
    summary: onboardingSummary({ ...result.totals, requiredHours: result.path.requiredHours }),
  };
}

export default function LearnerPathPage() {
  const { t } = useTranslation(["training-learn", "training", "common"]);
  const { path, assignment, totals, courses, summary } = useLoaderData<typeof loader>();
  const format = useFormat();
  return (
    <div className="space-y-6">
      <PageHeader
        title={path.title}
        description={path.description}
        actions={
          <Link to="/learn" className="btn-ghost">
            {t("path.backToLearning")}
          </Link>
        }
      />
      <div className="flex flex-wrap gap-2 text-sm text-slate-600">
        {path.level ? (
          <span className="badge bg-slate-100 text-slate-700">{t("path.level", { level: path.level })}</span>
        ) : null}
        {assignment?.completedAt ? (
          <span className="badge bg-emerald-50 text-emerald-700">
            {t("path.completedAt", { date: format.date(assignment.completedAt) })}
          </span>
        ) : assignment?.dueAt ? (
          <span>
            {t("path.dueAt")} {format.date(assignment.dueAt, true)}
          </span>
        ) : null}
      </div>
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        <StatCard label={t("path.coursesDone")} value={`${totals.coursesDone} / ${totals.coursesTotal}`} />
        <div className="card p-5">
          <p className="text-sm text-slate-500">{t("path.hoursDone")}</p>
          <p className="mt-1 text-2xl font-semibold text-slate-900">
            {summary.hoursDone}
            <span className="ml-1 text-sm font-normal text-slate-500">
              / {t("hoursValue", { hours: path.requiredHours ?? summary.hoursTotal })}
            </span>
          </p>
          <div className="mt-2">
            <ProgressBar
              percent={summary.percent}
              label={t("path.hoursDone")}
              tone={summary.met ? "emerald" : "brand"}
            />
          </div>
        </div>
        <StatCard label={t("path.pathHours")} value={t("hoursValue", { hours: minutesToHours(totals.minutesTotal) })} />
        <StatCard label={t("path.timeSpent")} value={t("hoursValue", { hours: summary.hoursSpent })} />
      </div>
      <section className="card overflow-hidden" aria-labelledby="courses">
        <div className="border-b border-slate-100 px-5 py-4">
          <h2 id="courses" className="font-semibold text-slate-900">
            {t("path.courses")}
          </h2>
          {path.requiredHours !== null ? (
            <p className="text-sm text-slate-500">
              {t("path.requiredHours")} {t("hoursValue", { hours: path.requiredHours })} ·{" "}
              {t("home.onboarding.explain")}
            </p>
          ) : null}
        </div>
        {courses.length === 0 ? (
          <EmptyState icon="list" title={t("path.empty")} />
        ) : (
          <ol className="divide-y divide-slate-100">
            {courses.map((course) => (
              <li key={course.id} className="flex flex-wrap items-center gap-4 px-5 py-4">
                <span className="w-16 shrink-0 text-xs text-slate-400">
                  {t("path.position", { n: course.position })}
                </span>
                <div className="min-w-0 flex-1">
                  {course.available ? (
                    <Link
                      to={`/learn/courses/${course.id}`}
                      className="font-medium text-slate-900 hover:text-brand-700"
                    >
                      {course.title}
                    </Link>
                  ) : (
                    <span className="font-medium text-slate-500">{course.title}</span>
                  )}
                  <p className="text-xs text-slate-500">
                    {t(`training:courseType.${course.type}`)} · {t("training:minutes", { count: course.minutes })} ·{" "}
                    {t("lessonsCount", { count: course.lessons })}
                  </p>
                </div>
                <div className="w-40">
                  <ProgressBar
                    percent={course.percent}
                    label={t("course.progress")}
                    tone={course.status === "completed" ? "emerald" : "brand"}
                  />
                </div>
                {course.available ? (
                  <EnrollmentBadge status={course.status} />
                ) : (
                  <span className="badge bg-slate-100 text-slate-500">{t("path.notAvailable")}</span>
                )}
              </li>
            ))}
          </ol>
        )}
      </section>
    </div>
  );
}
