/**
 * Report filters read from the URL, and the drill-down links to the review list. Pure: "today" and the
 * time zone are passed in so the periods can be unit-tested.
 */
import { addDays, daysBetween, GRANULARITIES, isIsoDate, type Granularity } from "./dates";

export const PERIODS = ["month", "30d", "90d", "custom"] as const;
export type Period = (typeof PERIODS)[number];
export const CHANNELS = ["chat", "phone", "email", "social"] as const;
export type ChannelName = (typeof CHANNELS)[number];
export const AGENT_SORTS = ["name", "reviews", "score", "passRate", "redLines"] as const;
export type AgentSort = (typeof AGENT_SORTS)[number];
export const EXPORT_TYPES = ["agents", "teams", "criteria", "inspectors", "red-lines"] as const;
export type ExportType = (typeof EXPORT_TYPES)[number];

/** Longest custom range: a year (plus a day so a full leap year fits). */
export const MAX_RANGE_DAYS = 366;

export type ReportFilter = {
  period: Period;
  from: string;
  to: string;
  teamId: string | null;
  rubricId: string | null;
  channel: ChannelName | null;
  granularity: Granularity;
};

export type FilterProblem = "invalidRange" | "rangeTooLong" | null;

function pick<T extends string>(value: string | null, allowed: readonly T[]): T | null {
  return value !== null && (allowed as readonly string[]).includes(value) ? (value as T) : null;
}

function id(value: string | null): string | null {
  const trimmed = value?.trim() ?? "";
  return trimmed && trimmed.length <= 64 ? trimmed : null;
}

/** The inclusive date range of a preset period ending today. */
export function presetRange(period: Exclude<Period, "custom">, today: string): { from: string; to: string } {
  if (period === "month") return { from: `${today.slice(0, 7)}-01`, to: today };
  return { from: addDays(today, period === "30d" ? -29 : -89), to: today };
}

/**
 * Filters from the query string. A bad custom range falls back to the last 30 days and names the problem so
 * the page can say so instead of silently showing something else.
 */
export function readReportFilter(
  params: URLSearchParams,
  today: string,
): { filter: ReportFilter; problem: FilterProblem } {
  const period = pick(params.get("period"), PERIODS) ?? "30d";
  const granularity = pick(params.get("granularity"), GRANULARITIES) ?? (period === "90d" ? "month" : "week");
  const base = {
    teamId: id(params.get("team")),
    rubricId: id(params.get("rubric")),
    channel: pick(params.get("channel"), CHANNELS),
    granularity,
  };
  if (period !== "custom") return { filter: { ...base, period, ...presetRange(period, today) }, problem: null };
  const from = params.get("from");
  const to = params.get("to");
  let problem: FilterProblem = null;
  if (!isIsoDate(from) || !isIsoDate(to) || from > to) problem = "invalidRange";
  else if (daysBetween(from, to) + 1 > MAX_RANGE_DAYS) problem = "rangeTooLong";
  if (problem) return { filter: { ...base, period: "30d", ...presetRange("30d", today) }, problem };
  return { filter: { ...base, period, from: from!, to: to! }, problem: null };
}

/** The filter as query parameters (what the page and export links carry). */
export function filterParams(filter: ReportFilter): URLSearchParams {
  const params = new URLSearchParams({ period: filter.period });
  if (filter.period === "custom") {
    params.set("from", filter.from);
    params.set("to", filter.to);
  }
  if (filter.teamId) params.set("team", filter.teamId);
  if (filter.rubricId) params.set("rubric", filter.rubricId);
  if (filter.channel) params.set("channel", filter.channel);
  params.set("granularity", filter.granularity);
  return params;
}

export type DrillDown = {
  agent?: string;
  team?: string;
  inspector?: string;
  criterion?: string;
  failed?: boolean;
  critical?: boolean;
  from?: string;
  to?: string;
};

/**
 * Link to the review list behind a figure (the drill-down contract of /qa/reviews). The report's own team,
 * rubric and channel filters travel along; `extra` narrows to the row or point clicked.
 */
export function reviewsLink(filter: ReportFilter, extra: DrillDown = {}): string {
  const params = new URLSearchParams();
  if (extra.agent) params.set("agent", extra.agent);
  const team = extra.team ?? filter.teamId;
  if (team) params.set("team", team);
  if (extra.inspector) params.set("inspector", extra.inspector);
  if (filter.rubricId) params.set("rubric", filter.rubricId);
  if (filter.channel) params.set("channel", filter.channel);
  if (extra.criterion) params.set("criterion", extra.criterion);
  if (extra.failed) params.set("failed", "1");
  if (extra.critical) params.set("critical", "1");
  params.set("from", extra.from ?? filter.from);
  params.set("to", extra.to ?? filter.to);
  return `/qa/reviews?${params.toString()}`;
}

/** The last day of a bucket, clipped to the report range (drill-down from a point on a time chart). */
export function bucketRange(
  start: string,
  granularity: Granularity,
  filter: Pick<ReportFilter, "from" | "to">,
): { from: string; to: string } {
  let end: string;
  if (granularity === "week") end = addDays(start, 6);
  else {
    const [year, month] = start.split("-").map(Number) as [number, number];
    const next = month === 12 ? `${year + 1}-01-01` : `${year}-${String(month + 1).padStart(2, "0")}-01`;
    end = addDays(next, -1);
  }
  return { from: start < filter.from ? filter.from : start, to: end > filter.to ? filter.to : end };
}
