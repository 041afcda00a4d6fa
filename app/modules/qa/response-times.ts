/**
 * Response gaps in a transcript (pure). Used at import (stored on the conversation for sampling filters and KPIs)
 * and in the workbench (each agent reply shows how long the customer waited).
 *
 * - A wait starts at the first customer message after an agent reply (or at the first customer message) and ends
 *   at the next agent message. Bot and system messages neither start nor end a wait: a bot greeting is not a reply.
 * - First response time (FRT) = first agent message − first customer message (null when either is missing).
 * - Longest wait = the longest such wait; the reply that ended it is flagged.
 */

export interface TimedMessage {
  sender: "customer" | "agent" | "bot" | "system";
  sentAt: Date;
}

export interface ResponseGaps {
  /** Seconds the customer had been waiting when message i was sent, for agent messages that end a wait. */
  waitBefore: (number | null)[];
  firstResponseSeconds: number | null;
  longestWaitSeconds: number | null;
  /** Index of the agent message that ended the longest wait. */
  longestWaitIndex: number | null;
  /** Index of the first agent message that answered a customer. */
  firstResponseIndex: number | null;
}

const seconds = (from: Date, to: Date) => Math.max(0, Math.round((to.getTime() - from.getTime()) / 1000));

export function responseGaps(messages: readonly TimedMessage[]): ResponseGaps {
  const waitBefore: (number | null)[] = messages.map(() => null);
  let waitingSince: Date | null = null;
  let firstCustomerAt: Date | null = null;
  let firstResponseIndex: number | null = null;
  let longestWaitSeconds: number | null = null;
  let longestWaitIndex: number | null = null;

  messages.forEach((message, index) => {
    if (message.sender === "customer") {
      firstCustomerAt ??= message.sentAt;
      waitingSince ??= message.sentAt;
      return;
    }
    if (message.sender !== "agent" || waitingSince === null) return;
    const wait = seconds(waitingSince, message.sentAt);
    waitBefore[index] = wait;
    firstResponseIndex ??= index;
    if (longestWaitSeconds === null || wait > longestWaitSeconds) {
      longestWaitSeconds = wait;
      longestWaitIndex = index;
    }
    waitingSince = null;
  });

  const firstResponseSeconds =
    firstResponseIndex !== null && firstCustomerAt !== null
      ? seconds(firstCustomerAt, messages[firstResponseIndex]!.sentAt)
      : null;
  return { waitBefore, firstResponseSeconds, longestWaitSeconds, longestWaitIndex, firstResponseIndex };
}

/** Handling time: end − start when the end is known, otherwise last message − first message. */
export function handlingSeconds(startedAt: Date, endedAt: Date | null, messages: readonly TimedMessage[]): number {
  if (endedAt) return seconds(startedAt, endedAt);
  if (messages.length === 0) return 0;
  return seconds(messages[0]!.sentAt, messages[messages.length - 1]!.sentAt);
}
