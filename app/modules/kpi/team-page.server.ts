/** Input parsing and data for /kpi and /kpi/export (same scope, same rows). */
import { forbidden, type SessionUser } from "~/modules/identity/session.server";
import { env } from "~/utils/env.server";
import { MAX_PAGE_SIZE } from "~/utils/pagination";
import {
  currentMonth,
  parsePeriodKey,
  periodContaining,
  periodKey,
  previousPeriod,
  shiftPeriod,
  type KpiPeriod,
} from "./periods";
import {
  activeDefinitionsFor,
  computedPeriods,
  isComputed,
  kpiScope,
  latestComputedMonth,
  scopeAllowsTeam,
  teamsInScope,
  teamsOverview,
  teamTable,
  type TeamTableSort,
} from "./read.server";

export type PeriodOption = { key: string; kind: KpiPeriod["kind"]; computed: boolean };

/** The last 12 months, 4 quarters and 2 years, plus any older computed period, each marked computed or not. */
export async function periodOptions(now: Date): Promise<PeriodOption[]> {
  const month = currentMonth(now, env().APP_TIME_ZONE);
  const [months, quarters, years] = await Promise.all([
    computedPeriods("month"),
    computedPeriods("quarter"),
    computedPeriods("year"),
  ]);
  const done = new Set([...months, ...quarters, ...years].map(periodKey));
  const recent: KpiPeriod[] = [
    ...Array.from({ length: 12 }, (_, index) => shiftPeriod(month, -index)),
    ...Array.from({ length: 4 }, (_, index) => shiftPeriod(periodContaining("quarter", month.start), -index)),
    ...Array.from({ length: 2 }, (_, index) => shiftPeriod(periodContaining("year", month.start), -index)),
  ];
  const keys = new Set(recent.map(periodKey));
  const older = [...months, ...quarters, ...years].filter((period) => !keys.has(periodKey(period)));
  return [...recent, ...older].map((period) => ({
    key: periodKey(period),
    kind: period.kind,
    computed: done.has(periodKey(period)),
  }));
}

/** The period in the query string, else the newest computed month, else last month. */
export async function readPeriod(url: URL, now: Date): Promise<KpiPeriod> {
  const requested = parsePeriodKey(url.searchParams.get("period") ?? "");
  if (requested) return requested;
  return (await latestComputedMonth()) ?? previousPeriod(currentMonth(now, env().APP_TIME_ZONE));
}

export function readSort(url: URL): TeamTableSort {
  const key = (url.searchParams.get("sort") ?? "name").slice(0, 60);
  return { key, dir: url.searchParams.get("dir") === "desc" ? "desc" : "asc" };
}

/**
 * Who and what a request may see on /kpi: the team picked (a lead's own teams only; 403 for another team),
 * or the overview of every team for managers.
 */
export async function loadTeamKpis(
  user: SessionUser,
  url: URL,
  now: Date,
  page: { page: number; pageSize: number } = { page: 1, pageSize: MAX_PAGE_SIZE },
) {
  const scope = kpiScope(user);
  if (!scope) throw forbidden("read:kpi:team");
  const teams = await teamsInScope(scope);
  const requested = url.searchParams.get("team");
  const canOverview = scope.teamIds === null;
  let teamId: string | "all" | null;
  if (requested === "all") {
    if (!canOverview) throw forbidden("read:kpi:any");
    teamId = "all";
  } else if (requested) {
    if (!scopeAllowsTeam(scope, requested)) throw forbidden("read:kpi:team");
    if (!teams.some((team) => team.id === requested)) throw forbidden("read:kpi:team");
    teamId = requested;
  } else {
    teamId = canOverview ? "all" : (teams[0]?.id ?? null);
  }
  const period = await readPeriod(url, now);
  const sort = readSort(url);
  const computed = await isComputed(period);
  const base = { scope, teams, teamId, period, periodKey: periodKey(period), sort, computed, canOverview };
  if (teamId === null) return { ...base, definitions: [], rows: [], teamRow: null, total: 0 };
  const definitions = await activeDefinitionsFor(teamId === "all" ? "every" : teamId);
  if (!computed) return { ...base, definitions, rows: [], teamRow: null, total: 0 };
  if (teamId === "all") {
    const rows = await teamsOverview(teams, period, definitions);
    const sortKey = definitions.some((definition) => definition.key === sort.key) ? sort.key : null;
    const sorted = sortKey
      ? [...rows].sort((a, b) =>
          compareNullsLast(a.cells[sortKey]?.value ?? null, b.cells[sortKey]?.value ?? null, sort.dir),
        )
      : [...rows].sort((a, b) => a.name.localeCompare(b.name, "zh-CN") * (sort.dir === "desc" ? -1 : 1));
    return { ...base, definitions, rows: sorted, teamRow: null, total: rows.length };
  }
  const table = await teamTable(teamId, period, definitions, sort, page);
  return { ...base, definitions, rows: table.rows, teamRow: table.teamRow, total: table.total };
}

function compareNullsLast(a: number | null, b: number | null, dir: "asc" | "desc") {
  if (a === null && b === null) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return dir === "asc" ? a - b : b - a;
}
