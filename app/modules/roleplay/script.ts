/**
 * The role-play script format: what a scenario version stores in `ScenarioVersion.script` and what
 * `content/scenarios/<slug>.yaml` holds. Everything the simulated customer and the automatic scoring need is here;
 * docs/roleplay-scripts.md explains it for authors.
 *
 * Matching works on normalised text (NFKC, lower case, no whitespace — see normaliseAnswer), so full-width and
 * half-width characters, case and spaces never matter.
 */
import { z } from "zod";

const Key = z
  .string()
  .trim()
  .regex(/^[a-z][a-z0-9_-]{0,47}$/, "key: lower-case letters, digits, _ or -, starting with a letter");

/**
 * An intent recognised in an agent's reply.
 * - `phrases`: each entry is a phrase; "|" separates alternatives inside one entry ("订单号|单号").
 * - `patterns`: regular expressions (JavaScript syntax, applied case-insensitively to the normalised reply).
 * - `mode`: "any" — at least one phrase entry or pattern matches; "all" — every phrase entry and every pattern
 *   matches.
 * - `exclude`: negation — phrases ("|" alternatives allowed) that veto the intent when present, e.g. "不能退" vetoes
 *   "能退".
 */
export const IntentSchema = z
  .object({
    key: Key,
    label: z.string().trim().min(1),
    phrases: z.array(z.string().trim().min(1)).default([]),
    patterns: z.array(z.string().trim().min(1)).default([]),
    mode: z.enum(["any", "all"]).default("any"),
    exclude: z.array(z.string().trim().min(1)).default([]),
  })
  .refine((intent) => intent.phrases.length + intent.patterns.length > 0, {
    message: "an intent needs at least one phrase or pattern",
  });
export type Intent = z.infer<typeof IntentSchema>;

/** First matching transition wins: `when` intents must all match, `unless` intents must not. */
export const TransitionSchema = z.object({
  when: z.array(Key).min(1),
  unless: z.array(Key).default([]),
  to: Key,
});
export type Transition = z.infer<typeof TransitionSchema>;

export const END_OUTCOMES = ["resolved", "customer_left", "escalated"] as const;
export type EndOutcome = (typeof END_OUTCOMES)[number];

/**
 * A node is what the customer says (one or more chat bubbles). A non-end node has transitions and a fallback:
 * when no transition matches, the customer says one of the fallback lines (in order, repeating the last), loses one
 * point of patience and stays on the node; at zero patience the session goes to the script's `patienceExhausted`
 * node. An end node (`end`) finishes the session with that outcome after its messages.
 */
export const NodeSchema = z.object({
  id: Key,
  customer: z.array(z.string().trim().min(1)).min(1),
  hint: z.string().trim().optional(), // shown in practice mode only
  transitions: z.array(TransitionSchema).default([]),
  fallback: z.array(z.string().trim().min(1)).default([]),
  end: z.enum(END_OUTCOMES).optional(),
});
export type ScriptNode = z.infer<typeof NodeSchema>;

/** A required step (问候, 致歉, 核实订单号 …): hit when any reply matches one of its intents. */
export const StepSchema = z.object({
  key: Key,
  label: z.string().trim().min(1),
  intents: z.array(Key).min(1),
  weight: z.number().positive().default(1),
  /** Optional: the step only counts when first hit at or before this many agent replies (e.g. greet in reply 1). */
  withinReplies: z.number().int().positive().optional(),
});
export type Step = z.infer<typeof StepSchema>;

/** A forbidden behaviour (red line, 红线): crossing it fails the session whatever else happened. */
export const RedLineSchema = z.object({
  key: Key,
  label: z.string().trim().min(1),
  intents: z.array(Key).min(1),
});
export type RedLine = z.infer<typeof RedLineSchema>;

