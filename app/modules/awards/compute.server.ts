/**
 * Computing an award cycle: read the period's inputs, run the pure pipeline, and freeze the result in the cycle —
 * one AwardCandidate row per subject with every input behind its score, the programme's rules as `settings`, and
 * a hash of the inputs. Later data (a late review, a KPI rerun) never changes a computed cycle: pages read the
 * candidates, not the snapshots. Recomputing is allowed only while nobody has started reviewing (open/computed).
 */
import { createHash } from "node:crypto";
import { recordAudit } from "~/modules/audit/audit.server";
import { periodFromStartDate, periodKey, shiftPeriod, type KpiPeriod } from "~/modules/kpi/periods";
import { computeKpiSnapshots } from "~/modules/kpi/snapshot.server";
import { db, type Prisma } from "~/utils/db.server";
import { env } from "~/utils/env.server";
import { insertCandidates } from "./bulk-insert.server";
import { canonicalJson } from "./hash";
import { loadSubjects, MissingKpiError, pipelineRules, type ProgramForRules } from "./inputs.server";
import { computeCandidates, type PipelineRules } from "./pipeline";

export const RECOMPUTABLE_STATUSES = ["open", "computed"] as const;

export type ComputeCycleResult =
  | { ok: true; cycleId: string; candidates: number; eligible: number; inputsHash: string; durationMs: number }
  | { ok: false; status: 404 | 409; reason: string };

/** What the cycle freezes: the programme's rules as they were, so later edits to the programme do not apply. */
export type CycleSettings = PipelineRules & {
  programKey: string;
  programName: string;
  cadence: "month" | "quarter" | "year";
  period: string;
  winnerCount: number;
  winnersPerTeam: boolean;
  bonusAmount: number;
  certificateText: string;
};

export const programRulesSelect = {
  key: true,
  name: true,
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
  metrics: { select: { kpiKey: true, weight: true, position: true } },
} as const;

/** Computes the period's KPI snapshots when nobody has yet (e.g. the first cycle of a quarter). */
async function ensureSnapshots(period: KpiPeriod, timeZone: string) {
  const done = await db.kpiComputation.findFirst({
    where: { periodKind: period.kind, periodStart: new Date(`${period.start}T00:00:00Z`), finishedAt: { not: null } },
    select: { id: true },
  });
  if (!done) await computeKpiSnapshots(period, { trigger: "manual", timeZone });
}

export function inputsHashOf(rules: PipelineRules, subjects: unknown[]): string {
  return createHash("sha256").update(canonicalJson({ rules, subjects })).digest("hex");
}

export async function computeAwardCycle(
  cycleId: string,
  actorId: string | null,
  options: { timeZone?: string } = {},
): Promise<ComputeCycleResult> {
  const started = performance.now();
  const timeZone = options.timeZone ?? env().APP_TIME_ZONE;
  const cycle = await db.awardCycle.findUnique({
    where: { id: cycleId },
    select: {
      id: true,
      status: true,
      periodKind: true,
      periodStart: true,
      programId: true,
      program: { select: programRulesSelect },
    },
  });
  if (!cycle) return { ok: false, status: 404, reason: "award cycle not found" };
  if (!(RECOMPUTABLE_STATUSES as readonly string[]).includes(cycle.status)) {
    return {
      ok: false,
      status: 409,
      reason: `the cycle is ${cycle.status}: review has started, it cannot be recomputed`,
    };
  }
  const period = periodFromStartDate(cycle.periodKind, cycle.periodStart);
  const program = cycle.program;
  let rules: PipelineRules;
  try {
    rules = await pipelineRules({ ...program, cooldownPeriods: program.cooldownPeriods } as ProgramForRules);
  } catch (error) {
    if (error instanceof MissingKpiError) return { ok: false, status: 409, reason: error.message };
    throw error;
  }
  if (rules.metrics.every((metric) => metric.weight <= 0)) {
    return { ok: false, status: 409, reason: "the programme weighs no KPI" };
  }

  await ensureSnapshots(period, timeZone);
  if (rules.kind === "improvement") await ensureSnapshots(shiftPeriod(period, -1), timeZone);
  const subjects = await loadSubjects(period, rules, { programId: cycle.programId, timeZone });
  const sortedSubjects = [...subjects].sort((a, b) => (a.subjectId < b.subjectId ? -1 : 1));
  const inputsHash = inputsHashOf(rules, sortedSubjects);
  const candidates = computeCandidates(subjects, rules);
  const settings: CycleSettings = {
    ...rules,
    programKey: program.key,
    programName: program.name,
    cadence: program.cadence,
    period: periodKey(period),
    winnerCount: program.winnerCount,
    winnersPerTeam: program.winnersPerTeam,
    bonusAmount: Number(program.bonusAmount),
    certificateText: program.certificateText,
  };
  const eligible = candidates.filter((candidate) => candidate.eligible).length;
  const now = new Date();

  const written = await db.$transaction(
    async (tx) => {
      // Claim: a concurrent review start (or another compute that moved on) makes this refuse instead of overwrite.
      const claimed = await tx.awardCycle.updateMany({
        where: { id: cycleId, status: { in: [...RECOMPUTABLE_STATUSES] } },
        data: {
          status: "computed",
          settings: JSON.parse(JSON.stringify(settings)) as Prisma.InputJsonValue,
          inputsHash,
          computedAt: now,
          computedById: actorId,
        },
      });
      if (claimed.count === 0) return false;
      await tx.awardCandidate.deleteMany({ where: { cycleId } });
      await insertCandidates(
        tx,
        cycleId,
        candidates.map((candidate) => ({
          subjectKind: rules.subjectKind,
          subjectId: candidate.subjectId,
          userId: candidate.userId,
          teamId: candidate.teamId,
          eligible: candidate.eligible,
          ineligibleReasons: candidate.ineligibleReasons,
          inputs: candidate.inputs,
          composite: candidate.composite,
          rank: candidate.rank,
        })),
      );
      await recordAudit(
        {
          actorId,
          action: "award.cycle.compute",
          entityType: "AwardCycle",
          entityId: cycleId,
          before: { status: cycle.status },
          after: { status: "computed", period: periodKey(period), candidates: candidates.length, eligible, inputsHash },
        },
        tx,
      );
      return true;
    },
    { timeout: 120_000, maxWait: 20_000 },
  );
  if (!written) return { ok: false, status: 409, reason: "the cycle moved on while it was being computed" };
  return {
    ok: true,
    cycleId,
    candidates: candidates.length,
    eligible,
    inputsHash,
    durationMs: Math.round(performance.now() - started),
  };
}
