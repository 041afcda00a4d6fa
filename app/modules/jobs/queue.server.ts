import { Queue, type JobsOptions } from "bullmq";
import { Redis, type RedisOptions } from "ioredis";
import { BULLMQ_BACKOFF_TYPE } from "./backoff";
import { getJobDefinition, type JobName, type JobPayloadInput } from "./catalog";
import { inlineRunOutcome, startInlineRun } from "./inline-runner.server";
import { toStoredPayload, type AnyJobDefinition, type JobMode, type JsonValue } from "./registry";
import {
  createJobRun,
  deleteJobRun,
  findJobRunByIdempotencyKey,
  isUniqueViolation,
  newRunId,
  waitForJobRun,
  type JobOutcome,
  type JobRunState,
} from "./runs.server";
import { jobsMode, jobsRedisUrl, jobsRuntime } from "./runtime.server";

export { configureJobs, jobsMode } from "./runtime.server";
export type { JobOutcome } from "./runs.server";

export interface EnqueueOptions {
  /**
   * Enqueueing again with a key that already has a run returns that run (any status) and
   * enqueues nothing. Keys are global across job names; reusing one for another job throws.
   */
  idempotencyKey?: string;
  /** Marks the run as created by a schedule (set by the schedulers). */
  scheduled?: boolean;
}

export interface JobHandle {
  runId: string;
  name: string;
  mode: JobMode;
  /** True when an existing run was returned for the idempotency key. */
  deduplicated: boolean;
  /**
   * Settles when the run has succeeded or failed. Inline runs started by this process resolve
   * in-process and never reject; otherwise the JobRun row is polled (rejects after 60 s).
   */
  readonly finished: Promise<JobOutcome>;
}

/** What BullMQ carries for an enqueued job; scheduler-created jobs have no runId. */
export interface QueuedJobData {
  runId?: string;
  payload: JsonValue;
  scheduleId?: string;
}

export class JobsStoppedError extends Error {
  constructor() {
    super("The job system is shutting down and takes no new work");
    this.name = "JobsStoppedError";
  }
}

const MAX_IDEMPOTENCY_KEY_LENGTH = 200;

/** Enqueue a job from jobs/definitions.ts; the payload is validated (JobPayloadError) before anything is stored. */
export function enqueue<N extends JobName>(
  name: N,
  payload: JobPayloadInput<N>,
  options: EnqueueOptions = {},
): Promise<JobHandle> {
  return enqueueByName(name, payload, options);
}

/** Same as enqueue for a name only known at runtime (admin "run now", schedulers, tests); throws UnknownJobError. */
export async function enqueueByName(name: string, payload: unknown, options: EnqueueOptions = {}): Promise<JobHandle> {
  if (!jobsRuntime().accepting) throw new JobsStoppedError();
  const definition = getJobDefinition(name);
  const storedPayload = toStoredPayload(definition, payload);
  const idempotencyKey = normaliseIdempotencyKey(options.idempotencyKey);
  const mode = jobsMode();
  const scheduled = options.scheduled ?? false;

  if (idempotencyKey) {
    const existing = await findJobRunByIdempotencyKey(idempotencyKey);
    if (existing) return handleForExisting(existing, name, idempotencyKey);
  }

  const runId = newRunId();
  try {
    await createJobRun({
      id: runId,
      name,
      payload: storedPayload,
      mode,
      maxAttempts: definition.maxAttempts,
      idempotencyKey,
      queueJobId: mode === "bullmq" ? runId : undefined,
      scheduled,
    });
  } catch (error) {
    // Lost a race with a concurrent enqueue of the same key: return the winner's run.
    if (idempotencyKey && isUniqueViolation(error)) {
      const existing = await findJobRunByIdempotencyKey(idempotencyKey);
      if (existing) return handleForExisting(existing, name, idempotencyKey);
    }
    throw error;
  }

  if (mode === "inline") {
    const outcome = startInlineRun({
      runId,
      definition,
      storedPayload,
      maxAttempts: definition.maxAttempts,
      scheduled,
    });
    return makeHandle({ runId, name, mode, deduplicated: false }, () => outcome);
  }

  try {
    await addToQueue(definition, runId, { runId, payload: storedPayload });
  } catch (error) {
    // Nothing was queued: drop the row so the caller can retry (the idempotency key stays free).
    await deleteJobRun(runId).catch(() => undefined);
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`Could not enqueue job "${name}" to Redis: ${reason}`, { cause: error });
  }
  return makeHandle({ runId, name, mode, deduplicated: false }, () => waitForJobRun(runId));
}

function normaliseIdempotencyKey(key: string | undefined): string | undefined {
  if (key === undefined) return undefined;
  const trimmed = key.trim();
  if (trimmed === "" || trimmed.length > MAX_IDEMPOTENCY_KEY_LENGTH) {
    throw new Error(`idempotencyKey must be 1-${MAX_IDEMPOTENCY_KEY_LENGTH} characters`);
  }
  return trimmed;
}

