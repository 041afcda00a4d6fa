/**
 * The scenario editor's form model: every field is a string (lists are one entry per line, intent keys are
 * separated by commas or spaces), named after its path in the script ("nodes[2].transitions[0].when"), so a zod
 * issue on the script points straight at the input that caused it. Pure: the routes and tests share it.
 */
import { z } from "zod";
import { ScriptSchema, type Script, type ScriptInput } from "./script";

export type ItemRow = { name: string; sku: string; quantity: string; price: string };
export type IntentRow = {
  key: string;
  label: string;
  phrases: string;
  patterns: string;
  mode: string;
  exclude: string;
};
export type TransitionRow = { when: string; unless: string; to: string };
export type NodeRow = {
  id: string;
  customer: string;
  hint: string;
  fallback: string;
  end: string;
  transitions: TransitionRow[];
};
export type StepRow = { key: string; label: string; intents: string; weight: string; withinReplies: string };
export type RedLineRow = { key: string; label: string; intents: string };

export type EditorValues = {
  title: string;
  summary: string;
  difficulty: string;
  channel: string;
  tags: string;
  goal: string;
  replyTimeLimitSeconds: string;
  start: string;
  patienceExhausted: string;
  persona: { name: string; mood: string; patience: string; description: string; tier: string };
  order: {
    orderNumber: string;
    platform: string;
    amount: string;
    orderedAt: string;
    deliveredAt: string;
    status: string;
    issue: string;
    notes: string;
    items: ItemRow[];
  };
  intents: IntentRow[];
  nodes: NodeRow[];
  steps: StepRow[];
  redLines: RedLineRow[];
  scoring: {
    stepsWeight: string;
    timingWeight: string;
    outcomeWeight: string;
    passPercent: string;
    rubric: string;
    humanWeight: string;
    outcomePoints: { resolved: string; escalated: string; customer_left: string };
  };
};

export type FieldErrors = Record<string, string[]>;

const lines = (values: readonly string[]) => values.join("\n");
const keys = (values: readonly string[]) => values.join(", ");
const num = (value: number | undefined) => (value === undefined ? "" : String(value));

export function scriptToEditorValues(script: Script): EditorValues {
  return {
    title: script.title,
    summary: script.summary,
    difficulty: script.difficulty,
    channel: script.channel,
    tags: keys(script.tags),
    goal: script.goal,
    replyTimeLimitSeconds: num(script.replyTimeLimitSeconds),
    start: script.start,
    patienceExhausted: script.patienceExhausted,
    persona: {
      name: script.persona.name,
      mood: script.persona.mood,
      patience: num(script.persona.patience),
      description: script.persona.description,
      tier: script.persona.tier,
    },
    order: {
      orderNumber: script.order.orderNumber,
      platform: script.order.platform,
      amount: num(script.order.amount),
      orderedAt: script.order.orderedAt,
      deliveredAt: script.order.deliveredAt ?? "",
      status: script.order.status,
      issue: script.order.issue,
      notes: lines(script.order.notes),
      items: script.order.items.map((item) => ({
        name: item.name,
        sku: item.sku,
        quantity: num(item.quantity),
        price: num(item.price),
      })),
    },
    intents: script.intents.map((intent) => ({
      key: intent.key,
      label: intent.label,
      phrases: lines(intent.phrases),
      patterns: lines(intent.patterns),
      mode: intent.mode,
      exclude: lines(intent.exclude),
    })),
    nodes: script.nodes.map((node) => ({
      id: node.id,
      customer: lines(node.customer),
      hint: node.hint ?? "",
      fallback: lines(node.fallback),
      end: node.end ?? "",
      transitions: node.transitions.map((transition) => ({
        when: keys(transition.when),
        unless: keys(transition.unless),
        to: transition.to,
      })),
    })),
    steps: script.steps.map((step) => ({
      key: step.key,
      label: step.label,
      intents: keys(step.intents),
      weight: num(step.weight),
      withinReplies: num(step.withinReplies),
    })),
    redLines: script.redLines.map((redLine) => ({
      key: redLine.key,
      label: redLine.label,
      intents: keys(redLine.intents),
    })),
    scoring: {
      stepsWeight: num(script.scoring.stepsWeight),
      timingWeight: num(script.scoring.timingWeight),
      outcomeWeight: num(script.scoring.outcomeWeight),
      passPercent: num(script.scoring.passPercent),
      rubric: script.scoring.rubric ?? "",
      humanWeight: num(script.scoring.humanWeight),
      outcomePoints: {
        resolved: num(script.scoring.outcomePoints.resolved),
        escalated: num(script.scoring.outcomePoints.escalated),
        customer_left: num(script.scoring.outcomePoints.customer_left),
      },
    },
  };
}

