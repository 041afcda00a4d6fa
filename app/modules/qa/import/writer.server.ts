/**
 * Writes validated conversations in chunks: one transaction per chunk (a few hundred conversations), messages with
 * createMany, agents looked up by 工号 once per process run, existing hashes fetched with one query per chunk.
 * A conversation is written whole or not at all: when a chunk's transaction fails, its conversations are retried
 * one per transaction and only the failing ones are rejected.
 */
import { randomBytes } from "node:crypto";
import { db, Prisma } from "~/utils/db.server";
import type { NormalisedConversation } from "./contract";
import { messagesHash } from "./hash";
import type { Rejection } from "./limits";
import { ItemChecker, type SourceItem } from "./pipeline";
import { resolveConversation, type AgentRef, type MessageRow, type ResolvedConversation } from "./resolve";

export interface ImportCounts {
  created: number;
  updated: number;
  unchanged: number;
  rejected: number;
  messages: number;
}

export interface WriterOptions {
  batchId: string;
  timeZone: string;
  /** Conversations per transaction. */
  chunkSize?: number;
  /** Called after every chunk (counts so far). */
  onProgress?: (counts: ImportCounts) => void | Promise<void>;
  /** Stored on the batch after every chunk. */
  bytesRead?: () => number;
  /** Keep rejections in memory too (the REST endpoint answers with them). */
  collectRejections?: boolean;
}

type Transaction = Prisma.TransactionClient;
type Pending = { line: number; conversation: NormalisedConversation };

const DEFAULT_CHUNK = 250;
/** A chunk also closes at this many messages, so a run of long conversations stays within memory and time. */
const CHUNK_MESSAGES = 8_000;
/** Messages per INSERT (one array parameter per column, so only the statement size grows). */
const INSERT_ROWS = 20_000;
const REJECTION_FLUSH = 500;

type Existing = { id: string; externalId: string; contentHash: string };

export class ConversationWriter {
  readonly counts: ImportCounts = { created: 0, updated: 0, unchanged: 0, rejected: 0, messages: 0 };
  readonly rejections: Rejection[] = [];
  private readonly agents = new Map<string, AgentRef | null>();
  private readonly checker: ItemChecker;
  private pending: Pending[] = [];
  private pendingMessages = 0;
  private unsavedRejections: Rejection[] = [];

  constructor(private readonly options: WriterOptions) {
    this.checker = new ItemChecker({ timeZone: options.timeZone });
  }

  async add(item: SourceItem) {
    const checked = this.checker.check(item);
    if (checked.kind === "rejection") {
      this.reject(checked.rejection);
      if (this.unsavedRejections.length >= REJECTION_FLUSH) await this.saveRejections(db);
      return;
    }
    this.pending.push({ line: checked.line, conversation: checked.conversation });
    this.pendingMessages += checked.conversation.messages.length;
    if (this.pending.length >= (this.options.chunkSize ?? DEFAULT_CHUNK) || this.pendingMessages >= CHUNK_MESSAGES) {
      await this.flush();
    }
  }

  async addAll(items: AsyncIterable<SourceItem> | Iterable<SourceItem>) {
    for await (const item of items) await this.add(item);
    await this.flush();
    await this.saveRejections(db);
    return this.counts;
  }

  private reject(rejection: Rejection) {
    this.counts.rejected += 1;
    this.unsavedRejections.push(rejection);
    if (this.options.collectRejections) this.rejections.push(rejection);
  }

  private async saveRejections(client: Pick<Transaction, "importRejection">) {
    if (this.unsavedRejections.length === 0) return;
    const rows = this.unsavedRejections.map((rejection) => ({ batchId: this.options.batchId, ...rejection }));
    this.unsavedRejections = [];
    await client.importRejection.createMany({ data: rows });
  }

  async flush() {
    const chunk = this.pending;
    this.pending = [];
    this.pendingMessages = 0;
    if (chunk.length > 0) {
      await this.loadAgents(chunk);
      try {
        await this.writeChunk(chunk);
      } catch {
        // Usually a concurrent import of the same ids: retry one by one so the rest of the chunk still lands.
        for (const item of chunk) {
          try {
            await this.writeChunk([item]);
          } catch (error) {
            this.reject({
              line: item.line,
              externalId: item.conversation.externalId,
              reason: "write-failed",
              detail: error instanceof Error ? error.message.slice(0, 300) : String(error),
            });
          }
        }
      }
    }
    await this.saveProgress();
    await this.options.onProgress?.({ ...this.counts });
  }

  private async loadAgents(chunk: Pending[]) {
    const wanted = new Set<string>();
    for (const { conversation } of chunk) {
      for (const externalId of conversation.agents) if (!this.agents.has(externalId)) wanted.add(externalId);
    }
    if (wanted.size === 0) return;
    const users = await db.user.findMany({
      where: { externalId: { in: [...wanted] } },
      select: { id: true, externalId: true, teamId: true },
    });
    for (const externalId of wanted) this.agents.set(externalId, null);
    for (const user of users) this.agents.set(user.externalId, { id: user.id, teamId: user.teamId });
  }

