/**
 * The KPI snapshot engine on a small hand-built dataset, March 2026 in Asia/Shanghai. Every expected number below
 * is worked out by hand from this table (times local, +08:00):
 *
 * 售后服务组 (T1): a1 A3001, a2 A3002 — no business hours. 售前咨询组 (T2): b1 A3003 — Mon–Fri 09:00–18:00.
 *   C1 a1     Wed 03-04 10:00  cust 0, a1 +60, cust +120, a1 +300  end +600   csat 5 resolved ✓
 *   C2 a1     Thu 03-05 10:00  cust 0, a1 +120                      end +1200  csat 3 resolved ✗ complaint
 *   C3 a1     Fri 03-06 10:00  cust 0, bot +5, a1 +30               end +900   no rating, survey sent, resolved ✓
 *   C4 a1+a2  Tue 03-10 10:00  cust 0, a1 +40, cust +100, a2 +400   end +1800  csat 4 resolved ✓ (last agent a2)
 *   C5 a2     Wed 03-11 10:00  cust 0, a2 +90                       end +600   csat 2 survey sent, resolved ✓
 *   C6 a2     Thu 03-12 10:00  cust 0, a2 +200                      end +3000  no rating, no survey, resolved ?
 *   C7 b1     Fri 03-06 17:30  cust, b1 Mon 03-09 09:05 (2100 business s)  end Mon 09:20  csat 5 ✓ converted
 *   C8 b1     Wed 03-11 17:50  cust, b1 Thu 09:10 (1200 business s), cust 09:12, b1 09:13  end 09:20
 *                                                                           csat 4 ✓ not converted
 *   C9 b1     Thu 03-12 10:00  cust 0, b1 +100                      end +300   resolved ✗
 *   outside March: a1 on 02-28 23:59 and on 04-01 00:00.
 */
import { readFile } from "node:fs/promises";
import { beforeAll, describe, expect, it } from "vitest";
import { businessSeconds, type BusinessCalendar } from "~/modules/kpi/business-hours";
import { drillDown } from "~/modules/kpi/drill-down.server";
import { runKpiSnapshotJob } from "~/modules/kpi/jobs.server";
import { parsePeriodKey } from "~/modules/kpi/periods";
import { computeKpiSnapshots } from "~/modules/kpi/snapshot.server";
import { importItems } from "~/modules/qa/import/import.server";
import { db } from "~/utils/db.server";
import { createTestUser } from "../support/auth";
import { createTestReview, createTestRubric } from "../support/qa-fixtures";

const MARCH = parsePeriodKey("2026-03")!;
const TZ = "Asia/Shanghai";
const ids = { a1: "", a2: "", b1: "", t1: "", t2: "" };

type Msg = [from: "customer" | "agent" | "bot", agent: string | null, at: string];

function conversation(
  id: string,
  agents: string[],
  startedAt: string,
  endedAt: string,
  messages: Msg[],
  fields: Record<string, unknown> = {},
) {
  return {
    id,
    channel: "chat",
    startedAt: `${startedAt}+08:00`,
    endedAt: `${endedAt}+08:00`,
    agents,
    customer: `buyer_${id}`,
    tags: [],
    messages: messages.map(([from, agent, at]) => ({
      from,
      ...(agent ? { agent } : {}),
      at: `${at}+08:00`,
      text: from === "customer" ? "你好，在吗？" : "亲，您好，这边为您查询一下～",
    })),
    ...fields,
  };
}