const NAME_SEGMENT = /([^.[\]]+)|\[(\d+)\]/g;

export function parseFieldName(name: string): (string | number)[] {
  const path: (string | number)[] = [];
  for (const match of name.matchAll(NAME_SEGMENT)) {
    path.push(match[2] !== undefined ? Number(match[2]) : match[1]!);
  }
  return path;
}

/** Builds a nested object from form entries named like "nodes[0].transitions[1].to" (files are ignored). */
export function formEntriesToObject(entries: Iterable<[string, FormDataEntryValue]>): Record<string, unknown> {
  const root: Record<string, unknown> = {};
  for (const [name, value] of entries) {
    if (typeof value !== "string") continue;
    const path = parseFieldName(name);
    if (path.length === 0 || path.some((segment) => segment === "__proto__" || segment === "constructor")) continue;
    let cursor: Record<string | number, unknown> = root;
    path.forEach((segment, index) => {
      if (index === path.length - 1) {
        cursor[segment] = value;
        return;
      }
      const next = path[index + 1];
      if (cursor[segment] === undefined || typeof cursor[segment] !== "object") {
        cursor[segment] = typeof next === "number" ? [] : {};
      }
      cursor = cursor[segment] as Record<string | number, unknown>;
    });
  }
  return root;
}

const str = (value: unknown) => (typeof value === "string" ? value : "");
const record = (value: unknown): Record<string, unknown> =>
  value && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
const rows = (value: unknown): Record<string, unknown>[] =>
  Array.isArray(value) ? value.filter((row) => row && typeof row === "object").map(record) : [];

const isBlank = (value: unknown): boolean => {
  if (typeof value === "string") return value.trim() === "";
  if (Array.isArray(value)) return value.every(isBlank);
  if (value && typeof value === "object") return Object.values(value).every(isBlank);
  return true;
};

/** Rows the author left completely empty are dropped, so an unused "add row" never blocks a save. */
const filledRows = (value: unknown) => rows(value).filter((row) => !isBlank(row));

