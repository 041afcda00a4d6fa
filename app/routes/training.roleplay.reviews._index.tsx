import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { EmptyState } from "~/components/empty-state";
import { titleFromLoader } from "~/components/meta";
import { PageHeader } from "~/components/page-header";
import { Pagination } from "~/components/pagination";
import { ReviewQueueTable } from "~/components/roleplay/review/review-queue-table";
import { pageTitle } from "~/modules/i18n/page-title.server";
import { requirePermission } from "~/modules/identity/session.server";
import { listRolePlayReviewQueue } from "~/modules/roleplay/reviews.server";
import { readPagination } from "~/utils/pagination";

export const meta = titleFromLoader;

const TABS = ["pending", "draft", "submitted"] as const;
const Tab = z.enum(TABS).catch("pending");

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "score:roleplay:any");
  const url = new URL(request.url);
  const status = Tab.parse(url.searchParams.get("status") ?? "pending");
  const { page, pageSize } = readPagination(url);
  const queue = await listRolePlayReviewQueue({ status, page, pageSize });
  return { status, page, pageSize, queue, pageTitle: await pageTitle(request, "roleplay:reviews.title") };
}

export default function RolePlayReviewQueuePage() {
  const { t } = useTranslation("roleplay");
  const { status, page, pageSize, queue } = useLoaderData<typeof loader>();
  return (
    <div className="space-y-6">
      <PageHeader title={t("reviews.title")} description={t("reviews.description")} />
      <nav className="flex gap-1 border-b border-slate-200" aria-label={t("reviews.tabs")}>
        {TABS.map((tab) => (
          <Link
            key={tab}
            to={`?status=${tab}`}
            aria-current={tab === status ? "page" : undefined}
            className={`-mb-px border-b-2 px-4 py-2 text-sm font-medium ${
              tab === status
                ? "border-brand-600 text-brand-700"
                : "border-transparent text-slate-500 hover:text-slate-800"
            }`}
          >
            {t(`reviews.status.${tab}`)}
          </Link>
        ))}
      </nav>
      <section className="card overflow-hidden">
        {queue.rows.length === 0 ? (
          <EmptyState icon="list" title={t(`reviews.empty.${status}`)} />
        ) : (
          <>
            <ReviewQueueTable rows={queue.rows} />
            <Pagination page={page} pageSize={pageSize} total={queue.total} />
          </>
        )}
      </section>
    </div>
  );
}
