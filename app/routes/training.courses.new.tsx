import { getFormProps, getInputProps, getSelectProps, getTextareaProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Field, FormError } from "~/components/field";
import { titleFromLoader } from "~/components/meta";
import { PageHeader } from "~/components/page-header";
import { pageTitle } from "~/modules/i18n/page-title.server";
import { clientIp, requirePermission } from "~/modules/identity/session.server";
import { createCourse } from "~/modules/training/courses/course-authoring.server";
import { COURSE_TYPES, CreateCourseSchema } from "~/modules/training/courses/course-rules";
import { redirectWithFlash } from "~/utils/flash.server";

export const meta = titleFromLoader;

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "manage:course:any");
  return { pageTitle: await pageTitle(request, "training-courses:new.title") };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, "manage:course:any");
  const submission = parseWithZod(await request.formData(), { schema: CreateCourseSchema });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  const result = await createCourse(submission.value, { id: user.id, ipAddress: clientIp(request) });
  if (!result.ok) {
    return data(submission.reply({ fieldErrors: { slug: ["training-courses:errors.slugTaken"] } }), { status: 409 });
  }
  return redirectWithFlash(`/training/courses/${result.courseId}/edit`, {
    kind: "success",
    message: "training-courses:flash.created",
    params: { title: submission.value.title },
  });
}

export default function NewCoursePage() {
  const { t } = useTranslation(["training-courses", "training", "common"]);
  const lastResult = useActionData<typeof action>();
  const navigation = useNavigation();
  const [form, fields] = useForm({
    id: "new-course",
    lastResult,
    defaultValue: { type: "onboarding" },
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: CreateCourseSchema }),
  });
  return (
    <div className="mx-auto max-w-3xl">
      <PageHeader
        title={t("new.title")}
        description={t("new.description")}
        actions={
          <Link to="/training/courses" className="btn-ghost">
            {t("common:actions.back")}
          </Link>
        }
      />
      <Form method="post" {...getFormProps(form)} className="card space-y-5 p-6">
        <FormError errors={form.errors} />
        <Field id={fields.title.id} label={t("fields.title")} errors={fields.title.errors}>
          <input {...getInputProps(fields.title, { type: "text" })} className="input" autoComplete="off" />
        </Field>
        <div className="grid gap-4 sm:grid-cols-2">
          <Field id={fields.slug.id} label={t("fields.slug")} errors={fields.slug.errors} hint={t("fields.slugHint")}>
            <input
              {...getInputProps(fields.slug, { type: "text" })}
              className="input font-mono"
              autoComplete="off"
              placeholder="after-sales-policies"
            />
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
        </div>
        <Field id={fields.summary.id} label={t("fields.summary")} errors={fields.summary.errors}>
          <textarea {...getTextareaProps(fields.summary)} rows={3} className="input" />
        </Field>
        <Field id={fields.tags.id} label={t("fields.tags")} errors={fields.tags.errors} hint={t("fields.tagsHint")}>
          <input {...getInputProps(fields.tags, { type: "text" })} className="input" autoComplete="off" />
        </Field>
        <p className="text-sm text-slate-500">{t("new.next")}</p>
        <div className="flex justify-end gap-2">
          <Link to="/training/courses" className="btn-ghost">
            {t("common:actions.cancel")}
          </Link>
          <button type="submit" className="btn-primary" disabled={navigation.state === "submitting"}>
            {t("new.submit")}
          </button>
        </div>
      </Form>
    </div>
  );
}
