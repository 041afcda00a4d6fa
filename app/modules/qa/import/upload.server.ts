/**
 * Receives an uploaded conversation file: streamed part by part to data/imports (never buffered in memory), size
 * capped while streaming, then handed to an import batch and its job.
 */
import { randomUUID } from "node:crypto";
import { stat, unlink } from "node:fs/promises";
import path from "node:path";
import {
  MaxPartSizeExceededError,
  NodeOnDiskFile,
  unstable_composeUploadHandlers as composeUploadHandlers,
  unstable_createFileUploadHandler as createFileUploadHandler,
  unstable_createMemoryUploadHandler as createMemoryUploadHandler,
  unstable_parseMultipartFormData as parseMultipartFormData,
} from "@remix-run/node";
import { recordAudit } from "~/modules/audit/audit.server";
import { enqueue } from "~/modules/jobs/queue.server";
import { db } from "~/utils/db.server";
import { formatFromFileName, importUploadDirectory, maxImportFileBytes } from "./import.server";
import type { ImportFileFormat } from "./sources.server";

// Multipart boundaries and the small fields come on top of the file itself.
const MULTIPART_ALLOWANCE = 64 * 1024;

export type UploadFailure = { ok: false; status: number; error: string; params?: Record<string, string | number> };
export type UploadSuccess = { ok: true; storedPath: string; fileName: string; size: number; format: ImportFileFormat };

export async function receiveUpload(request: Request): Promise<UploadSuccess | UploadFailure> {
  const maxBytes = maxImportFileBytes();
  const maxMegabytes = Math.round(maxBytes / 1024 / 1024);
  if (Number(request.headers.get("content-length") ?? 0) > maxBytes + MULTIPART_ALLOWANCE) {
    return { ok: false, status: 413, error: "upload.errors.tooLarge", params: { max: maxMegabytes } };
  }
  let originalName = "";
  const fileHandler = createFileUploadHandler({
    directory: importUploadDirectory(),
    maxPartSize: maxBytes,
    avoidFileConflicts: false,
    filter: ({ name }) => name === "file",
    file: ({ filename }) => {
      originalName = path.basename(filename).slice(0, 200);
      return `${new Date().toISOString().slice(0, 10)}-${randomUUID()}${path.extname(filename).toLowerCase().slice(0, 10)}`;
    },
  });
  let form: FormData;
  try {
    form = await parseMultipartFormData(
      request,
      composeUploadHandlers(fileHandler, createMemoryUploadHandler({ maxPartSize: 1024 })),
    );
  } catch (error) {
    if (error instanceof MaxPartSizeExceededError) {
      return { ok: false, status: 413, error: "upload.errors.tooLarge", params: { max: maxMegabytes } };
    }
    return { ok: false, status: 400, error: "upload.errors.unreadable" };
  }
  const file = form.get("file");
  if (!(file instanceof NodeOnDiskFile)) return { ok: false, status: 400, error: "upload.errors.noFile" };
  const storedPath = file.getFilePath();
  const discard = async (failure: UploadFailure) => {
    await unlink(storedPath).catch(() => undefined);
    return failure;
  };
  const size = (await stat(storedPath)).size;
  if (size === 0) return discard({ ok: false, status: 400, error: "upload.errors.empty" });
  const chosen = form.get("format");
  const format = chosen === "jsonl" || chosen === "csv" ? chosen : formatFromFileName(originalName || storedPath);
  if (!format) return discard({ ok: false, status: 400, error: "upload.errors.unknownFormat" });
  return { ok: true, storedPath, fileName: originalName, size, format };
}

/** Batch + audit in one transaction, then the job. A job that cannot be queued fails the batch visibly. */
export async function startUploadBatch(upload: UploadSuccess, actor: { id: string; ipAddress: string }) {
  const batch = await db.$transaction(async (tx) => {
    const created = await tx.importBatch.create({
      data: {
        source: "upload",
        format: upload.format,
        fileName: upload.fileName,
        storedPath: upload.storedPath,
        bytesTotal: BigInt(upload.size),
        createdById: actor.id,
      },
      select: { id: true },
    });
    await recordAudit(
      {
        actorId: actor.id,
        action: "conversation.import",
        entityType: "ImportBatch",
        entityId: created.id,
        after: { source: "upload", fileName: upload.fileName, format: upload.format, bytes: upload.size },
        ipAddress: actor.ipAddress,
      },
      tx,
    );
    return created;
  });
  try {
    const handle = await enqueue(
      "qa.import-conversations",
      { batchId: batch.id },
      { idempotencyKey: `qa-import:${batch.id}` },
    );
    await db.importBatch.updateMany({ where: { id: batch.id, jobRunId: null }, data: { jobRunId: handle.runId } });
  } catch (error) {
    await db.importBatch.update({
      where: { id: batch.id },
      data: {
        status: "failed",
        error: `internal: ${error instanceof Error ? error.message : String(error)}`,
        finishedAt: new Date(),
      },
    });
  }
  return batch.id;
}
