import { maskPersonalData } from "~/modules/qa/masking";
import { responseGaps } from "~/modules/qa/response-times";
import { getQaSettings } from "~/modules/qa/settings.server";
import { db } from "~/utils/db.server";

export interface TranscriptMessage {
  id: string; // BigInt as string: JSON-safe
  seq: number;
  sender: "customer" | "agent" | "bot" | "system";
  agentName: string | null;
  sentAt: string;
  text: string;
  masked: boolean;
  /** Seconds the customer waited for this agent reply. */
  waitSeconds: number | null;
  isFirstResponse: boolean;
  isLongestWait: boolean;
}

export interface Transcript {
  conversation: {
    id: string;
    externalId: string;
    channel: "chat" | "phone" | "email" | "social";
    startedAt: string;
    endedAt: string | null;
    customerRef: string;
    csat: number | null;
    resolved: boolean | null;
    complaint: boolean;
    converted: boolean | null;
    orderValue: string | null;
    tags: string[];
    messageCount: number;
    handlingSeconds: number | null;
    firstResponseSeconds: number | null;
    longestWaitSeconds: number | null;
    agents: { id: string; externalId: string; name: string }[];
    team: { id: string; name: string } | null;
  };
  messages: TranscriptMessage[];
  maskingOn: boolean;
}

/**
 * A conversation and its messages, ready for the browser. With masking on (the default) personal data is masked
 * here, on the server, so raw text never leaves it. Callers check access first.
 */
export async function loadTranscript(conversationId: string): Promise<Transcript | null> {
  const [conversation, settings] = await Promise.all([
    db.conversation.findUnique({
      where: { id: conversationId },
      select: {
        id: true,
        externalId: true,
        channel: true,
        startedAt: true,
        endedAt: true,
        customerRef: true,
        csat: true,
        resolved: true,
        complaint: true,
        converted: true,
        orderValue: true,
        tags: true,
        messageCount: true,
        handlingSeconds: true,
        firstResponseSeconds: true,
        longestWaitSeconds: true,
        team: { select: { id: true, name: true } },
        agents: { select: { user: { select: { id: true, externalId: true, name: true } } } },
        messages: {
          orderBy: { seq: "asc" },
          select: { id: true, seq: true, sender: true, agentId: true, sentAt: true, text: true },
        },
      },
    }),
    getQaSettings(),
  ]);
  if (!conversation) return null;

  const agentNames = new Map(conversation.agents.map(({ user }) => [user.id, user.name]));
  const gaps = responseGaps(conversation.messages);
  const messages = conversation.messages.map((message, index): TranscriptMessage => {
    const masked = settings.maskPersonalData ? maskPersonalData(message.text) : null;
    return {
      id: message.id.toString(),
      seq: message.seq,
      sender: message.sender,
      agentName: message.agentId ? (agentNames.get(message.agentId) ?? null) : null,
      sentAt: message.sentAt.toISOString(),
      text: masked ? masked.text : message.text,
      masked: masked !== null && masked.kinds.length > 0,
      waitSeconds: gaps.waitBefore[index] ?? null,
      isFirstResponse: gaps.firstResponseIndex === index,
      isLongestWait: gaps.longestWaitIndex === index,
    };
  });

  const { agents, team, messages: _raw, orderValue, startedAt, endedAt, customerRef, ...rest } = conversation;
  return {
    conversation: {
      ...rest,
      customerRef: settings.maskPersonalData ? maskPersonalData(customerRef).text : customerRef,
      startedAt: startedAt.toISOString(),
      endedAt: endedAt?.toISOString() ?? null,
      orderValue: orderValue?.toString() ?? null,
      agents: agents.map(({ user }) => user),
      team,
    },
    messages,
    maskingOn: settings.maskPersonalData,
  };
}
