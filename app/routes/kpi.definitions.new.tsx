import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Field } from "~/components/field";
import { DefinitionFields } from "~/components/kpi/definition-form";
import { titleFromLoader } from "~/components/meta";
import { PageHeader } from "~/components/page-header";
import { pageTitle } from "~/modules/i18n/page-title.server";
import { clientIp, requirePermission } from "~/modules/identity/session.server";
import { NewDefinitionSchema } from "~/modules/kpi/definition-schemas";
import { createDefinition, definitionFormDefaults, definitionFormOptions } from "~/modules/kpi/definitions.server";
import { displayUnitsFor } from "~/modules/kpi/format";
import { isKpiMetricKey, KPI_METRIC_KEYS, KPI_METRICS, type KpiMetricKey } from "~/modules/kpi/metrics";
import { redirectWithFlash } from "~/utils/flash.server";

export const meta = titleFromLoader;

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "manage:kpi:any");
  const requested = new URL(request.url).searchParams.get("metric") ?? "";
  const metric: KpiMetricKey = isKpiMetricKey(requested) ? requested : KPI_METRIC_KEYS[0];
  return {
    pageTitle: await pageTitle(request, "kpi:definitions.new"),
    metric,
    metrics: KPI_METRIC_KEYS.map((key) => ({ key, nameZh: KPI_METRICS[key].nameZh, nameEn: KPI_METRICS[key].nameEn })),
    options: await definitionFormOptions(),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, "manage:kpi:any");
  const submission = parseWithZod(await request.formData(), { schema: NewDefinitionSchema });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  const result = await createDefinition(submission.value, { id: user.id, ipAddress: clientIp(request) });
  if (!result.ok) return data(submission.reply({ fieldErrors: result.fieldErrors }), { status: result.status });
  return redirectWithFlash(`/kpi/definitions/${result.id}`, {
    kind: "success",
    message: "kpi:definitions.created",
    params: { name: submission.value.nameZh },
  });
}

export default function NewKpiDefinitionPage() {
  const { t, i18n } = useTranslation(["kpi", "common"]);
  const { metric, metrics, options } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const navigation = useNavigation();
  const [, setSearchParams] = useSearchParams();
  const catalogue = KPI_METRICS[metric];
  const units = displayUnitsFor(catalogue.unit);
  const targetRows = definitionFormDefaults({ targets: [], unit: units[0]! }, options);
  const [form, fields] = useForm({
    id: `new-kpi-${metric}`,
    lastResult,
    defaultValue: {
      key: metric.replace(/_(median|mean|percent)$/, ""),
      metric,
      nameZh: catalogue.nameZh,
      nameEn: catalogue.nameEn,
      description: "",
      direction: catalogue.direction,
      unit: units[0],
      position: 100,
      active: "on",
      targets: targetRows,
    },
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: NewDefinitionSchema }),
  });
  return (
    <div>
      <PageHeader
        title={t("definitions.new")}
        description={t("definitions.newDescription")}
        actions={
          <Link to="/kpi/definitions" className="btn-ghost">
            {t("common:actions.back")}
          </Link>
        }
      />
      <Form method="post" {...getFormProps(form)} className="card max-w-3xl space-y-5 p-6">
        <div className="grid gap-4 sm:grid-cols-2">
          <Field id={fields.metric.id} label={t("definitions.fields.metric")} errors={fields.metric.errors}>
            <select
              id={fields.metric.id}
              name={fields.metric.name}
              value={metric}
              onChange={(event) => setSearchParams({ metric: event.target.value }, { replace: true })}
              className="input"
            >
              {metrics.map((entry) => (
                <option key={entry.key} value={entry.key}>
                  {i18n.language.startsWith("zh") ? entry.nameZh : entry.nameEn}（{entry.key}）
                </option>
              ))}
            </select>
          </Field>
          <Field
            id={fields.key.id}
            label={t("definitions.fields.key")}
            errors={fields.key.errors}
            hint={t("definitions.fields.keyHint")}
          >
            <input
              id={fields.key.id}
              name={fields.key.name}
              defaultValue={fields.key.initialValue}
              className="input font-mono"
            />
          </Field>
        </div>
        <p className="rounded-md bg-slate-50 px-3 py-2 text-sm text-slate-600">{t(`formulas.${metric}`)}</p>
        <DefinitionFields
          form={form as never}
          fields={fields as never}
          options={{ ...options, units }}
          targetRows={targetRows}
          selectedTeamIds={[]}
        />
        <button type="submit" className="btn-primary" disabled={navigation.state === "submitting"}>
          {t("common:actions.create")}
        </button>
      </Form>
    </div>
  );
}
