// The dispute (申诉) state machine through the route actions: filing, deciding with rescoring, escalation,
// refusals (400/403/404/409), acknowledgement, the agent-only view of reviews and the SLA reminder job.
import { beforeAll, describe, expect, it } from "vitest";
import { remindOverdueDisputes } from "~/modules/qa/disputes/dispute.server";
import { action as reviewAction, loader as reviewLoader } from "~/routes/agent.reviews.$reviewId";
import { loader as agentListLoader } from "~/routes/agent.reviews._index";
import { action as decideAction, loader as disputeLoader } from "~/routes/qa.disputes.$disputeId";
import { loader as disputesLoader } from "~/routes/qa.disputes._index";
import { db } from "~/utils/db.server";
import { buildRequest, callRoute, signInAs, type TestUser } from "../support/auth";
import { createTestConversation, createTestRubric, createTestReview } from "../support/qa-fixtures";

const DAY = 86_400_000;

type Session = { user: TestUser; cookie: string };
let agent: Session;
let otherAgent: Session;
let inspector: Session;
let otherInspector: Session;
let lead: Session;
let rubric: Awaited<ReturnType<typeof createTestRubric>>;
let c: Record<"greeting" | "accuracy" | "empathy" | "privacy", string>;

beforeAll(async () => {
  const team = await db.team.create({ data: { code: "AFT", name: "售后服务组" }, select: { id: true } });
  agent = await signInAs("agent", { name: "李娜", teamId: team.id });
  otherAgent = await signInAs("agent", { name: "王磊", teamId: team.id });
  inspector = await signInAs("qa_inspector", { name: "吴俊杰" });
  otherInspector = await signInAs("qa_inspector", { name: "陈思彤" });
  lead = await signInAs(["qa_lead", "qa_inspector"], { name: "赵静怡" });
  rubric = await createTestRubric();
  c = Object.fromEntries(rubric.criteria.map((criterion) => [criterion.key, criterion.id])) as typeof c;
});

/**
 * greeting 0/1 (w1) = 0, accuracy 3/5 (w2) = 0.5, empathy 1/3 (w1) = 0, privacy 1/1 (w1, red line) = 1
 * → 100 × (0 + 1 + 0 + 1) / 5 = 40.
 */
async function submittedReview(
  options: { agentId?: string; submittedAt?: Date; kind?: "regular" | "calibration" } = {},
) {
  const conversation = await createTestConversation({ agentIds: [options.agentId ?? agent.user.id] });
  const review = await createTestReview({
    conversationId: conversation.id,
    inspectorId: inspector.user.id,
    rubricVersionId: rubric.versionId,
    agentId: options.kind === "calibration" ? null : (options.agentId ?? agent.user.id),
    status: "submitted",
    kind: options.kind,
    score: 40,
    submittedAt: options.submittedAt ?? new Date(Date.now() - DAY),
    values: {
      [c.greeting]: { value: 0, score: 0, failed: true },
      [c.accuracy]: { value: 3, score: 0.5 },
      [c.empathy]: { value: 1, score: 0, failed: true },
      [c.privacy]: { value: 1, score: 1 },
    },
  });
  await db.review.update({ where: { id: review.id }, data: { summary: "开场白缺失，安抚不足。" } });
  return review.id;
}

type Item = { criterionId: string; reason?: string; proposed?: string; selected?: boolean };

function disputeForm(items: Item[]) {
  const form: Record<string, string> = { intent: "dispute" };
  items.forEach((item, index) => {
    form[`items[${index}].criterionId`] = item.criterionId;
    if (item.selected !== false) form[`items[${index}].selected`] = "on";
    if (item.reason !== undefined) form[`items[${index}].reason`] = item.reason;
    if (item.proposed !== undefined) form[`items[${index}].proposed`] = item.proposed;
  });
  return form;
}

function postReview(reviewId: string, form: Record<string, string>, session: Session = agent) {
  return callRoute(reviewAction, buildRequest(`/agent/reviews/${reviewId}`, { cookie: session.cookie, form }), {
    reviewId,
  });
}

