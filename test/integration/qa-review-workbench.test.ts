import { beforeAll, describe, expect, it } from "vitest";
import { loader as reviewsLoader, action as reviewsAction } from "~/routes/qa.reviews._index";
import { action as reviewAction, loader as reviewLoader } from "~/routes/qa.reviews.$reviewId";
import { loader as queueLoader } from "~/routes/qa.queue";
import { loader as homeLoader } from "~/routes/qa._index";
import { db } from "~/utils/db.server";
import { buildRequest, callRoute, signInAs, type TestUser } from "../support/auth";
import { createTestConversation, createTestReview, createTestRubric } from "../support/qa-fixtures";

type Rubric = Awaited<ReturnType<typeof createTestRubric>>;

let rubric: Rubric;
let ids: Record<"greeting" | "accuracy" | "empathy" | "privacy", string>;
let teamId: string;
let inspector: TestUser;
let inspectorCookie: string;
let otherInspector: TestUser;
let otherCookie: string;
let agent: TestUser;

beforeAll(async () => {
  teamId = (await db.team.create({ data: { code: "AFT", name: "售后服务组" }, select: { id: true } })).id;
  ({ user: inspector, cookie: inspectorCookie } = await signInAs("qa_inspector", { name: "赵静怡" }));
  ({ user: otherInspector, cookie: otherCookie } = await signInAs("qa_inspector", { name: "吴俊杰" }));
  ({ user: agent } = await signInAs("agent", { name: "李小满", teamId }));
  rubric = await createTestRubric({ name: "在线客服通用质检表" });
  ids = Object.fromEntries(rubric.criteria.map((criterion) => [criterion.key, criterion.id])) as typeof ids;
});

async function openReview(options: { inspectorId?: string; status?: "assigned" | "draft"; dueInHours?: number } = {}) {
  const conversation = await createTestConversation({ agentIds: [agent.id], teamId });
  const review = await createTestReview({
    conversationId: conversation.id,
    inspectorId: options.inspectorId ?? inspector.id,
    rubricVersionId: rubric.versionId,
    agentId: agent.id,
    status: options.status ?? "assigned",
  });
  if (options.dueInHours !== undefined) {
    await db.review.update({
      where: { id: review.id },
      data: { dueAt: new Date(Date.now() + options.dueInHours * 3_600_000) },
    });
  }
  return { reviewId: review.id, conversationId: conversation.id };
}

function post(reviewId: string, form: Record<string, string>, cookie = inspectorCookie) {
  return callRoute(reviewAction, buildRequest(`/qa/reviews/${reviewId}`, { cookie, form }), { reviewId });
}

function ratings(values: Partial<Record<keyof typeof ids, string>>) {
  return Object.fromEntries(
    Object.entries(values).map(([key, value]) => [`rating:${ids[key as keyof typeof ids]}`, value]),
  );
}

describe("queue", () => {
  it("lists only my open reviews, earliest due first, with counts", async () => {
    // A fresh inspector whose queue holds exactly the reviews made here.
    const { user: solo, cookie: soloCookie } = await signInAs("qa_inspector");
    const later = await openReview({ inspectorId: solo.id, dueInHours: 48 });
    const overdue = await openReview({ inspectorId: solo.id, dueInHours: -5 });
    const draft = await openReview({ inspectorId: solo.id, status: "draft", dueInHours: 24 * 5 });
    const submitted = await openReview({ inspectorId: solo.id });
    await db.review.update({
      where: { id: submitted.reviewId },
      data: { status: "submitted", submittedAt: new Date() },
    });
    const cancelled = await openReview({ inspectorId: solo.id });
    await db.review.update({ where: { id: cancelled.reviewId }, data: { status: "cancelled" } });
    await openReview({ inspectorId: otherInspector.id });

    const result = await callRoute(queueLoader, buildRequest("/qa/queue", { cookie: soloCookie }));
    expect(result.status).toBe(200);
    const data = result.data as {
      rows: { id: string; status: string }[];
      total: number;
      counts: Record<string, number>;
    };
    expect(data.rows.map((row) => row.id)).toEqual([overdue.reviewId, later.reviewId, draft.reviewId]);
    expect(data.total).toBe(3);
    expect(data.counts).toMatchObject({ open: 3, overdue: 1, drafts: 1 });

    const home = await callRoute(homeLoader, buildRequest("/qa", { cookie: soloCookie }));
    expect(home.status).toBe(200);
    expect((home.data as { counts: { open: number } }).counts.open).toBe(3);
  });

  it("is refused to agents", async () => {
    const { cookie } = await signInAs("agent");
    expect((await callRoute(queueLoader, buildRequest("/qa/queue", { cookie }))).status).toBe(403);
  });
});

