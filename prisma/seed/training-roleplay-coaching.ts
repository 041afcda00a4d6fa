/**
 * A coaching task that asks for role-play practice: the open 情绪安抚话术提升 task due last (from the QA coaching
 * seed; the demo agent A2003's when there is one) gets the scenario 愤怒顾客：“找不到客服”, so the agent sees
 * "开始练习" on the task and the inspector sees the result. Runs after the scenarios and the QA coaching seed.
 * Idempotent: once a task holds the scenario, nothing changes.
 */
import { db } from "~/utils/db.server";

const SCENARIO_SLUG = "angry-cannot-reach-service";
const TASK_TITLE = "情绪安抚话术提升";
const DEMO_AGENT = "A2003";

export async function linkDemoCoachingScenario(): Promise<string> {
  const scenario = await db.scenario.findUnique({ where: { slug: SCENARIO_SLUG }, select: { id: true } });
  if (!scenario) return "coaching scenario: skipped (scenario not seeded)";
  const linked = await db.coachingTask.findFirst({ where: { scenarioId: scenario.id }, select: { id: true } });
  if (linked) return "coaching scenario: unchanged";
  const open = { title: TASK_TITLE, status: "open" as const, scenarioId: null };
  // The latest due first: an overdue task is a poor invitation to practise.
  const order = [{ dueAt: "desc" as const }, { id: "asc" as const }];
  // The demo agent's own task when there is one, so logging in as A2003 shows "开始练习".
  const task =
    (await db.coachingTask.findFirst({
      where: { ...open, agent: { externalId: DEMO_AGENT } },
      orderBy: order,
      select: { id: true },
    })) ?? (await db.coachingTask.findFirst({ where: open, orderBy: order, select: { id: true } }));
  if (!task) return "coaching scenario: skipped (no open coaching task to link)";
  await db.coachingTask.update({ where: { id: task.id }, data: { scenarioId: scenario.id } });
  return "coaching scenario: 1 task linked";
}
