import { Form, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { FormError } from "~/components/field";
import type { Scorecard } from "~/modules/qa/disputes/dispute-view.server";
import { useFormat } from "~/utils/use-format";
import { useValueLabel } from "./labels";

/** What a conform reply carries back to the page after a refused submission. */
export type FormReply = {
  status?: string;
  initialValue?: Record<string, unknown> | null;
  error?: Record<string, string[] | null | undefined> | null;
} | null;

type Row = { selected?: string; reason?: string; proposed?: string };

export function replyFor(reply: FormReply | undefined, intent: string): FormReply {
  return reply?.initialValue?.intent === intent ? reply : null;
}

function FieldErrorText({ id, errors }: { id: string; errors?: string[] | null }) {
  const { t } = useTranslation();
  if (!errors?.length) return null;
  return (
    <p id={id} className="mt-1 text-xs text-rose-600" role="alert">
      {errors.map((error) => t(error)).join("；")}
    </p>
  );
}

/** Choose criteria, give a reason for each and optionally the value you think is right. */
export function DisputeForm({ scorecard, until, reply }: { scorecard: Scorecard; until?: string; reply: FormReply }) {
  const { t } = useTranslation("qa-disputes");
  const format = useFormat();
  const valueLabel = useValueLabel();
  const navigation = useNavigation();
  const rows = (reply?.initialValue?.items as Row[] | undefined) ?? [];
  const errors = reply?.error ?? {};
  const criteria = scorecard.sections.flatMap((section) => section.criteria);
  return (
    <Form method="post" className="space-y-4" aria-labelledby="dispute-form-heading" noValidate>
      <input type="hidden" name="intent" value="dispute" />
      <div>
        <h3 id="dispute-form-heading" className="font-semibold text-slate-900">
          {t("disputeForm.title")}
        </h3>
        <p className="mt-1 text-sm text-slate-500">
          {until ? t("disputeForm.deadline", { when: format.dateTime(until) }) : null} {t("disputeForm.help")}
        </p>
      </div>
      <FormError errors={errors[""] ?? undefined} />
      <ul className="space-y-3">
        {criteria.map((criterion, index) => {
          const row = rows[index] ?? {};
          const prefix = `items[${index}]`;
          return (
            <li
              key={criterion.id}
              className="group rounded-md border border-slate-200 p-3 has-[input:checked]:border-brand-300"
            >
              <input type="hidden" name={`${prefix}.criterionId`} value={criterion.id} />
              <label className="flex items-center gap-2 text-sm">
                <input
                  type="checkbox"
                  name={`${prefix}.selected`}
                  defaultChecked={row.selected === "on"}
                  className="h-4 w-4 rounded border-slate-300"
                />
                <span className="font-medium text-slate-900">{criterion.name}</span>
                <span className="text-slate-500">
                  {t("disputeForm.current", { value: valueLabel(criterion, criterion.value) })}
                </span>
              </label>
              <FieldErrorText id={`${prefix}-selected-error`} errors={errors[`${prefix}.selected`]} />
              {/* Reason and proposal open once the criterion is ticked (pure CSS, works before hydration). */}
              <div className="mt-3 hidden gap-3 group-has-[input:checked]:grid sm:grid-cols-3">
                <div className="sm:col-span-2">
                  <label htmlFor={`${prefix}-reason`} className="label">
                    {t("disputeForm.reason")}
                  </label>
                  <textarea
                    id={`${prefix}-reason`}
                    name={`${prefix}.reason`}
                    rows={2}
                    className="input"
                    defaultValue={row.reason ?? ""}
                    placeholder={t("disputeForm.reasonPlaceholder")}
                    aria-invalid={errors[`${prefix}.reason`] ? true : undefined}
                  />
                  <FieldErrorText id={`${prefix}-reason-error`} errors={errors[`${prefix}.reason`]} />
                </div>
                <div>
                  <label htmlFor={`${prefix}-proposed`} className="label">
                    {t("disputeForm.proposed")}
                  </label>
                  <select
                    id={`${prefix}-proposed`}
                    name={`${prefix}.proposed`}
                    className="input"
                    defaultValue={row.proposed ?? ""}
                  >
                    <option value="">{t("disputeForm.noProposal")}</option>
                    {criterion.values.map((value) => (
                      <option key={value} value={value}>
                        {valueLabel(criterion, value)}
                      </option>
                    ))}
                    {criterion.allowNa ? <option value="na">{t("values.na")}</option> : null}
                  </select>
                  <FieldErrorText id={`${prefix}-proposed-error`} errors={errors[`${prefix}.proposed`]} />
                </div>
              </div>
            </li>
          );
        })}
      </ul>
      <button type="submit" className="btn-primary" disabled={navigation.state === "submitting"}>
        {t("disputeForm.submit")}
      </button>
    </Form>
  );
}

export function EscalateForm({ disputeId, until, reply }: { disputeId: string; until?: string; reply: FormReply }) {
  const { t } = useTranslation("qa-disputes");
  const format = useFormat();
  const navigation = useNavigation();
  const errors = reply?.error?.reason;
  return (
    <Form method="post" className="space-y-3" aria-labelledby="escalate-heading" noValidate>
      <input type="hidden" name="intent" value="escalate" />
      <input type="hidden" name="disputeId" value={disputeId} />
      <h3 id="escalate-heading" className="font-semibold text-slate-900">
        {t("escalate.title")}
      </h3>
      <p className="text-sm text-slate-500">
        {t("escalate.help")} {until ? t("escalate.deadline", { when: format.dateTime(until) }) : null}
      </p>
      <div>
        <label htmlFor="escalate-reason" className="label">
          {t("escalate.reason")}
        </label>
        <textarea
          id="escalate-reason"
          name="reason"
          rows={3}
          className="input"
          defaultValue={(reply?.initialValue?.reason as string | undefined) ?? ""}
          aria-invalid={errors ? true : undefined}
        />
        <FieldErrorText id="escalate-reason-error" errors={errors} />
      </div>
      <button type="submit" className="btn-secondary" disabled={navigation.state === "submitting"}>
        {t("escalate.submit")}
      </button>
    </Form>
  );
}

export function WithdrawButton({ disputeId }: { disputeId: string }) {
  const { t } = useTranslation("qa-disputes");
  const navigation = useNavigation();
  return (
    <Form
      method="post"
      onSubmit={(event) => {
        if (!window.confirm(t("withdraw.confirm"))) event.preventDefault();
      }}
    >
      <input type="hidden" name="intent" value="withdraw" />
      <input type="hidden" name="disputeId" value={disputeId} />
      <button type="submit" className="btn-ghost text-rose-600" disabled={navigation.state === "submitting"}>
        {t("withdraw.submit")}
      </button>
    </Form>
  );
}

export function AcknowledgeButton() {
  const { t } = useTranslation("qa-disputes");
  const navigation = useNavigation();
  return (
    <Form method="post">
      <input type="hidden" name="intent" value="acknowledge" />
      <button type="submit" className="btn-primary" disabled={navigation.state === "submitting"}>
        {t("acknowledge.submit")}
      </button>
    </Form>
  );
}
