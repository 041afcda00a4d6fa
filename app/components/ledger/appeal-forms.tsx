import { getFormProps, getInputProps, getTextareaProps, useForm, type SubmissionResult } from "@conform-to/react";
import { Form, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Field, FormError } from "~/components/field";

type LastResult = SubmissionResult<string[]> | null | undefined;

/** The manager's answer: accept (reverse all or part of the penalty) or reject, always with a response. */
export function AppealDecisionForm({
  lastResult,
  net,
}: {
  lastResult: LastResult;
  net: { amount: number; points: number };
}) {
  const { t } = useTranslation("ledger");
  const navigation = useNavigation();
  const [form, fields] = useForm({
    id: "ledger-appeal-decision",
    lastResult: lastResult ?? undefined,
    defaultValue: { amount: String(Math.abs(net.amount)), points: String(Math.abs(net.points)), response: "" },
  });
  return (
    <Form method="post" {...getFormProps(form)} className="card space-y-4 p-6">
      <div>
        <h2 className="text-base font-semibold text-slate-900">{t("appeal.decide")}</h2>
        <p className="mt-1 text-sm text-slate-500">{t("appeal.decideHint")}</p>
      </div>
      <FormError errors={form.errors} />
      <div className="grid gap-4 sm:grid-cols-2">
        <Field id={fields.amount.id} label={t("appeal.reverseAmount")} errors={fields.amount.errors}>
          <input
            {...getInputProps(fields.amount, { type: "number" })}
            min={0}
            max={Math.abs(net.amount)}
            step="0.01"
            className="input"
          />
        </Field>
        <Field id={fields.points.id} label={t("appeal.reversePoints")} errors={fields.points.errors}>
          <input
            {...getInputProps(fields.points, { type: "number" })}
            min={0}
            max={Math.abs(net.points)}
            step={1}
            className="input"
          />
        </Field>
      </div>
      <Field id={fields.response.id} label={t("appeal.response")} errors={fields.response.errors}>
        <textarea {...getTextareaProps(fields.response)} rows={3} maxLength={500} className="input" />
      </Field>
      <div className="flex flex-wrap justify-end gap-2">
        <button
          type="submit"
          name="intent"
          value="reject"
          className="btn-danger"
          disabled={navigation.state !== "idle"}
        >
          {t("appeal.reject")}
        </button>
        <button
          type="submit"
          name="intent"
          value="accept"
          className="btn-primary"
          disabled={navigation.state !== "idle"}
        >
          {t("appeal.accept")}
        </button>
      </div>
    </Form>
  );
}

/** The agent's appeal of a penalty. */
export function AppealForm({ lastResult, deadline }: { lastResult: LastResult; deadline: string }) {
  const { t } = useTranslation("ledger");
  const navigation = useNavigation();
  const [form, fields] = useForm({ id: "ledger-appeal", lastResult: lastResult ?? undefined });
  return (
    <Form method="post" {...getFormProps(form)} className="card space-y-4 p-6">
      <input type="hidden" name="intent" value="appeal" />
      <div>
        <h2 className="text-base font-semibold text-slate-900">{t("mine.appealTitle")}</h2>
        <p className="mt-1 text-sm text-slate-500">{t("mine.appealHint", { deadline })}</p>
      </div>
      <FormError errors={form.errors} />
      <Field id={fields.reason.id} label={t("mine.appealReason")} errors={fields.reason.errors}>
        <textarea {...getTextareaProps(fields.reason)} rows={4} maxLength={500} className="input" />
      </Field>
      <div className="flex justify-end">
        <button type="submit" className="btn-primary" disabled={navigation.state !== "idle"}>
          {t("mine.appealSubmit")}
        </button>
      </div>
    </Form>
  );
}

export function WithdrawForm({ appealId }: { appealId: string }) {
  const { t } = useTranslation("ledger");
  const navigation = useNavigation();
  return (
    <Form method="post" className="flex justify-end">
      <input type="hidden" name="intent" value="withdraw" />
      <input type="hidden" name="appealId" value={appealId} />
      <button type="submit" className="btn-ghost" disabled={navigation.state !== "idle"}>
        {t("mine.withdraw")}
      </button>
    </Form>
  );
}
