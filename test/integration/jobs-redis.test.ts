import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getJobDefinition } from "~/modules/jobs/catalog";
import { stopJobs } from "~/modules/jobs/lifecycle.server";
import { bullJobOptions, configureJobs, enqueue, enqueueByName, getQueue } from "~/modules/jobs/queue.server";
import { getJobRun, waitForJobRun } from "~/modules/jobs/runs.server";
import { startWorker, syncJobSchedulers, type WorkerRuntime } from "~/modules/jobs/worker.server";
import { jobSchedules, type JobSchedule } from "../../jobs/schedules";
import { db } from "~/utils/db.server";
import { calls, registerCommonTestJobs } from "../support/test-jobs";

/**
 * Runs only when REDIS_URL is set. When it is set, an unreachable Redis fails this file loudly
 * (the ioredis connect error) instead of skipping: CI sets REDIS_URL precisely to run these.
 */
const REDIS_URL = process.env.REDIS_URL;
// Unique per run so parallel or aborted runs never share keys.
const PREFIX = `test-jobs-${process.pid}-${Date.now().toString(36)}`;
const FAST_BACKOFF = { baseDelayMs: 25, maxDelayMs: 200 };

async function assertRedisReachable(url: string): Promise<void> {
  const probe = new Redis(url, {
    lazyConnect: true,
    connectTimeout: 3000,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
  });
  let connectError: unknown;
  probe.on("error", (error) => {
    connectError ??= error; // the real cause (ECONNREFUSED, ENOTFOUND…); connect() only says "closed"
  });
  try {
    await probe.connect();
    await probe.ping();
  } catch (error) {
    const cause = connectError ?? error;
    const reason = cause instanceof Error ? cause.message : String(cause);
    throw new Error(`REDIS_URL is set${process.env.CI ? " (CI)" : ""} but Redis is unreachable: ${reason}`, {
      cause,
    });
  } finally {
    probe.disconnect();
  }
}

