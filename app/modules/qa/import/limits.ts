export const CHANNELS = ["chat", "phone", "email", "social"] as const;
export const SENDERS = ["customer", "agent", "bot", "system"] as const;
export type Channel = (typeof CHANNELS)[number];
export type Sender = (typeof SENDERS)[number];

/** Import limits (pure constants, safe to show in the browser). The file-size limit is configurable on the server. */
export const IMPORT_LIMITS = {
  /** Default upload/CLI file size; QA_IMPORT_MAX_BYTES overrides it. */
  defaultMaxFileBytes: 500 * 1024 * 1024,
  maxMessagesPerConversation: 5_000,
  maxTextLength: 10_000,
  maxExternalIdLength: 200,
  maxCustomerRefLength: 200,
  maxTags: 50,
  maxTagLength: 50,
  /** One JSON line can hold at most 5,000 messages of 10,000 characters; anything longer is not a transcript. */
  maxLineBytes: 64 * 1024 * 1024,
  /** REST: conversations per request and request body size. */
  maxApiItems: 1_000,
  maxApiBodyBytes: 20 * 1024 * 1024,
} as const;

/** Why a line (or row group, or API item) was rejected: message keys under qa-import:rejections.*. */
export const REJECTION_REASONS = [
  "invalid-json",
  "not-an-object",
  "line-too-long",
  "missing-id",
  "bad-id",
  "duplicate-id-in-file",
  "unknown-channel",
  "bad-timestamp",
  "ended-before-start",
  "missing-customer",
  "no-agents",
  "unknown-agent",
  "bad-csat",
  "invalid-field",
  "no-messages",
  "too-many-messages",
  "unknown-sender",
  "message-missing-text",
  "message-text-too-long",
  "messages-out-of-order",
  "conflicting-rows",
  "write-failed",
] as const;

export type RejectionReason = (typeof REJECTION_REASONS)[number];

export interface Rejection {
  /** Line in the file (first row of the conversation in CSV), or index + 1 in an API array. */
  line: number;
  externalId: string | null;
  reason: RejectionReason;
  detail: string | null;
}
