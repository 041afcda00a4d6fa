/**
 * Monthly leaderboards (排行榜): the company board and one board per team, ranked by the composite of the
 * programme named in IncentiveSettings (月度服务之星 by default) — the same pipeline as the award, so the board
 * and the award never disagree about who is better. Team boards reuse the company composite and rank within the
 * team. Boards apply the programme's volume rules (minimum conversations and QA reviews, so tiny samples are not
 * ranked) but not its award rules (red line, tenure, cooldown): a board is a picture of performance, not a prize.
 *
 * What a viewer gets is decided here, on the server (loadBoard): agents see the top N and their own row (the full
 * board only when a manager turns it on) and never another person's KPI values; leads see their teams' boards in
 * full; managers see everything.
 */
import type { SessionUser } from "~/modules/identity/session.server";
import { accessLevel } from "~/modules/identity/permissions";
import { periodStartDate, type KpiPeriod } from "~/modules/kpi/periods";
import { db, type Prisma } from "~/utils/db.server";
import { env } from "~/utils/env.server";
import { pageCount } from "~/utils/pagination";
import { insertBoardRows, type BoardRowInsert } from "./bulk-insert.server";
import { programRulesSelect } from "./compute.server";
import type { IneligibleReason } from "./eligibility";
import { explainRank, type BoardEntryForExplain, type RankExplanation } from "./explain";
import { loadSubjects, MissingKpiError, pipelineRules } from "./inputs.server";
import { computeCandidates, type CandidateInputs, type CandidateResult } from "./pipeline";

export const COMPANY_SCOPE = "company";
export const teamScope = (teamId: string) => `team:${teamId}`;

export type BoardEntryInputs = CandidateInputs & { reasons: IneligibleReason[] };

export type ComputeBoardsResult =
  { ok: true; rows: number; scopes: number; durationMs: number } | { ok: false; reason: string };

/** Share of the ranked board at or below a rank, 0–100: rank 1 of 10 → 100, rank 10 of 10 → 10. */
export function percentileOfRank(rank: number, ranked: number): number {
  return ranked > 0 ? Math.round(((ranked - rank + 1) / ranked) * 1e4) / 100 : 0;
}

/** Ranks within each team, in company order (the company ranking already applied every tie-breaker). */
export function teamBoards(
  company: readonly CandidateResult[],
): Map<string, { result: CandidateResult; rank: number | null }[]> {
  const boards = new Map<string, { result: CandidateResult; rank: number | null }[]>();
  for (const result of company) {
    if (!result.teamId) continue;
    const board = boards.get(result.teamId) ?? [];
    board.push({ result, rank: null });
    boards.set(result.teamId, board);
  }
  for (const board of boards.values()) {
    let next = 1;
    for (const entry of board) if (entry.result.rank !== null) entry.rank = next++;
  }
  return boards;
}

export async function leaderboardProgram() {
  const settings = await db.incentiveSettings.findUnique({ where: { id: 1 }, select: { leaderboardProgramKey: true } });
  if (!settings?.leaderboardProgramKey) return null;
  return db.awardProgram.findUnique({ where: { key: settings.leaderboardProgramKey }, select: programRulesSelect });
}

