import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { EmptyState } from "~/components/empty-state";
import { titleFromLoader } from "~/components/meta";
import { PageHeader, StatCard } from "~/components/page-header";
import { Duration, EnrollmentBadge, ProgressBar } from "~/components/training/learn/progress-bits";
import { pageTitle } from "~/modules/i18n/page-title.server";
import { clientIp, requirePermission } from "~/modules/identity/session.server";
import { courseOverview, startCourse, switchToPublishedVersion } from "~/modules/training/learner/learner.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { badRequest, notFound } from "~/utils/http.server";
import { useFormat } from "~/utils/use-format";

export const meta = titleFromLoader;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "learn:course:own");
  const overview = await courseOverview(user.id, params.courseId!);
  if (!overview) notFound("course not found");
  return {
    pageTitle: await pageTitle(request, "training-learn:pageTitle", { title: overview.version.title }),
    ...overview,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requirePermission(request, "learn:course:own");
  const courseId = params.courseId!;
  const intent = (await request.formData()).get("intent");
  if (intent === "start") {
    const lessonId = await startCourse(user.id, courseId);
    if (lessonId === null) {
      const overview = await courseOverview(user.id, courseId);
      if (!overview) notFound("course not found");
      return redirectWithFlash(`/learn/courses/${courseId}`, {
        kind: "info",
        message: "training-learn:flash.noLessons",
      });
    }
    throw redirect(`/learn/courses/${courseId}/lessons/${lessonId}`);
  }
  if (intent === "switch-version") {
    const result = await switchToPublishedVersion(user.id, courseId, { ipAddress: clientIp(request) });
    if (!result) {
      return redirectWithFlash(`/learn/courses/${courseId}`, {
        kind: "info",
        message: "training-learn:flash.noSwitch",
      });
    }
    return redirectWithFlash(`/learn/courses/${courseId}`, {
      kind: "success",
      message: "training-learn:flash.switched",
      params: { version: result.version, kept: result.kept },
    });
  }
  badRequest("unknown intent");
}

export default function LearnerCoursePage() {
  const { t } = useTranslation(["training-learn", "training", "common"]);
  const { course, version, modules, enrollment, lessonsDone, lessonsTotal, percent, newVersion } =
    useLoaderData<typeof loader>();
  const format = useFormat();
  const busy = useNavigation().state === "submitting";
  const startLabel =
    !enrollment || enrollment.status === "not_started"
      ? t("course.start")
      : enrollment.status === "completed"
        ? t("course.review")
        : t("course.continue");
  return (
    <div className="space-y-6">
      <PageHeader
        title={version.title}
        description={version.summary}
        actions={
          <>
            <Link to="/learn/catalog" className="btn-ghost">
              {t("course.backToCatalog")}
            </Link>
            {lessonsTotal > 0 ? (
              <Form method="post">
                <input type="hidden" name="intent" value="start" />
                <button type="submit" className="btn-primary" disabled={busy}>
                  {startLabel}
                </button>
              </Form>
            ) : null}
          </>
        }
      />
      <div className="flex flex-wrap items-center gap-2 text-sm">
        <span className="badge bg-slate-100 text-slate-700">{t(`training:courseType.${course.type}`)}</span>
        <span className="badge bg-slate-100 text-slate-700">{t("course.version", { version: version.version })}</span>
        {course.tags.map((tag) => (
          <span key={tag} className="badge bg-brand-50 text-brand-700">
            {tag}
          </span>
        ))}
        <EnrollmentBadge status={enrollment?.status ?? null} />
        {enrollment && enrollment.round > 1 ? (
          <span className="text-slate-500">{t("course.round", { round: enrollment.round })}</span>
        ) : null}
      </div>
      {newVersion ? (
        <div className="rounded-md border border-amber-200 bg-amber-50 px-4 py-3 text-sm text-amber-900" role="status">
          <p className="font-medium">{t("course.newVersion.title", { version: newVersion.version })}</p>
          <p className="mt-1">{t("course.newVersion.body", { current: version.version })}</p>
          <Form method="post" className="mt-2">
            <input type="hidden" name="intent" value="switch-version" />
            <button type="submit" className="btn-secondary" disabled={busy}>
              {t("course.newVersion.switch")}
            </button>
          </Form>
        </div>
      ) : null}
      <div className="grid gap-4 sm:grid-cols-3">
        <div className="card p-5">
          <p className="text-sm text-slate-500">{t("course.progress")}</p>
          <p className="mt-1 text-2xl font-semibold text-slate-900">{percent}%</p>
          <div className="mt-2">
            <ProgressBar
              percent={percent}
              label={t("course.progress")}
              tone={enrollment?.status === "completed" ? "emerald" : "brand"}
            />
          </div>
          <p className="mt-1 text-xs text-slate-400">
            {enrollment?.completedAt
              ? t("course.completedOn", { date: format.date(enrollment.completedAt) })
              : t("course.lessonsDone", { done: lessonsDone, total: lessonsTotal })}
          </p>
        </div>
        <StatCard label={t("course.estimated")} value={t("training:minutes", { count: version.estimatedMinutes })} />
        <StatCard label={t("course.timeSpent")} value={<Duration seconds={enrollment?.timeSpentSeconds ?? 0} />} />
      </div>
      <section className="card overflow-hidden" aria-labelledby="outline">
        <div className="border-b border-slate-100 px-5 py-4">
          <h2 id="outline" className="font-semibold text-slate-900">
            {t("course.outline")}
          </h2>
        </div>
        {modules.length === 0 ? (
          <EmptyState icon="book" title={t("course.empty")} />
        ) : (
          <div className="divide-y divide-slate-100">
            {modules.map((module) => (
              <div key={module.id} className="px-5 py-4">
                <h3 className="text-sm font-semibold text-slate-800">{module.title}</h3>
                <ol className="mt-2 space-y-1">
                  {module.lessons.map((lesson) => (
                    <li key={lesson.id} className="flex items-center justify-between gap-3 text-sm">
                      <span className="flex items-center gap-2">
                        <span
                          aria-hidden="true"
                          className={`inline-flex h-5 w-5 items-center justify-center rounded-full text-xs ${
                            lesson.completed ? "bg-emerald-500 text-white" : "border border-slate-300 text-slate-400"
                          }`}
                        >
                          {lesson.completed ? "✓" : ""}
                        </span>
                        <Link
                          to={`/learn/courses/${course.id}/lessons/${lesson.id}`}
                          className="text-brand-700 hover:underline"
                        >
                          {lesson.title}
                        </Link>
                        {lesson.completed ? (
                          <span className="sr-only">{t("course.lessonCompleted")}</span>
                        ) : lesson.viewed ? (
                          <span className="text-xs text-slate-400">{t("course.viewed")}</span>
                        ) : null}
                      </span>
                      <span className="shrink-0 text-xs text-slate-400">
                        {t("training:minutes", { count: lesson.minutes })}
                      </span>
                    </li>
                  ))}
                </ol>
              </div>
            ))}
          </div>
        )}
      </section>
    </div>
  );
}