export const PersonaSchema = z.object({
  name: z.string().trim().min(1),
  mood: z.enum(["calm", "anxious", "annoyed", "angry"]),
  /** How many unmatched replies the customer tolerates before leaving (or escalating). */
  patience: z.number().int().min(1).max(10),
  description: z.string().trim().default(""),
  tier: z.enum(["ordinary", "key", "special"]).default("ordinary"), // 普通/重点/特殊客户
});

export const OrderContextSchema = z.object({
  orderNumber: z.string().trim().min(1),
  platform: z.string().trim().default(""),
  items: z
    .array(
      z.object({
        name: z.string().trim().min(1),
        sku: z.string().trim().default(""),
        quantity: z.number().int().positive().default(1),
        price: z.number().nonnegative(),
      }),
    )
    .min(1),
  amount: z.number().nonnegative(),
  orderedAt: z.string().trim().min(1), // ISO date, shown as is
  deliveredAt: z.string().trim().optional(),
  status: z.string().trim().min(1), // 已签收 / 运输中 …
  issue: z.string().trim().min(1), // what went wrong, as the agent's system shows it
  notes: z.array(z.string().trim()).default([]), // other facts in the order panel (物流轨迹, 保修期 …)
});
export type OrderContext = z.infer<typeof OrderContextSchema>;
export type Persona = z.infer<typeof PersonaSchema>;

/**
 * Scoring: autoScore (0–100) = steps × stepsWeight + timing × timingWeight + outcome × outcomeWeight, weights in
 * percent summing to 100; a crossed red line makes it 0. With a rubric, final = auto × (100 − humanWeight)% +
 * rubric score × humanWeight% (a red line or a critical rubric failure makes it 0). Passed = final ≥ passPercent.
 * The formulas and worked examples are in docs/roleplay-scoring.md.
 */
export const ScoringSchema = z
  .object({
    stepsWeight: z.number().min(0).max(100).default(60),
    timingWeight: z.number().min(0).max(100).default(20),
    outcomeWeight: z.number().min(0).max(100).default(20),
    /** Outcome points (0–100) per end outcome; customer_left defaults to 0. */
    outcomePoints: z
      .object({
        resolved: z.number().min(0).max(100).default(100),
        escalated: z.number().min(0).max(100).default(50),
        customer_left: z.number().min(0).max(100).default(0),
      })
      .default({ resolved: 100, escalated: 50, customer_left: 0 }),
    passPercent: z.number().min(0).max(100).default(80),
    /** slug of a QA rubric: when set, every finished session waits for a person to score it. */
    rubric: z.string().trim().optional(),
    humanWeight: z.number().min(0).max(100).default(50),
  })
  .refine((s) => s.stepsWeight + s.timingWeight + s.outcomeWeight === 100, {
    message: "stepsWeight + timingWeight + outcomeWeight must be 100",
  });
export type Scoring = z.infer<typeof ScoringSchema>;

export const ScriptSchema = z.object({
  title: z.string().trim().min(1),
  summary: z.string().trim().default(""),
  difficulty: z.enum(["easy", "medium", "hard"]).default("medium"),
  channel: z.enum(["chat", "phone"]).default("chat"), // phone is played as text
  tags: z.array(z.string().trim()).default([]),
  goal: z.string().trim().min(1), // the agent's goal, shown before and during play
  persona: PersonaSchema,
  order: OrderContextSchema,
  replyTimeLimitSeconds: z.number().int().min(10).max(600).default(90),
  start: Key, // the first node
  patienceExhausted: Key, // an end node reached when patience runs out
  intents: z.array(IntentSchema).min(1),
  nodes: z.array(NodeSchema).min(2),
  steps: z.array(StepSchema).default([]),
  redLines: z.array(RedLineSchema).default([]),
  scoring: ScoringSchema.default({
    stepsWeight: 60,
    timingWeight: 20,
    outcomeWeight: 20,
    outcomePoints: { resolved: 100, escalated: 50, customer_left: 0 },
    passPercent: 80,
    humanWeight: 50,
  }),
});
export type Script = z.infer<typeof ScriptSchema>;
export type ScriptInput = z.input<typeof ScriptSchema>;