async function itemIds(disputeId: string) {
  const items = await db.disputeItem.findMany({ where: { disputeId }, select: { id: true, criterionId: true } });
  return Object.fromEntries(items.map((item) => [item.criterionId, item.id]));
}

function decide(
  disputeId: string,
  rows: { itemId: string; decision?: "accept" | "reject"; value?: string }[],
  response: string,
  session: Session,
) {
  const form: Record<string, string> = { intent: "decide", response };
  rows.forEach((row, index) => {
    form[`items[${index}].itemId`] = row.itemId;
    if (row.decision) form[`items[${index}].decision`] = row.decision;
    if (row.value !== undefined) form[`items[${index}].value`] = row.value;
  });
  return callRoute(decideAction, buildRequest(`/qa/disputes/${disputeId}`, { cookie: session.cookie, form }), {
    disputeId,
  });
}

async function latestDispute(reviewId: string) {
  return db.dispute.findFirstOrThrow({ where: { reviewId }, orderBy: { createdAt: "desc" } });
}

async function reviewState(reviewId: string) {
  const review = await db.review.findUniqueOrThrow({
    where: { id: reviewId },
    select: {
      score: true,
      passed: true,
      criticalFailed: true,
      scores: { select: { criterionId: true, value: true, score: true, failed: true } },
    },
  });
  return {
    score: review.score,
    passed: review.passed,
    values: Object.fromEntries(review.scores.map((s) => [s.criterionId, s.value])),
    scores: Object.fromEntries(review.scores.map((s) => [s.criterionId, s.score])),
  };
}

