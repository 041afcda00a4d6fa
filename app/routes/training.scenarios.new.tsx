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
import { CreateScenarioSchema } from "~/modules/roleplay/authoring";
import { createScenario } from "~/modules/roleplay/scenarios.server";
import { redirectWithFlash } from "~/utils/flash.server";

export const meta = titleFromLoader;

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "manage:scenario:any");
  return { pageTitle: await pageTitle(request, "roleplay:authoring.new.title") };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, "manage:scenario:any");
  const submission = parseWithZod(await request.formData(), { schema: CreateScenarioSchema });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  const result = await createScenario(submission.value, { id: user.id, ipAddress: clientIp(request) });
  if (!result.ok) {
    return data(submission.reply({ fieldErrors: { slug: ["roleplay:authoring.errors.slugTaken"] } }), { status: 409 });
  }
  return redirectWithFlash(`/training/scenarios/${result.scenarioId}/edit`, {
    kind: "success",
    message: "roleplay:authoring.flash.created",
    params: { title: submission.value.title },
  });
}

const MOODS = ["calm", "anxious", "annoyed", "angry"] as const;

export default function NewScenarioPage() {
  const { t } = useTranslation(["roleplay", "common"]);
  const lastResult = useActionData<typeof action>();
  const navigation = useNavigation();
  const [form, fields] = useForm({
    id: "new-scenario",
    lastResult,
    defaultValue: { difficulty: "medium", channel: "chat", mood: "annoyed", patience: "4" },
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: CreateScenarioSchema }),
  });
  const f = (key: string) => t(`authoring.fields.${key}`);
  const text = (name: keyof typeof fields, label: string, options: { mono?: boolean; hint?: string } = {}) => {
    const field = fields[name];
    return (
      <Field id={field.id} label={label} errors={field.errors} hint={options.hint}>
        <input
          {...getInputProps(field, { type: "text" })}
          className={`input ${options.mono ? "font-mono" : ""}`}
          autoComplete="off"
        />
      </Field>
    );
  };
  return (
    <div className="mx-auto max-w-3xl">
      <PageHeader
        title={t("authoring.new.title")}
        description={t("authoring.new.description")}
        actions={
          <Link to="/training/scenarios" className="btn-ghost">
            {t("common:actions.back")}
          </Link>
        }
      />
      <Form method="post" {...getFormProps(form)} className="card space-y-5 p-6">
        <FormError errors={form.errors} />
        <div className="grid gap-4 sm:grid-cols-2">
          {text("title", f("title"))}
          {text("slug", f("slug"), { mono: true, hint: t("authoring.hints.slug") })}
        </div>
        <Field id={fields.summary.id} label={f("summary")} errors={fields.summary.errors}>
          <textarea {...getTextareaProps(fields.summary)} rows={2} className="input" />
        </Field>
        <Field id={fields.goal.id} label={f("goal")} errors={fields.goal.errors} hint={t("authoring.hints.goal")}>
          <textarea {...getTextareaProps(fields.goal)} rows={2} className="input" />
        </Field>
        <div className="grid gap-4 sm:grid-cols-3">
          <Field id={fields.difficulty.id} label={f("difficulty")} errors={fields.difficulty.errors}>
            <select {...getSelectProps(fields.difficulty)} className="input">
              {(["easy", "medium", "hard"] as const).map((value) => (
                <option key={value} value={value}>
                  {t(`authoring.difficulty.${value}`)}
                </option>
              ))}
            </select>
          </Field>
          <Field id={fields.channel.id} label={f("channel")} errors={fields.channel.errors}>
            <select {...getSelectProps(fields.channel)} className="input">
              {(["chat", "phone"] as const).map((value) => (
                <option key={value} value={value}>
                  {t(`authoring.channel.${value}`)}
                </option>
              ))}
            </select>
          </Field>
          {text("tags", f("tags"), { hint: t("authoring.hints.tags") })}
        </div>
        <h2 className="border-t border-slate-100 pt-4 text-sm font-semibold text-slate-700">
          {t("authoring.sections.persona")}
        </h2>
        <div className="grid gap-4 sm:grid-cols-3">
          {text("personaName", f("personaName"))}
          <Field id={fields.mood.id} label={f("mood")} errors={fields.mood.errors}>
            <select {...getSelectProps(fields.mood)} className="input">
              {MOODS.map((value) => (
                <option key={value} value={value}>
                  {t(`authoring.mood.${value}`)}
                </option>
              ))}
            </select>
          </Field>
          {text("patience", f("patience"), { hint: t("authoring.hints.patience") })}
        </div>
        <Field
          id={fields.opening.id}
          label={f("opening")}
          errors={fields.opening.errors}
          hint={t("authoring.hints.opening")}
        >
          <textarea {...getTextareaProps(fields.opening)} rows={2} className="input" />
        </Field>
        <h2 className="border-t border-slate-100 pt-4 text-sm font-semibold text-slate-700">
          {t("authoring.sections.order")}
        </h2>
        <div className="grid gap-4 sm:grid-cols-2">
          {text("orderNumber", f("orderNumber"), { mono: true })}
          {text("orderedAt", f("orderedAt"), { hint: "2026-11-18" })}
          {text("productName", f("itemName"))}
          {text("price", f("price"))}
        </div>
        {text("issue", f("issue"))}
        <p className="text-sm text-slate-500">{t("authoring.new.next")}</p>
        <div className="flex justify-end gap-2">
          <Link to="/training/scenarios" className="btn-ghost">
            {t("common:actions.cancel")}
          </Link>
          <button type="submit" className="btn-primary" disabled={navigation.state === "submitting"}>
            {t("authoring.new.submit")}
          </button>
        </div>
      </Form>
    </div>
  );
}
