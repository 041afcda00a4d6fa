import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { titleFromLoader } from "~/components/meta";
import { PageHeader } from "~/components/page-header";
import { RubricBuilder } from "~/components/qa/rubric-builder/rubric-builder";
import { pageTitle } from "~/modules/i18n/page-title.server";
import { clientIp, requirePermission } from "~/modules/identity/session.server";
import { parseDefinitionField } from "~/modules/qa/rubrics/rubric-schema";
import { loadRubricForEditing, saveRubric } from "~/modules/qa/rubrics/rubrics.server";
import { criterionArticleErrors, withCriterionArticles } from "~/modules/training/kb/kb.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { notFound } from "~/utils/http.server";

export const meta = titleFromLoader;

const BaseVersion = z.coerce.number().int().min(1).optional().catch(undefined);

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requirePermission(request, "manage:rubric:any");
  const rubric = await loadRubricForEditing(params.rubricId ?? "");
  if (!rubric) notFound("rubric not found");
  return {
    rubric: { ...rubric, definition: await withCriterionArticles(rubric.definition) },
    pageTitle: await pageTitle(request, "qa-rubrics:edit.title", { name: rubric.definition.name }),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requirePermission(request, "manage:rubric:any");
  const rubricId = params.rubricId ?? "";
  const form = await request.formData();
  const parsed = parseDefinitionField(form.get("definition"));
  if (!parsed.ok) return data({ errors: parsed.errors, formErrors: [] as string[] }, { status: 400 });
  const articleErrors = await criterionArticleErrors(parsed.value);
  if (Object.keys(articleErrors).length > 0) {
    return data({ errors: articleErrors, formErrors: [] as string[] }, { status: 400 });
  }
  const result = await saveRubric(
    rubricId,
    parsed.value,
    { id: user.id, ipAddress: clientIp(request) },
    { baseVersion: BaseVersion.parse(form.get("baseVersion") || undefined) },
  );
  if (!result.ok) {
    if (result.status === 404) notFound("rubric not found");
    return data({ errors: {}, formErrors: [`qa-rubrics:errors.${result.reason}`] }, { status: result.status });
  }
  return redirectWithFlash(`/qa/rubrics/${rubricId}`, {
    kind: result.outcome === "unchanged" ? "info" : "success",
    message: `qa-rubrics:flash.${result.outcome}`,
    params: { name: parsed.value.name, version: result.version },
  });
}

export default function EditRubricPage() {
  const { t } = useTranslation(["qa-rubrics", "common"]);
  const { rubric } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <div>
      <PageHeader
        title={t("edit.title", { name: rubric.definition.name })}
        description={t(rubric.inUse ? "edit.descriptionInUse" : "edit.description", { version: rubric.version })}
        actions={
          <Link to={`/qa/rubrics/${rubric.id}`} className="btn-ghost">
            {t("common:actions.back")}
          </Link>
        }
      />
      <RubricBuilder
        stored={rubric.definition}
        baseVersion={rubric.version}
        willVersion={rubric.inUse}
        actionData={actionData}
        submitLabel={t("edit.submit")}
        cancelTo={`/qa/rubrics/${rubric.id}`}
      />
    </div>
  );
}
