/** Form schemas for the level pages (shared by the routes and their tests). Messages are catalogue keys. */
import { z } from "zod";
import { CRITERION_KINDS, type CriterionSpec } from "./criteria";

const required = "validation:required";

export const PROPOSAL_STATUSES = ["pending", "approved", "rejected", "superseded"] as const;
export type ProposalStatus = (typeof PROPOSAL_STATUSES)[number];

const CriterionRowSchema = z.object({
  kind: z.enum(CRITERION_KINDS, { message: required }),
  threshold: z.number({ message: "levels:errors.number" }).optional(),
  months: z.number({ message: "levels:errors.months" }).int("levels:errors.months").optional(),
  kpiKey: z.string().trim().optional(),
  examSlug: z.string().trim().optional(),
});

/** Which fields each kind needs, and their ranges. */
const NEEDS: Record<
  CriterionSpec["kind"],
  { threshold?: [number, number]; months?: boolean; kpiKey?: boolean; examSlug?: boolean }
> = {
  tenure_months: { threshold: [0, 600] },
  certificate: { examSlug: true },
  qa_average: { threshold: [0, 100], months: true },
  kpi: { threshold: [0, 1_000_000], months: true, kpiKey: true },
  feedback_score: { threshold: [1, 5] },
  no_red_line: { months: true },
};

export const LevelEditSchema = z
  .object({
    name: z.string({ message: required }).trim().min(1, required).max(40, "levels:errors.tooLong"),
    nameEn: z.string({ message: required }).trim().min(1, required).max(80, "levels:errors.tooLong"),
    payBand: z.string({ message: required }).trim().min(1, required).max(60, "levels:errors.tooLong"),
    duties: z.string().trim().max(4000, "levels:errors.tooLong").default(""),
    demoteBelow: z.boolean().default(false),
    criteria: z.array(CriterionRowSchema).max(12, "levels:errors.tooMany").default([]),
  })
  .superRefine((value, context) => {
    value.criteria.forEach((row, index) => {
      const needs = NEEDS[row.kind];
      const issue = (field: string, message: string) =>
        context.addIssue({ code: "custom", path: ["criteria", index, field], message });
      if (needs.threshold) {
        const [min, max] = needs.threshold;
        if (row.threshold === undefined) issue("threshold", required);
        else if (row.threshold < min || row.threshold > max) issue("threshold", `levels:errors.range.${row.kind}`);
      }
      if (needs.months) {
        if (row.months === undefined) issue("months", required);
        else if (row.months < 1 || row.months > 24) issue("months", "levels:errors.months");
      }
      if (needs.kpiKey && !row.kpiKey) issue("kpiKey", required);
      if (needs.examSlug && !row.examSlug) issue("examSlug", required);
    });
  })
  .transform((value) => ({
    ...value,
    criteria: value.criteria.map((row): CriterionSpec => {
      const needs = NEEDS[row.kind];
      return {
        kind: row.kind,
        threshold: needs.threshold ? (row.threshold ?? null) : null,
        months: needs.months ? (row.months ?? null) : null,
        kpiKey: needs.kpiKey ? (row.kpiKey ?? null) : null,
        examSlug: needs.examSlug ? (row.examSlug ?? null) : null,
      };
    }),
  }));
export type LevelEdit = z.output<typeof LevelEditSchema>;

export const DecisionSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("approve"), reason: z.string().trim().max(500, "levels:errors.tooLong").optional() }),
  z.object({
    intent: z.literal("reject"),
    reason: z
      .string({ message: "levels:errors.reasonRequired" })
      .trim()
      .min(2, "levels:errors.reasonRequired")
      .max(500, "levels:errors.tooLong"),
  }),
]);

export const ManualChangeSchema = z.object({
  levelId: z.string({ message: required }).min(1, required),
  reason: z
    .string({ message: "levels:errors.reasonRequired" })
    .trim()
    .min(2, "levels:errors.reasonRequired")
    .max(500, "levels:errors.tooLong"),
});