describe("who may score", () => {
  it("refuses another inspector loading or scoring my review (403)", async () => {
    const { reviewId } = await openReview();
    const load = await callRoute(reviewLoader, buildRequest(`/qa/reviews/${reviewId}`, { cookie: otherCookie }), {
      reviewId,
    });
    expect(load.status).toBe(403);
    const save = await post(reviewId, { intent: "save", ...ratings({ greeting: "1" }) }, otherCookie);
    expect(save.status).toBe(403);
    const submit = await post(
      reviewId,
      { intent: "submit", ...ratings({ greeting: "1", accuracy: "5", empathy: "3", privacy: "1" }) },
      otherCookie,
    );
    expect(submit.status).toBe(403);
    expect((await db.review.findUniqueOrThrow({ where: { id: reviewId } })).status).toBe("assigned");
  });

  it("refuses a manager posting scores (403)", async () => {
    const { reviewId } = await openReview();
    const { cookie } = await signInAs("manager");
    expect((await post(reviewId, { intent: "save" }, cookie)).status).toBe(403);
  });

  it("answers 404 for an unknown review", async () => {
    const load = await callRoute(reviewLoader, buildRequest("/qa/reviews/nope", { cookie: inspectorCookie }), {
      reviewId: "nope",
    });
    expect(load.status).toBe(404);
  });
});

describe("draft autosave", () => {
  it("persists ratings, comments and summary, adds grading time, and restores them on load", async () => {
    const { reviewId } = await openReview();
    const first = await post(reviewId, {
      intent: "save",
      ...ratings({ greeting: "1", accuracy: "na" }),
      [`comment:${ids.greeting}`]: "开场问候及时规范",
      summary: "整体服务热情",
      elapsedSeconds: "30",
    });
    expect(first.status).toBe(200);
    expect(first.data).toMatchObject({ intent: "save", ok: true });
    await post(reviewId, {
      intent: "save",
      ...ratings({ greeting: "1", accuracy: "na", empathy: "2" }),
      [`comment:${ids.greeting}`]: "开场问候及时规范",
      summary: "整体服务热情",
      elapsedSeconds: "20",
    });
    const stored = await db.review.findUniqueOrThrow({ where: { id: reviewId } });
    expect(stored.status).toBe("draft");
    expect(stored.startedAt).not.toBeNull();
    expect(stored.gradingSeconds).toBe(50);

    const load = await callRoute(reviewLoader, buildRequest(`/qa/reviews/${reviewId}`, { cookie: inspectorCookie }), {
      reviewId,
    });
    expect(load.status).toBe(200);
    expect(load.data).toMatchObject({
      mode: "score",
      draft: {
        ratings: { [ids.greeting]: 1, [ids.accuracy]: null, [ids.empathy]: 2 },
        comments: { [ids.greeting]: "开场问候及时规范" },
        summary: "整体服务热情",
      },
    });
  });

  it("rejects values off the scale (400) and keeps the old draft", async () => {
    const { reviewId } = await openReview();
    const result = await post(reviewId, { intent: "save", ...ratings({ empathy: "4" }) });
    expect(result.status).toBe(400);
    expect(result.data).toMatchObject({ error: "invalidForm", fieldErrors: [{ criterionId: ids.empathy }] });
    expect((await db.review.findUniqueOrThrow({ where: { id: reviewId } })).status).toBe("assigned");
  });
});

