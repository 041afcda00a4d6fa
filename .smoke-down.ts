import { configureJobs, enqueue } from "~/modules/jobs/queue.server";
import { stopJobs } from "~/modules/jobs/lifecycle.server";
import { db, closeDatabase } from "~/utils/db.server";
configureJobs({ mode: "bullmq", redisUrl: "redis://127.0.0.1:6390", prefix: "down" });
const t = Date.now();
const before = await db.jobRun.count();
try { await enqueue("sessions.purge-expired", {}); console.log("no error?"); } catch (e) { console.log("error after", Date.now() - t, "ms:", String(e)); }
console.log("rows added:", (await db.jobRun.count()) - before);
const t2 = Date.now();
await stopJobs(); await closeDatabase();
console.log("stopped in", Date.now() - t2);
