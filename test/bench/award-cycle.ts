/**
 * Benchmark: computing an award cycle and the monthly boards for 2,000 agents, on PostgreSQL.
 *
 *   npm run bench:awards                 2,000 agents in 40 teams, November 2026
 *   npm run bench:awards -- --keep       keep the database (rerun with --reuse to skip generation)
 *
 * Needs PostgreSQL: the server in BENCH_DATABASE_URL, DATABASE_URL or TEST_DATABASE_URL (postgresql://…); refuses
 * PGlite. It creates (drops first) the database awards_bench on that server, migrates it and inserts a month of
 * KPI snapshots directly (no conversations: the snapshot job has its own benchmark) with server-side SQL: per agent
 * and per team, conversations handled, CSAT, resolution rate, first response median, complaint rate, QA score and
 * red-line incidents, with believable spreads and sample sizes (one agent in five has a QA score; the review
 * facts query runs but finds no Review rows, which costs the same index lookup as real ones at this size). Then a
 * worker process syncs the KPI definitions and award programmes
 * from content/, computes the 月度服务之星 cycle twice (the second run must give the same inputs hash), the
 * 最佳团队精神奖 cycle for the teams, and the boards (company + 40 teams), and reports times and peak memory.
 */
import { spawn } from "node:child_process";
import path from "node:path";
import { parseArgs } from "node:util";
import { applyMigrations, postgresFactory } from "../../prisma/migrate-engine";
import { databaseUrl, dropPostgresDatabase, quoteIdentifier, withServerConnection } from "../support/postgres";

const DATABASE = "awards_bench";
const AGENTS = 2000;
const TEAMS = 40;
const MONTH = "2026-11-01";
const CONTENT = path.resolve(import.meta.dirname, "../../content");

const { values } = parseArgs({
  options: {
    worker: { type: "boolean", default: false },
    keep: { type: "boolean", default: false },
    reuse: { type: "boolean", default: false },
  },
});

const log = (label: string, value: string | number) => console.log(`${label.padEnd(44)} ${value}`);
const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

type WorkerResult = {
  individual: { first: number; second: number; candidates: number; eligible: number; sameHash: boolean };
  team: { ms: number; candidates: number };
  boards: { ms: number; rows: number; scopes: number };
  maxRssMb: number;
};

