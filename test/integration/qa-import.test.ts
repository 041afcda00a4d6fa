import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { importItems, importLocalFile } from "~/modules/qa/import/import.server";
import { db } from "~/utils/db.server";
import { createTestUser } from "../support/auth";

let dir: string;
let teamId: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "qa-import-"));
  teamId = (await db.team.create({ data: { code: "AFT", name: "售后服务组" }, select: { id: true } })).id;
  await createTestUser({ externalId: "A2001", name: "王佳怡", teamId });
  await createTestUser({ externalId: "A2002", name: "刘洋", teamId });
});

type Conversation = Record<string, unknown> & { id: string; messages: Record<string, unknown>[] };

function conversation(id: string, overrides: Partial<Conversation> = {}): Conversation {
  return {
    id,
    channel: "chat",
    startedAt: "2026-03-01T10:00:00+08:00",
    endedAt: "2026-03-01T10:05:00+08:00",
    agents: ["A2001"],
    customer: "tb_buyer01",
    csat: 4,
    resolved: true,
    tags: ["退换货"],
    shop: "旗舰店",
    messages: [
      { from: "customer", at: "2026-03-01T10:00:00+08:00", text: "你好，鞋子尺码不合适想换货" },
      { from: "agent", agent: "A2001", at: "2026-03-01T10:00:40+08:00", text: "亲，可以的，7天无理由换货～" },
      { from: "customer", at: "2026-03-01T10:01:00+08:00", text: "好的" },
      { from: "agent", at: "2026-03-01T10:03:00+08:00", text: "已为您提交换货申请" },
    ],
    ...overrides,
  };
}

async function writeJsonl(name: string, lines: (string | object)[]) {
  const file = path.join(dir, name);
  await writeFile(file, lines.map((line) => (typeof line === "string" ? line : JSON.stringify(line))).join("\n"));
  return file;
}

async function batchOf(batchId: string) {
  return db.importBatch.findUniqueOrThrow({
    where: { id: batchId },
    select: {
      status: true,
      created: true,
      updated: true,
      unchanged: true,
      rejected: true,
      messages: true,
      error: true,
    },
  });
}

