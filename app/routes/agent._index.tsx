import { titleFromLoader } from "~/components/meta";
import { pageTitle } from "~/modules/i18n/page-title.server";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { EmptyState } from "~/components/empty-state";
import { StatCard } from "~/components/page-header";
import { Tenure } from "~/components/people-table";
import { getAccountProfile } from "~/modules/identity/account.server";
import { requirePermission, userCan } from "~/modules/identity/session.server";
import { agentQaSummary } from "~/modules/qa/agent-summary.server";
import { listNotifications } from "~/modules/notifications/notifications.server";
import { colleagues } from "~/modules/org/directory.server";
import { DueList } from "~/components/training/learn/due-list";
import { MyKpiHomeCard } from "~/components/kpi/home-card";
import { headlineKpis } from "~/modules/kpi/read.server";
import { dueItems } from "~/modules/training/learner/learner.server";
import { RolePlayHomeCard } from "~/components/roleplay/report/home-card";
import { mySummary } from "~/modules/roleplay/progress.server";
import { useFormat } from "~/utils/use-format";

export const meta = titleFromLoader;

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "view:agent-home:own");
  const [profile, notifications, teammates, qa] = await Promise.all([
    getAccountProfile(user.id),
    listNotifications(user.id, { page: 1, pageSize: 5 }),
    user.teamId ? colleagues(user.teamId, user.id) : Promise.resolve([]),
    agentQaSummary(user.id),
  ]);
  const learning = userCan(user, "learn:course:own") ? await dueItems(user.id, new Date(), AGENT_HOME_DUE) : null;
  const kpis = userCan(user, "read:kpi:own") ? await headlineKpis(user) : null;
  const rolePlay = userCan(user, "play:scenario:own") ? await mySummary(user.id, 1) : null;
  return {
    pageTitle: await pageTitle(request, "common:nav.agentHome"),

    profile: { name: profile.name, externalId: profile.externalId, hireDate: profile.hireDate, team: profile.team },
    notifications: notifications.rows,
    teammates: teammates.map(({ id, name }) => ({ id, name })),
    qa,
    learning,
    kpis,
    rolePlay,
  };
}

const AGENT_HOME_DUE = 3;

