import type { LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { usePeriodLabel } from "~/components/awards/badges";
import { HonourCard } from "~/components/awards/honour-card";
import { EmptyState } from "~/components/empty-state";
import { FilterActions, FilterSelect } from "~/components/filter-fields";
import { titleFromLoader } from "~/components/meta";
import { PageHeader } from "~/components/page-header";
import { Pagination } from "~/components/pagination";
import { honourFilters, listHonours } from "~/modules/awards/honours.server";
import { pendingStoryInvitations } from "~/modules/awards/stories.server";
import { pageTitle } from "~/modules/i18n/page-title.server";
import { requirePermission } from "~/modules/identity/session.server";
import { readPagination } from "~/utils/pagination";

export const meta = titleFromLoader;

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "read:honour-roll:any");
  const url = new URL(request.url);
  const { page, pageSize } = readPagination(url, 6);
  const filters = await honourFilters();
  const programId = filters.programs.some((program) => program.id === url.searchParams.get("programId"))
    ? url.searchParams.get("programId")!
    : "";
  const period = filters.periods.some((entry) => entry.start === url.searchParams.get("period"))
    ? url.searchParams.get("period")!
    : "";
  const [honours, invitations] = await Promise.all([
    listHonours({ programId: programId || undefined, periodStart: period || undefined }, page, pageSize),
    pendingStoryInvitations(user.id),
  ]);
  return {
    honours,
    filters,
    selected: { programId, period },
    invitations: invitations.map((invitation) => ({
      candidateId: invitation.candidateId,
      program: invitation.candidate.cycle.program.name,
      periodKind: invitation.candidate.cycle.periodKind,
      periodStart: invitation.candidate.cycle.periodStart.toISOString().slice(0, 10),
    })),
    page,
    pageSize,
    pageTitle: await pageTitle(request, "awards:honours.title"),
  };
}

export default function HonourRollPage() {
  const { t } = useTranslation(["awards", "common"]);
  const periodLabel = usePeriodLabel();
  const { honours, filters, selected, invitations, page, pageSize } = useLoaderData<typeof loader>();
  return (
    <div className="space-y-6">
      <PageHeader title={t("honours.title")} description={t("honours.description")} />
      {invitations.map((invitation) => (
        <div
          key={invitation.candidateId}
          className="flex flex-wrap items-center justify-between gap-3 rounded-md border border-amber-200 bg-amber-50 px-4 py-3 text-sm text-amber-900"
        >
          <span>
            {t("honours.invitation", {
              program: invitation.program,
              period: periodLabel(invitation.periodKind, invitation.periodStart),
            })}
          </span>
          <Link to={`/honours/stories/${invitation.candidateId}`} className="btn-primary">
            {t("honours.writeStory")}
          </Link>
        </div>
      ))}
      <Form method="get" className="card grid gap-3 p-4 sm:grid-cols-3" role="search">
        <FilterSelect
          id="honours-program"
          name="programId"
          label={t("honours.program")}
          defaultValue={selected.programId}
          allLabel={t("cycles.allPrograms")}
          options={filters.programs.map((program) => ({ value: program.id, label: program.name }))}
        />
        <FilterSelect
          id="honours-period"
          name="period"
          label={t("honours.period")}
          defaultValue={selected.period}
          allLabel={t("honours.allPeriods")}
          options={filters.periods.map((entry) => ({
            value: entry.start,
            label: periodLabel(entry.kind, entry.start),
          }))}
        />
        <FilterActions />
      </Form>
      {honours.cycles.length === 0 ? (
        <div className="card">
          <EmptyState icon="flag" title={t("honours.empty")} />
        </div>
      ) : (
        honours.cycles.map((cycle) => (
          <section key={cycle.id} className="card space-y-4 p-5" data-testid="honour-cycle">
            <div className="flex flex-wrap items-baseline justify-between gap-2">
              <h2 className="text-lg font-semibold text-slate-900">
                {cycle.program.name}
                <span className="ml-2 text-base font-normal text-slate-500">
                  {periodLabel(cycle.periodKind, cycle.periodStart)}
                </span>
              </h2>
              {cycle.program.description ? <p className="text-sm text-slate-500">{cycle.program.description}</p> : null}
            </div>
            <ul className="grid gap-4 md:grid-cols-2 xl:grid-cols-3">
              {cycle.winners.map((winner) => (
                <HonourCard key={winner.id} winner={winner} />
              ))}
            </ul>
          </section>
        ))
      )}
      <Pagination page={page} pageSize={pageSize} total={honours.total} />
    </div>
  );
}
