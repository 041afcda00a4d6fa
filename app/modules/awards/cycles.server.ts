/**
 * The award cycle workflow: create, compute (a job), review (exclude / restore / nominate, always with a reason),
 * approve (winners chosen from the frozen ranking), publish (certificate serials, notifications, ledger bonuses,
 * story invitations) and close. Every transition claims the status with a conditional update, so two managers
 * clicking at once cannot both move it, and every step is audited against the cycle.
 */
import { recordAudit } from "~/modules/audit/audit.server";
import { enqueueByName } from "~/modules/jobs/queue.server";
import { parsePeriodKey, periodKey, periodStartDate, type KpiPeriod } from "~/modules/kpi/periods";
import { recordAwardBonus } from "~/modules/ledger/award-bonus.server";
import { currentPayrollMonth, monthStart } from "~/modules/ledger/entries.server";
import { notify, type NewNotification } from "~/modules/notifications/notifications.server";
import { db, type Prisma } from "~/utils/db.server";
import { certificateSerial, periodLabelZh, renderCitation, serialSequence } from "./certificate";
import { canTransition, candidateDecisionsOpen, statusAfter, statusesBefore, type CycleStatus } from "./cycle-state";
import type { CycleSettings } from "./compute.server";
import { selectWinners } from "./ranking";
import { splitTeamBonus } from "./team-bonus";

export type Actor = { id: string; ipAddress?: string | null };
/** Who may nominate: null teamIds = anyone (managers); otherwise people (or teams) of these teams. */
export type NominationScope = { teamIds: string[] | null };

export type WorkflowResult<T = object> =
  | ({ ok: true } & T)
  | { ok: false; status: 400; fieldErrors: Record<string, string[]> }
  | { ok: false; status: 403 | 404 | 409; reason: string };

const reasonRequired = {
  ok: false as const,
  status: 400 as const,
  fieldErrors: { reason: ["awards:cycles.errors.reason"] },
};

function cycleAudit(
  tx: Prisma.TransactionClient | typeof db,
  actor: Actor | null,
  cycleId: string,
  action: string,
  details: { before?: unknown; after?: unknown },
) {
  return recordAudit(
    {
      actorId: actor?.id ?? null,
      action,
      entityType: "AwardCycle",
      entityId: cycleId,
      before: details.before,
      after: details.after,
      ipAddress: actor?.ipAddress ?? null,
    },
    tx,
  );
}

export async function listCycles(filter: { programId?: string; status?: CycleStatus }, page: number, pageSize: number) {
  const where: Prisma.AwardCycleWhereInput = {
    ...(filter.programId ? { programId: filter.programId } : {}),
    ...(filter.status ? { status: filter.status } : {}),
  };
  const [rows, total] = await Promise.all([
    db.awardCycle.findMany({
      where,
      orderBy: [{ periodStart: "desc" }, { createdAt: "desc" }, { id: "asc" }],
      skip: (page - 1) * pageSize,
      take: pageSize,
      select: {
        id: true,
        periodKind: true,
        periodStart: true,
        status: true,
        computedAt: true,
        publishedAt: true,
        program: { select: { id: true, name: true, subjectKind: true } },
        _count: { select: { candidates: true } },
      },
    }),
    db.awardCycle.count({ where }),
  ]);
  const winners = await db.awardCandidate.groupBy({
    by: ["cycleId"],
    where: { cycleId: { in: rows.map((row) => row.id) }, winner: true },
    _count: { _all: true },
  });
  const winnersByCycle = new Map(winners.map((row) => [row.cycleId, row._count._all]));
  return {
    total,
    rows: rows.map(({ _count, periodStart, computedAt, publishedAt, ...row }) => ({
      ...row,
      periodStart: periodStart.toISOString().slice(0, 10),
      computedAt: computedAt?.toISOString() ?? null,
      publishedAt: publishedAt?.toISOString() ?? null,
      candidates: _count.candidates,
      winners: winnersByCycle.get(row.id) ?? 0,
    })),
  };
}

