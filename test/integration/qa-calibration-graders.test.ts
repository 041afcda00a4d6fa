import { beforeAll, describe, expect, it } from "vitest";
import type { GraderRow } from "~/modules/qa/calibration/graders.server";
import { toLocalDateTimeInput } from "~/modules/qa/calibration/schema";
import { loader as gradersLoader } from "~/routes/qa.graders";
import { loader as csvLoader } from "~/routes/qa.graders[.csv]";
import { db } from "~/utils/db.server";
import { env } from "~/utils/env.server";
import { buildRequest, callRoute, signInAs, type TestUser } from "../support/auth";
import { createTestConversation, createTestRubric, createTestReview } from "../support/qa-fixtures";

let lead: TestUser;
let inspector: TestUser;
let idle: TestUser;
let managerCookie: string;
const today = () => toLocalDateTimeInput(new Date(), env().APP_TIME_ZONE).slice(0, 10);

beforeAll(async () => {
  lead = (await signInAs(["qa_lead", "qa_inspector"], { externalId: "GQL1", name: "赵主管" })).user;
  inspector = (await signInAs("qa_inspector", { externalId: "GQI1", name: "吴质检" })).user;
  idle = (await signInAs("qa_inspector", { externalId: "GQI2", name: "陈质检" })).user;
  ({ cookie: managerCookie } = await signInAs("manager"));
  const agent = (await signInAs("agent")).user;

  const rubric = await createTestRubric({
    criteria: [
      { key: "greeting", weight: 1, scale: "binary" },
      { key: "accuracy", weight: 1, scale: "five" },
    ],
  });
  const greeting = rubric.criteria[0]!;
  const accuracy = rubric.criteria[1]!;

  // Regular work: two submitted reviews (fixture grading time 240 s), scores 80 and 90; one still assigned.
  const reviews = [];
  for (const score of [80, 90]) {
    const conversation = await createTestConversation({ agentIds: [agent.id] });
    reviews.push(
      await createTestReview({
        conversationId: conversation.id,
        inspectorId: inspector.id,
        rubricVersionId: rubric.versionId,
        agentId: agent.id,
        status: "submitted",
        score,
      }),
    );
  }
  await db.review.update({ where: { id: reviews[1]!.id }, data: { gradingSeconds: 360 } });
  const open = await createTestConversation({ agentIds: [agent.id] });
  await createTestReview({ conversationId: open.id, inspectorId: inspector.id, rubricVersionId: rubric.versionId });

  // Disputes on the inspector's reviews: one item accepted, one rejected, one not yet decided.
  await db.dispute.create({
    data: {
      reviewId: reviews[0]!.id,
      agentId: agent.id,
      dueAt: new Date(Date.now() + 86_400_000),
      scoreBefore: 80,
      status: "partly_accepted",
      items: {
        create: [
          { criterionId: greeting.id, reason: "开场白已说", accepted: true, decidedValue: 1 },
          { criterionId: accuracy.id, reason: "信息无误", accepted: false },
        ],
      },
    },
  });
  await db.dispute.create({
    data: {
      reviewId: reviews[1]!.id,
      agentId: agent.id,
      dueAt: new Date(Date.now() + 86_400_000),
      scoreBefore: 90,
      items: { create: [{ criterionId: greeting.id, reason: "请复核" }] },
    },
  });

  // A released calibration session: one conversation, benchmark 100 on both criteria values (1, 5),
  // the inspector (1, 4) → alignment (1 + 0.75) / 2 = 0.875, score 87.5 vs 100 → leniency −12.5.
  const calibrated = await createTestConversation();
  const session = await db.calibrationSession.create({
    data: {
      title: "评估校准",
      rubricVersionId: rubric.versionId,
      benchmarkUserId: lead.id,
      deadline: new Date(),
      status: "released",
      releasedAt: new Date(),
      conversations: { create: [{ conversationId: calibrated.id, position: 0 }] },
      participants: { create: [{ userId: lead.id }, { userId: inspector.id }] },
    },
    select: { id: true },
  });
  for (const [inspectorId, values, score] of [
    [lead.id, [1, 5], 100],
    [inspector.id, [1, 4], 87.5],
  ] as const) {
    await createTestReview({
      kind: "calibration",
      calibrationSessionId: session.id,
      conversationId: calibrated.id,
      inspectorId,
      rubricVersionId: rubric.versionId,
      status: "submitted",
      score,
      values: {
        [greeting.id]: { value: values[0], score: values[0] },
        [accuracy.id]: { value: values[1], score: (values[1] - 1) / 4 },
      },
    });
  }
});

function report(query: string, cookie = managerCookie) {
  return callRoute(gradersLoader, buildRequest(`/qa/graders?${query}`, { cookie }));
}

describe("grader report", () => {
  it("aggregates throughput, grading time, scores, calibration and dispute acceptance per inspector", async () => {
    const result = await report(`from=${today()}&to=${today()}`);
    expect(result.status).toBe(200);
    const rows = (result.data as { rows: GraderRow[] }).rows;
    const byId = Object.fromEntries(rows.map((row) => [row.externalId, row]));
    expect(byId.GQI1).toMatchObject({
      reviews: 2,
      avgGradingSeconds: 300,
      avgScore: 85,
      sessions: 1,
      alignment: 0.875,
      leniency: -12.5,
      disputeItemsDecided: 2,
      disputeItemsAccepted: 1,
      acceptanceRate: 0.5,
    });
    // Calibration reviews are not regular work; the benchmark is not graded against themself.
    expect(byId.GQL1).toMatchObject({ reviews: 0, sessions: 0, alignment: null, leniency: null });
    expect(byId.GQI2).toMatchObject({ reviews: 0, avgGradingSeconds: null, acceptanceRate: null });
    expect(idle.id).toBe(byId.GQI2!.id);
  });

  it("leaves out work outside the range", async () => {
    const rows = ((await report("from=2020-01-01&to=2020-01-31")).data as { rows: GraderRow[] }).rows;
    expect(rows.find((row) => row.externalId === "GQI1")).toMatchObject({
      reviews: 0,
      sessions: 0,
      disputeItemsDecided: 0,
    });
  });

  it("exports CSV with a header row", async () => {
    const result = await callRoute(
      csvLoader,
      buildRequest(`/qa/graders.csv?from=${today()}&to=${today()}`, { cookie: managerCookie }),
    );
    expect(result.status).toBe(200);
    expect(result.headers.get("Content-Type")).toContain("text/csv");
    const lines = String(result.data).trim().split(/\r\n/);
    expect(lines[0]).toContain("工号");
    expect(lines.find((line) => line.includes("GQI1"))).toBe("GQI1,吴质检,2,300,85,1,87.5,-12.5,2,1,50");
  });

  it("answers 400 to a bad range and 403 without the permission", async () => {
    expect((await report("from=2024-02-10&to=2024-02-01")).status).toBe(400);
    expect((await report("from=nope")).status).toBe(400);
    const { cookie } = await signInAs("qa_inspector");
    expect((await report("", cookie)).status).toBe(403);
  });
});
