import { standardDeviation } from "simple-statistics";
import { beforeAll, describe, expect, it } from "vitest";
import { krippendorffAlpha } from "~/modules/qa/agreement";
import {
  afterCalibrationReviewSubmitted,
  releaseExpiredCalibrationSessions,
} from "~/modules/qa/calibration/release.server";
import type { CalibrationResults } from "~/modules/qa/calibration/results";
import { toLocalDateTimeInput } from "~/modules/qa/calibration/schema";
import { scoreReview, type ScoringCriterion } from "~/modules/qa/scoring";
import { action as sessionAction, loader as sessionLoader } from "~/routes/qa.calibration.$sessionId";
import { loader as listLoader } from "~/routes/qa.calibration._index";
import { action as newAction } from "~/routes/qa.calibration.new";
import { db } from "~/utils/db.server";
import { env } from "~/utils/env.server";
import { buildRequest, callRoute, signInAs, type TestUser } from "../support/auth";
import { createTestConversation, createTestRubric } from "../support/qa-fixtures";

let lead: TestUser;
let leadCookie: string;
let inspectorA: TestUser;
let inspectorACookie: string;
let inspectorB: TestUser;
let inspectorBCookie: string;
let outsiderCookie: string;
let rubric: Awaited<ReturnType<typeof createTestRubric>>;
let scoring: (ScoringCriterion & { key: string })[];
let conversations: { id: string; externalId: string }[];

const CRITERIA = [
  { key: "greeting", name: "服务用语规范", weight: 1, scale: "binary" as const },
  { key: "accuracy", name: "信息准确", weight: 2, scale: "five" as const, allowNa: true },
  { key: "empathy", name: "情绪安抚", weight: 1, scale: "three" as const },
];

beforeAll(async () => {
  ({ user: lead, cookie: leadCookie } = await signInAs(["qa_lead", "qa_inspector"], {
    externalId: "QL01",
    name: "赵主管",
  }));
  ({ user: inspectorA, cookie: inspectorACookie } = await signInAs("qa_inspector", {
    externalId: "QI01",
    name: "吴质检",
  }));
  ({ user: inspectorB, cookie: inspectorBCookie } = await signInAs("qa_inspector", {
    externalId: "QI02",
    name: "陈质检",
  }));
  ({ cookie: outsiderCookie } = await signInAs("qa_inspector", { externalId: "QI09", name: "局外人" }));
  rubric = await createTestRubric({ name: "校准测试质检表", criteria: CRITERIA });
  const rows = await db.rubricCriterion.findMany({
    where: { versionId: rubric.versionId },
    orderBy: { position: "asc" },
    select: {
      id: true,
      key: true,
      weight: true,
      scale: true,
      maxPoints: true,
      allowNa: true,
      critical: true,
      bonus: true,
    },
  });
  scoring = rows;
  conversations = [
    await createTestConversation({ externalId: "CAL-C1" }),
    await createTestConversation({ externalId: "CAL-C2" }),
  ];
});

const inDays = (days: number) => toLocalDateTimeInput(new Date(Date.now() + days * 86_400_000), env().APP_TIME_ZONE);

function sessionForm(overrides: Record<string, string | string[] | undefined> = {}) {
  return {
    title: "11月第4周 校准",
    rubricId: rubric.rubricId,
    conversationId: [conversations[0]!.id],
    externalIds: "CAL-C2",
    participantId: [lead.id, inspectorA.id, inspectorB.id],
    benchmarkId: lead.id,
    deadline: inDays(2),
    ...overrides,
  };
}

async function createSession(overrides: Record<string, string | string[] | undefined> = {}) {
  const result = await callRoute(
    newAction,
    buildRequest("/qa/calibration/new", { cookie: leadCookie, form: sessionForm(overrides) }),
  );
  expect(result.status).toBe(302);
  return result.location!.split("/").pop()!;
}

/** What the workbench does on submit: scores by the scoring rule, then the release hook in the same transaction. */
async function submit(
  sessionId: string,
  inspectorId: string,
  conversationId: string,
  ratings: Record<string, number | null>,
) {
  const review = await db.review.findFirstOrThrow({
    where: { calibrationSessionId: sessionId, inspectorId, conversationId },
    select: { id: true },
  });
  const byId = Object.fromEntries(scoring.map((criterion) => [criterion.id, ratings[criterion.key]]));
  const result = scoreReview(scoring, byId);
  return db.$transaction(async (tx) => {
    await tx.reviewScore.createMany({
      data: result.criteria.map((entry) => ({
        reviewId: review.id,
        criterionId: entry.criterionId,
        value: entry.value,
        score: entry.score,
        failed: entry.failed,
      })),
    });
    await tx.review.update({
      where: { id: review.id },
      data: {
        status: "submitted",
        submittedAt: new Date(),
        score: result.score,
        passed: result.score >= 80,
        gradingSeconds: 300,
      },
    });
    return afterCalibrationReviewSubmitted(tx, review.id);
  });
}

