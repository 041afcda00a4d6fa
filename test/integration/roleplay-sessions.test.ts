/**
 * Role-play sessions against the test database: turn-by-turn persistence, resume, errors, the rubric queue and the
 * human review, and what a player's view may contain.
 */
import { beforeEach, describe, expect, it } from "vitest";
import { permissionsFor, type RoleName } from "~/modules/identity/permissions";
import {
  listRolePlayReviewQueue,
  loadRolePlayReview,
  saveRolePlayReviewDraft,
  submitRolePlayReview,
} from "~/modules/roleplay/reviews.server";
import type { ScriptInput } from "~/modules/roleplay/script";
import {
  abandonRolePlaySession,
  expireIdleRolePlaySessions,
  loadPlayView,
  sendRolePlayReply,
  startRolePlaySession,
} from "~/modules/roleplay/sessions.server";
import { db, type Prisma } from "~/utils/db.server";
import { createTestUser } from "../support/auth";
import { createTestRubric } from "../support/qa-fixtures";
import { returnScriptInput } from "../support/roleplay-script";

const T0 = new Date("2026-12-06T02:00:00.000Z");
const at = (seconds: number) => new Date(T0.getTime() + seconds * 1000);

async function statusOf(promise: Promise<unknown>): Promise<number | "ok"> {
  try {
    await promise;
    return "ok";
  } catch (error) {
    const thrown = error as { init?: { status?: number } | null; status?: number };
    if (thrown.init?.status) return thrown.init.status;
    if (typeof thrown.status === "number") return thrown.status;
    throw error;
  }
}

async function createScenario(options: { script?: Partial<ScriptInput>; rubricVersionId?: string | null } = {}) {
  const script = returnScriptInput(options.script);
  const scenario = await db.scenario.create({
    data: { slug: `return-${Math.random().toString(36).slice(2, 8)}`, title: script.title, status: "published" },
    select: { id: true },
  });
  const version = await db.scenarioVersion.create({
    data: {
      scenarioId: scenario.id,
      version: 1,
      status: "published",
      title: script.title,
      script: script as unknown as Prisma.InputJsonValue,
      contentHash: "hash-1",
      rubricVersionId: options.rubricVersionId ?? null,
      publishedAt: T0,
    },
    select: { id: true },
  });
  await db.scenario.update({ where: { id: scenario.id }, data: { publishedVersionId: version.id } });
  return { scenarioId: scenario.id, versionId: version.id };
}

const viewer = (id: string, roles: RoleName[]) => ({ id, permissions: permissionsFor(roles) });

let agent: { id: string };
beforeEach(async () => {
  agent = await createTestUser({ roles: ["agent"], name: "李晓燕" });
});

/** Plays the happy path: greet, state the policy, confirm — replies 10 s after each last bubble. */
async function playWell(sessionId: string, userId: string) {
  const replies = ["您好，很高兴为您服务", "支持７天无理由退货，可以退的", "好的，运费险会理赔给您"];
  let view = await loadPlayView(sessionId, viewer(userId, ["agent"]));
  for (const text of replies) {
    const awaiting = new Date(view.session.awaitingSince!);
    view = await sendRolePlayReply({ sessionId, userId, text, now: new Date(awaiting.getTime() + 10_000) });
  }
  return view;
}