const CONVERSATIONS = [
  conversation(
    "C1",
    ["A3001"],
    "2026-03-04T10:00:00",
    "2026-03-04T10:10:00",
    [
      ["customer", null, "2026-03-04T10:00:00"],
      ["agent", "A3001", "2026-03-04T10:01:00"],
      ["customer", null, "2026-03-04T10:02:00"],
      ["agent", "A3001", "2026-03-04T10:05:00"],
    ],
    { csat: 5, resolved: true },
  ),
  conversation(
    "C2",
    ["A3001"],
    "2026-03-05T10:00:00",
    "2026-03-05T10:20:00",
    [
      ["customer", null, "2026-03-05T10:00:00"],
      ["agent", "A3001", "2026-03-05T10:02:00"],
    ],
    { csat: 3, resolved: false, complaint: true },
  ),
  conversation(
    "C3",
    ["A3001"],
    "2026-03-06T10:00:00",
    "2026-03-06T10:15:00",
    [
      ["customer", null, "2026-03-06T10:00:00"],
      ["bot", null, "2026-03-06T10:00:05"],
      ["agent", "A3001", "2026-03-06T10:00:30"],
    ],
    { resolved: true, csatRequested: true },
  ),
  conversation(
    "C4",
    ["A3001", "A3002"],
    "2026-03-10T10:00:00",
    "2026-03-10T10:30:00",
    [
      ["customer", null, "2026-03-10T10:00:00"],
      ["agent", "A3001", "2026-03-10T10:00:40"],
      ["customer", null, "2026-03-10T10:01:40"],
      ["agent", "A3002", "2026-03-10T10:06:40"],
    ],
    { csat: 4, resolved: true },
  ),
  conversation(
    "C5",
    ["A3002"],
    "2026-03-11T10:00:00",
    "2026-03-11T10:10:00",
    [
      ["customer", null, "2026-03-11T10:00:00"],
      ["agent", "A3002", "2026-03-11T10:01:30"],
    ],
    { csat: 2, resolved: true, csatRequested: true },
  ),
  conversation(
    "C6",
    ["A3002"],
    "2026-03-12T10:00:00",
    "2026-03-12T10:50:00",
    [
      ["customer", null, "2026-03-12T10:00:00"],
      ["agent", "A3002", "2026-03-12T10:03:20"],
    ],
    { csatRequested: false },
  ),
  conversation(
    "C7",
    ["A3003"],
    "2026-03-06T17:30:00",
    "2026-03-09T09:20:00",
    [
      ["customer", null, "2026-03-06T17:30:00"],
      ["agent", "A3003", "2026-03-09T09:05:00"],
    ],
    { csat: 5, resolved: true, converted: true },
  ),
  conversation(
    "C8",
    ["A3003"],
    "2026-03-11T17:50:00",
    "2026-03-12T09:20:00",
    [
      ["customer", null, "2026-03-11T17:50:00"],
      ["agent", "A3003", "2026-03-12T09:10:00"],
      ["customer", null, "2026-03-12T09:12:00"],
      ["agent", "A3003", "2026-03-12T09:13:00"],
    ],
    { csat: 4, resolved: true, converted: false },
  ),
  conversation(
    "C9",
    ["A3003"],
    "2026-03-12T10:00:00",
    "2026-03-12T10:05:00",
    [
      ["customer", null, "2026-03-12T10:00:00"],
      ["agent", "A3003", "2026-03-12T10:01:40"],
    ],
    { resolved: false },
  ),
  conversation(
    "C-FEB",
    ["A3001"],
    "2026-02-28T23:59:00",
    "2026-03-01T00:10:00",
    [
      ["customer", null, "2026-02-28T23:59:00"],
      ["agent", "A3001", "2026-02-28T23:59:30"],
    ],
    { csat: 1, resolved: false },
  ),
  conversation(
    "C-APR",
    ["A3001"],
    "2026-04-01T00:00:00",
    "2026-04-01T00:10:00",
    [
      ["customer", null, "2026-04-01T00:00:00"],
      ["agent", "A3001", "2026-04-01T00:05:00"],
    ],
    { csat: 1, resolved: false },
  ),
];

const local = (value: string) => new Date(`${value}+08:00`);

