/** The award programme form (shared by the routes, the server module and tests). Messages are catalogue keys. */
import { z } from "zod";
import { unknownPlaceholders } from "./certificate";

const required = "validation:required";
const tooLong = "validation:tooLong";
const whole = (min: number, max: number, message: string) =>
  z.number({ message }).int(message).min(min, message).max(max, message);

const MetricRowSchema = z.object({
  kpiKey: z.string({ message: required }).trim().min(1, required),
  /** Blank = the KPI is not part of the composite. */
  weight: z.number({ message: "awards:programForm.errors.weight" }).optional(),
});

export const ProgramFormSchema = z
  .object({
    key: z
      .string()
      .trim()
      .max(40, tooLong)
      .regex(/^[a-z0-9][a-z0-9-]*$/, "awards:programForm.errors.key")
      .optional(),
    name: z.string({ message: required }).trim().min(1, required).max(60, tooLong),
    description: z.string().trim().max(1000, tooLong).default(""),
    subjectKind: z.enum(["individual", "team"], { message: "validation:invalidChoice" }),
    kind: z.enum(["composite", "improvement"], { message: "validation:invalidChoice" }),
    cadence: z.enum(["month", "quarter", "year"], { message: "validation:invalidChoice" }),
    normalisation: z.enum(["percentile", "zscore"], { message: "validation:invalidChoice" }),
    zClip: z
      .number({ message: "awards:programForm.errors.zClip" })
      .min(0.5, "awards:programForm.errors.zClip")
      .max(10, "awards:programForm.errors.zClip")
      .default(3),
    priorStrength: z
      .number({ message: "awards:programForm.errors.priorStrength" })
      .min(0, "awards:programForm.errors.priorStrength")
      .max(10000, "awards:programForm.errors.priorStrength"),
    minConversations: whole(0, 100000, "awards:programForm.errors.count").default(0),
    minQaReviews: whole(0, 1000, "awards:programForm.errors.count").default(0),
    excludeRedLine: z.boolean().default(false),
    minTenureMonths: whole(0, 600, "awards:programForm.errors.count").default(0),
    cooldownPeriods: whole(1, 120, "awards:programForm.errors.cooldown").optional(),
    winnerCount: whole(1, 100, "awards:programForm.errors.winnerCount"),
    winnersPerTeam: z.boolean().default(false),
    tieBreakers: z.array(z.string().trim()).max(5).default([]),
    bonusAmount: z
      .number({ message: "awards:programForm.errors.bonus" })
      .min(0, "awards:programForm.errors.bonus")
      .max(1_000_000, "awards:programForm.errors.bonus")
      .default(0),
    certificateText: z.string().trim().max(500, tooLong).default(""),
    active: z.boolean().default(false),
    metrics: z.array(MetricRowSchema).max(40).default([]),
  })
  .superRefine((value, context) => {
    const issue = (path: (string | number)[], message: string) => context.addIssue({ code: "custom", path, message });
    value.metrics.forEach((row, index) => {
      if (row.weight !== undefined && !(row.weight > 0 && row.weight <= 1000))
        issue(["metrics", index, "weight"], "awards:programForm.errors.weight");
    });
    const used = value.metrics.filter((row) => row.weight !== undefined);
    if (used.length === 0) issue(["metrics"], "awards:programForm.errors.noMetrics");
    const keys = used.map((row) => row.kpiKey);
    if (new Set(keys).size !== keys.length) issue(["metrics"], "awards:programForm.errors.duplicateMetric");
    const breakers = value.tieBreakers.filter(Boolean);
    if (new Set(breakers).size !== breakers.length) issue(["tieBreakers"], "awards:programForm.errors.tieBreakers");
    const unknown = unknownPlaceholders(value.certificateText);
    if (unknown.length > 0) issue(["certificateText"], "awards:programForm.errors.placeholder");
  })
  .transform((value) => ({
    ...value,
    cooldownPeriods: value.cooldownPeriods ?? null,
    tieBreakers: value.tieBreakers.filter(Boolean),
    metrics: value.metrics
      .filter((row): row is { kpiKey: string; weight: number } => row.weight !== undefined)
      .map((row, position) => ({ kpiKey: row.kpiKey, weight: row.weight, position })),
  }));
export type ProgramFormValue = z.output<typeof ProgramFormSchema>;

/** Each weight as a share of the total, in percent (what the form shows next to the inputs). */
export function weightShares(weights: (number | null | undefined)[]): (number | null)[] {
  const total = weights.reduce<number>((sum, weight) => sum + (weight && weight > 0 ? weight : 0), 0);
  return weights.map((weight) => (weight && weight > 0 && total > 0 ? (weight / total) * 100 : null));
}
