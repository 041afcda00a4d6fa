import { getFormProps, getInputProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Field, FormError } from "~/components/field";
import { titleFromLoader } from "~/components/meta";
import { PageHeader } from "~/components/page-header";
import { recordAudit } from "~/modules/audit/audit.server";
import { pageTitle } from "~/modules/i18n/page-title.server";
import { clientIp, requirePermission } from "~/modules/identity/session.server";
import { QA_SETTINGS_BOUNDS, QaSettingsSchema } from "~/modules/qa/import/qa-settings-schema";
import { getQaSettings } from "~/modules/qa/settings.server";
import { db } from "~/utils/db.server";
import { redirectWithFlash } from "~/utils/flash.server";

export const meta = titleFromLoader;

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "manage:qa-settings:any");
  return { pageTitle: await pageTitle(request, "qa-import:settings.title"), settings: await getQaSettings() };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, "manage:qa-settings:any");
  const submission = parseWithZod(await request.formData(), { schema: QaSettingsSchema });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  const after = {
    maskPersonalData: submission.value.maskPersonalData ?? false,
    disputeWindowDays: submission.value.disputeWindowDays,
    disputeSlaDays: submission.value.disputeSlaDays,
  };
  await db.$transaction(async (tx) => {
    const before = await tx.qaSettings.findUnique({
      where: { id: 1 },
      select: { maskPersonalData: true, disputeWindowDays: true, disputeSlaDays: true },
    });
    await tx.qaSettings.upsert({
      where: { id: 1 },
      create: { id: 1, ...after, updatedById: user.id },
      update: { ...after, updatedById: user.id },
    });
    await recordAudit(
      {
        actorId: user.id,
        action: "qa-settings.update",
        entityType: "QaSettings",
        entityId: "1",
        before,
        after,
        ipAddress: clientIp(request),
      },
      tx,
    );
  });
  return redirectWithFlash("/admin/qa-settings", { kind: "success", message: "qa-import:settings.saved" });
}

export default function QaSettingsPage() {
  const { t } = useTranslation(["qa-import", "common"]);
  const { settings } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const navigation = useNavigation();
  const [form, fields] = useForm({
    id: "qa-settings",
    lastResult,
    defaultValue: {
      maskPersonalData: settings.maskPersonalData ? "on" : undefined,
      disputeWindowDays: String(settings.disputeWindowDays),
      disputeSlaDays: String(settings.disputeSlaDays),
    },
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: QaSettingsSchema }),
  });
  const [windowMin, windowMax] = QA_SETTINGS_BOUNDS.disputeWindowDays;
  const [slaMin, slaMax] = QA_SETTINGS_BOUNDS.disputeSlaDays;
  const rangeErrors = (errors: string[] | undefined, min: number, max: number) =>
    errors?.map((error) => (error === "qa-import:settings.errors.range" ? t(error, { min, max }) : error));

  return (
    <div>
      <PageHeader title={t("settings.title")} description={t("settings.description")} />
      <Form method="post" {...getFormProps(form)} className="card max-w-2xl space-y-6 p-6">
        <FormError errors={form.errors} />
        <div className="flex items-start gap-3">
          <input
            {...getInputProps(fields.maskPersonalData, { type: "checkbox" })}
            className="mt-1 h-4 w-4 rounded border-slate-300 text-brand-600"
          />
          <div>
            <label htmlFor={fields.maskPersonalData.id} className="text-sm font-medium text-slate-800">
              {t("settings.masking")}
            </label>
            <p className="text-xs text-slate-500">{t("settings.maskingHint")}</p>
          </div>
        </div>
        <Field
          id={fields.disputeWindowDays.id}
          label={t("settings.disputeWindowDays")}
          hint={t("settings.disputeWindowHint", { min: windowMin, max: windowMax })}
          errors={rangeErrors(fields.disputeWindowDays.errors, windowMin, windowMax)}
        >
          <input
            {...getInputProps(fields.disputeWindowDays, { type: "number" })}
            min={windowMin}
            max={windowMax}
            className="input max-w-[10rem]"
          />
        </Field>
        <Field
          id={fields.disputeSlaDays.id}
          label={t("settings.disputeSlaDays")}
          hint={t("settings.disputeSlaHint", { min: slaMin, max: slaMax })}
          errors={rangeErrors(fields.disputeSlaDays.errors, slaMin, slaMax)}
        >
          <input
            {...getInputProps(fields.disputeSlaDays, { type: "number" })}
            min={slaMin}
            max={slaMax}
            className="input max-w-[10rem]"
          />
        </Field>
        <div className="flex justify-end">
          <button type="submit" className="btn-primary" disabled={navigation.state === "submitting"}>
            {t("common:actions.save")}
          </button>
        </div>
      </Form>
    </div>
  );
}
