import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { EmptyState } from "~/components/empty-state";
import { titleFromLoader } from "~/components/meta";
import { PageHeader } from "~/components/page-header";
import { Pagination } from "~/components/pagination";
import { ConversationFilters } from "~/components/qa/import/conversation-filters";
import { ConversationTable } from "~/components/qa/import/conversation-table";
import { pageTitle } from "~/modules/i18n/page-title.server";
import { requirePermission } from "~/modules/identity/session.server";
import { conversationFilterOptions, listConversations } from "~/modules/qa/conversations.server";
import { isFiltered, readConversationFilter } from "~/modules/qa/import/conversation-filter";
import { readPagination } from "~/utils/pagination";

export const meta = titleFromLoader;

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "read:conversation:team");
  const url = new URL(request.url);
  const filter = readConversationFilter(url);
  const { page, pageSize } = readPagination(url);
  const [{ rows, total }, options, title] = await Promise.all([
    listConversations(filter, user, page, pageSize),
    conversationFilterOptions(user),
    pageTitle(request, "qa-import:browser.title"),
  ]);
  return {
    pageTitle: title,
    filter,
    options,
    page,
    pageSize,
    total,
    rows: rows.map((row) => ({ ...row, startedAt: row.startedAt.toISOString() })),
  };
}

export default function ConversationsPage() {
  const { t } = useTranslation(["qa-import", "common"]);
  const { filter, options, rows, page, pageSize, total } = useLoaderData<typeof loader>();
  return (
    <div>
      <PageHeader title={t("browser.title")} description={t("browser.description")} />
      <div className="card overflow-hidden">
        <ConversationFilters filter={filter} options={options} />
        {rows.length > 0 ? (
          <>
            <ConversationTable rows={rows} />
            <Pagination page={page} pageSize={pageSize} total={total} />
          </>
        ) : (
          <EmptyState
            icon="message"
            title={isFiltered(filter) ? t("common:empty.noResults") : t("browser.emptyTitle")}
            body={isFiltered(filter) ? undefined : t("browser.emptyBody")}
          />
        )}
      </div>
    </div>
  );
}
