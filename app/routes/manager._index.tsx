import { titleFromLoader } from "~/components/meta";
import { pageTitle } from "~/modules/i18n/page-title.server";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { EmptyState } from "~/components/empty-state";
import { PageHeader, StatCard } from "~/components/page-header";
import { TenureChart } from "~/components/tenure-chart";
import { requirePermission } from "~/modules/identity/session.server";
import { teamOverview } from "~/modules/org/directory.server";
import { teamQaSummary } from "~/modules/qa/team-summary.server";
import { TeamQaSummary } from "~/components/qa/team-qa-summary";

export const meta = titleFromLoader;

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "view:manager-home:any");
  return {
    pageTitle: await pageTitle(request, "home:manager.title"),
    teams: await teamOverview(new Date()),
    qa: await teamQaSummary(null),
  };
}

export default function ManagerHome() {
  const { t } = useTranslation(["home", "common"]);
  const { teams, qa } = useLoaderData<typeof loader>();
  const sum = (key: "active" | "over3y" | "hiredLast90d") => teams.reduce((total, team) => total + team[key], 0);
  return (
    <div className="space-y-6">
      <PageHeader title={t("home:manager.title")} description={t("home:manager.description")} />
      <div className="grid gap-4 sm:grid-cols-4">
        <StatCard label={t("home:manager.teams")} value={teams.length} />
        <StatCard label={t("home:manager.activeStaff")} value={sum("active")} />
        <StatCard label={t("home:manager.veterans")} value={sum("over3y")} hint={t("home:manager.veteransHint")} />
        <StatCard label={t("home:manager.hiredLast90d")} value={sum("hiredLast90d")} />
      </div>
      <TeamQaSummary summary={qa} showDisputes />
      <section className="card p-5" aria-labelledby="tenure-heading">
        <h2 id="tenure-heading" className="mb-4 font-semibold text-slate-900">
          {t("home:manager.tenureChart")}
        </h2>
        {teams.length === 0 ? (
          <EmptyState icon="chart" title={t("common:empty.title")} />
        ) : (
          <TenureChart rows={teams} />
        )}
      </section>
      <section className="card overflow-hidden" aria-labelledby="teams-heading">
        <div className="border-b border-slate-100 px-5 py-4">
          <h2 id="teams-heading" className="font-semibold text-slate-900">
            {t("home:manager.teamTable")}
          </h2>
        </div>
        <div className="overflow-x-auto">
          <table className="table-base">
            <thead>
              <tr>
                <th scope="col">{t("common:fields.team")}</th>
                <th scope="col">{t("common:fields.lead")}</th>
                <th scope="col" className="text-right">
                  {t("home:manager.activeStaff")}
                </th>
                <th scope="col" className="text-right">
                  {t("home:manager.bands.under1y")}
                </th>
                <th scope="col" className="text-right">
                  {t("home:manager.bands.1to3y")}
                </th>
                <th scope="col" className="text-right">
                  {t("home:manager.bands.over3y")}
                </th>
                <th scope="col" className="text-right">
                  {t("home:manager.hiredLast90d")}
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100 bg-white">
              {teams.map((team) => (
                <tr key={team.id}>
                  <td className="font-medium text-slate-900">{team.name}</td>
                  <td>{team.leadName ?? "—"}</td>
                  <td className="text-right tabular-nums">{team.active}</td>
                  <td className="text-right tabular-nums">{team.under1y}</td>
                  <td className="text-right tabular-nums">{team.from1to3y}</td>
                  <td className="text-right tabular-nums">{team.over3y}</td>
                  <td className="text-right tabular-nums">{team.hiredLast90d}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </div>
  );
}
