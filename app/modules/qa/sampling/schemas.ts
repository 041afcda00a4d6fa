/**
 * Plan form and stored-filter schemas. Pure, so the browser validates with the same rules (conform
 * onValidate) as the server. Messages are catalogue keys.
 */
import { z } from "zod";
import { isValidCron } from "./cron";
import { STRATEGIES, type Strategy, type StrategyParams } from "./strategies";
import { parseDay, type SamplingWindow } from "./window";

export const CHANNELS = ["chat", "phone", "email", "social"] as const;
export const WINDOW_KINDS = ["relative", "previous", "absolute"] as const;
export const WINDOW_UNITS = ["day", "week", "month"] as const;

const err = (key: string) => ({ error: `qa-sampling:errors.${key}` });
const required = { error: "validation:required" };

export const SamplingWindowSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("relative"), days: z.number().int().min(1).max(366) }),
  z.object({ kind: z.literal("previous"), unit: z.enum(WINDOW_UNITS) }),
  z.object({
    kind: z.literal("absolute"),
    from: z.string().refine((value) => parseDay(value) !== null),
    to: z.string().refine((value) => parseDay(value) !== null),
  }),
]);

/** What SamplingPlan.filters holds (and SamplingRun.inputs.filters, as used). */
export const SamplingFiltersSchema = z.object({
  teams: z.array(z.string()).default([]),
  agents: z.array(z.string()).default([]),
  channels: z.array(z.enum(CHANNELS)).default([]),
  tags: z.array(z.string()).default([]),
  csatMax: z.number().int().min(1).max(5).nullable().default(null),
  complaintOnly: z.boolean().default(false),
  minHandlingSeconds: z.number().int().min(0).nullable().default(null),
  minMessages: z.number().int().min(0).nullable().default(null),
  window: SamplingWindowSchema,
});
export type SamplingFilters = z.infer<typeof SamplingFiltersSchema>;

export const StrategyParamsSchema = z.object({
  percent: z.number().min(0).max(100).optional(),
  perAgent: z.number().int().min(1).optional(),
  total: z.number().int().min(1).optional(),
});

const idList = z.array(z.string().trim().min(1).max(64)).default([]);
const optionalInt = (min: number, max: number, key: string) =>
  z.number(err(key)).int(err(key)).min(min, err(key)).max(max, err(key)).optional();

/** Tags are typed comma- or space-separated (中文逗号 too). */
export function splitTags(value: string | undefined): string[] {
  if (!value) return [];
  return [
    ...new Set(
      value
        .split(/[,，、\s]+/)
        .map((tag) => tag.trim())
        .filter(Boolean),
    ),
  ];
}

export const PlanFormSchema = z
  .object({
    name: z.string(required).trim().min(1, required).max(100, { error: "validation:tooLong" }),
    description: z.string().trim().max(500, { error: "validation:tooLong" }).optional(),
    rubricId: z.string(required).trim().min(1, required),
    strategy: z.enum(STRATEGIES, { error: "validation:invalidChoice" }),
    percent: z.number(err("percentRange")).gt(0, err("percentRange")).max(100, err("percentRange")).optional(),
    perAgent: optionalInt(1, 1000, "perAgentRange"),
    total: optionalInt(1, 100_000, "totalRange"),
    teams: idList,
    agents: idList,
    channels: z.array(z.enum(CHANNELS, { error: "validation:invalidChoice" })).default([]),
    tags: z.string().trim().max(500, { error: "validation:tooLong" }).optional(),
    csatMax: optionalInt(1, 5, "csatRange"),
    complaintOnly: z.boolean().default(false),
    minHandlingSeconds: optionalInt(0, 86_400, "handlingRange"),
    minMessages: optionalInt(0, 10_000, "messagesRange"),
    windowKind: z.enum(WINDOW_KINDS, { error: "validation:invalidChoice" }),
    windowDays: optionalInt(1, 366, "daysRange"),
    windowUnit: z.enum(WINDOW_UNITS, { error: "validation:invalidChoice" }).optional(),
    windowFrom: z.string().trim().optional(),
    windowTo: z.string().trim().optional(),
    inspectorIds: z
      .array(z.string().trim().min(1).max(64), err("inspectorsRequired"))
      .min(1, err("inspectorsRequired")),
    perInspectorCap: z.number(err("capRange")).int(err("capRange")).min(1, err("capRange")).max(1000, err("capRange")),
    dueInDays: z.number(err("dueRange")).int(err("dueRange")).min(1, err("dueRange")).max(60, err("dueRange")),
    cron: z
      .string()
      .trim()
      .max(100, { error: "validation:tooLong" })
      .refine((value) => isValidCron(value), err("cronInvalid"))
      .optional(),
    active: z.boolean().default(false),
  })
  .superRefine((value, context) => {
    const need = (path: string, message = "validation:required") =>
      context.addIssue({ code: "custom", path: [path], message });
    if (value.strategy === "random_percent" && value.percent === undefined)
      need("percent", "qa-sampling:errors.percentRange");
    if (value.strategy === "fixed_per_agent" && value.perAgent === undefined) need("perAgent");
    if (
      (value.strategy === "stratified_equal" || value.strategy === "stratified_proportional") &&
      value.total === undefined
    )
      need("total");
    if (value.windowKind === "relative" && value.windowDays === undefined) need("windowDays");
    if (value.windowKind === "previous" && value.windowUnit === undefined) need("windowUnit");
    if (value.windowKind === "absolute") {
      const from = value.windowFrom ? parseDay(value.windowFrom) : null;
      const to = value.windowTo ? parseDay(value.windowTo) : null;
      if (!from) need("windowFrom", "validation:invalidDate");
      if (!to) need("windowTo", "validation:invalidDate");
      if (from && to && value.windowFrom! > value.windowTo!) need("windowTo", "qa-sampling:errors.windowOrder");
    }
  });
