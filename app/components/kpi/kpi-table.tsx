import { Link, useLocation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { formatKpiValue } from "~/modules/kpi/format";
import { useFormat } from "~/utils/use-format";

type Definition = { key: string; metric: string; nameZh: string; nameEn: string; unit: string };
type Cell = { value: number | null; target: number | null; below: boolean };
type Row = { id: string; name: string; externalId: string | null; cells: Record<string, Cell> };

/** A sortable header link: the sort lives in the query string and the server orders the rows. */
function SortHeader({ sortKey, label, numeric }: { sortKey: string; label: string; numeric?: boolean }) {
  const location = useLocation();
  const params = new URLSearchParams(location.search);
  const active = (params.get("sort") ?? "name") === sortKey;
  const dir = params.get("dir") === "desc" ? "desc" : "asc";
  const next = new URLSearchParams(params);
  next.set("sort", sortKey);
  next.set("dir", active && dir === "asc" ? "desc" : "asc");
  next.delete("page");
  return (
    <th
      className={numeric ? "text-right" : undefined}
      aria-sort={active ? (dir === "asc" ? "ascending" : "descending") : "none"}
    >
      <Link
        to={`${location.pathname}?${next.toString()}`}
        className="inline-flex items-center gap-1 hover:text-brand-700"
      >
        {label}
        <span aria-hidden className="text-xs text-slate-400">
          {active ? (dir === "asc" ? "▲" : "▼") : "↕"}
        </span>
      </Link>
    </th>
  );
}

export function KpiTable({
  definitions,
  rows,
  teamRow,
  subjectKind,
  teamId,
  period,
}: {
  definitions: Definition[];
  rows: Row[];
  teamRow: Record<string, Cell> | null;
  subjectKind: "agent" | "team";
  teamId: string | null;
  period: string;
}) {
  const { t, i18n } = useTranslation("kpi");
  const format = useFormat();
  const zh = i18n.language.startsWith("zh");
  const locale = format.context.locale;
  const drill = (definition: Definition, subject: string) =>
    `/kpi/drill?${new URLSearchParams({ metric: definition.metric, subject, period }).toString()}`;
  const renderCell = (definition: Definition, value: Cell | undefined, subject: string) => {
    if (!value || value.value === null) return <span className="text-slate-300">—</span>;
    return (
      <Link
        to={drill(definition, subject)}
        className={`tabular-nums hover:underline ${value.below ? "font-semibold text-rose-700" : "text-slate-900"}`}
        title={
          value.target !== null
            ? t("team.target", { value: formatKpiValue(value.target, definition.unit, locale) })
            : undefined
        }
      >
        {formatKpiValue(value.value, definition.unit, locale)}
        {value.below ? <span className="sr-only">（{t("team.below")}）</span> : null}
      </Link>
    );
  };
  return (
    <div className="overflow-x-auto">
      <table className="table-base" data-testid="kpi-table">
        <thead>
          <tr>
            <SortHeader sortKey="name" label={subjectKind === "agent" ? t("team.agent") : t("team.team")} />
            {definitions.map((definition) => (
              <SortHeader
                key={definition.key}
                sortKey={definition.key}
                label={zh ? definition.nameZh : definition.nameEn}
                numeric
              />
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.map((row) => (
            <tr key={row.id}>
              <td className="whitespace-nowrap">
                {subjectKind === "team" ? (
                  <Link
                    to={`/kpi?${new URLSearchParams({ team: row.id, period }).toString()}`}
                    className="font-medium text-brand-700 hover:underline"
                  >
                    {row.name}
                  </Link>
                ) : (
                  <span className="font-medium text-slate-900">{row.name}</span>
                )}
                {row.externalId ? (
                  <span className="ml-2 font-mono text-xs text-slate-400">{row.externalId}</span>
                ) : null}
              </td>
              {definitions.map((definition) => {
                const value = row.cells[definition.key];
                return (
                  <td key={definition.key} className={`text-right ${value?.below ? "bg-rose-50" : ""}`}>
                    {renderCell(definition, value, `${subjectKind}:${row.id}`)}
                    {value?.target !== null && value?.target !== undefined ? (
                      <span className="block text-xs text-slate-400">
                        ({formatKpiValue(value.target, definition.unit, locale)})
                      </span>
                    ) : null}
                  </td>
                );
              })}
            </tr>
          ))}
          {teamRow && teamId ? (
            <tr className="bg-slate-50 font-medium">
              <td>{t("team.teamRow")}</td>
              {definitions.map((definition) => {
                const value = teamRow[definition.key];
                return (
                  <td key={definition.key} className={`text-right ${value?.below ? "bg-rose-50" : ""}`}>
                    {renderCell(definition, value, `team:${teamId}`)}
                  </td>
                );
              })}
            </tr>
          ) : null}
        </tbody>
      </table>
    </div>
  );
}
