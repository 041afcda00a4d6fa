/**
 * Writes validated conversations in chunks: one transaction per chunk (a few hundred conversations), messages with
 * createMany, agents looked up by 工号 once per process run, existing hashes fetched with one query per chunk.
 * A conversation is written whole or not at all: when a chunk's transaction fails, its conversations are retried
 * one per transaction and only the failing ones are rejected.
 */
import { db, Prisma } from "~/utils/db.server";
import type { NormalisedConversation } from "./contract";
import { messagesHash } from "./hash";
import type { Rejection } from "./limits";
import { ItemChecker, type SourceItem } from "./pipeline";
import { resolveConversation, type AgentRef, type ResolvedConversation } from "./resolve";

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
/** Rows per INSERT: 6 columns each stay well under PostgreSQL's 65,535 bind parameters. */
const INSERT_ROWS = 5_000;
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
        const messageRows: Prisma.MessageCreateManyInput[] = [];
        const collect = (conversationId: string, conversation: ResolvedConversation, withMessages: boolean) => {
          for (const userId of conversation.agentIds) agentRows.push({ conversationId, userId });
          if (!withMessages) return;
          for (const message of conversation.messages) messageRows.push({ conversationId, ...message });
          written.messages += conversation.messages.length;
        };

        if (creates.length > 0) {
          const ids = await tx.conversation.createManyAndReturn({
            data: creates.map((conversation) => this.conversationData(conversation)),
            select: { id: true, externalId: true },
          });
          const idOf = new Map(ids.map((row) => [row.externalId, row.id]));
          for (const conversation of creates) collect(idOf.get(conversation.row.externalId)!, conversation, true);
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
          await tx.message.createMany({ data: messageRows.slice(start, start + INSERT_ROWS) });
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
