import { Link, useLocation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { EmptyState } from "~/components/empty-state";
import { Pagination } from "~/components/pagination";
import type { AgentSort } from "~/modules/qa/reports/filters";
import { percent, round } from "~/modules/qa/reports/rates";
import type { AgentRow, CriterionRow, InspectorRow, RedLineRow, TeamRow } from "~/modules/qa/reports/reports.server";
import { useFormat } from "~/utils/use-format";

type Linked<T> = T & { link: string };

export function Score({ value }: { value: number | null }) {
  return <>{value === null ? "—" : round(value, 1).toFixed(1)}</>;
}

export function Percent({ value }: { value: number | null }) {
  const shown = percent(value);
  return <>{shown === null ? "—" : `${shown.toFixed(1)}%`}</>;
}

function SortHeader({ column, sort, dir, label }: { column: AgentSort; sort: AgentSort; dir: string; label: string }) {
  const location = useLocation();
  const params = new URLSearchParams(location.search);
  const active = column === sort;
  params.set("sort", column);
  params.set("dir", active && dir === "desc" ? "asc" : "desc");
  params.delete("page");
  return (
    <th scope="col" aria-sort={active ? (dir === "asc" ? "ascending" : "descending") : "none"}>
      <Link
        to={`?${params.toString()}#agents`}
        className="inline-flex items-center gap-1 hover:text-brand-700"
        preventScrollReset
      >
        {label}
        {active ? <span aria-hidden="true">{dir === "asc" ? "▲" : "▼"}</span> : null}
      </Link>
    </th>
  );
}

export function AgentTable({
  rows,
  total,
  page,
  pageSize,
  sort,
  dir,
}: {
  rows: Linked<AgentRow>[];
  total: number;
  page: number;
  pageSize: number;
  sort: AgentSort;
  dir: string;
}) {
  const { t } = useTranslation(["qa-reports", "common"]);
  if (rows.length === 0) return <EmptyState icon="user" title={t("empty.noData")} />;
  return (
    <>
      <div className="overflow-x-auto">
        <table className="table-base" data-testid="report-agents">
          <thead>
            <tr>
              <SortHeader column="name" sort={sort} dir={dir} label={t("columns.agent")} />
              <th scope="col">{t("common:fields.team")}</th>
              <SortHeader column="reviews" sort={sort} dir={dir} label={t("columns.reviews")} />
              <SortHeader column="score" sort={sort} dir={dir} label={t("columns.averageScore")} />
              <SortHeader column="passRate" sort={sort} dir={dir} label={t("columns.passRate")} />
              <SortHeader column="redLines" sort={sort} dir={dir} label={t("columns.redLines")} />
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {rows.map((row) => (
              <tr key={row.agentId}>
                <td>
                  <Link to={row.link} className="font-medium text-brand-700 hover:underline">
                    {row.name}
                  </Link>
                  <span className="ml-1 font-mono text-xs text-slate-500">{row.externalId}</span>
                </td>
                <td>{row.teamName ?? t("common:none")}</td>
                <td className="tabular-nums">{row.reviews}</td>
                <td className="tabular-nums">
                  <Score value={row.averageScore} />
                </td>
                <td className="tabular-nums">
                  <Percent value={row.passRate} />
                </td>
                <td className={`tabular-nums ${row.redLines > 0 ? "font-semibold text-rose-600" : ""}`}>
                  {row.redLines}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <Pagination page={page} pageSize={pageSize} total={total} />
    </>
  );
}

export function TeamTable({ rows }: { rows: Linked<TeamRow>[] }) {
  const { t } = useTranslation(["qa-reports", "common"]);
  if (rows.length === 0) return <EmptyState icon="users" title={t("empty.noData")} />;
  return (
    <div className="overflow-x-auto">
      <table className="table-base" data-testid="report-teams">
        <thead>
          <tr>
            <th scope="col">{t("common:fields.team")}</th>
            <th scope="col">{t("columns.agents")}</th>
            <th scope="col">{t("columns.reviews")}</th>
            <th scope="col">{t("columns.averageScore")}</th>
            <th scope="col">{t("columns.passRate")}</th>
            <th scope="col">{t("columns.redLines")}</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.map((row) => (
            <tr key={row.teamId ?? "none"}>
              <td>
                <Link to={row.link} className="font-medium text-brand-700 hover:underline">
                  {row.teamName ?? t("noTeam")}
                </Link>
              </td>
              <td className="tabular-nums">{row.agents}</td>
              <td className="tabular-nums">{row.reviews}</td>
              <td className="tabular-nums">
                <Score value={row.averageScore} />
              </td>
              <td className="tabular-nums">
                <Percent value={row.passRate} />
              </td>
              <td className="tabular-nums">{row.redLines}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function CriterionTable({ rows }: { rows: Linked<CriterionRow>[] }) {
  const { t } = useTranslation(["qa-reports", "common"]);
  if (rows.length === 0) return <EmptyState icon="clipboard" title={t("empty.noData")} />;
  return (
    <div className="overflow-x-auto">
      <table className="table-base" data-testid="report-criteria">
        <thead>
          <tr>
            <th scope="col">{t("columns.criterion")}</th>
            <th scope="col">{t("columns.rated")}</th>
            <th scope="col">{t("columns.criterionScore")}</th>
            <th scope="col">{t("columns.failed")}</th>
            <th scope="col">{t("columns.failRate")}</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.map((row) => (
            <tr key={row.key}>
              <td>
                <span className="font-medium text-slate-900">{row.name}</span>
                {row.critical ? <span className="badge ml-2 bg-rose-50 text-rose-700">{t("redLine")}</span> : null}
                <span className="ml-1 font-mono text-xs text-slate-400">{row.key}</span>
              </td>
              <td className="tabular-nums">{row.rated}</td>
              <td className="tabular-nums">
                <Percent value={row.averageScore} />
              </td>
              <td className="tabular-nums">
                {row.failed > 0 ? (
                  <Link to={row.link} className="text-brand-700 hover:underline">
                    {row.failed}
                  </Link>
                ) : (
                  0
                )}
              </td>
              <td className="tabular-nums">
                <Percent value={row.failRate} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function InspectorTable({ rows }: { rows: Linked<InspectorRow>[] }) {
  const { t } = useTranslation(["qa-reports", "common"]);
  const format = useFormat();
  if (rows.length === 0) return <EmptyState icon="users" title={t("empty.noData")} />;
  return (
    <div className="overflow-x-auto">
      <table className="table-base" data-testid="report-inspectors">
        <thead>
          <tr>
            <th scope="col">{t("columns.inspector")}</th>
            <th scope="col">{t("columns.reviews")}</th>
            <th scope="col">{t("columns.perWeek")}</th>
            <th scope="col">{t("columns.averageScore")}</th>
            <th scope="col">{t("columns.gradingTime")}</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.map((row) => (
            <tr key={row.inspectorId}>
              <td>
                <Link to={row.link} className="font-medium text-brand-700 hover:underline">
                  {row.name}
                </Link>
                <span className="ml-1 font-mono text-xs text-slate-500">{row.externalId}</span>
              </td>
              <td className="tabular-nums">{row.reviews}</td>
              <td className="tabular-nums">{format.number(round(row.perWeek, 1))}</td>
              <td className="tabular-nums">
                <Score value={row.averageScore} />
              </td>
              <td className="tabular-nums">
                {row.averageGradingSeconds === null
                  ? "—"
                  : t("minutes", { value: format.number(round(row.averageGradingSeconds / 60, 1)) })}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function RedLineList({ rows, moreLink }: { rows: RedLineRow[]; moreLink: string }) {
  const { t } = useTranslation(["qa-reports", "common"]);
  const format = useFormat();
  if (rows.length === 0) return <EmptyState icon="shield" title={t("redLines.none")} />;
  return (
    <>
      <ul className="divide-y divide-slate-100" data-testid="report-red-lines">
        {rows.map((row) => (
          <li key={row.reviewId} className="flex flex-wrap items-center justify-between gap-2 px-4 py-3 text-sm">
            <div>
              <Link to={`/qa/reviews/${row.reviewId}`} className="font-medium text-brand-700 hover:underline">
                {row.agentName}
              </Link>
              <span className="ml-1 font-mono text-xs text-slate-500">{row.agentExternalId}</span>
              <span className="ml-2 text-slate-500">{row.teamName ?? ""}</span>
              <p className="mt-0.5 text-rose-700">{row.criteria.join("、") || t("redLine")}</p>
            </div>
            <div className="text-right text-xs text-slate-500">
              <p>{format.dateTime(row.submittedAt)}</p>
              <p>{t("redLines.inspector", { name: row.inspectorName })}</p>
            </div>
          </li>
        ))}
      </ul>
      <div className="border-t border-slate-200 px-4 py-3 text-right text-sm">
        <Link to={moreLink} className="text-brand-700 hover:underline">
          {t("redLines.viewAll")}
        </Link>
      </div>
    </>
  );
}
