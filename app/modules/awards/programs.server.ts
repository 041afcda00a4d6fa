/**
 * Award programmes: the list, the edit form's data and saving (programme row and its weighted KPIs in one
 * transaction, audited). Cycles keep a frozen copy of the rules when computed, so editing a programme never changes
 * a computed or published cycle.
 */
import { randomBytes } from "node:crypto";
import { recordAudit } from "~/modules/audit/audit.server";
import { db } from "~/utils/db.server";
import type { ProgramFormValue } from "./program-form";

export type Actor = { id: string; ipAddress?: string | null };

export type KpiChoice = { key: string; nameZh: string; nameEn: string; direction: string; unit: string };

export async function kpiChoices(): Promise<KpiChoice[]> {
  return db.kpiDefinition.findMany({
    where: { active: true },
    orderBy: [{ position: "asc" }, { key: "asc" }],
    select: { key: true, nameZh: true, nameEn: true, direction: true, unit: true },
  });
}

export async function listPrograms(page: number, pageSize: number) {
  const [rows, total] = await Promise.all([
    db.awardProgram.findMany({
      orderBy: [{ active: "desc" }, { createdAt: "asc" }, { id: "asc" }],
      skip: (page - 1) * pageSize,
      take: pageSize,
      select: {
        id: true,
        key: true,
        name: true,
        subjectKind: true,
        kind: true,
        cadence: true,
        winnerCount: true,
        winnersPerTeam: true,
        bonusAmount: true,
        active: true,
        metrics: { orderBy: { position: "asc" }, select: { kpiKey: true, weight: true } },
        _count: { select: { cycles: true } },
      },
    }),
    db.awardProgram.count(),
  ]);
  return {
    total,
    rows: rows.map(({ _count, bonusAmount, ...row }) => ({
      ...row,
      bonusAmount: Number(bonusAmount),
      cycles: _count.cycles,
    })),
  };
}

export async function getProgram(id: string) {
  const program = await db.awardProgram.findUnique({
    where: { id },
    select: {
      id: true,
      key: true,
      name: true,
      description: true,
      subjectKind: true,
      kind: true,
      cadence: true,
      normalisation: true,
      zClip: true,
      priorStrength: true,
      minConversations: true,
      minQaReviews: true,
      excludeRedLine: true,
      minTenureMonths: true,
      cooldownPeriods: true,
      winnerCount: true,
      winnersPerTeam: true,
      tieBreakers: true,
      bonusAmount: true,
      certificateText: true,
      active: true,
      updatedAt: true,
      metrics: { orderBy: { position: "asc" }, select: { kpiKey: true, weight: true } },
      _count: { select: { cycles: true } },
    },
  });
  if (!program) return null;
  const { _count, bonusAmount, updatedAt, ...rest } = program;
  return { ...rest, bonusAmount: Number(bonusAmount), updatedAt: updatedAt.toISOString(), cycles: _count.cycles };
}
export type ProgramDetail = NonNullable<Awaited<ReturnType<typeof getProgram>>>;

export type SaveProgramResult =
  | { ok: true; id: string; changed: boolean }
  | { ok: false; status: 400; fieldErrors: Record<string, string[]> }
  | { ok: false; status: 404 | 409; reason: string };

function programData(value: ProgramFormValue) {
  return {
    name: value.name,
    description: value.description,
    subjectKind: value.subjectKind,
    kind: value.kind,
    cadence: value.cadence,
    normalisation: value.normalisation,
    zClip: value.zClip,
    priorStrength: value.priorStrength,
    minConversations: value.minConversations,
    minQaReviews: value.minQaReviews,
    excludeRedLine: value.excludeRedLine,
    minTenureMonths: value.minTenureMonths,
    cooldownPeriods: value.cooldownPeriods,
    winnerCount: value.winnerCount,
    winnersPerTeam: value.winnersPerTeam,
    tieBreakers: value.tieBreakers,
    bonusAmount: value.bonusAmount,
    certificateText: value.certificateText,
    active: value.active,
  };
}

async function unknownKpiErrors(value: ProgramFormValue): Promise<Record<string, string[]> | null> {
  const known = new Set((await kpiChoices()).map((choice) => choice.key));
  const errors: Record<string, string[]> = {};
  if (value.metrics.some((metric) => !known.has(metric.kpiKey))) errors.metrics = ["awards:programForm.errors.kpi"];
  if (value.tieBreakers.some((key) => !known.has(key))) errors.tieBreakers = ["awards:programForm.errors.kpi"];
  return Object.keys(errors).length > 0 ? errors : null;
}

export async function createProgram(value: ProgramFormValue, actor: Actor): Promise<SaveProgramResult> {
  const fieldErrors = await unknownKpiErrors(value);
  if (fieldErrors) return { ok: false, status: 400, fieldErrors };
  const key = value.key || `program-${randomBytes(4).toString("hex")}`;
  if (await db.awardProgram.findUnique({ where: { key }, select: { id: true } }))
    return { ok: false, status: 400, fieldErrors: { key: ["awards:programForm.errors.keyTaken"] } };
  const id = await db.$transaction(async (tx) => {
    const program = await tx.awardProgram.create({
      data: { ...programData(value), key, createdById: actor.id, metrics: { create: value.metrics } },
      select: { id: true },
    });
    await recordAudit(
      {
        actorId: actor.id,
        action: "award.program.create",
        entityType: "AwardProgram",
        entityId: program.id,
        after: { key, ...programData(value), metrics: value.metrics },
        ipAddress: actor.ipAddress,
      },
      tx,
    );
    return program.id;
  });
  return { ok: true, id, changed: true };
}

export async function updateProgram(id: string, value: ProgramFormValue, actor: Actor): Promise<SaveProgramResult> {
  const before = await getProgram(id);
  if (!before) return { ok: false, status: 404, reason: "programme not found" };
  const fieldErrors = await unknownKpiErrors(value);
  if (fieldErrors) return { ok: false, status: 400, fieldErrors };
  const beforeComparable = {
    ...programData({ ...before, key: before.key, metrics: [] } as unknown as ProgramFormValue),
    metrics: before.metrics,
  };
  const after = { ...programData(value), metrics: value.metrics.map(({ kpiKey, weight }) => ({ kpiKey, weight })) };
  if (JSON.stringify(beforeComparable) === JSON.stringify(after)) return { ok: true, id, changed: false };
  await db.$transaction(async (tx) => {
    await tx.awardProgram.update({ where: { id }, data: programData(value) });
    await tx.awardProgramMetric.deleteMany({ where: { programId: id } });
    await tx.awardProgramMetric.createMany({ data: value.metrics.map((metric) => ({ ...metric, programId: id })) });
    await recordAudit(
      {
        actorId: actor.id,
        action: "award.program.update",
        entityType: "AwardProgram",
        entityId: id,
        before: beforeComparable,
        after,
        ipAddress: actor.ipAddress,
      },
      tx,
    );
  });
  return { ok: true, id, changed: true };
}

/** Active programmes for the "新建评选" picker. */
export function programOptions() {
  return db.awardProgram.findMany({
    where: { active: true },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { id: true, name: true, cadence: true, subjectKind: true },
  });
}