beforeAll(async () => {
  ids.t1 = (await db.team.create({ data: { code: "AFT", name: "售后服务组" } })).id;
  ids.t2 = (await db.team.create({ data: { code: "PRE", name: "售前咨询组" } })).id;
  ids.a1 = (await createTestUser({ externalId: "A3001", name: "王佳怡", teamId: ids.t1 })).id;
  ids.a2 = (await createTestUser({ externalId: "A3002", name: "刘洋", teamId: ids.t1 })).id;
  ids.b1 = (await createTestUser({ externalId: "A3003", name: "陈晨", teamId: ids.t2 })).id;
  await db.teamBusinessHours.create({
    data: { teamId: ids.t2, enabled: true, workingDays: [1, 2, 3, 4, 5], startMinute: 540, endMinute: 1080 },
  });
  const imported = await importItems(CONVERSATIONS, { source: "api" });
  expect(imported.rejections).toEqual([]);

  const inspector = await createTestUser({ roles: ["qa_inspector"] });
  const rubric = await createTestRubric();
  const convId = async (externalId: string) => (await db.conversation.findUniqueOrThrow({ where: { externalId } })).id;
  const review = (externalId: string, agentId: string, score: number, submittedAt: string, extra = {}) =>
    convId(externalId).then((conversationId) =>
      createTestReview({
        conversationId,
        inspectorId: inspector.id,
        rubricVersionId: rubric.versionId,
        agentId,
        status: "submitted",
        score,
        submittedAt: local(submittedAt),
        ...extra,
      }),
    );
  await review("C1", ids.a1, 90, "2026-03-05T12:00:00");
  const red = await review("C2", ids.a1, 70, "2026-03-20T12:00:00");
  await db.review.update({ where: { id: red.id }, data: { criticalFailed: true } });
  await review("C5", ids.a2, 80, "2026-03-21T12:00:00");
  await review("C3", ids.a1, 10, "2026-03-21T12:00:00", { kind: "calibration" });
  await review("C3", ids.a1, 0, "2026-03-21T12:00:00", { status: "draft" });
  await review("C-APR", ids.a1, 20, "2026-04-02T12:00:00");

  const exam = await db.exam.create({ data: { slug: "kpi-exam", title: "售后政策考试", status: "published" } });
  const attempt = (userId: string, number: number, status: "graded" | "pending_grading", percent: number, at: string) =>
    db.examAttempt.create({
      data: {
        examId: exam.id,
        userId,
        number,
        seed: `s${number}`,
        status,
        submittedAt: local(at),
        maxScore: 100,
        score: percent,
        percent,
        passed: status === "graded" ? percent >= 60 : null,
      },
    });
  await attempt(ids.a1, 1, "graded", 55, "2026-03-02T10:00:00");
  await attempt(ids.a1, 2, "graded", 85, "2026-03-15T10:00:00");
  await attempt(ids.a2, 1, "pending_grading", 90, "2026-03-15T10:00:00");

  const assignment = await db.learningAssignment.create({
    data: { kind: "exam", examId: exam.id, target: "users" },
  });
  const other = await db.learningAssignment.create({ data: { kind: "exam", examId: exam.id, target: "users" } });
  await db.assignmentRecipient.createMany({
    data: [
      {
        assignmentId: assignment.id,
        userId: ids.a1,
        dueAt: local("2026-03-10T23:59:00"),
        completedAt: local("2026-03-09T10:00:00"),
      },
      {
        assignmentId: other.id,
        userId: ids.a1,
        dueAt: local("2026-03-20T23:59:00"),
        completedAt: local("2026-03-25T10:00:00"),
      },
      { assignmentId: assignment.id, userId: ids.a2, dueAt: local("2026-03-15T23:59:00"), completedAt: null },
      { assignmentId: assignment.id, userId: ids.b1, dueAt: local("2026-04-05T23:59:00"), completedAt: null },
    ],
  });

  const template = await db.feedbackTemplate.create({ data: { key: "kpi-test", name: "季度360" } });
  const cycle = (name: string, periodEnd: string) =>
    db.feedbackCycle.create({
      data: {
        name,
        templateId: template.id,
        periodStart: new Date("2026-01-01T00:00:00Z"),
        periodEnd: new Date(`${periodEnd}T00:00:00Z`),
        dueAt: new Date("2026-04-10T00:00:00Z"),
        status: "closed",
        groupWeights: { self: 10, manager: 40, peer: 30, report: 0, qa: 20 },
      },
    });
  const q1 = await cycle("2026年第一季度360评估", "2026-03-31");
  const earlier = await cycle("2026年2月360评估", "2026-02-28");
  await db.feedbackSubject.createMany({
    data: [
      { cycleId: q1.id, userId: ids.a1, overallScore: 4.2 },
      { cycleId: q1.id, userId: ids.a2, overallScore: 3.8 },
      { cycleId: q1.id, userId: ids.b1, overallScore: null },
      { cycleId: earlier.id, userId: ids.a1, overallScore: 2 },
    ],
  });
});

async function snapshots() {
  const rows = await db.kpiSnapshot.findMany({
    where: { periodKind: "month", periodStart: new Date("2026-03-01T00:00:00Z") },
  });
  const out: Record<
    string,
    Record<string, { value: number | null; n: number; num: number | null; den: number | null }>
  > = {};
  const name = (id: string) => Object.entries(ids).find(([, value]) => value === id)?.[0] ?? id;
  for (const row of rows) {
    const subject = name(row.subjectId);
    out[subject] ??= {};
    out[subject][row.metric] = {
      value: row.value,
      n: row.sampleSize,
      num: row.numerator,
      den: row.denominator,
    };
  }
  return out;
}

