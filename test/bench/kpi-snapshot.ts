/**
 * Benchmark: the KPI snapshot of one month for a large contact centre, on PostgreSQL.
 *
 *   npm run bench:kpi                         500 agents, ~900,000 conversations, ~13,000,000 messages
 *   KPI_BENCH_SCALE=0.1 npm run bench:kpi     a tenth of the conversations and messages (same 500 agents)
 *   npm run bench:kpi -- --keep               keep the database (rerun with --reuse to skip generation)
 *
 * Needs PostgreSQL: the server in BENCH_DATABASE_URL, DATABASE_URL or TEST_DATABASE_URL (postgresql://…); refuses
 * PGlite. It creates (drops first) the database kpi_bench on that server, migrates it and generates the data with
 * server-side SQL (INSERT … SELECT generate_series): 25 teams of 20 agents (5 keep business hours), November 2026
 * in Asia/Shanghai, 5 % of conversations shared by two agents, 10 QA reviews, 2 exam attempts, an assignment
 * and a 360 score per agent. Then a worker process (this file with --worker) runs computeKpiSnapshots for the
 * month twice (the second run is the daily rerun that replaces every row) and reports its times and peak memory.
 */
import { spawn } from "node:child_process";
import { parseArgs } from "node:util";
import { applyMigrations, postgresFactory } from "../../prisma/migrate-engine";
import { databaseUrl, dropPostgresDatabase, quoteIdentifier, withServerConnection } from "../support/postgres";

const DATABASE = "kpi_bench";
const AGENTS = 500;
const TEAMS = 25;
const MONTH = "2026-11";

const { values } = parseArgs({
  options: {
    worker: { type: "boolean", default: false },
    keep: { type: "boolean", default: false },
    reuse: { type: "boolean", default: false },
  },
});

const log = (label: string, value: string | number) => console.log(`${label.padEnd(40)} ${value}`);
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

async function worker() {
  const { parsePeriodKey } = await import("~/modules/kpi/periods");
  const { computeKpiSnapshots } = await import("~/modules/kpi/snapshot.server");
  const { closeDatabase } = await import("~/utils/db.server");
  const period = parsePeriodKey(MONTH)!;
  const first = await computeKpiSnapshots(period, { trigger: "manual", timeZone: "Asia/Shanghai" });
  const second = await computeKpiSnapshots(period, { trigger: "manual", timeZone: "Asia/Shanghai" });
  await closeDatabase();
  // maxRSS is in kilobytes.
  process.stdout.write(`${JSON.stringify({ first, second, maxRssMb: process.resourceUsage().maxRSS / 1024 })}\n`);
}

