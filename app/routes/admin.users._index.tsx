import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { titleFromLoader } from "~/components/meta";
import { UserFilters } from "~/components/admin/user-filters";
import { UsersTable } from "~/components/admin/users-table";
import { EmptyState } from "~/components/empty-state";
import { UserAdminActions } from "~/components/admin/user-admin-actions";
import { PageHeader } from "~/components/page-header";
import { Pagination } from "~/components/pagination";
import { pageTitle } from "~/modules/i18n/page-title.server";
import { readUserListFilter } from "~/modules/admin/user-schemas";
import { listTeamOptions, listUsers } from "~/modules/admin/users.server";
import { requirePermission } from "~/modules/identity/session.server";
import { readPagination } from "~/utils/pagination";

export const meta = titleFromLoader;

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "manage:user:any");
  const url = new URL(request.url);
  const filter = readUserListFilter(url);
  const { page, pageSize } = readPagination(url);
  const [{ rows, total }, teams, title] = await Promise.all([
    listUsers({ ...filter, page, pageSize }),
    listTeamOptions(),
    pageTitle(request, "admin:users.title"),
  ]);
  return { filter, page, pageSize, rows, total, teams, pageTitle: title };
}

export default function UsersPage() {
  const { t } = useTranslation();
  const { filter, page, pageSize, rows, total, teams } = useLoaderData<typeof loader>();
  const filtered = Boolean(filter.q || filter.teamId || filter.role || filter.status);
  return (
    <div>
      <PageHeader
        title={t("admin:users.title")}
        description={t("admin:users.description")}
        actions={<UserAdminActions />}
      />
      <div className="card overflow-hidden">
        <UserFilters filter={filter} teams={teams} />
        {rows.length > 0 ? (
          <>
            <UsersTable rows={rows} />
            <Pagination page={page} pageSize={pageSize} total={total} />
          </>
        ) : (
          <EmptyState
            icon="user"
            title={filtered ? t("empty.noResults") : t("admin:users.emptyTitle")}
            body={filtered ? undefined : t("admin:users.emptyBody")}
          >
            {filtered ? null : (
              <Link to="/admin/users/import" className="btn-primary">
                {t("admin:users.importAction")}
              </Link>
            )}
          </EmptyState>
        )}
      </div>
    </div>
  );
}
