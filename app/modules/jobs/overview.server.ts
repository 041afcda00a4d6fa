import { Cron } from "croner";
import { env } from "~/utils/env.server";
import { db } from "~/utils/db.server";
import { jobSchedules } from "../../../jobs/schedules";
import { findJobDefinition } from "./catalog";
import { jobsMode } from "./runtime.server";

/** The configured schedules with their next firing and the outcome of their latest run. */
export async function scheduleOverview(now = new Date()) {
  const timeZone = env().APP_TIME_ZONE;
  const latestRuns = await Promise.all(
    jobSchedules.map((schedule) =>
      db.jobRun.findFirst({
        where: { name: schedule.job },
        orderBy: { queuedAt: "desc" },
        select: { id: true, status: true, queuedAt: true, finishedAt: true },
      }),
    ),
  );
  return jobSchedules.map((schedule, index) => ({
    id: schedule.id,
    job: schedule.job,
    description: findJobDefinition(schedule.job)?.description ?? "",
    pattern: schedule.pattern,
    nextRunAt: new Cron(schedule.pattern, { timezone: timeZone }).nextRun(now),
    latestRun: latestRuns[index] ?? null,
  }));
}

export function jobsOverviewMeta() {
  return { mode: jobsMode(), timeZone: env().APP_TIME_ZONE };
}
