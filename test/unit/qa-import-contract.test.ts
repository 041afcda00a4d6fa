import { describe, expect, it } from "vitest";
import { validateConversation } from "~/modules/qa/import/contract";
import {
  CsvGrouper,
  groupToConversation,
  lineForDetail,
  mapCsvHeader,
  splitList,
} from "~/modules/qa/import/csv-format";
import { stableStringify } from "~/modules/qa/import/hash";
import { ItemChecker, parseJsonLine } from "~/modules/qa/import/pipeline";
import { resolveConversation } from "~/modules/qa/import/resolve";
import { parseTimestamp } from "~/modules/qa/import/timestamps";
import { isCrossSiteRequest } from "~/utils/csrf.server";

const options = { timeZone: "Asia/Shanghai" };

function valid(overrides: Record<string, unknown> = {}) {
  return {
    id: "TB-1",
    channel: "chat",
    startedAt: "2026-03-01T10:00:00+08:00",
    endedAt: "2026-03-01T10:10:00+08:00",
    agents: ["A1001"],
    customer: "tb_buyer",
    csat: 5,
    messages: [
      { from: "customer", at: "2026-03-01T10:00:00+08:00", text: "在吗？" },
      { from: "agent", at: "2026-03-01T10:00:30+08:00", text: "亲，在的～" },
    ],
    ...overrides,
  };
}

const msg = (from: string, at: string, text = "你好", extra: Record<string, unknown> = {}) => ({
  from,
  at,
  text,
  ...extra,
});

describe("validateConversation: rejection reasons", () => {
  const cases: [string, unknown, string][] = [
    ["array", [1], "not-an-object"],
    ["missing id", valid({ id: undefined }), "missing-id"],
    ["blank id", valid({ id: "  " }), "missing-id"],
    ["id too long", valid({ id: "x".repeat(201) }), "bad-id"],
    ["unknown channel", valid({ channel: "fax" }), "unknown-channel"],
    ["bad startedAt", valid({ startedAt: "2026-13-01T00:00:00Z" }), "bad-timestamp"],
    ["impossible date", valid({ startedAt: "2026-02-30T10:00:00+08:00" }), "bad-timestamp"],
    ["bad endedAt", valid({ endedAt: "tomorrow" }), "bad-timestamp"],
    ["ended before start", valid({ endedAt: "2026-03-01T09:59:59+08:00" }), "ended-before-start"],
    ["missing customer", valid({ customer: undefined }), "missing-customer"],
    ["no agents", valid({ agents: [] }), "no-agents"],
    ["agents not a list", valid({ agents: "A1001" }), "no-agents"],
    ["csat 0", valid({ csat: 0 }), "bad-csat"],
    ["csat 4.5", valid({ csat: 4.5 }), "bad-csat"],
    ["csat text", valid({ csat: "good" }), "bad-csat"],
    ["resolved not boolean", valid({ resolved: "yes" }), "invalid-field"],
    ["negative order value", valid({ orderValue: -1 }), "invalid-field"],
    ["tags not strings", valid({ tags: [1] }), "invalid-field"],
    ["no messages", valid({ messages: [] }), "no-messages"],
    ["messages missing", valid({ messages: undefined }), "no-messages"],
    [
      "too many messages",
      valid({ messages: Array.from({ length: 5001 }, () => msg("customer", "2026-03-01T10:00:00Z")) }),
      "too-many-messages",
    ],
    ["unknown sender", valid({ messages: [msg("buyer", "2026-03-01T10:00:00Z")] }), "unknown-sender"],
    ["message bad time", valid({ messages: [msg("customer", "10:00")] }), "bad-timestamp"],
    [
      "message no text",
      valid({ messages: [{ from: "customer", at: "2026-03-01T10:00:00Z" }] }),
      "message-missing-text",
    ],
    [
      "message blank text",
      valid({ messages: [msg("customer", "2026-03-01T10:00:00Z", " \n")] }),
      "message-missing-text",
    ],
    [
      "message too long",
      valid({ messages: [msg("customer", "2026-03-01T10:00:00Z", "字".repeat(10_001))] }),
      "message-text-too-long",
    ],
    [
      "out of order",
      valid({ messages: [msg("customer", "2026-03-01T10:00:10Z"), msg("agent", "2026-03-01T10:00:09Z")] }),
      "messages-out-of-order",
    ],
    ["message not an object", valid({ messages: ["hi"] }), "invalid-field"],
  ];
  it.each(cases)("%s", (_name, raw, reason) => {
    const result = validateConversation(raw, options);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toBe(reason);
  });

  it("names the offending field and value in the detail", () => {
    const result = validateConversation(valid({ messages: [msg("customer", "昨天")] }), options);
    expect(result).toMatchObject({ ok: false, externalId: "TB-1", detail: 'messages[0].at: "昨天"' });
  });
});