export async function createCycle(
  programId: string,
  periodKeyText: string,
  actor: Actor,
): Promise<WorkflowResult<{ id: string }>> {
  const program = await db.awardProgram.findUnique({
    where: { id: programId },
    select: { id: true, name: true, cadence: true, active: true },
  });
  if (!program || !program.active)
    return { ok: false, status: 400, fieldErrors: { programId: ["awards:cycles.errors.program"] } };
  const period = parsePeriodKey(periodKeyText);
  if (!period || period.kind !== program.cadence)
    return { ok: false, status: 400, fieldErrors: { period: [`awards:cycles.errors.period.${program.cadence}`] } };
  const periodStart = periodStartDate(period);
  const existing = await db.awardCycle.findUnique({
    where: { programId_periodKind_periodStart: { programId, periodKind: period.kind, periodStart } },
    select: { id: true },
  });
  if (existing) return { ok: false, status: 409, reason: "a cycle for this programme and period exists" };
  try {
    const id = await db.$transaction(async (tx) => {
      const cycle = await tx.awardCycle.create({
        data: { programId, periodKind: period.kind, periodStart, createdById: actor.id },
        select: { id: true },
      });
      await cycleAudit(tx, actor, cycle.id, "award.cycle.create", {
        after: { programId, program: program.name, period: periodKey(period) },
      });
      return cycle.id;
    });
    return { ok: true, id };
  } catch (error) {
    if ((error as { code?: string }).code === "P2002")
      return { ok: false, status: 409, reason: "a cycle for this programme and period exists" };
    throw error;
  }
}

export async function getCycle(id: string) {
  const cycle = await db.awardCycle.findUnique({
    where: { id },
    select: {
      id: true,
      periodKind: true,
      periodStart: true,
      status: true,
      inputsHash: true,
      computedAt: true,
      reviewStartedAt: true,
      approvedAt: true,
      publishedAt: true,
      closedAt: true,
      createdAt: true,
      program: {
        select: {
          id: true,
          name: true,
          subjectKind: true,
          kind: true,
          winnerCount: true,
          winnersPerTeam: true,
          bonusAmount: true,
        },
      },
    },
  });
  if (!cycle) return null;
  const [counts, winners] = await Promise.all([
    db.awardCandidate.groupBy({ by: ["eligible"], where: { cycleId: id }, _count: { _all: true } }),
    db.awardCandidate.count({ where: { cycleId: id, winner: true } }),
  ]);
  const iso = (value: Date | null) => value?.toISOString() ?? null;
  return {
    ...cycle,
    program: { ...cycle.program, bonusAmount: Number(cycle.program.bonusAmount) },
    periodStart: cycle.periodStart.toISOString().slice(0, 10),
    computedAt: iso(cycle.computedAt),
    reviewStartedAt: iso(cycle.reviewStartedAt),
    approvedAt: iso(cycle.approvedAt),
    publishedAt: iso(cycle.publishedAt),
    closedAt: iso(cycle.closedAt),
    createdAt: cycle.createdAt.toISOString(),
    counts: {
      eligible: counts.find((row) => row.eligible)?._count._all ?? 0,
      ineligible: counts.find((row) => !row.eligible)?._count._all ?? 0,
      winners,
    },
  };
}
export type CycleDetail = NonNullable<Awaited<ReturnType<typeof getCycle>>>;

export async function listCandidates(
  cycleId: string,
  filter: { eligibleOnly: boolean },
  page: number,
  pageSize: number,
) {
  const where: Prisma.AwardCandidateWhereInput = { cycleId, ...(filter.eligibleOnly ? { eligible: true } : {}) };
  const [rows, total] = await Promise.all([
    db.awardCandidate.findMany({
      where,
      orderBy: [
        { rank: { sort: "asc", nulls: "last" } },
        { composite: { sort: "desc", nulls: "last" } },
        { id: "asc" },
      ],
      skip: (page - 1) * pageSize,
      take: pageSize,
      select: candidateSelect,
    }),
    db.awardCandidate.count({ where }),
  ]);
  const deciders = await namesById(
    rows.flatMap((row) => [row.excludedById, row.nominatedById]).filter((id): id is string => Boolean(id)),
  );
  return { total, rows: rows.map((row) => candidateView(row, deciders)) };
}

