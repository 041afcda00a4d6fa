import { UnrecoverableError, Worker, type Job, type Queue } from "bullmq";
import { z } from "zod";
import { env } from "~/utils/env.server";
import { jobSchedules, type JobSchedule } from "../../../jobs/schedules";
import { runAttempt } from "./attempt.server";
import { BULLMQ_BACKOFF_TYPE, backoffDelayMs } from "./backoff";
import { findJobDefinition, getJobDefinition } from "./catalog";
import { formatJobError } from "./errors";
import { bullJobOptions, createRedisConnection, getQueue, logRedisErrorOnce, type QueuedJobData } from "./queue.server";
import { DEFAULT_BACKOFF, UnknownJobError, toJsonValue, toStoredPayload, type JsonValue } from "./registry";
import { markJobRunFailed, upsertQueuedJobRun } from "./runs.server";
import { jobsRuntime } from "./runtime.server";

const QueuedJobDataSchema = z.object({
  runId: z.string().min(1).optional(),
  payload: z.unknown(),
  scheduleId: z.string().optional(),
});

/**
 * BullMQ processor: records the attempt in JobRun (creating the row for scheduler-made jobs,
 * keyed by queueJobId), re-validates the payload, runs the handler. Errors that retrying cannot
 * fix become UnrecoverableError so BullMQ stops; others are rethrown for BullMQ's backoff.
 */
export async function processQueuedJob(job: Job): Promise<JsonValue | undefined> {
  if (!job.id) throw new UnrecoverableError("BullMQ job without id");
  const data = QueuedJobDataSchema.safeParse(job.data);
  const queued = data.success ? (data.data as QueuedJobData & { payload: unknown }) : undefined;
  const maxAttempts = job.opts.attempts ?? 1;
  const scheduled = Boolean(job.repeatJobKey ?? queued?.scheduleId);
  const run = await upsertQueuedJobRun({
    queueJobId: job.id,
    runId: queued?.runId,
    name: job.name,
    payload: toJsonValue(queued ? queued.payload : job.data) ?? null,
    maxAttempts,
    scheduled,
    queuedAt: new Date(job.timestamp),
  });

  const definition = findJobDefinition(job.name);
  if (!definition || !queued) {
    const problem = definition
      ? new Error(`Malformed BullMQ job data for "${job.name}": ${data.error?.message ?? "missing"}`)
      : new UnknownJobError(job.name);
    await markJobRunFailed(run.id, formatJobError(problem));
    throw new UnrecoverableError(problem.message);
  }

  const outcome = await runAttempt({
    runId: run.id,
    definition,
    storedPayload: queued.payload,
    attempt: job.attemptsMade + 1,
    maxAttempts,
    mode: "bullmq",
    scheduled,
  });
  if (outcome.status === "succeeded") return outcome.result;
  if (outcome.permanent) throw new UnrecoverableError(outcome.message.split("\n", 1)[0]);
  throw outcome.error instanceof Error ? outcome.error : new Error(outcome.message);
}

/**
 * Makes Redis hold exactly the schedules of jobs/schedules.ts: upserts one job scheduler per entry
 * (pattern read in APP_TIME_ZONE) and removes schedulers no longer listed.
 */
export async function syncJobSchedulers(
  options: { queue?: Queue; schedules?: readonly JobSchedule[]; timeZone?: string } = {},
): Promise<{ upserted: string[]; removed: string[] }> {
  const queue = options.queue ?? getQueue();
  const schedules = options.schedules ?? jobSchedules;
  const timeZone = options.timeZone ?? env().APP_TIME_ZONE;
  const prepared = schedules.map((schedule) => {
    if (schedule.id.includes(":")) throw new Error(`Schedule id "${schedule.id}" must not contain ":"`);
    const definition = getJobDefinition(schedule.job);
    return { schedule, definition, payload: toStoredPayload(definition, schedule.payload) };
  });
  for (const { schedule, definition, payload } of prepared) {
    const data: QueuedJobData = { payload, scheduleId: schedule.id };
    await queue.upsertJobScheduler(
      schedule.id,
      { pattern: schedule.pattern, tz: timeZone },
      { name: definition.name, data, opts: bullJobOptions(definition) },
    );
  }
  const wanted = new Set(schedules.map((schedule) => schedule.id));
  const removed: string[] = [];
  for (const existing of await queue.getJobSchedulers(0, -1)) {
    const id = existing.id ?? existing.key;
    if (id && !wanted.has(id)) {
      await queue.removeJobScheduler(id);
      removed.push(id);
    }
  }
  return { upserted: [...wanted], removed };
}

export interface WorkerRuntime {
  worker: Worker;
  /** Stop fetching jobs, wait for running handlers, close the worker's Redis connection. */
  close(): Promise<void>;
}

/**
 * Starts a BullMQ worker on the configured queue (REDIS_URL, configureJobs prefix/queueName).
 * Schedules are synced first unless syncSchedules is false.
 */
export async function startWorker(
  options: { concurrency?: number; syncSchedules?: boolean } = {},
): Promise<WorkerRuntime> {
  const { config } = jobsRuntime();
  if (options.syncSchedules ?? true) {
    const { upserted, removed } = await syncJobSchedulers();
    console.info(
      `[jobs] schedules: ${upserted.join(", ") || "none"}${removed.length ? `; removed ${removed.join(", ")}` : ""}`,
    );
  }
  const connection = createRedisConnection("worker");
  connection.on("error", () => undefined); // surfaced through the worker's "error" event
  const worker = new Worker(config.queueName, processQueuedJob, {
    connection,
    prefix: config.prefix,
    concurrency: options.concurrency ?? 4,
    settings: {
      backoffStrategy: (attemptsMade, type, _error, job) => {
        if (type !== BULLMQ_BACKOFF_TYPE) return 0;
        const policy = (job && findJobDefinition(job.name)?.backoff) ?? DEFAULT_BACKOFF;
        return backoffDelayMs(attemptsMade, policy);
      },
    },
  });
  worker.on("error", logRedisErrorOnce("worker"));
  connection.on("ready", () => logRedisErrorOnce.reset("worker"));
  worker.on("failed", (job, error) => {
    if (job) console.warn(`[jobs] ${job.name} (${job.id}) attempt ${job.attemptsMade} failed: ${error.message}`);
  });
  await worker.waitUntilReady();

  let closing: Promise<void> | undefined;
  return {
    worker,
    close() {
      closing ??= (async () => {
        await worker.close();
        await connection.quit().catch(() => connection.disconnect());
      })();
      return closing;
    },
  };
}
