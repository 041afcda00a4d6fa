/**
 * Level decisions: who may see and decide proposals, approving (the person's level changes, history, audit and a
 * notification in one transaction), rejecting with a reason, and a manager's manual change. "Team" scope = people
 * in the teams the user leads; nobody decides their own proposal.
 */
import { recordAudit } from "~/modules/audit/audit.server";
import { accessLevel, type Permission } from "~/modules/identity/permissions";
import { notify } from "~/modules/notifications/notifications.server";
import { db, type Prisma } from "~/utils/db.server";
import type { ProposalEvidence } from "./evaluate.server";
import type { ProposalStatus } from "./level-form";

export type Actor = { id: string; ipAddress?: string | null };
export type ScopeUser = { id: string; permissions: ReadonlySet<Permission>; ledTeamIds: string[] };
/** null teamIds = everyone. */
export type LevelScope = { teamIds: string[] | null; selfId: string };

export function levelScope(user: ScopeUser, action: "read" | "decide"): LevelScope | null {
  const level = accessLevel(user.permissions, action, "level");
  if (level === "any") return { teamIds: null, selfId: user.id };
  if (level === "team") return { teamIds: user.ledTeamIds, selfId: user.id };
  return null;
}

export function personInScope(scope: LevelScope | null, person: { id: string; teamId: string | null }): boolean {
  if (!scope) return false;
  if (scope.teamIds === null) return true;
  return person.teamId !== null && scope.teamIds.includes(person.teamId);
}

function userWhere(scope: LevelScope): Prisma.UserWhereInput {
  return scope.teamIds === null ? {} : { teamId: { in: scope.teamIds } };
}

const levelSelect = { id: true, code: true, name: true, nameEn: true, track: true, rank: true } as const;

export async function listProposals(
  scope: LevelScope,
  filter: { status: ProposalStatus | "all" },
  page: number,
  pageSize: number,
) {
  const where: Prisma.LevelProposalWhereInput = {
    ...(filter.status === "all" ? {} : { status: filter.status }),
    user: userWhere(scope),
  };
  const [rows, total, pending] = await Promise.all([
    db.levelProposal.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "asc" }],
      skip: (page - 1) * pageSize,
      take: pageSize,
      select: {
        id: true,
        kind: true,
        status: true,
        period: true,
        evidence: true,
        createdAt: true,
        decidedAt: true,
        fromLevelId: true,
        toLevelId: true,
        user: { select: { id: true, name: true, externalId: true, team: { select: { name: true } } } },
      },
    }),
    db.levelProposal.count({ where }),
    db.levelProposal.count({ where: { status: "pending", user: userWhere(scope) } }),
  ]);
  const levels = await levelsById([
    ...new Set(rows.flatMap((row) => [row.toLevelId, ...(row.fromLevelId ? [row.fromLevelId] : [])])),
  ]);
  return {
    total,
    pending,
    rows: rows.map((row) => {
      const evidence = row.evidence as unknown as ProposalEvidence;
      return {
        id: row.id,
        kind: row.kind,
        status: row.status,
        period: row.period.toISOString().slice(0, 10),
        createdAt: row.createdAt.toISOString(),
        decidedAt: row.decidedAt?.toISOString() ?? null,
        user: row.user,
        evidence,
        fromLevel: row.fromLevelId ? (levels[row.fromLevelId] ?? null) : null,
        toLevel: levels[row.toLevelId] ?? null,
      };
    }),
  };
}

async function levelsById(ids?: string[]) {
  const levels = await db.skillLevel.findMany({ where: ids ? { id: { in: ids } } : {}, select: levelSelect });
  return Object.fromEntries(levels.map((level) => [level.id, level]));
}