const candidateSelect = {
  id: true,
  subjectKind: true,
  subjectId: true,
  eligible: true,
  ineligibleReasons: true,
  inputs: true,
  composite: true,
  rank: true,
  excluded: true,
  excludedReason: true,
  excludedById: true,
  nominated: true,
  nominationReason: true,
  nominatedById: true,
  winner: true,
  citation: true,
  certificateSerial: true,
  user: { select: { id: true, name: true, externalId: true } },
  team: { select: { id: true, name: true } },
} satisfies Prisma.AwardCandidateSelect;

type CandidateRow = Prisma.AwardCandidateGetPayload<{ select: typeof candidateSelect }>;
export type IneligibleReason = { code: string; detail?: unknown };

function candidateView(row: CandidateRow, deciders: Map<string, string>) {
  const { ineligibleReasons, excludedById, nominatedById, ...rest } = row;
  return {
    ...rest,
    displayName: row.subjectKind === "team" ? (row.team?.name ?? "—") : (row.user?.name ?? "—"),
    ineligibleReasons: (Array.isArray(ineligibleReasons) ? ineligibleReasons : []) as IneligibleReason[],
    excludedBy: excludedById ? (deciders.get(excludedById) ?? null) : null,
    nominatedBy: nominatedById ? (deciders.get(nominatedById) ?? null) : null,
  };
}
export type CandidateView = ReturnType<typeof candidateView>;

async function namesById(ids: string[]) {
  if (ids.length === 0) return new Map<string, string>();
  const users = await db.user.findMany({ where: { id: { in: [...new Set(ids)] } }, select: { id: true, name: true } });
  return new Map(users.map((user) => [user.id, user.name]));
}

/** The cycle's audit entries, newest first. */
export async function cycleAuditTrail(cycleId: string, page: number, pageSize: number) {
  const where = { entityType: "AwardCycle", entityId: cycleId };
  const [rows, total] = await Promise.all([
    db.auditLog.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: (page - 1) * pageSize,
      take: pageSize,
      select: { id: true, action: true, after: true, createdAt: true, actor: { select: { name: true } } },
    }),
    db.auditLog.count({ where }),
  ]);
  return {
    total,
    rows: rows.map((row) => ({
      id: String(row.id),
      action: row.action,
      actor: row.actor?.name ?? null,
      createdAt: row.createdAt.toISOString(),
      reason: readReason(row.after),
      subject: readField(row.after, "subject"),
    })),
  };
}

function readField(value: Prisma.JsonValue | null, key: string): string | null {
  if (value && typeof value === "object" && !Array.isArray(value)) {
    const field = (value as Record<string, unknown>)[key];
    return typeof field === "string" ? field : null;
  }
  return null;
}
const readReason = (value: Prisma.JsonValue | null) => readField(value, "reason");

async function loadStatus(cycleId: string) {
  return db.awardCycle.findUnique({ where: { id: cycleId }, select: { id: true, status: true } });
}

function conflictFor(status: string, transition: string) {
  return { ok: false as const, status: 409 as const, reason: `cannot ${transition} a cycle that is ${status}` };
}

/** Enqueues the compute job; when jobs run in-process the result is there on the next page load. */
export async function requestCompute(cycleId: string, actor: Actor): Promise<WorkflowResult<{ runId: string }>> {
  const cycle = await loadStatus(cycleId);
  if (!cycle) return { ok: false, status: 404, reason: "cycle not found" };
  if (!canTransition(cycle.status, "compute")) return conflictFor(cycle.status, "compute");
  const handle = await enqueueByName("awards.compute-cycle", { cycleId, requestedById: actor.id });
  await cycleAudit(db, actor, cycleId, "award.cycle.compute.request", { after: { runId: handle.runId } });
  return { ok: true, runId: handle.runId };
}

