/**
 * The monthly level evaluation (job levels.evaluate): for every active person holding a level, promotion to the
 * next rank of the same track when all of its criteria are met, else demotion when their level is marked
 * demoteBelow and they failed it this month and the month before. Proposals are unique per person, month and
 * target level, so a rerun creates nothing new; a newer month's evaluation supersedes older pending proposals.
 */
import { currentMonth, parsePeriodKey, periodStartDate, shiftPeriod, type KpiPeriod } from "~/modules/kpi/periods";
import { notify } from "~/modules/notifications/notifications.server";
import { db, type Prisma } from "~/utils/db.server";
import { env } from "~/utils/env.server";
import {
  demotionTarget,
  evaluateLevel,
  nextLevel,
  promotionTarget,
  type CriterionSpec,
  type Evaluation,
  type Track,
} from "./criteria";
import { gatherFacts } from "./facts.server";

const CHUNK = 500;

export type LadderLevelRow = {
  id: string;
  code: string;
  track: Track;
  rank: number;
  name: string;
  demoteBelow: boolean;
  criteria: CriterionSpec[];
};

export async function loadLadder(): Promise<LadderLevelRow[]> {
  const levels = await db.skillLevel.findMany({
    orderBy: [{ track: "asc" }, { rank: "asc" }],
    select: {
      id: true,
      code: true,
      track: true,
      rank: true,
      name: true,
      demoteBelow: true,
      criteria: {
        orderBy: { position: "asc" },
        select: { kind: true, threshold: true, months: true, kpiKey: true, examSlug: true },
      },
    },
  });
  return levels.map((level) => ({
    ...level,
    criteria: level.criteria.map((criterion) => ({
      ...criterion,
      threshold: criterion.threshold === null ? null : Number(criterion.threshold),
    })),
  }));
}

/** Evidence stored with a proposal: the evaluated level's criteria with actual values. */
export type ProposalEvidence = {
  month: string;
  levelCode: string;
  met: boolean;
  criteria: Evaluation["criteria"];
  /** Demotions: the month before, which the holder also failed. */
  previous?: { month: string; met: boolean; criteria: Evaluation["criteria"] };
};

export function evaluationMonth(period: string | undefined, now: Date, timeZone: string): KpiPeriod {
  if (period) {
    const parsed = parsePeriodKey(period);
    if (!parsed || parsed.kind !== "month") throw new Error(`levels.evaluate: "${period}" is not a month (YYYY-MM)`);
    return parsed;
  }
  return shiftPeriod(currentMonth(now, timeZone), -1);
}

type Holder = { id: string; levelId: string; teamId: string | null; leadId: string | null };
type Planned = {
  userId: string;
  kind: "promotion" | "demotion";
  fromLevelId: string;
  toLevelId: string;
  evidence: ProposalEvidence;
  leadId: string | null;
};

async function planChunk(holders: Holder[], ladder: LadderLevelRow[], month: KpiPeriod, timeZone: string) {
  const byId = new Map(ladder.map((level) => [level.id, level]));
  const allCriteria = ladder.flatMap((level) => level.criteria);
  const facts = await gatherFacts(
    holders.map((holder) => holder.id),
    month,
    allCriteria,
    timeZone,
  );
  const demotable = holders.filter((holder) => byId.get(holder.levelId)?.demoteBelow);
  const previousMonth = shiftPeriod(month, -1);
  const previousFacts =
    demotable.length > 0
      ? await gatherFacts(
          demotable.map((holder) => holder.id),
          previousMonth,
          ladder.filter((level) => level.demoteBelow).flatMap((level) => level.criteria),
          timeZone,
        )
      : new Map();
  const planned: Planned[] = [];
  for (const holder of holders) {
    const level = byId.get(holder.levelId);
    const personFacts = facts.get(holder.id);
    if (!level || !personFacts) continue;
    const next = nextLevel(ladder, level);
    const nextEvaluation = next ? evaluateLevel(next.criteria, personFacts) : null;
    const promoteTo = promotionTarget(ladder, level, nextEvaluation);
    if (promoteTo && nextEvaluation) {
      planned.push({
        userId: holder.id,
        kind: "promotion",
        fromLevelId: level.id,
        toLevelId: promoteTo.id,
        leadId: holder.leadId,
        evidence: { month: month.start, levelCode: promoteTo.code, ...nextEvaluation },
      });
      continue;
    }
    if (!level.demoteBelow) continue;
    const own = evaluateLevel(level.criteria, personFacts);
    const previousPersonFacts = previousFacts.get(holder.id);
    const before = previousPersonFacts ? evaluateLevel(level.criteria, previousPersonFacts) : null;
    const demoteTo = demotionTarget(ladder, level, own, before);
    if (demoteTo && before) {
      planned.push({
        userId: holder.id,
        kind: "demotion",
        fromLevelId: level.id,
        toLevelId: demoteTo.id,
        leadId: holder.leadId,
        evidence: {
          month: month.start,
          levelCode: level.code,
          ...own,
          previous: { month: previousMonth.start, ...before },
        },
      });
    }
  }
  return planned;
}

