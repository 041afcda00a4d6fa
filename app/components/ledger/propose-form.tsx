import {
  getFormProps,
  getInputProps,
  getSelectProps,
  getTextareaProps,
  useForm,
  type SubmissionResult,
} from "@conform-to/react";
import { Form, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Field, FormError } from "~/components/field";
import { PROPOSABLE_KINDS } from "~/modules/ledger/ledger-rules";

export type PersonOption = { id: string; name: string; externalId: string; team: { name: string } | null };

export function ProposeForm({
  people,
  defaults,
  lastResult,
}: {
  people: PersonOption[];
  defaults: { userId: string; month: string; kind: string };
  lastResult?: SubmissionResult<string[]> | null;
}) {
  const { t } = useTranslation("ledger");
  const navigation = useNavigation();
  const [form, fields] = useForm({
    id: "ledger-propose",
    lastResult: lastResult ?? undefined,
    defaultValue: { ...defaults, amount: "0", points: "0", reason: "", evidenceUrl: "" },
    shouldRevalidate: "onBlur",
  });
  return (
    <Form method="post" {...getFormProps(form)} className="card space-y-4 p-6">
      <FormError errors={form.errors} />
      <Field id={fields.userId.id} label={t("fields.person")} errors={fields.userId.errors} hint={t("new.personHint")}>
        <select {...getSelectProps(fields.userId)} className="input">
          <option value="">{t("new.choosePerson")}</option>
          {people.map((person) => (
            <option key={person.id} value={person.id}>
              {person.name} · {person.externalId} · {person.team?.name ?? t("entry.noTeam")}
            </option>
          ))}
        </select>
      </Field>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field id={fields.kind.id} label={t("fields.kind")} errors={fields.kind.errors} hint={t("new.kindHint")}>
          <select {...getSelectProps(fields.kind)} className="input">
            {PROPOSABLE_KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {t(`kinds.${kind}`)}
              </option>
            ))}
          </select>
        </Field>
        <Field id={fields.month.id} label={t("fields.month")} errors={fields.month.errors} hint={t("new.monthHint")}>
          <input {...getInputProps(fields.month, { type: "month" })} className="input" />
        </Field>
        <Field id={fields.amount.id} label={t("new.amount")} errors={fields.amount.errors} hint={t("new.amountHint")}>
          <input {...getInputProps(fields.amount, { type: "number" })} min={0} step="0.01" className="input" />
        </Field>
        <Field id={fields.points.id} label={t("new.points")} errors={fields.points.errors} hint={t("new.pointsHint")}>
          <input {...getInputProps(fields.points, { type: "number" })} min={0} step={1} className="input" />
        </Field>
      </div>
      <Field id={fields.reason.id} label={t("fields.reason")} errors={fields.reason.errors}>
        <textarea {...getTextareaProps(fields.reason)} rows={3} maxLength={500} className="input" />
      </Field>
      <Field
        id={fields.evidenceUrl.id}
        label={t("fields.evidence")}
        errors={fields.evidenceUrl.errors}
        hint={t("new.evidenceHint")}
      >
        <input {...getInputProps(fields.evidenceUrl, { type: "text" })} className="input" placeholder="/qa/reviews/…" />
      </Field>
      <div className="flex justify-end">
        <button type="submit" className="btn-primary" disabled={navigation.state !== "idle"}>
          {t("new.submit")}
        </button>
      </div>
    </Form>
  );
}
