import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { DefinitionFields } from "~/components/kpi/definition-form";
import { titleFromLoader } from "~/components/meta";
import { PageHeader } from "~/components/page-header";
import { pageTitle } from "~/modules/i18n/page-title.server";
import { clientIp, requirePermission } from "~/modules/identity/session.server";
import { DefinitionSchema } from "~/modules/kpi/definition-schemas";
import {
  definitionFormDefaults,
  definitionFormOptions,
  getDefinition,
  updateDefinition,
} from "~/modules/kpi/definitions.server";
import { displayUnitsFor } from "~/modules/kpi/format";
import { isKpiMetricKey, KPI_METRICS } from "~/modules/kpi/metrics";
import { redirectWithFlash } from "~/utils/flash.server";
import { notFound } from "~/utils/http.server";

export const meta = titleFromLoader;

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requirePermission(request, "manage:kpi:any");
  const definition = await getDefinition(params.definitionId ?? "");
  if (!definition) notFound("KPI definition not found");
  const options = await definitionFormOptions();
  const units = isKpiMetricKey(definition.metric) ? displayUnitsFor(KPI_METRICS[definition.metric].unit) : [];
  return {
    pageTitle: await pageTitle(request, "kpi:definitions.editTitle", { name: definition.nameZh }),
    definition,
    options: { ...options, units: units.length > 0 ? units : [definition.unit] },
    targetRows: definitionFormDefaults(definition, options),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requirePermission(request, "manage:kpi:any");
  const id = params.definitionId ?? "";
  const submission = parseWithZod(await request.formData(), { schema: DefinitionSchema });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  const result = await updateDefinition(id, submission.value, { id: user.id, ipAddress: clientIp(request) });
  if (!result.ok) {
    if (result.status === 404) notFound("KPI definition not found");
    return data(submission.reply({ fieldErrors: result.fieldErrors }), { status: result.status });
  }
  return redirectWithFlash(`/kpi/definitions/${id}`, {
    kind: "success",
    message: result.changed ? "kpi:definitions.saved" : "kpi:definitions.noChanges",
    params: { name: submission.value.nameZh },
  });
}

export default function EditKpiDefinitionPage() {
  const { t, i18n } = useTranslation(["kpi", "common"]);
  const { definition, options, targetRows } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const navigation = useNavigation();
  const [form, fields] = useForm({
    id: `edit-kpi-${definition.id}`,
    lastResult,
    defaultValue: {
      nameZh: definition.nameZh,
      nameEn: definition.nameEn,
      description: definition.description,
      direction: definition.direction,
      unit: definition.unit,
      position: definition.position,
      active: definition.active ? "on" : undefined,
      targets: targetRows,
    },
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: DefinitionSchema }),
  });
  return (
    <div>
      <PageHeader
        title={i18n.language.startsWith("zh") ? definition.nameZh : definition.nameEn}
        description={`${definition.key} · ${definition.metric}`}
        actions={
          <Link to="/kpi/definitions" className="btn-ghost">
            {t("common:actions.back")}
          </Link>
        }
      />
      <Form method="post" {...getFormProps(form)} className="card max-w-3xl space-y-5 p-6">
        {isKpiMetricKey(definition.metric) ? (
          <p className="rounded-md bg-slate-50 px-3 py-2 text-sm text-slate-600">
            {t(`formulas.${definition.metric}`)}
          </p>
        ) : null}
        <DefinitionFields
          form={form as never}
          fields={fields as never}
          options={options}
          targetRows={targetRows}
          selectedTeamIds={definition.teams.map((team) => team.id)}
        />
        <button type="submit" className="btn-primary" disabled={navigation.state === "submitting"}>
          {t("common:actions.save")}
        </button>
      </Form>
    </div>
  );
}
