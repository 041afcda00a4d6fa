import { getFormProps, getInputProps, getTextareaProps, useForm, type SubmissionResult } from "@conform-to/react";
import { Form, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Field, FormError } from "~/components/field";

type LastResult = SubmissionResult<string[]> | null | undefined;

/** Approve (note optional) or reject (note required) a proposed entry. */
export function DecideForm({ lastResult }: { lastResult: LastResult }) {
  const { t } = useTranslation("ledger");
  const navigation = useNavigation();
  const [form, fields] = useForm({ id: "ledger-decide", lastResult: lastResult ?? undefined });
  return (
    <Form method="post" {...getFormProps(form)} className="card space-y-4 p-6">
      <h2 className="text-base font-semibold text-slate-900">{t("entry.decide")}</h2>
      <FormError errors={form.errors} />
      <Field
        id={fields.note.id}
        label={t("fields.decisionNote")}
        errors={fields.note.errors}
        hint={t("entry.noteHint")}
      >
        <textarea {...getTextareaProps(fields.note)} rows={2} maxLength={500} className="input" />
      </Field>
      <div className="flex flex-wrap justify-end gap-2">
        <button
          type="submit"
          name="intent"
          value="reject"
          className="btn-danger"
          disabled={navigation.state !== "idle"}
        >
          {t("entry.reject")}
        </button>
        <button
          type="submit"
          name="intent"
          value="approve"
          className="btn-primary"
          disabled={navigation.state !== "idle"}
        >
          {t("entry.approve")}
        </button>
      </div>
    </Form>
  );
}

/** A correction: signed adjustments added to the entry's net, in a payroll month, with a reason. */
export function CorrectForm({
  lastResult,
  defaultMonth,
  net,
}: {
  lastResult: LastResult;
  defaultMonth: string;
  net: { amount: number; points: number };
}) {
  const { t } = useTranslation("ledger");
  const navigation = useNavigation();
  const [form, fields] = useForm({
    id: "ledger-correct",
    lastResult: lastResult ?? undefined,
    defaultValue: { amount: "0", points: "0", month: defaultMonth, reason: "" },
  });
  return (
    <Form method="post" {...getFormProps(form)} className="card space-y-4 p-6">
      <input type="hidden" name="intent" value="correct" />
      <div>
        <h2 className="text-base font-semibold text-slate-900">{t("entry.correct")}</h2>
        <p className="mt-1 text-sm text-slate-500">
          {t("entry.correctHint", { amount: net.amount, points: net.points })}
        </p>
      </div>
      <FormError errors={form.errors} />
      <div className="grid gap-4 sm:grid-cols-3">
        <Field id={fields.amount.id} label={t("entry.adjustAmount")} errors={fields.amount.errors}>
          <input {...getInputProps(fields.amount, { type: "number" })} step="0.01" className="input" />
        </Field>
        <Field id={fields.points.id} label={t("entry.adjustPoints")} errors={fields.points.errors}>
          <input {...getInputProps(fields.points, { type: "number" })} step={1} className="input" />
        </Field>
        <Field id={fields.month.id} label={t("fields.month")} errors={fields.month.errors}>
          <input {...getInputProps(fields.month, { type: "month" })} className="input" />
        </Field>
      </div>
      <Field id={fields.reason.id} label={t("fields.reason")} errors={fields.reason.errors}>
        <textarea {...getTextareaProps(fields.reason)} rows={2} maxLength={500} className="input" />
      </Field>
      <div className="flex justify-end">
        <button type="submit" className="btn-secondary" disabled={navigation.state !== "idle"}>
          {t("entry.correctSubmit")}
        </button>
      </div>
    </Form>
  );
}