  private async writeChunk(chunk: Pending[]) {
    const resolved: { line: number; conversation: ResolvedConversation }[] = [];
    const rejected: Rejection[] = [];
    for (const item of chunk) {
      const result = resolveConversation(item.conversation, this.agents);
      if (result.ok) resolved.push({ line: item.line, conversation: result.conversation });
      else
        rejected.push({
          line: item.line,
          externalId: item.conversation.externalId,
          reason: result.reason,
          detail: result.detail,
        });
    }

    const existing = await db.conversation.findMany({
      where: { externalId: { in: resolved.map((item) => item.conversation.row.externalId) } },
      select: { id: true, externalId: true, contentHash: true },
    });
    const byExternalId = new Map<string, Existing>(existing.map((row) => [row.externalId, row]));
    const creates: ResolvedConversation[] = [];
    const updates: { id: string; conversation: ResolvedConversation }[] = [];
    let unchanged = 0;
    for (const { conversation } of resolved) {
      const found = byExternalId.get(conversation.row.externalId);
      if (!found) creates.push(conversation);
      else if (found.contentHash === conversation.row.contentHash) unchanged += 1;
      else updates.push({ id: found.id, conversation });
    }
    const keepMessages = await this.unchangedMessageSets(updates);

    const written = { created: creates.length, updated: updates.length, messages: 0 };
    await db.$transaction(
      async (tx) => {
        const agentRows: { conversationId: string; userId: string }[] = [];
        const messageRows: (MessageRow & { conversationId: string })[] = [];
        const collect = (conversationId: string, conversation: ResolvedConversation, withMessages: boolean) => {
          for (const userId of conversation.agentIds) agentRows.push({ conversationId, userId });
          if (!withMessages) return;
          for (const message of conversation.messages) messageRows.push({ conversationId, ...message });
          written.messages += conversation.messages.length;
        };

        if (creates.length > 0) {
          const ids = creates.map(() => newId());
          await insertConversations(tx, ids, creates, this.options.batchId);
          creates.forEach((conversation, index) => collect(ids[index]!, conversation, true));
        }
        if (updates.length > 0) {
          const replaceMessages = updates.filter(({ id }) => !keepMessages.has(id)).map(({ id }) => id);
          await tx.conversationAgent.deleteMany({ where: { conversationId: { in: updates.map(({ id }) => id) } } });
          if (replaceMessages.length > 0) {
            await tx.message.deleteMany({ where: { conversationId: { in: replaceMessages } } });
          }
          for (const { id, conversation } of updates) {
            await tx.conversation.update({ where: { id }, data: this.conversationData(conversation) });
            collect(id, conversation, !keepMessages.has(id));
            if (keepMessages.has(id)) written.messages += conversation.messages.length;
          }
        }
        if (agentRows.length > 0) await tx.conversationAgent.createMany({ data: agentRows, skipDuplicates: true });
        for (let start = 0; start < messageRows.length; start += INSERT_ROWS) {
          await insertMessages(tx, messageRows.slice(start, start + INSERT_ROWS));
        }
        await tx.importBatch.update({
          where: { id: this.options.batchId },
          data: {
            created: { increment: written.created },
            updated: { increment: written.updated },
            unchanged: { increment: unchanged },
            messages: { increment: written.messages },
          },
        });
      },
      { maxWait: 30_000, timeout: 10 * 60_000 },
    );
    this.counts.created += written.created;
    this.counts.updated += written.updated;
    this.counts.unchanged += unchanged;
    this.counts.messages += written.messages;
    for (const rejection of rejected) this.reject(rejection);
  }

  /** Updated conversations whose stored messages equal the new ones: their rows (and pinned comments) stay. */
  private async unchangedMessageSets(updates: { id: string; conversation: ResolvedConversation }[]) {
    const keep = new Set<string>();
    if (updates.length === 0) return keep;
    const stored = await db.message.findMany({
      where: { conversationId: { in: updates.map(({ id }) => id) } },
      orderBy: [{ conversationId: "asc" }, { seq: "asc" }],
      select: { conversationId: true, sender: true, agentId: true, sentAt: true, text: true },
    });
    const byConversation = new Map<string, typeof stored>();
    for (const message of stored) {
      const list = byConversation.get(message.conversationId) ?? [];
      list.push(message);
      byConversation.set(message.conversationId, list);
    }
    for (const { id, conversation } of updates) {
      const old = byConversation.get(id) ?? [];
      if (old.length === conversation.messages.length && messagesHash(old) === messagesHash(conversation.messages)) {
        keep.add(id);
      }
    }
    return keep;
  }

  private conversationData(conversation: ResolvedConversation) {
    const { row } = conversation;
    return {
      ...row,
      extra: row.extra === null ? Prisma.DbNull : (row.extra as Prisma.InputJsonValue),
      importBatchId: this.options.batchId,
    };
  }

