import type { LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { EmptyState } from "~/components/empty-state";
import { FilterActions, FilterInput, FilterSelect } from "~/components/filter-fields";
import { titleFromLoader } from "~/components/meta";
import { PageHeader } from "~/components/page-header";
import { Pagination } from "~/components/pagination";
import { DifficultyBadge, RubricBadge } from "~/components/roleplay/editor/badges";
import { ContentStatusBadge, SourceBadge } from "~/components/training/courses/badges";
import { pageTitle } from "~/modules/i18n/page-title.server";
import { requirePermission } from "~/modules/identity/session.server";
import { SCENARIO_STATUSES, ScenarioListFilterSchema } from "~/modules/roleplay/authoring";
import { listScenarios } from "~/modules/roleplay/scenarios.server";
import { readPagination } from "~/utils/pagination";
import { useFormat } from "~/utils/use-format";

export const meta = titleFromLoader;

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "manage:scenario:any");
  const url = new URL(request.url);
  const filters = ScenarioListFilterSchema.parse({
    q: url.searchParams.get("q") ?? "",
    status: url.searchParams.get("status") || undefined,
  });
  const { page, pageSize } = readPagination(url);
  const [{ rows, total }, title] = await Promise.all([
    listScenarios({ ...filters, page, pageSize }),
    pageTitle(request, "roleplay:authoring.list.title"),
  ]);
  return { rows, total, page, pageSize, filters: { q: filters.q, status: filters.status ?? "" }, pageTitle: title };
}

export default function ScenariosPage() {
  const { t } = useTranslation(["roleplay", "training", "common"]);
  const format = useFormat();
  const { rows, total, page, pageSize, filters } = useLoaderData<typeof loader>();
  const filtered = Boolean(filters.q || filters.status);
  return (
    <div>
      <PageHeader
        title={t("authoring.list.title")}
        description={t("authoring.list.description")}
        actions={
          <Link to="/training/scenarios/new" className="btn-primary">
            {t("authoring.list.create")}
          </Link>
        }
      />
      <div className="card overflow-hidden">
        <Form method="get" className="flex flex-wrap items-end gap-3 border-b border-slate-200 p-4" role="search">
          <FilterInput
            id="filter-q"
            name="q"
            type="search"
            label={t("authoring.list.search")}
            placeholder={t("authoring.list.searchPlaceholder")}
            defaultValue={filters.q}
          />
          <FilterSelect
            id="filter-status"
            name="status"
            label={t("common:fields.status")}
            defaultValue={filters.status}
            allLabel={t("authoring.list.allStatuses")}
            options={SCENARIO_STATUSES.map((value) => ({ value, label: t(`training:contentStatus.${value}`) }))}
          />
          <FilterActions />
        </Form>
        {rows.length === 0 ? (
          <EmptyState
            icon="message"
            title={filtered ? t("common:empty.noResults") : t("authoring.list.emptyTitle")}
            body={filtered ? undefined : t("authoring.list.emptyBody")}
          />
        ) : (
          <>
            <div className="overflow-x-auto">
              <table className="table-base" data-testid="scenarios-table">
                <thead>
                  <tr>
                    <th scope="col">{t("authoring.fields.title")}</th>
                    <th scope="col">{t("authoring.fields.difficulty")}</th>
                    <th scope="col">{t("common:fields.status")}</th>
                    <th scope="col">{t("authoring.list.version")}</th>
                    <th scope="col">{t("authoring.list.sessions")}</th>
                    <th scope="col">{t("common:fields.updatedAt")}</th>
                  </tr>
                </thead>
                <tbody className="divide-y divide-slate-100">
                  {rows.map((row) => (
                    <tr key={row.id}>
                      <td>
                        <Link
                          to={`/training/scenarios/${row.id}`}
                          className="font-medium text-brand-700 hover:underline"
                        >
                          {row.title}
                        </Link>
                        <div className="mt-0.5 flex flex-wrap items-center gap-1 text-xs text-slate-400">
                          <span className="font-mono">{row.slug}</span>
                          <SourceBadge source={row.source} />
                          {row.scoredByRubric ? <RubricBadge /> : null}
                          {row.tags.slice(0, 3).map((tag) => (
                            <span key={tag} className="badge bg-slate-100 text-slate-600">
                              {tag}
                            </span>
                          ))}
                        </div>
                      </td>
                      <td>
                        <DifficultyBadge difficulty={row.difficulty} />
                      </td>
                      <td>
                        <ContentStatusBadge status={row.status} />
                      </td>
                      <td className="text-sm">
                        {row.version ? `v${row.version}` : "—"}
                        {row.draftVersion ? (
                          <span className="ml-1 badge bg-amber-50 text-amber-700">
                            {t("authoring.list.draftPending", { version: row.draftVersion })}
                          </span>
                        ) : null}
                      </td>
                      <td className="whitespace-nowrap text-sm tabular-nums">
                        {t("authoring.list.sessionsValue", {
                          sessions: format.number(row.sessions),
                          players: format.number(row.players),
                        })}
                      </td>
                      <td className="text-sm text-slate-500">{format.date(row.updatedAt)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <Pagination page={page} pageSize={pageSize} total={total} />
          </>
        )}
      </div>
      <p className="mt-3 text-xs text-slate-500">{t("authoring.list.total", { count: total })}</p>
    </div>
  );
}