async function waitFor<T>(probe: () => Promise<T | null | undefined>, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error("condition not met in time");
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe.runIf(Boolean(REDIS_URL))("jobs through BullMQ", () => {
  let worker: WorkerRuntime | undefined;

  beforeAll(async () => {
    await assertRedisReachable(REDIS_URL!);
    configureJobs({ mode: "bullmq", redisUrl: REDIS_URL, prefix: PREFIX, queueName: "default" });

    registerCommonTestJobs(FAST_BACKOFF);

    worker = await startWorker({ concurrency: 2, syncSchedules: false });
  });

  afterAll(async () => {
    if (!worker) return; // setup failed: nothing to clean, and Redis may be down
    await worker.close();
    await getQueue().obliterate({ force: true });
    await stopJobs();
  });

  it("enqueues through Redis and records the run", async () => {
    const handle = await enqueueByName("test.echo", { id: "redis-1" });
    expect(handle.mode).toBe("bullmq");

    const queued = await getQueue().getJob(handle.runId);
    expect(queued?.name).toBe("test.echo");
    expect(queued?.opts.attempts).toBe(3);

    const outcome = await handle.finished;
    expect(outcome).toMatchObject({ status: "succeeded", attempts: 1 });
    const run = await getJobRun(handle.runId);
    expect(run).toMatchObject({
      name: "test.echo",
      mode: "bullmq",
      status: "succeeded",
      attempts: 1,
      queueJobId: handle.runId,
      scheduled: false,
      payload: { id: "redis-1" },
      result: { echoed: "redis-1", mode: "bullmq", scheduled: false },
    });
    expect(run!.durationMs).toBeGreaterThanOrEqual(0);
  });

  it("runs the real maintenance job through the worker", async () => {
    const outcome = await (await enqueue("login-attempts.prune", {})).finished;
    expect(outcome).toMatchObject({ status: "succeeded", result: { deleted: 0 } });
  });

  it("retries with the job's backoff and records attempts=2", async () => {
    const handle = await enqueueByName("test.flaky", { id: "redis-retry", failures: 1 });
    const outcome = await handle.finished;
    expect(outcome).toMatchObject({ status: "succeeded", attempts: 2, result: { succeededOnCall: 2 } });
    expect(await getJobRun(handle.runId)).toMatchObject({ status: "succeeded", attempts: 2, error: null });
    const job = await getQueue().getJob(handle.runId);
    expect(job?.attemptsMade).toBe(2); // BullMQ counts the successful attempt too
  });

  it("fails after maxAttempts with the error recorded", async () => {
    const handle = await enqueueByName("test.broken", { id: "redis-fail" });
    const outcome = await handle.finished;
    expect(outcome).toMatchObject({ status: "failed", attempts: 3 });
    expect(calls.get("broken:redis-fail")).toBe(3);
    const run = await getJobRun(handle.runId);
    expect(run!.error).toMatch(/^Error: always broken \(redis-fail\)/);
    await waitFor(async () => (await getQueue().getJob(handle.runId))?.isFailed());
  });

  it("dedupes by idempotency key (JobRun unique key + BullMQ jobId)", async () => {
    const key = `redis-idem-${PREFIX}`;
    const handles = await Promise.all(
      Array.from({ length: 4 }, () => enqueueByName("test.echo", { id: "redis-idem" }, { idempotencyKey: key })),
    );
    expect(new Set(handles.map((handle) => handle.runId)).size).toBe(1);
    await handles[0]!.finished;
    const again = await enqueueByName("test.echo", { id: "redis-idem" }, { idempotencyKey: key });
    expect(again).toMatchObject({ runId: handles[0]!.runId, deduplicated: true });
    expect(calls.get("echo:redis-idem")).toBe(1);
    expect(await db.jobRun.count({ where: { idempotencyKey: key } })).toBe(1);
  });

  it("re-validates the payload in the worker and fails without retrying", async () => {
    // Bypass enqueue's validation, as a stale or foreign producer might.
    const job = await getQueue().add(
      "test.echo",
      { payload: { id: 123 } },
      { ...bullJobOptions(getJobDefinition("test.echo")), jobId: `bad-payload-${PREFIX}` },
    );
    const run = await waitFor(() =>
      db.jobRun.findFirst({ where: { queueJobId: job.id!, status: "failed" }, select: { id: true } }),
    );
    const recorded = await getJobRun(run.id);
    expect(recorded).toMatchObject({ attempts: 1, mode: "bullmq", name: "test.echo" });
    expect(recorded!.error).toMatch(/Invalid payload for job "test\.echo"/);
    expect(calls.get("echo:123")).toBeUndefined();
  });

  it("upserts job schedulers that create repeatable jobs, and removes stale ones", async () => {
    const queue = getQueue();
    const { upserted } = await syncJobSchedulers({ timeZone: "Asia/Shanghai" });
    expect(upserted.sort()).toEqual(jobSchedules.map((schedule) => schedule.id).sort());

    const schedulers = await queue.getJobSchedulers(0, -1);
    const hourly = schedulers.find((scheduler) => scheduler.key === "sessions.purge-expired.hourly");
    expect(hourly).toMatchObject({ name: "sessions.purge-expired", pattern: "0 * * * *", tz: "Asia/Shanghai" });
    expect(schedulers.find((scheduler) => scheduler.key === "login-attempts.prune.daily")).toMatchObject({
      pattern: "30 3 * * *",
    });
    // Each scheduler keeps its next job waiting as a delayed job.
    const delayed = await queue.getDelayed();
    expect(delayed.map((job) => job.name)).toEqual(
      expect.arrayContaining(["sessions.purge-expired", "login-attempts.prune"]),
    );

    // Upserting again does not duplicate.
    await syncJobSchedulers({ timeZone: "Asia/Shanghai" });
    expect(await queue.getJobSchedulersCount()).toBe(jobSchedules.length);

    // A schedule dropped from the list is removed.
    const { removed } = await syncJobSchedulers({ schedules: jobSchedules.slice(1) });
    expect(removed).toEqual([jobSchedules[0]!.id]);
    expect(await queue.getJobSchedulersCount()).toBe(jobSchedules.length - 1);
    await syncJobSchedulers({ schedules: [] });
    expect(await queue.getJobSchedulersCount()).toBe(0);
  });

  it("records scheduler-created runs, upserted by queueJobId", async () => {
    const schedule = {
      id: "test.echo.every-second",
      job: "test.echo",
      pattern: "* * * * * *",
      payload: { id: "redis-tick" },
    } as unknown as JobSchedule;
    await syncJobSchedulers({ schedules: [schedule] });
    try {
      const run = await waitFor(() =>
        db.jobRun.findFirst({
          where: { name: "test.echo", scheduled: true, status: "succeeded" },
          select: { id: true, queueJobId: true, mode: true, result: true, attempts: true },
        }),
      );
      expect(run.mode).toBe("bullmq");
      expect(run.queueJobId).toMatch(/^repeat:test\.echo\.every-second:/);
      expect(run.result).toMatchObject({ echoed: "redis-tick", scheduled: true });
      expect(await waitForJobRun(run.id)).toMatchObject({ status: "succeeded", attempts: 1 });
    } finally {
      await syncJobSchedulers({ schedules: [] });
    }
  });
});