/** A step that only moves the status and stamps its time: claimed atomically, audited in the same transaction. */
async function stampedTransition(
  cycleId: string,
  actor: Actor,
  step: "startReview" | "close",
  data: { reviewStartedAt: Date } | { closedAt: Date },
  audit: { action: string; verb: string },
): Promise<WorkflowResult> {
  const cycle = await loadStatus(cycleId);
  if (!cycle) return { ok: false, status: 404, reason: "cycle not found" };
  return db.$transaction(async (tx) => {
    const claimed = await tx.awardCycle.updateMany({
      where: { id: cycleId, status: { in: statusesBefore(step) } },
      data: { status: statusAfter(step), ...data },
    });
    if (claimed.count === 0) return conflictFor(cycle.status, audit.verb);
    await cycleAudit(tx, actor, cycleId, audit.action, {
      before: { status: cycle.status },
      after: { status: statusAfter(step) },
    });
    return { ok: true as const };
  });
}

export function startReview(cycleId: string, actor: Actor, now = new Date()): Promise<WorkflowResult> {
  return stampedTransition(
    cycleId,
    actor,
    "startReview",
    { reviewStartedAt: now },
    {
      action: "award.cycle.review",
      verb: "start the review of",
    },
  );
}

type LoadedCandidate = {
  id: string;
  cycle: { id: string; status: CycleStatus };
  teamId: string | null;
  userId: string | null;
  subjectKind: string;
  excluded: boolean;
  nominated: boolean;
  name: string;
};

async function loadCandidate(candidateId: string): Promise<LoadedCandidate | null> {
  const row = await db.awardCandidate.findUnique({
    where: { id: candidateId },
    select: {
      id: true,
      teamId: true,
      userId: true,
      subjectKind: true,
      excluded: true,
      nominated: true,
      cycle: { select: { id: true, status: true } },
      user: { select: { name: true } },
      team: { select: { name: true } },
    },
  });
  if (!row) return null;
  const { user, team, ...rest } = row;
  return { ...rest, name: row.subjectKind === "team" ? (team?.name ?? "—") : (user?.name ?? "—") };
}

export async function excludeCandidate(candidateId: string, reason: string, actor: Actor): Promise<WorkflowResult> {
  const text = reason.trim();
  if (!text) return reasonRequired;
  const candidate = await loadCandidate(candidateId);
  if (!candidate) return { ok: false, status: 404, reason: "candidate not found" };
  if (!candidateDecisionsOpen(candidate.cycle.status))
    return conflictFor(candidate.cycle.status, "exclude candidates of");
  return db.$transaction(async (tx) => {
    const claimed = await tx.awardCandidate.updateMany({
      where: { id: candidateId, excluded: false, cycle: { status: "under_review" } },
      data: { excluded: true, excludedReason: text, excludedById: actor.id },
    });
    if (claimed.count === 0)
      return { ok: false as const, status: 409 as const, reason: "the candidate is already excluded" };
    await cycleAudit(tx, actor, candidate.cycle.id, "award.candidate.exclude", {
      after: { candidateId, subject: candidate.name, reason: text },
    });
    return { ok: true as const };
  });
}

export async function restoreCandidate(candidateId: string, reason: string, actor: Actor): Promise<WorkflowResult> {
  const text = reason.trim();
  if (!text) return reasonRequired;
  const candidate = await loadCandidate(candidateId);
  if (!candidate) return { ok: false, status: 404, reason: "candidate not found" };
  if (!candidateDecisionsOpen(candidate.cycle.status))
    return conflictFor(candidate.cycle.status, "restore candidates of");
  return db.$transaction(async (tx) => {
    const claimed = await tx.awardCandidate.updateMany({
      where: { id: candidateId, excluded: true, cycle: { status: "under_review" } },
      data: { excluded: false, excludedReason: null, excludedById: null },
    });
    if (claimed.count === 0)
      return { ok: false as const, status: 409 as const, reason: "the candidate is not excluded" };
    await cycleAudit(tx, actor, candidate.cycle.id, "award.candidate.restore", {
      after: { candidateId, subject: candidate.name, reason: text },
    });
    return { ok: true as const };
  });
}

function inScope(scope: NominationScope, teamId: string | null) {
  return scope.teamIds === null || (teamId !== null && scope.teamIds.includes(teamId));
}

