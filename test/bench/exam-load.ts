/**
 * Benchmark: many learners sitting the same exam at once on PostgreSQL, through the route actions the browser uses
 * (session cookie → start → 50 autosaves → submit).
 *
 *   npm run bench:exams                                   500 agents, 50 in flight
 *   npm run bench:exams -- --agents 200 --concurrency 20 [--keep]
 *
 * Needs PostgreSQL: the server in BENCH_DATABASE_URL, DATABASE_URL or TEST_DATABASE_URL (postgresql://…). It creates
 * (drops first) the database bench_exam_load on that server and migrates it, so no other database is touched, and
 * drops it at the end unless --keep. Seeds a 70-question bank in 5 categories and an exam drawing 10 per category
 * (50 questions, shuffled questions and options), plus the agents with sessions. Each agent starts, saves every answer
 * (a deterministic mix of right, partly right and wrong) and submits. Prints attempts/s and p50/p95/max latencies,
 * then checks: one attempt per agent, every item answered with exactly what was sent, every attempt graded with the
 * score computed independently from the answers given. Exit code 1 on any mismatch.
 */
import { parseArgs } from "node:util";
import { applyMigrations, postgresFactory } from "../../prisma/migrate-engine";
import { databaseUrl, dropPostgresDatabase, quoteIdentifier, withServerConnection } from "../support/postgres";

const DATABASE = "bench_exam_load";
const CATEGORIES = ["公司与商品", "服务流程", "沟通话术", "运费规则", "特殊商品"];
const PER_CATEGORY = 14;
const DRAW_PER_CATEGORY = 10;

const { values } = parseArgs({
  options: {
    agents: { type: "string", default: "500" },
    concurrency: { type: "string", default: "50" },
    keep: { type: "boolean", default: false },
  },
});
const agents = Number(values.agents);
const concurrency = Number(values.concurrency);
if (!Number.isInteger(agents) || agents < 1) throw new Error("--agents must be a positive integer");
if (!Number.isInteger(concurrency) || concurrency < 1) throw new Error("--concurrency must be a positive integer");

const serverUrl = process.env.BENCH_DATABASE_URL ?? process.env.DATABASE_URL ?? process.env.TEST_DATABASE_URL;
if (!serverUrl || !/^postgres(ql)?:\/\//.test(serverUrl)) {
  console.error(
    "bench:exams needs PostgreSQL: set DATABASE_URL (or BENCH_DATABASE_URL) to a postgresql:// server URL, e.g.\n" +
      "  DATABASE_URL=postgresql://postgres@127.0.0.1:5432/postgres npm run bench:exams\n" +
      "(the benchmark creates and drops its own database bench_exam_load on that server).",
  );
  process.exit(1);
}
const url = databaseUrl(serverUrl, DATABASE);
const log = (label: string, value: string | number) => console.log(`${label.padEnd(36)} ${value}`);

function percentile(sorted: number[], p: number) {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}
function summary(label: string, samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  const fmt = (ms: number) => ms.toFixed(1);
  log(
    `${label} latency ms (n=${samples.length})`,
    `p50 ${fmt(percentile(sorted, 50))}  p95 ${fmt(percentile(sorted, 95))}  max ${fmt(sorted[sorted.length - 1] ?? 0)}`,
  );
}

type Kind = "single_choice" | "multiple_choice" | "true_false" | "fill_blank";
type BenchQuestion = { id: string; type: Kind; key: unknown; points: number };

/** Independent expected score (docs/exam-scoring.md), in hundredths to avoid float drift. */
function expectedHundredths(question: BenchQuestion, answer: unknown): number {
  const full = Math.round(question.points * 100);
  if (question.type === "single_choice") return answer === (question.key as string[])[0] ? full : 0;
  if (question.type === "true_false") return answer === question.key ? full : 0;
  if (question.type === "fill_blank") {
    const accepted = question.key as string[][];
    const right = accepted.filter((list, i) => list.includes(String((answer as string[])[i]))).length;
    return Math.round((full * right) / accepted.length);
  }
  const correct = new Set(question.key as string[]);
  const chosen = answer as string[];
  const good = chosen.filter((key) => correct.has(key)).length;
  return Math.round(Math.max(0, (good - (chosen.length - good)) / correct.size) * full);
}

/** A deterministic answer per (agent, question): right, partly right or wrong. */
function answerFor(question: BenchQuestion, options: string[], agent: number, index: number): unknown {
  const roll = (agent * 31 + index * 17) % 10; // 0–9
  switch (question.type) {
    case "single_choice": {
      const right = (question.key as string[])[0]!;
      return roll < 7 ? right : options.find((key) => key !== right)!;
    }
    case "true_false":
      return roll < 6 ? question.key : !question.key;
    case "fill_blank":
      return (question.key as string[][]).map((list, i) => (roll < 5 || i === 0 ? list[0]! : "不知道"));
    case "multiple_choice": {
      const right = question.key as string[];
      const wrong = options.filter((key) => !right.includes(key));
      if (roll < 5) return [...right];
      if (roll < 8) return [right[0]!];
      return [right[0]!, wrong[0]!];
    }
  }
}