describe("submit", () => {
  it("computes the score exactly, writes scores, audits and notifies the agent", async () => {
    const { reviewId } = await openReview({ status: "draft" });
    await db.review.update({ where: { id: reviewId }, data: { gradingSeconds: 100, draft: { summary: "旧草稿" } } });
    const result = await post(reviewId, {
      intent: "submit",
      // greeting pass 1×1, accuracy 3 → 0.5×2, empathy 2 → 0.5×1, privacy pass 1×1: 3.5 / 5 = 70
      ...ratings({ greeting: "1", accuracy: "3", empathy: "2", privacy: "1" }),
      [`comment:${ids.accuracy}`]: "退货运费政策解释不完整",
      summary: "态度良好，政策信息需更准确",
      elapsedSeconds: "45",
    });
    expect(result.status).toBe(302);
    expect(result.headers.get("Set-Cookie")).toContain("fw_flash=");

    const review = await db.review.findUniqueOrThrow({ where: { id: reviewId } });
    expect(review).toMatchObject({
      status: "submitted",
      score: 70,
      passed: false,
      criticalFailed: false,
      summary: "态度良好，政策信息需更准确",
      draft: null,
      gradingSeconds: 145,
    });
    expect(review.submittedAt).not.toBeNull();
    const scores = await db.reviewScore.findMany({ where: { reviewId }, orderBy: { criterionId: "asc" } });
    expect(scores).toHaveLength(4);
    expect(scores.find((score) => score.criterionId === ids.accuracy)).toMatchObject({
      value: 3,
      score: 0.5,
      failed: false,
      comment: "退货运费政策解释不完整",
    });
    expect(scores.find((score) => score.criterionId === ids.empathy)).toMatchObject({ value: 2, score: 0.5 });

    const audit = await db.auditLog.findFirstOrThrow({ where: { action: "qa-review.submit", entityId: reviewId } });
    expect(audit.actorId).toBe(inspector.id);
    expect(audit.after).toMatchObject({ score: 70, passed: false });
    const notification = await db.notification.findFirstOrThrow({
      where: { userId: agent.id, kind: "qa-review-submitted", link: `/agent/reviews/${reviewId}` },
    });
    expect(notification.params).toMatchObject({ score: 70, rubric: "在线客服通用质检表" });
  });

  it("leaves N/A out of both sums: (1 + 0.5 + 1) / 3 = 83.33, passing at 80", async () => {
    const { reviewId } = await openReview();
    const result = await post(reviewId, {
      intent: "submit",
      ...ratings({ greeting: "1", accuracy: "na", empathy: "2", privacy: "1" }),
    });
    expect(result.status).toBe(302);
    expect(await db.review.findUniqueOrThrow({ where: { id: reviewId } })).toMatchObject({
      score: 83.33,
      passed: true,
    });
    const na = await db.reviewScore.findUniqueOrThrow({
      where: { reviewId_criterionId: { reviewId, criterionId: ids.accuracy } },
    });
    expect(na).toMatchObject({ value: null, score: null, failed: false });
  });

  it("zeroes the review on a red-line failure", async () => {
    const { reviewId } = await openReview();
    await post(reviewId, {
      intent: "submit",
      ...ratings({ greeting: "1", accuracy: "5", empathy: "3", privacy: "0" }),
    });
    expect(await db.review.findUniqueOrThrow({ where: { id: reviewId } })).toMatchObject({
      score: 0,
      passed: false,
      criticalFailed: true,
    });
  });

  it("answers 400 naming the criteria not rated", async () => {
    const { reviewId } = await openReview();
    const result = await post(reviewId, { intent: "submit", ...ratings({ greeting: "1", accuracy: "4" }) });
    expect(result.status).toBe(400);
    expect(result.data).toMatchObject({ error: "incomplete", missing: [ids.empathy, ids.privacy], naNotAllowed: [] });
    expect((await db.review.findUniqueOrThrow({ where: { id: reviewId } })).status).toBe("assigned");
    expect(await db.reviewScore.count({ where: { reviewId } })).toBe(0);
  });

  it("answers 400 for N/A on a criterion that does not allow it", async () => {
    const { reviewId } = await openReview();
    const result = await post(reviewId, {
      intent: "submit",
      ...ratings({ greeting: "na", accuracy: "4", empathy: "3", privacy: "1" }),
    });
    expect(result.status).toBe(400);
    expect(result.data).toMatchObject({ error: "incomplete", missing: [], naNotAllowed: [ids.greeting] });
  });

  it("answers 409 to a second submit and keeps the first score", async () => {
    const { reviewId } = await openReview();
    const form = { intent: "submit", ...ratings({ greeting: "1", accuracy: "5", empathy: "3", privacy: "1" }) };
    expect((await post(reviewId, form)).status).toBe(302);
    const again = await post(reviewId, {
      ...form,
      ...ratings({ greeting: "0", accuracy: "5", empathy: "3", privacy: "1" }),
    });
    expect(again.status).toBe(409);
    expect(again.data).toMatchObject({ error: "alreadySubmitted" });
    expect((await db.review.findUniqueOrThrow({ where: { id: reviewId } })).score).toBe(100);
    expect(await db.auditLog.count({ where: { action: "qa-review.submit", entityId: reviewId } })).toBe(1);
    const save = await post(reviewId, { intent: "save", ...ratings({ greeting: "0" }) });
    expect(save.status).toBe(409);
  });

  it("goes to the next item in the queue after submitting", async () => {
    const { user: solo, cookie } = await signInAs("qa_inspector");
    const first = await openReview({ inspectorId: solo.id, dueInHours: 1 });
    const second = await openReview({ inspectorId: solo.id, dueInHours: 30 });
    const result = await post(
      first.reviewId,
      { intent: "submit", ...ratings({ greeting: "1", accuracy: "5", empathy: "3", privacy: "1" }) },
      cookie,
    );
    expect(result.location).toBe(`/qa/reviews/${second.reviewId}`);
    const last = await post(
      second.reviewId,
      { intent: "submit", ...ratings({ greeting: "1", accuracy: "5", empathy: "3", privacy: "1" }) },
      cookie,
    );
    expect(last.location).toBe("/qa/queue");
  });

  it("shows a submitted review read-only, with its scores, to other inspectors", async () => {
    const { reviewId } = await openReview();
    await post(reviewId, {
      intent: "submit",
      ...ratings({ greeting: "0", accuracy: "5", empathy: "3", privacy: "1" }),
      [`comment:${ids.greeting}`]: "未使用标准问候语",
    });
    const load = await callRoute(reviewLoader, buildRequest(`/qa/reviews/${reviewId}`, { cookie: otherCookie }), {
      reviewId,
    });
    expect(load.status).toBe(200);
    expect(load.data).toMatchObject({
      mode: "read",
      result: {
        score: 80,
        passed: true,
        scores: { [ids.greeting]: { value: 0, failed: true, comment: "未使用标准问候语" } },
      },
    });
    expect(load.data).not.toHaveProperty("draft");
  });
});

