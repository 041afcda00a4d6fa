/**
 * The board pages: which months have boards, the boards a viewer may open, "my rank" (company and team position,
 * the allowed board, the explanation), and the leaderboard settings (programme, top N, full board for agents).
 * Visibility is decided in leaderboard.server.ts (loadBoard); this module only composes what it returns.
 */
import { recordAudit } from "~/modules/audit/audit.server";
import { accessLevel } from "~/modules/identity/permissions";
import { enqueueByName } from "~/modules/jobs/queue.server";
import { periodContaining, type KpiPeriod } from "~/modules/kpi/periods";
import { db } from "~/utils/db.server";
import {
  COMPANY_SCOPE,
  leaderboardProgram,
  loadBoard,
  loadRankExplanation,
  teamScope,
  type BoardViewer,
} from "./leaderboard.server";

export type Actor = { id: string; ipAddress?: string | null };

/** Months that have a company board, newest first. */
export async function boardMonths(limit = 24): Promise<string[]> {
  const rows = await db.leaderboardEntry.groupBy({
    by: ["periodStart"],
    where: { scope: COMPANY_SCOPE },
    orderBy: { periodStart: "desc" },
    take: limit,
  });
  return rows.map((row) => row.periodStart.toISOString().slice(0, 10));
}

/** The requested month when it has a board, otherwise the newest one. */
export function pickMonth(months: string[], requested: string | null): KpiPeriod | null {
  const start = requested && months.includes(`${requested}-01`) ? `${requested}-01` : months[0];
  return start ? periodContaining("month", start) : null;
}

/** The programme whose composite ranks the boards: its KPI keys in order, for the column headers. */
export async function boardColumns() {
  const program = await leaderboardProgram();
  if (!program) return { program: null, kpiKeys: [] as string[] };
  const metrics = [...program.metrics].sort((a, b) => a.position - b.position);
  return { program: { key: program.key, name: program.name }, kpiKeys: metrics.map((metric) => metric.kpiKey) };
}

/** Scopes a lead or manager may pick on /leaderboard: the company and their teams (every team for managers). */
export async function boardScopes(viewer: BoardViewer) {
  const level = accessLevel(viewer.permissions, "read", "leaderboard");
  const teams = await db.team.findMany({
    where: level === "any" ? {} : { id: { in: viewer.ledTeamIds } },
    orderBy: { name: "asc" },
    select: { id: true, name: true },
  });
  return [
    { value: COMPANY_SCOPE, label: null as string | null },
    ...teams.map((team) => ({ value: teamScope(team.id), label: team.name })),
  ];
}

export async function loadMyRank(viewer: BoardViewer, month: KpiPeriod, paging: { page: number; pageSize: number }) {
  const teamBoardScope = viewer.teamId ? teamScope(viewer.teamId) : null;
  const [company, team, explanation, teamExplanation] = await Promise.all([
    loadBoard(month, COMPANY_SCOPE, viewer, paging),
    teamBoardScope ? loadBoard(month, teamBoardScope, viewer, { page: 1, pageSize: 50 }) : null,
    loadRankExplanation(month, COMPANY_SCOPE, viewer.id),
    teamBoardScope ? loadRankExplanation(month, teamBoardScope, viewer.id) : null,
  ]);
  return { company, team, explanation, teamExplanation };
}

export async function readBoardSettings() {
  const [settings, programs] = await Promise.all([
    db.incentiveSettings.findUnique({
      where: { id: 1 },
      select: { leaderboardProgramKey: true, agentTopN: true, fullBoardVisible: true, updatedAt: true },
    }),
    db.awardProgram.findMany({
      where: { active: true, subjectKind: "individual", kind: "composite", cadence: "month" },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      select: { key: true, name: true },
    }),
  ]);
  return {
    settings: {
      leaderboardProgramKey: settings?.leaderboardProgramKey ?? null,
      agentTopN: settings?.agentTopN ?? 10,
      fullBoardVisible: settings?.fullBoardVisible ?? false,
      updatedAt: settings?.updatedAt.toISOString() ?? null,
    },
    programs,
  };
}

export type BoardSettingsInput = { leaderboardProgramKey: string; agentTopN: number; fullBoardVisible: boolean };

/**
 * Saves the board settings (audited). A different programme changes every board's ranking, so the boards of the
 * current and previous month are recomputed by the board job.
 */
export async function saveBoardSettings(
  input: BoardSettingsInput,
  actor: Actor,
): Promise<{ ok: true; changed: boolean } | { ok: false; fieldErrors: Record<string, string[]> }> {
  const program = await db.awardProgram.findFirst({
    where: { key: input.leaderboardProgramKey, active: true, subjectKind: "individual", cadence: "month" },
    select: { key: true },
  });
  if (!program) return { ok: false, fieldErrors: { leaderboardProgramKey: ["validation:invalidChoice"] } };
  const before = (await readBoardSettings()).settings;
  const changed =
    before.leaderboardProgramKey !== input.leaderboardProgramKey ||
    before.agentTopN !== input.agentTopN ||
    before.fullBoardVisible !== input.fullBoardVisible;
  if (!changed) return { ok: true, changed: false };
  await db.$transaction(async (tx) => {
    await tx.incentiveSettings.upsert({
      where: { id: 1 },
      create: { id: 1, ...input, updatedById: actor.id },
      update: { ...input, updatedById: actor.id },
    });
    await recordAudit(
      {
        actorId: actor.id,
        action: "award.leaderboard.settings",
        entityType: "IncentiveSettings",
        entityId: "1",
        before: {
          leaderboardProgramKey: before.leaderboardProgramKey,
          agentTopN: before.agentTopN,
          fullBoardVisible: before.fullBoardVisible,
        },
        after: input,
        ipAddress: actor.ipAddress,
      },
      tx,
    );
  });
  if (before.leaderboardProgramKey !== input.leaderboardProgramKey) await enqueueByName("awards.leaderboard", {});
  return { ok: true, changed: true };
}
