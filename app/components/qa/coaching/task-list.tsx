import { Form, Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { FilterActions, FilterInput, FilterSelect } from "~/components/filter-fields";
import { isOverdue, STATUS_FILTERS, type CoachingStatus, type TaskFilter } from "~/modules/qa/coaching/coaching";
import { useFormat } from "~/utils/use-format";
import { CoachingStatusBadge } from "./badges";

export function CoachingFilters({ filter, teams }: { filter: TaskFilter; teams: { id: string; name: string }[] }) {
  const { t } = useTranslation(["qa-coaching", "common"]);
  return (
    <Form method="get" className="grid gap-3 border-b border-slate-200 p-4 sm:grid-cols-2 lg:grid-cols-5" role="search">
      {teams.length > 1 ? (
        <FilterSelect
          id="coaching-team"
          name="team"
          label={t("common:fields.team")}
          defaultValue={filter.teamId ?? ""}
          allLabel={t("filters.allTeams")}
          options={teams.map((team) => ({ value: team.id, label: team.name }))}
        />
      ) : null}
      <FilterInput
        id="coaching-agent"
        name="agent"
        type="search"
        label={t("filters.agent")}
        defaultValue={filter.agent ?? ""}
        inputClassName="input font-mono"
        placeholder="A2003"
      />
      <FilterSelect
        id="coaching-status"
        name="status"
        label={t("common:fields.status")}
        defaultValue={filter.status}
        options={STATUS_FILTERS.map((status) => ({ value: status, label: t(`filters.statuses.${status}`) }))}
      />
      <label className="inline-flex items-end gap-2 pb-2 text-sm text-slate-700">
        <input
          type="checkbox"
          name="overdue"
          value="1"
          defaultChecked={filter.overdue}
          className="h-4 w-4 rounded border-slate-300 text-brand-600"
        />
        {t("filters.overdueOnly")}
      </label>
      <FilterActions />
    </Form>
  );
}

export type TaskRow = {
  id: string;
  title: string;
  status: CoachingStatus;
  dueAt: string;
  createdAt: string;
  criterionKeys: string[];
  agent: { id: string; name: string; externalId: string; team: { name: string } | null };
  createdBy: { name: string } | null;
};

export function CoachingTaskTable({ rows }: { rows: TaskRow[] }) {
  const { t } = useTranslation(["qa-coaching", "common"]);
  const format = useFormat();
  return (
    <div className="overflow-x-auto">
      <table className="table-base" data-testid="coaching-tasks">
        <thead>
          <tr>
            <th scope="col">{t("columns.task")}</th>
            <th scope="col">{t("columns.agent")}</th>
            <th scope="col">{t("common:fields.team")}</th>
            <th scope="col">{t("columns.due")}</th>
            <th scope="col">{t("common:fields.status")}</th>
            <th scope="col">{t("columns.createdBy")}</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.map((row) => (
            <tr key={row.id}>
              <td>
                <Link to={`/qa/coaching/${row.id}`} className="font-medium text-brand-700 hover:underline">
                  {row.title}
                </Link>
              </td>
              <td>
                {row.agent.name}
                <span className="ml-1 font-mono text-xs text-slate-500">{row.agent.externalId}</span>
              </td>
              <td>{row.agent.team?.name ?? t("noTeam")}</td>
              <td className="tabular-nums">{format.date(row.dueAt)}</td>
              <td>
                <CoachingStatusBadge status={row.status} overdue={isOverdue(row, format.now)} />
              </td>
              <td>{row.createdBy?.name ?? "—"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export type TeamCountRow = {
  teamId: string | null;
  teamName: string | null;
  open: number;
  overdue: number;
  completed: number;
  closed: number;
  cancelled: number;
};

export function TeamCounts({ rows }: { rows: TeamCountRow[] }) {
  const { t } = useTranslation(["qa-coaching", "common"]);
  if (rows.length === 0) return null;
  const link = (teamId: string | null, query: string) => (teamId ? `?team=${teamId}&${query}` : `?${query}`);
  return (
    <section className="card overflow-hidden" aria-labelledby="team-counts-heading">
      <h2
        id="team-counts-heading"
        className="border-b border-slate-200 px-4 py-3 text-base font-semibold text-slate-900"
      >
        {t("counts.title")}
      </h2>
      <div className="overflow-x-auto">
        <table className="table-base" data-testid="coaching-team-counts">
          <thead>
            <tr>
              <th scope="col">{t("common:fields.team")}</th>
              <th scope="col">{t("status.open")}</th>
              <th scope="col">{t("overdue")}</th>
              <th scope="col">{t("status.completed")}</th>
              <th scope="col">{t("status.closed")}</th>
              <th scope="col">{t("status.cancelled")}</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {rows.map((row) => (
              <tr key={row.teamId ?? "none"}>
                <td className="font-medium">{row.teamName ?? t("noTeam")}</td>
                <td className="tabular-nums">
                  <Link to={link(row.teamId, "status=open")} className="text-brand-700 hover:underline">
                    {row.open}
                  </Link>
                </td>
                <td className={`tabular-nums ${row.overdue > 0 ? "font-semibold text-rose-600" : ""}`}>
                  <Link to={link(row.teamId, "overdue=1")} className="hover:underline">
                    {row.overdue}
                  </Link>
                </td>
                <td className="tabular-nums">
                  <Link to={link(row.teamId, "status=completed")} className="text-brand-700 hover:underline">
                    {row.completed}
                  </Link>
                </td>
                <td className="tabular-nums">{row.closed}</td>
                <td className="tabular-nums">{row.cancelled}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

export type SuggestionRow = {
  agentId: string;
  agentName: string;
  externalId: string;
  teamName: string | null;
  criterionKey: string;
  criterionName: string;
  failures: number;
  lastReviewId: string;
};

export function CoachingSuggestions({ rows }: { rows: SuggestionRow[] }) {
  const { t } = useTranslation(["qa-coaching", "common"]);
  return (
    <section className="card overflow-hidden" aria-labelledby="suggestions-heading">
      <div className="border-b border-slate-200 px-4 py-3">
        <h2 id="suggestions-heading" className="text-base font-semibold text-slate-900">
          {t("suggestions.title")}
        </h2>
        <p className="text-xs text-slate-500">{t("suggestions.hint")}</p>
      </div>
      {rows.length === 0 ? (
        <p className="px-4 py-6 text-center text-sm text-slate-500">{t("suggestions.none")}</p>
      ) : (
        <ul className="divide-y divide-slate-100" data-testid="coaching-suggestions">
          {rows.map((row) => (
            <li
              key={`${row.agentId}-${row.criterionKey}`}
              className="flex flex-wrap items-center justify-between gap-2 px-4 py-3 text-sm"
            >
              <div>
                <span className="font-medium text-slate-900">{row.agentName}</span>
                <span className="ml-1 font-mono text-xs text-slate-500">{row.externalId}</span>
                <span className="ml-2 text-slate-500">{row.teamName ?? ""}</span>
                <p className="mt-0.5 text-slate-700">
                  {t("suggestions.failed", { criterion: row.criterionName, count: row.failures })}
                </p>
              </div>
              <Link
                to={`/qa/coaching/new?agent=${row.agentId}&criterion=${encodeURIComponent(row.criterionKey)}`}
                className="btn-secondary px-3 py-1.5"
              >
                {t("suggestions.create")}
              </Link>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
