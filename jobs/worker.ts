/**
 * BullMQ worker process (`npm run worker`), Redis mode only.
 * Syncs jobs/schedules.ts into BullMQ job schedulers, then processes the "default" queue.
 * SIGTERM/SIGINT: stop fetching, let running handlers finish, close Redis and the database.
 * JOBS_CONCURRENCY (default 4) sets how many handlers run at once.
 */
import { z } from "zod";
import { stopJobs } from "~/modules/jobs/lifecycle.server";
import { jobsMode } from "~/modules/jobs/queue.server";
import { startWorker } from "~/modules/jobs/worker.server";
import { closeDatabase } from "~/utils/db.server";
import { env } from "~/utils/env.server";

const SHUTDOWN_TIMEOUT_MS = 60_000;

async function main() {
  env(); // fail fast on a bad environment
  if (jobsMode() !== "bullmq") {
    console.error("[worker] REDIS_URL is not set. Without Redis, jobs run inside the web server; no worker is needed.");
    process.exit(1);
  }
  const concurrency = z.coerce
    .number()
    .int()
    .min(1)
    .max(100)
    .default(4)
    .parse(process.env.JOBS_CONCURRENCY ?? undefined);
  const runtime = await startWorker({ concurrency });
  console.info(`[worker] processing jobs (concurrency ${concurrency})`);

  let shuttingDown = false;
  const shutdown = async (signal: NodeJS.Signals) => {
    if (shuttingDown) {
      console.warn(`[worker] ${signal} again: exiting now`);
      process.exit(1);
    }
    shuttingDown = true;
    console.info(`[worker] ${signal}: finishing running jobs…`);
    const forceExit = setTimeout(() => {
      console.error(`[worker] still busy after ${SHUTDOWN_TIMEOUT_MS} ms, exiting`);
      process.exit(1);
    }, SHUTDOWN_TIMEOUT_MS);
    forceExit.unref();
    try {
      await runtime.close();
      await stopJobs();
      await closeDatabase();
      console.info("[worker] stopped");
      process.exit(0);
    } catch (error) {
      console.error("[worker] error during shutdown", error);
      process.exit(1);
    }
  };
  process.on("SIGTERM", (signal) => void shutdown(signal));
  process.on("SIGINT", (signal) => void shutdown(signal));
}

main().catch(async (error) => {
  console.error("[worker] failed to start:", error);
  await closeDatabase().catch(() => undefined);
  process.exit(1);
});