describe("the full path: open → partly accepted → escalated → accepted", () => {
  let reviewId: string;
  let disputeId: string;

  it("files a dispute on three criteria and notifies the inspector", async () => {
    reviewId = await submittedReview();
    const result = await postReview(
      reviewId,
      disputeForm([
        { criterionId: c.greeting, reason: "开头已说“亲，您好”，属于规范问候", proposed: "1" },
        { criterionId: c.accuracy, reason: "退货运费说明与平台规则一致", proposed: "5" },
        { criterionId: c.empathy, reason: "第一句就向顾客致歉并安抚了情绪", proposed: "3" },
        { criterionId: c.privacy, selected: false, reason: "" },
      ]),
    );
    expect(result.status).toBe(302);
    const dispute = await latestDispute(reviewId);
    expect(dispute).toMatchObject({
      status: "open",
      handlerId: inspector.user.id,
      scoreBefore: 40,
      agentId: agent.user.id,
    });
    expect(dispute.dueAt.getTime() - dispute.createdAt.getTime()).toBe(3 * DAY);
    expect(await db.disputeItem.count({ where: { disputeId: dispute.id } })).toBe(3);
    expect(await db.auditLog.count({ where: { action: "dispute.create", entityId: dispute.id } })).toBe(1);
    const note = await db.notification.findFirstOrThrow({
      where: { userId: inspector.user.id, kind: "dispute-opened" },
    });
    expect(note.link).toBe(`/qa/disputes/${dispute.id}`);
    disputeId = dispute.id;
  });

  it("refuses a second dispute while one is open (409)", async () => {
    const result = await postReview(
      reviewId,
      disputeForm([{ criterionId: c.greeting, reason: "再次申诉开场白问题", proposed: "1" }]),
    );
    expect(result.status).toBe(409);
    expect(result.data).toEqual({ message: "dispute-open" });
  });

  it("shows the dispute to the inspector with a decide form, hides it from other inspectors", async () => {
    const own = await callRoute(
      disputeLoader,
      buildRequest(`/qa/disputes/${disputeId}`, { cookie: inspector.cookie }),
      {
        disputeId,
      },
    );
    expect(own.status).toBe(200);
    expect(own.data).toMatchObject({ canDecide: true, stage: 1 });
    const other = await callRoute(
      disputeLoader,
      buildRequest(`/qa/disputes/${disputeId}`, { cookie: otherInspector.cookie }),
      { disputeId },
    );
    expect(other.status).toBe(404);
    const list = await callRoute(disputesLoader, buildRequest("/qa/disputes", { cookie: inspector.cookie }));
    expect((list.data as { rows: { id: string }[] }).rows.map((row) => row.id)).toContain(disputeId);
  });

  it("answers 403 to a decision by someone who is not the handler", async () => {
    const ids = await itemIds(disputeId);
    const rows = Object.values(ids).map((itemId) => ({ itemId, decision: "accept" as const }));
    expect((await decide(disputeId, rows, "我来替他处理一下", otherInspector)).status).toBe(403);
    expect((await decide(disputeId, rows, "我来替他处理一下", lead)).status).toBe(403);
    expect((await latestDispute(reviewId)).status).toBe("open");
  });

  it("refuses incomplete decisions with field errors (400) and changes nothing", async () => {
    const ids = await itemIds(disputeId);
    const result = await decide(disputeId, [{ itemId: ids[c.greeting]!, decision: "accept" }], "太短", inspector);
    expect(result.status).toBe(400);
    const errors = (result.data as { error: Record<string, string[]> }).error;
    expect(errors["items[0].decision"]).toBeUndefined();
    expect(errors.response).toEqual(["qa-disputes:errors.response-required"]);
    expect((await reviewState(reviewId)).score).toBe(40);
  });

  it("partly accepts: greeting → 1 (proposal), accuracy → 4 (not the proposed 5), empathy rejected; score 70", async () => {
    const ids = await itemIds(disputeId);
    const result = await decide(
      disputeId,
      [
        { itemId: ids[c.greeting]!, decision: "accept" },
        { itemId: ids[c.accuracy]!, decision: "accept", value: "4" },
        { itemId: ids[c.empathy]!, decision: "reject" },
      ],
      "开场白确已规范；运费说明基本准确但未提及时效；安抚不足维持原判。",
      inspector,
    );
    expect(result.status).toBe(302);
    // greeting 1 → 1, accuracy 4/5 → 0.75 (w2), empathy 0, privacy 1: 100 × (1 + 1.5 + 0 + 1) / 5 = 70
    const state = await reviewState(reviewId);
    expect(state.score).toBe(70);
    expect(state.passed).toBe(false);
    expect(state.values).toEqual({ [c.greeting]: 1, [c.accuracy]: 4, [c.empathy]: 1, [c.privacy]: 1 });
    expect(state.scores[c.accuracy]).toBe(0.75);
    const dispute = await latestDispute(reviewId);
    expect(dispute).toMatchObject({
      status: "partly_accepted",
      firstOutcome: "partly_accepted",
      scoreBefore: 40,
      scoreAfter: 70,
    });
    const rescore = await db.auditLog.findFirstOrThrow({ where: { action: "qa-review.rescore", entityId: reviewId } });
    expect(rescore.before).toMatchObject({
      score: 40,
      criteria: [
        { criterion: "greeting", value: 0, score: 0, failed: true },
        { criterion: "accuracy", value: 3, score: 0.5, failed: false },
      ],
    });
    expect(rescore.after).toMatchObject({
      score: 70,
      criteria: [
        { criterion: "greeting", value: 1, score: 1, failed: false },
        { criterion: "accuracy", value: 4, score: 0.75, failed: false },
      ],
    });
    expect(await db.notification.count({ where: { userId: agent.user.id, kind: "dispute-decided" } })).toBe(1);
  });

  it("refuses a decision on a decided dispute (409)", async () => {
    const ids = await itemIds(disputeId);
    const rows = Object.values(ids).map((itemId) => ({ itemId, decision: "reject" as const }));
    const result = await decide(disputeId, rows, "再次处理这条申诉", inspector);
    expect(result.status).toBe(409);
    expect(result.data).toEqual({ message: "not-open" });
  });

  it("needs a reason to escalate (400)", async () => {
    const result = await postReview(reviewId, { intent: "escalate", disputeId, reason: " " });
    expect(result.status).toBe(400);
    expect((result.data as { error: Record<string, string[]> }).error.reason).toEqual([
      "qa-disputes:errors.reason-required",
    ]);
  });

  it("escalates to the QA lead who is not the inspector, with a new SLA", async () => {
    const result = await postReview(reviewId, {
      intent: "escalate",
      disputeId,
      reason: "会话第二条已明确安抚顾客情绪，请主管复核",
    });
    expect(result.status).toBe(302);
    const dispute = await latestDispute(reviewId);
    expect(dispute).toMatchObject({ status: "escalated", handlerId: lead.user.id });
    expect(dispute.dueAt.getTime() - dispute.escalatedAt!.getTime()).toBe(3 * DAY);
    expect(await db.notification.count({ where: { userId: lead.user.id, kind: "dispute-escalated" } })).toBe(1);
    expect(await db.auditLog.count({ where: { action: "dispute.escalate", entityId: disputeId } })).toBe(1);
  });

  it("refuses escalating twice (409)", async () => {
    const result = await postReview(reviewId, { intent: "escalate", disputeId, reason: "再升级一次试试看" });
    expect(result.status).toBe(409);
    expect(result.data).toEqual({ message: "already-escalated" });
  });

  it("lets the arbitrator decide what the inspector did not fully grant; accepting both as proposed → 100, accepted", async () => {
    const view = await callRoute(disputeLoader, buildRequest(`/qa/disputes/${disputeId}`, { cookie: lead.cookie }), {
      disputeId,
    });
    const ids = await itemIds(disputeId);
    // accuracy was granted 4 of the proposed 5 (partly), empathy was rejected; greeting was granted as proposed
    expect(view.data).toMatchObject({ canDecide: true, stage: 2 });
    expect([...(view.data as { pendingItemIds: string[] }).pendingItemIds].sort()).toEqual(
      [ids[c.accuracy], ids[c.empathy]].sort(),
    );
    const decisions = [
      { itemId: ids[c.accuracy]!, decision: "accept" as const, value: "5" },
      { itemId: ids[c.empathy]!, decision: "accept" as const, value: "3" },
    ];
    expect((await decide(disputeId, decisions, "ok", inspector)).status).toBe(403);

    const result = await decide(disputeId, decisions, "运费说明完整准确，开场已致歉安抚，按申诉改分。", lead);
    expect(result.status).toBe(302);
    // accuracy 5 → 1 (w2), empathy 3 → 1: 100 × (1 + 2 + 1 + 1) / 5 = 100
    const state = await reviewState(reviewId);
    expect(state).toMatchObject({ score: 100, passed: true });
    expect(state.values[c.empathy]).toBe(3);
    expect(state.values[c.accuracy]).toBe(5);
    const dispute = await latestDispute(reviewId);
    expect(dispute).toMatchObject({
      status: "accepted",
      firstOutcome: "partly_accepted",
      scoreBefore: 40,
      scoreAfter: 100,
      resolvedById: lead.user.id,
    });
    const actions = await db.auditLog.groupBy({
      by: ["action"],
      where: { OR: [{ entityId: disputeId }, { entityId: reviewId }] },
      _count: true,
    });
    expect(Object.fromEntries(actions.map((row) => [row.action, row._count]))).toEqual({
      "dispute.create": 1,
      "dispute.decide": 2,
      "dispute.resolve": 2,
      "dispute.escalate": 1,
      "qa-review.rescore": 2,
    });
  });

  it("shows the agent the history with both stages and no further actions", async () => {
    const result = await callRoute(reviewLoader, buildRequest(`/agent/reviews/${reviewId}`, { cookie: agent.cookie }), {
      reviewId,
    });
    const view = result.data as {
      review: { score: number };
      disputes: { status: string; items: { criterionId: string; firstDecision: unknown; decided: unknown }[] }[];
      abilities: { dispute: { allowed: boolean }; escalate: { allowed: boolean }; acknowledge: { allowed: boolean } };
    };
    expect(view.review.score).toBe(100);
    expect(view.disputes[0]!.status).toBe("accepted");
    const empathy = view.disputes[0]!.items.find((item) => item.criterionId === c.empathy)!;
    expect(empathy).toMatchObject({ firstDecision: { accepted: false, value: null }, decided: 3 });
    const accuracy = view.disputes[0]!.items.find((item) => item.criterionId === c.accuracy)!;
    expect(accuracy).toMatchObject({ firstDecision: { accepted: true, value: 4 }, decided: 5 });
    expect(view.abilities).toMatchObject({
      dispute: { allowed: false },
      escalate: { allowed: false },
      acknowledge: { allowed: true },
    });
  });
});

