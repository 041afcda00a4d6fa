import {
  getFormProps,
  getInputProps,
  getSelectProps,
  getTextareaProps,
  useForm,
  type SubmissionResult,
} from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Field, FormError } from "~/components/field";
import { titleFromLoader } from "~/components/meta";
import { PageHeader } from "~/components/page-header";
import { Duration, FileSourceNotice } from "~/components/training/courses/badges";
import { DraftOutline } from "~/components/training/courses/draft-outline";
import { ProblemList } from "~/components/training/courses/problems";
import { pageTitle } from "~/modules/i18n/page-title.server";
import { requirePermission } from "~/modules/identity/session.server";
import { applyDraftEdit } from "~/modules/training/courses/course-authoring.server";
import { getDraftForEditing } from "~/modules/training/courses/course-queries.server";
import { COURSE_TYPES, CourseFieldsSchema, DraftEditSchema } from "~/modules/training/courses/course-rules";
import { redirectWithFlash } from "~/utils/flash.server";
import { notFound } from "~/utils/http.server";

export const meta = titleFromLoader;

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requirePermission(request, "manage:course:any");
  const courseId = params.courseId ?? "";
  const editing = await getDraftForEditing(courseId);
  if (!editing) notFound("course not found");
  // No draft: the overview's "edit" button creates one (a POST, never a side effect of opening a page).
  if (!editing.draft) throw redirect(`/training/courses/${courseId}`);
  return {
    course: editing.course,
    draft: editing.draft,
    pageTitle: await pageTitle(request, "training-courses:editor.title", { title: editing.draft.title }),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  await requirePermission(request, "manage:course:any");
  const courseId = params.courseId ?? "";
  const formData = await request.formData();
  const here = `/training/courses/${courseId}/edit`;
  if (formData.get("intent") === "course") {
    const submission = parseWithZod(formData, { schema: CourseFieldsSchema });
    if (submission.status !== "success") return data({ form: submission.reply(), problems: null }, { status: 400 });
    const result = await applyDraftEdit(courseId, submission.value);
    if (!result.ok) {
      return data(
        { form: submission.reply({ formErrors: [`training-courses:errors.${result.reason}`] }), problems: null },
        { status: result.status },
      );
    }
    return redirectWithFlash(here, { kind: "success", message: "training-courses:flash.saved" });
  }
  const parsed = DraftEditSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) {
    const messages = parsed.error.issues.map((issue) =>
      issue.message.includes(":") ? issue.message : "training-courses:errors.badRequest",
    );
    return data({ form: null, problems: [...new Set(messages)] }, { status: 400 });
  }
  const result = await applyDraftEdit(courseId, parsed.data);
  if (!result.ok) {
    if (result.status === 404) notFound("module or lesson not in the draft");
    return data({ form: null, problems: [`training-courses:errors.${result.reason}`] }, { status: result.status });
  }
  return redirect(here);
}

function CourseFieldsForm({
  draft,
  course,
  lastResult,
}: {
  draft: { title: string; summary: string; stamp: string };
  course: { type: string; tags: string[] };
  lastResult: SubmissionResult<string[]> | undefined;
}) {
  const { t } = useTranslation(["training-courses", "training", "common"]);
  const navigation = useNavigation();
  const [form, fields] = useForm({
    id: `course-fields-${draft.stamp}`,
    lastResult,
    defaultValue: { title: draft.title, summary: draft.summary, type: course.type, tags: course.tags.join("，") },
    shouldValidate: "onBlur",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: CourseFieldsSchema }),
  });
  return (
    <Form method="post" {...getFormProps(form)} className="card space-y-4 p-5">
      <h2 className="text-sm font-semibold text-slate-900">{t("editor.courseFields")}</h2>
      <FormError errors={form.errors} />
      <input type="hidden" name="intent" value="course" />
      <input type="hidden" name="stamp" value={draft.stamp} />
      <Field id={fields.title.id} label={t("fields.title")} errors={fields.title.errors}>
        <input {...getInputProps(fields.title, { type: "text" })} className="input" autoComplete="off" />
      </Field>
      <Field id={fields.type.id} label={t("fields.type")} errors={fields.type.errors}>
        <select {...getSelectProps(fields.type)} className="input">
          {COURSE_TYPES.map((type) => (
            <option key={type} value={type}>
              {t(`training:courseType.${type}`)}
            </option>
          ))}
        </select>
      </Field>
      <Field id={fields.summary.id} label={t("fields.summary")} errors={fields.summary.errors}>
        <textarea {...getTextareaProps(fields.summary)} rows={3} className="input" />
      </Field>
      <Field id={fields.tags.id} label={t("fields.tags")} errors={fields.tags.errors} hint={t("fields.tagsHint")}>
        <input {...getInputProps(fields.tags, { type: "text" })} className="input" autoComplete="off" />
      </Field>
      <div className="flex justify-end">
        <button type="submit" className="btn-primary" disabled={navigation.state === "submitting"}>
          {t("common:actions.save")}
        </button>
      </div>
    </Form>
  );
}

export default function CourseEditorPage() {
  const { t } = useTranslation(["training-courses", "common"]);
  const { course, draft } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const lessons = draft.modules.reduce((sum, module) => sum + module.lessons.length, 0);
  return (
    <div>
      <PageHeader
        title={t("editor.heading", { title: draft.title, version: draft.version })}
        description={t("editor.description")}
        actions={
          <>
            <Link to={`/training/courses/${course.id}/preview?version=${draft.version}`} className="btn-secondary">
              {t("detail.preview")}
            </Link>
            <Link to={`/training/courses/${course.id}`} className="btn-primary">
              {t("editor.toOverview")}
            </Link>
          </>
        }
      />
      <div className="space-y-4">
        <ProblemList problems={actionData?.problems} />
        {actionData?.problems?.includes("training-courses:errors.stale") ? (
          <p className="text-sm text-slate-600">
            <Link to="." className="font-medium text-brand-700 underline">
              {t("editor.reload")}
            </Link>
          </p>
        ) : null}
        {course.source === "file" ? <FileSourceNotice kind="course" /> : null}
        <div className="grid gap-6 lg:grid-cols-3">
          <div className="space-y-4 lg:col-span-2">
            <div className="flex items-center justify-between text-sm text-slate-600">
              <span>{t("editor.outlineSummary", { modules: draft.modules.length, lessons })}</span>
              <span>
                {t("editor.totalDuration")} <Duration minutes={draft.minutes} />
              </span>
            </div>
            <DraftOutline
              courseId={course.id}
              stamp={draft.stamp}
              modules={draft.modules}
              hasPublished={course.publishedVersionId !== null}
            />
          </div>
          <div className="space-y-4">
            <CourseFieldsForm draft={draft} course={course} lastResult={actionData?.form ?? undefined} />
            <p className="text-xs text-slate-500">{t("editor.publishHint")}</p>
          </div>
        </div>
      </div>
    </div>
  );
}
