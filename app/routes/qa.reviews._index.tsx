import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useFormat } from "~/utils/use-format";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { EmptyState } from "~/components/empty-state";
import { titleFromLoader } from "~/components/meta";
import { PageHeader, StatCard } from "~/components/page-header";
import { Pagination } from "~/components/pagination";
import { ReviewFilterForm } from "~/components/qa/workbench/review-filter-form";
import { ReviewListTable } from "~/components/qa/workbench/review-list-table";
import { pageTitle } from "~/modules/i18n/page-title.server";
import { clientIp, forbidden, requirePermission } from "~/modules/identity/session.server";
import { reviewReadScope } from "~/modules/qa/reviews/access.server";
import { listReviews, reviewFilterOptions } from "~/modules/qa/reviews/list.server";
import { isFiltered, readReviewFilter } from "~/modules/qa/reviews/review-filters";
import { startAdHocReview } from "~/modules/qa/reviews/start.server";
import { env } from "~/utils/env.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { readPagination } from "~/utils/pagination";

export const meta = titleFromLoader;

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "read:qa-review:team");
  const scope = reviewReadScope(user);
  if (!scope) throw forbidden("read:qa-review:team");
  const url = new URL(request.url);
  const filter = readReviewFilter(url);
  const { page, pageSize } = readPagination(url);
  const [list, options, title] = await Promise.all([
    listReviews(user.id, filter, scope, env().APP_TIME_ZONE, page, pageSize),
    reviewFilterOptions(scope, filter.rubric),
    pageTitle(request, "qa-review:list.title"),
  ]);
  return { filter, options, ...list, page, pageSize, teamScoped: scope.kind === "team", pageTitle: title };
}

const StartSchema = z.object({
  intent: z.literal("start"),
  conversationId: z.string().trim().min(1).max(64),
  rubricId: z.string().trim().min(1).max(64),
});

/** Starting a review by hand from a conversation page (intent start, conversationId, rubricId). */
export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, "score:qa-review:own");
  const parsed = StartSchema.safeParse(Object.fromEntries(await request.formData()));
  if (!parsed.success) {
    return data({ intent: "start" as const, ok: false as const, error: "invalid" }, { status: 400 });
  }
  const result = await startAdHocReview(user, parsed.data, clientIp(request));
  if (!result.ok) {
    const { ok: _ok, status, ...failure } = result;
    return data({ intent: "start" as const, ok: false as const, ...failure }, { status });
  }
  return redirectWithFlash(`/qa/reviews/${result.reviewId}`, { kind: "success", message: "qa-review:flash.started" });
}

export default function ReviewsPage() {
  const { t } = useTranslation(["qa-review", "common"]);
  const { number } = useFormat();
  const { filter, options, rows, total, summary, page, pageSize, teamScoped } = useLoaderData<typeof loader>();
  const filtered = isFiltered(filter);
  return (
    <div className="space-y-6">
      <PageHeader
        title={t("qa-review:list.title")}
        description={teamScoped ? t("qa-review:list.teamDescription") : t("qa-review:list.description")}
      />
      <div className="grid gap-4 sm:grid-cols-3">
        <StatCard label={t("qa-review:list.submitted")} value={number(summary.submitted)} />
        <StatCard label={t("qa-review:list.averageScore")} value={summary.averageScore ?? "—"} />
        <StatCard
          label={t("qa-review:list.passRate")}
          value={summary.passRate === null ? "—" : `${Math.round(summary.passRate * 1000) / 10}%`}
        />
      </div>
      <div className="card overflow-hidden">
        <ReviewFilterForm filter={filter} options={options} />
        {rows.length === 0 ? (
          <EmptyState
            icon="check"
            title={filtered ? t("common:empty.noResults") : t("qa-review:list.emptyTitle")}
            body={filtered ? undefined : t("qa-review:list.emptyBody")}
          />
        ) : (
          <>
            <ReviewListTable rows={rows} />
            <Pagination page={page} pageSize={pageSize} total={total} />
          </>
        )}
      </div>
    </div>
  );
}