/**
 * Nominates a subject of the cycle. `subjectId` is a person (individual awards) or a team (team awards); when the
 * subject has no candidate row yet (no data for the period) one is added, ineligible with reason no_data, so the
 * nomination and its reason are still on record and the nominee takes a winner slot on approval.
 */
export async function nominate(
  cycleId: string,
  subjectId: string,
  reason: string,
  actor: Actor,
  scope: NominationScope,
): Promise<WorkflowResult> {
  const text = reason.trim();
  if (!text) return reasonRequired;
  const cycle = await db.awardCycle.findUnique({
    where: { id: cycleId },
    select: { id: true, status: true, program: { select: { subjectKind: true } } },
  });
  if (!cycle) return { ok: false, status: 404, reason: "cycle not found" };
  const isTeam = cycle.program.subjectKind === "team";
  const subject = isTeam
    ? await db.team
        .findUnique({ where: { id: subjectId }, select: { id: true, name: true } })
        .then((team) => (team ? { name: team.name, teamId: team.id, userId: null } : null))
    : await db.user
        .findUnique({ where: { id: subjectId }, select: { id: true, name: true, teamId: true, status: true } })
        .then((user) =>
          user && user.status === "active" ? { name: user.name, teamId: user.teamId, userId: user.id } : null,
        );
  if (!subject) return { ok: false, status: 400, fieldErrors: { subjectId: ["awards:nominations.errors.subject"] } };
  if (!inScope(scope, subject.teamId))
    return { ok: false, status: 403, reason: "you may nominate people of your teams only" };
  if (!candidateDecisionsOpen(cycle.status)) return conflictFor(cycle.status, "nominate in");
  return db.$transaction(async (tx) => {
    const existing = await tx.awardCandidate.findUnique({
      where: { cycleId_subjectId: { cycleId, subjectId } },
      select: { id: true, nominated: true },
    });
    if (existing?.nominated) return { ok: false as const, status: 409 as const, reason: "already nominated" };
    const candidateId = existing
      ? (
          await tx.awardCandidate.update({
            where: { id: existing.id },
            data: { nominated: true, nominationReason: text, nominatedById: actor.id },
            select: { id: true },
          })
        ).id
      : (
          await tx.awardCandidate.create({
            data: {
              cycleId,
              subjectKind: cycle.program.subjectKind,
              subjectId,
              userId: subject.userId,
              teamId: subject.teamId,
              eligible: false,
              ineligibleReasons: [{ code: "no_data" }],
              inputs: {},
              nominated: true,
              nominationReason: text,
              nominatedById: actor.id,
            },
            select: { id: true },
          })
        ).id;
    const status = await tx.awardCycle.findUniqueOrThrow({ where: { id: cycleId }, select: { status: true } });
    if (status.status !== "under_review") throw new Error("cycle left review during the nomination");
    await cycleAudit(tx, actor, cycleId, "award.candidate.nominate", {
      after: { candidateId, subject: subject.name, reason: text },
    });
    return { ok: true as const };
  });
}

type FrozenSettings = Partial<
  Pick<CycleSettings, "certificateText" | "winnerCount" | "winnersPerTeam" | "bonusAmount">
>;

