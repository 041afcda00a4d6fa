import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { useAuditLabels } from "~/components/admin/audit-table";
import { titleFromLoader } from "~/components/meta";
import { useFormat } from "~/utils/use-format";
import { EmptyState } from "~/components/empty-state";
import { UserAdminActions } from "~/components/admin/user-admin-actions";
import { PageHeader, StatCard } from "~/components/page-header";
import { getAdminOverview } from "~/modules/admin/overview.server";
import { pageTitle } from "~/modules/i18n/page-title.server";
import { requirePermission, userCan } from "~/modules/identity/session.server";

export const meta = titleFromLoader;

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await requirePermission(request, "view:admin-home:any");
  const [overview, title] = await Promise.all([getAdminOverview(), pageTitle(request, "admin:home.title")]);
  return { ...overview, canReadAudit: userCan(viewer, "read:audit-log:any"), pageTitle: title };
}

export default function AdminHomePage() {
  const { t } = useTranslation();
  const data = useLoaderData<typeof loader>();
  const format = useFormat();
  const labels = useAuditLabels();
  const number = (value: number) => format.number(value);

  return (
    <div className="space-y-6">
      <PageHeader
        title={t("admin:home.title")}
        description={t("admin:home.description")}
        actions={<UserAdminActions />}
      />
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        <Link to="/admin/users?status=active" className="block">
          <StatCard
            label={t("admin:home.activeUsers")}
            value={number(data.activeUsers)}
            hint={t("admin:home.inactiveUsers", { count: data.inactiveUsers })}
          />
        </Link>
        <Link to="/admin/teams" className="block">
          <StatCard label={t("admin:home.teams")} value={number(data.teams)} />
        </Link>
        <Link to="/admin/users?teamId=none&status=active" className="block">
          <StatCard
            label={t("admin:home.withoutTeam")}
            value={number(data.withoutTeam)}
            hint={t("admin:home.withoutTeamHint")}
          />
        </Link>
        <StatCard
          label={t("admin:home.recentActivity")}
          value={data.recentAudit[0] ? format.relative(data.recentAudit[0].createdAt) : t("none")}
        />
      </div>
      <div className="grid gap-6 lg:grid-cols-3">
        <section className="card p-6" aria-labelledby="roles-heading">
          <h2 id="roles-heading" className="text-base font-semibold text-slate-900">
            {t("admin:home.usersPerRole")}
          </h2>
          <ul className="mt-4 divide-y divide-slate-100">
            {data.usersPerRole.map(({ role, count }) => (
              <li key={role} className="flex items-center justify-between py-2 text-sm">
                <Link to={`/admin/users?role=${role}&status=active`} className="text-slate-700 hover:text-brand-700">
                  {t(`roles.${role}`)}
                </Link>
                <span className="font-semibold text-slate-900" data-testid={`role-count-${role}`}>
                  {number(count)}
                </span>
              </li>
            ))}
          </ul>
        </section>
        <section className="card p-6 lg:col-span-2" aria-labelledby="recent-heading">
          <div className="flex items-center justify-between">
            <h2 id="recent-heading" className="text-base font-semibold text-slate-900">
              {t("admin:home.recentAudit")}
            </h2>
            {data.canReadAudit ? (
              <Link to="/admin/audit" className="text-sm text-brand-700 hover:underline">
                {t("admin:home.allAudit")}
              </Link>
            ) : null}
          </div>
          {data.recentAudit.length === 0 ? (
            <EmptyState icon="list" title={t("admin:audit.emptyTitle")} />
          ) : (
            <ul className="mt-4 divide-y divide-slate-100">
              {data.recentAudit.map((entry) => (
                <li key={entry.id} className="flex items-start justify-between gap-4 py-2.5 text-sm">
                  <div>
                    <p className="text-slate-800">
                      <span className="font-medium">{entry.actor?.name ?? t("admin:audit.system")}</span>
                      <span className="px-1.5 text-slate-400">·</span>
                      {labels.action(entry.action)}
                    </p>
                    <p className="font-mono text-xs text-slate-400">{entry.action}</p>
                  </div>
                  <time className="shrink-0 text-xs text-slate-500" dateTime={new Date(entry.createdAt).toISOString()}>
                    {format.relative(entry.createdAt)}
                  </time>
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>
    </div>
  );
}
