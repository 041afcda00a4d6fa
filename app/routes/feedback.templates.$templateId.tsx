import { parseWithZod } from "@conform-to/zod/v4";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { TemplateForm } from "~/components/feedback/template-form";
import { titleFromLoader } from "~/components/meta";
import { PageHeader } from "~/components/page-header";
import { TemplateFormSchema } from "~/modules/feedback/templates";
import { loadTemplate, updateTemplate } from "~/modules/feedback/templates.server";
import { pageTitle } from "~/modules/i18n/page-title.server";
import { clientIp, requirePermission } from "~/modules/identity/session.server";
import { redirectWithFlash } from "~/utils/flash.server";

export const meta = titleFromLoader;

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requirePermission(request, "manage:feedback-cycle:any");
  const template = await loadTemplate(params.templateId ?? "");
  return { template, pageTitle: await pageTitle(request, "feedback:templates.editTitle", { name: template.name }) };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requirePermission(request, "manage:feedback-cycle:any");
  const id = params.templateId ?? "";
  const submission = parseWithZod(await request.formData(), { schema: TemplateFormSchema });
  if (submission.status !== "success") {
    await loadTemplate(id);
    return data(submission.reply(), { status: 400 });
  }
  await updateTemplate(id, submission.value, { id: user.id, ipAddress: clientIp(request) });
  return redirectWithFlash(`/feedback/templates/${id}`, {
    kind: "success",
    message: "feedback:flash.templateSaved",
    params: { name: submission.value.name },
  });
}

export default function EditFeedbackTemplatePage() {
  const { t } = useTranslation(["feedback", "common"]);
  const { template } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  return (
    <div className="mx-auto max-w-4xl">
      <PageHeader
        title={template.name}
        description={t("templates.editIntro")}
        actions={
          <Link to="/feedback/templates" className="btn-ghost">
            {t("common:actions.back")}
          </Link>
        }
      />
      {template.cycles > 0 ? (
        <div className="mb-4 rounded-md border border-sky-200 bg-sky-50 px-4 py-3 text-sm text-sky-800">
          {t("templates.usedNotice", { count: template.cycles })}
        </div>
      ) : null}
      <TemplateForm
        key={JSON.stringify(template.competencies)}
        id={`feedback-template-${template.id}`}
        defaults={{ name: template.name, description: template.description, competencies: template.competencies }}
        lastResult={lastResult}
        submitLabel={t("common:actions.save")}
      />
    </div>
  );
}
