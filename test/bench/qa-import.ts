/**
 * Benchmark: conversation import throughput on PostgreSQL, through the same path as `npm run import`.
 *
 *   npm run bench:import                          100,000 conversations (~1.5 million messages)
 *   npm run bench:import -- --conversations 5000 [--keep]
 *
 * Creates (drops first) the database bench_qa_import on the server in BENCH_DATABASE_URL, TEST_DATABASE_URL or
 * postgresql://postgres@127.0.0.1:5432/postgres and migrates it, so no other database is touched. Generates 200
 * agents in 4 teams and a JSON Lines file of N conversations (8–22 messages each, 15 on average) in the temp
 * directory, imports it, then imports it again (every conversation unchanged) and prints conversations/s and
 * messages/s for both passes.
 */
import { once } from "node:events";
import { createWriteStream } from "node:fs";
import { mkdtemp, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { applyMigrations, postgresFactory } from "../../prisma/migrate-engine";
import { databaseUrl, dropPostgresDatabase, quoteIdentifier, withServerConnection } from "../support/postgres";

const DATABASE = "bench_qa_import";
const AGENTS = 200;
const TEAMS = 4;

const { values } = parseArgs({
  options: {
    conversations: { type: "string", default: "100000" },
    keep: { type: "boolean", default: false },
  },
});
const conversations = Number(values.conversations);
if (!Number.isInteger(conversations) || conversations < 1)
  throw new Error("--conversations must be a positive integer");

const serverUrl =
  process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
const url = databaseUrl(serverUrl, DATABASE);
const log = (label: string, value: string | number) => console.log(`${label.padEnd(34)} ${value}`);
const rate = (count: number, ms: number) => Math.round((count / ms) * 1000).toLocaleString("en-US");

const CUSTOMER_LINES = [
  "你好，请问这款还有货吗？",
  "快递到哪了，三天没更新了",
  "尺码偏大还是偏小？我平时穿M",
  "收到的东西有破损，怎么处理",
  "能便宜点吗，有没有优惠券",
  "我的手机号是13812345678，麻烦帮我改一下收货电话",
];
const AGENT_LINES = [
  "亲，您好，很高兴为您服务～",
  "亲，已经帮您查询了，包裹今天会派送哦",
  "建议您按平时尺码选择就可以的",
  "非常抱歉给您带来不便，这边马上给您补发",
  "店铺现在有满200减20的优惠券，页面上方可以领取",
  "好的亲，已为您备注修改，请放心",
];

/** mulberry32: the same file on every run. */
function random(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

async function writeFile(file: string): Promise<number> {
  const rng = random(20260301);
  const out = createWriteStream(file);
  const start = Date.parse("2026-01-01T00:00:00Z");
  let messages = 0;
  for (let index = 0; index < conversations; index += 1) {
    const count = 8 + Math.floor(rng() * 15);
    const agent = `B${String(1 + Math.floor(rng() * AGENTS)).padStart(4, "0")}`;
    let at = start + Math.floor(rng() * 60 * 86_400) * 1000;
    const startedAt = at;
    const lines = [];
    for (let seq = 0; seq < count; seq += 1) {
      const fromAgent = seq % 2 === 1;
      at += (fromAgent ? 5 + Math.floor(rng() * (rng() < 0.1 ? 600 : 60)) : 10 + Math.floor(rng() * 90)) * 1000;
      const pool = fromAgent ? AGENT_LINES : CUSTOMER_LINES;
      lines.push({
        from: fromAgent ? "agent" : "customer",
        at: new Date(at).toISOString(),
        text: `${pool[Math.floor(rng() * pool.length)]}（${index}-${seq}）`,
      });
    }
    messages += count;
    const conversation = {
      id: `BENCH-${String(index).padStart(7, "0")}`,
      channel: rng() < 0.8 ? "chat" : "phone",
      startedAt: new Date(startedAt).toISOString(),
      endedAt: new Date(at + 30_000).toISOString(),
      agents: [agent],
      customer: `tb_${Math.floor(rng() * 1e9).toString(36)}`,
      csat: rng() < 0.2 ? null : 1 + Math.floor(rng() * 5),
      complaint: rng() < 0.05,
      tags: rng() < 0.5 ? ["物流"] : ["售前", "尺码"],
      messages: lines,
    };
    if (!out.write(`${JSON.stringify(conversation)}\n`)) await once(out, "drain");
  }
  out.end();
  await once(out, "finish");
  return messages;
}

async function main() {
  let started = performance.now();
  await dropPostgresDatabase(serverUrl, DATABASE);
  await withServerConnection(serverUrl, (connection) =>
    connection.executeScript(`CREATE DATABASE ${quoteIdentifier(DATABASE)}`),
  );
  await applyMigrations(postgresFactory(url));
  log("create + migrate database (ms)", Math.round(performance.now() - started));

  // The app modules read DATABASE_URL through env() and db.server: point them at the bench database first.
  process.env.DATABASE_URL = url;
  const { closeDatabase, db } = await import("~/utils/db.server");
  const { importLocalFile } = await import("~/modules/qa/import/import.server");
  const dir = await mkdtemp(path.join(tmpdir(), "bench-qa-import-"));
  try {
    await db.$executeRawUnsafe(`
      INSERT INTO "Team" (id, code, name, "updatedAt")
      SELECT 'team-' || t, 'BT' || t, '压测团队' || t, now() FROM generate_series(0, ${TEAMS - 1}) t`);
    await db.$executeRawUnsafe(`
      INSERT INTO "User" (id, "externalId", name, "teamId", "updatedAt")
      SELECT 'agent-' || a, 'B' || lpad(a::text, 4, '0'), '坐席' || a, 'team-' || (a % ${TEAMS}), now()
      FROM generate_series(1, ${AGENTS}) a`);

    const file = path.join(dir, "conversations.jsonl");
    started = performance.now();
    const messages = await writeFile(file);
    const size = (await stat(file)).size;
    log("generate file (ms)", Math.round(performance.now() - started));
    log("conversations / messages", `${conversations.toLocaleString("en-US")} / ${messages.toLocaleString("en-US")}`);
    log("file size (MB)", (size / 1024 / 1024).toFixed(1));

    for (const pass of ["first import", "re-import (unchanged)"]) {
      started = performance.now();
      const result = await importLocalFile(file);
      const elapsed = performance.now() - started;
      const batch = await db.importBatch.findUniqueOrThrow({
        where: { id: result.batchId },
        select: { status: true, created: true, unchanged: true, rejected: true, messages: true },
      });
      console.log(
        `\n${pass}: ${batch.status}, created ${batch.created}, unchanged ${batch.unchanged}, rejected ${batch.rejected}`,
      );
      log("  total time (s)", (elapsed / 1000).toFixed(1));
      log("  conversations/s", rate(conversations, elapsed));
      log("  messages/s", rate(messages, elapsed));
      log("  MB/s", ((size / 1024 / 1024 / elapsed) * 1000).toFixed(1));
    }
    const stored = await db.message.count();
    log("\nmessages stored", stored.toLocaleString("en-US"));
  } finally {
    await rm(dir, { recursive: true, force: true });
    await closeDatabase();
    if (!values.keep) await dropPostgresDatabase(serverUrl, DATABASE);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
