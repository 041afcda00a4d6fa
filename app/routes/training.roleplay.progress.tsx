import type { LoaderFunctionArgs } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { EmptyState } from "~/components/empty-state";
import { FilterActions, FilterSelect } from "~/components/filter-fields";
import { titleFromLoader } from "~/components/meta";
import { PageHeader } from "~/components/page-header";
import { Pagination } from "~/components/pagination";
import { AgentProgressTable, HardestScenarios, MostMissedSteps } from "~/components/roleplay/report/progress-tables";
import { pageTitle } from "~/modules/i18n/page-title.server";
import { forbidden, requirePermission } from "~/modules/identity/session.server";
import {
  agentProgress,
  hardestScenarios,
  mostMissedSteps,
  progressScope,
  progressTeams,
} from "~/modules/roleplay/progress.server";
import { readPagination } from "~/utils/pagination";

export const meta = titleFromLoader;

const TeamFilter = z.string().trim().min(1).max(100).nullable().catch(null);

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "read:roleplay-report:team");
  const scope = progressScope(user);
  if (!scope) throw forbidden("read:roleplay-report:team");
  const url = new URL(request.url);
  const { page, pageSize } = readPagination(url);
  const teams = await progressTeams(scope);
  const requested = TeamFilter.parse(url.searchParams.get("team") || null);
  const teamId = requested && teams.some((team) => team.id === requested) ? requested : null;
  const [hardest, missed, agents] = await Promise.all([
    hardestScenarios(scope, teamId),
    mostMissedSteps(scope, teamId),
    agentProgress(scope, teamId, page, pageSize),
  ]);
  return {
    teams,
    teamId,
    page,
    pageSize,
    hardest,
    missed,
    agents,
    pageTitle: await pageTitle(request, "roleplay:progress.title"),
  };
}

export default function RolePlayProgressPage() {
  const { t } = useTranslation(["roleplay", "common"]);
  const { teams, teamId, page, pageSize, hardest, missed, agents } = useLoaderData<typeof loader>();
  return (
    <div className="space-y-6">
      <PageHeader title={t("progress.title")} description={t("progress.description")} />
      <Form method="get" className="card grid gap-3 p-4 sm:grid-cols-3" role="search">
        <FilterSelect
          id="progress-team"
          name="team"
          label={t("progress.team")}
          defaultValue={teamId ?? ""}
          allLabel={t("progress.allTeams")}
          options={teams.map((team) => ({ value: team.id, label: team.name }))}
        />
        <FilterActions />
      </Form>
      <div className="grid gap-6 xl:grid-cols-2">
        <section className="card overflow-hidden" aria-labelledby="hardest">
          <h2 id="hardest" className="border-b border-slate-200 px-4 py-3 font-semibold text-slate-900">
            {t("progress.hardest")}
          </h2>
          {hardest.length === 0 ? <EmptyState title={t("progress.empty")} /> : <HardestScenarios rows={hardest} />}
        </section>
        <section className="card overflow-hidden" aria-labelledby="missed">
          <h2 id="missed" className="border-b border-slate-200 px-4 py-3 font-semibold text-slate-900">
            {t("progress.mostMissed")}
          </h2>
          {missed.length === 0 ? <EmptyState title={t("progress.empty")} /> : <MostMissedSteps rows={missed} />}
        </section>
      </div>
      <section className="card overflow-hidden" aria-labelledby="agents">
        <h2 id="agents" className="border-b border-slate-200 px-4 py-3 font-semibold text-slate-900">
          {t("progress.agents")}
        </h2>
        {agents.rows.length === 0 ? (
          <EmptyState title={t("progress.empty")} />
        ) : (
          <>
            <AgentProgressTable rows={agents.rows} />
            <Pagination page={page} pageSize={pageSize} total={agents.total} />
          </>
        )}
      </section>
    </div>
  );
}
