import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import type { ShouldRevalidateFunction } from "@remix-run/react";
import { Form, Link, useFetcher, useLoaderData, useNavigation } from "@remix-run/react";
import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import { MarkdownContent } from "~/components/markdown";
import { titleFromLoader } from "~/components/meta";
import { Duration, ProgressBar } from "~/components/training/learn/progress-bits";
import { LessonOutline } from "~/components/training/learn/lesson-outline";
import { pageTitle } from "~/modules/i18n/page-title.server";
import { requirePermission } from "~/modules/identity/session.server";
import { HEARTBEAT_INTERVAL_SECONDS } from "~/modules/training/learner/learner";
import { completeLesson, heartbeat, openLesson } from "~/modules/training/learner/learner.server";
import { renderMarkdown } from "~/modules/training/markdown.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { badRequest, notFound } from "~/utils/http.server";
import { useFormat } from "~/utils/use-format";

export const meta = titleFromLoader;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "learn:course:own");
  const courseId = params.courseId!;
  const result = await openLesson(user.id, courseId, params.lessonId!);
  if (result.kind === "notFound") notFound("lesson not found");
  if (result.kind === "redirect") throw redirect(`/learn/courses/${courseId}/lessons/${result.lessonId}`);
  const { body, ...lesson } = result.lesson;
  return {
    pageTitle: await pageTitle(request, "training-learn:pageTitle", {
      title: `${lesson.title} · ${lesson.courseTitle}`,
    }),
    courseId,
    lesson,
    html: renderMarkdown(body),
  };
}

/** A heartbeat changes nothing on the page: do not reload the lesson (it would count as a new view). */
export const shouldRevalidate: ShouldRevalidateFunction = ({ formData, defaultShouldRevalidate }) =>
  formData?.get("intent") === "heartbeat" ? false : defaultShouldRevalidate;

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requirePermission(request, "learn:course:own");
  const courseId = params.courseId!;
  const lessonId = params.lessonId!;
  const form = await request.formData();
  const intent = form.get("intent");
  if (intent === "heartbeat") {
    const credited = await heartbeat(user.id, courseId, lessonId);
    if (credited === null) notFound("lesson not found");
    return data({ credited });
  }
  if (intent !== "complete") badRequest("unknown intent");
  const result = await completeLesson(user.id, courseId, lessonId);
  if (!result) notFound("lesson not found");
  const lesson = result.titles;
  if (result.courseCompleted) {
    return redirectWithFlash(`/learn/courses/${courseId}`, {
      kind: "success",
      message: "training-learn:flash.courseCompleted",
      params: { title: lesson.courseTitle },
    });
  }
  const next = form.get("next");
  const target =
    typeof next === "string" && /^[\w-]+$/.test(next)
      ? `/learn/courses/${courseId}/lessons/${next}`
      : `/learn/courses/${courseId}/lessons/${lessonId}`;
  return redirectWithFlash(target, {
    kind: "success",
    message: "training-learn:flash.lessonCompleted",
    params: { title: lesson.title },
  });
}

/** Posts a heartbeat every 30 s while the tab is visible; the server credits at most 60 s per beat. */
function useHeartbeat(action: string) {
  const fetcher = useFetcher();
  const submit = fetcher.submit;
  useEffect(() => {
    const beat = () => {
      if (document.visibilityState !== "visible") return;
      submit({ intent: "heartbeat" }, { method: "post", action, preventScrollReset: true });
    };
    const timer = window.setInterval(beat, HEARTBEAT_INTERVAL_SECONDS * 1000);
    return () => window.clearInterval(timer);
  }, [action, submit]);
}

export default function LessonPage() {
  const { t } = useTranslation(["training-learn", "training", "common"]);
  const { courseId, lesson, html } = useLoaderData<typeof loader>();
  const format = useFormat();
  const navigation = useNavigation();
  const base = `/learn/courses/${courseId}`;
  useHeartbeat(`${base}/lessons/${lesson.id}`);
  const busy = navigation.state === "submitting";
  return (
    <div className="grid gap-6 lg:grid-cols-[16rem_minmax(0,1fr)]">
      <aside className="order-2 lg:order-1">
        <div className="card sticky top-4 p-4">
          <Link to={base} className="text-sm text-brand-600 hover:underline">
            ← {t("lesson.backToCourse")}
          </Link>
          <p className="mt-3 text-sm font-semibold text-slate-900">{lesson.courseTitle}</p>
          <div className="mt-2 space-y-1">
            <ProgressBar
              percent={lesson.enrollment.percent}
              label={t("course.progress")}
              tone={lesson.enrollment.status === "completed" ? "emerald" : "brand"}
            />
            <p className="text-xs text-slate-500">
              {lesson.enrollment.status === "completed"
                ? t("lesson.courseCompleted")
                : t("lesson.courseProgress", { done: lesson.enrollment.done, total: lesson.enrollment.total })}
            </p>
          </div>
          <h2 className="mt-4 text-xs font-semibold uppercase tracking-wide text-slate-500">{t("lesson.outline")}</h2>
          <LessonOutline courseId={courseId} modules={lesson.outline} currentId={lesson.id} />
        </div>
      </aside>
      <article className="order-1 space-y-4 lg:order-2">
        <div className="card p-6">
          <p className="text-sm text-slate-500">{lesson.moduleTitle}</p>
          <h1 className="page-title mt-1">{lesson.title}</h1>
          <p className="mt-1 text-xs text-slate-400">
            {t("lesson.minutes", { count: lesson.minutes })} · {t("lesson.timeSpent")}{" "}
            <Duration seconds={lesson.timeSpentSeconds} />
          </p>
          <MarkdownContent html={html} className="mt-6" />
        </div>
        <div className="card flex flex-wrap items-center justify-between gap-3 p-4">
          {lesson.previous ? (
            <Link to={`${base}/lessons/${lesson.previous.id}`} className="btn-ghost">
              ← {t("lesson.previous")}：{lesson.previous.title}
            </Link>
          ) : (
            <span />
          )}
          <div className="flex flex-wrap items-center gap-3">
            {lesson.completedAt ? (
              <span className="badge bg-emerald-50 text-emerald-700 ring-1 ring-inset ring-emerald-600/20">
                ✓ {t("lesson.completedAt", { date: format.dateTime(lesson.completedAt) })}
              </span>
            ) : (
              <Form method="post">
                <input type="hidden" name="intent" value="complete" />
                {lesson.next ? <input type="hidden" name="next" value={lesson.next.id} /> : null}
                <button type="submit" className="btn-primary" disabled={busy}>
                  {t("lesson.markComplete")}
                </button>
              </Form>
            )}
            {lesson.next ? (
              <Link to={`${base}/lessons/${lesson.next.id}`} className="btn-secondary">
                {t("lesson.next")}：{lesson.next.title} →
              </Link>
            ) : null}
          </div>
        </div>
      </article>
    </div>
  );
}