export type PlanFormValue = z.output<typeof PlanFormSchema>;

export function windowFromForm(value: PlanFormValue): SamplingWindow {
  if (value.windowKind === "relative") return { kind: "relative", days: value.windowDays! };
  if (value.windowKind === "previous") return { kind: "previous", unit: value.windowUnit! };
  return { kind: "absolute", from: value.windowFrom!, to: value.windowTo! };
}

export function strategyParamsFromForm(value: PlanFormValue): StrategyParams {
  switch (value.strategy as Strategy) {
    case "random_percent":
      return { percent: value.percent! };
    case "fixed_per_agent":
      return { perAgent: value.perAgent! };
    case "stratified_equal":
    case "stratified_proportional":
      return { total: value.total! };
    case "targeted":
      return {};
  }
}

export function filtersFromForm(value: PlanFormValue): SamplingFilters {
  return {
    teams: value.teams,
    agents: value.agents,
    channels: value.channels,
    tags: splitTags(value.tags),
    csatMax: value.csatMax ?? null,
    complaintOnly: value.complaintOnly,
    minHandlingSeconds: value.minHandlingSeconds ?? null,
    minMessages: value.minMessages ?? null,
    window: windowFromForm(value),
  };
}

/** Form defaults for an existing plan (the inverse of filtersFromForm / strategyParamsFromForm). */
export function formDefaultsFromPlan(plan: {
  name: string;
  description: string | null;
  rubricId: string;
  strategy: Strategy;
  strategyParams: StrategyParams;
  filters: SamplingFilters;
  inspectorIds: string[];
  perInspectorCap: number;
  dueInDays: number;
  cron: string | null;
  active: boolean;
}) {
  const { filters, strategyParams } = plan;
  const window = filters.window;
  return {
    name: plan.name,
    description: plan.description ?? "",
    rubricId: plan.rubricId,
    strategy: plan.strategy,
    percent: strategyParams.percent?.toString() ?? "",
    perAgent: strategyParams.perAgent?.toString() ?? "",
    total: strategyParams.total?.toString() ?? "",
    teams: filters.teams,
    agents: filters.agents,
    channels: filters.channels,
    tags: filters.tags.join(", "),
    csatMax: filters.csatMax?.toString() ?? "",
    complaintOnly: filters.complaintOnly ? "on" : "",
    minHandlingSeconds: filters.minHandlingSeconds?.toString() ?? "",
    minMessages: filters.minMessages?.toString() ?? "",
    windowKind: window.kind,
    windowDays: window.kind === "relative" ? String(window.days) : "",
    windowUnit: window.kind === "previous" ? window.unit : "week",
    windowFrom: window.kind === "absolute" ? window.from : "",
    windowTo: window.kind === "absolute" ? window.to : "",
    inspectorIds: plan.inspectorIds,
    perInspectorCap: String(plan.perInspectorCap),
    dueInDays: String(plan.dueInDays),
    cron: plan.cron ?? "",
    active: plan.active ? "on" : "",
  };
}

/** What a run records as its inputs: enough to replay it exactly. */
export const RunInputsSchema = z.object({
  rubricId: z.string(),
  strategy: z.enum(STRATEGIES),
  strategyParams: StrategyParamsSchema,
  filters: SamplingFiltersSchema,
  window: z.object({ from: z.string(), to: z.string() }),
  /** Scheduled runs: the cron slot they were started for. */
  slot: z.string().optional(),
});
export type RunInputs = z.infer<typeof RunInputsSchema>;

export const SampleSizeFormSchema = z.object({
  sigma: z.number().positive(),
  margin: z.number().positive(),
  confidence: z.union([z.literal(90), z.literal(95), z.literal(99)]),
  population: z.number().int().positive().optional(),
});