describe("the reject path", () => {
  it("keeps the scores unchanged and writes no rescore", async () => {
    const reviewId = await submittedReview();
    const before = await reviewState(reviewId);
    await postReview(
      reviewId,
      disputeForm([{ criterionId: c.empathy, reason: "已经道歉并安抚了顾客", proposed: "3" }]),
    );
    const dispute = await latestDispute(reviewId);
    const ids = await itemIds(dispute.id);
    const result = await decide(
      dispute.id,
      [{ itemId: ids[c.empathy]!, decision: "reject" }],
      "致歉后未回应顾客的焦虑，维持原判。",
      inspector,
    );
    expect(result.status).toBe(302);
    expect(await latestDispute(reviewId)).toMatchObject({ status: "rejected", scoreAfter: 40 });
    expect(await reviewState(reviewId)).toEqual(before);
    expect(await db.auditLog.count({ where: { action: "qa-review.rescore", entityId: reviewId } })).toBe(0);
    const decided = await db.disputeItem.findUniqueOrThrow({ where: { id: ids[c.empathy]! } });
    expect(decided).toMatchObject({ accepted: false, decidedValue: null });
  });

  it("accepting without a proposal needs a value", async () => {
    const reviewId = await submittedReview();
    await postReview(reviewId, disputeForm([{ criterionId: c.accuracy, reason: "信息是准确的，请复核" }]));
    const dispute = await latestDispute(reviewId);
    const ids = await itemIds(dispute.id);
    const missing = await decide(
      dispute.id,
      [{ itemId: ids[c.accuracy]!, decision: "accept" }],
      "同意调整该项评分",
      inspector,
    );
    expect(missing.status).toBe(400);
    expect((missing.data as { error: Record<string, string[]> }).error["items[0].value"]).toEqual([
      "qa-disputes:errors.value-required",
    ]);
    const na = await decide(
      dispute.id,
      [{ itemId: ids[c.accuracy]!, decision: "accept", value: "na" }],
      "本次会话不涉及信息准确性",
      inspector,
    );
    expect(na.status).toBe(302);
    // accuracy N/A leaves both sums: 100 × (0 + 0 + 1) / 3 = 33.33
    const state = await reviewState(reviewId);
    expect(state.score).toBe(33.33);
    expect(state.values[c.accuracy]).toBeNull();
  });
});