describe("pinned comments", () => {
  it("pins a comment to a message of the conversation, shows it, and deletes it", async () => {
    const { reviewId, conversationId } = await openReview();
    const message = await db.message.findFirstOrThrow({ where: { conversationId, seq: 2 }, select: { id: true } });
    const added = await post(reviewId, {
      intent: "addComment",
      messageId: message.id.toString(),
      text: "客户留下手机号后未提醒注意隐私",
    });
    expect(added.status).toBe(200);
    const comment = await db.reviewComment.findFirstOrThrow({ where: { reviewId } });
    expect(comment).toMatchObject({ messageId: message.id, authorId: inspector.id });

    const load = await callRoute(reviewLoader, buildRequest(`/qa/reviews/${reviewId}`, { cookie: inspectorCookie }), {
      reviewId,
    });
    expect(load.data).toMatchObject({
      pinnedComments: [{ messageId: message.id.toString(), text: "客户留下手机号后未提醒注意隐私" }],
    });

    const deleted = await post(reviewId, { intent: "deleteComment", commentId: comment.id });
    expect(deleted.status).toBe(200);
    expect(await db.reviewComment.count({ where: { reviewId } })).toBe(0);
  });

  it("refuses messages of another conversation, empty text, and changes after submit", async () => {
    const { reviewId } = await openReview();
    const elsewhere = await createTestConversation({ agentIds: [agent.id] });
    const foreign = await db.message.findFirstOrThrow({
      where: { conversationId: elsewhere.id },
      select: { id: true },
    });
    const wrong = await post(reviewId, { intent: "addComment", messageId: foreign.id.toString(), text: "x" });
    expect(wrong.status).toBe(400);
    expect(wrong.data).toMatchObject({ error: "messageNotInConversation" });
    const own = await db.review.findUniqueOrThrow({ where: { id: reviewId }, select: { conversationId: true } });
    const message = await db.message.findFirstOrThrow({
      where: { conversationId: own.conversationId },
      select: { id: true },
    });
    expect((await post(reviewId, { intent: "addComment", messageId: message.id.toString(), text: "  " })).status).toBe(
      400,
    );

    await post(reviewId, {
      intent: "submit",
      ...ratings({ greeting: "1", accuracy: "5", empathy: "3", privacy: "1" }),
    });
    const late = await post(reviewId, { intent: "addComment", messageId: message.id.toString(), text: "补充" });
    expect(late.status).toBe(409);
  });
});

