import { Form, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { FormError } from "~/components/field";
import type { DisputeView, Scorecard, ScorecardCriterion } from "~/modules/qa/disputes/dispute-view.server";
import type { FormReply } from "./agent-dispute-forms";
import { useValueLabel } from "./labels";

type Row = { decision?: string; value?: string };

/**
 * One row per item awaiting a decision: the agent's reason and proposal, accept (with the value to set; empty
 * takes the proposal) or reject, and the response note for the agent.
 */
export function DecideForm({
  dispute,
  pendingItemIds,
  scorecard,
  stage,
  reply,
}: {
  dispute: DisputeView;
  pendingItemIds: string[];
  scorecard: Scorecard;
  stage: number;
  reply: FormReply;
}) {
  const { t } = useTranslation(["qa-disputes", "common"]);
  const valueLabel = useValueLabel();
  const navigation = useNavigation();
  const criteria = new Map<string, ScorecardCriterion>(
    scorecard.sections.flatMap((section) => section.criteria.map((criterion) => [criterion.id, criterion] as const)),
  );
  const items = dispute.items.filter((item) => pendingItemIds.includes(item.id));
  const rows = (reply?.initialValue?.items as Row[] | undefined) ?? [];
  const errors = reply?.error ?? {};
  const errorText = (key: string) =>
    errors[key]?.length ? (
      <p className="mt-1 text-xs text-rose-600" role="alert">
        {errors[key]!.map((error) => t(error)).join("；")}
      </p>
    ) : null;

  return (
    <Form method="post" className="space-y-4" noValidate aria-labelledby="decide-heading">
      <input type="hidden" name="intent" value="decide" />
      <div>
        <h2 id="decide-heading" className="font-semibold text-slate-900">
          {t(stage === 2 ? "qa-disputes:decide.titleArbitration" : "qa-disputes:decide.title")}
        </h2>
        <p className="mt-1 text-sm text-slate-500">
          {t(stage === 2 ? "qa-disputes:decide.helpArbitration" : "qa-disputes:decide.help")}
        </p>
      </div>
      <FormError errors={errors[""] ?? undefined} />
      <ul className="space-y-3">
        {items.map((item, index) => {
          const criterion = criteria.get(item.criterionId);
          const prefix = `items[${index}]`;
          const row = rows[index] ?? {};
          return (
            <li key={item.id} className="rounded-md border border-slate-200 p-4" data-testid="decide-item">
              <input type="hidden" name={`${prefix}.itemId`} value={item.id} />
              <div className="flex flex-wrap items-baseline justify-between gap-2">
                <p className="font-medium text-slate-900">{item.criterionName}</p>
                <p className="text-sm text-slate-500">
                  {t("qa-disputes:decide.currentAndProposed", {
                    current: criterion ? valueLabel(criterion, criterion.value) : "—",
                    proposed:
                      item.proposed === null
                        ? t("qa-disputes:history.noProposal")
                        : criterion
                          ? valueLabel(criterion, item.proposed)
                          : String(item.proposed),
                  })}
                </p>
              </div>
              <p className="mt-2 whitespace-pre-line rounded bg-slate-50 px-3 py-2 text-sm text-slate-700">
                {item.reason}
              </p>
              {item.firstDecision ? (
                <p className="mt-2 text-xs text-slate-500">{t("qa-disputes:decide.rejectedAtStage1")}</p>
              ) : null}
              <fieldset className="mt-3 flex flex-wrap items-end gap-4">
                <legend className="sr-only">{t("qa-disputes:history.decision")}</legend>
                <label className="flex items-center gap-2 text-sm">
                  <input
                    type="radio"
                    name={`${prefix}.decision`}
                    value="accept"
                    defaultChecked={row.decision === "accept"}
                  />
                  {t("qa-disputes:decide.accept")}
                </label>
                <label className="flex items-center gap-2 text-sm">
                  <input
                    type="radio"
                    name={`${prefix}.decision`}
                    value="reject"
                    defaultChecked={row.decision === "reject"}
                  />
                  {t("qa-disputes:decide.reject")}
                </label>
                {criterion ? (
                  <div>
                    <label htmlFor={`${prefix}-value`} className="label">
                      {t("qa-disputes:decide.value")}
                    </label>
                    <select
                      id={`${prefix}-value`}
                      name={`${prefix}.value`}
                      className="input"
                      defaultValue={row.value ?? ""}
                    >
                      <option value="">
                        {item.proposed === null
                          ? t("qa-disputes:decide.chooseValue")
                          : t("qa-disputes:decide.useProposal", { value: valueLabel(criterion, item.proposed) })}
                      </option>
                      {criterion.values.map((value) => (
                        <option key={value} value={value}>
                          {valueLabel(criterion, value)}
                        </option>
                      ))}
                      {criterion.allowNa ? <option value="na">{t("qa-disputes:values.na")}</option> : null}
                    </select>
                  </div>
                ) : null}
              </fieldset>
              {errorText(`${prefix}.decision`)}
              {errorText(`${prefix}.value`)}
            </li>
          );
        })}
      </ul>
      <div>
        <label htmlFor="decide-response" className="label">
          {t("qa-disputes:decide.response")}
        </label>
        <textarea
          id="decide-response"
          name="response"
          rows={3}
          className="input"
          defaultValue={(reply?.initialValue?.response as string | undefined) ?? ""}
          placeholder={t("qa-disputes:decide.responsePlaceholder")}
        />
        {errorText("response")}
      </div>
      <button type="submit" className="btn-primary" disabled={navigation.state === "submitting"}>
        {t("qa-disputes:decide.submit")}
      </button>
    </Form>
  );
}