async function generate(url: string, scale: number) {
  const { PrismaPg } = await import("@prisma/adapter-pg");
  const { PrismaClient } = await import("~/generated/prisma/client");
  const db = new PrismaClient({ adapter: new PrismaPg({ connectionString: url }) });
  const conversations = Math.round(900_000 * scale);
  const step = async (label: string, sql: string) => {
    const started = performance.now();
    const count = await db.$executeRawUnsafe(sql);
    log(label, `${count.toLocaleString("en")} rows in ${seconds(performance.now() - started)}`);
  };
  try {
    await step(
      "teams",
      `INSERT INTO "Team" ("id", "code", "name", "updatedAt")
       SELECT 'team-' || t, 'B' || lpad(t::text, 2, '0'), '压测' || t || '组', now() FROM generate_series(1, ${TEAMS}) t`,
    );
    await step(
      "business hours",
      `INSERT INTO "TeamBusinessHours" ("teamId", "enabled", "timeZone", "workingDays", "startMinute", "endMinute", "updatedAt")
       SELECT 'team-' || t, TRUE, 'Asia/Shanghai', ARRAY[1,2,3,4,5,6], 540, 1260, now() FROM generate_series(1, 5) t`,
    );
    await step(
      "agents",
      `INSERT INTO "User" ("id", "externalId", "name", "teamId", "updatedAt")
       SELECT 'agent-' || a, 'B' || lpad(a::text, 4, '0'), '客服' || a, 'team-' || (1 + (a - 1) % ${TEAMS}), now()
       FROM generate_series(1, ${AGENTS}) a`,
    );
    // Conversation i: agent 1 + i % 500, started in November (Shanghai), 08:00–22:00; every 20th shared with the
    // next agent, who answers last.
    await step(
      "conversations",
      `INSERT INTO "Conversation" ("id", "externalId", "channel", "startedAt", "endedAt", "customerRef", "csat",
         "resolved", "complaint", "converted", "messageCount", "handlingSeconds", "firstResponseSeconds",
         "longestWaitSeconds", "primaryAgentId", "firstResponderId", "lastAgentId", "csatRequested", "teamId",
         "contentHash", "updatedAt")
       SELECT 'conv-' || i, 'BENCH-' || i, 'chat', s.started, s.started + (n_msgs * 40) * interval '1 second',
         'buyer' || (i % 50000),
         CASE WHEN i % 3 = 0 THEN NULL ELSE 1 + (i * 7919) % 5 END,
         CASE WHEN i % 10 = 0 THEN NULL ELSE i % 7 <> 0 END,
         i % 53 = 0,
         CASE WHEN i % 4 = 0 THEN i % 3 = 0 ELSE NULL END,
         n_msgs, n_msgs * 40, 30, 60,
         'agent-' || (1 + i % ${AGENTS}), 'agent-' || (1 + i % ${AGENTS}),
         'agent-' || (1 + (i + CASE WHEN i % 20 = 0 THEN 1 ELSE 0 END) % ${AGENTS}),
         i % 2 = 0, 'team-' || (1 + (i % ${AGENTS}) % ${TEAMS}), md5(i::text), now()
       FROM generate_series(1::bigint, ${conversations}) i
       CROSS JOIN LATERAL (
         SELECT (('2026-11-01'::timestamp + ((i * 2654435761::bigint) % 2592000) * interval '1 second')
                  AT TIME ZONE 'Asia/Shanghai') AT TIME ZONE 'UTC' AS started,
                12 + (i % 6) AS n_msgs
       ) s`,
    );
    await step(
      "conversation agents",
      `INSERT INTO "ConversationAgent" ("conversationId", "userId")
       SELECT 'conv-' || i, 'agent-' || (1 + i % ${AGENTS}) FROM generate_series(1::bigint, ${conversations}) i
       UNION ALL
       SELECT 'conv-' || i, 'agent-' || (1 + (i + 1) % ${AGENTS}) FROM generate_series(20, ${conversations}, 20) i`,
    );
    // 12–17 messages (mean 14.5): customer on even positions, agent on odd ones 5–114 s later; the last agent
    // message of a shared conversation comes from the second agent.
    await step(
      "messages",
      `INSERT INTO "Message" ("conversationId", "seq", "sender", "agentId", "sentAt", "waitStartedAt", "text")
       SELECT c."id", m.seq,
         (CASE WHEN m.seq % 2 = 0 THEN 'customer' ELSE 'agent' END)::"MessageSender",
         CASE WHEN m.seq % 2 = 1 THEN
           CASE WHEN m.seq = c."messageCount" - 1 OR m.seq = c."messageCount" - 2 THEN c."lastAgentId"
                ELSE c."firstResponderId" END END,
         c."startedAt" + (m.seq / 2) * interval '120 seconds'
           + CASE WHEN m.seq % 2 = 1 THEN (5 + ((hashtext(c."id") & 65535) + m.seq * 31) % 110) * interval '1 second'
                  ELSE interval '0' END,
         CASE WHEN m.seq % 2 = 1 THEN c."startedAt" + (m.seq / 2) * interval '120 seconds' END,
         '消息'
       FROM "Conversation" c
       CROSS JOIN LATERAL generate_series(0, c."messageCount" - 1) AS m(seq)`,
    );
    await step(
      "rubric and reviews",
      `WITH r AS (
         INSERT INTO "Rubric" ("id", "slug", "name", "status", "updatedAt")
         VALUES ('bench-rubric', 'bench', '压测质检表', 'active', now()) RETURNING "id"
       ), v AS (
         INSERT INTO "RubricVersion" ("id", "rubricId", "version") SELECT 'bench-version', "id", 1 FROM r RETURNING "id"
       ), i AS (
         INSERT INTO "User" ("id", "externalId", "name", "updatedAt") VALUES ('inspector', 'QBENCH', '质检员', now())
         RETURNING "id"
       )
       INSERT INTO "Review" ("id", "conversationId", "agentId", "inspectorId", "rubricVersionId", "status",
         "submittedAt", "score", "passed", "criticalFailed", "updatedAt")
       SELECT 'review-' || k, 'conv-' || k, c."lastAgentId", (SELECT "id" FROM i), (SELECT "id" FROM v), 'submitted',
         c."startedAt" + interval '1 day', 60 + k % 41, k % 41 >= 20, k % 97 = 0, now()
       FROM generate_series(1, ${AGENTS * 10}) k JOIN "Conversation" c ON c."id" = 'conv-' || (k * 37 % ${conversations} + 1)`,
    );
    await step(
      "exam attempts",
      `WITH e AS (
         INSERT INTO "Exam" ("id", "slug", "title", "updatedAt") VALUES ('bench-exam', 'bench', '压测考试', now())
         RETURNING "id"
       )
       INSERT INTO "ExamAttempt" ("id", "examId", "userId", "number", "seed", "status", "submittedAt", "maxScore",
         "score", "percent", "passed", "updatedAt")
       SELECT 'attempt-' || a || '-' || n, (SELECT "id" FROM e), 'agent-' || a, n, 's', 'graded',
         '2026-11-10T02:00:00'::timestamp + (a * n) * interval '1 minute', 100, 50 + (a * n) % 50, 50 + (a * n) % 50,
         50 + (a * n) % 50 >= 60, now()
       FROM generate_series(1, ${AGENTS}) a CROSS JOIN generate_series(1, 2) n`,
    );
    await step(
      "assignment recipients",
      `WITH la AS (
         INSERT INTO "LearningAssignment" ("id", "kind", "examId", "target") VALUES ('bench-assign', 'exam', 'bench-exam', 'users')
         RETURNING "id"
       )
       INSERT INTO "AssignmentRecipient" ("id", "assignmentId", "userId", "dueAt", "completedAt")
       SELECT 'recipient-' || a, (SELECT "id" FROM la), 'agent-' || a, '2026-11-20T15:59:00'::timestamp,
         CASE WHEN a % 5 = 0 THEN NULL ELSE '2026-11-18T02:00:00'::timestamp END
       FROM generate_series(1, ${AGENTS}) a`,
    );
    await step(
      "360 scores",
      `WITH t AS (
         INSERT INTO "FeedbackTemplate" ("id", "key", "name", "updatedAt") VALUES ('bench-template', 'bench', '压测模板', now())
         RETURNING "id"
       ), c AS (
         INSERT INTO "FeedbackCycle" ("id", "name", "templateId", "periodStart", "periodEnd", "dueAt", "status",
           "groupWeights", "updatedAt")
         SELECT 'bench-cycle', '压测周期', "id", '2026-09-01', '2026-11-30', '2026-12-10', 'closed', '{}', now() FROM t
         RETURNING "id"
       )
       INSERT INTO "FeedbackSubject" ("id", "cycleId", "userId", "overallScore")
       SELECT 'subject-' || a, (SELECT "id" FROM c), 'agent-' || a, 3 + (a % 20) / 10.0 FROM generate_series(1, ${AGENTS}) a`,
    );
    const started = performance.now();
    await db.$executeRawUnsafe(`VACUUM ANALYZE`);
    log("vacuum analyze", seconds(performance.now() - started));
  } finally {
    await db.$disconnect();
  }
}

