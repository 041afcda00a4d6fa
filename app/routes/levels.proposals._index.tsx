import type { LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { EmptyState } from "~/components/empty-state";
import { FilterActions, FilterSelect } from "~/components/filter-fields";
import { useMonthLabel } from "~/components/levels/criterion-text";
import { EvidenceTable, ProposalKindBadge, ProposalStatusBadge } from "~/components/levels/evidence-table";
import { titleFromLoader } from "~/components/meta";
import { PageHeader } from "~/components/page-header";
import { Pagination } from "~/components/pagination";
import { pageTitle } from "~/modules/i18n/page-title.server";
import { requirePermission } from "~/modules/identity/session.server";
import { criterionVocabulary } from "~/modules/levels/ladder.server";
import { PROPOSAL_STATUSES, type ProposalStatus } from "~/modules/levels/level-form";
import { levelScope, listProposals } from "~/modules/levels/proposals.server";
import { readPagination } from "~/utils/pagination";

export const meta = titleFromLoader;

const FILTERS = [...PROPOSAL_STATUSES, "all"] as const;

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "decide:level:team");
  const scope = levelScope(user, "decide")!;
  const url = new URL(request.url);
  const requested = url.searchParams.get("status") ?? "pending";
  const status = (FILTERS as readonly string[]).includes(requested) ? (requested as ProposalStatus | "all") : "pending";
  const { page, pageSize } = readPagination(url, 10);
  const [proposals, vocabulary] = await Promise.all([
    listProposals(scope, { status }, page, pageSize),
    criterionVocabulary(),
  ]);
  return {
    status,
    page,
    pageSize,
    proposals,
    vocabulary,
    pageTitle: await pageTitle(request, "levels:proposals.title"),
  };
}

export default function ProposalsPage() {
  const { t } = useTranslation(["levels", "common"]);
  const monthLabel = useMonthLabel();
  const { status, page, pageSize, proposals, vocabulary } = useLoaderData<typeof loader>();
  return (
    <div className="space-y-6">
      <PageHeader title={t("proposals.title")} description={t("proposals.description", { count: proposals.pending })} />
      <Form method="get" className="card grid gap-3 p-4 sm:grid-cols-3" role="search">
        <FilterSelect
          id="proposal-status"
          name="status"
          label={t("common:fields.status")}
          defaultValue={status}
          options={FILTERS.map((value) => ({ value, label: t(`filters.${value}`) }))}
        />
        <FilterActions />
      </Form>
      {proposals.rows.length === 0 ? (
        <div className="card">
          <EmptyState icon="book" title={t("proposals.empty")} />
        </div>
      ) : (
        <>
          <ul className="space-y-4" data-testid="level-proposals">
            {proposals.rows.map((proposal) => (
              <li key={proposal.id} className="card overflow-hidden">
                <div className="flex flex-wrap items-center justify-between gap-3 border-b border-slate-200 px-4 py-3">
                  <div className="space-y-1">
                    <p className="font-medium text-slate-900">
                      <span data-testid="proposal-person">{proposal.user.name}</span>
                      <span className="ml-1 font-mono text-sm text-slate-500" data-testid="proposal-person-id">
                        {proposal.user.externalId}
                      </span>
                      {proposal.user.team ? (
                        <span className="ml-2 text-sm text-slate-500">{proposal.user.team.name}</span>
                      ) : null}
                    </p>
                    <p className="flex flex-wrap items-center gap-2 text-sm text-slate-600">
                      <ProposalKindBadge kind={proposal.kind} />
                      <ProposalStatusBadge status={proposal.status} />
                      <span>
                        {proposal.fromLevel ? `${proposal.fromLevel.code} ${proposal.fromLevel.name}` : "—"} →{" "}
                        {proposal.toLevel ? `${proposal.toLevel.code} ${proposal.toLevel.name}` : "—"}
                      </span>
                      <span className="text-slate-400">
                        {t("proposals.month", { month: monthLabel(proposal.period) })}
                      </span>
                    </p>
                  </div>
                  <Link
                    to={`/levels/proposals/${proposal.id}`}
                    className={proposal.status === "pending" ? "btn-primary" : "btn-ghost"}
                  >
                    {proposal.status === "pending" ? t("proposals.review") : t("common:actions.view")}
                  </Link>
                </div>
                <EvidenceTable criteria={proposal.evidence.criteria} vocabulary={vocabulary} />
              </li>
            ))}
          </ul>
          <Pagination page={page} pageSize={pageSize} total={proposals.total} />
        </>
      )}
    </div>
  );
}