async function handleForExisting(existing: JobRunState, name: string, idempotencyKey: string): Promise<JobHandle> {
  if (existing.name !== name) {
    throw new Error(`Idempotency key "${idempotencyKey}" already belongs to a "${existing.name}" run`);
  }
  const mode = existing.mode === "bullmq" ? "bullmq" : "inline";
  if (mode === "bullmq" && existing.status === "queued" && existing.queueJobId && jobsMode() === "bullmq") {
    // Recovers a run whose row was written but whose add never reached Redis (crash in between).
    // Same jobId, so BullMQ ignores this when the job is already there.
    const definition = getJobDefinition(existing.name);
    await addToQueue(definition, existing.queueJobId, { runId: existing.id, payload: existing.payload as JsonValue });
  }
  const inProcess = inlineRunOutcome(existing.id);
  return makeHandle(
    { runId: existing.id, name: existing.name, mode, deduplicated: true },
    () => inProcess ?? waitForJobRun(existing.id),
  );
}

function makeHandle(fields: Omit<JobHandle, "finished">, finished: () => Promise<JobOutcome>): JobHandle {
  let cached: Promise<JobOutcome> | undefined;
  return {
    ...fields,
    // Lazy: polling starts only for callers that actually wait.
    get finished() {
      cached ??= finished();
      return cached;
    },
  };
}

// ---------------------------------------------------------------------------------------------
// BullMQ plumbing shared with the worker

/** Retry and retention options for a job of this definition (enqueued or scheduler template). */
export function bullJobOptions(definition: AnyJobDefinition): Omit<JobsOptions, "jobId"> {
  return {
    attempts: definition.maxAttempts,
    backoff: { type: BULLMQ_BACKOFF_TYPE, delay: definition.backoff.baseDelayMs },
    // JobRun is the durable record; Redis keeps only recent history.
    removeOnComplete: { age: 24 * 3600, count: 1000 },
    removeOnFail: { age: 7 * 24 * 3600, count: 5000 },
  };
}

/** A web request must not hang while Redis is down; BullMQ would otherwise wait for it forever. */
const ENQUEUE_TIMEOUT_MS = 5000;

async function addToQueue(definition: AnyJobDefinition, jobId: string, data: QueuedJobData): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      getQueue().add(definition.name, data, { ...bullJobOptions(definition), jobId }),
      new Promise<never>((_resolve, reject) => {
        timer = setTimeout(
          () => reject(new Error(`Redis did not answer within ${ENQUEUE_TIMEOUT_MS} ms`)),
          ENQUEUE_TIMEOUT_MS,
        );
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * A new ioredis connection to the configured Redis. "worker" connections never give up on a
 * command (BullMQ requires maxRetriesPerRequest: null for blocking calls); "producer"
 * connections fail fast so a web request is not held hostage by a Redis outage.
 */
export function createRedisConnection(purpose: "producer" | "worker", extra: RedisOptions = {}): Redis {
  const url = jobsRedisUrl();
  if (!url) throw new Error("REDIS_URL is not set: BullMQ mode needs Redis");
  const options: RedisOptions =
    purpose === "worker"
      ? { maxRetriesPerRequest: null, ...extra }
      : { maxRetriesPerRequest: 3, enableOfflineQueue: false, ...extra };
  return new Redis(url, { connectionName: `jobs-${purpose}`, ...options });
}

const lastRedisError = new Map<string, string>();

/** Logs a Redis error once per distinct message until the connection is ready again (no reconnect spam). */
export const logRedisErrorOnce = Object.assign(
  (source: string) => (error: Error) => {
    if (lastRedisError.get(source) === error.message) return;
    lastRedisError.set(source, error.message);
    console.error(`[jobs] ${source} Redis error: ${error.message}`);
  },
  { reset: (source: string) => lastRedisError.delete(source) },
);
/** The process's producer Queue (created on first use, closed by stopJobs). */
export function getQueue(): Queue {
  const runtime = jobsRuntime();
  if (!runtime.queue) {
    const connection = createRedisConnection("producer");
    connection.on("error", () => undefined); // reported through the queue's "error" event
    const queue = new Queue(runtime.config.queueName, { connection, prefix: runtime.config.prefix });
    queue.on("error", logRedisErrorOnce("queue"));
    connection.on("ready", () => logRedisErrorOnce.reset("queue"));
    runtime.queue = queue;
    runtime.queueConnection = connection;
  }
  return runtime.queue;
}

/** Closes the producer queue and its Redis connection, if open. */
export async function closeQueue(): Promise<void> {
  const runtime = jobsRuntime();
  const { queue, queueConnection } = runtime;
  runtime.queue = undefined;
  runtime.queueConnection = undefined;
  if (queue) await queue.close().catch((error) => console.error("[jobs] closing queue:", error));
  if (queueConnection) await queueConnection.quit().catch(() => queueConnection.disconnect());
}