/** Approves the review: winners = nominees first, then the best eligible, non-excluded ranks; citations rendered. */
export async function approveCycle(
  cycleId: string,
  actor: Actor,
  now = new Date(),
): Promise<WorkflowResult<{ winners: number }>> {
  const cycle = await db.awardCycle.findUnique({
    where: { id: cycleId },
    select: {
      id: true,
      status: true,
      periodKind: true,
      periodStart: true,
      settings: true,
      program: { select: { name: true, winnerCount: true, winnersPerTeam: true, certificateText: true } },
    },
  });
  if (!cycle) return { ok: false, status: 404, reason: "cycle not found" };
  if (!canTransition(cycle.status, "approve")) return conflictFor(cycle.status, "approve");
  const frozen = (cycle.settings ?? {}) as FrozenSettings;
  const rules = {
    winnerCount: frozen.winnerCount ?? cycle.program.winnerCount,
    winnersPerTeam: frozen.winnersPerTeam ?? cycle.program.winnersPerTeam,
  };
  const candidates = await db.awardCandidate.findMany({
    where: { cycleId },
    orderBy: [{ rank: { sort: "asc", nulls: "last" } }, { id: "asc" }],
    select: {
      id: true,
      subjectId: true,
      eligible: true,
      excluded: true,
      nominated: true,
      rank: true,
      composite: true,
      teamId: true,
      user: { select: { name: true } },
      team: { select: { name: true } },
      subjectKind: true,
    },
  });
  const winnerSubjects = new Set<string>(selectWinners(candidates, rules));
  if (winnerSubjects.size === 0)
    return { ok: false, status: 409, reason: "no candidate can win: nobody is eligible or nominated" };
  const period = periodLabelZh(cycle.periodKind, cycle.periodStart.toISOString().slice(0, 10));
  const template = frozen.certificateText ?? cycle.program.certificateText;
  return db.$transaction(async (tx) => {
    const claimed = await tx.awardCycle.updateMany({
      where: { id: cycleId, status: { in: statusesBefore("approve") } },
      data: { status: statusAfter("approve"), approvedAt: now, approvedById: actor.id },
    });
    if (claimed.count === 0) return conflictFor(cycle.status, "approve");
    const winners = candidates.filter((candidate) => winnerSubjects.has(candidate.subjectId));
    for (const [index, candidate] of winners.entries()) {
      const name = candidate.subjectKind === "team" ? (candidate.team?.name ?? "") : (candidate.user?.name ?? "");
      await tx.awardCandidate.update({
        where: { id: candidate.id },
        data: {
          winner: true,
          citation: renderCitation(template, {
            name,
            team: candidate.team?.name ?? "",
            program: cycle.program.name,
            period,
            rank: candidate.rank ?? index + 1,
          }),
        },
      });
    }
    await cycleAudit(tx, actor, cycleId, "award.cycle.approve", {
      before: { status: cycle.status },
      after: {
        status: "approved",
        winners: winners.map((candidate) => ({
          candidateId: candidate.id,
          name: candidate.subjectKind === "team" ? candidate.team?.name : candidate.user?.name,
          nominated: candidate.nominated,
          rank: candidate.rank,
        })),
      },
    });
    return { ok: true as const, winners: winners.length };
  });
}

/**
 * Publishes: winners get certificate serials (AW-YYYY-NNNNNN), a notification and their bonus in the ledger; a team
 * award's bonus is booked to the team's lead on the team's behalf (a ledger entry belongs to one person). With
 * `inviteStories` each winner is invited to write an experience-sharing article.
 */
