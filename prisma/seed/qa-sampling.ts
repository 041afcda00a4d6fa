/**
 * Demo sampling plans (needs the rubrics and conversations seeded first), each run once with a fixed seed through
 * the job handler itself, so the reviews, counts, notifications and audit entries are what the product writes.
 * Idempotent: plans are found by name; a plan that already has a run is not run again.
 *
 * - 在线客服每周分层抽检: chat and social conversations, 36 split equally across agents, Mondays 09:00, Q001–Q003.
 * - 投诉会话全检: every complaint, on the complaint-handling rubric, daily 08:00, Q001 and Q002.
 * - 差评会话必检: every chat conversation rated CSAT ≤ 2, daily 08:30, Q002 and Q003.
 *
 * Plans and runs carry no creator (the reviews seed finds "its" reviews that way). The first run of each plan
 * covers every seeded conversation (an absolute window over the demo data's dates), so the demo queues fill up
 * whatever dates the conversations seed chose; scheduled runs then use each plan's own window.
 */
import { executeSamplingRun, buildRunInputs } from "~/modules/qa/sampling/run.server";
import { SamplingFiltersSchema, type SamplingFilters } from "~/modules/qa/sampling/schemas";
import type { Strategy, StrategyParams } from "~/modules/qa/sampling/strategies";
import { db, type Prisma } from "~/utils/db.server";
import { env } from "~/utils/env.server";

type PlanSeed = {
  name: string;
  description: string;
  rubricSlug: string;
  strategy: Strategy;
  strategyParams: StrategyParams;
  filters: Partial<SamplingFilters> & Pick<SamplingFilters, "window">;
  cron: string;
  inspectors: string[];
  perInspectorCap: number;
  dueInDays: number;
  seed: string;
};

const PLANS: PlanSeed[] = [
  {
    name: "在线客服每周分层抽检",
    description: "每周一从上周的在线与社交媒体会话中抽取 36 条，平均分配到每位客服，保证人人有样本。",
    rubricSlug: "chat-general",
    strategy: "stratified_equal",
    strategyParams: { total: 36 },
    filters: { channels: ["chat", "social"], window: { kind: "previous", unit: "week" } },
    cron: "0 9 * * 1",
    inspectors: ["Q001", "Q002", "Q003"],
    perInspectorCap: 30,
    dueInDays: 3,
    seed: "weekly-chat-2026",
  },
  {
    name: "投诉会话全检",
    description: "前一天的投诉会话全部质检，使用投诉处理质检表，重点检查情绪安抚、不推诿与闭环。",
    rubricSlug: "complaint-handling",
    strategy: "targeted",
    strategyParams: {},
    filters: { complaintOnly: true, window: { kind: "previous", unit: "day" } },
    cron: "0 8 * * *",
    inspectors: ["Q001", "Q002"],
    perInspectorCap: 40,
    dueInDays: 2,
    seed: "complaints-2026",
  },
  {
    name: "差评会话必检",
    description: "前一天满意度 1–2 分的在线会话全部质检，找出差评原因并安排辅导。",
    rubricSlug: "chat-general",
    strategy: "targeted",
    strategyParams: {},
    filters: { channels: ["chat"], csatMax: 2, window: { kind: "previous", unit: "day" } },
    cron: "30 8 * * *",
    inspectors: ["Q002", "Q003"],
    perInspectorCap: 30,
    dueInDays: 2,
    seed: "low-csat-2026",
  },
];

function localDay(instant: Date, timeZone: string): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(
    instant,
  );
}

/** The calendar days the seeded conversations span, in the app's time zone. */
async function demoDataWindow(timeZone: string): Promise<SamplingFilters["window"]> {
  const range = await db.conversation.aggregate({ _min: { startedAt: true }, _max: { startedAt: true } });
  const to = range._max.startedAt ?? new Date();
  const from = range._min.startedAt ?? new Date(to.getTime() - 7 * 86_400_000);
  return { kind: "absolute", from: localDay(from, timeZone), to: localDay(to, timeZone) };
}

export async function seedQaSampling(): Promise<string> {
  const timeZone = env().APP_TIME_ZONE;
  const summary: string[] = [];
  let window: SamplingFilters["window"] | null = null;
  for (const entry of PLANS) {
    const rubric = await db.rubric.findUnique({ where: { slug: entry.rubricSlug }, select: { id: true } });
    if (!rubric) throw new Error(`qa-sampling seed: rubric ${entry.rubricSlug} is missing (seed the rubrics first)`);
    const inspectors = await db.user.findMany({
      where: { externalId: { in: entry.inspectors } },
      select: { id: true },
    });
    if (inspectors.length !== entry.inspectors.length) {
      throw new Error(`qa-sampling seed: inspectors ${entry.inspectors.join("/")} are not all in users.csv`);
    }
    const filters = SamplingFiltersSchema.parse(entry.filters);
    let plan = await db.samplingPlan.findFirst({
      where: { name: entry.name, createdById: null },
      select: { id: true },
    });
    plan ??= await db.samplingPlan.create({
      data: {
        name: entry.name,
        description: entry.description,
        rubricId: rubric.id,
        strategy: entry.strategy,
        strategyParams: entry.strategyParams as Prisma.InputJsonValue,
        filters: filters as unknown as Prisma.InputJsonValue,
        cron: entry.cron,
        active: true,
        perInspectorCap: entry.perInspectorCap,
        dueInDays: entry.dueInDays,
        lastRunAt: new Date(), // schedules count from now: no catch-up runs for slots before the seed
        inspectors: { create: inspectors.map((inspector) => ({ userId: inspector.id })) },
      },
      select: { id: true },
    });
    if ((await db.samplingRun.count({ where: { planId: plan.id } })) > 0) {
      summary.push(`${entry.name}: already run`);
      continue;
    }
    window ??= await demoDataWindow(timeZone);
    const inputs = buildRunInputs(
      {
        rubricId: rubric.id,
        strategy: entry.strategy,
        strategyParams: entry.strategyParams,
        filters: { ...filters, window },
      },
      new Date(),
    );
    const run = await db.samplingRun.create({
      data: { planId: plan.id, seed: entry.seed, trigger: "manual", inputs: inputs as Prisma.InputJsonValue },
      select: { id: true },
    });
    const result = await executeSamplingRun(run.id);
    summary.push(`${entry.name}: ${result.sampledCount ?? 0} sampled, ${result.assignedCount ?? 0} assigned`);
  }
  return `sampling: ${summary.join("; ")}`;
}
