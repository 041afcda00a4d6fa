import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { EmptyState } from "~/components/empty-state";
import { Icon } from "~/components/icons";
import { titleFromLoader } from "~/components/meta";
import { PageHeader } from "~/components/page-header";
import { Pagination } from "~/components/pagination";
import {
  CoachingFilters,
  CoachingSuggestions,
  CoachingTaskTable,
  TeamCounts,
} from "~/components/qa/coaching/task-list";
import { pageTitle } from "~/modules/i18n/page-title.server";
import { requirePermission } from "~/modules/identity/session.server";
import { readTaskFilter } from "~/modules/qa/coaching/coaching";
import {
  coachingScope,
  coachingSuggestions,
  countTasksByTeam,
  listCoachingTasks,
  teamOptions,
} from "~/modules/qa/coaching/coaching.server";
import { readPagination } from "~/utils/pagination";

export const meta = titleFromLoader;

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "read:coaching:team");
  const scope = coachingScope(user, "read")!;
  const createScope = coachingScope(user, "create");
  const url = new URL(request.url);
  const filter = readTaskFilter(url);
  const { page, pageSize } = readPagination(url);
  const [tasks, counts, teams, suggestions] = await Promise.all([
    listCoachingTasks(scope, filter, page, pageSize),
    countTasksByTeam(scope),
    teamOptions(scope),
    createScope ? coachingSuggestions(createScope) : Promise.resolve(null),
  ]);
  return {
    filter,
    page,
    pageSize,
    tasks,
    counts,
    teams,
    suggestions,
    canCreate: createScope !== null,
    pageTitle: await pageTitle(request, "qa-coaching:title"),
  };
}

export default function CoachingTasksPage() {
  const { t } = useTranslation(["qa-coaching", "common"]);
  const { filter, page, pageSize, tasks, counts, teams, suggestions, canCreate } = useLoaderData<typeof loader>();
  const filtered = Boolean(filter.teamId || filter.agent || filter.overdue || filter.status !== "active");
  return (
    <div className="space-y-6">
      <PageHeader
        title={t("title")}
        description={t("description")}
        actions={
          canCreate ? (
            <Link to="/qa/coaching/new" className="btn-primary">
              <Icon name="plus" className="h-4 w-4" />
              {t("new.title")}
            </Link>
          ) : null
        }
      />
      <TeamCounts rows={counts} />
      {suggestions ? <CoachingSuggestions rows={suggestions} /> : null}
      <section className="card overflow-hidden" aria-label={t("listLabel")}>
        <CoachingFilters filter={filter} teams={teams} />
        {tasks.rows.length > 0 ? (
          <>
            <CoachingTaskTable rows={tasks.rows} />
            <Pagination page={page} pageSize={pageSize} total={tasks.total} />
          </>
        ) : (
          <EmptyState
            icon="book"
            title={filtered ? t("common:empty.noResults") : t("empty.title")}
            body={filtered ? undefined : t("empty.body")}
          />
        )}
      </section>
    </div>
  );
}