describe("filing refusals", () => {
  it("refuses a dispute without a reason (400) and creates nothing", async () => {
    const reviewId = await submittedReview();
    const result = await postReview(reviewId, disputeForm([{ criterionId: c.greeting, reason: "", proposed: "1" }]));
    expect(result.status).toBe(400);
    expect((result.data as { error: Record<string, string[]> }).error["items[0].reason"]).toEqual([
      "qa-disputes:errors.reason-required",
    ]);
    expect(await db.dispute.count({ where: { reviewId } })).toBe(0);
  });

  it("refuses a dispute with no criterion chosen (400)", async () => {
    const reviewId = await submittedReview();
    const result = await postReview(reviewId, disputeForm([{ criterionId: c.greeting, selected: false }]));
    expect(result.status).toBe(400);
    expect((result.data as { error: Record<string, string[]> }).error[""]).toEqual(["qa-disputes:errors.no-items"]);
  });

  it("refuses a proposal off the scale (400)", async () => {
    const reviewId = await submittedReview();
    const result = await postReview(
      reviewId,
      disputeForm([{ criterionId: c.empathy, reason: "安抚是到位的", proposed: "7" }]),
    );
    expect(result.status).toBe(400);
    expect((result.data as { error: Record<string, string[]> }).error["items[0].proposed"]).toEqual([
      "qa-disputes:errors.value-off-scale",
    ]);
  });

  it("accepts a dispute just inside the window and refuses one after it (409)", async () => {
    const inside = await submittedReview({ submittedAt: new Date(Date.now() - 7 * DAY + 60_000) });
    const ok = await postReview(
      inside,
      disputeForm([{ criterionId: c.greeting, reason: "开场白符合规范要求", proposed: "1" }]),
    );
    expect(ok.status).toBe(302);
    const late = await submittedReview({ submittedAt: new Date(Date.now() - 7 * DAY - 60_000) });
    const refused = await postReview(
      late,
      disputeForm([{ criterionId: c.greeting, reason: "开场白符合规范要求", proposed: "1" }]),
    );
    expect(refused.status).toBe(409);
    expect(refused.data).toEqual({ message: "window-closed" });
  });

  it("withdraws an open dispute, after which the review cannot be disputed again", async () => {
    const reviewId = await submittedReview();
    await postReview(reviewId, disputeForm([{ criterionId: c.greeting, reason: "开场白符合规范要求", proposed: "1" }]));
    const dispute = await latestDispute(reviewId);
    expect((await postReview(reviewId, { intent: "withdraw", disputeId: dispute.id }, otherAgent)).status).toBe(404);
    expect((await postReview(reviewId, { intent: "withdraw", disputeId: dispute.id })).status).toBe(302);
    expect((await latestDispute(reviewId)).status).toBe("withdrawn");
    expect(await db.notification.count({ where: { userId: inspector.user.id, kind: "dispute-withdrawn" } })).toBe(1);
    const again = await postReview(
      reviewId,
      disputeForm([{ criterionId: c.greeting, reason: "开场白符合规范要求", proposed: "1" }]),
    );
    expect(again.status).toBe(409);
    expect(again.data).toEqual({ message: "already-disputed" });
  });
});

