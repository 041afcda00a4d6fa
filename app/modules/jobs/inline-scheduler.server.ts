import { Cron } from "croner";
import { env } from "~/utils/env.server";
import { jobSchedules, type JobSchedule } from "../../../jobs/schedules";
import { getJobDefinition } from "./catalog";
import { enqueueByName } from "./queue.server";
import { toStoredPayload } from "./registry";
import { scheduleSlot } from "./schedule-slot";
import { jobsMode, jobsRuntime } from "./runtime.server";

export type InlineSchedulerStart =
  | { started: true; schedules: Array<{ id: string; job: string; pattern: string; nextRunAt: Date | null }> }
  | { started: false; reason: "redis-mode" | "disabled" | "stopped" };

/**
 * Inline mode only (no Redis): fires jobs/schedules.ts with croner in this process, in APP_TIME_ZONE.
 * Each firing enqueues with an idempotency key per schedule and time slot, so two web processes
 * sharing one database (or a restart within the same minute) run a slot once.
 * Safe to call in any mode and more than once; a no-op when REDIS_URL is set or JOBS_INLINE_SCHEDULER=false.
 */
export function startInlineScheduler(
  options: { schedules?: readonly JobSchedule[]; timeZone?: string; force?: boolean } = {},
): InlineSchedulerStart {
  const runtime = jobsRuntime();
  if (runtime.stopping) return { started: false, reason: "stopped" };
  if (jobsMode() !== "inline") return { started: false, reason: "redis-mode" };
  if (!options.force && env().JOBS_INLINE_SCHEDULER === "false") return { started: false, reason: "disabled" };

  if (runtime.schedulerCrons.length === 0) {
    const timeZone = options.timeZone ?? env().APP_TIME_ZONE;
    const schedules = options.schedules ?? jobSchedules;
    // Validate everything before starting anything: a bad schedule should stop start-up.
    const prepared = schedules.map((schedule) => ({
      schedule,
      payload: toStoredPayload(getJobDefinition(schedule.job), schedule.payload),
      checked: new Cron(schedule.pattern, { timezone: timeZone }).nextRun(), // throws on a bad pattern or zone
    }));
    runtime.schedulerCrons = prepared.map(({ schedule, payload }) => ({
      id: schedule.id,
      job: schedule.job,
      cron: new Cron(
        schedule.pattern,
        {
          timezone: timeZone,
          protect: true,
          catch: (error) => console.error(`[jobs] schedule ${schedule.id} failed to enqueue:`, error),
        },
        async () => {
          const slot = scheduleSlot(schedule.pattern, new Date());
          await enqueueByName(schedule.job, payload, {
            scheduled: true,
            idempotencyKey: `schedule:${schedule.id}:${slot.toISOString()}`,
          });
        },
      ),
    }));
  }
  return {
    started: true,
    schedules: runtime.schedulerCrons.map(({ id, job, cron }) => ({
      id,
      job,
      pattern: cron.getPattern() ?? "",
      nextRunAt: cron.nextRun(),
    })),
  };
}

export function stopInlineScheduler(): void {
  const runtime = jobsRuntime();
  for (const { cron } of runtime.schedulerCrons.splice(0)) cron.stop();
}