async function pool<T>(items: T[], limit: number, worker: (item: T) => Promise<void>) {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) {
        const item = items[next++]!;
        await worker(item);
      }
    }),
  );
}

async function main() {
  let started = performance.now();
  await dropPostgresDatabase(serverUrl!, DATABASE);
  await withServerConnection(serverUrl!, (connection) =>
    connection.executeScript(`CREATE DATABASE ${quoteIdentifier(DATABASE)}`),
  );
  await applyMigrations(postgresFactory(url));
  log("create + migrate database (ms)", Math.round(performance.now() - started));

  process.env.DATABASE_URL = url;
  const { closeDatabase, db } = await import("~/utils/db.server");
  const { buildRequest, callRoute, sessionCookieFor } = await import("../support/auth");
  const { action: startAction } = await import("~/routes/learn.exams.$examId");
  const { action: takeAction } = await import("~/routes/learn.attempts.$attemptId");
  let failures = 0;
  const fail = (message: string) => {
    failures += 1;
    if (failures <= 20) console.error(`MISMATCH: ${message}`);
  };
  try {
    started = performance.now();
    const bank = await db.questionBank.create({ data: { slug: "bench-bank", title: "压测题库" } });
    const byId = new Map<string, BenchQuestion>();
    const kinds: Kind[] = ["single_choice", "multiple_choice", "true_false", "fill_blank"];
    for (const [c, category] of CATEGORIES.entries()) {
      for (let i = 0; i < PER_CATEGORY; i += 1) {
        const type = kinds[(c + i) % kinds.length]!;
        const options =
          type === "single_choice" || type === "multiple_choice"
            ? ["A", "B", "C", "D"].map((key) => ({ key, text: `${category}选项${key}` }))
            : [];
        const answer =
          type === "single_choice"
            ? [["A", "B", "C", "D"][i % 4]!]
            : type === "multiple_choice"
              ? ["A", "C"]
              : type === "true_false"
                ? i % 2 === 0
                : [["7", "七"], ["签收"]];
        const points = type === "multiple_choice" ? 3 : type === "fill_blank" ? 2 : 1;
        const question = await db.question.create({
          data: {
            bankId: bank.id,
            key: `${c}-${i}`,
            type,
            stem: type === "fill_blank" ? `${category}：自____日内，以____为准（${i}）` : `${category} 第 ${i} 题`,
            options,
            answer,
            points,
            multipleScoring: "partial_with_penalty",
            category,
            difficulty: "medium",
            competencies: [],
            contentHash: `${c}-${i}`,
          },
        });
        byId.set(question.id, { id: question.id, type, key: answer, points });
      }
    }
    const exam = await db.exam.create({
      data: {
        slug: "bench-exam",
        title: "压测考试",
        status: "published",
        timeLimitMinutes: 120,
        passPercent: 60,
        items: {
          create: CATEGORIES.map((category, index) => ({
            position: index + 1,
            kind: "draw" as const,
            bankId: bank.id,
            category,
            count: DRAW_PER_CATEGORY,
          })),
        },
      },
    });
    await db.$executeRawUnsafe(`
      INSERT INTO "User" (id, "externalId", name, "updatedAt")
      SELECT 'bench-' || a, 'E' || lpad(a::text, 5, '0'), '压测坐席' || a, now() FROM generate_series(1, ${agents}) a`);
    await db.$executeRawUnsafe(
      `INSERT INTO "UserRole" ("userId", role) SELECT id, 'agent' FROM "User" WHERE id LIKE 'bench-%'`,
    );
    const cookies: string[] = [];
    for (let a = 1; a <= agents; a += 1) cookies.push(await sessionCookieFor(`bench-${a}`));
    log("seed bank, exam, agents, sessions (ms)", Math.round(performance.now() - started));
    const questionCount = CATEGORIES.length * DRAW_PER_CATEGORY;
    log("agents / questions / in flight", `${agents} / ${questionCount} / ${concurrency}`);

    const startLatency: number[] = [];
    const saveLatency: number[] = [];
    const submitLatency: number[] = [];
    const expected = new Map<string, number>(); // attemptId → hundredths
    const sent = new Map<string, Map<number, unknown>>();
    started = performance.now();
    await pool(
      Array.from({ length: agents }, (_, i) => i + 1),
      concurrency,
      async (agent) => {
        const cookie = cookies[agent - 1]!;
        let t = performance.now();
        const startResult = await callRoute(
          startAction,
          buildRequest(`/learn/exams/${exam.id}`, { cookie, form: {} }),
          {
            examId: exam.id,
          },
        );
        startLatency.push(performance.now() - t);
        const attemptId = startResult.location?.split("/").pop();
        if (!attemptId) return fail(`agent ${agent}: start refused (${startResult.status})`);
        const items = await db.examAttemptItem.findMany({
          where: { attemptId },
          select: { position: true, questionId: true, snapshot: true },
        });
        let total = 0;
        const answers = new Map<number, unknown>();
        for (const item of items) {
          const question = byId.get(item.questionId!)!;
          const options = (item.snapshot as { options: { key: string }[] }).options.map((option) => option.key);
          const answer = answerFor(question, options, agent, item.position);
          total += expectedHundredths(question, answer);
          answers.set(item.position, answer);
          t = performance.now();
          const saved = await callRoute(
            takeAction,
            buildRequest(`/learn/attempts/${attemptId}`, {
              cookie,
              form: { intent: "save", position: String(item.position), answer: JSON.stringify(answer) },
            }),
            { attemptId },
          );
          saveLatency.push(performance.now() - t);
          if (saved.status !== 200) fail(`agent ${agent}: save ${item.position} → ${saved.status}`);
        }
        expected.set(attemptId, total);
        sent.set(attemptId, answers);
        t = performance.now();
        const submitted = await callRoute(
          takeAction,
          buildRequest(`/learn/attempts/${attemptId}`, { cookie, form: { intent: "submit" } }),
          { attemptId },
        );
        submitLatency.push(performance.now() - t);
        if (submitted.location !== `/learn/attempts/${attemptId}/result`) {
          fail(`agent ${agent}: submit → ${submitted.status}`);
        }
      },
    );
    const elapsed = performance.now() - started;
    console.log();
    log("total time (s)", (elapsed / 1000).toFixed(1));
    log("attempts/s (start → 50 saves → submit)", ((agents / elapsed) * 1000).toFixed(1));
    log("answer saves/s", (((agents * questionCount) / elapsed) * 1000).toFixed(0));
    summary("start", startLatency);
    summary("save", saveLatency);
    summary("submit", submitLatency);

    // Checks, all in SQL.
    const attempts = await db.examAttempt.findMany({
      where: { examId: exam.id },
      select: { id: true, status: true, score: true, userId: true },
    });
    const [{ answered }] = await db.$queryRaw<{ answered: number }[]>`
      SELECT COUNT(*)::int AS "answered" FROM "ExamAttemptItem" i JOIN "ExamAttempt" a ON a."id" = i."attemptId"
      WHERE a."examId" = ${exam.id} AND i."answer" IS NOT NULL`;
    const [{ items }] = await db.$queryRaw<{ items: number }[]>`
      SELECT COUNT(*)::int AS "items" FROM "ExamAttemptItem" i JOIN "ExamAttempt" a ON a."id" = i."attemptId"
      WHERE a."examId" = ${exam.id}`;
    console.log();
    log("attempts (expected)", `${attempts.length} (${agents})`);
    log("answered items (expected)", `${answered} (${agents * questionCount})`);
    if (attempts.length !== agents) fail(`attempts ${attempts.length} ≠ ${agents}`);
    if (new Set(attempts.map((a) => a.userId)).size !== agents) fail("an agent has more than one attempt");
    if (answered !== agents * questionCount || items !== agents * questionCount) {
      fail(`answered ${answered} / items ${items} ≠ ${agents * questionCount}`);
    }
    let scoreMismatches = 0;
    for (const attempt of attempts) {
      const want = expected.get(attempt.id);
      const got = attempt.score === null ? null : Math.round(Number(attempt.score) * 100);
      if (attempt.status !== "graded" || want === undefined || got !== want) {
        scoreMismatches += 1;
        fail(`attempt ${attempt.id}: status ${attempt.status}, score ${got} ≠ expected ${want}`);
      }
    }
    let answerMismatches = 0;
    const stored = await db.examAttemptItem.findMany({
      where: { attempt: { examId: exam.id } },
      select: { attemptId: true, position: true, answer: true, questionId: true },
    });
    // A multiple-choice answer is stored as a set (in the paper's option order): compare sets.
    const canonical = (value: unknown, type: Kind) =>
      JSON.stringify(type === "multiple_choice" && Array.isArray(value) ? [...value].sort() : value);
    for (const item of stored) {
      const want = sent.get(item.attemptId)?.get(item.position);
      const type = byId.get(item.questionId!)!.type;
      if (canonical(item.answer, type) !== canonical(want, type)) {
        answerMismatches += 1;
        fail(
          `item ${item.attemptId}#${item.position}: stored ${JSON.stringify(item.answer)} ≠ sent ${JSON.stringify(want)}`,
        );
      }
    }
    log("score mismatches", scoreMismatches);
    log("answer mismatches (lost/overwritten)", answerMismatches);
  } finally {
    await closeDatabase();
    if (!values.keep) await dropPostgresDatabase(serverUrl!, DATABASE);
  }
  if (failures > 0) {
    console.error(`\nFAILED: ${failures} mismatches`);
    process.exit(1);
  }
  console.log("\nOK: no lost or double-counted answers, every score as expected");
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
