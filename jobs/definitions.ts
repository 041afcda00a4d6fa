/**
 * The job registry: every job the app can run, by name.
 * A job = name + zod payload schema (ids only) + a handler that lives in app/modules/<area>.
 * Handlers must be idempotent: a run can be retried, and a scheduled slot can fire on more than one process.
 */
import { z } from "zod";
import { defineJob } from "~/modules/jobs/registry";
import { runComputeCycleJob, runLeaderboardJob } from "~/modules/awards/jobs.server";
import { ComputeCycleJobPayloadSchema, LeaderboardJobPayloadSchema } from "~/modules/awards/program-schemas";
import { runKpiSnapshotJob } from "~/modules/kpi/jobs.server";
import { evaluateLevels } from "~/modules/levels/evaluate.server";
import { sendFeedbackReminders } from "~/modules/feedback/reminders.server";
import { pruneLoginAttempts } from "~/modules/maintenance/login-attempts.server";
import { purgeExpiredSessions } from "~/modules/maintenance/sessions.server";
import { releaseExpiredCalibrationSessions } from "~/modules/qa/calibration/release.server";
import { executeSamplingRun } from "~/modules/qa/sampling/run.server";
import { enqueueDuePlans } from "~/modules/qa/sampling/schedule.server";
import { remindOverdueDisputes } from "~/modules/qa/disputes/dispute.server";
import { runImportJob } from "~/modules/qa/import/import.server";
import { runAssignNewHires } from "~/modules/training/assignments/new-hires.server";
import { sendOverdueReminders } from "~/modules/training/assignments/reminders.server";
import { sendCertificateRenewals } from "~/modules/training/certificates/certificates.server";
import { expireAttempts } from "~/modules/training/exams/expiry.server";
import { expireIdleRolePlaySessions } from "~/modules/roleplay/sessions.server";

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

export const samplingRunJob = defineJob({
  name: "qa.sampling-run",
  description: "Pick, assign and create the reviews of one sampling run (skips a run that already has reviews)",
  payload: z.strictObject({ runId: z.string().min(1) }),
  handler: ({ runId }) => executeSamplingRun(runId),
  maxAttempts: 3,
});

export const samplingDuePlansJob = defineJob({
  name: "qa.sampling-due-plans",
  description: "Start a sampling run for each active plan whose schedule came due (once per plan and slot)",
  payload: z.strictObject({}),
  handler: () => enqueueDuePlans(),
  maxAttempts: 3,
});

export const disputeSlaRemindersJob = defineJob({
  name: "qa.dispute-sla-reminders",
  description: "Remind handlers of disputes past their deadline (once per dispute and stage)",
  payload: z.strictObject({}),
  handler: () => remindOverdueDisputes(),
  maxAttempts: 3,
});

export const importConversationsJob = defineJob({
  name: "qa.import-conversations",
  description:
    "Import an uploaded conversation file (JSON Lines or CSV) into its import batch; a retry starts the batch over",
  payload: z.strictObject({ batchId: z.string().min(1) }),
  handler: (payload, context) => runImportJob(payload, context),
  maxAttempts: 3,
});

export const assignNewHiresJob = defineJob({
  name: "training.assign-new-hires",
  description:
    "Assign new-hire learning paths to recent hires and team/role assignments to people who joined later (once per person)",
  payload: z.strictObject({}),
  handler: () => runAssignNewHires(),
  maxAttempts: 3,
});

export const overdueRemindersJob = defineJob({
  name: "training.overdue-reminders",
  description: "Remind learners of overdue assignments (at most every 3 days) and send leads a digest of their teams",
  payload: z.strictObject({}),
  handler: () => sendOverdueReminders(),
  maxAttempts: 3,
});

export const certificateRenewalsJob = defineJob({
  name: "training.certificate-renewals",
  description:
    "Remind holders of certificates expiring within 30 days and assign the exam again (once per certificate)",
  payload: z.strictObject({}),
  handler: () => sendCertificateRenewals(),
  maxAttempts: 3,
});

export const expireAttemptsJob = defineJob({
  name: "training.expire-attempts",
  description: "Submit and score exam attempts whose deadline has passed (only attempts still in progress)",
  payload: z.strictObject({}),
  handler: () => expireAttempts(),
  maxAttempts: 3,
});

export const expireIdleRolePlaysJob = defineJob({
  name: "roleplay.expire-idle-sessions",
  description:
    "Abandon practice and test-play role-play sessions with no reply for 24 hours (exam sessions end with the exam)",
  payload: z.strictObject({}),
  handler: () => expireIdleRolePlaySessions(),
  maxAttempts: 3,
});

export const feedbackRemindersJob = defineJob({
  name: "feedback.reminders",
  description: "Remind raters of pending 360 review requests in open cycles (at most once per request per day)",
  payload: z.strictObject({}),
  handler: () => sendFeedbackReminders(),
  maxAttempts: 3,
});

export const levelsEvaluateJob = defineJob({
  name: "levels.evaluate",
  description:
    "Evaluate skill levels for a month (default: the month that just ended) and propose promotions and demotions (once per person, month and level)",
  payload: z.strictObject({
    period: z
      .string()
      .regex(/^\d{4}-\d{2}$/)
      .optional(),
  }),
  handler: ({ period }) => evaluateLevels({ period }),
  maxAttempts: 3,
});

export const kpiSnapshotJob = defineJob({
  name: "kpi.snapshot",
  description:
    "Compute KPI snapshots: without a period, the current and the previous month (late data lands); with one, that month, quarter or year",
  payload: z.strictObject({
    periodKind: z.enum(["month", "quarter", "year"]).optional(),
    periodStart: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/)
      .optional(),
  }),
  handler: (payload) => runKpiSnapshotJob(payload),
  maxAttempts: 3,
});

export const awardComputeCycleJob = defineJob({
  name: "awards.compute-cycle",
  description:
    "Compute an award cycle from its period's KPI snapshots and freeze the candidates (skips a cycle whose review has started)",
  payload: ComputeCycleJobPayloadSchema,
  handler: (payload) => runComputeCycleJob(payload),
  maxAttempts: 3,
});

export const awardLeaderboardJob = defineJob({
  name: "awards.leaderboard",
  description:
    "Recompute the monthly leaderboards (company and per team): without a month, the current and the previous one",
  payload: LeaderboardJobPayloadSchema,
  handler: (payload) => runLeaderboardJob(payload),
  maxAttempts: 3,
});

export const jobDefinitions = [
  purgeExpiredSessionsJob,
  pruneLoginAttemptsJob,
  calibrationReleaseJob,
  samplingRunJob,
  samplingDuePlansJob,
  disputeSlaRemindersJob,
  importConversationsJob,
  assignNewHiresJob,
  overdueRemindersJob,
  certificateRenewalsJob,
  expireAttemptsJob,
  expireIdleRolePlaysJob,
  levelsEvaluateJob,
  kpiSnapshotJob,
  feedbackRemindersJob,
  awardComputeCycleJob,
  awardLeaderboardJob,
] as const;