export async function publishCycle(
  cycleId: string,
  actor: Actor,
  options: { inviteStories: boolean },
  now = new Date(),
): Promise<WorkflowResult<{ winners: number }>> {
  const cycle = await db.awardCycle.findUnique({
    where: { id: cycleId },
    select: {
      id: true,
      status: true,
      periodKind: true,
      periodStart: true,
      settings: true,
      program: { select: { name: true, bonusAmount: true } },
    },
  });
  if (!cycle) return { ok: false, status: 404, reason: "cycle not found" };
  if (!canTransition(cycle.status, "publish")) return conflictFor(cycle.status, "publish");
  const periodText = periodLabelZh(cycle.periodKind, cycle.periodStart.toISOString().slice(0, 10));
  const bonus = ((cycle.settings ?? {}) as FrozenSettings).bonusAmount ?? Number(cycle.program.bonusAmount);
  return db.$transaction(async (tx) => {
    const claimed = await tx.awardCycle.updateMany({
      where: { id: cycleId, status: { in: statusesBefore("publish") } },
      data: { status: statusAfter("publish"), publishedAt: now, publishedById: actor.id },
    });
    if (claimed.count === 0) return conflictFor(cycle.status, "publish");
    const winners = await tx.awardCandidate.findMany({
      where: { cycleId, winner: true },
      orderBy: [{ rank: { sort: "asc", nulls: "last" } }, { id: "asc" }],
      select: {
        id: true,
        subjectKind: true,
        userId: true,
        teamId: true,
        user: { select: { name: true } },
        team: {
          select: {
            name: true,
            leadId: true,
            members: { where: { status: "active" }, select: { id: true, externalId: true } },
          },
        },
      },
    });
    const year = now.getUTCFullYear();
    // Serials are unique per year; the transaction reads the highest one after claiming the cycle.
    const last = await tx.awardCandidate.findFirst({
      where: { certificateSerial: { startsWith: `AW-${year}-` } },
      orderBy: { certificateSerial: "desc" },
      select: { certificateSerial: true },
    });
    let sequence = serialSequence(last?.certificateSerial);
    const payrollMonth = monthStart(currentPayrollMonth(now));
    const notifications: NewNotification[] = [];
    for (const winner of winners) {
      sequence += 1;
      await tx.awardCandidate.update({
        where: { id: winner.id },
        data: { certificateSerial: certificateSerial(year, sequence) },
      });
      const isTeam = winner.subjectKind === "team";
      const recipientIds = isTeam
        ? (winner.team?.members.map((member) => member.id) ?? [])
        : winner.userId
          ? [winner.userId]
          : [];
      const params = {
        program: cycle.program.name,
        period: periodText,
        name: isTeam ? (winner.team?.name ?? "") : (winner.user?.name ?? ""),
      };
      for (const userId of recipientIds) {
        notifications.push({ userId, kind: "awards-won", params, link: `/honours/certificates/${winner.id}` });
      }
      const author = isTeam ? (winner.team?.leadId ?? null) : winner.userId;
      const shares = isTeam
        ? splitTeamBonus(
            bonus,
            (winner.team?.members ?? []).map((member) => ({ userId: member.id, code: member.externalId })),
          )
        : winner.userId && bonus > 0
          ? [{ userId: winner.userId, amount: bonus }]
          : [];
      for (const share of shares) {
        await recordAwardBonus(tx, {
          candidateId: winner.id,
          userId: share.userId,
          amount: share.amount,
          // Paid with the payroll of the month the award is published in, not the (long closed) award period.
          periodStart: payrollMonth,
          reason: isTeam
            ? `${periodText}「${cycle.program.name}」团队奖金（${params.name}，共 ${bonus.toFixed(2)} 元，${shares.length} 人平均分配）`
            : `${periodText}「${cycle.program.name}」奖金`,
          actorId: actor.id,
        });
      }
      if (options.inviteStories && author) {
        await tx.awardStory.upsert({
          where: { candidateId: winner.id },
          create: { candidateId: winner.id, authorId: author, title: "", body: "", invitedAt: now },
          update: {},
        });
        notifications.push({
          userId: author,
          kind: "awards-story-invite",
          params,
          link: `/honours/stories/${winner.id}`,
        });
      }
    }
    await notify(notifications, tx);
    await cycleAudit(tx, actor, cycleId, "award.cycle.publish", {
      before: { status: cycle.status },
      after: { status: "published", winners: winners.length, bonus, inviteStories: options.inviteStories },
    });
    return { ok: true as const, winners: winners.length };
  });
}

export function closeCycle(cycleId: string, actor: Actor, now = new Date()): Promise<WorkflowResult> {
  return stampedTransition(cycleId, actor, "close", { closedAt: now }, { action: "award.cycle.close", verb: "close" });
}

/** The last complete period of a cadence: what "新建评选" proposes. */
export function defaultPeriodFor(kind: KpiPeriod["kind"], currentMonth: KpiPeriod): string {
  const start = currentMonth.start;
  const [year, month] = start.split("-").map(Number) as [number, number];
  if (kind === "month")
    return periodKey({
      kind,
      start: month === 1 ? `${year - 1}-12-01` : `${year}-${String(month - 1).padStart(2, "0")}-01`,
    });
  if (kind === "quarter") {
    const quarter = Math.floor((month - 1) / 3);
    return quarter === 0 ? `${year - 1}-Q4` : `${year}-Q${quarter}`;
  }
  return String(year - 1);
}
