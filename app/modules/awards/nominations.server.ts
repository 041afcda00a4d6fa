/**
 * Nominations: who a viewer may nominate (managers anyone, leads the people — or, for team awards, the teams — they
 * lead), the cycles open for nominations (under review) and the viewer's own nominations.
 */
import { accessLevel, type Permission } from "~/modules/identity/permissions";
import { db, type Prisma } from "~/utils/db.server";
import type { NominationScope } from "./cycles.server";

export function nominationScope(user: {
  permissions: ReadonlySet<Permission>;
  ledTeamIds: string[];
}): NominationScope | null {
  const level = accessLevel(user.permissions, "nominate", "award");
  if (level === "any") return { teamIds: null };
  if (level === "team") return { teamIds: user.ledTeamIds };
  return null;
}

/** A 工号 (individual awards) or team name (team awards) typed on the review page → the subject id. */
export async function subjectIdFromCode(cycleId: string, code: string): Promise<string | null> {
  const cycle = await db.awardCycle.findUnique({
    where: { id: cycleId },
    select: { program: { select: { subjectKind: true } } },
  });
  if (!cycle) return null;
  const text = code.trim();
  if (!text) return null;
  if (cycle.program.subjectKind === "team") {
    const team = await db.team.findFirst({ where: { OR: [{ id: text }, { name: text }] }, select: { id: true } });
    return team?.id ?? null;
  }
  const user = await db.user.findUnique({ where: { externalId: text }, select: { id: true } });
  return user?.id ?? null;
}

/** Cycles under review, for the nominations page. */
export async function cyclesOpenForNomination() {
  const cycles = await db.awardCycle.findMany({
    where: { status: "under_review" },
    orderBy: [{ periodStart: "desc" }, { id: "asc" }],
    take: 50,
    select: {
      id: true,
      periodKind: true,
      periodStart: true,
      program: { select: { name: true, subjectKind: true, description: true } },
    },
  });
  return cycles.map((cycle) => ({ ...cycle, periodStart: cycle.periodStart.toISOString().slice(0, 10) }));
}

/** People (and teams) the viewer may nominate. */
export async function nomineeChoices(scope: NominationScope) {
  const teamWhere: Prisma.TeamWhereInput = scope.teamIds === null ? {} : { id: { in: scope.teamIds } };
  const [people, teams] = await Promise.all([
    db.user.findMany({
      where: {
        status: "active",
        roles: { some: { role: "agent" } },
        ...(scope.teamIds === null ? { teamId: { not: null } } : { teamId: { in: scope.teamIds } }),
      },
      orderBy: [{ teamId: "asc" }, { externalId: "asc" }],
      take: 500,
      select: { id: true, name: true, externalId: true, team: { select: { name: true } } },
    }),
    db.team.findMany({ where: teamWhere, orderBy: { name: "asc" }, select: { id: true, name: true } }),
  ]);
  return { people, teams };
}

export async function myNominations(userId: string, page: number, pageSize: number) {
  const where: Prisma.AwardCandidateWhereInput = { nominatedById: userId };
  const [rows, total] = await Promise.all([
    db.awardCandidate.findMany({
      where,
      orderBy: [{ updatedAt: "desc" }, { id: "asc" }],
      skip: (page - 1) * pageSize,
      take: pageSize,
      select: {
        id: true,
        subjectKind: true,
        nominationReason: true,
        winner: true,
        excluded: true,
        rank: true,
        user: { select: { name: true, externalId: true } },
        team: { select: { name: true } },
        cycle: {
          select: { id: true, status: true, periodKind: true, periodStart: true, program: { select: { name: true } } },
        },
      },
    }),
    db.awardCandidate.count({ where }),
  ]);
  return {
    total,
    rows: rows.map((row) => ({
      ...row,
      cycle: { ...row.cycle, periodStart: row.cycle.periodStart.toISOString().slice(0, 10) },
    })),
  };
}
