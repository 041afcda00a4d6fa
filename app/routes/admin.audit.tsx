import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { AuditFilters } from "~/components/admin/audit-filters";
import { AuditTable } from "~/components/admin/audit-table";
import { titleFromLoader } from "~/components/meta";
import { EmptyState } from "~/components/empty-state";
import { PageHeader } from "~/components/page-header";
import { Pagination } from "~/components/pagination";
import { readAuditSearch } from "~/modules/admin/audit-filters";
import { listAuditEntityTypes, searchAuditLog } from "~/modules/admin/audit-view.server";
import { pageTitle } from "~/modules/i18n/page-title.server";
import { listAuditActions } from "~/modules/audit/audit.server";
import { requirePermission } from "~/modules/identity/session.server";
import { env } from "~/utils/env.server";
import { readPagination } from "~/utils/pagination";

export const meta = titleFromLoader;

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "read:audit-log:any");
  const url = new URL(request.url);
  const search = readAuditSearch(url);
  const { page, pageSize } = readPagination(url);
  const [result, actions, entityTypes, title] = await Promise.all([
    searchAuditLog(search, env().APP_TIME_ZONE, page, pageSize),
    listAuditActions(),
    listAuditEntityTypes(),
    pageTitle(request, "admin:audit.title"),
  ]);
  return { search, page, pageSize, ...result, actions, entityTypes, pageTitle: title };
}

export default function AuditPage() {
  const { t } = useTranslation();
  const { search, page, pageSize, rows, total, actorUnknown, actions, entityTypes } = useLoaderData<typeof loader>();
  const filtered = Boolean(search.actor || search.action || search.entityType || search.from || search.to);
  return (
    <div>
      <PageHeader title={t("admin:audit.title")} description={t("admin:audit.description")} />
      <div className="card overflow-hidden">
        <AuditFilters search={search} actions={actions} entityTypes={entityTypes} />
        {actorUnknown ? (
          <EmptyState icon="search" title={t("admin:audit.actorUnknown", { actor: search.actor })} />
        ) : rows.length === 0 ? (
          <EmptyState icon="list" title={filtered ? t("empty.noResults") : t("admin:audit.emptyTitle")} />
        ) : (
          <>
            <AuditTable rows={rows} />
            <Pagination page={page} pageSize={pageSize} total={total} />
          </>
        )}
      </div>
    </div>
  );
}