describe("JSON Lines import", () => {
  it("creates conversations with agents, messages and computed figures", async () => {
    const file = await writeJsonl("first.jsonl", [conversation("IMP-1"), conversation("IMP-2", { agents: ["A2002"] })]);
    const result = await importLocalFile(file);
    expect(result.status).toBe("succeeded");
    expect(await batchOf(result.batchId)).toMatchObject({
      created: 2,
      updated: 0,
      unchanged: 0,
      rejected: 0,
      messages: 8,
    });

    const stored = await db.conversation.findUniqueOrThrow({
      where: { externalId: "IMP-1" },
      select: {
        startedAt: true,
        tags: true,
        messageCount: true,
        handlingSeconds: true,
        firstResponseSeconds: true,
        longestWaitSeconds: true,
        teamId: true,
        extra: true,
        primaryAgent: { select: { externalId: true } },
        messages: { orderBy: { seq: "asc" }, select: { seq: true, sender: true, agentId: true, sentAt: true } },
      },
    });
    // FRT 40 s; second wait 10:01:00 → 10:03:00 = 120 s; handling 5 min.
    expect(stored.startedAt.toISOString()).toBe("2026-03-01T02:00:00.000Z");
    expect(stored.tags).toEqual(["退换货"]);
    expect(stored).toMatchObject({
      messageCount: 4,
      handlingSeconds: 300,
      firstResponseSeconds: 40,
      longestWaitSeconds: 120,
      teamId,
      extra: { shop: "旗舰店" },
      primaryAgent: { externalId: "A2001" },
    });
    // An agent message without "agent" is credited to the first listed agent.
    expect(stored.messages[3]!.agentId).not.toBeNull();
    expect(stored.messages[1]!.sentAt.toISOString()).toBe("2026-03-01T02:00:40.000Z");
  });

  it("changes nothing when the same file is imported again", async () => {
    const file = await writeJsonl("again.jsonl", [conversation("IMP-1"), conversation("IMP-2", { agents: ["A2002"] })]);
    const before = await db.message.count();
    const result = await importLocalFile(file);
    expect(await batchOf(result.batchId)).toMatchObject({ created: 0, updated: 0, unchanged: 2, rejected: 0 });
    expect(await db.message.count()).toBe(before);
  });

  it("updates a changed conversation instead of duplicating it, replacing its messages", async () => {
    const changed = conversation("IMP-1", { csat: 2 });
    changed.messages = [
      ...changed.messages.slice(0, 2),
      { from: "customer", at: "2026-03-01T10:02:00+08:00", text: "谢谢" },
    ];
    const file = await writeJsonl("changed.jsonl", [changed]);
    const result = await importLocalFile(file);
    expect(await batchOf(result.batchId)).toMatchObject({ created: 0, updated: 1, unchanged: 0 });
    expect(await db.conversation.count({ where: { externalId: "IMP-1" } })).toBe(1);
    const stored = await db.conversation.findUniqueOrThrow({
      where: { externalId: "IMP-1" },
      select: { csat: true, messageCount: true, messages: { orderBy: { seq: "asc" }, select: { text: true } } },
    });
    expect(stored.csat).toBe(2);
    expect(stored.messageCount).toBe(3);
    expect(stored.messages.map((message) => message.text)).toEqual([
      "你好，鞋子尺码不合适想换货",
      "亲，可以的，7天无理由换货～",
      "谢谢",
    ]);
  });

  it("keeps message rows (and pinned comments) when only conversation fields change", async () => {
    const ids = await db.message.findMany({
      where: { conversation: { externalId: "IMP-2" } },
      select: { id: true },
      orderBy: { seq: "asc" },
    });
    const file = await writeJsonl("tags.jsonl", [conversation("IMP-2", { agents: ["A2002"], tags: ["换货", "尺码"] })]);
    const result = await importLocalFile(file);
    expect(await batchOf(result.batchId)).toMatchObject({ updated: 1 });
    const after = await db.message.findMany({
      where: { conversation: { externalId: "IMP-2" } },
      select: { id: true },
      orderBy: { seq: "asc" },
    });
    expect(after).toEqual(ids);
  });

  it("reports every rejection reason with its line number and keeps the valid lines", async () => {
    const tooMany = conversation("REJ-MANY");
    tooMany.messages = Array.from({ length: 5001 }, (_, index) => ({
      from: "customer",
      at: `2026-03-01T10:00:00+08:00`,
      text: `第${index}条`,
    }));
    const lines: (string | object)[] = [
      conversation("OK-1"), // 1
      "{not json", // 2
      "[1, 2]", // 3
      conversation("", {}), // 4 missing id
      conversation("REJ-CHANNEL", { channel: "fax" }), // 5
      conversation("REJ-TIME", { startedAt: "2026-02-30T10:00:00+08:00" }), // 6
      conversation("REJ-ENDED", { endedAt: "2026-03-01T09:00:00+08:00" }), // 7
      conversation("REJ-CUSTOMER", { customer: "" }), // 8
      conversation("REJ-NOAGENTS", { agents: [] }), // 9
      conversation("REJ-AGENT", { agents: ["A9999"] }), // 10
      conversation("REJ-CSAT", { csat: 7 }), // 11
      conversation("REJ-FIELD", { resolved: "maybe" }), // 12
      conversation("REJ-NOMSG", { messages: [] }), // 13
      tooMany, // 14
      conversation("REJ-SENDER", { messages: [{ from: "robot", at: "2026-03-01T10:00:00+08:00", text: "hi" }] }), // 15
      conversation("REJ-TEXT", { messages: [{ from: "customer", at: "2026-03-01T10:00:00+08:00", text: "  " }] }), // 16
      conversation("REJ-LONG", {
        messages: [{ from: "customer", at: "2026-03-01T10:00:00+08:00", text: "长".repeat(10_001) }],
      }), // 17
      conversation("REJ-ORDER", {
        messages: [
          { from: "customer", at: "2026-03-01T10:05:00+08:00", text: "在吗" },
          { from: "agent", at: "2026-03-01T10:01:00+08:00", text: "在的" },
        ],
      }), // 18
      conversation("OK-1"), // 19 duplicate
      conversation("REJ-MSGTIME", { messages: [{ from: "customer", at: "yesterday", text: "在吗" }] }), // 20
      "", // 21 blank: skipped
      conversation("OK-2"), // 22
    ];
    const file = await writeJsonl("bad.jsonl", lines);
    const result = await importLocalFile(file);
    expect(result.status).toBe("succeeded");
    const rejections = await db.importRejection.findMany({
      where: { batchId: result.batchId },
      orderBy: { line: "asc" },
      select: { line: true, externalId: true, reason: true },
    });
    expect(rejections.map(({ line, reason }) => [line, reason])).toEqual([
      [2, "invalid-json"],
      [3, "not-an-object"],
      [4, "missing-id"],
      [5, "unknown-channel"],
      [6, "bad-timestamp"],
      [7, "ended-before-start"],
      [8, "missing-customer"],
      [9, "no-agents"],
      [10, "unknown-agent"],
      [11, "bad-csat"],
      [12, "invalid-field"],
      [13, "no-messages"],
      [14, "too-many-messages"],
      [15, "unknown-sender"],
      [16, "message-missing-text"],
      [17, "message-text-too-long"],
      [18, "messages-out-of-order"],
      [19, "duplicate-id-in-file"],
      [20, "bad-timestamp"],
    ]);
    expect(rejections.find((rejection) => rejection.line === 10)!.externalId).toBe("REJ-AGENT");
    expect(await batchOf(result.batchId)).toMatchObject({ created: 2, rejected: 19 });
    expect(await db.conversation.count({ where: { externalId: { startsWith: "REJ-" } } })).toBe(0);
  });

  it("fails a batch whose file is missing, with a reason", async () => {
    const result = await importLocalFile(path.join(dir, "nope.jsonl"));
    expect(result.status).toBe("failed");
    expect((await batchOf(result.batchId)).error).toMatch(/^file-missing/);
  });
});

