// Disputes report figures on a small hand-built dataset (Asia/Shanghai calendar days), and its CSV export.
import { beforeAll, describe, expect, it } from "vitest";
import { disputeReport } from "~/modules/qa/disputes/dispute-report.server";
import { loader as reportLoader } from "~/routes/qa.disputes.report";
import { loader as csvLoader } from "~/routes/qa.disputes.report[.csv]";
import { db } from "~/utils/db.server";
import { buildRequest, callRoute, createTestUser, signInAs, type TestUser } from "../support/auth";
import { createTestConversation, createTestRubric, createTestReview } from "../support/qa-fixtures";

const DAY = 86_400_000;
const NOW = new Date("2026-04-15T00:00:00Z");
const RANGE = { from: "2026-03-01", to: "2026-03-31" };

let first: TestUser; // 甲
let second: TestUser; // 乙
let greeting: string;
let accuracy: string;

type Spec = {
  inspector: () => TestUser;
  createdAt: string;
  status: "open" | "accepted" | "partly_accepted" | "rejected" | "withdrawn";
  /** Days after filing. */
  decidedAfter?: number;
  dueAfter?: number;
  due?: string;
  items: [() => string, boolean | null][];
};

const specs: Spec[] = [
  // D1 甲: accepted after 2 days, both items accepted
  {
    inspector: () => first,
    createdAt: "2026-03-02T02:00:00Z",
    status: "accepted",
    decidedAfter: 2,
    items: [
      [() => greeting, true],
      [() => accuracy, true],
    ],
  },
  // D2 甲: rejected after 1 day
  {
    inspector: () => first,
    createdAt: "2026-03-05T02:00:00Z",
    status: "rejected",
    decidedAfter: 1,
    items: [[() => greeting, false]],
  },
  // D3 乙: partly accepted after 4 days — past the 3-day SLA
  {
    inspector: () => second,
    createdAt: "2026-03-10T02:00:00Z",
    status: "partly_accepted",
    decidedAfter: 4,
    items: [
      [() => greeting, true],
      [() => accuracy, false],
    ],
  },
  // D4 乙: still open, due 03-15, "now" is 04-15 — a breach
  { inspector: () => second, createdAt: "2026-03-12T02:00:00Z", status: "open", items: [[() => accuracy, null]] },
  // D5 甲: filed on 02-28 Shanghai time — outside the range
  {
    inspector: () => first,
    createdAt: "2026-02-28T15:59:00Z",
    status: "accepted",
    decidedAfter: 1,
    items: [[() => greeting, true]],
  },
  // D6 乙: withdrawn after a day — no breach, not in rates
  {
    inspector: () => second,
    createdAt: "2026-03-20T02:00:00Z",
    status: "withdrawn",
    decidedAfter: 1,
    items: [[() => accuracy, null]],
  },
  // D7 甲: 03-31 23:59 Shanghai, open, not due yet — inside the range
  {
    inspector: () => first,
    createdAt: "2026-03-31T15:59:00Z",
    status: "open",
    due: "2099-01-01T00:00:00Z",
    items: [[() => greeting, null]],
  },
  // D8 甲: 04-01 00:00 Shanghai — outside the range
  {
    inspector: () => first,
    createdAt: "2026-03-31T16:00:00Z",
    status: "open",
    due: "2099-01-01T00:00:00Z",
    items: [[() => greeting, null]],
  },
];

beforeAll(async () => {
  first = await createTestUser({ roles: ["qa_inspector"], name: "甲质检" });
  second = await createTestUser({ roles: ["qa_inspector"], name: "乙质检" });
  const agent = await createTestUser({ roles: ["agent"], name: "坐席" });
  const rubric = await createTestRubric({
    criteria: [
      { key: "greeting", name: "服务用语规范", scale: "binary" },
      { key: "accuracy", name: "信息准确", scale: "five" },
    ],
  });
  greeting = rubric.criteria[0]!.id;
  accuracy = rubric.criteria[1]!.id;
  for (const spec of specs) {
    const conversation = await createTestConversation({ agentIds: [agent.id] });
    const review = await createTestReview({
      conversationId: conversation.id,
      inspectorId: spec.inspector().id,
      rubricVersionId: rubric.versionId,
      agentId: agent.id,
      status: "submitted",
      score: 60,
    });
    const createdAt = new Date(spec.createdAt);
    const decidedAt = spec.decidedAfter ? new Date(createdAt.getTime() + spec.decidedAfter * DAY) : null;
    const final = ["accepted", "partly_accepted", "rejected"].includes(spec.status);
    await db.dispute.create({
      data: {
        reviewId: review.id,
        agentId: agent.id,
        status: spec.status,
        handlerId: spec.inspector().id,
        createdAt,
        dueAt: spec.due ? new Date(spec.due) : new Date(createdAt.getTime() + (spec.dueAfter ?? 3) * DAY),
        firstOutcome: final ? spec.status : null,
        firstDecidedAt: final ? decidedAt : null,
        resolvedAt: decidedAt,
        scoreBefore: 60,
        items: {
          create: spec.items.map(([criterion, accepted]) => ({
            criterionId: criterion(),
            reason: "理由充分的说明",
            accepted,
          })),
        },
      },
    });
  }
});

