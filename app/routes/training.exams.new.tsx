import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { titleFromLoader } from "~/components/meta";
import { PageHeader } from "~/components/page-header";
import { ExamSettingsForm } from "~/components/training/exam-builder/exam-settings-form";
import { pageTitle } from "~/modules/i18n/page-title.server";
import { clientIp, requirePermission } from "~/modules/identity/session.server";
import { courseOptions, createExam } from "~/modules/training/exams/authoring.server";
import { readSettingsForm } from "~/modules/training/exams/settings-form.server";
import { env } from "~/utils/env.server";
import { redirectWithFlash } from "~/utils/flash.server";

export const meta = titleFromLoader;

const DEFAULTS = {
  slug: "",
  title: "",
  description: "",
  timeLimitMinutes: 30,
  maxAttempts: 3,
  passPercent: 80,
  gradingMethod: "highest",
  availableFrom: "",
  availableUntil: "",
  shuffleQuestions: true,
  shuffleOptions: true,
  reviewMode: "with_explanations",
  isCertification: false,
  certificateTitle: null,
  certificateValidityMonths: null,
  remediationCourseId: null,
  remediateOnFail: false,
};

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "manage:exam:any");
  return {
    courses: await courseOptions(),
    timeZone: env().APP_TIME_ZONE,
    pageTitle: await pageTitle(request, "training-exams:new.title"),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, "manage:exam:any");
  const parsed = readSettingsForm(await request.formData(), true);
  if (!parsed.ok) return data({ fieldErrors: parsed.fieldErrors }, { status: 400 });
  const result = await createExam(parsed.slug, parsed.value, env().APP_TIME_ZONE, {
    id: user.id,
    ipAddress: clientIp(request),
  });
  if (!result.ok) return data({ fieldErrors: { [result.field]: [result.message] } }, { status: 400 });
  return redirectWithFlash(`/training/exams/${result.id}/edit`, {
    kind: "success",
    message: "training-exams:flash.created",
    params: { title: parsed.value.title },
  });
}

export default function NewExamPage() {
  const { t } = useTranslation(["training-exams", "common"]);
  const { courses, timeZone } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <div className="mx-auto max-w-4xl">
      <PageHeader
        title={t("new.title")}
        description={t("new.description")}
        actions={
          <Link to="/training/exams" className="btn-ghost">
            {t("common:actions.back")}
          </Link>
        }
      />
      <ExamSettingsForm
        values={DEFAULTS}
        courses={courses}
        errors={actionData ?? null}
        withSlug
        submitLabel={t("new.submit")}
        timeZone={timeZone}
      />
    </div>
  );
}
