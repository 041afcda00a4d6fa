/**
 * Benchmark: one stratified sampling run over generated conversations on PostgreSQL.
 *
 *   npm run bench:sampling                       1,000,000 conversations
 *   npm run bench:sampling -- --conversations 50000 [--per-agent 10] [--keep]
 *
 * Creates (drops first) the database bench_qa_sampling on the server in BENCH_DATABASE_URL, TEST_DATABASE_URL or
 * postgresql://postgres@127.0.0.1:5432/postgres, migrates it, generates ~300 agents in 4 teams and N conversations
 * over the last 90 days with INSERT … SELECT generate_series, then times a stratified_equal run (10 per agent):
 * the candidate count, the pick (plan + fetch by rank), the assignment, and the whole job writing the reviews.
 */
import { parseArgs } from "node:util";
import { applyMigrations, postgresFactory } from "../../prisma/migrate-engine";
import { databaseUrl, dropPostgresDatabase, quoteIdentifier, withServerConnection } from "../support/postgres";

const DATABASE = "bench_qa_sampling";
const AGENTS = 300;
const TEAMS = 4;
const INSPECTORS = 12;

const { values } = parseArgs({
  options: {
    conversations: { type: "string", default: "1000000" },
    "per-agent": { type: "string", default: "10" },
    keep: { type: "boolean", default: false },
  },
});
const conversations = Number(values.conversations);
const perAgent = Number(values["per-agent"]);
if (!Number.isInteger(conversations) || conversations < 1)
  throw new Error("--conversations must be a positive integer");
const serverUrl =
  process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
const url = databaseUrl(serverUrl, DATABASE);

const ms = (start: number) => Math.round(performance.now() - start);
const log = (label: string, value: string | number) => console.log(`${label.padEnd(34)} ${value}`);

