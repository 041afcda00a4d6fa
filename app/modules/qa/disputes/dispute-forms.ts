/**
 * Form shapes of the dispute pages (parsed with conform + zod) and the mapping from domain errors to the
 * form's field names. Field errors are catalogue keys under qa-disputes:errors.*.
 */
import { z } from "zod";
import type { DecisionError, ItemDecisionInput, ItemsCheck, ProposedItem, ScaleValue } from "./dispute-rules";

/** "" = none, "na" = N/A, otherwise a number on the scale. */
export function parseValueField(raw: string | undefined): ScaleValue | undefined | "invalid" {
  if (raw === undefined || raw === "") return undefined;
  if (raw === "na") return null;
  const value = Number(raw);
  return Number.isFinite(value) ? value : "invalid";
}

const text = z.string().max(5000).optional();

export const AgentActionSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("acknowledge") }),
  z.object({
    intent: z.literal("dispute"),
    items: z
      .array(
        z.object({
          criterionId: z.string().min(1).max(64),
          selected: z.literal("on").optional(),
          reason: text,
          proposed: z.string().max(16).optional(),
        }),
      )
      .max(200)
      .default([]),
  }),
  z.object({ intent: z.literal("escalate"), disputeId: z.string().min(1).max(64), reason: text }),
  z.object({ intent: z.literal("withdraw"), disputeId: z.string().min(1).max(64) }),
]);
export type AgentAction = z.infer<typeof AgentActionSchema>;

export const DecideFormSchema = z.object({
  intent: z.literal("decide"),
  response: text,
  items: z
    .array(
      z.object({
        itemId: z.string().min(1).max(64),
        decision: z.enum(["accept", "reject"]).optional(),
        value: z.string().max(16).optional(),
      }),
    )
    .max(200)
    .default([]),
});
export type DecideForm = z.infer<typeof DecideFormSchema>;

const errorKey = (code: string) => `qa-disputes:errors.${code}`;

/** The chosen rows of the dispute form, with their row index for error messages. */
export function proposedItems(form: Extract<AgentAction, { intent: "dispute" }>) {
  const rows: { index: number; item: ProposedItem }[] = [];
  const fieldErrors: Record<string, string[]> = {};
  form.items.forEach((row, index) => {
    if (row.selected !== "on") return;
    const proposed = parseValueField(row.proposed);
    if (proposed === "invalid") {
      fieldErrors[`items[${index}].proposed`] = [errorKey("value-off-scale")];
      return;
    }
    rows.push({ index, item: { criterionId: row.criterionId, reason: row.reason ?? "", proposed } });
  });
  return { rows, fieldErrors };
}

export function disputeItemErrors(
  check: Pick<ItemsCheck, "errors" | "formError">,
  rows: { index: number }[],
): { fieldErrors: Record<string, string[]>; formErrors: string[] } {
  const fieldErrors: Record<string, string[]> = {};
  for (const [position, errors] of Object.entries(check.errors)) {
    const index = rows[Number(position)]!.index;
    for (const [field, code] of Object.entries(errors)) {
      fieldErrors[`items[${index}].${field === "criterion" ? "selected" : field}`] = [errorKey(code)];
    }
  }
  return { fieldErrors, formErrors: check.formError ? [errorKey(check.formError)] : [] };
}

/** Decisions from the decide form; rows without a choice are left out (the rules then ask for them). */
export function decisionInputs(form: DecideForm) {
  const inputs: ItemDecisionInput[] = [];
  const fieldErrors: Record<string, string[]> = {};
  const indexOf = new Map<string, number>();
  form.items.forEach((row, index) => {
    indexOf.set(row.itemId, index);
    if (!row.decision) return;
    const value = parseValueField(row.value);
    if (value === "invalid") {
      fieldErrors[`items[${index}].value`] = [errorKey("value-off-scale")];
      return;
    }
    inputs.push({
      itemId: row.itemId,
      accept: row.decision === "accept",
      value: row.decision === "accept" ? value : undefined,
    });
  });
  return { inputs, fieldErrors, indexOf };
}

export function decisionErrors(errors: Record<string, DecisionError>, indexOf: Map<string, number>) {
  const fieldErrors: Record<string, string[]> = {};
  const formErrors: string[] = [];
  for (const [itemId, code] of Object.entries(errors)) {
    const index = indexOf.get(itemId);
    if (index === undefined) {
      formErrors.push(errorKey(code));
      continue;
    }
    const field = code === "decision-required" ? "decision" : "value";
    fieldErrors[`items[${index}].${field}`] = [errorKey(code)];
  }
  return { fieldErrors, formErrors };
}
