import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { EmptyState } from "~/components/empty-state";
import { Amount, KindBadge, Points, useMonthName } from "~/components/ledger/labels";
import { titleFromLoader } from "~/components/meta";
import { PageHeader } from "~/components/page-header";
import { Pagination } from "~/components/pagination";
import { pageTitle } from "~/modules/i18n/page-title.server";
import { requirePermission } from "~/modules/identity/session.server";
import { listOwnEntries, ownMonthTotals } from "~/modules/ledger/entries.server";
import { MonthSchema } from "~/modules/ledger/ledger-forms";
import { appealDeadline, isPenalty } from "~/modules/ledger/ledger-rules";
import { readPagination } from "~/utils/pagination";

export const meta = titleFromLoader;

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "read:ledger:own");
  const url = new URL(request.url);
  const month = MonthSchema.nullable().catch(null).parse(url.searchParams.get("month"));
  const { page, pageSize } = readPagination(url, 20);
  const [months, entries] = await Promise.all([
    ownMonthTotals(user.id),
    listOwnEntries(user.id, month, page, pageSize),
  ]);
  const now = Date.now();
  return {
    month,
    months,
    page,
    pageSize,
    entries: {
      total: entries.total,
      rows: entries.rows.map(({ appeals, decidedAt, ...row }) => ({
        ...row,
        appealOpen: appeals.some((appeal) => appeal.status === "open"),
        appealable:
          isPenalty(row.kind) &&
          decidedAt !== null &&
          appeals.every((appeal) => appeal.status === "withdrawn") &&
          appealDeadline(decidedAt).getTime() >= now,
      })),
    },
    pageTitle: await pageTitle(request, "ledger:mine.title"),
  };
}

export default function MyLedgerPage() {
  const { t } = useTranslation(["ledger", "common"]);
  const monthName = useMonthName();
  const { month, months, page, pageSize, entries } = useLoaderData<typeof loader>();
  return (
    <div className="space-y-6">
      <PageHeader title={t("mine.title")} description={t("mine.description")} />
      {months.length > 0 ? (
        <nav className="flex flex-wrap gap-3" aria-label={t("mine.months")} data-testid="my-ledger-months">
          <Link to="/performance/ledger" className={month === null ? "btn-primary" : "btn-ghost"}>
            {t("mine.allMonths")}
          </Link>
          {months.map((row) => (
            <Link
              key={row.month}
              to={`?month=${row.month}`}
              className={`card block px-4 py-2 text-sm ${row.month === month ? "ring-2 ring-brand-500" : ""}`}
              aria-current={row.month === month ? "page" : undefined}
            >
              <span className="block font-medium text-slate-900">{monthName(row.month)}</span>
              <span className="flex gap-2">
                <Amount value={row.amount} />
                <Points value={row.points} />
              </span>
            </Link>
          ))}
        </nav>
      ) : null}
      <section className="card overflow-hidden">
        {entries.rows.length === 0 ? (
          <EmptyState icon="list" title={t("mine.empty")} body={t("mine.emptyBody")} />
        ) : (
          <>
            <ul className="divide-y divide-slate-100" data-testid="my-ledger-entries">
              {entries.rows.map((row) => (
                <li key={row.id} className="flex flex-wrap items-center justify-between gap-3 px-4 py-3">
                  <div className="min-w-0 space-y-1">
                    <p className="flex flex-wrap items-center gap-2">
                      <KindBadge kind={row.kind} />
                      <Link to={`/performance/ledger/${row.id}`} className="font-medium text-brand-700 hover:underline">
                        {row.reason}
                      </Link>
                    </p>
                    <p className="text-xs text-slate-500">
                      {monthName(row.periodStart)}
                      {row.appealOpen ? ` · ${t("mine.appealOpen")}` : ""}
                    </p>
                  </div>
                  <div className="flex items-center gap-4 text-sm">
                    <div className="text-right">
                      <Amount value={row.net?.amount ?? row.amount} />
                      <span className="block">
                        <Points value={row.net?.points ?? row.points} />
                      </span>
                      {row.net && (row.net.amount !== row.amount || row.net.points !== row.points) ? (
                        <span className="block text-xs text-slate-500">{t("mine.corrected")}</span>
                      ) : null}
                    </div>
                    {row.appealable ? (
                      <Link to={`/performance/ledger/${row.id}#appeal`} className="btn-secondary">
                        {t("mine.appeal")}
                      </Link>
                    ) : null}
                  </div>
                </li>
              ))}
            </ul>
            <Pagination page={page} pageSize={pageSize} total={entries.total} />
          </>
        )}
      </section>
    </div>
  );
}