/** Recomputes every board of a month from its KPI snapshots, replacing the month's rows in one transaction. */
export async function computeLeaderboards(
  month: KpiPeriod,
  options: { timeZone?: string } = {},
): Promise<ComputeBoardsResult> {
  const started = performance.now();
  if (month.kind !== "month") return { ok: false, reason: "boards are monthly" };
  const program = await leaderboardProgram();
  if (!program) return { ok: false, reason: "no leaderboard programme is set" };
  const computed = await db.kpiComputation.findFirst({
    where: { periodKind: "month", periodStart: periodStartDate(month), finishedAt: { not: null } },
    select: { id: true },
  });
  if (!computed) return { ok: false, reason: "the month's KPI snapshots are not computed" };
  let rules;
  try {
    rules = await pipelineRules({ ...program, subjectKind: "individual", kind: "composite" });
  } catch (error) {
    if (error instanceof MissingKpiError) return { ok: false, reason: error.message };
    throw error;
  }
  const boardRules = { ...rules, excludeRedLine: false, minTenureMonths: 0, cooldownPeriods: null };
  const subjects = await loadSubjects(month, boardRules, {
    programId: null,
    timeZone: options.timeZone ?? env().APP_TIME_ZONE,
  });
  const company = computeCandidates(subjects, boardRules);
  const periodStart = periodStartDate(month);
  const now = new Date();
  const row = (scope: string, result: CandidateResult, rank: number | null, ranked: number): BoardRowInsert => ({
    scope,
    userId: result.userId!,
    teamId: result.teamId,
    eligible: result.eligible,
    rank,
    percentile: rank === null ? null : percentileOfRank(rank, ranked),
    composite: result.composite,
    inputs: { ...result.inputs, reasons: result.ineligibleReasons } satisfies BoardEntryInputs,
  });
  const companyRanked = company.filter((result) => result.rank !== null).length;
  const rows = company.map((result) => row(COMPANY_SCOPE, result, result.rank, companyRanked));
  const boards = teamBoards(company);
  for (const [teamId, board] of [...boards.entries()].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const ranked = board.filter((entry) => entry.rank !== null).length;
    for (const entry of board) rows.push(row(teamScope(teamId), entry.result, entry.rank, ranked));
  }
  await db.$transaction(
    async (tx) => {
      await tx.leaderboardEntry.deleteMany({ where: { periodStart } });
      await insertBoardRows(tx, month.start, now, rows);
    },
    { timeout: 120_000, maxWait: 20_000 },
  );
  return { ok: true, rows: rows.length, scopes: boards.size + 1, durationMs: Math.round(performance.now() - started) };
}

// ───────────────────────────── reading boards ─────────────────────────────

export type BoardViewer = Pick<SessionUser, "id" | "permissions" | "ledTeamIds" | "teamId">;

export type BoardMetric = {
  kpiKey: string;
  raw: number | null;
  normalised: number | null;
  contribution: number | null;
};

export type BoardRow = {
  userId: string;
  name: string;
  teamId: string | null;
  teamName: string | null;
  rank: number | null;
  percentile: number | null;
  composite: number | null;
  eligible: boolean;
  /** Per-KPI values: only on boards the viewer may read in full, and on the viewer's own row. */
  metrics: BoardMetric[] | null;
  reasons: IneligibleReason[] | null;
};

export type BoardView =
  | {
      ok: true;
      periodStart: string;
      scope: string;
      /** "full": every row, paginated; "top": the top N and the viewer's own row. */
      visibility: "full" | "top";
      topN: number;
      ranked: number;
      total: number;
      page: number;
      pageCount: number;
      rows: BoardRow[];
      me: BoardRow | null;
    }
  | { ok: false; status: 403 | 404; reason: string };

/** Whether the viewer reads this scope in full, as an agent (top N + self), or not at all. */
export function boardAccess(viewer: BoardViewer, scope: string, fullBoardVisible: boolean): "full" | "top" | null {
  const level = accessLevel(viewer.permissions, "read", "leaderboard");
  if (level === "any") return "full";
  const teamId = scope.startsWith("team:") ? scope.slice(5) : null;
  if (scope !== COMPANY_SCOPE && !teamId) return null;
  if (level === "team" && teamId && viewer.ledTeamIds.includes(teamId)) return "full";
  const ownScope = scope === COMPANY_SCOPE || (teamId !== null && teamId === viewer.teamId);
  if (level === null || !ownScope) {
    // A lead who is not an agent of the team still sees the company board the way agents do.
    if (level === "team" && scope === COMPANY_SCOPE) return fullBoardVisible ? "full" : "top";
    return null;
  }
  return fullBoardVisible ? "full" : "top";
}

const rowSelect = {
  userId: true,
  teamId: true,
  rank: true,
  percentile: true,
  composite: true,
  eligible: true,
  inputs: true,
  user: { select: { name: true, team: { select: { name: true } } } },
} as const;

type StoredRow = Prisma.LeaderboardEntryGetPayload<{ select: typeof rowSelect }>;

