import type { LoaderFunctionArgs } from "@remix-run/node";
import { getT } from "~/modules/i18n/i18n.server";
import { requirePermission } from "~/modules/identity/session.server";
import { allRejections, getImportBatch } from "~/modules/qa/import/batches.server";
import { csvRow } from "~/utils/csv";
import { notFound } from "~/utils/http.server";

/** The batch's rejections as CSV (UTF-8 with BOM for Excel), streamed a page at a time. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  await requirePermission(request, "import:conversation:any");
  const batch = await getImportBatch(params.batchId ?? "");
  if (!batch) notFound("import batch not found");
  const t = await getT(request);
  const encoder = new TextEncoder();
  const header = ["line", "id", "reason", "reason_text", "detail"];
  const pages = allRejections(batch.id);
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode(`\uFEFF${header.join(",")}\r\n`));
    },
    async pull(controller) {
      const next = await pages.next();
      if (next.done) return controller.close();
      const lines = next.value.map((row) =>
        csvRow([row.line, row.externalId, row.reason, t(`qa-import:rejections.${row.reason}`), row.detail]),
      );
      controller.enqueue(encoder.encode(`${lines.join("\r\n")}\r\n`));
    },
  });
  return new Response(body, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="import-${batch.id}-rejections.csv"`,
      "Cache-Control": "no-store",
    },
  });
}
