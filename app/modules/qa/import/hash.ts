/**
 * Content hash of a normalised conversation (sha256, hex). Two imports of the same conversation hash equal however
 * the source wrote it (JSON key order, CSV vs JSON Lines, "+08:00" vs "Z", "4" vs 4), so an unchanged conversation
 * is recognised without reading its messages back.
 */
import { createHash } from "node:crypto";
import type { NormalisedConversation } from "./contract";

/** JSON with object keys sorted at every level: the same value always serialises to the same string. */
export function stableStringify(value: unknown): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value) ?? "null";
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value)) return `[${value.map(stableStringify).join(",")}]`;
  const entries = Object.keys(value)
    .sort()
    .filter((key) => (value as Record<string, unknown>)[key] !== undefined)
    .map((key) => `${JSON.stringify(key)}:${stableStringify((value as Record<string, unknown>)[key])}`);
  return `{${entries.join(",")}}`;
}

export function contentHash(conversation: Omit<NormalisedConversation, "contentHash">): string {
  const hash = createHash("sha256");
  // Version prefix: a change to the normalisation must not make old hashes look equal.
  hash.update("v1\n");
  hash.update(
    JSON.stringify([
      conversation.externalId,
      conversation.channel,
      conversation.startedAt.toISOString(),
      conversation.endedAt?.toISOString() ?? null,
      conversation.agents,
      conversation.customerRef,
      conversation.csat,
      conversation.resolved,
      conversation.complaint,
      conversation.converted,
      conversation.orderValue,
      conversation.tags,
    ]),
  );
  // Optional fields added after v1 enter the hash only when present, so files without them keep their hashes and
  // re-importing an old file still changes nothing.
  if (conversation.csatRequested !== null && conversation.csatRequested !== undefined) {
    hash.update(`\ncsatRequested:${conversation.csatRequested}`);
  }
  hash.update("\n");
  hash.update(stableStringify(conversation.extra));
  for (const message of conversation.messages) {
    hash.update("\n");
    hash.update(JSON.stringify([message.sender, message.agent, message.sentAt.toISOString(), message.text]));
  }
  return hash.digest("hex");
}

/**
 * Hash of the stored message rows alone: an updated conversation whose messages did not change keeps its message
 * rows (and the review comments pinned to them).
 */
export function messagesHash(
  messages: readonly { sender: string; agentId: string | null; sentAt: Date; text: string }[],
): string {
  const hash = createHash("sha256");
  for (const message of messages) {
    hash.update(JSON.stringify([message.sender, message.agentId, message.sentAt.toISOString(), message.text]));
    hash.update("\n");
  }
  return hash.digest("hex");
}