describe("a practice session", () => {
  it("is persisted turn by turn and a reload gives the same turns", async () => {
    const { scenarioId } = await createScenario();
    const { sessionId } = await startRolePlaySession({ userId: agent.id, scenarioId, mode: "practice", now: T0 });

    const opened = await loadPlayView(sessionId, viewer(agent.id, ["agent"]));
    expect(opened.turns.map((t) => [t.position, t.speaker, t.text])).toEqual([
      [1, "customer", "你好，我买的鞋子小了一码。"],
      [2, "customer", "能退吗？"],
    ]);
    // typing delays: 0.8 + 13 × 0.06 = 1.58 s, then + 0.8 + 4 × 0.06 = 1.04 s → 2.62 s
    expect(opened.turns.map((t) => t.shownAt)).toEqual([at(1.58).toISOString(), at(2.62).toISOString()]);
    expect(opened.session.awaitingSince).toBe(at(2.62).toISOString());
    expect(opened.hint).toBe("先问候，再说明 7 天无理由退货。");

    const afterReply = await sendRolePlayReply({ sessionId, userId: agent.id, text: "您好！", now: at(12.62) });
    expect(afterReply.turns.slice(2)).toEqual([
      expect.objectContaining({ position: 3, speaker: "agent", text: "您好！", responseSeconds: 10, overTime: false }),
      expect.objectContaining({ position: 4, speaker: "customer", text: "那到底能不能退？" }),
    ]);
    const stored = await db.rolePlayTurn.findUniqueOrThrow({
      where: { sessionId_position: { sessionId, position: 3 } },
      select: { nodeId: true, intents: true, steps: true, redLines: true },
    });
    expect(stored).toEqual({ nodeId: "opening", intents: ["greet"], steps: ["greet"], redLines: [] });

    const reloaded = await loadPlayView(sessionId, viewer(agent.id, ["agent"]));
    expect(reloaded.turns).toEqual(afterReply.turns);
    expect(reloaded.hint).toBe("明确告诉顾客可以退。");
  });

  it("resumes the in-progress practice session instead of starting another", async () => {
    const { scenarioId } = await createScenario();
    const first = await startRolePlaySession({ userId: agent.id, scenarioId, mode: "practice", now: T0 });
    const again = await startRolePlaySession({ userId: agent.id, scenarioId, mode: "practice", now: at(60) });
    expect(again.sessionId).toBe(first.sessionId);
    // opened again from a coaching task: the same session, now counted for the task
    const lead = await createTestUser({ roles: ["team_lead"] });
    const task = await db.coachingTask.create({
      data: {
        agentId: agent.id,
        createdById: lead.id,
        title: "练习退货话术",
        notes: "先说明 7 天无理由，再讲运费规则",
        scenarioId,
        dueAt: at(7 * 86_400),
      },
      select: { id: true },
    });
    const fromTask = await startRolePlaySession({
      userId: agent.id,
      scenarioId,
      mode: "practice",
      coachingTaskId: task.id,
    });
    expect(fromTask.sessionId).toBe(first.sessionId);
    expect(
      (await db.rolePlaySession.findUniqueOrThrow({ where: { id: first.sessionId }, select: { coachingTaskId: true } }))
        .coachingTaskId,
    ).toBe(task.id);
    await abandonRolePlaySession({ sessionId: first.sessionId, userId: agent.id, now: at(90) });
    const fresh = await startRolePlaySession({ userId: agent.id, scenarioId, mode: "practice", now: at(120) });
    expect(fresh.sessionId).not.toBe(first.sessionId);
  });

  it("answers 404, 403, 409 and 400 with reasons", async () => {
    const { scenarioId } = await createScenario();
    const other = await createTestUser({ roles: ["agent"] });
    const { sessionId } = await startRolePlaySession({ userId: agent.id, scenarioId, mode: "practice", now: T0 });
    const send = (text: string, seconds: number, userId = agent.id, id = sessionId) =>
      sendRolePlayReply({ sessionId: id, userId, text, now: at(seconds) });

    expect(await statusOf(send("您好", 10, agent.id, "missing"))).toBe(404);
    expect(await statusOf(send("您好", 10, other.id))).toBe(403);
    expect(await statusOf(send("   ", 10))).toBe(400);
    expect(await statusOf(send("好".repeat(1001), 10))).toBe(400);
    // the last bubble appears at 2.62 s: a reply at 1.0 s is too early, at 1.7 s is within the 1 s tolerance
    expect(await statusOf(send("您好", 1))).toBe(409);
    expect(await statusOf(send("您好", 1.7))).toBe("ok");
    expect(await statusOf(loadPlayView(sessionId, viewer(other.id, ["agent"])))).toBe(403);
    expect(await statusOf(startRolePlaySession({ userId: agent.id, scenarioId: "missing", mode: "practice" }))).toBe(
      404,
    );
    expect(await statusOf(startRolePlaySession({ userId: agent.id, scenarioId, mode: "test" }))).toBe(400);

    await abandonRolePlaySession({ sessionId, userId: agent.id, now: at(30) });
    expect(await statusOf(send("您好", 40))).toBe(409);
    expect(await statusOf(abandonRolePlaySession({ sessionId, userId: agent.id, now: at(50) }))).toBe(409);
    const abandoned = await db.rolePlaySession.findUniqueOrThrow({
      where: { id: sessionId },
      select: { status: true, outcome: true, finalScore: true, passed: true },
    });
    expect(abandoned).toEqual({ status: "abandoned", outcome: "abandoned", finalScore: 0, passed: false });
  });

  it("records one of two replies sent at the same moment and refuses the other with 409", async () => {
    const { scenarioId } = await createScenario();
    const { sessionId } = await startRolePlaySession({ userId: agent.id, scenarioId, mode: "practice", now: T0 });
    const results = await Promise.all(
      ["您好", "您好！"].map((text) => statusOf(sendRolePlayReply({ sessionId, userId: agent.id, text, now: at(10) }))),
    );
    expect(results.sort()).toEqual([409, "ok"].sort());
    const turns = await db.rolePlayTurn.findMany({ where: { sessionId }, orderBy: { position: "asc" } });
    expect(turns.map((turn) => [turn.position, turn.speaker])).toEqual([
      [1, "customer"],
      [2, "customer"],
      [3, "agent"],
      [4, "customer"],
    ]);
  });

  it("lets the team lead and readers of any session read it, not other leads", async () => {
    const lead = await createTestUser({ roles: ["team_lead"] });
    const otherLead = await createTestUser({ roles: ["team_lead"] });
    const team = await db.team.create({
      data: { code: "RP-AFTER", name: "售后服务组", leadId: lead.id },
      select: { id: true },
    });
    await db.user.update({ where: { id: agent.id }, data: { teamId: team.id } });
    const manager = await createTestUser({ roles: ["manager"] });
    const { scenarioId } = await createScenario();
    const { sessionId } = await startRolePlaySession({ userId: agent.id, scenarioId, mode: "practice", now: T0 });

    expect(await statusOf(loadPlayView(sessionId, viewer(lead.id, ["team_lead"])))).toBe("ok");
    expect(await statusOf(loadPlayView(sessionId, viewer(manager.id, ["manager"])))).toBe("ok");
    expect(await statusOf(loadPlayView(sessionId, viewer(otherLead.id, ["team_lead"])))).toBe(403);
    // only the player gets the hint
    expect((await loadPlayView(sessionId, viewer(manager.id, ["manager"]))).hint).toBeNull();
  });

  it("ends on a resolved node with the automatic report and, without a rubric, the final score", async () => {
    const { scenarioId } = await createScenario();
    const { sessionId } = await startRolePlaySession({ userId: agent.id, scenarioId, mode: "practice", now: T0 });
    const view = await playWell(sessionId, agent.id);

    expect(view.session.status).toBe("completed");
    expect(view.session.outcome).toBe("resolved");
    expect(view.hint).toBeNull();
    // steps: greet 1 + policy 2 + confirm 1 = 100; timing 3/3 = 100; resolved 100 → 100
    expect(view.result).toMatchObject({ autoScore: 100, finalScore: 100, passed: true, passPercent: 80, review: null });
    expect(view.result!.report!.steps.map((s) => [s.key, s.hit, s.turnPosition])).toEqual([
      ["greet", true, 3],
      ["policy", true, 5],
      ["confirm", true, 7],
    ]);
    const audit = await db.auditLog.findFirst({ where: { action: "roleplay.session.finish", entityId: sessionId } });
    expect(audit).not.toBeNull();
  });

  it("a red line fails the session at once, even when the scenario has a rubric", async () => {
    const rubric = await createTestRubric();
    const { scenarioId } = await createScenario({
      script: { scoring: { rubric: rubric.slug } },
      rubricVersionId: rubric.versionId,
    });
    const { sessionId } = await startRolePlaySession({ userId: agent.id, scenarioId, mode: "practice", now: T0 });
    const view = await sendRolePlayReply({
      sessionId,
      userId: agent.id,
      text: "您好，是您自己选错尺码了",
      now: at(20),
    });
    expect(view.session.status).toBe("completed");
    expect(view.session.outcome).toBe("customer_left");
    expect(view.result).toMatchObject({ autoScore: 0, finalScore: 0, passed: false, review: null });
    expect(view.result!.report!.redLines).toEqual([
      { key: "blame", label: "指责顾客", turnPosition: 3, text: "您好，是您自己选错尺码了" },
    ]);
    expect(await db.rolePlayReview.count({ where: { sessionId } })).toBe(0);
  });

  it("over-time replies cost patience and timing points", async () => {
    const { scenarioId } = await createScenario();
    const { sessionId } = await startRolePlaySession({ userId: agent.id, scenarioId, mode: "practice", now: T0 });
    // 2.62 + 70 s: over the 60 s limit, greet matched → patience 2 − 1 = 1, on to "asks"
    const slow = await sendRolePlayReply({ sessionId, userId: agent.id, text: "您好", now: at(72.62) });
    expect(slow.turns[2]).toMatchObject({ responseSeconds: 70, overTime: true });
    expect(slow.session.status).toBe("in_progress");
    // an unmatched reply now runs patience out: the customer leaves
    const awaiting = new Date(slow.session.awaitingSince!);
    const gone = await sendRolePlayReply({
      sessionId,
      userId: agent.id,
      text: "嗯嗯",
      now: new Date(awaiting.getTime() + 5000),
    });
    expect(gone.session.outcome).toBe("customer_left");
    // steps: greet 1 of 4 = 25; timing 1 of 2 = 50; left 0 → 15 + 10 + 0 = 25
    expect(gone.result!.report!.components).toEqual({ steps: 25, timing: 50, outcome: 0 });
    expect(gone.result!.autoScore).toBe(25);
    expect(gone.result!.passed).toBe(false);
  });
});