/** Normalises a raw form object (as parsed from the request, or missing pieces) into complete EditorValues. */
export function toEditorValues(raw: Record<string, unknown>): EditorValues {
  const persona = record(raw.persona);
  const order = record(raw.order);
  const scoring = record(raw.scoring);
  const points = record(scoring.outcomePoints);
  return {
    title: str(raw.title),
    summary: str(raw.summary),
    difficulty: str(raw.difficulty),
    channel: str(raw.channel),
    tags: str(raw.tags),
    goal: str(raw.goal),
    replyTimeLimitSeconds: str(raw.replyTimeLimitSeconds),
    start: str(raw.start),
    patienceExhausted: str(raw.patienceExhausted),
    persona: {
      name: str(persona.name),
      mood: str(persona.mood),
      patience: str(persona.patience),
      description: str(persona.description),
      tier: str(persona.tier),
    },
    order: {
      orderNumber: str(order.orderNumber),
      platform: str(order.platform),
      amount: str(order.amount),
      orderedAt: str(order.orderedAt),
      deliveredAt: str(order.deliveredAt),
      status: str(order.status),
      issue: str(order.issue),
      notes: str(order.notes),
      items: filledRows(order.items).map((item) => ({
        name: str(item.name),
        sku: str(item.sku),
        quantity: str(item.quantity),
        price: str(item.price),
      })),
    },
    intents: filledRows(raw.intents).map((intent) => ({
      key: str(intent.key),
      label: str(intent.label),
      phrases: str(intent.phrases),
      patterns: str(intent.patterns),
      mode: str(intent.mode),
      exclude: str(intent.exclude),
    })),
    nodes: filledRows(raw.nodes).map((node) => ({
      id: str(node.id),
      customer: str(node.customer),
      hint: str(node.hint),
      fallback: str(node.fallback),
      end: str(node.end),
      transitions: filledRows(node.transitions).map((transition) => ({
        when: str(transition.when),
        unless: str(transition.unless),
        to: str(transition.to),
      })),
    })),
    steps: filledRows(raw.steps).map((step) => ({
      key: str(step.key),
      label: str(step.label),
      intents: str(step.intents),
      weight: str(step.weight),
      withinReplies: str(step.withinReplies),
    })),
    redLines: filledRows(raw.redLines).map((redLine) => ({
      key: str(redLine.key),
      label: str(redLine.label),
      intents: str(redLine.intents),
    })),
    scoring: {
      stepsWeight: str(scoring.stepsWeight),
      timingWeight: str(scoring.timingWeight),
      outcomeWeight: str(scoring.outcomeWeight),
      passPercent: str(scoring.passPercent),
      rubric: str(scoring.rubric),
      humanWeight: str(scoring.humanWeight),
      outcomePoints: {
        resolved: str(points.resolved),
        escalated: str(points.escalated),
        customer_left: str(points.customer_left),
      },
    },
  };
}

export const splitLines = (value: string) =>
  value
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean);

/** Intent keys and tags: commas (half- or full-width), 、 or whitespace separate them. */
export const splitList = (value: string) =>
  value
    .split(/[\s,，、;；]+/)
    .map((entry) => entry.trim())
    .filter(Boolean);

/** "" means "use the default"; anything else is handed to zod as a number (NaN is reported as not a number). */
const toNumber = (value: string) => (value.trim() === "" ? undefined : Number(value.trim()));
const optional = (value: string) => (value.trim() === "" ? undefined : value.trim());

export function editorValuesToScriptInput(values: EditorValues): ScriptInput {
  return {
    title: values.title,
    summary: values.summary,
    difficulty: (optional(values.difficulty) ?? "medium") as ScriptInput["difficulty"],
    channel: (optional(values.channel) ?? "chat") as ScriptInput["channel"],
    tags: splitList(values.tags),
    goal: values.goal,
    replyTimeLimitSeconds: toNumber(values.replyTimeLimitSeconds),
    start: values.start,
    patienceExhausted: values.patienceExhausted,
    persona: {
      name: values.persona.name,
      mood: values.persona.mood as Script["persona"]["mood"],
      patience: toNumber(values.persona.patience) as number,
      description: values.persona.description,
      tier: (optional(values.persona.tier) ?? "ordinary") as Script["persona"]["tier"],
    },
    order: {
      orderNumber: values.order.orderNumber,
      platform: values.order.platform,
      amount: toNumber(values.order.amount) as number,
      orderedAt: values.order.orderedAt,
      deliveredAt: optional(values.order.deliveredAt),
      status: values.order.status,
      issue: values.order.issue,
      notes: splitLines(values.order.notes),
      items: values.order.items.map((item) => ({
        name: item.name,
        sku: item.sku,
        quantity: toNumber(item.quantity),
        price: toNumber(item.price) as number,
      })),
    },
    intents: values.intents.map((intent) => ({
      key: intent.key,
      label: intent.label,
      phrases: splitLines(intent.phrases),
      patterns: splitLines(intent.patterns),
      mode: (optional(intent.mode) ?? "any") as "any" | "all",
      exclude: splitLines(intent.exclude),
    })),
    nodes: values.nodes.map((node) => ({
      id: node.id,
      customer: splitLines(node.customer),
      hint: optional(node.hint),
      fallback: splitLines(node.fallback),
      end: optional(node.end) as Script["nodes"][number]["end"],
      transitions: node.transitions.map((transition) => ({
        when: splitList(transition.when),
        unless: splitList(transition.unless),
        to: transition.to,
      })),
    })),
    steps: values.steps.map((step) => ({
      key: step.key,
      label: step.label,
      intents: splitList(step.intents),
      weight: toNumber(step.weight),
      withinReplies: toNumber(step.withinReplies),
    })),
    redLines: values.redLines.map((redLine) => ({
      key: redLine.key,
      label: redLine.label,
      intents: splitList(redLine.intents),
    })),
    scoring: {
      stepsWeight: toNumber(values.scoring.stepsWeight),
      timingWeight: toNumber(values.scoring.timingWeight),
      outcomeWeight: toNumber(values.scoring.outcomeWeight),
      passPercent: toNumber(values.scoring.passPercent),
      rubric: optional(values.scoring.rubric),
      humanWeight: toNumber(values.scoring.humanWeight),
      outcomePoints: {
        resolved: toNumber(values.scoring.outcomePoints.resolved),
        escalated: toNumber(values.scoring.outcomePoints.escalated),
        customer_left: toNumber(values.scoring.outcomePoints.customer_left),
      },
    } as ScriptInput["scoring"],
  };
}