function toRow(stored: StoredRow, withDetail: boolean): BoardRow {
  const inputs = stored.inputs as unknown as BoardEntryInputs;
  return {
    userId: stored.userId,
    name: stored.user.name,
    teamId: stored.teamId,
    teamName: stored.user.team?.name ?? null,
    rank: stored.rank,
    percentile: stored.percentile,
    composite: stored.composite,
    eligible: stored.eligible,
    metrics: withDetail
      ? inputs.metrics
          .filter((metric) => metric.weight > 0)
          .map((metric) => ({
            kpiKey: metric.kpiKey,
            raw: metric.raw,
            normalised: metric.normalised,
            contribution: metric.contribution,
          }))
      : null,
    reasons: withDetail ? inputs.reasons : null,
  };
}

/** One board as the viewer may see it. Full boards are paginated in rank order (unranked people last). */
export async function loadBoard(
  month: KpiPeriod,
  scope: string,
  viewer: BoardViewer,
  paging: { page: number; pageSize: number } = { page: 1, pageSize: 50 },
): Promise<BoardView> {
  const settings = await db.incentiveSettings.findUnique({
    where: { id: 1 },
    select: { agentTopN: true, fullBoardVisible: true },
  });
  const topN = settings?.agentTopN ?? 10;
  const access = boardAccess(viewer, scope, settings?.fullBoardVisible ?? false);
  if (!access) return { ok: false, status: 403, reason: "you may not see this board" };
  const fullDetail =
    accessLevel(viewer.permissions, "read", "leaderboard") === "any" ||
    (access === "full" && scope !== COMPANY_SCOPE && viewer.ledTeamIds.includes(scope.slice(5)));
  const periodStart = periodStartDate(month);
  const where = { periodStart, scope };
  const [total, ranked, mine] = await Promise.all([
    db.leaderboardEntry.count({ where }),
    db.leaderboardEntry.count({ where: { ...where, rank: { not: null } } }),
    db.leaderboardEntry.findUnique({
      where: { periodStart_scope_userId: { periodStart, scope, userId: viewer.id } },
      select: rowSelect,
    }),
  ]);
  if (total === 0) return { ok: false, status: 404, reason: "no board for this month" };
  const orderBy = [{ rank: { sort: "asc" as const, nulls: "last" as const } }, { userId: "asc" as const }];
  const me = mine ? toRow(mine, true) : null;
  if (access === "top") {
    const top = await db.leaderboardEntry.findMany({
      where: { ...where, rank: { not: null, lte: topN } },
      orderBy,
      select: rowSelect,
    });
    return {
      ok: true,
      periodStart: month.start,
      scope,
      visibility: "top",
      topN,
      ranked,
      total,
      page: 1,
      pageCount: 1,
      rows: top.map((stored) => (stored.userId === viewer.id ? me! : toRow(stored, false))),
      me,
    };
  }
  const pages = pageCount(total, paging.pageSize);
  const page = Math.min(paging.page, pages);
  const rows = await db.leaderboardEntry.findMany({
    where,
    orderBy,
    skip: (page - 1) * paging.pageSize,
    take: paging.pageSize,
    select: rowSelect,
  });
  return {
    ok: true,
    periodStart: month.start,
    scope,
    visibility: "full",
    topN,
    ranked,
    total,
    page,
    pageCount: pages,
    rows: rows.map((stored) => (stored.userId === viewer.id ? me! : toRow(stored, fullDetail))),
    me,
  };
}

/**
 * "Why my rank" for one person on a board: computed on the server from every row of the board, returning only
 * aggregates (median, leader's value) and the person's own numbers — never another person's row.
 */
export async function loadRankExplanation(
  month: KpiPeriod,
  scope: string,
  userId: string,
): Promise<RankExplanation | null> {
  const entries = await db.leaderboardEntry.findMany({
    where: { periodStart: periodStartDate(month), scope },
    select: { userId: true, rank: true, composite: true, eligible: true, inputs: true },
  });
  return explainRank(
    entries.map((entry) => ({ ...entry, inputs: entry.inputs as unknown as BoardEntryForExplain["inputs"] })),
    userId,
  );
}