describe("test-play of a draft", () => {
  it("refuses a draft with blocking errors, and a test-play whose draft changed under it", async () => {
    const { scenarioId } = await createScenario();
    const trainer = await createTestUser({ roles: ["trainer"] });
    const broken = returnScriptInput();
    broken.nodes = broken.nodes.map((node) => (node.id === "asks" ? { ...node, transitions: [] } : node));
    const brokenDraft = await db.scenarioVersion.create({
      data: {
        scenarioId,
        version: 2,
        status: "draft",
        title: broken.title,
        script: broken as unknown as Prisma.InputJsonValue,
        contentHash: "broken",
      },
      select: { id: true },
    });
    expect(
      await statusOf(
        startRolePlaySession({ userId: trainer.id, scenarioId, mode: "test", versionId: brokenDraft.id, now: T0 }),
      ),
    ).toBe(409);
    expect(
      await statusOf(
        startRolePlaySession({ userId: trainer.id, scenarioId, mode: "practice", versionId: brokenDraft.id }),
      ),
    ).toBe(409);

    const good = returnScriptInput();
    await db.scenarioVersion.update({
      where: { id: brokenDraft.id },
      data: { script: good as unknown as Prisma.InputJsonValue, contentHash: "good" },
    });
    const { sessionId } = await startRolePlaySession({
      userId: trainer.id,
      scenarioId,
      mode: "test",
      versionId: brokenDraft.id,
      now: T0,
    });
    const renamed = returnScriptInput();
    renamed.start = "hello";
    renamed.nodes = renamed.nodes.map((node) => (node.id === "opening" ? { ...node, id: "hello" } : node));
    await db.scenarioVersion.update({
      where: { id: brokenDraft.id },
      data: { script: renamed as unknown as Prisma.InputJsonValue, contentHash: "renamed" },
    });
    expect(await statusOf(sendRolePlayReply({ sessionId, userId: trainer.id, text: "您好", now: at(20) }))).toBe(409);
  });
});