describe("CSV import", () => {
  const header = "会话ID,渠道,开始时间,结束时间,接待客服,顾客,满意度,是否投诉,标签,发送方,客服工号,发送时间,内容,店铺";

  it("groups consecutive rows into conversations and reads Chinese headers and values", async () => {
    const csv = [
      header,
      "CSV-1,在线,2026-03-02 09:00:00,2026-03-02 09:10:00,A2001,buyer_a,5,否,物流;催单,顾客,,2026-03-02 09:00:00,快递三天没动了,旗舰店",
      'CSV-1,,,,,,,,,客服,A2001,2026-03-02 09:01:30,"亲，已为您联系快递，\n今天内给您回复",',
      "CSV-2,电话,2026-03-02 10:00:00,,A2002,buyer_b,1,是,投诉,顾客,,2026-03-02 10:00:00,东西坏了,",
      "CSV-2,电话,2026-03-02 10:00:00,,A2002,buyer_b,1,是,投诉,客服,,2026-03-02 10:00:20,非常抱歉,",
    ].join("\n");
    const file = path.join(dir, "messages.csv");
    await writeFile(file, `\uFEFF${csv}`);
    const result = await importLocalFile(file);
    expect(await batchOf(result.batchId)).toMatchObject({ created: 2, rejected: 0, messages: 4 });
    const stored = await db.conversation.findUniqueOrThrow({
      where: { externalId: "CSV-1" },
      select: {
        channel: true,
        tags: true,
        firstResponseSeconds: true,
        extra: true,
        messages: { select: { text: true } },
      },
    });
    expect(stored).toMatchObject({
      channel: "chat",
      tags: ["物流", "催单"],
      firstResponseSeconds: 90,
      extra: { 店铺: "旗舰店" },
    });
    expect(stored.messages.map((message) => message.text)).toContain("亲，已为您联系快递，\n今天内给您回复");
    const complaint = await db.conversation.findUniqueOrThrow({
      where: { externalId: "CSV-2" },
      select: { complaint: true, csat: true, channel: true },
    });
    expect(complaint).toEqual({ complaint: true, csat: 1, channel: "phone" });

    // The same conversations as JSON produce the same hash: re-importing them is a no-op.
    const again = await importLocalFile(file);
    expect(await batchOf(again.batchId)).toMatchObject({ created: 0, unchanged: 2 });
  });

  it("points message-level problems at their row and rejects a contradicting or split conversation whole", async () => {
    const csv = [
      "conversation_id,channel,started_at,agents,customer,from,agent,at,text",
      "CSV-3,chat,2026-03-03 09:00:00,A2001,buyer_c,customer,,2026-03-03 09:00:00,在吗", // 2
      "CSV-3,chat,2026-03-03 09:00:00,A2001,buyer_c,agent,,not-a-time,在的", // 3
      "CSV-4,chat,2026-03-03 09:00:00,A2001,buyer_d,customer,,2026-03-03 09:00:00,在吗", // 4
      "CSV-4,phone,2026-03-03 09:00:00,A2001,buyer_d,agent,,2026-03-03 09:00:10,在的", // 5
      "CSV-5,chat,2026-03-03 09:00:00,A2001,buyer_e,customer,,2026-03-03 09:00:00,你好", // 6
      "CSV-6,chat,2026-03-03 09:00:00,A2001,buyer_f,customer,,2026-03-03 09:00:00,你好", // 7
      "CSV-5,chat,2026-03-03 09:00:00,A2001,buyer_e,agent,,2026-03-03 09:00:05,您好", // 8
    ].join("\n");
    const file = path.join(dir, "bad.csv");
    await writeFile(file, csv);
    const result = await importLocalFile(file);
    const rejections = await db.importRejection.findMany({
      where: { batchId: result.batchId },
      orderBy: { line: "asc" },
      select: { line: true, externalId: true, reason: true },
    });
    expect(rejections).toEqual([
      { line: 3, externalId: "CSV-3", reason: "bad-timestamp" },
      { line: 5, externalId: "CSV-4", reason: "conflicting-rows" },
      { line: 8, externalId: "CSV-5", reason: "duplicate-id-in-file" },
    ]);
    expect(await db.conversation.count({ where: { externalId: { in: ["CSV-3", "CSV-4"] } } })).toBe(0);
  });

  it("fails a CSV without the required columns", async () => {
    const file = path.join(dir, "columns.csv");
    await writeFile(file, "conversation_id,channel,text\nX,chat,hi\n");
    const result = await importLocalFile(file);
    expect(result.status).toBe("failed");
    expect((await batchOf(result.batchId)).error).toBe("missing-columns: started_at, agents, customer, from, at");
  });

  it("never half-writes the conversation being read when the CSV breaks", async () => {
    const csv = [
      "conversation_id,channel,started_at,agents,customer,from,agent,at,text",
      "CSV-7,chat,2026-03-03 09:00:00,A2001,buyer_g,customer,,2026-03-03 09:00:00,你好",
      "CSV-8,chat,2026-03-03 09:00:00,A2001,buyer_h,customer,,2026-03-03 09:00:00,你好",
      'CSV-8,chat,2026-03-03 09:00:00,A2001,buyer_h,agent,,2026-03-03 09:00:05,"您好"x"',
      'CSV-8,chat,2026-03-03 09:00:00,A2001,buyer_h,customer,,2026-03-03 09:00:09,"没有结束的引号',
    ].join("\n");
    const file = path.join(dir, "broken.csv");
    await writeFile(file, csv);
    const result = await importLocalFile(file);
    expect(result.status).toBe("failed");
    expect((await batchOf(result.batchId)).error).toMatch(/^csv-syntax/);
    expect(await db.conversation.count({ where: { externalId: "CSV-7" } })).toBe(1);
    expect(await db.conversation.count({ where: { externalId: "CSV-8" } })).toBe(0);
  });
});

describe("item import (REST)", () => {
  it("answers with counts and per-item rejections by index", async () => {
    const result = await importItems([conversation("API-1"), { id: "API-2" }, conversation("API-1")], {
      source: "api",
    });
    expect(result.counts).toMatchObject({ created: 1, rejected: 2 });
    expect(result.rejections.map((rejection) => [rejection.line, rejection.reason])).toEqual([
      [2, "unknown-channel"],
      [3, "duplicate-id-in-file"],
    ]);
  });
});
