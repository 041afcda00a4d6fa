import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { EmptyState } from "~/components/empty-state";
import { titleFromLoader } from "~/components/meta";
import { PageHeader } from "~/components/page-header";
import { Pagination } from "~/components/pagination";
import { BatchTable } from "~/components/qa/import/batch-table";
import { FormatHelp, UploadForm } from "~/components/qa/import/upload-form";
import { pageTitle } from "~/modules/i18n/page-title.server";
import { clientIp, requirePermission } from "~/modules/identity/session.server";
import { listImportBatches } from "~/modules/qa/import/batches.server";
import { maxImportFileBytes } from "~/modules/qa/import/import.server";
import { IMPORT_LIMITS } from "~/modules/qa/import/limits";
import { receiveUpload, startUploadBatch } from "~/modules/qa/import/upload.server";
import { readPagination } from "~/utils/pagination";

export const meta = titleFromLoader;

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "import:conversation:any");
  const { page, pageSize } = readPagination(new URL(request.url));
  const batches = await listImportBatches(page, pageSize);
  return {
    pageTitle: await pageTitle(request, "qa-import:imports.title"),
    page,
    pageSize,
    total: batches.total,
    rows: batches.rows.map((row) => ({ ...row, createdAt: row.createdAt.toISOString() })),
    maxMegabytes: Math.round(maxImportFileBytes() / 1024 / 1024),
    limits: {
      maxMessages: IMPORT_LIMITS.maxMessagesPerConversation,
      maxTextLength: IMPORT_LIMITS.maxTextLength,
      maxApiItems: IMPORT_LIMITS.maxApiItems,
    },
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, "import:conversation:any");
  const upload = await receiveUpload(request);
  if (!upload.ok) return data({ error: upload.error, params: upload.params ?? {} }, { status: upload.status });
  const batchId = await startUploadBatch(upload, { id: user.id, ipAddress: clientIp(request) });
  return redirect(`/admin/imports/${batchId}`);
}

export default function ImportsPage() {
  const { t } = useTranslation(["qa-import", "common"]);
  const { rows, page, pageSize, total, maxMegabytes, limits } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <div className="space-y-6">
      <PageHeader title={t("imports.title")} description={t("imports.description")} />
      <div className="grid gap-6 lg:grid-cols-2">
        <UploadForm
          maxMegabytes={maxMegabytes}
          error={actionData ? t(`qa-import:${actionData.error}`, actionData.params) : null}
        />
        <FormatHelp limits={limits} />
      </div>
      <section className="card overflow-hidden">
        <h2 className="border-b border-slate-200 px-4 py-3 text-base font-semibold text-slate-900">
          {t("batches.title")}
        </h2>
        {rows.length > 0 ? (
          <>
            <BatchTable rows={rows} />
            <Pagination page={page} pageSize={pageSize} total={total} />
          </>
        ) : (
          <EmptyState icon="upload" title={t("batches.emptyTitle")} body={t("batches.emptyBody")} />
        )}
      </section>
    </div>
  );
}
