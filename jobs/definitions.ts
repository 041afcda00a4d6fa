/**
 * The job registry: every job the app can run, by name.
 * A job = name + zod payload schema (ids only) + a handler that lives in app/modules/<area>.
 * Handlers must be idempotent: a run can be retried, and a scheduled slot can fire on more than one process.
 */
import { z } from "zod";
import { defineJob } from "~/modules/jobs/registry";
import { pruneLoginAttempts } from "~/modules/maintenance/login-attempts.server";
import { purgeExpiredSessions } from "~/modules/maintenance/sessions.server";

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

export const jobDefinitions = [purgeExpiredSessionsJob, pruneLoginAttemptsJob] as const;