export type EvaluationSummary = { month: string; evaluated: number; created: number; superseded: number };

export async function evaluateLevels(options: { period?: string; now?: Date } = {}): Promise<EvaluationSummary> {
  const timeZone = env().APP_TIME_ZONE;
  const month = evaluationMonth(options.period, options.now ?? new Date(), timeZone);
  const periodDate = periodStartDate(month);
  const ladder = await loadLadder();
  const holders = (
    await db.user.findMany({
      where: { status: "active", levelId: { not: null } },
      orderBy: { id: "asc" },
      select: { id: true, levelId: true, teamId: true, team: { select: { leadId: true } } },
    })
  ).map((user) => ({ id: user.id, levelId: user.levelId!, teamId: user.teamId, leadId: user.team?.leadId ?? null }));

  const summary: EvaluationSummary = { month: month.start, evaluated: holders.length, created: 0, superseded: 0 };
  const created: Planned[] = [];
  for (let start = 0; start < holders.length; start += CHUNK) {
    const chunk = holders.slice(start, start + CHUNK);
    const planned = await planChunk(chunk, ladder, month, timeZone);
    await db.$transaction(async (tx) => {
      // A newer month's evaluation replaces what older months proposed and nobody decided.
      const stale = await tx.levelProposal.updateMany({
        where: { userId: { in: chunk.map((holder) => holder.id) }, status: "pending", period: { lt: periodDate } },
        data: { status: "superseded" },
      });
      summary.superseded += stale.count;
      if (planned.length === 0) return;
      const inserted = await tx.levelProposal.createManyAndReturn({
        data: planned.map((plan) => ({
          userId: plan.userId,
          kind: plan.kind,
          fromLevelId: plan.fromLevelId,
          toLevelId: plan.toLevelId,
          period: periodDate,
          evidence: plan.evidence as unknown as Prisma.InputJsonValue,
        })),
        skipDuplicates: true,
        select: { userId: true, toLevelId: true },
      });
      const insertedKeys = new Set(inserted.map((row) => `${row.userId}:${row.toLevelId}`));
      created.push(...planned.filter((plan) => insertedKeys.has(`${plan.userId}:${plan.toLevelId}`)));
    });
  }
  summary.created = created.length;
  await notifyDeciders(created, month);
  return summary;
}

/** One notification per decider: the lead of the person's team, or the managers when there is no other lead. */
async function notifyDeciders(created: Planned[], month: KpiPeriod) {
  if (created.length === 0) return;
  const perDecider = new Map<string, number>();
  let forManagers = 0;
  for (const plan of created) {
    if (plan.leadId && plan.leadId !== plan.userId) perDecider.set(plan.leadId, (perDecider.get(plan.leadId) ?? 0) + 1);
    else forManagers += 1;
  }
  if (forManagers > 0) {
    const managers = await db.user.findMany({
      where: { status: "active", roles: { some: { role: "manager" } } },
      select: { id: true },
    });
    for (const manager of managers) perDecider.set(manager.id, (perDecider.get(manager.id) ?? 0) + forManagers);
  }
  await notify(
    [...perDecider].map(([userId, count]) => ({
      userId,
      kind: "levels-proposals-waiting",
      params: { count, month: month.start.slice(0, 7) },
      link: "/levels/proposals",
    })),
  );
}
