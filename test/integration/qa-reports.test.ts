/**
 * QA reports on a small hand-built dataset: every figure is compared with numbers worked out by hand.
 *
 * Rubric: greeting (binary), accuracy (5-point, N/A allowed), empathy (3-point), privacy (binary red line).
 * Submitted regular reviews, two days ago:
 *   R1 a1 by i1  90 passed   greeting 1 (1.0)  accuracy 5 (1.0)  empathy 3 (1.0)          privacy 1
 *   R2 a1 by i1  50          greeting 0 FAIL   accuracy 3 (0.5)  empathy 1 (0.0) FAIL     privacy 1
 *   R3 a2 by i2   0 red line greeting 1        accuracy N/A      empathy 2 (0.5)          privacy 0 FAIL
 *   R4 b1 by i2  80 passed   greeting 1        accuracy 4 (0.75) empathy 2 (0.5)          privacy 1
 * Not counted: a calibration review of a1 (score 10), a draft review of a1, a review submitted 200 days ago.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { loader as reportsLoader } from "~/routes/qa.reports._index";
import { loader as exportLoader } from "~/routes/qa.reports.export";
import { db } from "~/utils/db.server";
import { buildRequest, callRoute, createTestUser, signInAs } from "../support/auth";
import { createTestConversation, createTestReview, createTestRubric } from "../support/qa-fixtures";

type Report = {
  summary: { reviews: number; averageScore: number; passRate: number; redLines: number; agents: number };
  agents: {
    total: number;
    rows: {
      agentId: string;
      reviews: number;
      averageScore: number;
      passRate: number;
      redLines: number;
      link: string;
    }[];
  };
  teams: {
    teamId: string;
    reviews: number;
    agents: number;
    averageScore: number;
    passRate: number;
    redLines: number;
  }[];
  criteria: {
    key: string;
    rated: number;
    failed: number;
    averageScore: number;
    failRate: number;
    critical: boolean;
    link: string;
  }[];
  mostFailed: { name: string; failed: number }[];
  redLines: { reviewId: string; criteria: string[] }[];
  inspectors: { inspectorId: string; reviews: number; perWeek: number; averageGradingSeconds: number }[];
  trendData: { overall: number | null; redLines: number; reviews: number }[];
};

let managerCookie: string;
let leadCookie: string;
const ids = {} as Record<"t1" | "t2" | "a1" | "a2" | "b1" | "i1" | "i2" | "r3", string>;

beforeAll(async () => {
  const { user: lead, cookie } = await signInAs("team_lead");
  leadCookie = cookie;
  managerCookie = (await signInAs("manager")).cookie;
  ids.t1 = (await db.team.create({ data: { code: "RPT1", name: "售后服务组", leadId: lead.id } })).id;
  ids.t2 = (await db.team.create({ data: { code: "RPT2", name: "投诉处理组" } })).id;
  ids.a1 = (await createTestUser({ name: "李娜", teamId: ids.t1 })).id;
  ids.a2 = (await createTestUser({ name: "王强", teamId: ids.t1 })).id;
  ids.b1 = (await createTestUser({ name: "周敏", teamId: ids.t2 })).id;
  ids.i1 = (await createTestUser({ name: "吴俊杰", roles: ["qa_inspector"] })).id;
  ids.i2 = (await createTestUser({ name: "陈思彤", roles: ["qa_inspector"] })).id;

  const rubric = await createTestRubric();
  const [greeting, accuracy, empathy, privacy] = rubric.criteria.map((criterion) => criterion.id) as [
    string,
    string,
    string,
    string,
  ];
  const submittedAt = new Date(Date.now() - 2 * 86_400_000);
  const review = async (
    agentId: string,
    inspectorId: string,
    score: number,
    values: [number, number | null, number, number],
    extra: { kind?: "calibration"; status?: "draft"; submittedAt?: Date; critical?: boolean } = {},
  ) => {
    const conversation = await createTestConversation({ agentIds: [agentId] });
    const [g, a, e, p] = values;
    const created = await createTestReview({
      conversationId: conversation.id,
      inspectorId,
      rubricVersionId: rubric.versionId,
      agentId,
      kind: extra.kind,
      status: extra.status ?? "submitted",
      score,
      submittedAt: extra.submittedAt ?? submittedAt,
      values: {
        [greeting]: { value: g, score: g, failed: g === 0 },
        [accuracy]: { value: a, score: a === null ? null : (a - 1) / 4, failed: a !== null && (a - 1) / 4 < 0.5 },
        [empathy]: { value: e, score: (e - 1) / 2, failed: (e - 1) / 2 < 0.5 },
        [privacy]: { value: p, score: p, failed: p === 0 },
      },
    });
    if (extra.critical) await db.review.update({ where: { id: created.id }, data: { criticalFailed: true } });
    return created.id;
  };
  await review(ids.a1, ids.i1, 90, [1, 5, 3, 1]);
  await review(ids.a1, ids.i1, 50, [0, 3, 1, 1]);
  ids.r3 = await review(ids.a2, ids.i2, 0, [1, null, 2, 0], { critical: true });
  await review(ids.b1, ids.i2, 80, [1, 4, 2, 1]);
  await review(ids.a1, ids.i1, 10, [0, 1, 1, 0], { kind: "calibration", critical: true });
  await review(ids.a1, ids.i1, 20, [0, 1, 1, 1], { status: "draft" });
  await review(ids.a1, ids.i1, 30, [0, 1, 1, 1], { submittedAt: new Date(Date.now() - 200 * 86_400_000) });
});

async function report(cookie: string, query = "period=30d") {
  const result = await callRoute(reportsLoader, buildRequest(`/qa/reports?${query}`, { cookie }));
  expect(result.status).toBe(200);
  return result.data as Report;
}

describe("permissions", () => {
  it("refuses agents and trainers", async () => {
    for (const role of ["agent", "trainer"] as const) {
      const { cookie } = await signInAs(role);
      expect((await callRoute(reportsLoader, buildRequest("/qa/reports", { cookie }))).status).toBe(403);
      expect((await callRoute(exportLoader, buildRequest("/qa/reports/export?type=agents", { cookie }))).status).toBe(
        403,
      );
    }
  });
});

describe("figures", () => {
  it("summarises submitted regular reviews only", async () => {
    const { summary } = await report(managerCookie);
    expect(summary).toEqual({ reviews: 4, averageScore: 55, passRate: 0.5, redLines: 1, agents: 3 });
  });

  it("computes per-agent averages, pass rates and red lines, with drill-down links", async () => {
    const { agents } = await report(managerCookie, "period=30d&sort=name&dir=asc");
    expect(agents.total).toBe(3);
    const byAgent = Object.fromEntries(agents.rows.map((row) => [row.agentId, row]));
    expect(byAgent[ids.a1]).toMatchObject({ reviews: 2, averageScore: 70, passRate: 0.5, redLines: 0 });
    expect(byAgent[ids.a2]).toMatchObject({ reviews: 1, averageScore: 0, passRate: 0, redLines: 1 });
    expect(byAgent[ids.b1]).toMatchObject({ reviews: 1, averageScore: 80, passRate: 1, redLines: 0 });
    const link = new URL(byAgent[ids.a1]!.link, "http://x");
    expect(link.pathname).toBe("/qa/reviews");
    expect(link.searchParams.get("agent")).toBe(ids.a1);
    expect(link.searchParams.get("from")).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it("sorts the agent table by average score", async () => {
    const { agents } = await report(managerCookie, "period=30d&sort=score&dir=desc");
    expect(agents.rows.map((row) => row.agentId)).toEqual([ids.b1, ids.a1, ids.a2]);
  });

  it("computes team figures", async () => {
    const { teams } = await report(managerCookie);
    const t1 = teams.find((team) => team.teamId === ids.t1)!;
    expect(t1).toMatchObject({ reviews: 3, agents: 2, passRate: 1 / 3, redLines: 1 });
    expect(t1.averageScore).toBeCloseTo(140 / 3, 10);
    expect(teams.find((team) => team.teamId === ids.t2)).toMatchObject({ reviews: 1, averageScore: 80, passRate: 1 });
  });

  it("computes criterion scores and fail rates with N/A left out", async () => {
    const { criteria, mostFailed } = await report(managerCookie);
    const byKey = Object.fromEntries(criteria.map((row) => [row.key, row]));
    expect(byKey.greeting).toMatchObject({ rated: 4, failed: 1, averageScore: 0.75, failRate: 0.25 });
    expect(byKey.accuracy).toMatchObject({ rated: 3, failed: 0, averageScore: 0.75, failRate: 0 });
    expect(byKey.empathy).toMatchObject({ rated: 4, failed: 1, averageScore: 0.5, failRate: 0.25 });
    expect(byKey.privacy).toMatchObject({ rated: 4, failed: 1, averageScore: 0.75, critical: true });
    expect(new URL(byKey.empathy!.link, "http://x").searchParams.get("criterion")).toBe("empathy");
    expect(new URL(byKey.empathy!.link, "http://x").searchParams.get("failed")).toBe("1");
    expect(mostFailed.map((row) => row.failed)).toEqual([1, 1, 1]);
  });

  it("lists red-line incidents and counts them over time", async () => {
    const { redLines, trendData } = await report(managerCookie);
    expect(redLines).toHaveLength(1);
    expect(redLines[0]).toMatchObject({ reviewId: ids.r3, criteria: ["泄露客户信息（红线）"] });
    expect(trendData.reduce((sum, point) => sum + point.redLines, 0)).toBe(1);
    expect(trendData.reduce((sum, point) => sum + point.reviews, 0)).toBe(4);
  });

  it("reports inspector throughput and grading time", async () => {
    const { inspectors } = await report(managerCookie);
    const i1 = inspectors.find((row) => row.inspectorId === ids.i1)!;
    expect(i1.reviews).toBe(2);
    expect(i1.perWeek).toBeCloseTo(2 / (30 / 7), 10);
    expect(i1.averageGradingSeconds).toBe(240);
  });

  it("narrows to a team and to older periods", async () => {
    const { summary } = await report(managerCookie, `period=30d&team=${ids.t2}`);
    expect(summary.reviews).toBe(1);
    const old = await report(managerCookie, "period=custom&from=2000-01-01&to=2000-12-31");
    expect(old.summary.reviews).toBe(0);
    expect(old.agents.rows).toEqual([]);
  });
});

describe("team leads", () => {
  it("see only the teams they lead", async () => {
    const data = await report(leadCookie);
    expect(data.summary.reviews).toBe(3);
    expect(data.agents.rows.map((row) => row.agentId).sort()).toEqual([ids.a1, ids.a2].sort());
    expect(data.teams.map((team) => team.teamId)).toEqual([ids.t1]);
    const other = await report(leadCookie, `period=30d&team=${ids.t2}`);
    expect(other.summary.reviews).toBe(0);
  });
});

describe("CSV export", () => {
  it("exports the agent table with a BOM, headers and rows", async () => {
    const response = (await exportLoader({
      request: buildRequest("/qa/reports/export?type=agents&period=30d", { cookie: managerCookie }),
      params: {},
      context: {},
    })) as Response;
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toContain("text/csv");
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = new TextDecoder().decode(bytes).trimEnd().split("\r\n");
    expect(lines[0]).toBe("工号,客服,团队,质检量,平均分,合格率（%）,红线次数");
    expect(lines).toHaveLength(4);
    expect(lines).toContainEqual(expect.stringMatching(/,李娜,售后服务组,2,70,50,0$/));
  });

  it("exports criteria and rejects unknown types", async () => {
    const csv = await callRoute(
      exportLoader,
      buildRequest("/qa/reports/export?type=criteria&period=30d", { cookie: managerCookie }),
    );
    expect(csv.data as string).toContain("empathy,");
    const bad = await callRoute(exportLoader, buildRequest("/qa/reports/export?type=x", { cookie: managerCookie }));
    expect(bad.status).toBe(400);
  });
});
