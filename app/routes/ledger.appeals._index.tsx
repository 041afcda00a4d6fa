import type { LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { EmptyState } from "~/components/empty-state";
import { FilterActions, FilterSelect } from "~/components/filter-fields";
import { Amount, AppealStatusBadge, KindBadge, Points, useMonthName } from "~/components/ledger/labels";
import { titleFromLoader } from "~/components/meta";
import { PageHeader } from "~/components/page-header";
import { Pagination } from "~/components/pagination";
import { pageTitle } from "~/modules/i18n/page-title.server";
import { requirePermission } from "~/modules/identity/session.server";
import { listAppeals, type AppealFilter } from "~/modules/ledger/appeals.server";
import { readPagination } from "~/utils/pagination";
import { useFormat } from "~/utils/use-format";

export const meta = titleFromLoader;

const FILTERS: readonly AppealFilter[] = ["open", "decided", "all"];

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "decide:ledger-appeal:any");
  const url = new URL(request.url);
  const requested = url.searchParams.get("status") ?? "open";
  const status = (FILTERS as readonly string[]).includes(requested) ? (requested as AppealFilter) : "open";
  const { page, pageSize } = readPagination(url, 20);
  return {
    status,
    page,
    pageSize,
    appeals: await listAppeals(status, page, pageSize),
    pageTitle: await pageTitle(request, "ledger:appeals.title"),
  };
}

export default function LedgerAppealsPage() {
  const { t } = useTranslation(["ledger", "common"]);
  const format = useFormat();
  const monthName = useMonthName();
  const { status, page, pageSize, appeals } = useLoaderData<typeof loader>();
  return (
    <div className="space-y-6">
      <PageHeader title={t("appeals.title")} description={t("appeals.description", { count: appeals.open })} />
      <Form method="get" className="card grid gap-3 p-4 sm:grid-cols-3" role="search">
        <FilterSelect
          id="appeal-status"
          name="status"
          label={t("fields.status")}
          defaultValue={status}
          options={FILTERS.map((value) => ({ value, label: t(`appeals.filters.${value}`) }))}
        />
        <FilterActions resetTo="/ledger/appeals" />
      </Form>
      <section className="card overflow-hidden">
        {appeals.rows.length === 0 ? (
          <EmptyState icon="alert" title={t("appeals.empty")} />
        ) : (
          <>
            <div className="overflow-x-auto">
              <table className="table-base" data-testid="ledger-appeals">
                <thead>
                  <tr>
                    <th scope="col">{t("fields.person")}</th>
                    <th scope="col">{t("appeals.entry")}</th>
                    <th scope="col">{t("appeals.reason")}</th>
                    <th scope="col">{t("fields.status")}</th>
                    <th scope="col">{t("appeals.due")}</th>
                  </tr>
                </thead>
                <tbody>
                  {appeals.rows.map((appeal) => (
                    <tr key={appeal.id} data-testid="ledger-appeal-row">
                      <td className="whitespace-nowrap">
                        <Link
                          to={`/ledger/appeals/${appeal.id}`}
                          className="font-medium text-brand-700 hover:underline"
                        >
                          {appeal.agent.name}
                        </Link>
                        <span className="ml-1 font-mono text-xs text-slate-500">{appeal.agent.externalId}</span>
                        <span className="block text-xs text-slate-500">
                          {appeal.agent.team?.name ?? t("entry.noTeam")}
                        </span>
                      </td>
                      <td>
                        <span className="flex flex-wrap items-center gap-2">
                          <KindBadge kind={appeal.entry.kind} />
                          <Amount value={appeal.entry.amount} />
                          <Points value={appeal.entry.points} />
                        </span>
                        <span className="block text-xs text-slate-500">
                          {monthName(appeal.entry.month)} · {appeal.entry.reason}
                        </span>
                      </td>
                      <td className="max-w-xs truncate" title={appeal.reason}>
                        {appeal.reason}
                      </td>
                      <td>
                        <AppealStatusBadge status={appeal.status} />
                      </td>
                      <td className="whitespace-nowrap">
                        {appeal.status === "open" ? format.dateTime(appeal.dueAt) : format.dateTime(appeal.decidedAt)}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <Pagination page={page} pageSize={pageSize} total={appeals.total} />
          </>
        )}
      </section>
    </div>
  );
}
