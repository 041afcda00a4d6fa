import { titleFromLoader } from "~/components/meta";
import { pageTitle } from "~/modules/i18n/page-title.server";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { EmptyState } from "~/components/empty-state";
import { PageHeader, StatCard } from "~/components/page-header";
import { PeopleTable } from "~/components/people-table";
import { requirePermission } from "~/modules/identity/session.server";
import { recentHires, teamOverview } from "~/modules/org/directory.server";

const ONBOARDING_WINDOW_DAYS = 90;

export const meta = titleFromLoader;

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "view:trainer-home:any");
  const now = new Date();
  const since = new Date(now.getTime() - ONBOARDING_WINDOW_DAYS * 86400000);
  const [hires, teams] = await Promise.all([recentHires(since, { take: 50 }), teamOverview(now)]);
  return {
    pageTitle: await pageTitle(request, "home:trainer.title"),
    hires,
    teams,
  };
}

export default function TrainerHome() {
  const { t } = useTranslation(["home", "common"]);
  const { hires, teams } = useLoaderData<typeof loader>();
  const totalActive = teams.reduce((sum, team) => sum + team.active, 0);
  const firstYear = teams.reduce((sum, team) => sum + team.under1y, 0);
  return (
    <div className="space-y-6">
      <PageHeader title={t("home:trainer.title")} description={t("home:trainer.description")} />
      <div className="grid gap-4 sm:grid-cols-3">
        <StatCard
          label={t("home:trainer.onboardingCohort")}
          value={hires.length}
          hint={t("home:trainer.onboardingHint", { days: ONBOARDING_WINDOW_DAYS })}
        />
        <StatCard label={t("home:trainer.firstYear")} value={firstYear} />
        <StatCard label={t("home:trainer.totalActive")} value={totalActive} />
      </div>
      <section className="card overflow-hidden" aria-labelledby="cohort">
        <div className="border-b border-slate-100 px-5 py-4">
          <h2 id="cohort" className="font-semibold text-slate-900">
            {t("home:trainer.cohortTitle")}
          </h2>
          <p className="text-sm text-slate-500">{t("home:trainer.cohortBody")}</p>
        </div>
        {hires.length === 0 ? (
          <EmptyState icon="user" title={t("home:trainer.noCohort")} />
        ) : (
          <PeopleTable rows={hires} showTeam />
        )}
      </section>
    </div>
  );
}