describe("acknowledging", () => {
  it("sets acknowledgedAt with an audit entry; afterwards no dispute and no second acknowledgement", async () => {
    const reviewId = await submittedReview();
    const result = await postReview(reviewId, { intent: "acknowledge" });
    expect(result.status).toBe(302);
    const review = await db.review.findUniqueOrThrow({ where: { id: reviewId }, select: { acknowledgedAt: true } });
    expect(review.acknowledgedAt).toBeInstanceOf(Date);
    expect(await db.auditLog.count({ where: { action: "qa-review.acknowledge", entityId: reviewId } })).toBe(1);
    expect((await postReview(reviewId, { intent: "acknowledge" })).status).toBe(409);
    const dispute = await postReview(
      reviewId,
      disputeForm([{ criterionId: c.greeting, reason: "开场白符合规范要求" }]),
    );
    expect(dispute.status).toBe(409);
    expect(dispute.data).toEqual({ message: "acknowledged" });
  });

  it("answers 404 when another agent tries to acknowledge", async () => {
    const reviewId = await submittedReview();
    expect((await postReview(reviewId, { intent: "acknowledge" }, otherAgent)).status).toBe(404);
    const review = await db.review.findUniqueOrThrow({ where: { id: reviewId }, select: { acknowledgedAt: true } });
    expect(review.acknowledgedAt).toBeNull();
  });
});

