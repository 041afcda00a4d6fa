// QA test data: conversations, rubrics and reviews written straight to the file's isolated database.
import { randomUUID } from "node:crypto";
import type { ScaleType } from "~/modules/qa/scoring";
import { db } from "~/utils/db.server";

type Sender = "customer" | "agent" | "bot" | "system";

export type TestConversationOptions = {
  externalId?: string;
  channel?: "chat" | "phone" | "email" | "social";
  agentIds?: string[];
  teamId?: string | null;
  startedAt?: Date;
  csat?: number | null;
  complaint?: boolean;
  tags?: string[];
  /** Messages as [sender, text, secondsAfterStart]; agent messages are credited to the first agent. */
  messages?: [Sender, string, number][];
};

const DEFAULT_MESSAGES: [Sender, string, number][] = [
  ["customer", "你好，我买的保温杯漏水，可以退货吗？", 0],
  ["agent", "亲，您好！很抱歉给您带来不便，麻烦提供一下订单号哦。", 30],
  ["customer", "订单号 4200001234567890123，我的电话是13812345678", 60],
  ["agent", "已为您登记退货，运费由我们承担，请留意短信通知。", 150],
];

/** A conversation with messages and derived figures; the first agent is the primary agent. */
export async function createTestConversation(options: TestConversationOptions = {}) {
  const startedAt = options.startedAt ?? new Date(Date.now() - 86_400_000);
  const messages = options.messages ?? DEFAULT_MESSAGES;
  const agentIds = options.agentIds ?? [];
  const at = (seconds: number) => new Date(startedAt.getTime() + seconds * 1000);
  const lastSecond = messages.length > 0 ? messages[messages.length - 1]![2] : 0;
  return db.conversation.create({
    data: {
      externalId: options.externalId ?? `CONV-${randomUUID()}`,
      channel: options.channel ?? "chat",
      startedAt,
      endedAt: at(lastSecond),
      customerRef: "buyer_小王",
      csat: options.csat === undefined ? 4 : options.csat,
      complaint: options.complaint ?? false,
      tags: options.tags ?? [],
      messageCount: messages.length,
      handlingSeconds: lastSecond,
      primaryAgentId: agentIds[0] ?? null,
      teamId: options.teamId ?? null,
      contentHash: randomUUID(),
      agents: { create: agentIds.map((userId) => ({ userId })) },
      messages: {
        create: messages.map(([sender, text, seconds], seq) => ({
          seq,
          sender,
          text,
          sentAt: at(seconds),
          agentId: sender === "agent" ? (agentIds[0] ?? null) : null,
        })),
      },
    },
    select: { id: true, externalId: true, startedAt: true },
  });
}

export type TestCriterion = {
  key: string;
  name?: string;
  weight?: number;
  scale?: ScaleType;
  maxPoints?: number | null;
  allowNa?: boolean;
  critical?: boolean;
  bonus?: boolean;
  competency?: string | null;
};

const DEFAULT_CRITERIA: TestCriterion[] = [
  { key: "greeting", name: "服务用语规范", weight: 1, scale: "binary" },
  { key: "accuracy", name: "信息准确", weight: 2, scale: "five", allowNa: true },
  { key: "empathy", name: "情绪安抚", weight: 1, scale: "three" },
  { key: "privacy", name: "泄露客户信息（红线）", weight: 1, scale: "binary", critical: true },
];

/** An active rubric with one version and one section holding the given criteria. */
export async function createTestRubric(options: { name?: string; criteria?: TestCriterion[]; passMark?: number } = {}) {
  const slug = `rubric-${randomUUID().slice(0, 8)}`;
  const rubric = await db.rubric.create({
    data: { slug, name: options.name ?? `测试质检表 ${slug}`, status: "active" },
    select: { id: true },
  });
  const version = await db.rubricVersion.create({
    data: { rubricId: rubric.id, version: 1, passMark: options.passMark ?? 80 },
    select: { id: true },
  });
  const section = await db.rubricSection.create({
    data: { versionId: version.id, position: 0, name: "服务质量" },
    select: { id: true },
  });
  const criteria = [];
  for (const [position, criterion] of (options.criteria ?? DEFAULT_CRITERIA).entries()) {
    criteria.push(
      await db.rubricCriterion.create({
        data: {
          versionId: version.id,
          sectionId: section.id,
          position,
          key: criterion.key,
          name: criterion.name ?? criterion.key,
          weight: criterion.weight ?? 1,
          scale: criterion.scale ?? "binary",
          maxPoints: criterion.maxPoints ?? null,
          allowNa: criterion.allowNa ?? false,
          critical: criterion.critical ?? false,
          bonus: criterion.bonus ?? false,
          competency: criterion.competency ?? null,
        },
        select: { id: true, key: true },
      }),
    );
  }
  return { rubricId: rubric.id, versionId: version.id, slug, criteria };
}

/** A review in the given state; submitted reviews get the given per-criterion values and score. */
export async function createTestReview(options: {
  conversationId: string;
  inspectorId: string;
  rubricVersionId: string;
  agentId?: string | null;
  status?: "assigned" | "draft" | "submitted";
  score?: number;
  values?: Record<string, { value: number | null; score: number | null; failed?: boolean }>;
  submittedAt?: Date;
  kind?: "regular" | "calibration";
  calibrationSessionId?: string;
}) {
  const status = options.status ?? "assigned";
  return db.review.create({
    data: {
      kind: options.kind ?? "regular",
      conversationId: options.conversationId,
      inspectorId: options.inspectorId,
      rubricVersionId: options.rubricVersionId,
      agentId: options.agentId ?? null,
      calibrationSessionId: options.calibrationSessionId ?? null,
      status,
      dueAt: new Date(Date.now() + 3 * 86_400_000),
      submittedAt: status === "submitted" ? (options.submittedAt ?? new Date()) : null,
      score: status === "submitted" ? (options.score ?? 100) : null,
      passed: status === "submitted" ? (options.score ?? 100) >= 80 : null,
      gradingSeconds: status === "submitted" ? 240 : null,
      scores: options.values
        ? {
            create: Object.entries(options.values).map(([criterionId, entry]) => ({
              criterionId,
              value: entry.value,
              score: entry.score,
              failed: entry.failed ?? false,
            })),
          }
        : undefined,
    },
    select: { id: true },
  });
}
