import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { EmptyState } from "~/components/empty-state";
import { titleFromLoader } from "~/components/meta";
import { PageHeader } from "~/components/page-header";
import { QueueTable } from "~/components/qa/workbench/queue-table";
import { useDuration } from "~/components/qa/workbench/score-badge";
import { pageTitle } from "~/modules/i18n/page-title.server";
import { requirePermission } from "~/modules/identity/session.server";
import { qaHomeSummary } from "~/modules/qa/reviews/queue.server";
import { env } from "~/utils/env.server";
import { useFormat } from "~/utils/use-format";

export const meta = titleFromLoader;

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "view:qa-home:any");
  const [summary, title] = await Promise.all([
    qaHomeSummary(user.id, new Date(), env().APP_TIME_ZONE),
    pageTitle(request, "qa-review:home.title"),
  ]);
  return { ...summary, name: user.name, pageTitle: title };
}

function Figure({ label, value, to, tone }: { label: string; value: React.ReactNode; to?: string; tone?: string }) {
  const body = (
    <>
      <p className="text-sm text-slate-500">{label}</p>
      <p className={`mt-1 text-2xl font-semibold tabular-nums ${tone ?? "text-slate-900"}`}>{value}</p>
    </>
  );
  return to ? (
    <Link to={to} className="card block p-5 transition-colors hover:border-brand-300">
      {body}
    </Link>
  ) : (
    <div className="card p-5">{body}</div>
  );
}

export default function QaHome() {
  const { t } = useTranslation(["qa-review", "common"]);
  const format = useFormat();
  const duration = useDuration();
  const { counts, week, disputesWaiting, calibrations, upcoming, name } = useLoaderData<typeof loader>();
  return (
    <div className="space-y-6">
      <PageHeader
        title={t("qa-review:home.title")}
        description={t("qa-review:home.greeting", { name })}
        actions={
          <Link to="/qa/queue" className="btn-primary">
            {t("qa-review:home.openQueue")}
          </Link>
        }
      />
      <div className="grid gap-4 sm:grid-cols-3 lg:grid-cols-6" data-testid="qa-home-figures">
        <Figure label={t("qa-review:home.open")} value={counts.open} to="/qa/queue" />
        <Figure
          label={t("qa-review:home.dueToday")}
          value={counts.dueToday}
          to="/qa/queue"
          tone={counts.dueToday > 0 ? "text-amber-600" : undefined}
        />
        <Figure
          label={t("qa-review:home.overdue")}
          value={counts.overdue}
          to="/qa/queue"
          tone={counts.overdue > 0 ? "text-rose-600" : undefined}
        />
        <Figure label={t("qa-review:home.submittedThisWeek")} value={week.submitted} />
        <Figure label={t("qa-review:home.averageGradingTime")} value={duration(week.averageGradingSeconds)} />
        <Figure
          label={t("qa-review:home.disputesWaiting")}
          value={disputesWaiting}
          to="/qa/disputes"
          tone={disputesWaiting > 0 ? "text-rose-600" : undefined}
        />
      </div>
      <div className="grid gap-6 lg:grid-cols-3">
        <section className="card overflow-hidden lg:col-span-2" aria-labelledby="upcoming-heading">
          <div className="flex items-center justify-between border-b border-slate-100 px-5 py-4">
            <h2 id="upcoming-heading" className="font-semibold text-slate-900">
              {t("qa-review:home.upcoming")}
            </h2>
            <Link to="/qa/queue" className="text-sm text-brand-700 hover:underline">
              {t("qa-review:home.viewAll")}
            </Link>
          </div>
          {upcoming.length === 0 ? (
            <EmptyState icon="check" title={t("qa-review:queue.emptyTitle")} body={t("qa-review:queue.emptyBody")} />
          ) : (
            <QueueTable rows={upcoming} compact />
          )}
        </section>
        <section className="card overflow-hidden" aria-labelledby="calibration-heading">
          <div className="flex items-center justify-between border-b border-slate-100 px-5 py-4">
            <h2 id="calibration-heading" className="font-semibold text-slate-900">
              {t("qa-review:home.calibrations")}
            </h2>
            <Link to="/qa/calibration" className="text-sm text-brand-700 hover:underline">
              {t("qa-review:home.viewAll")}
            </Link>
          </div>
          {calibrations.length === 0 ? (
            <EmptyState icon="users" title={t("qa-review:home.noCalibrations")} />
          ) : (
            <ul className="divide-y divide-slate-100">
              {calibrations.map((session) => (
                <li key={session.id} className="px-5 py-3">
                  <Link to={`/qa/calibration/${session.id}`} className="font-medium text-brand-700 hover:underline">
                    {session.title}
                  </Link>
                  <p className="mt-0.5 text-xs text-slate-500">
                    {t("qa-review:home.calibrationProgress", {
                      scored: session.scored,
                      total: session.conversations,
                      deadline: format.dateTime(session.deadline),
                    })}
                  </p>
                  {session.done ? (
                    <span className="badge mt-1 bg-emerald-50 text-emerald-700">
                      {t("qa-review:home.calibrationDone")}
                    </span>
                  ) : null}
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>
      <p className="text-xs text-slate-500">
        {week.averageScore === null
          ? t("qa-review:home.noWeekScores")
          : t("qa-review:home.weekAverageScore", { score: week.averageScore })}
      </p>
    </div>
  );
}
