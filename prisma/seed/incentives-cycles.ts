/**
 * Demo award cycles, run through the same workflow a manager uses (compute → review → approve → publish):
 * - 月度服务之星 for the last complete month: one candidate excluded with a reason, three winners, certificates,
 *   notifications, ledger bonuses and one winner's published experience article; the month before also published
 *   (history on the honour roll); three months back left `open` for a manager to run;
 * - 进步之星 for the last complete month, published;
 * - 最佳团队精神奖 for the last complete quarter, published;
 * - 五星客服 for the last complete quarter, left under review so the manager has work.
 *
 * Idempotent: a programme + period that already has a cycle is left exactly as it is.
 */
import { computeAwardCycle } from "~/modules/awards/compute.server";
import {
  approveCycle,
  createCycle,
  excludeCandidate,
  publishCycle,
  startReview,
  type Actor,
} from "~/modules/awards/cycles.server";
import { saveStory } from "~/modules/awards/stories.server";
import {
  currentMonth,
  periodContaining,
  periodKey,
  periodEndDay,
  periodStartDate,
  shiftPeriod,
  type KpiPeriod,
} from "~/modules/kpi/periods";
import { db } from "~/utils/db.server";
import { env } from "~/utils/env.server";

type Stage = "open" | "under_review" | "published";
type Plan = { programKey: string; period: KpiPeriod; stage: Stage; excludeReason?: string; story?: boolean };

const EXCLUDE_REASON = "本月有一次经核实的客户投诉，暂缓评选";

const STORY = {
  title: "把每一位顾客当成回头客",
  body: [
    "很荣幸获得本月的服务之星，和大家分享三点小习惯：",
    "",
    "1. **先安抚，再解决**：顾客着急时先回应情绪，“您别着急，我马上帮您查”比直接贴流程更管用。",
    "2. **常用话术提前备好**：退换货、物流延误、优惠券使用这几类问题，我都整理了自己的快捷短语，首响基本能控制在 20 秒内。",
    "3. **结束前多问一句**：“还有其他可以帮您的吗？”很多满意度就是这一句挣来的。",
    "",
    "也感谢组长和质检同事的每一次点评，欢迎大家一起交流！",
  ].join("\n"),
};

function plans(now: Date): Plan[] {
  const running = currentMonth(now, env().APP_TIME_ZONE);
  const lastMonth = shiftPeriod(running, -1);
  const lastQuarter = shiftPeriod(periodContaining("quarter", running.start), -1);
  return [
    { programKey: "monthly-service-star", period: shiftPeriod(running, -2), stage: "published" },
    {
      programKey: "monthly-service-star",
      period: lastMonth,
      stage: "published",
      excludeReason: EXCLUDE_REASON,
      story: true,
    },
    { programKey: "monthly-service-star", period: shiftPeriod(running, -3), stage: "open" },
    { programKey: "rising-star", period: lastMonth, stage: "published" },
    { programKey: "team-spirit", period: lastQuarter, stage: "published" },
    { programKey: "five-star-agent", period: lastQuarter, stage: "under_review" },
  ];
}

function must<T extends { ok: boolean }>(result: T, step: string): T {
  if (!result.ok) throw new Error(`award cycles: ${step} failed: ${JSON.stringify(result)}`);
  return result;
}

async function runPlan(plan: Plan, actor: Actor, now: Date): Promise<string> {
  const label = `${plan.programKey} ${periodKey(plan.period)}`;
  const program = await db.awardProgram.findUnique({ where: { key: plan.programKey }, select: { id: true } });
  if (!program) return `${label} skipped (no programme)`;
  const existing = await db.awardCycle.findUnique({
    where: {
      programId_periodKind_periodStart: {
        programId: program.id,
        periodKind: plan.period.kind,
        periodStart: periodStartDate(plan.period),
      },
    },
    select: { status: true },
  });
  if (existing) return `${label} kept (${existing.status})`;
  const created = must(await createCycle(program.id, periodKey(plan.period), actor), "create");
  if (!created.ok) return label;
  const cycleId = created.id;
  if (plan.stage === "open") return `${label} open`;
  must(await computeAwardCycle(cycleId, actor.id), "compute");
  must(await startReview(cycleId, actor), "review");
  if (plan.excludeReason) {
    // The runner-up: excluding the leader would look like the formula itself was overruled.
    const runnerUp = await db.awardCandidate.findFirst({
      where: { cycleId, eligible: true, rank: 2 },
      select: { id: true },
    });
    if (runnerUp) must(await excludeCandidate(runnerUp.id, plan.excludeReason, actor), "exclude");
  }
  if (plan.stage === "under_review") return `${label} under review`;
  const approved = await approveCycle(cycleId, actor);
  if (!approved.ok) return `${label} left under review (${"reason" in approved ? approved.reason : "no winners"})`;
  // Published on the third day after the period, as a manager would: the bonus lands in that month's payroll.
  const publishedAt = new Date(`${periodEndDay(plan.period)}T02:00:00Z`);
  publishedAt.setUTCDate(publishedAt.getUTCDate() + 2);
  const at = new Date(Math.min(publishedAt.getTime(), now.getTime()));
  must(await publishCycle(cycleId, actor, { inviteStories: true }, at), "publish");
  if (plan.story) {
    const winner = await db.awardCandidate.findFirst({
      where: { cycleId, winner: true },
      orderBy: { rank: "asc" },
      select: { id: true, story: { select: { authorId: true } } },
    });
    if (winner?.story) await saveStory(winner.id, winner.story.authorId, { ...STORY, publish: true });
  }
  return `${label} published`;
}

export async function seedAwardCycles(now = new Date()): Promise<string> {
  const manager = await db.user.findFirst({
    where: { status: "active", roles: { some: { role: "manager" } } },
    orderBy: { externalId: "asc" },
    select: { id: true },
  });
  if (!manager) return "Award cycles: no manager to run them";
  const actor = { id: manager.id, ipAddress: "seed" };
  const lines: string[] = [];
  for (const plan of plans(now)) lines.push(await runPlan(plan, actor, now));
  return `Award cycles: ${lines.join("; ")}`;
}
