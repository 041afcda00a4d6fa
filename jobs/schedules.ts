/**
 * Cron schedules. Redis mode: the worker upserts one BullMQ job scheduler per entry (and removes stale ones).
 * Inline mode: croner fires them in the web process. Patterns are read in APP_TIME_ZONE.
 * Ids are stable: renaming one creates a new scheduler and removes the old.
 */
import type { JobName, JobPayloadInput } from "~/modules/jobs/catalog";

export interface JobSchedule<N extends JobName = JobName> {
  /** Stable scheduler id (BullMQ job scheduler id); no ":" allowed. */
  id: string;
  job: N;
  /** 5-field (minute precision) or 6-field (with seconds) cron pattern. */
  pattern: string;
  payload: JobPayloadInput<N>;
}

/** Checks the payload against its job, then widens: JobSchedule<N> is not assignable to JobSchedule<JobName>. */
function schedule<N extends JobName>(entry: JobSchedule<N>): JobSchedule {
  return entry as unknown as JobSchedule;
}

export const jobSchedules: readonly JobSchedule[] = [
  schedule({ id: "sessions.purge-expired.hourly", job: "sessions.purge-expired", pattern: "0 * * * *", payload: {} }),
  schedule({ id: "login-attempts.prune.daily", job: "login-attempts.prune", pattern: "30 3 * * *", payload: {} }),
  schedule({
    id: "qa.calibration-release.quarter-hourly",
    job: "qa.calibration-release",
    pattern: "*/15 * * * *",
    payload: {},
  }),
  schedule({
    id: "qa.sampling-due-plans.every-5-minutes",
    job: "qa.sampling-due-plans",
    pattern: "*/5 * * * *",
    payload: {},
  }),
  schedule({
    id: "qa.dispute-sla-reminders.hourly",
    job: "qa.dispute-sla-reminders",
    pattern: "10 * * * *",
    payload: {},
  }),
  schedule({
    id: "training.assign-new-hires.daily",
    job: "training.assign-new-hires",
    pattern: "0 6 * * *",
    payload: {},
  }),
  schedule({
    id: "training.certificate-renewals.daily",
    job: "training.certificate-renewals",
    pattern: "30 8 * * *",
    payload: {},
  }),
  schedule({
    id: "training.overdue-reminders.daily",
    job: "training.overdue-reminders",
    pattern: "0 9 * * *",
    payload: {},
  }),
  schedule({
    id: "training.expire-attempts.every-minute",
    job: "training.expire-attempts",
    pattern: "* * * * *",
    payload: {},
  }),
  schedule({
    id: "roleplay.expire-idle-sessions.hourly",
    job: "roleplay.expire-idle-sessions",
    pattern: "20 * * * *",
    payload: {},
  }),
  schedule({ id: "levels.evaluate.monthly", job: "levels.evaluate", pattern: "0 4 1 * *", payload: {} }),
  schedule({ id: "kpi.snapshot.daily", job: "kpi.snapshot", pattern: "30 2 * * *", payload: {} }),
  // After the KPI snapshots of 02:30, so boards rank the night's figures.
  schedule({ id: "awards.leaderboard.daily", job: "awards.leaderboard", pattern: "10 3 * * *", payload: {} }),
  schedule({
    id: "feedback.reminders.daily",
    job: "feedback.reminders",
    pattern: "15 9 * * *",
    payload: {},
  }),
];
