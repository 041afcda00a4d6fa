import { describe, expect, it } from "vitest";
import { periodsForPayload } from "~/modules/kpi/job-periods";
import { periodKey } from "~/modules/kpi/periods";
import { snapshotStatements, type SnapshotSqlInput } from "~/modules/kpi/snapshot-sql";
import { validateConversation } from "~/modules/qa/import/contract";
import { resolveConversation } from "~/modules/qa/import/resolve";

const NOW = new Date("2026-12-01T01:00:00Z"); // 09:00 on 1 December in Shanghai
const TZ = "Asia/Shanghai";

describe("kpi.snapshot payload → periods", () => {
  it.each([
    [{}, ["2026-11", "2026-12"]],
    [{ periodKind: "quarter", periodStart: "2026-07-01" }, ["2026-Q3"]],
    [{ periodKind: "year", periodStart: "2025-01-01" }, ["2025"]],
    [{ periodStart: "2026-02-01" }, ["2026-02"]],
  ] as const)("%j computes %j", (payload, keys) => {
    expect(periodsForPayload(payload, NOW, TZ).map(periodKey)).toEqual(keys);
  });

  it("the scheduled run just after midnight on the 1st still recomputes the month that ended", () => {
    // 2026-11-30T16:30Z is 00:30 on 1 December in Shanghai.
    expect(periodsForPayload({}, new Date("2026-11-30T16:30:00Z"), TZ).map(periodKey)).toEqual(["2026-11", "2026-12"]);
  });

  it.each([
    { periodKind: "quarter", periodStart: "2026-02-01" },
    { periodKind: "month", periodStart: "2026-02-15" },
    { periodKind: "year", periodStart: "2026-04-01" },
    { periodKind: "month", periodStart: "Feb 2026" },
  ] as const)("refuses %j", (payload) => {
    expect(() => periodsForPayload(payload, NOW, TZ)).toThrow();
  });
});

describe("snapshot SQL", () => {
  const input: SnapshotSqlInput = {
    periodKind: "month",
    periodStart: "2026-11-01",
    periodEndDay: "2026-12-01",
    from: new Date("2026-10-31T16:00:00Z"),
    to: new Date("2026-11-30T16:00:00Z"),
    stamp: new Date("2026-12-01T02:30:00Z"),
    attribution: "last_agent",
  };

  it("covers every source and aggregates agents and teams in one pass each", () => {
    const statements = snapshotStatements(input);
    expect(statements.map((statement) => statement.source)).toEqual([
      "conversations",
      "first_responses",
      "replies",
      "reviews",
      "exam_attempts",
      "assignments",
      "feedback",
    ]);
    for (const { sql } of statements) {
      expect(sql).toContain("GROUPING SETS ((agent_id), (team_id))");
      expect(sql).toContain("ON CONFLICT");
    }
  });

  it("splits shared conversations only under split attribution", () => {
    expect(snapshotStatements(input)[0]!.sql).toContain(`c."lastAgentId" AS agent_id`);
    expect(snapshotStatements({ ...input, attribution: "split" })[0]!.sql).toContain("count(*) OVER (PARTITION BY");
  });

  it("refuses a period that is not a date", () => {
    expect(() => snapshotStatements({ ...input, periodStart: "2026-11-01'; DROP TABLE x" })).toThrow();
  });
});

describe("import figures for KPIs", () => {
  const raw = {
    id: "K1",
    channel: "chat",
    startedAt: "2026-03-10T10:00:00+08:00",
    agents: ["A1", "A2"],
    customer: "buyer",
    messages: [
      { from: "bot", at: "2026-03-10T10:00:00+08:00", text: "欢迎光临" },
      { from: "customer", at: "2026-03-10T10:00:10+08:00", text: "在吗" },
      { from: "customer", at: "2026-03-10T10:00:20+08:00", text: "想问下发货" },
      { from: "agent", agent: "A1", at: "2026-03-10T10:00:50+08:00", text: "亲，在的" },
      { from: "agent", agent: "A1", at: "2026-03-10T10:01:00+08:00", text: "今天发货" },
      { from: "customer", at: "2026-03-10T10:02:00+08:00", text: "好的，能改地址吗" },
      { from: "system", at: "2026-03-10T10:02:30+08:00", text: "会话已转接" },
      { from: "agent", agent: "A2", at: "2026-03-10T10:05:00+08:00", text: "可以的，已为您修改" },
    ],
  };
  const agents = new Map([
    ["A1", { id: "u1", teamId: "t1" }],
    ["A2", { id: "u2", teamId: "t1" }],
  ]);

  it("stores when each answered wait began, the first responder and the last agent", () => {
    const validated = validateConversation(raw, { timeZone: TZ });
    if (!validated.ok) throw new Error(validated.reason);
    const resolved = resolveConversation(validated.conversation, agents);
    if (!resolved.ok) throw new Error(resolved.reason);
    const { row, messages } = resolved.conversation;
    expect(messages.map((message) => message.waitStartedAt?.toISOString() ?? null)).toEqual([
      null,
      null,
      null,
      "2026-03-10T02:00:10.000Z", // the wait began at the first of the two customer messages
      null, // a second reply in a row ends no wait
      null,
      null,
      "2026-03-10T02:02:00.000Z",
    ]);
    expect(row).toMatchObject({ firstResponderId: "u1", lastAgentId: "u2", firstResponseSeconds: 40 });
  });

  it("hashes csatRequested only when present, so files without it keep their hashes", () => {
    const hash = (extra: object) => {
      const result = validateConversation({ ...raw, ...extra }, { timeZone: TZ });
      if (!result.ok) throw new Error(result.reason);
      return result.conversation.contentHash;
    };
    expect(hash({ csatRequested: null })).toBe(hash({}));
    expect(hash({ csatRequested: true })).not.toBe(hash({}));
    expect(hash({ csatRequested: true })).not.toBe(hash({ csatRequested: false }));
  });
});