async function worker() {
  const { syncKpiDefinitions } = await import("~/modules/kpi/definitions-sync.server");
  const { syncPrograms } = await import("~/modules/awards/programs-sync.server");
  const { computeAwardCycle } = await import("~/modules/awards/compute.server");
  const { computeLeaderboards } = await import("~/modules/awards/leaderboard.server");
  const { parsePeriodKey } = await import("~/modules/kpi/periods");
  const { db, closeDatabase } = await import("~/utils/db.server");
  const kpis = await syncKpiDefinitions(path.join(CONTENT, "kpi/definitions.yaml"));
  if (kpis.errors.length > 0) throw new Error(kpis.errors.join("\n"));
  const programs = await syncPrograms(path.join(CONTENT, "awards/programs.yaml"));
  if (programs.errors.length > 0) throw new Error(programs.errors.join("\n"));
  await db.incentiveSettings.upsert({
    where: { id: 1 },
    create: { id: 1, leaderboardProgramKey: "monthly-service-star" },
    update: {},
  });
  const cycleFor = async (key: string) => {
    const program = await db.awardProgram.findUniqueOrThrow({ where: { key }, select: { id: true } });
    const start = new Date(`${MONTH}T00:00:00Z`);
    const cycle = await db.awardCycle.upsert({
      where: { programId_periodKind_periodStart: { programId: program.id, periodKind: "month", periodStart: start } },
      create: { programId: program.id, periodKind: "month", periodStart: start },
      update: { status: "open" },
    });
    return cycle.id;
  };
  const individual = await cycleFor("monthly-service-star");
  const first = await computeAwardCycle(individual, null, { timeZone: "Asia/Shanghai" });
  const second = await computeAwardCycle(individual, null, { timeZone: "Asia/Shanghai" });
  if (!first.ok || !second.ok) throw new Error(`compute failed: ${JSON.stringify([first, second])}`);
  // The team award is quarterly; the benchmark runs it on the month's team snapshots to time the team path.
  await db.awardProgram.update({ where: { key: "team-spirit" }, data: { cadence: "month" } });
  const team = await computeAwardCycle(await cycleFor("team-spirit"), null, { timeZone: "Asia/Shanghai" });
  if (!team.ok) throw new Error(`team compute failed: ${team.reason}`);
  const started = performance.now();
  const boards = await computeLeaderboards(parsePeriodKey(MONTH.slice(0, 7))!, { timeZone: "Asia/Shanghai" });
  if (!boards.ok) throw new Error(`boards failed: ${boards.reason}`);
  const boardsMs = performance.now() - started;
  await closeDatabase();
  const result: WorkerResult = {
    individual: {
      first: first.durationMs,
      second: second.durationMs,
      candidates: first.candidates,
      eligible: first.eligible,
      sameHash: first.inputsHash === second.inputsHash,
    },
    team: { ms: team.durationMs, candidates: team.candidates },
    boards: { ms: Math.round(boardsMs), rows: boards.rows, scopes: boards.scopes },
    // maxRSS is in kilobytes.
    maxRssMb: process.resourceUsage().maxRSS / 1024,
  };
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

async function generate(url: string) {
  const { PrismaPg } = await import("@prisma/adapter-pg");
  const { PrismaClient } = await import("~/generated/prisma/client");
  const db = new PrismaClient({ adapter: new PrismaPg({ connectionString: url }) });
  const step = async (label: string, sql: string) => {
    const started = performance.now();
    const count = await db.$executeRawUnsafe(sql);
    log(label, `${count.toLocaleString("en")} rows in ${seconds(performance.now() - started)}`);
  };
  try {
    // The content's KPIs name the four demo team codes; the other 36 teams are numbered.
    await step(
      "teams",
      `INSERT INTO "Team" ("id", "code", "name", "updatedAt")
       SELECT 'team-' || t, CASE t WHEN 1 THEN 'PRE' WHEN 2 THEN 'AFT' WHEN 3 THEN 'CMP' WHEN 4 THEN 'FUP' ELSE 'T' || t END,
         '压测团队' || t, now()
       FROM generate_series(1, ${TEAMS}) t`,
    );
    await step(
      "agents",
      `INSERT INTO "User" ("id", "externalId", "name", "teamId", "hireDate", "updatedAt")
       SELECT 'agent-' || a, 'B' || lpad(a::text, 5, '0'), '压测客服' || a, 'team-' || (1 + a % ${TEAMS}),
         DATE '2018-01-01' + (a * 7 % 3000), now()
       FROM generate_series(1, ${AGENTS}) a`,
    );
    await step(
      "agent roles",
      `INSERT INTO "UserRole" ("userId", "role") SELECT 'agent-' || a, 'agent' FROM generate_series(1, ${AGENTS}) a`,
    );
    // Pseudo-random but reproducible spreads from the agent number: volume 20–420 conversations, CSAT 70–99 % over
    // 30–60 % of them, resolution 70–98 %, first response 10–70 s, complaints 0–4 %; QA for one agent in five.
    await step(
      "agent KPI snapshots",
      `INSERT INTO "KpiSnapshot" ("id", "periodKind", "periodStart", "subjectKind", "subjectId", "metric", "value",
         "numerator", "denominator", "sampleSize")
       SELECT 'snap-' || a || '-' || m.metric, 'month', DATE '${MONTH}', 'agent', 'agent-' || a, m.metric, m.value,
         NULL, NULL, m.sample
       FROM generate_series(1, ${AGENTS}) a
       CROSS JOIN LATERAL (SELECT 20 + (a * 37) % 400 AS n) v
       CROSS JOIN LATERAL (VALUES
         ('conversations_handled', v.n::float8, v.n),
         ('csat_percent', 70 + ((a * 13) % 30)::float8, (v.n * (30 + a % 31) / 100)),
         ('resolution_rate', 70 + ((a * 17) % 29)::float8, v.n),
         ('first_response_median', 10 + ((a * 23) % 61)::float8, v.n),
         ('complaint_rate', ((a * 29) % 41) / 10.0, v.n),
         ('qa_score', CASE WHEN a % 5 = 0 THEN 70 + ((a * 31) % 30)::float8 END, CASE WHEN a % 5 = 0 THEN 1 + a % 4 ELSE 0 END),
         ('red_line_incidents', CASE WHEN a % 5 = 0 THEN (CASE WHEN a % 97 = 0 THEN 1 ELSE 0 END)::float8 END, CASE WHEN a % 5 = 0 THEN 1 + a % 4 ELSE 0 END),
         ('feedback_score', 3 + ((a * 7) % 20) / 10.0, 1)
       ) AS m(metric, value, sample)
       WHERE m.value IS NOT NULL`,
    );
    await step(
      "team KPI snapshots",
      `INSERT INTO "KpiSnapshot" ("id", "periodKind", "periodStart", "subjectKind", "subjectId", "metric", "value",
         "numerator", "denominator", "sampleSize")
       SELECT 'snap-' || u."teamId" || '-' || s."metric", 'month', DATE '${MONTH}', 'team', u."teamId", s."metric",
         CASE WHEN s."metric" IN ('conversations_handled', 'red_line_incidents') THEN SUM(s."value")
              ELSE SUM(s."value" * s."sampleSize") / NULLIF(SUM(s."sampleSize"), 0) END,
         NULL, NULL, SUM(s."sampleSize")
       FROM "KpiSnapshot" s JOIN "User" u ON u."id" = s."subjectId"
       WHERE s."subjectKind" = 'agent'
       GROUP BY u."teamId", s."metric"`,
    );
    await step(
      "KPI computation",
      `INSERT INTO "KpiComputation" ("id", "periodKind", "periodStart", "finishedAt", "rows", "trigger")
       VALUES ('bench-computation', 'month', DATE '${MONTH}', now(), 0, 'manual')`,
    );
    const started = performance.now();
    await db.$executeRawUnsafe(`VACUUM ANALYZE`);
    log("vacuum analyze", seconds(performance.now() - started));
  } finally {
    await db.$disconnect();
  }
}

function runWorker(url: string): Promise<WorkerResult> {
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
        resolve(JSON.parse(output.trim().split("\n").pop()!) as WorkerResult);
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
      "bench:awards needs PostgreSQL (not PGlite): set DATABASE_URL (or BENCH_DATABASE_URL) to a postgresql:// server\n" +
        "URL, e.g. DATABASE_URL=postgresql://postgres@127.0.0.1:5432/postgres npm run bench:awards\n" +
        "(the benchmark creates its own database awards_bench on that server).",
    );
    process.exit(1);
  }
  const url = databaseUrl(serverUrl, DATABASE);
  log("database", `${DATABASE} (${AGENTS} agents, ${TEAMS} teams)`);
  if (!values.reuse) {
    await dropPostgresDatabase(serverUrl, DATABASE);
    await withServerConnection(serverUrl, (connection) =>
      connection.executeScript(`CREATE DATABASE ${quoteIdentifier(DATABASE)}`),
    );
    await applyMigrations(postgresFactory(url));
    const started = performance.now();
    await generate(url);
    log("generation total", seconds(performance.now() - started));
  }
  const result = await runWorker(url);
  const { individual, team, boards } = result;
  log(
    "月度服务之星 cycle: first compute",
    `${seconds(individual.first)} (${individual.candidates} candidates, ${individual.eligible} eligible)`,
  );
  log("月度服务之星 cycle: recompute", `${seconds(individual.second)} (same inputs hash: ${individual.sameHash})`);
  log("最佳团队精神奖 cycle (teams)", `${seconds(team.ms)} (${team.candidates} candidates)`);
  log("boards (company + teams)", `${seconds(boards.ms)} (${boards.rows} rows, ${boards.scopes} boards)`);
  log("worker peak memory (maxRSS)", `${result.maxRssMb.toFixed(0)} MB`);
  if (!individual.sameHash) process.exitCode = 1;
  if (!values.keep) await dropPostgresDatabase(serverUrl, DATABASE);
}

if (values.worker) {
  await worker();
} else {
  await main();
}