  private async saveProgress() {
    const data: Prisma.ImportBatchUpdateInput = { rejected: this.counts.rejected };
    if (this.options.bytesRead) data.bytesRead = BigInt(this.options.bytesRead());
    await this.saveRejections(db);
    await db.importBatch.update({ where: { id: this.options.batchId }, data });
  }
}

/** cuid-shaped ids ("c" + 24 base-36 characters): the rows are inserted with SQL, so Prisma does not make them. */
function newId(): string {
  const bytes = randomBytes(16);
  let value = 0n;
  for (const byte of bytes) value = (value << 8n) | BigInt(byte);
  return `c${value.toString(36).padStart(25, "0").slice(-24)}`;
}

/*
 * Bulk inserts as INSERT … SELECT FROM unnest(arrays): one parameter per column whatever the row count. Measured
 * several times faster than createMany, which builds a bind parameter per value. Timestamps travel as ISO strings
 * (UTC) into timestamp(3) columns, as Prisma stores DateTime; tags travel as JSON text (unnest would flatten a
 * two-dimensional array).
 */
async function insertConversations(
  tx: Transaction,
  ids: string[],
  conversations: ResolvedConversation[],
  batchId: string,
) {
  const rows = conversations.map((conversation) => conversation.row);
  await tx.$executeRaw`
    INSERT INTO "Conversation" (
      id, "externalId", channel, "startedAt", "endedAt", "customerRef", csat, resolved, complaint, converted,
      "orderValue", tags, extra, "messageCount", "handlingSeconds", "firstResponseSeconds", "longestWaitSeconds",
      "primaryAgentId", "teamId", "contentHash", "csatRequested", "firstResponderId", "lastAgentId", "importBatchId",
      "importedAt", "updatedAt")
    SELECT u.id, u.external_id, u.channel::"Channel", u.started_at::timestamp(3), u.ended_at::timestamp(3),
      u.customer_ref, u.csat, u.resolved, u.complaint, u.converted, u.order_value::decimal(12, 2),
      ARRAY(SELECT jsonb_array_elements_text(u.tags::jsonb)), u.extra::jsonb, u.message_count, u.handling_seconds,
      u.first_response_seconds, u.longest_wait_seconds, u.primary_agent_id, u.team_id, u.content_hash,
      u.csat_requested, u.first_responder_id, u.last_agent_id, ${batchId}, now(), now()
    FROM unnest(
      ${ids}::text[], ${rows.map((row) => row.externalId)}::text[], ${rows.map((row) => row.channel)}::text[],
      ${rows.map((row) => row.startedAt.toISOString())}::text[],
      ${rows.map((row) => row.endedAt?.toISOString() ?? null)}::text[],
      ${rows.map((row) => row.customerRef)}::text[], ${rows.map((row) => row.csat)}::int[],
      ${rows.map((row) => row.resolved)}::boolean[], ${rows.map((row) => row.complaint)}::boolean[],
      ${rows.map((row) => row.converted)}::boolean[], ${rows.map((row) => row.orderValue)}::text[],
      ${rows.map((row) => JSON.stringify(row.tags))}::text[],
      ${rows.map((row) => (row.extra === null ? null : JSON.stringify(row.extra)))}::text[],
      ${rows.map((row) => row.messageCount)}::int[], ${rows.map((row) => row.handlingSeconds)}::int[],
      ${rows.map((row) => row.firstResponseSeconds)}::int[], ${rows.map((row) => row.longestWaitSeconds)}::int[],
      ${rows.map((row) => row.primaryAgentId)}::text[], ${rows.map((row) => row.teamId)}::text[],
      ${rows.map((row) => row.contentHash)}::text[], ${rows.map((row) => row.csatRequested)}::boolean[],
      ${rows.map((row) => row.firstResponderId)}::text[], ${rows.map((row) => row.lastAgentId)}::text[]
    ) AS u(id, external_id, channel, started_at, ended_at, customer_ref, csat, resolved, complaint, converted,
      order_value, tags, extra, message_count, handling_seconds, first_response_seconds, longest_wait_seconds,
      primary_agent_id, team_id, content_hash, csat_requested, first_responder_id, last_agent_id)`;
}

async function insertMessages(tx: Transaction, rows: (MessageRow & { conversationId: string })[]) {
  await tx.$executeRaw`
    INSERT INTO "Message" ("conversationId", seq, sender, "agentId", "sentAt", "waitStartedAt", text)
    SELECT u.conversation_id, u.seq, u.sender::"MessageSender", u.agent_id, u.sent_at::timestamp(3),
      u.wait_started_at::timestamp(3), u.text
    FROM unnest(
      ${rows.map((row) => row.conversationId)}::text[], ${rows.map((row) => row.seq)}::int[],
      ${rows.map((row) => row.sender)}::text[], ${rows.map((row) => row.agentId)}::text[],
      ${rows.map((row) => row.sentAt.toISOString())}::text[],
      ${rows.map((row) => row.waitStartedAt?.toISOString() ?? null)}::text[], ${rows.map((row) => row.text)}::text[]
    ) AS u(conversation_id, seq, sender, agent_id, sent_at, wait_started_at, text)`;
}
