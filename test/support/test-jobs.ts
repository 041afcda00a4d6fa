// Test-only job definitions shared by the inline and BullMQ job suites, with per-key call counters so
// each test owns its handler state.
import { z } from "zod";
import { registerJob } from "~/modules/jobs/catalog";
import { defineJob, type BackoffPolicy } from "~/modules/jobs/registry";

export const calls = new Map<string, number>();

export function countCall(key: string): number {
  const next = (calls.get(key) ?? 0) + 1;
  calls.set(key, next);
  return next;
}

export const IdPayload = z.strictObject({ id: z.string().min(1) });

/** test.echo (returns what it saw), test.flaky (fails `failures` times, then succeeds), test.broken (always fails). */
export function registerCommonTestJobs(backoff: Partial<BackoffPolicy>) {
  registerJob(
    defineJob({
      name: "test.echo",
      payload: IdPayload,
      handler: (payload, context) => {
        countCall(`echo:${payload.id}`);
        return { echoed: payload.id, attempt: context.attempt, mode: context.mode, scheduled: context.scheduled };
      },
    }),
  );
  registerJob(
    defineJob({
      name: "test.flaky",
      payload: z.strictObject({ id: z.string(), failures: z.number().int().min(0) }),
      maxAttempts: 3,
      backoff,
      handler: (payload) => {
        const call = countCall(`flaky:${payload.id}`);
        if (call <= payload.failures) throw new Error(`transient failure ${call}`);
        return { succeededOnCall: call };
      },
    }),
  );
  registerJob(
    defineJob({
      name: "test.broken",
      payload: IdPayload,
      maxAttempts: 3,
      backoff,
      handler: (payload) => {
        countCall(`broken:${payload.id}`);
        throw new Error(`always broken (${payload.id})`);
      },
    }),
  );
}
