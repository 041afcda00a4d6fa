/**
 * The `qa.sampling-due-plans` job (every 5 minutes): starts a run for each active plan whose cron had a
 * slot since the plan's lastRunAt. lastRunAt holds the last slot claimed (or when the schedule was set),
 * so a plan never fires for slots before it had its schedule.
 *
 * Two guards make a slot run once even with several processes firing this job: the slot is claimed by
 * a conditional update of lastRunAt (only one process moves it forward, and only that one creates the
 * SamplingRun row), and the job is enqueued with the idempotency key plan+slot.
 */
import { db, type Prisma } from "~/utils/db.server";
import { env } from "~/utils/env.server";
import { latestDueSlot } from "./cron";
import { buildRunInputs, enqueueRun, parseRunInputs, randomSeed } from "./run.server";

export function slotKey(planId: string, slot: Date | string): string {
  return `sampling-plan:${planId}:${typeof slot === "string" ? slot : slot.toISOString()}`;
}

/** A claimed run whose enqueue never happened (process died in between) is picked up after this long. */
const ORPHAN_AFTER_MS = 60_000;

export async function enqueueDuePlans(now: Date = new Date()) {
  const timeZone = env().APP_TIME_ZONE;
  const plans = await db.samplingPlan.findMany({
    where: { active: true, cron: { not: null } },
    select: {
      id: true,
      cron: true,
      lastRunAt: true,
      createdAt: true,
      rubricId: true,
      strategy: true,
      strategyParams: true,
      filters: true,
    },
  });
  const started: string[] = [];
  for (const plan of plans) {
    const slot = latestDueSlot(plan.cron!, timeZone, plan.lastRunAt ?? plan.createdAt, now);
    if (!slot) continue;
    const runId = await db.$transaction(async (tx) => {
      const claimed = await tx.samplingPlan.updateMany({
        where: { id: plan.id, active: true, OR: [{ lastRunAt: null }, { lastRunAt: { lt: slot } }] },
        data: { lastRunAt: slot },
      });
      if (claimed.count === 0) return null;
      const run = await tx.samplingRun.create({
        data: {
          planId: plan.id,
          seed: randomSeed(),
          // The window is resolved at the slot, not when this job got round to it: "previous week" stays put.
          inputs: buildRunInputs(plan, slot, slot) as Prisma.InputJsonValue,
          trigger: "scheduled",
        },
        select: { id: true },
      });
      return run.id;
    });
    if (!runId) continue;
    await enqueueRun(runId, slotKey(plan.id, slot), true);
    started.push(runId);
  }

  const orphans = await db.samplingRun.findMany({
    where: {
      trigger: "scheduled",
      status: "queued",
      jobRunId: null,
      createdAt: { lt: new Date(now.getTime() - ORPHAN_AFTER_MS) },
    },
    select: { id: true, planId: true, inputs: true },
  });
  for (const orphan of orphans) {
    const slot = parseRunInputs(orphan.inputs).slot;
    await enqueueRun(orphan.id, slot ? slotKey(orphan.planId, slot) : `sampling-run:${orphan.id}`, true);
    started.push(orphan.id);
  }
  return { plans: plans.length, started: started.length };
}
