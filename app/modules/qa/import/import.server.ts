/**
 * Conversation import batches: upload (a job reads the stored file), CLI (same reader, in the terminal) and REST
 * (an array in the request). Every way goes through ConversationWriter, so idempotency and rejections are the same.
 */
import { stat, unlink } from "node:fs/promises";
import path from "node:path";
import { recordAudit } from "~/modules/audit/audit.server";
import type { JobContext } from "~/modules/jobs/registry";
import { db } from "~/utils/db.server";
import { env } from "~/utils/env.server";
import { IMPORT_LIMITS, type Rejection } from "./limits";
import type { SourceItem } from "./pipeline";
import { ImportFileError, openFileSource, type ImportFileFormat } from "./sources.server";
import { ConversationWriter, type ImportCounts } from "./writer.server";

export type { ImportCounts } from "./writer.server";
export { ImportFileError } from "./sources.server";

/** Largest accepted file: QA_IMPORT_MAX_BYTES, default 500 MB. */
export function maxImportFileBytes(): number {
  const configured = Number(process.env.QA_IMPORT_MAX_BYTES);
  return Number.isFinite(configured) && configured > 0 ? Math.floor(configured) : IMPORT_LIMITS.defaultMaxFileBytes;
}

/** Where uploads wait for their job: QA_IMPORT_DIR, default data/imports. */
export function importUploadDirectory(): string {
  return path.resolve(process.env.QA_IMPORT_DIR || "data/imports");
}

export function formatFromFileName(fileName: string): ImportFileFormat | null {
  const extension = path.extname(fileName).toLowerCase();
  if (extension === ".jsonl" || extension === ".ndjson" || extension === ".json") return "jsonl";
  if (extension === ".csv" || extension === ".txt") return "csv";
  return null;
}

function errorText(error: unknown) {
  if (error instanceof ImportFileError) return error.message;
  return `internal: ${error instanceof Error ? error.message.slice(0, 500) : String(error)}`;
}

async function resetBatch(batchId: string, jobRunId: string | null) {
  // A retry starts over: counts and rejections of the earlier attempt go; the upserts make re-writing safe.
  await db.$transaction([
    db.importRejection.deleteMany({ where: { batchId } }),
    db.importBatch.update({
      where: { id: batchId },
      data: {
        status: "running",
        created: 0,
        updated: 0,
        unchanged: 0,
        rejected: 0,
        messages: 0,
        bytesRead: 0,
        error: null,
        startedAt: new Date(),
        finishedAt: null,
        ...(jobRunId ? { jobRunId } : {}),
      },
    }),
  ]);
}

async function finishBatch(batchId: string, status: "succeeded" | "failed", error: string | null = null) {
  await db.importBatch.update({ where: { id: batchId }, data: { status, error, finishedAt: new Date() } });
}

export interface FileImportOptions {
  jobRunId?: string | null;
  onProgress?: (progress: ImportCounts & { bytesRead: number; bytesTotal: number }) => void | Promise<void>;
}

/**
 * Reads the batch's stored file and writes its conversations. File-level problems (missing file, too large,
 * missing CSV columns, broken CSV quoting) fail the batch with a reason; conversations already written stay.
 */