describe("idle sessions", () => {
  it("abandons practice sessions nobody answered for 24 hours, once; exam sessions are left to the exam", async () => {
    const { scenarioId } = await createScenario();
    const idle = await startRolePlaySession({ userId: agent.id, scenarioId, mode: "practice", now: T0 });
    const other = await createTestUser({ roles: ["agent"] });
    const recent = await startRolePlaySession({ userId: other.id, scenarioId, mode: "practice", now: at(20 * 3600) });

    const later = at(25 * 3600);
    const first = await expireIdleRolePlaySessions(later);
    expect(first.expired).toBeGreaterThanOrEqual(1);
    const sessions = await db.rolePlaySession.findMany({
      where: { id: { in: [idle.sessionId, recent.sessionId] } },
      select: { id: true, status: true, finalScore: true },
    });
    expect(sessions.find((s) => s.id === idle.sessionId)).toMatchObject({ status: "abandoned", finalScore: 0 });
    expect(sessions.find((s) => s.id === recent.sessionId)).toMatchObject({ status: "in_progress" });
    expect((await expireIdleRolePlaySessions(later)).expired).toBe(0);
  });
});

describe("what the player's browser receives", () => {
  it("never contains intents, transitions or hints of other nodes; no hint in exam mode", async () => {
    const { scenarioId } = await createScenario();
    const { sessionId } = await startRolePlaySession({ userId: agent.id, scenarioId, mode: "practice", now: T0 });
    const serialised = JSON.stringify(await loadPlayView(sessionId, viewer(agent.id, ["agent"])));
    for (const secret of [
      "不支持退",
      "您自己|你自己",
      "1[3-9]",
      "明确告诉顾客可以退",
      "运费险可理赔",
      "cannot-return",
      "patienceExhausted",
      "transitions",
      "算了，我去投诉",
    ]) {
      expect(serialised).not.toContain(secret);
    }

    const finished = JSON.stringify(await playWell(sessionId, agent.id));
    expect(finished).toContain("说明7天无理由"); // step labels are shown after the end
    expect(finished).not.toContain("无理由|退货"); // their intents are not

    const exam = await db.exam.create({ data: { slug: "rp-exam", title: "演练考试", status: "published" } });
    const attempt = await db.examAttempt.create({
      data: {
        examId: exam.id,
        userId: agent.id,
        number: 1,
        seed: "s",
        status: "in_progress",
        startedAt: T0,
        maxScore: 10,
      },
      select: { id: true },
    });
    const item = await db.examAttemptItem.create({
      data: { attemptId: attempt.id, position: 1, snapshot: { type: "scenario" }, maxScore: 10 },
      select: { id: true },
    });
    const examSession = await startRolePlaySession({
      userId: agent.id,
      scenarioId,
      mode: "exam",
      examAttemptItemId: item.id,
      now: T0,
    });
    const again = await startRolePlaySession({
      userId: agent.id,
      scenarioId,
      mode: "exam",
      examAttemptItemId: item.id,
    });
    expect(again.sessionId).toBe(examSession.sessionId);
    const examView = await loadPlayView(examSession.sessionId, viewer(agent.id, ["agent"]));
    expect(examView.hint).toBeNull();
    expect(JSON.stringify(examView)).not.toContain("先问候");
  });
});

