/** zod schemas of the ledger's forms (shared by routes and tests). Error messages are catalogue keys. */
import { z } from "zod";
import {
  isValidEvidenceLink,
  LEDGER_KINDS,
  LEDGER_STATUSES,
  MAX_AMOUNT,
  MAX_POINTS,
  PROPOSABLE_KINDS,
  REASON_MAX_LENGTH,
  REASON_MIN_LENGTH,
} from "./ledger-rules";

const required = "validation:required";

const reason = z
  .string({ message: "ledger:errors.reasonRequired" })
  .trim()
  .min(REASON_MIN_LENGTH, "ledger:errors.reasonRequired")
  .max(REASON_MAX_LENGTH, "ledger:errors.tooLong");

const magnitudeAmount = z
  .number({ message: "ledger:errors.amount" })
  .min(0, "ledger:errors.amount")
  .max(MAX_AMOUNT, "ledger:errors.amount")
  .refine((value) => Math.round(value * 100) === value * 100, "ledger:errors.amountFen")
  .default(0);
const magnitudePoints = z
  .number({ message: "ledger:errors.points" })
  .int("ledger:errors.points")
  .min(0, "ledger:errors.points")
  .max(MAX_POINTS, "ledger:errors.points")
  .default(0);

/** "2026-11" */
export const MonthSchema = z.string({ message: required }).regex(/^\d{4}-(0[1-9]|1[0-2])$/, "ledger:errors.month");

export const ProposeSchema = z
  .object({
    userId: z.string({ message: "ledger:errors.person" }).min(1, "ledger:errors.person"),
    kind: z.enum(PROPOSABLE_KINDS, { message: "validation:invalidChoice" }),
    month: MonthSchema,
    amount: magnitudeAmount,
    points: magnitudePoints,
    reason,
    evidenceUrl: z
      .string()
      .trim()
      .optional()
      .refine((value) => !value || isValidEvidenceLink(value), "ledger:errors.evidence"),
  })
  .superRefine((value, context) => {
    // 通报批评 may stand on its own; money and points kinds need at least one of them.
    if (value.kind !== "public_criticism" && value.amount === 0 && value.points === 0) {
      context.addIssue({ code: "custom", path: ["amount"], message: "ledger:errors.nothing" });
    }
  });
export type ProposeInput = z.output<typeof ProposeSchema>;

export const DecisionSchema = z.discriminatedUnion("intent", [
  z.object({
    intent: z.literal("approve"),
    note: z.string().trim().max(REASON_MAX_LENGTH, "ledger:errors.tooLong").optional(),
  }),
  z.object({
    intent: z.literal("reject"),
    note: z
      .string({ message: "ledger:errors.noteRequired" })
      .trim()
      .min(2, "ledger:errors.noteRequired")
      .max(REASON_MAX_LENGTH, "ledger:errors.tooLong"),
  }),
]);

const signedAmount = z
  .number({ message: "ledger:errors.amount" })
  .min(-MAX_AMOUNT, "ledger:errors.amount")
  .max(MAX_AMOUNT, "ledger:errors.amount")
  .refine((value) => Math.round(value * 100) === value * 100, "ledger:errors.amountFen")
  .default(0);
const signedPoints = z
  .number({ message: "ledger:errors.points" })
  .int("ledger:errors.points")
  .min(-MAX_POINTS, "ledger:errors.points")
  .max(MAX_POINTS, "ledger:errors.points")
  .default(0);

export const CorrectionSchema = z.object({
  intent: z.literal("correct"),
  amount: signedAmount,
  points: signedPoints,
  month: MonthSchema,
  reason,
});

export const EntryActionSchema = z.discriminatedUnion("intent", [...DecisionSchema.options, CorrectionSchema]);

export const AppealSchema = z.object({ reason });

export const AppealWithdrawSchema = z.object({ intent: z.literal("withdraw") });

export const AppealDecisionSchema = z.discriminatedUnion("intent", [
  z.object({
    intent: z.literal("accept"),
    response: reason,
    amount: magnitudeAmount,
    points: magnitudePoints,
  }),
  z.object({ intent: z.literal("reject"), response: reason }),
]);

const optionalEnum = <T extends readonly [string, ...string[]]>(values: T) => z.enum(values).nullable().catch(null);

/** The list filter from a URL: month ("all" = every month; default the current payroll month), team, kind, status, person. */
export function readLedgerFilter(url: URL, currentMonth: string) {
  const params = url.searchParams;
  const rawMonth = params.get("month") ?? currentMonth;
  const month = rawMonth === "all" ? null : MonthSchema.catch(currentMonth).parse(rawMonth);
  return {
    month,
    teamId: z
      .string()
      .min(1)
      .nullable()
      .catch(null)
      .parse(params.get("team") || null),
    kind: optionalEnum(LEDGER_KINDS).parse(params.get("kind") || null),
    status: optionalEnum(LEDGER_STATUSES).parse(params.get("status") || null),
    userId: null,
    person: z
      .string()
      .trim()
      .max(40)
      .nullable()
      .catch(null)
      .parse(params.get("person") || null),
  };
}