const values = (table: Awaited<ReturnType<typeof snapshots>>, subject: string) =>
  Object.fromEntries(Object.entries(table[subject] ?? {}).map(([metric, row]) => [metric, row.value]));

const close = (expected: Record<string, number>) =>
  Object.fromEntries(Object.entries(expected).map(([key, value]) => [key, expect.closeTo(value, 3)]));

describe("KPI snapshots, last-agent attribution", () => {
  it("computes every metric for agents and teams as worked out by hand", async () => {
    const result = await computeKpiSnapshots(MARCH, { trigger: "manual", timeZone: TZ });
    expect(result.rows).toBeGreaterThan(0);
    const table = await snapshots();
    expect(values(table, "a1")).toEqual(
      close({
        conversations_handled: 3,
        resolution_rate: 200 / 3,
        resolution_time: 750,
        csat_percent: 50,
        survey_response_rate: 200 / 3,
        complaint_rate: 100 / 3,
        first_response_median: 50,
        first_response_mean: 62.5,
        avg_response_time: 86,
        qa_score: 80,
        red_line_incidents: 1,
        exam_pass_rate: 50,
        exam_mean_score: 70,
        training_completion: 50,
        feedback_score: 4.2,
      }),
    );
    expect(values(table, "a2")).toEqual(
      close({
        conversations_handled: 3,
        resolution_rate: 100,
        resolution_time: 1200,
        csat_percent: 50,
        survey_response_rate: 100,
        complaint_rate: 0,
        first_response_median: 145,
        first_response_mean: 145,
        avg_response_time: 590 / 3,
        qa_score: 80,
        red_line_incidents: 0,
        training_completion: 0,
        feedback_score: 3.8,
      }),
    );
    // b1's team keeps business hours: the weekend and the night do not count toward response times.
    expect(values(table, "b1")).toEqual(
      close({
        conversations_handled: 3,
        resolution_rate: 200 / 3,
        resolution_time: (229_800 + 55_800) / 2,
        csat_percent: 100,
        survey_response_rate: 100,
        complaint_rate: 0,
        conversion_rate: 50,
        first_response_median: 1200,
        first_response_mean: 3400 / 3,
        avg_response_time: 3460 / 4,
      }),
    );
    // Team medians over the team's conversations (30, 40, 60, 90, 120, 200), not over the agents' medians.
    expect(values(table, "t1")).toEqual(
      close({
        conversations_handled: 6,
        resolution_rate: 80,
        resolution_time: 975,
        csat_percent: 50,
        survey_response_rate: 80,
        complaint_rate: 100 / 6,
        first_response_median: 75,
        first_response_mean: 90,
        avg_response_time: 127.5,
        qa_score: 80,
        red_line_incidents: 1,
        exam_pass_rate: 50,
        exam_mean_score: 70,
        training_completion: 100 / 3,
        feedback_score: 4,
      }),
    );
    expect(values(table, "t2")).toEqual(values(table, "b1"));
    expect(table.a1!.resolution_rate).toMatchObject({ num: 2, den: 3, n: 3 });
    expect(table.t1!.first_response_median!.n).toBe(6);
    const computation = await db.kpiComputation.findFirstOrThrow({ orderBy: { startedAt: "desc" } });
    expect(computation).toMatchObject({ periodKind: "month", trigger: "manual", rows: result.rows });
  });

  it("changes nothing when run again", async () => {
    const before = await snapshots();
    const count = await db.kpiSnapshot.count();
    await computeKpiSnapshots(MARCH, { timeZone: TZ });
    expect(await db.kpiSnapshot.count()).toBe(count);
    expect(await snapshots()).toEqual(before);
  });

  it("lists exactly the rows behind a number", async () => {
    const handled = await drillDown({
      metric: "conversations_handled",
      subjectKind: "agent",
      subjectId: ids.a2,
      period: MARCH,
      page: 1,
    });
    expect(handled.source).toBe("conversations");
    expect(handled.total).toBe(3);
    expect(handled.rows.map((row) => (row.kind === "conversation" ? row.externalId : null)).sort()).toEqual([
      "C4",
      "C5",
      "C6",
    ]);

    const replies = await drillDown({
      metric: "avg_response_time",
      subjectKind: "agent",
      subjectId: ids.b1,
      period: MARCH,
      page: 1,
    });
    expect(replies.total).toBe(4);
    expect(replies.rows.map((row) => (row.kind === "reply" ? row.seconds : null)).sort((a, b) => a! - b!)).toEqual([
      60, 100, 1200, 2100,
    ]);

    const frt = await drillDown({
      metric: "first_response_median",
      subjectKind: "team",
      subjectId: ids.t1,
      period: MARCH,
      page: 1,
      pageSize: 4,
    });
    expect(frt.total).toBe(6);
    expect(frt.rows).toHaveLength(4);

    const reviews = await drillDown({
      metric: "red_line_incidents",
      subjectKind: "agent",
      subjectId: ids.a1,
      period: MARCH,
      page: 1,
    });
    expect(reviews.total).toBe(1);
    expect(reviews.rows[0]).toMatchObject({ kind: "review", score: 70, criticalFailed: true });

    const qa = await drillDown({ metric: "qa_score", subjectKind: "team", subjectId: ids.t1, period: MARCH, page: 1 });
    expect(qa.total).toBe(3);

    const attempts = await drillDown({
      metric: "exam_pass_rate",
      subjectKind: "agent",
      subjectId: ids.a1,
      period: MARCH,
      page: 1,
    });
    expect(attempts.rows.map((row) => (row.kind === "attempt" ? row.scorePercent : null)).sort()).toEqual([55, 85]);
    expect(attempts.rows[0]).toMatchObject({ examTitle: "售后政策考试" });

    const training = await drillDown({
      metric: "training_completion",
      subjectKind: "team",
      subjectId: ids.t1,
      period: MARCH,
      page: 1,
    });
    expect(training.total).toBe(3);

    const feedback = await drillDown({
      metric: "feedback_score",
      subjectKind: "agent",
      subjectId: ids.a1,
      period: MARCH,
      page: 1,
    });
    expect(feedback.rows).toEqual([
      expect.objectContaining({ kind: "feedback", cycleName: "2026年第一季度360评估", overallScore: 4.2 }),
    ]);

    const conversion = await drillDown({
      metric: "conversion_rate",
      subjectKind: "agent",
      subjectId: ids.b1,
      period: MARCH,
      page: 1,
    });
    expect(
      conversion.rows.map((row) => (row.kind === "conversation" ? [row.externalId, row.value] : null)).sort(),
    ).toEqual([
      ["C7", 1],
      ["C8", 0],
    ]);
  });

  it("takes late data on the next run and drops numbers whose data is gone", async () => {
    await importItems(
      [
        conversation(
          "C-LATE",
          ["A3002"],
          "2026-03-30T10:00:00",
          "2026-03-30T10:10:00",
          [
            ["customer", null, "2026-03-30T10:00:00"],
            ["agent", "A3002", "2026-03-30T10:00:10"],
          ],
          { csat: 5, resolved: true },
        ),
      ],
      { source: "api" },
    );
    await db.conversation.updateMany({ where: { externalId: { in: ["C7", "C8"] } }, data: { converted: null } });
    await computeKpiSnapshots(MARCH, { timeZone: TZ });
    const table = await snapshots();
    expect(table.a2!.conversations_handled!.value).toBe(4);
    expect(table.a2!.csat_percent!.value).toBeCloseTo(200 / 3, 6);
    expect(table.t1!.conversations_handled!.value).toBe(7);
    expect(table.b1!.conversion_rate).toBeUndefined();
    expect(table.t2!.conversion_rate).toBeUndefined();
    await db.conversation.updateMany({ where: { externalId: "C7" }, data: { converted: true } });
    await db.conversation.updateMany({ where: { externalId: "C8" }, data: { converted: false } });
    await db.conversation.deleteMany({ where: { externalId: "C-LATE" } });
  });
});

