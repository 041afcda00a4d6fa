/** Form schemas of /kpi/settings (pure). Messages are catalogue keys. */
import { z } from "zod";

export const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;

const TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** "09:30" → 570; assumes the TIME pattern already matched. */
export function minutesFromTime(value: string): number {
  const [hours, minutes] = value.split(":").map(Number) as [number, number];
  return hours * 60 + minutes;
}

export function timeFromMinutes(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;
}

export function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

const time = z.string({ error: "validation:required" }).regex(TIME, { error: "kpi:settings.errors.time" });

export const AttributionSchema = z.object({
  intent: z.literal("attribution"),
  attribution: z.enum(["last_agent", "split"], { error: "validation:invalidChoice" }),
});

export const BusinessHoursSchema = z
  .object({
    intent: z.literal("hours"),
    teamId: z.string().min(1).max(64),
    enabled: z.boolean().optional(),
    workingDays: z.array(z.number().int().min(1).max(7), { error: "kpi:settings.errors.days" }).optional(),
    start: time,
    end: time,
    timeZone: z
      .string({ error: "validation:required" })
      .trim()
      .min(1, { error: "validation:required" })
      .max(64)
      .refine(isTimeZone, { error: "kpi:settings.errors.timeZone" }),
  })
  .superRefine((value, ctx) => {
    if (TIME.test(value.start) && TIME.test(value.end) && minutesFromTime(value.end) <= minutesFromTime(value.start)) {
      ctx.addIssue({ code: "custom", path: ["end"], message: "kpi:settings.errors.endAfterStart" });
    }
    if (value.enabled && (value.workingDays ?? []).length === 0) {
      ctx.addIssue({ code: "custom", path: ["workingDays"], message: "kpi:settings.errors.days" });
    }
  });

export const RecomputeSchema = z.object({
  intent: z.literal("recompute"),
  kind: z.enum(["month", "quarter", "year"], { error: "validation:invalidChoice" }),
  month: z
    .string()
    .regex(/^\d{4}-\d{2}$/, { error: "kpi:settings.errors.period" })
    .optional(),
  quarter: z
    .string()
    .regex(/^\d{4}-Q[1-4]$/, { error: "kpi:settings.errors.period" })
    .optional(),
  year: z
    .string()
    .regex(/^\d{4}$/, { error: "kpi:settings.errors.period" })
    .optional(),
});
