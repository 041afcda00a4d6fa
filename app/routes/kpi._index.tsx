import { type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { EmptyState } from "~/components/empty-state";
import { KpiTable } from "~/components/kpi/kpi-table";
import { PeriodSelect } from "~/components/kpi/period-select";
import { titleFromLoader } from "~/components/meta";
import { PageHeader } from "~/components/page-header";
import { Pagination } from "~/components/pagination";
import { pageTitle } from "~/modules/i18n/page-title.server";
import { clientIp, requirePermission, userCan } from "~/modules/identity/session.server";
import { parsePeriodKey, periodKey } from "~/modules/kpi/periods";
import { requestRecompute } from "~/modules/kpi/settings.server";
import { loadTeamKpis, periodOptions } from "~/modules/kpi/team-page.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { badRequest } from "~/utils/http.server";
import { readPagination } from "~/utils/pagination";

export const meta = titleFromLoader;

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "read:kpi:team");
  const url = new URL(request.url);
  const now = new Date();
  const pagination = readPagination(url, 50);
  const [view, periods] = await Promise.all([loadTeamKpis(user, url, now, pagination), periodOptions(now)]);
  return {
    pageTitle: await pageTitle(request, "kpi:team.title"),
    teams: view.teams,
    teamId: view.teamId,
    canOverview: view.canOverview,
    period: view.periodKey,
    computed: view.computed,
    canCompute: userCan(user, "manage:kpi:any"),
    definitions: view.definitions.map(({ key, metric, nameZh, nameEn, unit }) => ({
      key,
      metric,
      nameZh,
      nameEn,
      unit,
    })),
    rows: view.rows,
    teamRow: view.teamRow,
    total: view.total,
    page: pagination.page,
    pageSize: pagination.pageSize,
    periods,
    query: url.search,
  };
}

const ComputeSchema = z.object({ intent: z.literal("compute"), period: z.string().max(10), back: z.string().max(500) });

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, "manage:kpi:any");
  const parsed = ComputeSchema.safeParse(Object.fromEntries(await request.formData()));
  const period = parsed.success ? parsePeriodKey(parsed.data.period) : null;
  if (!parsed.success || !period) badRequest("invalid period");
  await requestRecompute(period, { id: user.id, ipAddress: clientIp(request) });
  const back = parsed.data.back.startsWith("?") ? parsed.data.back : "";
  return redirectWithFlash(`/kpi${back}`, {
    kind: "success",
    message: "kpi:team.computeQueued",
    params: { period: periodKey(period) },
  });
}

export default function TeamKpiPage() {
  const { t } = useTranslation(["kpi", "common"]);
  const data = useLoaderData<typeof loader>();
  const exportQuery = new URLSearchParams(data.query);
  exportQuery.delete("page");
  if (data.teamId) exportQuery.set("team", data.teamId);
  exportQuery.set("period", data.period);
  return (
    <div className="space-y-6">
      <PageHeader
        title={t("team.title")}
        description={t("team.description")}
        actions={
          data.computed && data.teamId ? (
            <a href={`/kpi/export?${exportQuery.toString()}`} className="btn-secondary" download>
              {t("team.export")}
            </a>
          ) : null
        }
      />
      {data.teams.length === 0 ? (
        <div className="card">
          <EmptyState icon="users" title={t("team.noTeams")} />
        </div>
      ) : (
        <>
          <Form method="get" className="card grid gap-3 p-4 sm:grid-cols-3">
            <div>
              <label htmlFor="kpi-team" className="label">
                {t("team.team")}
              </label>
              <select id="kpi-team" name="team" defaultValue={data.teamId ?? ""} className="input">
                {data.canOverview ? <option value="all">{t("team.overview")}</option> : null}
                {data.teams.map((team) => (
                  <option key={team.id} value={team.id}>
                    {team.name}
                  </option>
                ))}
              </select>
            </div>
            <PeriodSelect id="kpi-period" options={data.periods} value={data.period} />
            <div className="flex items-end">
              <button type="submit" className="btn-primary">
                {t("team.show")}
              </button>
            </div>
          </Form>
          <section className="card overflow-hidden">
            {!data.computed ? (
              <EmptyState
                icon="chart"
                title={t("team.notComputed")}
                body={t("team.notComputedBody", { period: data.period })}
              >
                {data.canCompute ? (
                  <Form method="post">
                    <input type="hidden" name="intent" value="compute" />
                    <input type="hidden" name="period" value={data.period} />
                    <input type="hidden" name="back" value={data.query} />
                    <button type="submit" className="btn-primary">
                      {t("team.compute")}
                    </button>
                  </Form>
                ) : null}
              </EmptyState>
            ) : data.definitions.length === 0 ? (
              <EmptyState icon="chart" title={t("team.noDefinitions")} />
            ) : data.rows.length === 0 ? (
              <EmptyState icon="users" title={t("team.noAgents")} />
            ) : (
              <>
                <KpiTable
                  definitions={data.definitions}
                  rows={data.rows}
                  teamRow={data.teamRow}
                  subjectKind={data.teamId === "all" ? "team" : "agent"}
                  teamId={data.teamId === "all" ? null : data.teamId}
                  period={data.period}
                />
                <p className="border-t border-slate-100 px-4 py-2 text-xs text-slate-500">{t("team.legend")}</p>
                {data.teamId !== "all" ? (
                  <Pagination page={data.page} pageSize={data.pageSize} total={data.total} />
                ) : null}
              </>
            )}
          </section>
        </>
      )}
    </div>
  );
}