/** Lists whose elements are rows of inputs; an index into any other list points inside one textarea. */
const ROW_LISTS = new Set(["order.items", "intents", "nodes", "nodes.transitions", "steps", "redLines"]);

/** The form field an issue belongs to: ["intents", 2, "phrases", 0] → "intents[2].phrases". */
export function issuePathToFieldName(path: readonly PropertyKey[]): string {
  let name = "";
  let shape = "";
  for (const segment of path) {
    if (typeof segment === "number") {
      if (!ROW_LISTS.has(shape)) break;
      name += `[${segment}]`;
      continue;
    }
    const key = String(segment);
    name += name ? `.${key}` : key;
    shape += shape ? `.${key}` : key;
  }
  return name;
}

const ERROR_PREFIX = "roleplay:authoring.errors.";

/** A catalogue key for a zod issue, so the message is shown in the reader's language. */
export function issueMessageKey(issue: z.core.$ZodIssue): string {
  const last = issue.path[issue.path.length - 1];
  switch (issue.code) {
    case "invalid_type":
      return ERROR_PREFIX + (issue.expected === "number" ? "number" : "required");
    case "too_small":
      if (issue.origin === "string") return ERROR_PREFIX + "required";
      if (issue.origin === "array") return ERROR_PREFIX + (Number(issue.minimum) > 1 ? "atLeastTwo" : "atLeastOne");
      return ERROR_PREFIX + "tooSmall";
    case "too_big":
      return ERROR_PREFIX + "tooBig";
    case "invalid_format":
      return ERROR_PREFIX + "key";
    case "invalid_value":
      return ERROR_PREFIX + "choice";
    case "custom":
      if (issue.message.includes("stepsWeight")) return ERROR_PREFIX + "weightsSum";
      if (issue.message.includes("phrase or pattern")) return ERROR_PREFIX + "intentEmpty";
      return ERROR_PREFIX + "invalid";
    default:
      return ERROR_PREFIX + (last === "patience" ? "number" : "invalid");
  }
}

export function zodIssuesToFieldErrors(issues: readonly z.core.$ZodIssue[]): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of issues) {
    const name = issueMessageKey(issue) === ERROR_PREFIX + "weightsSum" ? "scoring" : issuePathToFieldName(issue.path);
    const list = (errors[name || ""] ??= []);
    const message = issueMessageKey(issue);
    if (!list.includes(message)) list.push(message);
  }
  return errors;
}

export type EditorParse =
  { ok: true; script: Script; values: EditorValues } | { ok: false; values: EditorValues; fieldErrors: FieldErrors };

/** The posted editor form → a script, or the typed values with per-field errors. */
export function parseEditorForm(entries: Iterable<[string, FormDataEntryValue]>): EditorParse {
  const values = toEditorValues(formEntriesToObject(entries));
  const parsed = ScriptSchema.safeParse(editorValuesToScriptInput(values));
  if (!parsed.success) return { ok: false, values, fieldErrors: zodIssuesToFieldErrors(parsed.error.issues) };
  return { ok: true, script: parsed.data, values };
}

