/**
 * The conversation import contract (pure): one JSON object per conversation, shared by the JSON Lines file, the
 * CSV file (rows are grouped into the same object first) and the REST endpoint. Validation answers with a stable
 * rejection reason (qa-import:rejections.*) and a short detail naming the offending field and value.
 *
 * Fields outside the contract are accepted and kept in `extra` (conversation level); unknown message fields are
 * accepted and ignored.
 */
import { z } from "zod";
import { contentHash } from "./hash";
import { CHANNELS, IMPORT_LIMITS, SENDERS, type Channel, type RejectionReason, type Sender } from "./limits";
import { parseTimestamp } from "./timestamps";

export { CHANNELS, SENDERS, type Channel, type Sender } from "./limits";

export const CONTRACT_FIELDS = [
  "id",
  "channel",
  "startedAt",
  "endedAt",
  "agents",
  "customer",
  "csat",
  "csatRequested",
  "resolved",
  "complaint",
  "converted",
  "orderValue",
  "tags",
  "messages",
] as const;
const CONTRACT_FIELD_SET = new Set<string>(CONTRACT_FIELDS);

export interface NormalisedMessage {
  sender: Sender;
  /** 工号 of the agent who sent it (agent messages only). */
  agent: string | null;
  sentAt: Date;
  text: string;
}

export interface NormalisedConversation {
  externalId: string;
  channel: Channel;
  startedAt: Date;
  endedAt: Date | null;
  /** 工号s: the listed agents in order, then any agent who wrote a message without being listed. */
  agents: string[];
  customerRef: string;
  csat: number | null;
  /** A satisfaction survey was sent (null = not said). */
  csatRequested: boolean | null;
  resolved: boolean | null;
  complaint: boolean;
  converted: boolean | null;
  /** Two decimals as a string: Decimal(12,2) without floating-point drift. */
  orderValue: string | null;
  tags: string[];
  extra: Record<string, unknown> | null;
  messages: NormalisedMessage[];
  contentHash: string;
}

export type ValidationResult =
  | { ok: true; conversation: NormalisedConversation }
  | { ok: false; externalId: string | null; reason: RejectionReason; detail: string | null };

export interface ValidationOptions {
  /** Zone for timestamps without an offset (APP_TIME_ZONE). */
  timeZone: string;
  maxMessages?: number;
  maxTextLength?: number;
}

const idLike = z.union([z.string(), z.number()]).transform((value) => String(value).trim());
const flag = z.boolean().nullish();

function buildSchema(timeZone: string, maxTextLength: number) {
  const timestamp = z.string().transform((value, context) => {
    const parsed = parseTimestamp(value, timeZone);
    if (!parsed) {
      context.addIssue({ code: "custom", message: value });
      return z.NEVER;
    }
    return parsed;
  });
  const message = z.looseObject({
    from: z.enum(SENDERS),
    agent: idLike.nullish(),
    at: timestamp,
    text: z
      .string()
      .refine((text) => text.trim() !== "", "empty")
      .refine((text) => text.length <= maxTextLength, "too-long"),
  });
  return z.looseObject({
    id: idLike.pipe(z.string().min(1).max(IMPORT_LIMITS.maxExternalIdLength)),
    channel: z.enum(CHANNELS),
    startedAt: timestamp,
    endedAt: timestamp.nullish(),
    agents: z.array(idLike.pipe(z.string().min(1).max(IMPORT_LIMITS.maxExternalIdLength))).min(1),
    customer: idLike.pipe(z.string().min(1).max(IMPORT_LIMITS.maxCustomerRefLength)),
    csat: z
      .union([
        z.number(),
        z
          .string()
          .regex(/^\s*\d+\s*$/)
          .transform(Number),
      ])
      .pipe(z.number().int().min(1).max(5))
      .nullish(),
    csatRequested: flag,
    resolved: flag,
    complaint: flag,
    converted: flag,
    orderValue: z
      .union([
        z.number(),
        z
          .string()
          .regex(/^\s*\d+(\.\d+)?\s*$/)
          .transform(Number),
      ])
      .pipe(z.number().min(0).max(9_999_999_999.99))
      .nullish(),
    tags: z.array(z.string().trim().min(1).max(IMPORT_LIMITS.maxTagLength)).max(IMPORT_LIMITS.maxTags).nullish(),
    messages: z.array(message).min(1),
  });
}

const schemas = new Map<string, ReturnType<typeof buildSchema>>();

function schemaFor(timeZone: string, maxTextLength: number) {
  const key = `${timeZone}|${maxTextLength}`;
  let schema = schemas.get(key);
  if (!schema) {
    schema = buildSchema(timeZone, maxTextLength);
    schemas.set(key, schema);
  }
  return schema;
}

function isBlank(value: unknown) {
  return value === undefined || value === null || (typeof value === "string" && value.trim() === "");
}

