import type { Queue } from "bullmq";
import type { Cron } from "croner";
import type { Redis } from "ioredis";
import { env } from "~/utils/env.server";
import type { JobMode } from "./registry";
import type { JobOutcome } from "./runs.server";

export interface JobsConfig {
  /** Forces a mode; by default "bullmq" when a Redis URL is configured, else "inline". */
  mode?: JobMode;
  /** Overrides REDIS_URL. */
  redisUrl?: string;
  /** BullMQ key prefix (tests use a unique one per run). */
  prefix: string;
  /** Single queue; job names are BullMQ job names. */
  queueName: string;
  /** Inline mode: how many handlers may run at once in this process. */
  inlineConcurrency: number;
}

export const DEFAULT_JOBS_CONFIG: JobsConfig = {
  prefix: "bull",
  queueName: "default",
  inlineConcurrency: 4,
};

interface InlineRunnerState {
  active: number;
  /** Runs waiting for a concurrency slot: resolved true with a slot, false at shutdown. */
  waiters: Array<(gotSlot: boolean) => void>;
  /** Runs sleeping out a retry backoff; calling one wakes it for shutdown. */
  sleepers: Set<() => void>;
  /** Every inline run not yet settled, by run id. */
  runs: Map<string, Promise<JobOutcome>>;
}

export interface JobsRuntime {
  config: JobsConfig;
  accepting: boolean;
  stopping: boolean;
  queue?: Queue;
  queueConnection?: Redis;
  inline: InlineRunnerState;
  schedulerCrons: Array<{ id: string; job: string; cron: Cron }>;
}

function freshRuntime(config: JobsConfig): JobsRuntime {
  return {
    config,
    accepting: true,
    stopping: false,
    inline: { active: 0, waiters: [], sleepers: new Set(), runs: new Map() },
    schedulerCrons: [],
  };
}

// On globalThis, like the db client: the Remix server build and the server entry may hold
// separate copies of this module, and both must see the same runs, queue and scheduler.
const globalForJobs = globalThis as unknown as { __jobsRuntime?: JobsRuntime };

export function jobsRuntime(): JobsRuntime {
  globalForJobs.__jobsRuntime ??= freshRuntime({ ...DEFAULT_JOBS_CONFIG });
  return globalForJobs.__jobsRuntime;
}

/**
 * Sets options for this process and reopens a stopped runtime. Call before the first enqueue
 * (tests, the worker entry); the web server normally needs no call at all.
 */
export function configureJobs(options: Partial<JobsConfig>): JobsConfig {
  const current = globalForJobs.__jobsRuntime;
  if (
    current?.queue &&
    (options.prefix !== undefined || options.queueName !== undefined || options.redisUrl !== undefined)
  ) {
    throw new Error("configureJobs: the queue is already open; call stopJobs() first");
  }
  const config = { ...(current?.config ?? DEFAULT_JOBS_CONFIG), ...options };
  if (!current || current.stopping) {
    globalForJobs.__jobsRuntime = freshRuntime(config);
  } else {
    current.config = config;
  }
  return config;
}

export function jobsRedisUrl(): string | undefined {
  return jobsRuntime().config.redisUrl ?? env().REDIS_URL;
}

/** "bullmq" when Redis is configured (REDIS_URL), otherwise "inline". */
export function jobsMode(): JobMode {
  return jobsRuntime().config.mode ?? (jobsRedisUrl() ? "bullmq" : "inline");
}