export default function AgentHome() {
  const { t } = useTranslation(["home", "common", "notifications", "training-learn"]);
  const { profile, notifications, teammates, qa, learning, kpis, rolePlay } = useLoaderData<typeof loader>();
  const format = useFormat();
  return (
    <div className="space-y-6">
      <div className="rounded-2xl bg-gradient-to-r from-brand-600 to-sky-500 p-6 text-white shadow">
        <p className="text-sm opacity-80">{t("home:agent.greeting")}</p>
        <h1 className="mt-1 text-2xl font-semibold">{profile.name}</h1>
        <p className="mt-2 text-sm opacity-90">
          {t("common:fields.externalId")} {profile.externalId}
          {profile.team ? ` · ${profile.team.name}` : ""}
          {profile.team?.lead ? ` · ${t("common:fields.lead")} ${profile.team.lead.name}` : ""}
        </p>
      </div>
      <div className="grid gap-4 sm:grid-cols-3">
        <StatCard label={t("common:fields.team")} value={profile.team?.name ?? t("common:none")} />
        <StatCard
          label={t("common:fields.hireDate")}
          value={profile.hireDate ? format.date(profile.hireDate, true) : "—"}
        />
        <StatCard label={t("common:fields.tenure")} value={<Tenure hireDate={profile.hireDate} />} />
      </div>
      <MyKpiHomeCard kpis={kpis} />
      <section className="card" aria-labelledby="my-qa">
        <div className="flex items-center justify-between border-b border-slate-100 px-5 py-4">
          <h2 id="my-qa" className="font-semibold text-slate-900">
            {t("home:agent.qa.title")}
          </h2>
          <Link to="/agent/reviews" className="text-sm text-brand-600 hover:underline">
            {t("home:viewAll")}
          </Link>
        </div>
        <dl className="grid gap-4 p-5 sm:grid-cols-2 lg:grid-cols-4">
          <QaFigure
            label={t("home:agent.qa.monthAverage")}
            value={qa.monthAverage === null ? "—" : format.number(qa.monthAverage, { maximumFractionDigits: 1 })}
            hint={t("home:agent.qa.monthReviews", { count: qa.monthReviews })}
          />
          <QaFigure
            label={t("home:agent.qa.passRate")}
            value={qa.monthPassRate === null ? "—" : format.number(qa.monthPassRate, { style: "percent" })}
          />
          <QaFigure
            label={t("home:agent.qa.latest")}
            value={
              qa.latest ? (
                <Link to={`/agent/reviews/${qa.latest.id}`} className="text-brand-700 hover:underline">
                  {qa.latest.score === null ? "—" : format.number(qa.latest.score, { maximumFractionDigits: 1 })}
                </Link>
              ) : (
                "—"
              )
            }
            hint={qa.latest ? format.date(qa.latest.submittedAt) : t("home:agent.qa.none")}
          />
          <QaFigure
            label={t("home:agent.qa.toDo")}
            value={
              <span className="flex flex-wrap gap-x-3 text-base">
                <Link to="/agent/reviews" className="text-brand-700 hover:underline">
                  {t("home:agent.qa.unacknowledged", { count: qa.unacknowledged })}
                </Link>
                <Link to="/agent/coaching" className="text-brand-700 hover:underline">
                  {t("home:agent.qa.openCoaching", { count: qa.openCoaching })}
                </Link>
              </span>
            }
          />
        </dl>
      </section>
      {rolePlay ? <RolePlayHomeCard summary={rolePlay} /> : null}
      {learning ? (
        <section className="card overflow-hidden" aria-labelledby="my-learning">
          <div className="flex items-center justify-between border-b border-slate-100 px-5 py-4">
            <h2 id="my-learning" className="font-semibold text-slate-900">
              {t("training-learn:homeCards.agentTitle")}
              <span className="ml-2 text-sm font-normal text-slate-500">{learning.total}</span>
            </h2>
            <Link to="/learn" className="text-sm text-brand-600 hover:underline">
              {t("training-learn:homeCards.agentAll")}
            </Link>
          </div>
          {learning.rows.length === 0 ? (
            <EmptyState icon="book" title={t("training-learn:homeCards.agentEmpty")} />
          ) : (
            <DueList rows={learning.rows} compact />
          )}
        </section>
      ) : null}
      <div className="grid gap-6 lg:grid-cols-3">
        <section className="card lg:col-span-2" aria-labelledby="recent-notifications">
          <div className="flex items-center justify-between border-b border-slate-100 px-5 py-4">
            <h2 id="recent-notifications" className="font-semibold text-slate-900">
              {t("home:agent.recentNotifications")}
            </h2>
            <Link to="/notifications" className="text-sm text-brand-600 hover:underline">
              {t("home:viewAll")}
            </Link>
          </div>
          {notifications.length === 0 ? (
            <EmptyState icon="bell" title={t("notifications:empty")} />
          ) : (
            <ul className="divide-y divide-slate-100">
              {notifications.map((row) => (
                <li key={row.id} className="flex items-start gap-3 px-5 py-3 text-sm">
                  <span
                    className={`mt-1.5 h-2 w-2 shrink-0 rounded-full ${row.readAt ? "bg-slate-200" : "bg-brand-500"}`}
                    aria-hidden="true"
                  />
                  <span className="flex-1 text-slate-700">
                    {t(`notifications:kinds.${row.kind}`, row.params as Record<string, string>)}
                  </span>
                  <span className="shrink-0 text-xs text-slate-400">{format.relative(row.createdAt)}</span>
                </li>
              ))}
            </ul>
          )}
        </section>
        <section className="card" aria-labelledby="teammates">
          <div className="border-b border-slate-100 px-5 py-4">
            <h2 id="teammates" className="font-semibold text-slate-900">
              {t("home:agent.teammates", { count: teammates.length })}
            </h2>
          </div>
          {teammates.length === 0 ? (
            <EmptyState icon="users" title={t("home:agent.noTeammates")} />
          ) : (
            <ul className="flex flex-wrap gap-2 p-5">
              {teammates.map((mate) => (
                <li key={mate.id} className="rounded-full bg-slate-100 px-3 py-1 text-sm text-slate-700">
                  {mate.name}
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>
    </div>
  );
}

function QaFigure({ label, value, hint }: { label: string; value: React.ReactNode; hint?: string }) {
  return (
    <div>
      <dt className="text-sm text-slate-500">{label}</dt>
      <dd className="mt-1 text-2xl font-semibold text-slate-900">{value}</dd>
      {hint ? <dd className="mt-0.5 text-xs text-slate-400">{hint}</dd> : null}
    </div>
  );
}
