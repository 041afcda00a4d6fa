import { titleFromLoader } from "~/components/meta";
import { pageTitle } from "~/modules/i18n/page-title.server";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { EmptyState } from "~/components/empty-state";
import { PageHeader, StatCard } from "~/components/page-header";
import { Pagination } from "~/components/pagination";
import { PeopleTable } from "~/components/people-table";
import { requirePermission } from "~/modules/identity/session.server";
import { recentHires, teamRoster, teamsLedBy } from "~/modules/org/directory.server";
import { teamQaSummary } from "~/modules/qa/team-summary.server";
import { TeamQaSummary } from "~/components/qa/team-qa-summary";
import { readPagination } from "~/utils/pagination";

const NEW_HIRE_WINDOW_DAYS = 90;

export const meta = titleFromLoader;

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "view:lead-home:team");
  const { page, pageSize } = readPagination(new URL(request.url));
  const teams = await teamsLedBy(user.id);
  const teamIds = teams.map((team) => team.id);
  const since = new Date(Date.now() - NEW_HIRE_WINDOW_DAYS * 86400000);
  const [roster, hires, qa] = await Promise.all([
    teamRoster(teamIds, page, pageSize),
    recentHires(since, { teamIds, take: 100 }),
    teamQaSummary(teamIds),
  ]);
  return {
    pageTitle: await pageTitle(request, "home:lead.title"),

    teams: teams.map((team) => ({
      id: team.id,
      name: team.name,
      description: team.description,
      active: team._count.members,
    })),
    roster: roster.rows,
    total: roster.total,
    page,
    pageSize,
    newHires: hires.length,
    qa,
  };
}

export default function LeadHome() {
  const { t } = useTranslation(["home", "common"]);
  const { teams, roster, total, page, pageSize, newHires, qa } = useLoaderData<typeof loader>();
  const active = teams.reduce((sum, team) => sum + team.active, 0);
  return (
    <div className="space-y-6">
      <PageHeader
        title={t("home:lead.title")}
        description={teams.map((team) => team.name).join("、") || t("home:lead.noTeams")}
      />
      <div className="grid gap-4 sm:grid-cols-3">
        <StatCard label={t("home:lead.teams")} value={teams.length} />
        <StatCard label={t("home:lead.activeMembers")} value={active} />
        <StatCard
          label={t("home:lead.newHires")}
          value={newHires}
          hint={t("home:lead.newHiresHint", { days: NEW_HIRE_WINDOW_DAYS })}
        />
      </div>
      <TeamQaSummary summary={qa} showDisputes={false} />
      <section className="card overflow-hidden" aria-labelledby="roster">
        <div className="border-b border-slate-100 px-5 py-4">
          <h2 id="roster" className="font-semibold text-slate-900">
            {t("home:lead.roster")}
          </h2>
        </div>
        {roster.length === 0 ? (
          <EmptyState icon="users" title={t("home:lead.noMembers")} body={t("home:lead.noMembersBody")} />
        ) : (
          <PeopleTable rows={roster} showTeam={teams.length > 1} showLastSeen />
        )}
        <Pagination page={page} pageSize={pageSize} total={total} />
      </section>
    </div>
  );
}
