import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData, useRevalidator } from "@remix-run/react";
import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import { titleFromLoader } from "~/components/meta";
import { PageHeader, StatCard } from "~/components/page-header";
import { Pagination } from "~/components/pagination";
import { BatchError, BatchStatusBadge, formatBytes, ProgressBar } from "~/components/qa/import/batch-status";
import { RejectionsTable } from "~/components/qa/import/rejections-table";
import { Icon } from "~/components/icons";
import { pageTitle } from "~/modules/i18n/page-title.server";
import { requirePermission } from "~/modules/identity/session.server";
import { getImportBatch, listRejections } from "~/modules/qa/import/batches.server";
import { notFound } from "~/utils/http.server";
import { readPagination } from "~/utils/pagination";
import { useFormat } from "~/utils/use-format";

export const meta = titleFromLoader;

const REFRESH_MS = 2_000;

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requirePermission(request, "import:conversation:any");
  const batch = await getImportBatch(params.batchId ?? "");
  if (!batch) notFound("import batch not found");
  const { page, pageSize } = readPagination(new URL(request.url), 50);
  const rejections = await listRejections(batch.id, page, pageSize);
  return {
    pageTitle: await pageTitle(request, "qa-import:batch.title"),
    batch: {
      ...batch,
      createdAt: batch.createdAt.toISOString(),
      startedAt: batch.startedAt?.toISOString() ?? null,
      finishedAt: batch.finishedAt?.toISOString() ?? null,
    },
    rejections,
    page,
    pageSize,
  };
}

export default function ImportBatchPage() {
  const { t } = useTranslation(["qa-import", "common"]);
  const { batch, rejections, page, pageSize } = useLoaderData<typeof loader>();
  const format = useFormat();
  const revalidator = useRevalidator();
  const active = batch.status === "queued" || batch.status === "running";

  // The job runs on the server: poll while it is queued or running, stop once it has finished.
  useEffect(() => {
    if (!active) return;
    const timer = setInterval(() => {
      if (revalidator.state === "idle" && document.visibilityState === "visible") revalidator.revalidate();
    }, REFRESH_MS);
    return () => clearInterval(timer);
  }, [active, revalidator]);

  return (
    <div className="space-y-6">
      <PageHeader
        title={t("batch.title")}
        description={batch.fileName ?? t(`sources.${batch.source}` as "sources.upload")}
        actions={
          <Link to="/admin/imports" className="btn-ghost">
            {t("common:actions.back")}
          </Link>
        }
      />
      <section className="card space-y-4 p-6" aria-live="polite">
        <div className="flex flex-wrap items-center gap-3 text-sm text-slate-600">
          <BatchStatusBadge status={batch.status} />
          <span>{t(`sources.${batch.source}` as "sources.upload")}</span>
          <span>{batch.format.toUpperCase()}</span>
          {batch.createdBy ? <span>{batch.createdBy.name}</span> : null}
          <span>{format.dateTime(batch.createdAt)}</span>
          {batch.finishedAt ? <span>{t("batch.finishedAt", { when: format.dateTime(batch.finishedAt) })}</span> : null}
        </div>
        {batch.bytesTotal > 0 ? (
          <div>
            <p className="mb-1 text-sm text-slate-600">
              {t("batch.bytes", {
                read: formatBytes(batch.bytesRead, format.context.locale),
                total: formatBytes(batch.bytesTotal, format.context.locale),
              })}
            </p>
            <ProgressBar value={batch.bytesRead} total={batch.bytesTotal} label={t("batch.progress")} />
          </div>
        ) : null}
        {active ? <p className="text-sm text-slate-500">{t("batch.refreshing")}</p> : null}
        {batch.error ? <BatchError error={batch.error} /> : null}
      </section>
      <div className="grid grid-cols-2 gap-4 md:grid-cols-5">
        <StatCard label={t("counts.created")} value={format.number(batch.created)} />
        <StatCard label={t("counts.updated")} value={format.number(batch.updated)} />
        <StatCard label={t("counts.unchanged")} value={format.number(batch.unchanged)} />
        <StatCard label={t("counts.rejected")} value={format.number(batch.rejected)} />
        <StatCard label={t("counts.messages")} value={format.number(batch.messages)} />
      </div>
      {rejections.total > 0 ? (
        <section className="card overflow-hidden">
          <div className="flex flex-wrap items-center justify-between gap-3 border-b border-slate-200 px-4 py-3">
            <h2 className="text-base font-semibold text-slate-900">{t("batch.rejectionsTitle")}</h2>
            <a href={`/admin/imports/${batch.id}/rejections.csv`} className="btn-secondary" download>
              <Icon name="download" className="h-4 w-4" />
              {t("batch.downloadRejections")}
            </a>
          </div>
          <ul className="flex flex-wrap gap-2 border-b border-slate-100 px-4 py-3">
            {rejections.reasons.map((entry) => (
              <li key={entry.reason} className="badge bg-rose-50 text-rose-700">
                {t(`rejections.${entry.reason}` as "rejections.invalid-json")} · {format.number(entry.count)}
              </li>
            ))}
          </ul>
          <RejectionsTable rows={rejections.rows} />
          <Pagination page={page} pageSize={pageSize} total={rejections.total} />
        </section>
      ) : null}
    </div>
  );
}