describe("disputes report", () => {
  it("computes the overview", async () => {
    const { overview } = await disputeReport(RANGE, NOW);
    expect(overview).toMatchObject({
      volume: 6, // D1, D2, D3, D4, D6, D7
      open: 2,
      escalated: 0,
      accepted: 1,
      partlyAccepted: 1,
      rejected: 1,
      withdrawn: 1,
      decided: 3,
      items: 8,
      decidedItems: 5, // D1 2 + D2 1 + D3 2
      acceptedItems: 3, // D1 2 + D3 1
      inspectorBreaches: 2, // D3 late, D4 overdue
      arbitratorBreaches: 0,
    });
    expect(overview.disputeAcceptance).toBeCloseTo(2 / 3, 10);
    expect(overview.itemAcceptance).toBeCloseTo(3 / 5, 10);
    expect(overview.averageDaysToResolve).toBeCloseTo((2 + 1 + 4) / 3, 6);
  });

  it("breaks down by criterion", async () => {
    const { criteria } = await disputeReport(RANGE, NOW);
    expect(criteria).toEqual([
      // ties on items (4 each) are ordered by key
      { key: "accuracy", name: "信息准确", items: 4, decided: 2, accepted: 1, acceptance: 0.5 },
      { key: "greeting", name: "服务用语规范", items: 4, decided: 3, accepted: 2, acceptance: 2 / 3 },
    ]);
  });

  it("breaks down by inspector", async () => {
    const { inspectors } = await disputeReport(RANGE, NOW);
    const byId = Object.fromEntries(inspectors.map((row) => [row.inspectorId, row]));
    expect(byId[first.id]).toMatchObject({
      name: "甲质检",
      disputes: 3, // D1, D2, D7
      decided: 2,
      acceptedOrPartly: 1,
      disputeAcceptance: 0.5,
      decidedItems: 3,
      acceptedItems: 2,
      slaBreaches: 0,
    });
    expect(byId[first.id]!.itemAcceptance).toBeCloseTo(2 / 3, 10);
    expect(byId[first.id]!.averageDaysToResolve).toBeCloseTo(1.5, 6);
    expect(byId[second.id]).toMatchObject({
      disputes: 3, // D3, D4, D6
      decided: 1,
      acceptedOrPartly: 1,
      disputeAcceptance: 1,
      decidedItems: 2,
      acceptedItems: 1,
      itemAcceptance: 0.5,
      slaBreaches: 2,
    });
    expect(byId[second.id]!.averageDaysToResolve).toBeCloseTo(4, 6);
  });

  it("renders for QA leads and refuses inspectors (403)", async () => {
    const { cookie: leadCookie } = await signInAs("qa_lead");
    const ok = await callRoute(
      reportLoader,
      buildRequest("/qa/disputes/report?from=2026-03-01&to=2026-03-31", { cookie: leadCookie }),
    );
    expect(ok.status).toBe(200);
    expect((ok.data as { report: { overview: { volume: number } } }).report.overview.volume).toBe(6);
    const bad = await callRoute(
      reportLoader,
      buildRequest("/qa/disputes/report?from=2026-04-01&to=2026-03-01", { cookie: leadCookie }),
    );
    expect(bad.data).toMatchObject({ problem: "from-after-to" });
    const { cookie } = await signInAs("qa_inspector");
    expect((await callRoute(reportLoader, buildRequest("/qa/disputes/report", { cookie }))).status).toBe(403);
  });

  it("exports the by-criterion and by-inspector tables as CSV", async () => {
    const { cookie } = await signInAs("manager", { locale: "zh-CN" });
    const criteria = await callRoute(
      csvLoader,
      buildRequest("/qa/disputes/report.csv?table=criteria&from=2026-03-01&to=2026-03-31", { cookie }),
    );
    expect(criteria.status).toBe(200);
    expect(criteria.headers.get("Content-Type")).toContain("text/csv");
    const lines = String(criteria.data)
      .replace(/^\uFEFF/, "")
      .trim()
      .split("\r\n");
    expect(lines).toHaveLength(3);
    expect(lines[1]).toBe("accuracy,信息准确,4,2,1,50");
    expect(lines[2]).toBe("greeting,服务用语规范,4,3,2,66.7");

    const inspectors = await callRoute(
      csvLoader,
      buildRequest("/qa/disputes/report.csv?table=inspectors&from=2026-03-01&to=2026-03-31", { cookie }),
    );
    const rows = String(inspectors.data)
      .replace(/^\uFEFF/, "")
      .trim()
      .split("\r\n");
    expect(rows).toHaveLength(3);
    expect(rows).toContain("乙质检,3,1,1,100,2,1,50,4,2");

    const wrong = await callRoute(csvLoader, buildRequest("/qa/disputes/report.csv?table=agents", { cookie }));
    expect(wrong.status).toBe(400);
  });
});