describe("the rubric review", () => {
  it("queues a finished session, saves a draft, and submitting gives the final score, audit and notice", async () => {
    const rubric = await createTestRubric();
    const { scenarioId } = await createScenario({
      script: { scoring: { rubric: rubric.slug, humanWeight: 40 } },
      rubricVersionId: rubric.versionId,
    });
    const trainer = await createTestUser({ roles: ["trainer"], name: "周老师" });
    const { sessionId } = await startRolePlaySession({ userId: agent.id, scenarioId, mode: "practice", now: T0 });
    const ended = await playWell(sessionId, agent.id);
    expect(ended.session.status).toBe("pending_review");
    expect(ended.result).toMatchObject({ autoScore: 100, finalScore: null, passed: null });
    expect(ended.result!.review).toEqual({ status: "pending", score: null, summary: null });

    const queue = await listRolePlayReviewQueue({ page: 1, pageSize: 20 });
    expect(queue.total).toBe(1);
    const row = queue.rows[0]!;
    expect(row).toMatchObject({ sessionId, status: "pending", agent: { name: "李晓燕" }, autoScore: 100 });

    expect(await statusOf(loadRolePlayReview(row.id, viewer(agent.id, ["agent"])))).toBe(403);
    const loaded = await loadRolePlayReview(row.id, viewer(trainer.id, ["trainer"]));
    expect(loaded.canScore).toBe(true);
    expect(loaded.rubric.criteria.map((c) => c.key)).toEqual(["greeting", "accuracy", "empathy", "privacy"]);
    expect(loaded.play.turns.length).toBe(ended.turns.length);

    const draft = await saveRolePlayReviewDraft({
      reviewId: row.id,
      reviewerId: trainer.id,
      ratings: { greeting: 1 },
      summary: "开场不错",
    });
    expect(draft.ok).toBe(true);
    const badDraft = await saveRolePlayReviewDraft({
      reviewId: row.id,
      reviewerId: trainer.id,
      ratings: { greeting: 7 },
    });
    expect(badDraft).toMatchObject({ ok: false, invalid: ["greeting"] });

    const incomplete = await submitRolePlayReview({
      reviewId: row.id,
      reviewerId: trainer.id,
      ratings: { greeting: 1 },
    });
    expect(incomplete).toMatchObject({ ok: false, missing: ["accuracy", "empathy", "privacy"] });

    // rubric: greeting 1/1 × 1, accuracy (4−1)/4 = 0.75 × 2, empathy (2−1)/2 = 0.5 × 1, privacy 1 × 1
    // = (1 + 1.5 + 0.5 + 1) / 5 × 100 = 80; final = 100 × 0.6 + 80 × 0.4 = 92
    const submitted = await submitRolePlayReview({
      reviewId: row.id,
      reviewerId: trainer.id,
      ratings: { greeting: 1, accuracy: 4, empathy: 2, privacy: 1 },
      comments: { empathy: "可以多安抚一句" },
      summary: "流程完整",
    });
    expect(submitted).toEqual({ ok: true, score: 80, criticalFailed: false, finalScore: 92, passed: true });

    const view = await loadPlayView(sessionId, viewer(agent.id, ["agent"]));
    expect(view.session.status).toBe("completed");
    expect(view.result).toMatchObject({ humanScore: 80, finalScore: 92, passed: true });
    expect(view.result!.review).toEqual({ status: "submitted", score: 80, summary: "流程完整" });
    expect(await db.auditLog.count({ where: { action: "roleplay.review.submit", entityId: row.id } })).toBe(1);
    expect(await db.notification.count({ where: { userId: agent.id, kind: "roleplay-review-submitted" } })).toBe(1);
    expect((await listRolePlayReviewQueue({ page: 1, pageSize: 20 })).total).toBe(0);
    expect((await listRolePlayReviewQueue({ status: "submitted", page: 1, pageSize: 20 })).total).toBe(1);

    expect(
      await statusOf(
        submitRolePlayReview({
          reviewId: row.id,
          reviewerId: trainer.id,
          ratings: { greeting: 1, accuracy: 4, empathy: 2, privacy: 1 },
        }),
      ),
    ).toBe(409);
  });

  it("a critical rubric failure makes the final score 0", async () => {
    const rubric = await createTestRubric();
    const { scenarioId } = await createScenario({
      script: { scoring: { rubric: rubric.slug } },
      rubricVersionId: rubric.versionId,
    });
    const { sessionId } = await startRolePlaySession({ userId: agent.id, scenarioId, mode: "practice", now: T0 });
    await playWell(sessionId, agent.id);
    const review = await db.rolePlayReview.findUniqueOrThrow({ where: { sessionId }, select: { id: true } });
    const result = await submitRolePlayReview({
      reviewId: review.id,
      reviewerId: agent.id,
      ratings: { greeting: 1, accuracy: 5, empathy: 3, privacy: 0 },
    });
    expect(result).toEqual({ ok: true, score: 0, criticalFailed: true, finalScore: 0, passed: false });
  });

  it("a trainer's test-play never enters the queue", async () => {
    const rubric = await createTestRubric();
    const { scenarioId, versionId } = await createScenario({
      script: { scoring: { rubric: rubric.slug } },
      rubricVersionId: rubric.versionId,
    });
    const trainer = await createTestUser({ roles: ["trainer"] });
    const { sessionId } = await startRolePlaySession({
      userId: trainer.id,
      scenarioId,
      mode: "test",
      versionId,
      now: T0,
    });
    const view = await playWell(sessionId, trainer.id);
    expect(view.session.status).toBe("completed");
    expect(view.result!.finalScore).toBe(100);
    expect(await db.rolePlayReview.count({ where: { sessionId } })).toBe(0);
  });
});