export async function getProposal(id: string) {
  const proposal = await db.levelProposal.findUnique({
    where: { id },
    select: {
      id: true,
      kind: true,
      status: true,
      period: true,
      evidence: true,
      reason: true,
      createdAt: true,
      decidedAt: true,
      fromLevelId: true,
      toLevelId: true,
      decidedBy: { select: { name: true } },
      user: {
        select: {
          id: true,
          name: true,
          externalId: true,
          teamId: true,
          levelId: true,
          hireDate: true,
          team: { select: { name: true } },
        },
      },
    },
  });
  if (!proposal) return null;
  const levels = await levelsById([proposal.toLevelId, ...(proposal.fromLevelId ? [proposal.fromLevelId] : [])]);
  return {
    ...proposal,
    period: proposal.period.toISOString().slice(0, 10),
    createdAt: proposal.createdAt.toISOString(),
    decidedAt: proposal.decidedAt?.toISOString() ?? null,
    evidence: proposal.evidence as unknown as ProposalEvidence,
    fromLevel: proposal.fromLevelId ? (levels[proposal.fromLevelId] ?? null) : null,
    toLevel: levels[proposal.toLevelId] ?? null,
  };
}

export type DecisionResult =
  | { ok: true }
  | { ok: false; status: 403 | 404 | 409; reason: string }
  | { ok: false; status: 400; fieldErrors: Record<string, string[]> };

export async function decideProposal(
  id: string,
  scope: LevelScope,
  actor: Actor,
  decision: { approve: boolean; reason?: string | null },
  now = new Date(),
): Promise<DecisionResult> {
  const proposal = await db.levelProposal.findUnique({
    where: { id },
    select: {
      id: true,
      kind: true,
      status: true,
      userId: true,
      fromLevelId: true,
      toLevelId: true,
      user: { select: { id: true, teamId: true, levelId: true } },
    },
  });
  const reason = decision.reason?.trim() || null;
  if (!decision.approve && !reason)
    return { ok: false, status: 400, fieldErrors: { reason: ["levels:errors.reasonRequired"] } };
  if (!proposal) return { ok: false, status: 404, reason: "proposal not found" };
  if (!personInScope(scope, proposal.user))
    return { ok: false, status: 403, reason: "the person is not in your teams" };
  if (proposal.userId === scope.selfId) return { ok: false, status: 403, reason: "nobody decides their own proposal" };
  if (proposal.status !== "pending") return { ok: false, status: 409, reason: `the proposal is ${proposal.status}` };
  if (proposal.user.levelId !== proposal.fromLevelId) {
    return { ok: false, status: 409, reason: "the person's level has changed since the evaluation" };
  }
  return db.$transaction(async (tx) => {
    const claimed = await tx.levelProposal.updateMany({
      where: { id, status: "pending" },
      data: { status: decision.approve ? "approved" : "rejected", decidedById: actor.id, decidedAt: now, reason },
    });
    if (claimed.count === 0)
      return { ok: false as const, status: 409 as const, reason: "the proposal was decided meanwhile" };
    const toLevel = await tx.skillLevel.findUniqueOrThrow({ where: { id: proposal.toLevelId }, select: levelSelect });
    if (decision.approve) {
      await tx.user.update({ where: { id: proposal.userId }, data: { levelId: proposal.toLevelId } });
      await tx.levelHistory.create({
        data: {
          userId: proposal.userId,
          fromLevelId: proposal.fromLevelId,
          toLevelId: proposal.toLevelId,
          proposalId: proposal.id,
          changedById: actor.id,
          changedAt: now,
        },
      });
      await tx.levelProposal.updateMany({
        where: { userId: proposal.userId, status: "pending", id: { not: proposal.id } },
        data: { status: "superseded" },
      });
    }
    await recordAudit(
      {
        actorId: actor.id,
        action: decision.approve ? "level.proposal.approve" : "level.proposal.reject",
        entityType: "LevelProposal",
        entityId: proposal.id,
        before: { status: "pending", levelId: proposal.fromLevelId },
        after: {
          status: decision.approve ? "approved" : "rejected",
          userId: proposal.userId,
          kind: proposal.kind,
          toLevel: toLevel.code,
          reason,
        },
        ipAddress: actor.ipAddress,
      },
      tx,
    );
    if (decision.approve || proposal.kind === "promotion") {
      await notify(
        {
          userId: proposal.userId,
          kind: decision.approve ? `levels-${proposal.kind}-approved` : "levels-promotion-rejected",
          params: { code: toLevel.code, name: toLevel.name, ...(reason ? { reason } : {}) },
          link: "/performance/level",
        },
        tx,
      );
    }
    return { ok: true as const };
  });
}