function loadSession(sessionId: string, cookie: string) {
  return callRoute(sessionLoader, buildRequest(`/qa/calibration/${sessionId}`, { cookie }), { sessionId });
}

type Reply = { result: { error?: Record<string, string[] | null> }; unknownExternalIds: string[] };

describe("creating a session", () => {
  it("creates one calibration review per participant × conversation, audits and notifies", async () => {
    const sessionId = await createSession();
    const session = await db.calibrationSession.findUniqueOrThrow({
      where: { id: sessionId },
      select: {
        rubricVersionId: true,
        benchmarkUserId: true,
        deadline: true,
        status: true,
        conversations: { orderBy: { position: "asc" }, select: { conversationId: true } },
      },
    });
    expect(session.rubricVersionId).toBe(rubric.versionId);
    expect(session.benchmarkUserId).toBe(lead.id);
    expect(session.status).toBe("open");
    expect(session.conversations.map((entry) => entry.conversationId)).toEqual(conversations.map((c) => c.id));

    const reviews = await db.review.findMany({
      where: { calibrationSessionId: sessionId },
      select: { kind: true, status: true, agentId: true, dueAt: true, inspectorId: true, rubricVersionId: true },
    });
    expect(reviews).toHaveLength(6);
    for (const review of reviews) {
      expect(review).toMatchObject({
        kind: "calibration",
        status: "assigned",
        agentId: null,
        rubricVersionId: rubric.versionId,
      });
      expect(review.dueAt?.getTime()).toBe(session.deadline.getTime());
    }
    expect(new Set(reviews.map((review) => review.inspectorId))).toEqual(
      new Set([lead.id, inspectorA.id, inspectorB.id]),
    );
    expect(await db.auditLog.count({ where: { action: "calibration.create", entityId: sessionId } })).toBe(1);
    const invites = await db.notification.findMany({
      where: { kind: "calibration-invited", link: `/qa/calibration/${sessionId}` },
      select: { userId: true },
    });
    expect(invites.map((entry) => entry.userId).sort()).toEqual([lead.id, inspectorA.id, inspectorB.id].sort());
  });

  it.each([
    [
      "no conversations",
      () => ({ conversationId: [], externalIds: "" }),
      "externalIds",
      "qa-calibration:errors.conversationsRequired",
    ],
    [
      "a benchmark who is not a participant",
      () => ({ participantId: [inspectorA.id, inspectorB.id] }),
      "benchmarkId",
      "qa-calibration:errors.benchmarkNotParticipant",
    ],
    ["a missing deadline", () => ({ deadline: "" }), "deadline", "validation:required"],
    ["one participant", () => ({ participantId: [lead.id] }), "participantId", "qa-calibration:errors.participantsMin"],
  ] as const)("answers 400 for %s", async (_name, overrides, field, message) => {
    const result = await callRoute(
      newAction,
      buildRequest("/qa/calibration/new", { cookie: leadCookie, form: sessionForm(overrides()) }),
    );
    expect(result.status).toBe(400);
    expect((result.data as Reply).result.error?.[field]).toEqual([message]);
  });

  it("answers 400 for a deadline in the past", async () => {
    const result = await callRoute(
      newAction,
      buildRequest("/qa/calibration/new", { cookie: leadCookie, form: sessionForm({ deadline: inDays(-1) }) }),
    );
    expect(result.status).toBe(400);
    expect((result.data as Reply).result.error?.deadline).toEqual(["qa-calibration:errors.deadlinePast"]);
  });

  it("answers 400 listing unknown conversation ids, and for a benchmark who is not a QA lead", async () => {
    const unknown = await callRoute(
      newAction,
      buildRequest("/qa/calibration/new", { cookie: leadCookie, form: sessionForm({ externalIds: "CAL-C2\nNOPE-1" }) }),
    );
    expect(unknown.status).toBe(400);
    expect((unknown.data as Reply).unknownExternalIds).toEqual(["NOPE-1"]);

    const notLead = await callRoute(
      newAction,
      buildRequest("/qa/calibration/new", { cookie: leadCookie, form: sessionForm({ benchmarkId: inspectorA.id }) }),
    );
    expect(notLead.status).toBe(400);
    expect((notLead.data as Reply).result.error?.benchmarkId).toEqual(["qa-calibration:errors.benchmarkNotLead"]);
    expect(await db.calibrationSession.count({ where: { title: "11月第4周 校准" } })).toBe(1);
  });

  it("is for managers and QA leads only", async () => {
    const result = await callRoute(
      newAction,
      buildRequest("/qa/calibration/new", { cookie: inspectorACookie, form: sessionForm() }),
    );
    expect(result.status).toBe(403);
  });
});