function runWorker(url: string): Promise<{
  first: { rows: number; durationMs: number; sources: Record<string, number> };
  second: { rows: number; durationMs: number; sources: Record<string, number> };
  maxRssMb: number;
}> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...process.execArgv, process.argv[1]!, "--worker"], {
      env: { ...process.env, DATABASE_URL: url, APP_TIME_ZONE: "Asia/Shanghai" },
      stdio: ["ignore", "pipe", "inherit"],
    });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.on("error", reject);
    child.on("exit", (code) => {
      if (code !== 0) return reject(new Error(`worker exited with ${code}`));
      try {
        resolve(JSON.parse(output.trim().split("\n").pop()!));
      } catch (error) {
        reject(error);
      }
    });
  });
}

async function main() {
  const serverUrl = process.env.BENCH_DATABASE_URL ?? process.env.DATABASE_URL ?? process.env.TEST_DATABASE_URL;
  if (!serverUrl || !/^postgres(ql)?:\/\//.test(serverUrl)) {
    console.error(
      "bench:kpi needs PostgreSQL (not PGlite): set DATABASE_URL (or BENCH_DATABASE_URL) to a postgresql:// server\n" +
        "URL, e.g. DATABASE_URL=postgresql://postgres@127.0.0.1:5432/postgres npm run bench:kpi\n" +
        "(the benchmark creates its own database kpi_bench on that server).",
    );
    process.exit(1);
  }
  const scale = Number(process.env.KPI_BENCH_SCALE ?? "1");
  if (!(scale > 0 && scale <= 2)) throw new Error("KPI_BENCH_SCALE must be in (0, 2]");
  const url = databaseUrl(serverUrl, DATABASE);
  log("database", `${DATABASE} (scale ${scale})`);
  if (!values.reuse) {
    await dropPostgresDatabase(serverUrl, DATABASE);
    await withServerConnection(serverUrl, (connection) =>
      connection.executeScript(`CREATE DATABASE ${quoteIdentifier(DATABASE)}`),
    );
    await applyMigrations(postgresFactory(url));
    const started = performance.now();
    await generate(url, scale);
    log("generation total", seconds(performance.now() - started));
  }
  const result = await runWorker(url);
  for (const [label, run] of [
    ["first run", result.first],
    ["rerun (replaces every row)", result.second],
  ] as const) {
    log(`${label}: total`, `${seconds(run.durationMs)} (${run.rows.toLocaleString("en")} snapshot rows)`);
    for (const [source, ms] of Object.entries(run.sources)) log(`  ${source}`, seconds(ms));
  }
  log("worker peak memory (maxRSS)", `${result.maxRssMb.toFixed(0)} MB`);
  if (!values.keep) await dropPostgresDatabase(serverUrl, DATABASE);
}

if (values.worker) {
  await worker();
} else {
  await main();
}
