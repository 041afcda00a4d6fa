/** The programme file (content/awards/programs.yaml) as zod schemas. Rules: docs/awards-fairness.md. */
import { z } from "zod";

const count = z.number().int().min(0);

export const ProgramMetricFileSchema = z.strictObject({
  kpi: z.string().trim().min(1),
  weight: z.number().positive().max(1000),
});

export const ProgramFileEntrySchema = z
  .strictObject({
    key: z
      .string()
      .trim()
      .max(40)
      .regex(/^[a-z0-9][a-z0-9-]*$/, "lowercase letters, digits and dashes"),
    name: z.string().trim().min(1).max(60),
    description: z.string().trim().max(1000).default(""),
    subjectKind: z.enum(["individual", "team"]),
    kind: z.enum(["composite", "improvement"]).default("composite"),
    cadence: z.enum(["month", "quarter", "year"]),
    normalisation: z.enum(["percentile", "zscore"]).default("percentile"),
    zClip: z.number().min(0.5).max(10).default(3),
    priorStrength: z.number().min(0).max(10000),
    minConversations: count.default(0),
    minQaReviews: count.default(0),
    excludeRedLine: z.boolean().default(true),
    minTenureMonths: count.default(0),
    cooldownPeriods: z.number().int().min(1).max(120).optional(),
    winnerCount: z.number().int().min(1).max(100),
    winnersPerTeam: z.boolean().default(false),
    tieBreakers: z.array(z.string().trim().min(1)).max(5).default([]),
    bonusAmount: z.number().min(0).max(1_000_000).default(0),
    certificateText: z.string().trim().max(500).default(""),
    metrics: z.array(ProgramMetricFileSchema).min(1).max(20),
  })
  .superRefine((program, context) => {
    const keys = program.metrics.map((metric) => metric.kpi);
    keys.forEach((key, index) => {
      if (keys.indexOf(key) !== index) {
        context.addIssue({ code: "custom", path: ["metrics", index, "kpi"], message: `KPI "${key}" appears twice` });
      }
    });
  });

export const ProgramFileSchema = z
  .strictObject({ programs: z.array(ProgramFileEntrySchema).min(1) })
  .superRefine((file, context) => {
    const keys = file.programs.map((program) => program.key);
    keys.forEach((key, index) => {
      if (keys.indexOf(key) !== index) {
        context.addIssue({ code: "custom", path: ["programs", index, "key"], message: `key "${key}" appears twice` });
      }
    });
  });

export type ProgramFileEntry = z.infer<typeof ProgramFileEntrySchema>;

/** Job payloads. */
export const ComputeCycleJobPayloadSchema = z.strictObject({
  cycleId: z.string().min(1),
  requestedById: z.string().min(1).optional(),
});
export const LeaderboardJobPayloadSchema = z.strictObject({
  /** YYYY-MM-DD, the first day of a month; without it, the current and the previous month. */
  periodStart: z
    .string()
    .regex(/^\d{4}-\d{2}-01$/)
    .optional(),
});