describe("blind scoring, release and results", () => {
  let sessionId: string;

  beforeAll(async () => {
    sessionId = await createSession({ title: "盲评与公布" });
  });

  it("shows a participant only progress before release, and hides the session from others", async () => {
    await submit(sessionId, inspectorA.id, conversations[0]!.id, { greeting: 1, accuracy: 5, empathy: 2 });
    const view = await loadSession(sessionId, inspectorACookie);
    expect(view.status).toBe(200);
    const data = view.data as {
      results: unknown;
      myReviews: { status: string }[];
      participants: { id: string; scored: number }[];
    };
    expect(data.results).toBeNull();
    expect(JSON.stringify(data)).not.toMatch(/"score"|"values"|"cells"/);
    expect(data.myReviews.map((review) => review.status)).toEqual(["submitted", "assigned"]);
    expect(data.participants.find((participant) => participant.id === inspectorA.id)?.scored).toBe(1);

    expect((await loadSession(sessionId, outsiderCookie)).status).toBe(404);
    const { cookie: agentCookie } = await signInAs("agent");
    expect((await loadSession(sessionId, agentCookie)).status).toBe(403);

    const list = await callRoute(listLoader, buildRequest("/qa/calibration", { cookie: outsiderCookie }));
    expect((list.data as { rows: { id: string }[] }).rows.some((row) => row.id === sessionId)).toBe(false);
    const mine = await callRoute(listLoader, buildRequest("/qa/calibration", { cookie: inspectorACookie }));
    const row = (
      mine.data as { rows: { id: string; myProgress: number | null; participantsSubmitted: number }[] }
    ).rows.find((entry) => entry.id === sessionId);
    expect(row).toMatchObject({ myProgress: 1, participantsSubmitted: 0 });
  });

  it("releases when the last participant submits, with the figures computed by hand", async () => {
    const [c1, c2] = conversations.map((conversation) => conversation.id) as [string, string];
    expect((await submit(sessionId, inspectorA.id, c2, { greeting: 1, accuracy: null, empathy: 2 })).released).toBe(
      false,
    );
    await submit(sessionId, lead.id, c1, { greeting: 1, accuracy: 4, empathy: 3 });
    await submit(sessionId, lead.id, c2, { greeting: 1, accuracy: 3, empathy: 2 });
    await submit(sessionId, inspectorB.id, c1, { greeting: 0, accuracy: 4, empathy: 3 });
    expect(
      await db.calibrationSession.findUniqueOrThrow({ where: { id: sessionId }, select: { status: true } }),
    ).toEqual({ status: "open" });
    expect((await submit(sessionId, inspectorB.id, c2, { greeting: 1, accuracy: 2, empathy: 1 })).released).toBe(true);

    const session = await db.calibrationSession.findUniqueOrThrow({
      where: { id: sessionId },
      select: { status: true, releasedAt: true },
    });
    expect(session.status).toBe("released");
    expect(session.releasedAt).not.toBeNull();
    expect(
      await db.notification.count({ where: { kind: "calibration-released", link: `/qa/calibration/${sessionId}` } }),
    ).toBe(3);
    expect(await db.auditLog.count({ where: { action: "calibration.release", entityId: sessionId } })).toBe(1);

    const view = await loadSession(sessionId, inspectorACookie);
    const results = (view.data as { results: CalibrationResults }).results;
    // Benchmark first, then participants by 工号.
    expect(results.raters.map((rater) => [rater.externalId, rater.isBenchmark])).toEqual([
      ["QL01", true],
      ["QI01", false],
      ["QI02", false],
    ]);
    // Scores by the rule: C1 87.5 / 87.5 / 62.5, C2 62.5 / 75 (accuracy N/A) / 37.5.
    expect(results.conversations.map((conversation) => conversation.scores)).toEqual([
      [87.5, 87.5, 62.5],
      [62.5, 75, 37.5],
    ]);
    // QI01: C1 (1 + 2 × 0.75 + 0.5) / 4 = 0.75, C2 (1 + 1) / 2 = 1 → 0.875; leniency (0 + 12.5) / 2 = 6.25.
    // QI02: C1 (0 + 2 × 1 + 1) / 4 = 0.75, C2 (1 + 2 × 0.75 + 0.5) / 4 = 0.75 → 0.75; leniency (−25 − 25) / 2 = −25.
    const inspectors = Object.fromEntries(results.inspectors.map((entry) => [entry.externalId, entry]));
    expect(inspectors.QI01).toMatchObject({ perConversation: [0.75, 1], alignment: 0.875, leniency: 6.25 });
    expect(inspectors.QI02).toMatchObject({ perConversation: [0.75, 0.75], alignment: 0.75, leniency: -25 });

    const accuracyC1 = results.conversations[0]!.criteria[1]!;
    expect(accuracyC1.cells).toEqual([4, 5, 4]);
    expect(accuracyC1.spread).toEqual({ min: 4, max: 5, sd: standardDeviation([4, 5, 4]) });
    expect(results.conversations[1]!.criteria[1]!.cells).toEqual([3, "na", 2]);

    const values = {
      greeting: [
        [1, 1, 0],
        [1, 1, 1],
      ],
      accuracy: [
        [4, 5, 4],
        [3, null, 2],
      ],
      empathy: [
        [3, 2, 3],
        [2, 2, 1],
      ],
    };
    const levels = { greeting: "nominal", accuracy: "ordinal", empathy: "ordinal" } as const;
    for (const criterion of results.criteria) {
      const key = criterion.key as keyof typeof values;
      const expected = krippendorffAlpha(values[key], levels[key]);
      expect(criterion.level).toBe(levels[key]);
      if (Number.isNaN(expected)) expect(criterion.alpha).toBeNull();
      else expect(criterion.alpha).toBeCloseTo(expected, 12);
    }
    expect(results.scoreAlpha).toBeCloseTo(
      krippendorffAlpha(
        [
          [87.5, 87.5, 62.5],
          [62.5, 75, 37.5],
        ],
        "interval",
      ),
      12,
    );
  });

  it("refuses to close a released session with 409", async () => {
    const result = await callRoute(
      sessionAction,
      buildRequest(`/qa/calibration/${sessionId}`, { cookie: leadCookie, form: { intent: "release" } }),
      { sessionId },
    );
    expect(result.status).toBe(409);
  });
});

