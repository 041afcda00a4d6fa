import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useActionData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { titleFromLoader } from "~/components/meta";
import { PageHeader } from "~/components/page-header";
import { RubricBuilder } from "~/components/qa/rubric-builder/rubric-builder";
import { pageTitle } from "~/modules/i18n/page-title.server";
import { clientIp, requirePermission } from "~/modules/identity/session.server";
import { parseDefinitionField } from "~/modules/qa/rubrics/rubric-schema";
import { createRubric } from "~/modules/qa/rubrics/rubrics.server";
import { criterionArticleErrors } from "~/modules/training/kb/kb.server";
import { redirectWithFlash } from "~/utils/flash.server";

export const meta = titleFromLoader;

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "manage:rubric:any");
  return { pageTitle: await pageTitle(request, "qa-rubrics:new.title") };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, "manage:rubric:any");
  const form = await request.formData();
  const parsed = parseDefinitionField(form.get("definition"));
  if (!parsed.ok) return data({ errors: parsed.errors, formErrors: [] as string[] }, { status: 400 });
  const articleErrors = await criterionArticleErrors(parsed.value);
  if (Object.keys(articleErrors).length > 0) {
    return data({ errors: articleErrors, formErrors: [] as string[] }, { status: 400 });
  }
  const result = await createRubric(parsed.value, { id: user.id, ipAddress: clientIp(request) });
  if (!result.ok) {
    return data({ errors: {}, formErrors: [`qa-rubrics:errors.${result.reason}`] }, { status: result.status });
  }
  return redirectWithFlash(`/qa/rubrics/${result.rubricId}`, {
    kind: "success",
    message: "qa-rubrics:flash.created",
    params: { name: parsed.value.name },
  });
}

export default function NewRubricPage() {
  const { t } = useTranslation(["qa-rubrics", "common"]);
  const actionData = useActionData<typeof action>();
  return (
    <div>
      <PageHeader
        title={t("new.title")}
        description={t("new.description")}
        actions={
          <Link to="/qa/rubrics" className="btn-ghost">
            {t("common:actions.back")}
          </Link>
        }
      />
      <RubricBuilder actionData={actionData} submitLabel={t("new.submit")} cancelTo="/qa/rubrics" />
    </div>
  );
}