export async function importStoredFile(batchId: string, options: FileImportOptions = {}) {
  const batch = await db.importBatch.findUnique({
    where: { id: batchId },
    select: { id: true, storedPath: true, format: true, status: true, source: true },
  });
  if (!batch) throw new Error(`Import batch ${batchId} not found`);
  if (batch.status === "succeeded") return { status: "succeeded" as const };
  await resetBatch(batchId, options.jobRunId ?? null);

  try {
    if (!batch.storedPath) throw new ImportFileError("file-missing");
    const size = await stat(batch.storedPath).then(
      (info) => info.size,
      () => null,
    );
    if (size === null) throw new ImportFileError("file-missing");
    await db.importBatch.update({ where: { id: batchId }, data: { bytesTotal: BigInt(size) } });
    if (size > maxImportFileBytes()) throw new ImportFileError("file-too-large", `${size} > ${maxImportFileBytes()}`);

    const source = openFileSource(batch.storedPath, batch.format);
    const writer = new ConversationWriter({
      batchId,
      timeZone: env().APP_TIME_ZONE,
      bytesRead: source.bytesRead,
      onProgress: (counts) => options.onProgress?.({ ...counts, bytesRead: source.bytesRead(), bytesTotal: size }),
    });
    try {
      await writer.addAll(source.items);
    } catch (error) {
      // Conversations read completely before the problem are written; the one being read is dropped.
      if (error instanceof ImportFileError) await writer.flush().catch(() => undefined);
      throw error;
    }
    // The upload has served its purpose; CLI files belong to the person who ran the command.
    const uploaded = batch.source === "upload";
    if (uploaded) await unlink(batch.storedPath).catch(() => undefined);
    await db.importBatch.update({
      where: { id: batchId },
      data: {
        bytesRead: BigInt(size),
        status: "succeeded",
        finishedAt: new Date(),
        ...(uploaded ? { storedPath: null } : {}),
      },
    });
    return { status: "succeeded" as const, counts: writer.counts };
  } catch (error) {
    if (error instanceof ImportFileError) {
      await finishBatch(batchId, "failed", errorText(error));
      return { status: "failed" as const, error: errorText(error) };
    }
    throw error;
  }
}

/** Job handler for qa.import-conversations. Unexpected errors are retried by the job system; the last attempt fails the batch. */
export async function runImportJob(payload: { batchId: string }, context: JobContext) {
  try {
    const result = await importStoredFile(payload.batchId, { jobRunId: context.runId });
    return result;
  } catch (error) {
    const last = context.attempt >= context.maxAttempts;
    await db.importBatch
      .update({
        where: { id: payload.batchId },
        data: last
          ? { status: "failed", error: errorText(error), finishedAt: new Date() }
          : { status: "queued", error: errorText(error) },
      })
      .catch(() => undefined);
    throw error;
  }
}

/**
 * Imports a file on this machine as a batch with source "cli" (the command line, the demo seed, the benchmark).
 * The file stays where it is: it belongs to whoever ran the command.
 */
export async function importLocalFile(
  filePath: string,
  options: { format?: ImportFileFormat; createdById?: string | null } & Pick<FileImportOptions, "onProgress"> = {},
) {
  const absolute = path.resolve(filePath);
  const format = options.format ?? formatFromFileName(absolute) ?? "jsonl";
  const size = await stat(absolute).then(
    (info) => info.size,
    () => 0,
  );
  const batch = await db.$transaction(async (tx) => {
    const created = await tx.importBatch.create({
      data: {
        source: "cli",
        format,
        fileName: path.basename(absolute),
        storedPath: absolute,
        bytesTotal: BigInt(size),
        createdById: options.createdById ?? null,
      },
      select: { id: true },
    });
    await recordAudit(
      {
        actorId: options.createdById ?? null,
        action: "conversation.import",
        entityType: "ImportBatch",
        entityId: created.id,
        after: { source: "cli", fileName: path.basename(absolute), format, bytes: size },
      },
      tx,
    );
    return created;
  });
  const result = await importStoredFile(batch.id, { onProgress: options.onProgress });
  return { batchId: batch.id, ...result };
}

export interface ItemImportResult {
  batchId: string;
  counts: ImportCounts;
  rejections: Rejection[];
}

/** Imports conversation objects already in memory (REST): one batch, synchronous, rejections returned. */
export async function importItems(
  items: readonly unknown[],
  batch: { source: "api" | "cli" | "upload"; createdById?: string | null; apiTokenId?: string | null },
): Promise<ItemImportResult> {
  const created = await db.importBatch.create({
    data: {
      source: batch.source,
      format: "jsonl",
      status: "running",
      startedAt: new Date(),
      createdById: batch.createdById ?? null,
      apiTokenId: batch.apiTokenId ?? null,
    },
    select: { id: true },
  });
  const writer = new ConversationWriter({
    batchId: created.id,
    timeZone: env().APP_TIME_ZONE,
    collectRejections: true,
  });
  try {
    const sourceItems: SourceItem[] = items.map((raw, index) => ({ kind: "conversation", line: index + 1, raw }));
    await writer.addAll(sourceItems);
    await finishBatch(created.id, "succeeded");
  } catch (error) {
    await finishBatch(created.id, "failed", errorText(error));
    throw error;
  }
  return { batchId: created.id, counts: writer.counts, rejections: writer.rejections };
}
