import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { EmptyState } from "~/components/empty-state";
import { titleFromLoader } from "~/components/meta";
import { PageHeader } from "~/components/page-header";
import { Pagination } from "~/components/pagination";
import { ScenarioCards } from "~/components/roleplay/chat/scenario-cards";
import { ParamPagination, readPageParam } from "~/components/roleplay/param-pagination";
import { MyProgress } from "~/components/roleplay/report/my-progress";
import { SessionTable } from "~/components/roleplay/report/session-table";
import { pageTitle } from "~/modules/i18n/page-title.server";
import { requirePermission } from "~/modules/identity/session.server";
import { myScenarioCards, mySessions, mySummary } from "~/modules/roleplay/progress.server";
import { readPagination } from "~/utils/pagination";

export const meta = titleFromLoader;

const CARDS_PER_PAGE = 9;
const SESSIONS_PER_PAGE = 10;

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "play:scenario:own");
  const url = new URL(request.url);
  const { page } = readPagination(url, CARDS_PER_PAGE);
  const sessionsPage = readPageParam(url, "sessions");
  const [cards, sessions, summary] = await Promise.all([
    myScenarioCards(user.id, page, CARDS_PER_PAGE),
    mySessions(user.id, sessionsPage, SESSIONS_PER_PAGE),
    mySummary(user.id),
  ]);
  return {
    page,
    cards,
    sessionsPage,
    sessions,
    summary,
    pageTitle: await pageTitle(request, "roleplay:play.home.title"),
  };
}

export default function MyRolePlayPage() {
  const { t } = useTranslation("roleplay");
  const { page, cards, sessionsPage, sessions, summary } = useLoaderData<typeof loader>();
  return (
    <div className="space-y-8">
      <PageHeader title={t("play.home.title")} description={t("play.home.description")} />
      <MyProgress summary={summary} />
      <section className="space-y-3" aria-labelledby="scenario-list">
        <h2 id="scenario-list" className="text-base font-semibold text-slate-900">
          {t("play.home.scenarios")}
        </h2>
        {cards.rows.length === 0 ? (
          <div className="card">
            <EmptyState icon="users" title={t("play.home.noScenarios")} />
          </div>
        ) : (
          <>
            <ScenarioCards cards={cards.rows} />
            {cards.total > CARDS_PER_PAGE ? (
              <Pagination page={page} pageSize={CARDS_PER_PAGE} total={cards.total} />
            ) : null}
          </>
        )}
      </section>
      <section className="card overflow-hidden" aria-labelledby="session-list">
        <h2 id="session-list" className="border-b border-slate-200 px-4 py-3 text-base font-semibold text-slate-900">
          {t("play.sessions.title")}
        </h2>
        {sessions.rows.length === 0 ? (
          <EmptyState icon="list" title={t("play.sessions.empty")} />
        ) : (
          <>
            <SessionTable rows={sessions.rows} />
            <ParamPagination param="sessions" page={sessionsPage} pageSize={SESSIONS_PER_PAGE} total={sessions.total} />
          </>
        )}
      </section>
    </div>
  );
}
