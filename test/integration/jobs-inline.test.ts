import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { registerJob } from "~/modules/jobs/catalog";
import { startInlineScheduler, stopInlineScheduler, stopJobs } from "~/modules/jobs/lifecycle.server";
import { configureJobs, enqueue, enqueueByName, JobsStoppedError } from "~/modules/jobs/queue.server";
import { defineJob, JobPayloadError, PermanentJobError, UnknownJobError } from "~/modules/jobs/registry";
import { getJobRun, listJobRuns } from "~/modules/jobs/runs.server";
import type { JobSchedule } from "../../jobs/schedules";
import { db } from "~/utils/db.server";
import { calls, countCall, IdPayload, registerCommonTestJobs } from "../support/test-jobs";

// Inline mode even when the environment has REDIS_URL (CI runs both suites).
const FAST_BACKOFF = { baseDelayMs: 20, maxDelayMs: 100 };

registerCommonTestJobs(FAST_BACKOFF);

registerJob(
  defineJob({
    name: "test.permanent",
    payload: IdPayload,
    maxAttempts: 5,
    backoff: FAST_BACKOFF,
    handler: (payload) => {
      countCall(`permanent:${payload.id}`);
      throw new PermanentJobError(`row ${payload.id} is gone`);
    },
  }),
);

registerJob(
  defineJob({
    name: "test.slow",
    payload: z.strictObject({ id: z.string(), ms: z.number().int() }),
    handler: async (payload) => {
      await new Promise((resolve) => setTimeout(resolve, payload.ms));
      countCall(`slow:${payload.id}`);
      return { sleptMs: payload.ms };
    },
  }),
);

registerJob(
  defineJob({
    name: "test.retry-later",
    payload: IdPayload,
    maxAttempts: 3,
    backoff: { baseDelayMs: 60_000, maxDelayMs: 60_000 },
    handler: () => {
      throw new Error("not yet");
    },
  }),
);

beforeAll(() => {
  configureJobs({ mode: "inline", inlineConcurrency: 4 });
});

afterAll(async () => {
  await stopJobs();
});

