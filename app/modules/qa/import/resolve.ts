/**
 * From a normalised conversation to the rows the writer stores (pure): agents matched by 工号, the primary agent
 * (first listed) and their team, and the response-time figures sampling filters and KPIs read: when each reply's
 * customer wait began, who answered first and who answered last (the same rules as the backfill in migration
 * 20261206172839_performance).
 */
import { handlingSeconds, responseGaps } from "~/modules/qa/response-times";
import type { Channel, NormalisedConversation, Sender } from "./contract";
import type { RejectionReason } from "./limits";

export interface AgentRef {
  id: string;
  teamId: string | null;
}

export interface ConversationRow {
  externalId: string;
  channel: Channel;
  startedAt: Date;
  endedAt: Date | null;
  customerRef: string;
  csat: number | null;
  csatRequested: boolean | null;
  resolved: boolean | null;
  complaint: boolean;
  converted: boolean | null;
  orderValue: string | null;
  tags: string[];
  extra: Record<string, unknown> | null;
  messageCount: number;
  handlingSeconds: number;
  firstResponseSeconds: number | null;
  longestWaitSeconds: number | null;
  primaryAgentId: string;
  firstResponderId: string | null;
  lastAgentId: string;
  teamId: string | null;
  contentHash: string;
}

export interface MessageRow {
  seq: number;
  sender: Sender;
  agentId: string | null;
  sentAt: Date;
  /** Agent replies that ended a customer wait: when that wait began. */
  waitStartedAt: Date | null;
  text: string;
}

export interface ResolvedConversation {
  row: ConversationRow;
  agentIds: string[];
  messages: MessageRow[];
}

export type ResolveResult =
  { ok: true; conversation: ResolvedConversation } | { ok: false; reason: RejectionReason; detail: string };

/** `agents` maps 工号 → user (null = looked up and not found). */
export function resolveConversation(
  conversation: NormalisedConversation,
  agents: ReadonlyMap<string, AgentRef | null>,
): ResolveResult {
  const unknown = conversation.agents.filter((externalId) => !agents.get(externalId));
  if (unknown.length > 0) return { ok: false, reason: "unknown-agent", detail: unknown.join(", ") };

  const agentIds = conversation.agents.map((externalId) => agents.get(externalId)!.id);
  const primary = agents.get(conversation.agents[0]!)!;
  const messages: MessageRow[] = conversation.messages.map((message, seq) => ({
    seq,
    sender: message.sender,
    agentId: message.agent ? agents.get(message.agent)!.id : null,
    sentAt: message.sentAt,
    waitStartedAt: null,
    text: message.text,
  }));
  const gaps = responseGaps(messages);
  markWaitStarts(messages, gaps.waitBefore);
  const lastAgentMessage = messages.findLast((message) => message.sender === "agent" && message.agentId !== null);
  const firstResponder = gaps.firstResponseIndex === null ? null : messages[gaps.firstResponseIndex]!.agentId;
  return {
    ok: true,
    conversation: {
      row: {
        externalId: conversation.externalId,
        channel: conversation.channel,
        startedAt: conversation.startedAt,
        endedAt: conversation.endedAt,
        customerRef: conversation.customerRef,
        csat: conversation.csat,
        csatRequested: conversation.csatRequested,
        resolved: conversation.resolved,
        complaint: conversation.complaint,
        converted: conversation.converted,
        orderValue: conversation.orderValue,
        tags: conversation.tags,
        extra: conversation.extra,
        messageCount: messages.length,
        handlingSeconds: handlingSeconds(conversation.startedAt, conversation.endedAt, messages),
        firstResponseSeconds: gaps.firstResponseSeconds,
        longestWaitSeconds: gaps.longestWaitSeconds,
        primaryAgentId: primary.id,
        firstResponderId: firstResponder,
        lastAgentId: lastAgentMessage?.agentId ?? primary.id,
        teamId: primary.teamId,
        contentHash: conversation.contentHash,
      },
      agentIds,
      messages,
    },
  };
}

/**
 * Sets waitStartedAt on the replies responseGaps found (waitBefore not null): a wait begins at the first customer
 * message after the previous agent message, so it is the earliest customer message since that reply.
 */
function markWaitStarts(messages: MessageRow[], waitBefore: readonly (number | null)[]) {
  let waitingSince: Date | null = null;
  messages.forEach((message, index) => {
    if (message.sender === "customer") waitingSince ??= message.sentAt;
    else if (message.sender === "agent") {
      if (waitBefore[index] !== null) message.waitStartedAt = waitingSince;
      waitingSince = null;
    }
  });
}
