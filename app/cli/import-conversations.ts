/**
 * Imports a conversation file from the command line, through the same writer as the upload page.
 * Usage: npm run import -- <file> [--format jsonl|csv] [--by <工号>]
 * Exits 1 when the batch fails (the reason is printed); rejected lines are listed on the batch's page and counted here.
 */
import { parseArgs } from "node:util";
import { db, closeDatabase } from "~/utils/db.server";
import { importLocalFile, type ImportCounts } from "~/modules/qa/import/import.server";

function usage(message?: string): never {
  if (message) console.error(message);
  console.error("Usage: npm run import -- <file> [--format jsonl|csv] [--by <工号>]");
  process.exit(2);
}

const { values, positionals } = (() => {
  try {
    return parseArgs({
      allowPositionals: true,
      options: { format: { type: "string" }, by: { type: "string" }, help: { type: "boolean", short: "h" } },
    });
  } catch (error) {
    return usage(error instanceof Error ? error.message : String(error));
  }
})();
if (values.help) usage();
const file = positionals[0];
if (!file || positionals.length > 1) usage("Give exactly one file.");
if (values.format !== undefined && values.format !== "jsonl" && values.format !== "csv") {
  usage(`Unknown format "${values.format}": use jsonl or csv.`);
}

function line(counts: ImportCounts) {
  return `created ${counts.created}, updated ${counts.updated}, unchanged ${counts.unchanged}, rejected ${counts.rejected}, messages ${counts.messages}`;
}

async function main() {
  let createdById: string | null = null;
  if (values.by) {
    const user = await db.user.findUnique({ where: { externalId: values.by }, select: { id: true } });
    if (!user) usage(`No user with 工号 ${values.by}.`);
    createdById = user.id;
  }
  const started = performance.now();
  const tty = process.stderr.isTTY;
  const result = await importLocalFile(file!, {
    format: values.format as "jsonl" | "csv" | undefined,
    createdById,
    onProgress: (progress) => {
      const percent = progress.bytesTotal > 0 ? Math.floor((progress.bytesRead / progress.bytesTotal) * 100) : 0;
      const text = `${String(percent).padStart(3)}%  ${line(progress)}`;
      if (tty) process.stderr.write(`\r${text}`);
      else console.error(text);
    },
  });
  if (tty) process.stderr.write("\n");
  const seconds = (performance.now() - started) / 1000;
  const batch = await db.importBatch.findUniqueOrThrow({
    where: { id: result.batchId },
    select: {
      created: true,
      updated: true,
      unchanged: true,
      rejected: true,
      messages: true,
      status: true,
      error: true,
    },
  });
  console.log(`Batch ${result.batchId}: ${batch.status} in ${seconds.toFixed(1)} s`);
  console.log(`  ${line(batch)}`);
  if (batch.rejected > 0) {
    const reasons = await db.importRejection.groupBy({
      by: ["reason"],
      where: { batchId: result.batchId },
      _count: { _all: true },
      orderBy: { _count: { reason: "desc" } },
    });
    console.log(`  rejections: ${reasons.map((entry) => `${entry.reason} ${entry._count._all}`).join(", ")}`);
    const first = await db.importRejection.findMany({
      where: { batchId: result.batchId },
      orderBy: { line: "asc" },
      take: 10,
      select: { line: true, externalId: true, reason: true, detail: true },
    });
    for (const rejection of first) {
      console.log(
        `    line ${rejection.line}${rejection.externalId ? ` (${rejection.externalId})` : ""}: ${rejection.reason}${rejection.detail ? ` — ${rejection.detail}` : ""}`,
      );
    }
  }
  if (batch.status !== "succeeded") {
    console.error(`Import failed: ${batch.error ?? "unknown error"}`);
    process.exitCode = 1;
  }
}

main()
  .catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  })
  .finally(() => closeDatabase());
