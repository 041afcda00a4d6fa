import { recordAudit } from "~/modules/audit/audit.server";
import { enqueueByName } from "~/modules/jobs/queue.server";
import { db } from "~/utils/db.server";
import { periodFromStartDate, periodKey, type KpiPeriod } from "./periods";

export type Actor = { id: string; ipAddress: string };

export type BusinessHoursInput = {
  enabled: boolean;
  workingDays: number[];
  startMinute: number;
  endMinute: number;
  timeZone: string;
};

const DEFAULT_HOURS = {
  enabled: false,
  timeZone: "Asia/Shanghai",
  workingDays: [1, 2, 3, 4, 5],
  startMinute: 540,
  endMinute: 1080,
};

export async function readKpiSettings() {
  const settings = await db.kpiSettings.findUnique({
    where: { id: 1 },
    select: { attribution: true, updatedAt: true },
  });
  return { attribution: settings?.attribution ?? "last_agent", updatedAt: settings?.updatedAt ?? null };
}

/** Every team with its business hours (defaults for a team that has none yet); teams number in the tens. */
export async function listBusinessHours() {
  const teams = await db.team.findMany({
    orderBy: { code: "asc" },
    select: {
      id: true,
      name: true,
      businessHours: {
        select: { enabled: true, timeZone: true, workingDays: true, startMinute: true, endMinute: true },
      },
    },
  });
  return teams.map((team) => ({ id: team.id, name: team.name, hours: team.businessHours ?? DEFAULT_HOURS }));
}

/** The latest snapshot computations, newest first. */
export async function listComputations(page: number, pageSize: number) {
  const [rows, total] = await Promise.all([
    db.kpiComputation.findMany({
      orderBy: { startedAt: "desc" },
      skip: (page - 1) * pageSize,
      take: pageSize,
      select: {
        id: true,
        periodKind: true,
        periodStart: true,
        startedAt: true,
        finishedAt: true,
        durationMs: true,
        rows: true,
        trigger: true,
      },
    }),
    db.kpiComputation.count(),
  ]);
  return {
    total,
    rows: rows.map(({ periodKind, periodStart, ...row }) => ({
      ...row,
      period: periodKey(periodFromStartDate(periodKind, periodStart)),
      periodKind,
    })),
  };
}

export async function updateAttribution(attribution: "last_agent" | "split", actor: Actor) {
  return db.$transaction(async (tx) => {
    const current = await tx.kpiSettings.findUnique({ where: { id: 1 }, select: { attribution: true } });
    const before = current?.attribution ?? "last_agent";
    if (current && before === attribution) return { changed: false };
    await tx.kpiSettings.upsert({
      where: { id: 1 },
      create: { id: 1, attribution, updatedById: actor.id },
      update: { attribution, updatedById: actor.id },
    });
    await recordAudit(
      {
        actorId: actor.id,
        action: "kpi.settings.attribution",
        entityType: "kpi_settings",
        entityId: "1",
        before: { attribution: before },
        after: { attribution },
        ipAddress: actor.ipAddress,
      },
      tx,
    );
    return { changed: before !== attribution };
  });
}

/** Saves one team's hours; null when the team does not exist. */
export async function updateBusinessHours(teamId: string, input: BusinessHoursInput, actor: Actor) {
  return db.$transaction(async (tx) => {
    const team = await tx.team.findUnique({
      where: { id: teamId },
      select: {
        id: true,
        businessHours: {
          select: { enabled: true, timeZone: true, workingDays: true, startMinute: true, endMinute: true },
        },
      },
    });
    if (!team) return null;
    const data = { ...input, workingDays: [...new Set(input.workingDays)].sort((a, b) => a - b) };
    const before = team.businessHours ?? null;
    if (before && JSON.stringify(before) === JSON.stringify({ ...before, ...data })) return { changed: false };
    await tx.teamBusinessHours.upsert({ where: { teamId }, create: { teamId, ...data }, update: data });
    await recordAudit(
      {
        actorId: actor.id,
        action: "kpi.settings.business-hours",
        entityType: "team",
        entityId: teamId,
        before,
        after: data,
        ipAddress: actor.ipAddress,
      },
      tx,
    );
    return { changed: true };
  });
}

/**
 * Asks the snapshot job to (re)compute a period. The request is audited; the job itself records a KpiComputation
 * row when it finishes.
 */
export async function requestRecompute(period: KpiPeriod, actor: Actor) {
  const handle = await enqueueByName("kpi.snapshot", { periodKind: period.kind, periodStart: period.start });
  await recordAudit({
    actorId: actor.id,
    action: "kpi.snapshot.request",
    entityType: "kpi_period",
    entityId: periodKey(period),
    after: { periodKind: period.kind, periodStart: period.start, runId: handle.runId },
    ipAddress: actor.ipAddress,
  });
  return { runId: handle.runId };
}
