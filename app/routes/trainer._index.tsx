import { titleFromLoader } from "~/components/meta";
import { pageTitle } from "~/modules/i18n/page-title.server";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { EmptyState } from "~/components/empty-state";
import { PageHeader, StatCard } from "~/components/page-header";
import { requirePermission } from "~/modules/identity/session.server";
import { CohortTable } from "~/components/training/progress/cohort-table";
import { teamOverview } from "~/modules/org/directory.server";
import { COHORT_WINDOW_DAYS, cohortView, onboardingCohort } from "~/modules/training/progress/reports.server";

export const meta = titleFromLoader;

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "view:trainer-home:any");
  const now = new Date();
  const [cohort, teams] = await Promise.all([
    onboardingCohort({ teamIds: null }, now, { take: 50 }),
    teamOverview(now),
  ]);
  const hires = cohortView(cohort);
  return {
    pageTitle: await pageTitle(request, "home:trainer.title"),
    hires,
    teams,
    cohortDays: COHORT_WINDOW_DAYS,
  };
}

export default function TrainerHome() {
  const { t } = useTranslation(["home", "common", "training-learn"]);
  const { hires, teams, cohortDays } = useLoaderData<typeof loader>();
  const totalActive = teams.reduce((sum, team) => sum + team.active, 0);
  const firstYear = teams.reduce((sum, team) => sum + team.under1y, 0);
  return (
    <div className="space-y-6">
      <PageHeader title={t("home:trainer.title")} description={t("home:trainer.description")} />
      <div className="grid gap-4 sm:grid-cols-3">
        <StatCard
          label={t("home:trainer.onboardingCohort")}
          value={hires.length}
          hint={t("training-learn:homeCards.trainerHint", {
            days: cohortDays,
            met: hires.filter((hire) => hire.met).length,
          })}
        />
        <StatCard label={t("home:trainer.firstYear")} value={firstYear} />
        <StatCard label={t("home:trainer.totalActive")} value={totalActive} />
      </div>
      <section className="card overflow-hidden" aria-labelledby="cohort">
        <div className="flex flex-wrap items-start justify-between gap-3 border-b border-slate-100 px-5 py-4">
          <div>
            <h2 id="cohort" className="font-semibold text-slate-900">
              {t("home:trainer.cohortTitle")}
            </h2>
            <p className="text-sm text-slate-500">{t("training-learn:homeCards.trainerCohortBody")}</p>
          </div>
          <Link to="/training/progress" className="text-sm text-brand-600 hover:underline">
            {t("training-learn:homeCards.trainerReport")}
          </Link>
        </div>
        {hires.length === 0 ? (
          <EmptyState icon="user" title={t("home:trainer.noCohort")} />
        ) : (
          <CohortTable rows={hires} />
        )}
      </section>
    </div>
  );
}