describe("validateConversation: normalisation", () => {
  it("keeps extra fields, credits unattributed agent messages to the first agent, adds message-only agents", () => {
    const result = validateConversation(
      valid({
        agents: ["A1001", "A1001"],
        shop: "旗舰店",
        orderValue: "199.9",
        messages: [
          msg("customer", "2026-03-01T10:00:00+08:00"),
          msg("agent", "2026-03-01T10:00:30+08:00"),
          msg("agent", "2026-03-01T10:01:00+08:00", "转接", { agent: "A1002" }),
          msg("bot", "2026-03-01T10:01:05+08:00", "评价邀请", { agent: "A1003" }),
        ],
      }),
      options,
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.conversation.agents).toEqual(["A1001", "A1002"]);
    expect(result.conversation.messages.map((message) => message.agent)).toEqual([null, "A1001", "A1002", null]);
    expect(result.conversation.extra).toEqual({ shop: "旗舰店" });
    expect(result.conversation.orderValue).toBe("199.90");
    expect(result.conversation.complaint).toBe(false);
  });

  it("hashes equal for the same conversation written differently, and differently for a changed text", () => {
    const a = validateConversation(valid(), options);
    const reordered = validateConversation(
      {
        messages: [
          { text: "在吗？", at: "2026-03-01T02:00:00Z", from: "customer" },
          { at: "2026-03-01T02:00:30.000Z", from: "agent", text: "亲，在的～" },
        ],
        csat: "5",
        customer: "tb_buyer",
        agents: ["A1001"],
        endedAt: "2026-03-01 10:10:00",
        startedAt: "2026-03-01 10:00:00",
        channel: "chat",
        id: "TB-1",
      },
      options,
    );
    const changed = validateConversation(
      valid({ messages: [msg("customer", "2026-03-01T10:00:00+08:00", "在吗")] }),
      options,
    );
    expect(a.ok && reordered.ok && changed.ok).toBe(true);
    if (!a.ok || !reordered.ok || !changed.ok) return;
    expect(reordered.conversation.contentHash).toBe(a.conversation.contentHash);
    expect(changed.conversation.contentHash).not.toBe(a.conversation.contentHash);
    expect(a.conversation.contentHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it("stableStringify sorts keys at every level", () => {
    expect(stableStringify({ b: 1, a: { d: [2, { f: 1, e: 0 }], c: null } })).toBe(
      '{"a":{"c":null,"d":[2,{"e":0,"f":1}]},"b":1}',
    );
  });
});

describe("parseTimestamp", () => {
  const cases: [string, string | null][] = [
    ["2026-03-01T10:00:00+08:00", "2026-03-01T02:00:00.000Z"],
    ["2026-03-01T10:00:00Z", "2026-03-01T10:00:00.000Z"],
    ["2026-03-01T10:00:00.250-0500", "2026-03-01T15:00:00.250Z"],
    ["2026-03-01 10:00:00", "2026-03-01T02:00:00.000Z"], // no offset: Asia/Shanghai
    ["2026-03-01 10:00", "2026-03-01T02:00:00.000Z"],
    ["2026-03-01", "2026-02-28T16:00:00.000Z"],
    ["2026-02-29T10:00:00Z", null],
    ["2026-03-01T24:00:00Z", null],
    ["2026/03/01 10:00", null],
    ["1709258400", null],
  ];
  it.each(cases)("%s → %s", (input, expected) => {
    expect(parseTimestamp(input, "Asia/Shanghai")?.toISOString() ?? null).toBe(expected);
  });
});

describe("JSON lines and duplicates", () => {
  it("rejects broken JSON with the line number and strips a BOM on line 1", () => {
    expect(parseJsonLine("{oops", 7)).toMatchObject({ ok: false, rejection: { line: 7, reason: "invalid-json" } });
    expect(parseJsonLine('\uFEFF{"a":1}', 1)).toEqual({ ok: true, value: { a: 1 } });
  });

  it("keeps the first occurrence of an id and rejects the later ones", () => {
    const checker = new ItemChecker(options);
    expect(checker.check({ kind: "conversation", line: 1, raw: valid() }).kind).toBe("conversation");
    expect(checker.check({ kind: "conversation", line: 5, raw: valid() })).toEqual({
      kind: "rejection",
      rejection: { line: 5, externalId: "TB-1", reason: "duplicate-id-in-file", detail: null },
    });
  });
});

describe("resolveConversation", () => {
  it("rejects unknown 工号 and computes the figures for known ones", () => {
    const result = validateConversation(valid({ agents: ["A1001", "A1009"] }), options);
    if (!result.ok) throw new Error("fixture");
    const agents = new Map([
      ["A1001", { id: "u1", teamId: "pre" }],
      ["A1009", null],
    ]);
    expect(resolveConversation(result.conversation, agents)).toEqual({
      ok: false,
      reason: "unknown-agent",
      detail: "A1009",
    });
    const resolved = resolveConversation(
      result.conversation,
      new Map([
        ["A1001", { id: "u1", teamId: "pre" }],
        ["A1009", { id: "u9", teamId: "aft" }],
      ]),
    );
    expect(resolved.ok && resolved.conversation.row).toMatchObject({
      primaryAgentId: "u1",
      teamId: "pre",
      messageCount: 2,
      handlingSeconds: 600,
      firstResponseSeconds: 30,
      longestWaitSeconds: 30,
    });
    expect(resolved.ok && resolved.conversation.agentIds).toEqual(["u1", "u9"]);
  });
});

describe("CSV format", () => {
  const header = mapCsvHeader([
    "\uFEFF会话ID",
    "渠道",
    "开始时间",
    "接待客服",
    "顾客",
    "满意度",
    "是否投诉",
    "标签",
    "发送方",
    "客服工号",
    "发送时间",
    "内容",
    "店铺",
  ]);

  it("maps Chinese and English headers and lists the missing required ones", () => {
    expect(header.missing).toEqual([]);
    expect(header.columns.at(-1)).toEqual({ kind: "extra", name: "店铺" });
    expect(mapCsvHeader(["conversation_id", "channel", "text"]).missing).toEqual([
      "startedAt",
      "agents",
      "customer",
      "from",
      "at",
    ]);
  });

  it("groups consecutive rows by id", () => {
    const grouper = new CsvGrouper(0);
    const rows = [
      { line: 2, values: ["C1"] },
      { line: 3, values: ["C1"] },
      { line: 4, values: ["C2"] },
      { line: 6, values: ["C1"] },
    ];
    const groups = rows.map((row) => grouper.push(row)).filter(Boolean);
    groups.push(grouper.flush());
    expect(groups.map((group) => [group!.externalId, group!.rows.map((row) => row.line)])).toEqual([
      ["C1", [2, 3]],
      ["C2", [4]],
      ["C1", [6]],
    ]);
  });

  it("builds the contract object with Chinese values converted", () => {
    const values = (from: string, at: string, text: string, agent = "") => [
      "C1",
      "电话",
      "2026-03-01 10:00:00",
      "A3001、A3002",
      "buyer",
      "2",
      "是",
      "质量投诉;赔付",
      from,
      agent,
      at,
      text,
      "旗舰店",
    ];
    const result = groupToConversation(header, {
      line: 2,
      externalId: "C1",
      rows: [
        { line: 2, values: values("顾客", "2026-03-01 10:00:01", "杯子漏水") },
        { line: 3, values: values("客服", "2026-03-01 10:00:31", "非常抱歉", "A3002") },
      ],
    });
    expect(result).toEqual({
      ok: true,
      rowLines: [2, 3],
      raw: {
        id: "C1",
        channel: "phone",
        startedAt: "2026-03-01 10:00:00",
        agents: ["A3001", "A3002"],
        customer: "buyer",
        csat: 2,
        complaint: true,
        tags: ["质量投诉", "赔付"],
        店铺: "旗舰店",
        messages: [
          { from: "customer", at: "2026-03-01 10:00:01", text: "杯子漏水" },
          { from: "agent", agent: "A3002", at: "2026-03-01 10:00:31", text: "非常抱歉" },
        ],
      },
    });
  });

  it("rejects rows that contradict the first row's conversation fields", () => {
    const base = [
      "C1",
      "在线",
      "2026-03-01 10:00:00",
      "A1001",
      "buyer",
      "",
      "",
      "",
      "顾客",
      "",
      "2026-03-01 10:00:00",
      "hi",
      "",
    ];
    const other = [...base];
    other[4] = "someone-else";
    const result = groupToConversation(header, {
      line: 2,
      externalId: "C1",
      rows: [
        { line: 2, values: base },
        { line: 3, values: other },
      ],
    });
    expect(result).toMatchObject({ ok: false, line: 3, reason: "conflicting-rows" });
  });

  it("splits lists and points message problems at their row", () => {
    expect(splitList("A1; A2|A3、A4，")).toEqual(["A1", "A2", "A3", "A4"]);
    expect(lineForDetail('messages[1].at: "x"', [2, 5, 9], 2)).toBe(5);
    expect(lineForDetail("csat: 7", [2, 5], 2)).toBe(2);
  });
});

describe("cross-site guard and the API", () => {
  const base = { method: "POST", origin: "https://evil.example", referer: null, host: "app.example" };
  it("lets a bearer-token API call without cookies through, but nothing else cross-site", () => {
    expect(isCrossSiteRequest({ ...base, path: "/api/v1/conversations", authorization: "Bearer fwk_x" })).toBe(false);
    expect(
      isCrossSiteRequest({
        ...base,
        path: "/api/v1/conversations",
        authorization: "Bearer fwk_x",
        cookie: "fw_session=1",
      }),
    ).toBe(true);
    expect(isCrossSiteRequest({ ...base, path: "/api/v1/conversations" })).toBe(true);
    expect(isCrossSiteRequest({ ...base, path: "/admin/users", authorization: "Bearer fwk_x" })).toBe(true);
    expect(isCrossSiteRequest({ ...base, origin: null, path: "/api/v1/conversations" })).toBe(false);
  });
});
