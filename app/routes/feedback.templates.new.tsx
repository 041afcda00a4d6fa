import { parseWithZod } from "@conform-to/zod/v4";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useActionData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { TemplateForm } from "~/components/feedback/template-form";
import { titleFromLoader } from "~/components/meta";
import { PageHeader } from "~/components/page-header";
import { TemplateFormSchema } from "~/modules/feedback/templates";
import { createTemplate } from "~/modules/feedback/templates.server";
import { pageTitle } from "~/modules/i18n/page-title.server";
import { clientIp, requirePermission } from "~/modules/identity/session.server";
import { redirectWithFlash } from "~/utils/flash.server";

export const meta = titleFromLoader;

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "manage:feedback-cycle:any");
  return { pageTitle: await pageTitle(request, "feedback:templates.new") };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, "manage:feedback-cycle:any");
  const submission = parseWithZod(await request.formData(), { schema: TemplateFormSchema });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  const id = await createTemplate(submission.value, { id: user.id, ipAddress: clientIp(request) });
  return redirectWithFlash(`/feedback/templates/${id}`, {
    kind: "success",
    message: "feedback:flash.templateSaved",
    params: { name: submission.value.name },
  });
}

export default function NewFeedbackTemplatePage() {
  const { t } = useTranslation(["feedback", "common"]);
  const lastResult = useActionData<typeof action>();
  return (
    <div className="mx-auto max-w-4xl">
      <PageHeader
        title={t("templates.new")}
        actions={
          <Link to="/feedback/templates" className="btn-ghost">
            {t("common:actions.back")}
          </Link>
        }
      />
      <TemplateForm
        id="new-feedback-template"
        defaults={{
          name: "",
          description: "",
          competencies: [{ name: "", description: "", weight: 20, scale: ["", "", "", "", ""] }],
        }}
        lastResult={lastResult}
        submitLabel={t("templates.create")}
      />
    </div>
  );
}
