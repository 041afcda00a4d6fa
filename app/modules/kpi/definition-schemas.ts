/**
 * Form schemas of the KPI definition pages (pure: the browser validates with the same rules, the server again).
 * Messages are catalogue keys. Targets are typed in the unit shown; the server converts hours to seconds.
 */
import { z } from "zod";
import { KPI_DISPLAY_UNITS, type KpiDisplayUnit } from "./format";
import { KPI_METRIC_KEYS } from "./metrics";

const required = { error: "validation:required" };

/** Roles that can carry their own target: the people whose numbers the KPI pages show. */
export const TARGET_ROLES = ["agent", "team_lead"] as const;

export const DEFINITION_KEY_PATTERN = /^[a-z][a-z0-9_]{1,39}$/;

const targetRow = z.object({
  scope: z.string(required).trim().min(1, required).max(80),
  value: z.number({ error: "kpi:definitions.errors.targetNumber" }).optional(),
});

/** Bounds of a target in the unit shown. */
export function targetBounds(unit: KpiDisplayUnit): { min: number; max: number } {
  if (unit === "percent" || unit === "score") return { min: 0, max: 100 };
  if (unit === "rating") return { min: 1, max: 5 };
  return { min: 0, max: 1_000_000 };
}

const editableFields = {
  nameZh: z.string(required).trim().min(1, required).max(60, { error: "validation:tooLong" }),
  nameEn: z.string(required).trim().min(1, required).max(80, { error: "validation:tooLong" }),
  description: z.string().trim().max(500, { error: "validation:tooLong" }).optional(),
  direction: z.enum(["higher", "lower"], { error: "validation:invalidChoice" }),
  unit: z.enum(KPI_DISPLAY_UNITS as [KpiDisplayUnit, ...KpiDisplayUnit[]], { error: "validation:invalidChoice" }),
  position: z
    .number({ error: "kpi:definitions.errors.position" })
    .int({ error: "kpi:definitions.errors.position" })
    .min(0, { error: "kpi:definitions.errors.position" })
    .max(999, { error: "kpi:definitions.errors.position" }),
  active: z.boolean().optional(),
  teamIds: z.array(z.string().trim().min(1).max(64)).optional(),
  targets: z.array(targetRow).max(200).optional(),
};

function checkTargets(
  value: { unit: KpiDisplayUnit; targets?: { scope: string; value?: number }[] },
  ctx: z.RefinementCtx,
) {
  const { min, max } = targetBounds(value.unit);
  value.targets?.forEach((target, index) => {
    if (target.value === undefined) return;
    if (target.value < min || target.value > max) {
      ctx.addIssue({
        code: "custom",
        path: ["targets", index, "value"],
        message: `kpi:definitions.errors.targetRange.${value.unit === "rating" ? "rating" : max === 100 ? "hundred" : "positive"}`,
      });
    }
  });
}

export const DefinitionSchema = z.object(editableFields).superRefine(checkTargets);

export const NewDefinitionSchema = z
  .object({
    key: z
      .string(required)
      .trim()
      .min(1, required)
      .regex(DEFINITION_KEY_PATTERN, { error: "kpi:definitions.errors.keyFormat" }),
    metric: z.enum(KPI_METRIC_KEYS, { error: "validation:invalidChoice" }),
    ...editableFields,
  })
  .superRefine(checkTargets);

export type DefinitionFormValue = z.infer<typeof DefinitionSchema>;
export type NewDefinitionFormValue = z.infer<typeof NewDefinitionSchema>;