describe("releasing without everyone", () => {
  it("the deadline job releases expired sessions once, cancelling unsubmitted reviews", async () => {
    const sessionId = await createSession({ title: "截止自动公布" });
    await submit(sessionId, lead.id, conversations[0]!.id, { greeting: 1, accuracy: 4, empathy: 3 });
    await db.calibrationSession.update({ where: { id: sessionId }, data: { deadline: new Date(Date.now() - 60_000) } });

    expect((await releaseExpiredCalibrationSessions()).released).toBeGreaterThanOrEqual(1);
    const session = await db.calibrationSession.findUniqueOrThrow({
      where: { id: sessionId },
      select: { status: true },
    });
    expect(session.status).toBe("released");
    expect(await db.review.count({ where: { calibrationSessionId: sessionId, status: "cancelled" } })).toBe(5);
    expect(
      await db.notification.count({ where: { kind: "calibration-released", link: `/qa/calibration/${sessionId}` } }),
    ).toBe(3);

    expect((await releaseExpiredCalibrationSessions()).released).toBe(0);
    expect(await db.auditLog.count({ where: { action: "calibration.release", entityId: sessionId } })).toBe(1);

    const view = await loadSession(sessionId, inspectorBCookie);
    const results = (view.data as { results: CalibrationResults }).results;
    expect(results.conversations[0]!.scores).toEqual([87.5, null, null]);
    expect(results.inspectors.every((inspector) => inspector.alignment === null)).toBe(true);
  });

  it("managers close early with an audit entry; inspectors may not", async () => {
    const sessionId = await createSession({ title: "提前结束" });
    const denied = await callRoute(
      sessionAction,
      buildRequest(`/qa/calibration/${sessionId}`, { cookie: inspectorACookie, form: { intent: "release" } }),
      { sessionId },
    );
    expect(denied.status).toBe(403);

    const { cookie: managerCookie, user: manager } = await signInAs("manager");
    const closed = await callRoute(
      sessionAction,
      buildRequest(`/qa/calibration/${sessionId}`, { cookie: managerCookie, form: { intent: "release" } }),
      { sessionId },
    );
    expect(closed.status).toBe(302);
    const audit = await db.auditLog.findFirstOrThrow({
      where: { action: "calibration.release", entityId: sessionId },
      select: { actorId: true, after: true },
    });
    expect(audit.actorId).toBe(manager.id);
    expect(audit.after).toMatchObject({ reason: "closed-early" });
    // A manager sees every session, and the results, without taking part.
    const view = await loadSession(sessionId, managerCookie);
    expect(view.status).toBe(200);
    expect((view.data as { results: unknown }).results).not.toBeNull();
  });
});