/** A manager sets a level by hand (any track, any rank), with a reason; pending proposals lapse. */
export async function changeLevelManually(
  userId: string,
  toLevelId: string,
  reason: string,
  actor: Actor,
  now = new Date(),
): Promise<DecisionResult> {
  const [person, toLevel] = await Promise.all([
    db.user.findUnique({ where: { id: userId }, select: { id: true, levelId: true } }),
    db.skillLevel.findUnique({ where: { id: toLevelId }, select: levelSelect }),
  ]);
  if (!person) return { ok: false, status: 404, reason: "person not found" };
  if (!toLevel) return { ok: false, status: 400, fieldErrors: { levelId: ["levels:errors.level"] } };
  if (person.levelId === toLevelId)
    return { ok: false, status: 400, fieldErrors: { levelId: ["levels:errors.sameLevel"] } };
  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: userId }, data: { levelId: toLevelId } });
    await tx.levelHistory.create({
      data: { userId, fromLevelId: person.levelId, toLevelId, changedById: actor.id, reason, changedAt: now },
    });
    await tx.levelProposal.updateMany({ where: { userId, status: "pending" }, data: { status: "superseded" } });
    await recordAudit(
      {
        actorId: actor.id,
        action: "level.change",
        entityType: "User",
        entityId: userId,
        before: { levelId: person.levelId },
        after: { levelId: toLevelId, level: toLevel.code, reason },
        ipAddress: actor.ipAddress,
      },
      tx,
    );
    await notify(
      {
        userId,
        kind: "levels-level-changed",
        params: { code: toLevel.code, name: toLevel.name, reason },
        link: "/performance/level",
      },
      tx,
    );
  });
  return { ok: true };
}

/** Level history of one person, newest first, with level codes and who changed it. */
export async function levelHistory(userId: string) {
  const rows = await db.levelHistory.findMany({
    where: { userId },
    orderBy: [{ changedAt: "desc" }, { id: "desc" }],
    take: 50,
  });
  const levelIds = [...new Set(rows.flatMap((row) => [row.toLevelId, ...(row.fromLevelId ? [row.fromLevelId] : [])]))];
  const changerIds = [...new Set(rows.flatMap((row) => (row.changedById ? [row.changedById] : [])))];
  const [levels, changers] = await Promise.all([
    levelsById(levelIds),
    db.user.findMany({ where: { id: { in: changerIds } }, select: { id: true, name: true } }),
  ]);
  const changerName = new Map(changers.map((changer) => [changer.id, changer.name]));
  return rows.map((row) => ({
    id: row.id,
    changedAt: row.changedAt.toISOString(),
    from: row.fromLevelId ? (levels[row.fromLevelId] ?? null) : null,
    to: levels[row.toLevelId] ?? null,
    reason: row.reason,
    viaProposal: row.proposalId !== null,
    changedBy: row.changedById ? (changerName.get(row.changedById) ?? null) : null,
  }));
}

/** People in scope with their level, for the level roster (search by name or 工号, filter by level or "none"). */
export async function listPeople(
  scope: LevelScope,
  filter: { q: string; level: string },
  page: number,
  pageSize: number,
) {
  const where: Prisma.UserWhereInput = {
    status: "active",
    roles: { some: { role: { in: ["agent", "team_lead", "manager"] } } },
    ...userWhere(scope),
    ...(filter.level === "none" ? { levelId: null } : filter.level ? { levelId: filter.level } : {}),
    ...(filter.q
      ? {
          OR: [
            { name: { contains: filter.q, mode: "insensitive" } },
            { externalId: { contains: filter.q, mode: "insensitive" } },
          ],
        }
      : {}),
  };
  const [rows, total] = await Promise.all([
    db.user.findMany({
      where,
      orderBy: [{ externalId: "asc" }],
      skip: (page - 1) * pageSize,
      take: pageSize,
      select: {
        id: true,
        name: true,
        externalId: true,
        hireDate: true,
        team: { select: { name: true } },
        level: { select: { code: true, name: true } },
      },
    }),
    db.user.count({ where }),
  ]);
  return { total, rows: rows.map((row) => ({ ...row, hireDate: row.hireDate?.toISOString().slice(0, 10) ?? null })) };
}