async function main() {
  let started = performance.now();
  await dropPostgresDatabase(serverUrl, DATABASE);
  await withServerConnection(serverUrl, (connection) =>
    connection.executeScript(`CREATE DATABASE ${quoteIdentifier(DATABASE)}`),
  );
  await applyMigrations(postgresFactory(url));
  log("create + migrate database (ms)", ms(started));

  // The app modules read DATABASE_URL through env() and db.server: point them at the bench database first.
  process.env.DATABASE_URL = url;
  const { closeDatabase, db } = await import("~/utils/db.server");
  const { sampleCandidates } = await import("~/modules/qa/sampling/candidates.server");
  const { assignBalanced } = await import("~/modules/qa/sampling/assignment");
  const { buildRunInputs, executeSamplingRun } = await import("~/modules/qa/sampling/run.server");
  const { configureJobs } = await import("~/modules/jobs/queue.server");
  configureJobs({ mode: "inline" });

  try {
    started = performance.now();
    await db.$executeRawUnsafe(`
      INSERT INTO "Team" (id, code, name, "updatedAt")
      SELECT 'team-' || t, 'BT' || t, '压测团队' || t, now() FROM generate_series(0, ${TEAMS - 1}) t`);
    await db.$executeRawUnsafe(`
      INSERT INTO "User" (id, "externalId", name, "teamId", "updatedAt")
      SELECT 'agent-' || a, 'B' || lpad(a::text, 4, '0'), '坐席' || a, 'team-' || (a % ${TEAMS}), now()
      FROM generate_series(1, ${AGENTS}) a`);
    await db.$executeRawUnsafe(
      `INSERT INTO "UserRole" ("userId", role) SELECT id, 'agent' FROM "User" WHERE id LIKE 'agent-%'`,
    );
    await db.$executeRawUnsafe(`
      INSERT INTO "User" (id, "externalId", name, "updatedAt")
      SELECT 'inspector-' || q, 'BQ' || lpad(q::text, 3, '0'), '质检员' || q, now() FROM generate_series(1, ${INSPECTORS}) q`);
    await db.$executeRawUnsafe(
      `INSERT INTO "UserRole" ("userId", role) SELECT id, 'qa_inspector' FROM "User" WHERE id LIKE 'inspector-%'`,
    );
    log("agents / inspectors", `${AGENTS} in ${TEAMS} teams / ${INSPECTORS}`);

    started = performance.now();
    // Agents drawn at random, so volumes differ a little per agent; ids are random too (md5), as cuids would be.
    await db.$executeRawUnsafe(`
      INSERT INTO "Conversation" (id, "externalId", channel, "startedAt", "endedAt", "customerRef", csat, complaint, tags,
        "messageCount", "handlingSeconds", "primaryAgentId", "teamId", "contentHash", "updatedAt")
      SELECT 'c' || substr(md5(g::text), 1, 24), 'BENCH-' || g,
        (ARRAY['chat', 'chat', 'phone', 'email', 'social']::"Channel"[])[1 + floor(random() * 5)::int],
        s.started, s.started + make_interval(secs => s.handling),
        'buyer-' || (g % 50000),
        CASE WHEN random() < 0.3 THEN NULL ELSE 1 + floor(random() * 5)::int END,
        random() < 0.05,
        CASE WHEN random() < 0.2 THEN ARRAY['退款'] ELSE ARRAY[]::text[] END,
        4 + floor(random() * 30)::int, s.handling,
        'agent-' || s.agent, 'team-' || (s.agent % ${TEAMS}), md5(g::text), now()
      FROM (
        SELECT g, 1 + floor(random() * ${AGENTS})::int AS agent,
               now() - random() * interval '90 days' AS started, 60 + floor(random() * 1800)::int AS handling
        FROM generate_series(1, ${conversations}) g
      ) s`);
    const insertMs = ms(started);
    started = performance.now();
    await db.$executeRawUnsafe(
      `INSERT INTO "ConversationAgent" ("conversationId", "userId") SELECT id, "primaryAgentId" FROM "Conversation"`,
    );
    await db.$executeRawUnsafe(`ANALYZE`);
    log("conversations", conversations.toLocaleString("en"));
    log(
      "insert conversations (ms)",
      `${insertMs} (${Math.round(conversations / (insertMs / 1000)).toLocaleString("en")}/s)`,
    );
    log("insert agent links + analyze (ms)", ms(started));

    const rubric = await db.rubric.create({
      data: { slug: "bench", name: "压测质检表", status: "active", versions: { create: { version: 1 } } },
      select: { id: true },
    });
    const plan = await db.samplingPlan.create({
      data: {
        name: "压测分层抽检",
        rubricId: rubric.id,
        strategy: "stratified_equal",
        strategyParams: { total: perAgent * AGENTS },
        filters: { window: { kind: "relative", days: 91 } },
        perInspectorCap: 1000,
        dueInDays: 3,
        inspectors: { create: Array.from({ length: INSPECTORS }, (_, i) => ({ userId: `inspector-${i + 1}` })) },
      },
      select: { id: true, rubricId: true, strategy: true, strategyParams: true, filters: true },
    });
    const inputs = buildRunInputs(plan, new Date());
    const query = {
      filters: inputs.filters,
      window: { from: new Date(inputs.window.from), to: new Date(inputs.window.to) },
    };

    // Phases on their own, then the whole job (which also writes the reviews, notifications and audit entry).
    started = performance.now();
    const outcome = await sampleCandidates(query, inputs.strategy, inputs.strategyParams, "bench-seed");
    const assignStarted = performance.now();
    const links = await db.conversationAgent.findMany({
      where: { conversationId: { in: outcome.picked.map((pick) => pick.id) } },
      select: { conversationId: true, userId: true },
    });
    const agentsOf = new Map<string, string[]>();
    for (const link of links)
      agentsOf.set(link.conversationId, [...(agentsOf.get(link.conversationId) ?? []), link.userId]);
    const assignment = assignBalanced(
      outcome.picked.map((pick) => ({ id: pick.id, agentIds: agentsOf.get(pick.id) ?? [pick.agentId] })),
      Array.from({ length: INSPECTORS }, (_, i) => ({ id: `inspector-${i + 1}`, load: 0 })),
      1000,
    );
    const assignMs = ms(assignStarted);
    const phasesMs = ms(started);
    log("candidates", outcome.candidateCount.toLocaleString("en"));
    log("sampled / assigned", `${outcome.picked.length} / ${assignment.assignments.length}`);
    log("candidate query: count per agent (ms)", Math.round(outcome.timings.countMs));
    log("pick: plan + fetch by rank (ms)", Math.round(outcome.timings.pickMs));
    log("assignment (ms)", assignMs);
    log("candidate query + pick + assign (ms)", phasesMs);

    const run = await db.samplingRun.create({
      data: { planId: plan.id, seed: "bench-seed", trigger: "manual", inputs },
      select: { id: true },
    });
    started = performance.now();
    const result = await executeSamplingRun(run.id);
    log("whole job incl. writing reviews (ms)", ms(started));
    log("job result", `${result.sampledCount} sampled, ${result.assignedCount} reviews created`);
  } finally {
    await closeDatabase();
    if (!values.keep) await dropPostgresDatabase(serverUrl, DATABASE);
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
