import type { LoaderFunctionArgs } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { usePeriodLabel } from "~/components/awards/badges";
import { BoardTable } from "~/components/awards/board-table";
import { WhyMyRank } from "~/components/awards/why-my-rank";
import { EmptyState } from "~/components/empty-state";
import { titleFromLoader } from "~/components/meta";
import { PageHeader, StatCard } from "~/components/page-header";
import { Pagination } from "~/components/pagination";
import { kpiChoices } from "~/modules/awards/programs.server";
import { boardColumns, boardMonths, loadMyRank, pickMonth } from "~/modules/awards/rank-view.server";
import { getLocale } from "~/modules/i18n/i18n.server";
import { pageTitle } from "~/modules/i18n/page-title.server";
import { requirePermission } from "~/modules/identity/session.server";
import { readPagination } from "~/utils/pagination";
import { useFormat } from "~/utils/use-format";

export const meta = titleFromLoader;

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "read:leaderboard:own");
  const url = new URL(request.url);
  const months = await boardMonths();
  const month = pickMonth(months, url.searchParams.get("month"));
  const [columns, kpis, locale] = await Promise.all([boardColumns(), kpiChoices(), getLocale(request)]);
  const base = {
    months,
    columns,
    kpiNames: Object.fromEntries(kpis.map((kpi) => [kpi.key, locale === "en" ? kpi.nameEn : kpi.nameZh])),
    me: { id: user.id, teamId: user.teamId },
    pageTitle: await pageTitle(request, "awards:rank.title"),
  };
  if (!month) return { ...base, month: null, view: null };
  const view = await loadMyRank(user, month, readPagination(url, 50));
  return { ...base, month: month.start, view };
}

export default function MyRankPage() {
  const { t } = useTranslation(["awards", "common"]);
  const format = useFormat();
  const periodLabel = usePeriodLabel();
  const { months, month, view, columns, kpiNames, me } = useLoaderData<typeof loader>();
  const company = view?.company.ok ? view.company : null;
  const team = view?.team?.ok ? view.team : null;
  const position = (board: typeof company) =>
    board?.me?.rank ? t("rank.position", { rank: board.me.rank, total: board.ranked }) : t("board.unranked");
  const percentile = (board: typeof company) =>
    board?.me?.percentile === null || board?.me?.percentile === undefined
      ? undefined
      : t("rank.percentile", { value: format.number(board.me.percentile, { maximumFractionDigits: 0 }) });
  return (
    <div className="space-y-6">
      <PageHeader
        title={t("rank.title")}
        description={columns.program ? t("rank.description", { program: columns.program.name }) : undefined}
        actions={
          months.length > 0 ? (
            <Form method="get" className="flex items-center gap-2">
              <label htmlFor="rank-month" className="text-sm text-slate-600">
                {t("board.month")}
              </label>
              <select
                id="rank-month"
                name="month"
                defaultValue={month?.slice(0, 7)}
                onChange={(event) => event.currentTarget.form?.requestSubmit()}
                className="input w-40"
              >
                {months.map((start) => (
                  <option key={start} value={start.slice(0, 7)}>
                    {periodLabel("month", start)}
                  </option>
                ))}
              </select>
              <noscript>
                <button type="submit" className="btn-ghost">
                  {t("common:actions.filter")}
                </button>
              </noscript>
            </Form>
          ) : null
        }
      />
      {!view || !company ? (
        <div className="card">
          <EmptyState icon="chart" title={t("rank.empty")} />
        </div>
      ) : (
        <>
          <div className="grid gap-4 sm:grid-cols-3" data-testid="my-rank">
            <StatCard label={t("rank.company")} value={position(company)} hint={percentile(company)} />
            <StatCard label={t("rank.team")} value={team ? position(team) : "—"} hint={percentile(team)} />
            <StatCard
              label={t("board.composite")}
              value={
                company.me?.composite === null || company.me?.composite === undefined
                  ? "—"
                  : format.number(company.me.composite, { maximumFractionDigits: 1 })
              }
            />
          </div>
          <section className="card space-y-3 p-5">
            <h2 className="text-base font-semibold text-slate-900">{t("rank.why")}</h2>
            {view.explanation ? (
              <WhyMyRank explanation={view.explanation} kpiNames={kpiNames} />
            ) : (
              <p className="text-sm text-slate-500">{t("rank.notOnBoard")}</p>
            )}
          </section>
          <section className="card overflow-hidden">
            <div className="border-b border-slate-200 px-4 py-3">
              <h2 className="text-base font-semibold text-slate-900">{t("rank.companyBoard")}</h2>
              <p className="text-xs text-slate-500">
                {company.visibility === "top" ? t("rank.topNote", { count: company.topN }) : t("rank.fullNote")}
              </p>
            </div>
            <BoardTable rows={company.rows} kpiKeys={columns.kpiKeys} kpiNames={kpiNames} highlightUserId={me.id} />
            {company.visibility === "top" && company.me && !company.rows.some((row) => row.userId === me.id) ? (
              <>
                <p className="px-4 pt-2 text-xs text-slate-400">⋯</p>
                <BoardTable rows={[company.me]} kpiKeys={columns.kpiKeys} kpiNames={kpiNames} highlightUserId={me.id} />
              </>
            ) : null}
          </section>
          {company.visibility === "full" ? (
            <Pagination page={company.page} pageSize={50} total={company.total} />
          ) : null}
        </>
      )}
    </div>
  );
}
