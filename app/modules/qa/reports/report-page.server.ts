/** Everything the report page shows, computed for one filter and scope, with drill-down links attached. */
import { dayIn } from "~/utils/calendar";
import { AGENT_SORTS, bucketRange, filterParams, readReportFilter, reviewsLink, type AgentSort } from "./filters";
import {
  agentTable,
  criterionTable,
  inspectorTable,
  mostFailed,
  redLineIncidents,
  reportFilterOptions,
  reportSummary,
  scoreTrend,
  teamTable,
  type ReportScope,
} from "./reports.server";
import { env } from "~/utils/env.server";
import { readPagination } from "~/utils/pagination";

export function todayInAppZone(now = new Date()) {
  return dayIn(now, env().APP_TIME_ZONE);
}

export function readAgentSort(params: URLSearchParams): { sort: AgentSort; dir: "asc" | "desc" } {
  const sortParam = params.get("sort");
  const sort = (AGENT_SORTS as readonly string[]).includes(sortParam ?? "") ? (sortParam as AgentSort) : "score";
  const dir = params.get("dir") === "asc" ? "asc" : "desc";
  return { sort, dir };
}

export async function loadReportPage(url: URL, scope: ReportScope) {
  const { filter, problem } = readReportFilter(url.searchParams, todayInAppZone());
  const { sort, dir } = readAgentSort(url.searchParams);
  const { page, pageSize } = readPagination(url);
  const [summary, trend, agents, teams, criteria, redLines, inspectors, options] = await Promise.all([
    reportSummary(filter, scope),
    scoreTrend(filter, scope),
    agentTable(filter, scope, { sort, dir, page, pageSize }),
    teamTable(filter, scope),
    criterionTable(filter, scope),
    redLineIncidents(filter, scope, 20),
    inspectorTable(filter, scope),
    reportFilterOptions(scope),
  ]);
  const trendTeams = teams
    .filter((team) => team.teamId !== null)
    .map((team) => ({
      id: team.teamId!,
      name: team.teamName ?? "",
    }));
  const trendData = trend.map((point) => {
    const range = bucketRange(point.bucket, filter.granularity, filter);
    const datum: Record<string, string | number | null> = {
      label: point.label,
      overall: point.overall,
      redLines: point.redLines,
      reviews: point.reviews,
    };
    for (const team of trendTeams) datum[`team_${team.id}`] = point.teams[team.id] ?? null;
    return {
      ...datum,
      label: point.label,
      overall: point.overall,
      redLines: point.redLines,
      link: reviewsLink(filter, range),
      redLineLink: reviewsLink(filter, { ...range, critical: true }),
    };
  });
  const criteriaRows = criteria.map((row) => ({
    ...row,
    link: reviewsLink(filter, { criterion: row.key, failed: true }),
  }));
  return {
    filter,
    problem,
    query: filterParams(filter).toString(),
    sort,
    dir,
    page,
    pageSize,
    summary,
    allReviewsLink: reviewsLink(filter),
    trendTeams,
    trendData,
    redLineTrend: trendData.map((point) => ({ ...point, link: point.redLineLink })),
    agents: {
      total: agents.total,
      rows: agents.rows.map((row) => ({ ...row, link: reviewsLink(filter, { agent: row.agentId }) })),
    },
    teams: teams.map((row) => ({ ...row, link: reviewsLink(filter, row.teamId ? { team: row.teamId } : {}) })),
    criteria: criteriaRows,
    mostFailed: mostFailed(criteria).map((row) => ({
      name: row.name,
      failed: row.failed,
      link: reviewsLink(filter, { criterion: row.key, failed: true }),
    })),
    redLines,
    redLinesLink: reviewsLink(filter, { critical: true }),
    inspectors: inspectors.map((row) => ({ ...row, link: reviewsLink(filter, { inspector: row.inspectorId }) })),
    options,
  };
}
