import { stopInlineRunner } from "./inline-runner.server";
import { stopInlineScheduler } from "./inline-scheduler.server";
import { closeQueue } from "./queue.server";
import { jobsRuntime } from "./runtime.server";

export { startInlineScheduler, stopInlineScheduler } from "./inline-scheduler.server";

/**
 * Graceful shutdown of this process's share of the job system, in both modes:
 * stop accepting enqueues, stop the inline scheduler, wait for running inline handlers
 * (runs still waiting for a slot or a retry are recorded as interrupted), close the producer
 * queue and its Redis connection. The database is left open: close it after this.
 * A BullMQ worker closes its Worker first (see jobs/worker.ts).
 */
export async function stopJobs(options: { timeoutMs?: number } = {}): Promise<void> {
  const runtime = jobsRuntime();
  runtime.accepting = false;
  stopInlineScheduler();
  await stopInlineRunner(options.timeoutMs ?? 30_000);
  await closeQueue();
}
