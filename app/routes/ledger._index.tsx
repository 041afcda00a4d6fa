import type { LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { EmptyState } from "~/components/empty-state";
import { FilterActions, FilterInput, FilterSelect } from "~/components/filter-fields";
import { EntryTable, TotalsTable } from "~/components/ledger/entry-table";
import { Amount, Points } from "~/components/ledger/labels";
import { titleFromLoader } from "~/components/meta";
import { PageHeader } from "~/components/page-header";
import { Pagination } from "~/components/pagination";
import { pageTitle } from "~/modules/i18n/page-title.server";
import { requirePermission, userCan } from "~/modules/identity/session.server";
import {
  currentPayrollMonth,
  ledgerScope,
  listEntries,
  personTotals,
  scopeTeams,
} from "~/modules/ledger/entries.server";
import { readLedgerFilter } from "~/modules/ledger/ledger-forms";
import { LEDGER_KINDS, LEDGER_STATUSES } from "~/modules/ledger/ledger-rules";
import { readPagination } from "~/utils/pagination";

export const meta = titleFromLoader;

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "read:ledger:team");
  const scope = ledgerScope(user, "read")!;
  const url = new URL(request.url);
  const currentMonth = currentPayrollMonth();
  const filter = readLedgerFilter(url, currentMonth);
  const view = url.searchParams.get("view") === "totals" ? "totals" : "entries";
  const { page, pageSize } = readPagination(url, 20);
  const [entries, totals, teams] = await Promise.all([
    view === "entries" ? listEntries(scope, filter, page, pageSize) : null,
    personTotals(scope, filter, view === "totals" ? page : 1, view === "totals" ? pageSize : 1),
    scopeTeams(scope),
  ]);
  return {
    filter,
    currentMonth,
    view,
    page,
    pageSize,
    entries,
    totals,
    teams,
    canPropose: userCan(user, "propose:ledger:team"),
    pageTitle: await pageTitle(request, "ledger:list.title"),
  };
}

export default function LedgerPage() {
  const { t } = useTranslation(["ledger", "common"]);
  const { filter, currentMonth, view, page, pageSize, entries, totals, teams, canPropose } =
    useLoaderData<typeof loader>();
  const query = new URLSearchParams({
    month: filter.month ?? "all",
    ...(filter.teamId ? { team: filter.teamId } : {}),
    ...(filter.kind ? { kind: filter.kind } : {}),
    ...(filter.status ? { status: filter.status } : {}),
    ...(filter.person ? { person: filter.person } : {}),
  });
  const tab = (target: "entries" | "totals") =>
    `?${new URLSearchParams({ ...Object.fromEntries(query), view: target })}`;
  return (
    <div className="space-y-6">
      <PageHeader
        title={t("list.title")}
        description={t("list.description")}
        actions={
          <>
            {filter.month ? (
              <>
                <a href={`/ledger/export.csv?month=${filter.month}`} className="btn-secondary" download>
                  {t("list.exportEntries")}
                </a>
                <a href={`/ledger/export.csv?month=${filter.month}&view=totals`} className="btn-secondary" download>
                  {t("list.exportTotals")}
                </a>
              </>
            ) : null}
            {canPropose ? (
              <Link to="/ledger/new" className="btn-primary">
                {t("list.new")}
              </Link>
            ) : null}
          </>
        }
      />
      <Form method="get" className="card grid gap-3 p-4 sm:grid-cols-3 lg:grid-cols-6" role="search">
        <input type="hidden" name="view" value={view} />
        <FilterInput
          id="ledger-month"
          name="month"
          type="month"
          label={t("fields.month")}
          defaultValue={filter.month ?? ""}
          placeholder={currentMonth}
        />
        <FilterSelect
          id="ledger-team"
          name="team"
          label={t("fields.team")}
          allLabel={t("list.all")}
          defaultValue={filter.teamId ?? ""}
          options={teams.map((team) => ({ value: team.id, label: team.name }))}
        />
        <FilterSelect
          id="ledger-kind"
          name="kind"
          label={t("fields.kind")}
          allLabel={t("list.all")}
          defaultValue={filter.kind ?? ""}
          options={LEDGER_KINDS.map((kind) => ({ value: kind, label: t(`kinds.${kind}`) }))}
        />
        <FilterSelect
          id="ledger-status"
          name="status"
          label={t("fields.status")}
          allLabel={t("list.all")}
          defaultValue={filter.status ?? ""}
          options={LEDGER_STATUSES.map((status) => ({ value: status, label: t(`statuses.${status}`) }))}
        />
        <FilterInput
          id="ledger-person"
          name="person"
          label={t("fields.person")}
          placeholder={t("list.personPlaceholder")}
          defaultValue={filter.person ?? ""}
        />
        <FilterActions resetTo="/ledger" />
      </Form>
      <section className="grid gap-4 sm:grid-cols-3">
        <div className="card p-5">
          <p className="text-sm text-slate-500">
            {filter.month ? t("list.sumMonth", { month: filter.month }) : t("list.sumAll")}
          </p>
          <p className="mt-1 text-2xl font-semibold" data-testid="ledger-sum-amount">
            <Amount value={totals.sum.amount} />
          </p>
        </div>
        <div className="card p-5">
          <p className="text-sm text-slate-500">{t("list.sumPoints")}</p>
          <p className="mt-1 text-2xl font-semibold">
            <Points value={totals.sum.points} />
          </p>
        </div>
        <div className="card p-5">
          <p className="text-sm text-slate-500">{t("list.people")}</p>
          <p className="mt-1 text-2xl font-semibold">{totals.total}</p>
        </div>
      </section>
      <nav className="flex gap-2" aria-label={t("list.views")}>
        {(["entries", "totals"] as const).map((target) => (
          <Link
            key={target}
            to={tab(target)}
            className={target === view ? "btn-primary" : "btn-ghost"}
            aria-current={target === view ? "page" : undefined}
          >
            {t(`list.view.${target}`)}
          </Link>
        ))}
      </nav>
      <section className="card overflow-hidden">
        {view === "entries" && entries ? (
          entries.rows.length === 0 ? (
            <EmptyState icon="list" title={t("list.empty")} />
          ) : (
            <>
              <EntryTable rows={entries.rows} />
              <Pagination page={page} pageSize={pageSize} total={entries.total} />
            </>
          )
        ) : totals.rows.length === 0 ? (
          <EmptyState icon="list" title={t("list.emptyTotals")} />
        ) : (
          <>
            <TotalsTable rows={totals.rows} />
            <Pagination page={page} pageSize={pageSize} total={totals.total} />
          </>
        )}
      </section>
    </div>
  );
}
