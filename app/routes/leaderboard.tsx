import type { LoaderFunctionArgs } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { usePeriodLabel } from "~/components/awards/badges";
import { BoardTable } from "~/components/awards/board-table";
import { EmptyState } from "~/components/empty-state";
import { titleFromLoader } from "~/components/meta";
import { PageHeader } from "~/components/page-header";
import { Pagination } from "~/components/pagination";
import { COMPANY_SCOPE, loadBoard } from "~/modules/awards/leaderboard.server";
import { kpiChoices } from "~/modules/awards/programs.server";
import { boardColumns, boardMonths, boardScopes, pickMonth } from "~/modules/awards/rank-view.server";
import { getLocale } from "~/modules/i18n/i18n.server";
import { pageTitle } from "~/modules/i18n/page-title.server";
import { forbidden, requirePermission } from "~/modules/identity/session.server";
import { readPagination } from "~/utils/pagination";

export const meta = titleFromLoader;

/** Leads: their teams' boards in full (and the company board as agents see it); managers: every board. */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "read:leaderboard:team");
  const url = new URL(request.url);
  const [months, scopes, columns, kpis, locale] = await Promise.all([
    boardMonths(),
    boardScopes(user),
    boardColumns(),
    kpiChoices(),
    getLocale(request),
  ]);
  const requestedScope = url.searchParams.get("scope");
  const defaultScope = scopes.find(
    (scope) => scope.value !== COMPANY_SCOPE && scope.value === `team:${user.ledTeamIds[0]}`,
  );
  const scope =
    requestedScope && scopes.some((entry) => entry.value === requestedScope)
      ? requestedScope
      : (defaultScope?.value ?? COMPANY_SCOPE);
  if (requestedScope && !scopes.some((entry) => entry.value === requestedScope)) throw forbidden("not your board");
  const month = pickMonth(months, url.searchParams.get("month"));
  const { page, pageSize } = readPagination(url, 50);
  const board = month ? await loadBoard(month, scope, user, { page, pageSize }) : null;
  return {
    months,
    scopes,
    scope,
    isCompany: scope === COMPANY_SCOPE,
    month: month?.start ?? null,
    board: board && board.ok ? board : null,
    pageSize,
    columns,
    kpiNames: Object.fromEntries(kpis.map((kpi) => [kpi.key, locale === "en" ? kpi.nameEn : kpi.nameZh])),
    pageTitle: await pageTitle(request, "awards:board.title"),
  };
}

export default function LeaderboardPage() {
  const { t } = useTranslation(["awards", "common"]);
  const periodLabel = usePeriodLabel();
  const { months, scopes, scope, isCompany, month, board, pageSize, columns, kpiNames } =
    useLoaderData<typeof loader>();
  return (
    <div className="space-y-6">
      <PageHeader
        title={t("board.title")}
        description={columns.program ? t("board.description", { program: columns.program.name }) : undefined}
      />
      <Form method="get" className="card grid gap-3 p-4 sm:grid-cols-3 sm:items-end" role="search">
        <div>
          <label htmlFor="board-scope" className="label">
            {t("board.scope")}
          </label>
          <select id="board-scope" name="scope" defaultValue={scope} className="input">
            {scopes.map((entry) => (
              <option key={entry.value} value={entry.value}>
                {entry.label ?? t("board.company")}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="board-month" className="label">
            {t("board.month")}
          </label>
          <select id="board-month" name="month" defaultValue={month?.slice(0, 7)} className="input">
            {months.map((start) => (
              <option key={start} value={start.slice(0, 7)}>
                {periodLabel("month", start)}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="btn-primary">
          {t("common:actions.filter")}
        </button>
      </Form>
      <section className="card overflow-hidden">
        {!board ? (
          <EmptyState icon="chart" title={t("board.empty")} />
        ) : (
          <>
            <p className="border-b border-slate-200 px-4 py-3 text-xs text-slate-500">
              {board.visibility === "top"
                ? t("rank.topNote", { count: board.topN })
                : t("board.summary", { ranked: board.ranked, total: board.total })}
            </p>
            <BoardTable rows={board.rows} kpiKeys={columns.kpiKeys} kpiNames={kpiNames} showTeam={isCompany} />
          </>
        )}
      </section>
      {board && board.visibility === "full" ? (
        <Pagination page={board.page} pageSize={pageSize} total={board.total} />
      ) : null}
    </div>
  );
}
