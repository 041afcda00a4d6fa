/**
 * The job registry: every job the app can run, by name.
 * A job = name + zod payload schema (ids only) + a handler that lives in app/modules/<area>.
 * Handlers must be idempotent: a run can be retried, and a scheduled slot can fire on more than one process.
 */
import { z } from "zod";
import { defineJob } from "~/modules/jobs/registry";
import { pruneLoginAttempts } from "~/modules/maintenance/login-attempts.server";
import { purgeExpiredSessions } from "~/modules/maintenance/sessions.server";
import { releaseExpiredCalibrationSessions } from "~/modules/qa/calibration/release.server";

export const purgeExpiredSessionsJob = defineJob({
  name: "sessions.purge-expired",
  description: "Delete sessions that expired or were revoked more than a day ago",
  payload: z.strictObject({}),
  handler: () => purgeExpiredSessions(),
  maxAttempts: 3,
});

export const pruneLoginAttemptsJob = defineJob({
  name: "login-attempts.prune",
  description: "Delete login attempts older than 30 days",
  payload: z.strictObject({}),
  handler: () => pruneLoginAttempts(),
  maxAttempts: 3,
});

export const calibrationReleaseJob = defineJob({
  name: "qa.calibration-release",
  description: "Open the results of calibration sessions whose deadline has passed",
  payload: z.strictObject({}),
  handler: () => releaseExpiredCalibrationSessions(),
  maxAttempts: 3,
});

export const jobDefinitions = [purgeExpiredSessionsJob, pruneLoginAttemptsJob, calibrationReleaseJob] as const;
