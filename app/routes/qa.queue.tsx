import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { EmptyState } from "~/components/empty-state";
import { titleFromLoader } from "~/components/meta";
import { PageHeader, StatCard } from "~/components/page-header";
import { Pagination } from "~/components/pagination";
import { QueueTable } from "~/components/qa/workbench/queue-table";
import { pageTitle } from "~/modules/i18n/page-title.server";
import { requirePermission } from "~/modules/identity/session.server";
import { listQueue, queueCounts } from "~/modules/qa/reviews/queue.server";
import { env } from "~/utils/env.server";
import { readPagination } from "~/utils/pagination";

export const meta = titleFromLoader;

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "score:qa-review:own");
  const { page, pageSize } = readPagination(new URL(request.url));
  const [counts, queue, title] = await Promise.all([
    queueCounts(user.id, new Date(), env().APP_TIME_ZONE),
    listQueue(user.id, page, pageSize),
    pageTitle(request, "qa-review:queue.title"),
  ]);
  return { counts, rows: queue.rows, total: queue.total, page, pageSize, pageTitle: title };
}

export default function QueuePage() {
  const { t } = useTranslation(["qa-review", "common"]);
  const { counts, rows, total, page, pageSize } = useLoaderData<typeof loader>();
  return (
    <div className="space-y-6">
      <PageHeader title={t("qa-review:queue.title")} description={t("qa-review:queue.description")} />
      <div className="grid gap-4 sm:grid-cols-4">
        <StatCard label={t("qa-review:home.open")} value={counts.open} />
        <StatCard label={t("qa-review:home.dueToday")} value={counts.dueToday} />
        <StatCard label={t("qa-review:home.overdue")} value={counts.overdue} />
        <StatCard label={t("qa-review:home.drafts")} value={counts.drafts} />
      </div>
      <section className="card overflow-hidden">
        {rows.length === 0 ? (
          <EmptyState icon="check" title={t("qa-review:queue.emptyTitle")} body={t("qa-review:queue.emptyBody")} />
        ) : (
          <>
            <QueueTable rows={rows} />
            <Pagination page={page} pageSize={pageSize} total={total} />
          </>
        )}
      </section>
    </div>
  );
}
