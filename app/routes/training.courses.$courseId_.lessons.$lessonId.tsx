import { parseWithZod } from "@conform-to/zod/v4";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { titleFromLoader } from "~/components/meta";
import { PageHeader } from "~/components/page-header";
import { FileSourceNotice } from "~/components/training/courses/badges";
import { LessonEditor } from "~/components/training/courses/lesson-editor";
import { ProblemList } from "~/components/training/courses/problems";
import { pageTitle } from "~/modules/i18n/page-title.server";
import { requirePermission } from "~/modules/identity/session.server";
import { saveLesson } from "~/modules/training/courses/course-authoring.server";
import { getDraftLesson } from "~/modules/training/courses/course-queries.server";
import { LessonPreviewSchema, LessonSchema } from "~/modules/training/courses/course-rules";
import { renderMarkdown } from "~/modules/training/markdown.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { notFound } from "~/utils/http.server";

export const meta = titleFromLoader;

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requirePermission(request, "manage:course:any");
  const lesson = await getDraftLesson(params.courseId ?? "", params.lessonId ?? "");
  if (!lesson) notFound("lesson not in the course's draft");
  return {
    lesson,
    html: renderMarkdown(lesson.body),
    pageTitle: await pageTitle(request, "training-courses:lesson.title", { title: lesson.title }),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  await requirePermission(request, "manage:course:any");
  const courseId = params.courseId ?? "";
  const lessonId = params.lessonId ?? "";
  const formData = await request.formData();
  if (formData.get("intent") === "preview") {
    const parsed = LessonPreviewSchema.safeParse(Object.fromEntries(formData));
    if (!parsed.success) return data({ html: "" }, { status: 400 });
    return { html: renderMarkdown(parsed.data.body) };
  }
  const submission = parseWithZod(formData, { schema: LessonSchema });
  if (submission.status !== "success") return data({ form: submission.reply(), problems: null }, { status: 400 });
  const result = await saveLesson(courseId, lessonId, submission.value);
  if (!result.ok) {
    if (result.status === 404) notFound("lesson not in the course's draft");
    return data(
      { form: submission.reply(), problems: [`training-courses:errors.${result.reason}`] },
      { status: result.status },
    );
  }
  return redirectWithFlash(`/training/courses/${courseId}/lessons/${lessonId}`, {
    kind: "success",
    message: "training-courses:flash.lessonSaved",
    params: { title: submission.value.title },
  });
}

export default function LessonEditorPage() {
  const { t } = useTranslation(["training-courses", "common"]);
  const { lesson, html } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const result = actionData && "form" in actionData ? actionData : null;
  return (
    <div>
      <PageHeader
        title={lesson.title}
        description={t("lesson.description", {
          course: lesson.course.title,
          module: lesson.moduleTitle,
          version: lesson.version,
        })}
        actions={
          <Link to={`/training/courses/${lesson.course.id}/edit`} className="btn-ghost">
            {t("lesson.back")}
          </Link>
        }
      />
      <div className="space-y-4">
        <ProblemList problems={result?.problems} />
        {lesson.course.source === "file" ? <FileSourceNotice kind="course" /> : null}
        <LessonEditor key={lesson.stamp} lesson={lesson} initialHtml={html} lastResult={result?.form ?? undefined} />
      </div>
    </div>
  );
}
