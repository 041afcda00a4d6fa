import { runAttempt } from "./attempt.server";
import { backoffDelayMs } from "./backoff";
import { formatJobError } from "./errors";
import type { AnyJobDefinition, JsonValue } from "./registry";
import { markJobRunFailed, type JobOutcome } from "./runs.server";
import { jobsRuntime } from "./runtime.server";

/**
 * Inline mode (no Redis): runs execute asynchronously in this process, bounded by
 * inlineConcurrency, with the same attempts/backoff/bookkeeping as the BullMQ worker.
 * Nothing survives a restart, so shutdown records unfinished runs as failed instead of leaving them queued.
 */
export function startInlineRun(args: {
  runId: string;
  definition: AnyJobDefinition;
  storedPayload: JsonValue;
  maxAttempts: number;
  scheduled: boolean;
}): Promise<JobOutcome> {
  const { inline } = jobsRuntime();
  const outcome = new Promise<void>((resolve) => setImmediate(resolve))
    .then(() => driveInlineRun(args))
    .catch((error: unknown): JobOutcome => {
      // Bookkeeping itself failed (database gone?). Never reject: callers may not await the handle.
      console.error(`[jobs] inline run ${args.runId} (${args.definition.name}) could not be recorded`, error);
      return { runId: args.runId, status: "failed", attempts: 0, result: null, error: formatJobError(error) };
    })
    .finally(() => inline.runs.delete(args.runId));
  inline.runs.set(args.runId, outcome);
  return outcome;
}

/** The in-process promise of a run this process is executing, if any. */
export function inlineRunOutcome(runId: string): Promise<JobOutcome> | undefined {
  return jobsRuntime().inline.runs.get(runId);
}

async function driveInlineRun(args: Parameters<typeof startInlineRun>[0]): Promise<JobOutcome> {
  const { runId, definition, maxAttempts } = args;
  for (let attempt = 1; attempt <= maxAttempts; attempt++) {
    if (!(await acquireSlot())) return abandon(runId, attempt, maxAttempts);
    let result: Awaited<ReturnType<typeof runAttempt>>;
    try {
      result = await runAttempt({
        runId,
        definition,
        storedPayload: args.storedPayload,
        attempt,
        maxAttempts,
        mode: "inline",
        scheduled: args.scheduled,
      });
    } finally {
      releaseSlot();
    }
    if (result.status === "succeeded") {
      return { runId, status: "succeeded", attempts: attempt, result: result.result ?? null, error: null };
    }
    if (result.status === "failed") {
      return { runId, status: "failed", attempts: attempt, result: null, error: result.message };
    }
    if (!(await sleepUnlessStopping(backoffDelayMs(attempt, definition.backoff)))) {
      return abandon(runId, attempt + 1, maxAttempts);
    }
  }
  throw new Error(`unreachable: run ${runId} exhausted attempts without a final status`);
}

async function abandon(runId: string, nextAttempt: number, maxAttempts: number): Promise<JobOutcome> {
  const error = `Interrupted: the process shut down before attempt ${nextAttempt} of ${maxAttempts}`;
  await markJobRunFailed(runId, error);
  return { runId, status: "failed", attempts: nextAttempt - 1, result: null, error };
}

function acquireSlot(): Promise<boolean> {
  const runtime = jobsRuntime();
  if (runtime.stopping) return Promise.resolve(false);
  if (runtime.inline.active < runtime.config.inlineConcurrency) {
    runtime.inline.active++;
    return Promise.resolve(true);
  }
  return new Promise((resolve) => runtime.inline.waiters.push(resolve));
}

function releaseSlot(): void {
  const { inline } = jobsRuntime();
  const next = inline.waiters.shift();
  if (next)
    next(true); // hand the slot over; active count unchanged
  else inline.active--;
}

function sleepUnlessStopping(ms: number): Promise<boolean> {
  const { inline, stopping } = jobsRuntime();
  if (stopping) return Promise.resolve(false);
  return new Promise((resolve) => {
    const wake = () => {
      clearTimeout(timer);
      inline.sleepers.delete(wake);
      resolve(false);
    };
    const timer = setTimeout(() => {
      inline.sleepers.delete(wake);
      resolve(true);
    }, ms);
    inline.sleepers.add(wake);
  });
}

/**
 * Stop taking inline work: runs waiting for a slot or a retry are recorded as interrupted,
 * running handlers are awaited (up to timeoutMs).
 */
export async function stopInlineRunner(timeoutMs: number): Promise<{ timedOut: boolean }> {
  const runtime = jobsRuntime();
  runtime.stopping = true;
  for (const waiter of runtime.inline.waiters.splice(0)) waiter(false);
  for (const wake of [...runtime.inline.sleepers]) wake();
  const pending = [...runtime.inline.runs.values()];
  if (pending.length === 0) return { timedOut: false };
  let timer: NodeJS.Timeout | undefined;
  const timedOut = await Promise.race([
    Promise.all(pending).then(() => false),
    new Promise<boolean>((resolve) => {
      timer = setTimeout(() => resolve(true), timeoutMs);
    }),
  ]);
  clearTimeout(timer);
  if (timedOut) console.warn(`[jobs] ${runtime.inline.runs.size} inline run(s) still running after ${timeoutMs} ms`);
  return { timedOut };
}