async function waitFor<T>(probe: () => Promise<T | null | undefined>, timeoutMs = 5000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error("condition not met in time");
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe("inline jobs", () => {
  it("runs a job asynchronously and records the run", async () => {
    const handle = await enqueueByName("test.echo", { id: "success-1" });
    expect(handle.mode).toBe("inline");
    expect(handle.deduplicated).toBe(false);

    const outcome = await handle.finished;
    expect(outcome).toEqual({
      runId: handle.runId,
      status: "succeeded",
      attempts: 1,
      result: { echoed: "success-1", attempt: 1, mode: "inline", scheduled: false },
      error: null,
    });

    const run = await getJobRun(handle.runId);
    expect(run).toMatchObject({
      name: "test.echo",
      mode: "inline",
      status: "succeeded",
      attempts: 1,
      maxAttempts: 3,
      scheduled: false,
      error: null,
      payload: { id: "success-1" },
      result: { echoed: "success-1", attempt: 1, mode: "inline", scheduled: false },
      queueJobId: null,
    });
    expect(run!.startedAt!.getTime()).toBeGreaterThanOrEqual(run!.queuedAt.getTime());
    expect(run!.finishedAt!.getTime()).toBeGreaterThanOrEqual(run!.startedAt!.getTime());
    expect(run!.durationMs).toBe(run!.finishedAt!.getTime() - run!.startedAt!.getTime());
  });

  it("creates the row as queued before the handler runs", async () => {
    const handle = await enqueueByName("test.slow", { id: "queued-1", ms: 100 });
    const early = await getJobRun(handle.runId);
    expect(["queued", "running"]).toContain(early!.status);
    await handle.finished;
    expect((await getJobRun(handle.runId))!.status).toBe("succeeded");
  });

  it("retries with backoff and records attempts=2 when the second attempt succeeds", async () => {
    const started = Date.now();
    const handle = await enqueueByName("test.flaky", { id: "retry-1", failures: 1 });
    const outcome = await handle.finished;
    expect(outcome.status).toBe("succeeded");
    expect(outcome.attempts).toBe(2);
    expect(Date.now() - started).toBeGreaterThanOrEqual(FAST_BACKOFF.baseDelayMs);

    const run = await getJobRun(handle.runId);
    expect(run).toMatchObject({ status: "succeeded", attempts: 2, error: null, result: { succeededOnCall: 2 } });
    expect(calls.get("flaky:retry-1")).toBe(2);
  });

  it("fails permanently after maxAttempts and records the error", async () => {
    const started = Date.now();
    const handle = await enqueueByName("test.broken", { id: "fail-1" });
    const outcome = await handle.finished;
    expect(outcome.status).toBe("failed");
    expect(outcome.attempts).toBe(3);
    // Backoff before attempts 2 and 3: 20 ms + 40 ms.
    expect(Date.now() - started).toBeGreaterThanOrEqual(60);
    expect(calls.get("broken:fail-1")).toBe(3);

    const run = await getJobRun(handle.runId);
    expect(run).toMatchObject({ status: "failed", attempts: 3, maxAttempts: 3, result: null });
    expect(run!.error).toMatch(/^Error: always broken \(fail-1\)\n\s+at /);
    expect(run!.finishedAt).not.toBeNull();
  });

  it("does not retry a PermanentJobError", async () => {
    const handle = await enqueueByName("test.permanent", { id: "perm-1" });
    const outcome = await handle.finished;
    expect(outcome).toMatchObject({ status: "failed", attempts: 1 });
    expect(outcome.error).toMatch(/^PermanentJobError: row perm-1 is gone/);
    expect(calls.get("permanent:perm-1")).toBe(1);
  });

  it("rejects a bad payload before storing anything", async () => {
    const before = await db.jobRun.count();
    await expect(enqueueByName("test.echo", { id: 42 })).rejects.toThrow(JobPayloadError);
    await expect(enqueueByName("test.echo", { id: "x", extra: true })).rejects.toThrow(
      /Invalid payload for job "test\.echo"/,
    );
    // Typed API: the maintenance jobs take an empty payload.
    await expect(enqueue("sessions.purge-expired", { olderThan: 1 } as never)).rejects.toThrow(JobPayloadError);
    await expect(enqueueByName("no.such-job", {})).rejects.toThrow(UnknownJobError);
    expect(await db.jobRun.count()).toBe(before);
  });

  it("dedupes by idempotency key: one run, one execution", async () => {
    const first = await enqueueByName("test.echo", { id: "idem-1" }, { idempotencyKey: "idem-key-1" });
    const second = await enqueueByName("test.echo", { id: "idem-1" }, { idempotencyKey: "idem-key-1" });
    expect(second.runId).toBe(first.runId);
    expect(second.deduplicated).toBe(true);
    expect((await second.finished).status).toBe("succeeded");
    await first.finished;

    // After completion the key still returns the finished run.
    const third = await enqueueByName("test.echo", { id: "idem-1" }, { idempotencyKey: "idem-key-1" });
    expect(third.runId).toBe(first.runId);
    expect((await third.finished).status).toBe("succeeded");

    expect(calls.get("echo:idem-1")).toBe(1);
    expect(await db.jobRun.count({ where: { idempotencyKey: "idem-key-1" } })).toBe(1);
  });

  it("dedupes concurrent enqueues with the same key", async () => {
    const handles = await Promise.all(
      Array.from({ length: 6 }, () => enqueueByName("test.echo", { id: "idem-2" }, { idempotencyKey: "idem-key-2" })),
    );
    expect(new Set(handles.map((handle) => handle.runId)).size).toBe(1);
    await Promise.all(handles.map((handle) => handle.finished));
    expect(calls.get("echo:idem-2")).toBe(1);
  });

  it("refuses an idempotency key that belongs to another job", async () => {
    await (
      await enqueueByName("test.echo", { id: "idem-3" }, { idempotencyKey: "idem-key-3" })
    ).finished;
    await expect(enqueueByName("test.slow", { id: "idem-3", ms: 1 }, { idempotencyKey: "idem-key-3" })).rejects.toThrow(
      /already belongs to a "test\.echo" run/,
    );
  });

  it("lists runs with pagination and filters", async () => {
    await Promise.all(
      ["list-a", "list-b", "list-c"].map(
        async (id) => (await enqueueByName("test.flaky", { id, failures: 0 })).finished,
      ),
    );
    const page1 = await listJobRuns({ name: "test.flaky", status: "succeeded", page: 1, pageSize: 2 });
    const page2 = await listJobRuns({ name: "test.flaky", status: "succeeded", page: 2, pageSize: 2 });
    const total = await db.jobRun.count({ where: { name: "test.flaky", status: "succeeded" } });
    expect(page1.total).toBe(total);
    expect(page1.rows).toHaveLength(2);
    expect(page2.rows.length).toBe(Math.min(2, total - 2));
    expect(new Set([...page1.rows, ...page2.rows].map((row) => row.id)).size).toBe(
      page1.rows.length + page2.rows.length,
    );
    for (const row of [...page1.rows, ...page2.rows]) {
      expect(row).toMatchObject({ name: "test.flaky", status: "succeeded" });
      expect(row).not.toHaveProperty("payload");
    }
    expect(page1.rows[0]!.queuedAt.getTime()).toBeGreaterThanOrEqual(page1.rows[1]!.queuedAt.getTime());

    const failed = await listJobRuns({ status: "failed" });
    expect(failed.rows.every((row) => row.status === "failed")).toBe(true);
    expect(failed.rows.some((row) => row.name === "test.broken")).toBe(true);

    // Junk from a query string falls back to defaults instead of throwing.
    const junk = await listJobRuns({ page: "-3" as never, pageSize: "9999" as never, status: "bogus" as never });
    expect(junk.page).toBe(1);
    expect(junk.pageSize).toBe(25);
    expect(await getJobRun("does-not-exist")).toBeNull();
  });

  it("fires schedules in-process with one run per slot", async () => {
    const schedule = {
      id: "test.echo.every-second",
      job: "test.echo",
      pattern: "* * * * * *",
      payload: { id: "tick" },
    } as unknown as JobSchedule;
    const started = startInlineScheduler({ schedules: [schedule], force: true, timeZone: "Asia/Shanghai" });
    expect(started.started).toBe(true);
    try {
      const run = await waitFor(() =>
        db.jobRun.findFirst({ where: { name: "test.echo", scheduled: true, status: "succeeded" } }),
      );
      expect(run.idempotencyKey).toMatch(/^schedule:test\.echo\.every-second:\d{4}-\d\d-\d\dT/);
      expect(run.result).toMatchObject({ echoed: "tick", scheduled: true });
    } finally {
      stopInlineScheduler();
    }
    const runs = await db.jobRun.findMany({
      where: { name: "test.echo", scheduled: true },
      select: { idempotencyKey: true },
    });
    expect(new Set(runs.map((run) => run.idempotencyKey)).size).toBe(runs.length);
  });

  it("does not start the inline scheduler in Redis mode", () => {
    configureJobs({ mode: "bullmq" });
    try {
      expect(startInlineScheduler({ force: true })).toEqual({ started: false, reason: "redis-mode" });
    } finally {
      configureJobs({ mode: "inline" });
    }
  });
});

describe("maintenance jobs", () => {
  const DAY = 24 * 60 * 60 * 1000;

  it("sessions.purge-expired deletes sessions expired or revoked over a day ago", async () => {
    const now = Date.now();
    const user = await db.user.create({ data: { externalId: "jobs-maint-1", name: "Maintenance Tester" } });
    const session = (id: string, expiresAt: number, revokedAt?: number) => ({
      id,
      userId: user.id,
      expiresAt: new Date(expiresAt),
      revokedAt: revokedAt === undefined ? null : new Date(revokedAt),
    });
    await db.session.createMany({
      data: [
        session("s-expired-2d", now - 2 * DAY),
        session("s-expired-12h", now - DAY / 2),
        session("s-active", now + 7 * DAY),
        session("s-revoked-2d", now + 7 * DAY, now - 2 * DAY),
        session("s-revoked-1h", now + 7 * DAY, now - 60 * 60 * 1000),
      ],
    });

    const outcome = await (await enqueue("sessions.purge-expired", {})).finished;
    expect(outcome.status).toBe("succeeded");
    expect(outcome.result).toMatchObject({ deleted: 2 });
    const left = await db.session.findMany({
      where: { userId: user.id },
      select: { id: true },
      orderBy: { id: "asc" },
    });
    expect(left.map((row) => row.id)).toEqual(["s-active", "s-expired-12h", "s-revoked-1h"]);

    // Idempotent: nothing more to delete.
    const again = await (await enqueue("sessions.purge-expired", {})).finished;
    expect(again.result).toMatchObject({ deleted: 0 });
  });

  it("login-attempts.prune deletes attempts older than 30 days", async () => {
    const now = Date.now();
    const attempt = (login: string, ageDays: number) => ({
      login,
      ipAddress: "203.0.113.7",
      succeeded: false,
      createdAt: new Date(now - ageDays * DAY),
    });
    await db.loginAttempt.createMany({
      data: [attempt("old-1", 31), attempt("old-2", 90), attempt("recent-1", 29), attempt("recent-2", 0)],
    });

    const outcome = await (await enqueue("login-attempts.prune", {})).finished;
    expect(outcome).toMatchObject({ status: "succeeded", result: { deleted: 2 } });
    const left = await db.loginAttempt.findMany({ select: { login: true }, orderBy: { login: "asc" } });
    expect(left.map((row) => row.login)).toEqual(["recent-1", "recent-2"]);

    const again = await (await enqueue("login-attempts.prune", {})).finished;
    expect(again.result).toMatchObject({ deleted: 0 });
  });
});

// Last: stopJobs closes the runtime for this file.
describe("graceful shutdown", () => {
  it("waits for running handlers, records interrupted retries, refuses new work", async () => {
    const slow = await enqueueByName("test.slow", { id: "shutdown-1", ms: 300 });
    const retrying = await enqueueByName("test.retry-later", { id: "shutdown-2" });
    await waitFor(async () => {
      const [slowRun, retryRun] = await Promise.all([getJobRun(slow.runId), getJobRun(retrying.runId)]);
      return slowRun?.status === "running" && retryRun?.status === "retrying";
    });

    await stopJobs({ timeoutMs: 5000 });

    expect(calls.get("slow:shutdown-1")).toBe(1);
    expect(await getJobRun(slow.runId)).toMatchObject({ status: "succeeded", result: { sleptMs: 300 } });
    const interrupted = await getJobRun(retrying.runId);
    expect(interrupted).toMatchObject({ status: "failed", attempts: 1 });
    expect(interrupted!.error).toMatch(/shut down before attempt 2 of 3/);
    expect((await retrying.finished).status).toBe("failed");

    await expect(enqueueByName("test.echo", { id: "late" })).rejects.toThrow(JobsStoppedError);
  });
});