function describe(path: PropertyKey[], value: unknown) {
  const where = path
    .map((part, index) => (typeof part === "number" ? `[${part}]` : `${index === 0 ? "" : "."}${String(part)}`))
    .join("");
  if (value === undefined) return `${where}: missing`;
  const shown = JSON.stringify(value) ?? String(value);
  return `${where}: ${shown.length > 80 ? `${shown.slice(0, 77)}...` : shown}`;
}

function valueAt(raw: unknown, path: PropertyKey[]): unknown {
  let current: unknown = raw;
  for (const part of path) {
    if (current === null || typeof current !== "object") return undefined;
    current = (current as Record<PropertyKey, unknown>)[part];
  }
  return current;
}

/** Maps the first schema issue to the contract's rejection reason. */
function reasonFor(issue: z.core.$ZodIssue, raw: Record<string, unknown>): RejectionReason {
  const [field, index, messageField] = issue.path;
  switch (field) {
    case "id":
      return isBlank(raw.id) ? "missing-id" : "bad-id";
    case "channel":
      return "unknown-channel";
    case "startedAt":
    case "endedAt":
      return "bad-timestamp";
    case "agents":
      return index === undefined ? "no-agents" : "invalid-field";
    case "customer":
      return "missing-customer";
    case "csat":
      return "bad-csat";
    case "messages":
      if (index === undefined) return "no-messages";
      if (messageField === "from") return "unknown-sender";
      if (messageField === "at") return "bad-timestamp";
      if (messageField === "text")
        return issue.message === "too-long" ? "message-text-too-long" : "message-missing-text";
      return "invalid-field";
    default:
      return "invalid-field";
  }
}

function fail(externalId: string | null, reason: RejectionReason, detail: string | null): ValidationResult {
  return { ok: false, externalId, reason, detail };
}

/** Validates and normalises one conversation object. */
export function validateConversation(raw: unknown, options: ValidationOptions): ValidationResult {
  if (raw === null || typeof raw !== "object" || Array.isArray(raw)) {
    return fail(null, "not-an-object", Array.isArray(raw) ? "array" : typeof raw);
  }
  const input = raw as Record<string, unknown>;
  const rawId = typeof input.id === "string" || typeof input.id === "number" ? String(input.id).trim() : null;
  const externalId = rawId ? rawId.slice(0, IMPORT_LIMITS.maxExternalIdLength) : null;
  const maxMessages = options.maxMessages ?? IMPORT_LIMITS.maxMessagesPerConversation;
  // Checked before the schema so an oversized conversation is not validated message by message first.
  if (Array.isArray(input.messages) && input.messages.length > maxMessages) {
    return fail(externalId, "too-many-messages", `${input.messages.length} > ${maxMessages}`);
  }

  const parsed = schemaFor(options.timeZone, options.maxTextLength ?? IMPORT_LIMITS.maxTextLength).safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return fail(externalId, reasonFor(issue, input), describe(issue.path, valueAt(input, issue.path)));
  }
  const value = parsed.data;

  if (value.endedAt && value.endedAt < value.startedAt) {
    return fail(value.id, "ended-before-start", `${value.startedAt.toISOString()} > ${value.endedAt.toISOString()}`);
  }
  for (let index = 1; index < value.messages.length; index += 1) {
    const previous = value.messages[index - 1]!.at;
    const current = value.messages[index]!.at;
    if (current < previous) {
      return fail(
        value.id,
        "messages-out-of-order",
        `messages[${index}].at ${current.toISOString()} < messages[${index - 1}].at ${previous.toISOString()}`,
      );
    }
  }

  const agents = [...new Set(value.agents)];
  const primary = agents[0]!;
  const messages: NormalisedMessage[] = value.messages.map((message) => {
    const agent = message.from === "agent" ? message.agent || primary : null;
    if (agent && !agents.includes(agent)) agents.push(agent);
    return { sender: message.from, agent, sentAt: message.at, text: message.text.replace(/\r\n?/g, "\n") };
  });

  const extraEntries = Object.entries(input).filter(([key]) => !CONTRACT_FIELD_SET.has(key));
  const normalised: Omit<NormalisedConversation, "contentHash"> = {
    externalId: value.id,
    channel: value.channel,
    startedAt: value.startedAt,
    endedAt: value.endedAt ?? null,
    agents,
    customerRef: value.customer,
    csat: value.csat ?? null,
    csatRequested: value.csatRequested ?? null,
    resolved: value.resolved ?? null,
    complaint: value.complaint ?? false,
    converted: value.converted ?? null,
    orderValue: value.orderValue === null || value.orderValue === undefined ? null : value.orderValue.toFixed(2),
    tags: [...new Set(value.tags ?? [])],
    extra: extraEntries.length > 0 ? Object.fromEntries(extraEntries) : null,
    messages,
  };
  return { ok: true, conversation: { ...normalised, contentHash: contentHash(normalised) } };
}