describe("an agent only ever sees their own regular reviews", () => {
  it("answers 404 with no review data to another agent", async () => {
    const reviewId = await submittedReview();
    const result = await callRoute(
      reviewLoader,
      buildRequest(`/agent/reviews/${reviewId}`, { cookie: otherAgent.cookie }),
      { reviewId },
    );
    expect(result.status).toBe(404);
    const body = JSON.stringify(result.data);
    expect(body).not.toContain(reviewId);
    expect(body).not.toContain("保温杯");
    expect(body).not.toContain("开场白缺失");
    expect(result.data).toEqual({ message: "review not found" });
  });

  it("lets the agent load their own review with transcript, scorecard and comments", async () => {
    const reviewId = await submittedReview();
    const message = await db.message.findFirstOrThrow({
      where: { conversation: { reviews: { some: { id: reviewId } } }, seq: 1 },
      select: { id: true },
    });
    await db.reviewComment.create({
      data: { reviewId, messageId: message.id, authorId: inspector.user.id, text: "缺少开场问候" },
    });
    const result = await callRoute(reviewLoader, buildRequest(`/agent/reviews/${reviewId}`, { cookie: agent.cookie }), {
      reviewId,
    });
    expect(result.status).toBe(200);
    const view = result.data as {
      review: { inspectorName: string; summary: string };
      transcript: { messages: { text: string }[] };
      comments: { pinned: Record<string, { text: string }[]> };
      scorecard: { sections: { criteria: { key: string; value: unknown }[] }[] };
    };
    expect(view.review).toMatchObject({ inspectorName: "吴俊杰", summary: "开场白缺失，安抚不足。" });
    expect(view.transcript.messages.length).toBe(4);
    // Masking is on by default: the phone number in the third message never reaches the page.
    expect(JSON.stringify(view.transcript)).not.toContain("13812345678");
    expect(view.comments.pinned[message.id.toString()]).toMatchObject([{ text: "缺少开场问候" }]);
    expect(view.scorecard.sections[0]!.criteria.map((criterion) => [criterion.key, criterion.value])).toEqual([
      ["greeting", 0],
      ["accuracy", 3],
      ["empathy", 1],
      ["privacy", 1],
    ]);
  });

  it("never shows calibration reviews, drafts or other agents' reviews", async () => {
    const { user: fresh, cookie } = await signInAs("agent", { name: "周敏" });
    const own = await submittedReview({ agentId: fresh.id });
    await submittedReview({ agentId: otherAgent.user.id });
    const calibration = await submittedReview({ kind: "calibration" });
    const conversation = await createTestConversation({ agentIds: [fresh.id] });
    const draft = await createTestReview({
      conversationId: conversation.id,
      inspectorId: inspector.user.id,
      rubricVersionId: rubric.versionId,
      agentId: fresh.id,
      status: "draft",
    });
    const list = await callRoute(agentListLoader, buildRequest("/agent/reviews", { cookie }));
    expect((list.data as { rows: { id: string }[]; total: number }).rows.map((row) => row.id)).toEqual([own]);
    for (const reviewId of [calibration, draft.id]) {
      const result = await callRoute(reviewLoader, buildRequest(`/agent/reviews/${reviewId}`, { cookie }), {
        reviewId,
      });
      expect(result.status).toBe(404);
    }
  });

  it("answers 403 to an agent opening the handlers' pages", async () => {
    const result = await callRoute(disputesLoader, buildRequest("/qa/disputes", { cookie: agent.cookie }));
    expect(result.status).toBe(403);
  });
});

describe("SLA reminders", () => {
  it("reminds the handler once per dispute stage", async () => {
    const reviewId = await submittedReview();
    await postReview(reviewId, disputeForm([{ criterionId: c.greeting, reason: "开场白符合规范要求", proposed: "1" }]));
    const dispute = await latestDispute(reviewId);
    const past = new Date(Date.now() - 4 * DAY);
    await db.dispute.update({
      where: { id: dispute.id },
      data: { createdAt: past, dueAt: new Date(Date.now() - DAY) },
    });
    const count = () =>
      db.notification.count({ where: { kind: "dispute-overdue", link: `/qa/disputes/${dispute.id}` } });

    const first = await remindOverdueDisputes();
    expect(first.reminded).toBeGreaterThanOrEqual(1);
    expect(await count()).toBe(1);
    await remindOverdueDisputes();
    expect(await count()).toBe(1);

    // A new stage (escalation) that runs late earns one new reminder.
    await db.dispute.update({
      where: { id: dispute.id },
      data: {
        status: "escalated",
        handlerId: lead.user.id,
        escalatedAt: new Date(),
        dueAt: new Date(Date.now() - 1000),
      },
    });
    await remindOverdueDisputes();
    await remindOverdueDisputes();
    expect(await count()).toBe(2);
    const reminders = await db.notification.findMany({
      where: { kind: "dispute-overdue", link: `/qa/disputes/${dispute.id}` },
      select: { userId: true },
      orderBy: { createdAt: "asc" },
    });
    expect(reminders.map((entry) => entry.userId)).toEqual([inspector.user.id, lead.user.id]);
  });
});
