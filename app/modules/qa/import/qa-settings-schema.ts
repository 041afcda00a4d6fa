import { z } from "zod";

const days = (min: number, max: number) =>
  z
    .number({ error: "validation:required" })
    .int({ error: "qa-import:settings.errors.wholeDays" })
    .min(min, { error: "qa-import:settings.errors.range" })
    .max(max, { error: "qa-import:settings.errors.range" });

export const QA_SETTINGS_BOUNDS = { disputeWindowDays: [1, 30], disputeSlaDays: [1, 14] } as const;

export const QaSettingsSchema = z.object({
  maskPersonalData: z.boolean().optional(),
  disputeWindowDays: days(...QA_SETTINGS_BOUNDS.disputeWindowDays),
  disputeSlaDays: days(...QA_SETTINGS_BOUNDS.disputeSlaDays),
});
