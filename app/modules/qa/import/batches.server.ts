/** Import batches for the admin pages: list, one batch's progress, its rejections (paged and as CSV). */
import { db } from "~/utils/db.server";

export async function listImportBatches(page: number, pageSize: number) {
  const [rows, total] = await Promise.all([
    db.importBatch.findMany({
      orderBy: { createdAt: "desc" },
      skip: (page - 1) * pageSize,
      take: pageSize,
      select: {
        id: true,
        source: true,
        format: true,
        fileName: true,
        status: true,
        created: true,
        updated: true,
        unchanged: true,
        rejected: true,
        messages: true,
        createdAt: true,
        finishedAt: true,
        createdBy: { select: { name: true } },
        apiTokenId: true,
      },
    }),
    db.importBatch.count(),
  ]);
  const tokenIds = [...new Set(rows.flatMap((row) => (row.apiTokenId ? [row.apiTokenId] : [])))];
  const tokens = tokenIds.length
    ? await db.apiToken.findMany({ where: { id: { in: tokenIds } }, select: { id: true, name: true } })
    : [];
  const tokenNames = new Map(tokens.map((token) => [token.id, token.name]));
  return {
    total,
    rows: rows.map(({ apiTokenId, createdBy, ...row }) => ({
      ...row,
      by: createdBy?.name ?? (apiTokenId ? (tokenNames.get(apiTokenId) ?? null) : null),
    })),
  };
}

export async function getImportBatch(batchId: string) {
  const batch = await db.importBatch.findUnique({
    where: { id: batchId },
    select: {
      id: true,
      source: true,
      format: true,
      fileName: true,
      status: true,
      bytesTotal: true,
      bytesRead: true,
      created: true,
      updated: true,
      unchanged: true,
      rejected: true,
      messages: true,
      error: true,
      createdAt: true,
      startedAt: true,
      finishedAt: true,
      jobRunId: true,
      createdBy: { select: { name: true } },
    },
  });
  if (!batch) return null;
  // BigInt is not JSON: byte counts fit a double comfortably.
  return { ...batch, bytesTotal: Number(batch.bytesTotal), bytesRead: Number(batch.bytesRead) };
}

export async function listRejections(batchId: string, page: number, pageSize: number) {
  const [rows, total, reasons] = await Promise.all([
    db.importRejection.findMany({
      where: { batchId },
      orderBy: [{ line: "asc" }, { id: "asc" }],
      skip: (page - 1) * pageSize,
      take: pageSize,
      select: { id: true, line: true, externalId: true, reason: true, detail: true },
    }),
    db.importRejection.count({ where: { batchId } }),
    db.importRejection.groupBy({
      by: ["reason"],
      where: { batchId },
      _count: { _all: true },
      orderBy: { _count: { reason: "desc" } },
    }),
  ]);
  return {
    total,
    rows: rows.map((row) => ({ ...row, id: row.id.toString() })),
    reasons: reasons.map((entry) => ({ reason: entry.reason, count: entry._count._all })),
  };
}

/** All rejections in line order, a page at a time (the CSV download streams them). */
export async function* allRejections(batchId: string, pageSize = 2_000) {
  let after: { line: number; id: bigint } | null = null;
  for (;;) {
    const rows: { id: bigint; line: number; externalId: string | null; reason: string; detail: string | null }[] =
      await db.importRejection.findMany({
        where: {
          batchId,
          ...(after ? { OR: [{ line: { gt: after.line } }, { line: after.line, id: { gt: after.id } }] } : {}),
        },
        orderBy: [{ line: "asc" }, { id: "asc" }],
        take: pageSize,
        select: { id: true, line: true, externalId: true, reason: true, detail: true },
      });
    if (rows.length === 0) return;
    yield rows;
    const last = rows[rows.length - 1]!;
    after = { line: last.line, id: last.id };
    if (rows.length < pageSize) return;
  }
}