export type StarterInput = {
  title: string;
  summary: string;
  difficulty: Script["difficulty"];
  channel: Script["channel"];
  goal: string;
  personaName: string;
  mood: Script["persona"]["mood"];
  patience: number;
  opening: string;
  orderNumber: string;
  productName: string;
  price: number;
  issue: string;
  orderedAt: string;
};

/**
 * The first draft of a new scenario: the author's opening line, one greeting branch to a resolved end and a
 * customer-left end, so the draft is valid and test-playable from the start and grows in the editor.
 */
export function starterScript(input: StarterInput): Script {
  return ScriptSchema.parse({
    title: input.title,
    summary: input.summary,
    difficulty: input.difficulty,
    channel: input.channel,
    goal: input.goal,
    persona: { name: input.personaName, mood: input.mood, patience: input.patience },
    order: {
      orderNumber: input.orderNumber,
      items: [{ name: input.productName, price: input.price }],
      amount: input.price,
      orderedAt: input.orderedAt,
      status: "已签收",
      issue: input.issue,
    },
    start: "opening",
    patienceExhausted: "customer-left",
    intents: [{ key: "greet", label: "问候", phrases: ["您好|你好|在的"] }],
    nodes: [
      {
        id: "opening",
        customer: [input.opening],
        hint: "先问候顾客，再了解问题。",
        transitions: [{ when: ["greet"], to: "resolved" }],
        fallback: ["你能不能先回答我？", "算了，我再问最后一次。"],
      },
      { id: "resolved", customer: ["好的，谢谢。"], end: "resolved" },
      { id: "customer-left", customer: ["不想再说了，我去投诉。"], end: "customer_left" },
    ],
    steps: [{ key: "greet", label: "问候", intents: ["greet"], withinReplies: 1 }],
  });
}

const required = { error: "validation:required" };
const requiredText = (max: number) =>
  z.string(required).trim().min(1, required).max(max, { error: "validation:tooLong" });

/** The "new scenario" form: enough for a valid first draft; everything else is written in the editor. */
export const CreateScenarioSchema = z.object({
  slug: z
    .string(required)
    .trim()
    .toLowerCase()
    .min(1, required)
    .max(60, { error: "validation:tooLong" })
    .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { error: "roleplay:authoring.errors.slugFormat" }),
  title: requiredText(80),
  summary: z.string().trim().max(300, { error: "validation:tooLong" }).default(""),
  difficulty: z.enum(["easy", "medium", "hard"], { error: "validation:invalidChoice" }),
  channel: z.enum(["chat", "phone"], { error: "validation:invalidChoice" }),
  tags: z
    .string()
    .default("")
    .transform((value) => [...new Set(splitList(value))].slice(0, 10)),
  goal: requiredText(300),
  personaName: requiredText(20),
  mood: z.enum(["calm", "anxious", "annoyed", "angry"], { error: "validation:invalidChoice" }),
  patience: z.coerce
    .number({ error: "roleplay:authoring.errors.number" })
    .int({ error: "roleplay:authoring.errors.number" })
    .min(1, { error: "roleplay:authoring.errors.patienceRange" })
    .max(10, { error: "roleplay:authoring.errors.patienceRange" }),
  opening: requiredText(300),
  orderNumber: requiredText(40),
  productName: requiredText(80),
  price: z.coerce
    .number({ error: "roleplay:authoring.errors.number" })
    .nonnegative({ error: "roleplay:authoring.errors.number" }),
  issue: requiredText(200),
  orderedAt: z
    .string(required)
    .trim()
    .regex(/^\d{4}-\d{2}-\d{2}$/, { error: "validation:invalidDate" }),
});

export const SCENARIO_STATUSES = ["draft", "published", "archived"] as const;
export type ScenarioStatus = (typeof SCENARIO_STATUSES)[number];

export const ScenarioListFilterSchema = z.object({
  q: z.string().trim().max(100).catch(""),
  status: z.enum(SCENARIO_STATUSES).optional().catch(undefined),
});