describe("KPI snapshots, split attribution", () => {
  it("gives each participant 1/n of a shared conversation", async () => {
    await db.kpiSettings.upsert({
      where: { id: 1 },
      create: { attribution: "split" },
      update: { attribution: "split" },
    });
    await computeKpiSnapshots(MARCH, { timeZone: TZ });
    const table = await snapshots();
    expect(values(table, "a1")).toMatchObject(
      close({
        conversations_handled: 3.5,
        resolution_rate: (2.5 / 3.5) * 100,
        resolution_time: 960,
        csat_percent: 60,
        survey_response_rate: (2.5 / 3.5) * 100,
        complaint_rate: (1 / 3.5) * 100,
        // Reply-level metrics do not follow the attribution setting.
        first_response_median: 50,
        avg_response_time: 86,
      }),
    );
    expect(values(table, "a2")).toMatchObject(
      close({ conversations_handled: 2.5, resolution_rate: 100, resolution_time: 1000, csat_percent: 100 / 3 }),
    );
    expect(values(table, "t1")).toMatchObject(
      close({ conversations_handled: 6, resolution_rate: 80, csat_percent: 50 }),
    );
    const shared = await drillDown({
      metric: "conversations_handled",
      subjectKind: "agent",
      subjectId: ids.a2,
      period: MARCH,
      page: 1,
    });
    expect(shared.rows.find((row) => row.kind === "conversation" && row.externalId === "C4")).toMatchObject({
      weight: 0.5,
    });
    await db.kpiSettings.update({ where: { id: 1 }, data: { attribution: "last_agent" } });
  });
});