describe("calibration reviews", () => {
  it("are visible only to their inspector, release the session on submit and notify no agent", async () => {
    const { user: lead } = await signInAs(["qa_lead", "qa_inspector"]);
    const conversation = await createTestConversation({ agentIds: [agent.id], teamId });
    const session = await db.calibrationSession.create({
      data: {
        title: "三月校准会",
        rubricVersionId: rubric.versionId,
        benchmarkUserId: lead.id,
        deadline: new Date(Date.now() + 86_400_000),
        conversations: { create: { conversationId: conversation.id, position: 0 } },
        participants: { create: { userId: inspector.id } },
      },
      select: { id: true },
    });
    const review = await createTestReview({
      conversationId: conversation.id,
      inspectorId: inspector.id,
      rubricVersionId: rubric.versionId,
      kind: "calibration",
      calibrationSessionId: session.id,
    });
    const path = `/qa/reviews/${review.id}`;
    for (const cookie of [otherCookie, (await signInAs("manager")).cookie]) {
      const load = await callRoute(reviewLoader, buildRequest(path, { cookie }), { reviewId: review.id });
      expect(load.status).toBe(404);
    }
    expect((await post(review.id, { intent: "save" }, otherCookie)).status).toBe(404);

    const before = await db.notification.count({ where: { kind: "qa-review-submitted" } });
    const result = await post(review.id, {
      intent: "submit",
      ...ratings({ greeting: "1", accuracy: "4", empathy: "3", privacy: "1" }),
    });
    expect(result.status).toBe(302);
    expect(await db.notification.count({ where: { kind: "qa-review-submitted" } })).toBe(before);
    expect(await db.calibrationSession.findUniqueOrThrow({ where: { id: session.id } })).toMatchObject({
      status: "released",
    });

    // Still hidden from others once submitted, and never listed.
    const later = await callRoute(reviewLoader, buildRequest(path, { cookie: otherCookie }), { reviewId: review.id });
    expect(later.status).toBe(404);
    const list = await callRoute(reviewsLoader, buildRequest("/qa/reviews?status=submitted", { cookie: otherCookie }));
    expect((list.data as { rows: { id: string }[] }).rows.map((row) => row.id)).not.toContain(review.id);
  });
});

describe("starting a review by hand", () => {
  it("creates a review assigned to me for the primary agent and opens the workbench", async () => {
    const conversation = await createTestConversation({ agentIds: [agent.id], teamId });
    const result = await callRoute(
      reviewsAction,
      buildRequest("/qa/reviews?index", {
        cookie: inspectorCookie,
        form: { intent: "start", conversationId: conversation.id, rubricId: rubric.rubricId },
      }),
    );
    expect(result.status).toBe(302);
    const review = await db.review.findFirstOrThrow({ where: { conversationId: conversation.id } });
    expect(result.location).toBe(`/qa/reviews/${review.id}`);
    expect(review).toMatchObject({
      kind: "regular",
      status: "assigned",
      inspectorId: inspector.id,
      agentId: agent.id,
      rubricVersionId: rubric.versionId,
    });
    expect(await db.auditLog.count({ where: { action: "qa-review.start", entityId: review.id } })).toBe(1);

    const again = await callRoute(
      reviewsAction,
      buildRequest("/qa/reviews?index", {
        cookie: otherCookie,
        form: { intent: "start", conversationId: conversation.id, rubricId: rubric.rubricId },
      }),
    );
    expect(again.status).toBe(409);
    expect(again.data).toMatchObject({ error: "alreadyReviewed", reviewId: review.id });
  });

  it("refuses a conversation the inspector handled (403)", async () => {
    const conversation = await createTestConversation({ agentIds: [agent.id, inspector.id], teamId });
    const result = await callRoute(
      reviewsAction,
      buildRequest("/qa/reviews?index", {
        cookie: inspectorCookie,
        form: { intent: "start", conversationId: conversation.id, rubricId: rubric.rubricId },
      }),
    );
    expect(result.status).toBe(403);
    expect(result.data).toMatchObject({ error: "ownConversation" });
    expect(await db.review.count({ where: { conversationId: conversation.id } })).toBe(0);
  });

  it("refuses inactive rubrics, unknown conversations and non-inspectors", async () => {
    const conversation = await createTestConversation({ agentIds: [agent.id], teamId });
    const archived = await createTestRubric();
    await db.rubric.update({ where: { id: archived.rubricId }, data: { status: "archived" } });
    const start = (cookie: string, conversationId: string, rubricId: string) =>
      callRoute(
        reviewsAction,
        buildRequest("/qa/reviews?index", { cookie, form: { intent: "start", conversationId, rubricId } }),
      );
    expect((await start(inspectorCookie, conversation.id, archived.rubricId)).status).toBe(400);
    expect((await start(inspectorCookie, "missing", rubric.rubricId)).status).toBe(404);
    expect((await start((await signInAs("team_lead")).cookie, conversation.id, rubric.rubricId)).status).toBe(403);
  });
});