describe("the kpi.snapshot job", () => {
  it("computes the requested period, or the current and previous month when scheduled", async () => {
    const quarter = await runKpiSnapshotJob({ periodKind: "quarter", periodStart: "2026-01-01" });
    expect(quarter.periods).toEqual(["2026-Q1"]);
    const q1 = await db.kpiSnapshot.findFirstOrThrow({
      where: { periodKind: "quarter", subjectId: ids.a1, metric: "conversations_handled" },
    });
    // Q1 adds the February conversation to March's three.
    expect(q1.value).toBe(4);
    const scheduled = await runKpiSnapshotJob({});
    expect(scheduled.periods).toHaveLength(2);
    await expect(runKpiSnapshotJob({ periodKind: "quarter", periodStart: "2026-02-01" })).rejects.toThrow();
  });
});

describe("SQL and TypeScript agree", () => {
  const calendar: BusinessCalendar = { timeZone: TZ, workingDays: [1, 2, 3, 4, 5], startMinute: 540, endMinute: 1080 };
  const berlin: BusinessCalendar = { ...calendar, timeZone: "Europe/Berlin", workingDays: [1, 2, 3, 4, 5, 6] };
  it.each([
    [calendar, "2026-03-06T09:30:00Z", "2026-03-09T01:05:00Z"],
    [calendar, "2026-03-04T09:00:00Z", "2026-03-05T02:00:00Z"],
    [calendar, "2026-03-07T02:00:00Z", "2026-03-07T08:00:00Z"],
    [calendar, "2026-03-04T02:00:00Z", "2026-03-04T01:00:00Z"],
    [berlin, "2026-03-27T16:00:00Z", "2026-03-30T08:00:00Z"],
    [berlin, "2026-10-24T06:30:00Z", "2026-10-26T08:30:00Z"],
  ])("on business seconds (%#)", async (cal, from, to) => {
    const [row] = await db.$queryRawUnsafe<{ seconds: number }[]>(
      `SELECT kpi_business_seconds(('${from}'::timestamptz AT TIME ZONE 'UTC'), ('${to}'::timestamptz AT TIME ZONE 'UTC'), $1, $2::int[], $3, $4) AS seconds`,
      cal.timeZone,
      cal.workingDays,
      cal.startMinute,
      cal.endMinute,
    );
    expect(row!.seconds).toBe(businessSeconds(new Date(from), new Date(to), cal));
  });

  it("on wait starts, first responders and last agents: the importer and the migration's backfill", async () => {
    const imported = await db.message.findMany({
      orderBy: [{ conversationId: "asc" }, { seq: "asc" }],
      select: { id: true, waitStartedAt: true },
    });
    const owners = await db.conversation.findMany({
      orderBy: { id: "asc" },
      select: { id: true, firstResponderId: true, lastAgentId: true },
    });
    expect(imported.filter((message) => message.waitStartedAt !== null).length).toBeGreaterThan(10);
    await db.message.updateMany({ data: { waitStartedAt: null } });
    await db.conversation.updateMany({ data: { firstResponderId: null, lastAgentId: null } });
    const migration = await readFile("prisma/migrations/20261206172839_performance/migration.sql", "utf8");
    const backfill = migration.slice(migration.indexOf("-- Backfill"));
    for (const statement of backfill
      .split(";")
      .map((part) => part.trim())
      .filter(Boolean)) {
      await db.$executeRawUnsafe(statement);
    }
    expect(
      await db.message.findMany({
        orderBy: [{ conversationId: "asc" }, { seq: "asc" }],
        select: { id: true, waitStartedAt: true },
      }),
    ).toEqual(imported);
    expect(
      await db.conversation.findMany({
        orderBy: { id: "asc" },
        select: { id: true, firstResponderId: true, lastAgentId: true },
      }),
    ).toEqual(owners);
  });
});
