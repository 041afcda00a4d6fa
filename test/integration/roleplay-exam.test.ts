/**
 * A practical exam: written questions plus a role-play item. The attempt is drawn with a scenario snapshot, the
 * learner plays the exam-mode session from the attempt page, the transcript is scored with the rubric, and the
 * attempt is graded with the practical pass rule (certificate when passing). Also: the deadline abandons an
 * unfinished role-play, and nothing an agent receives carries the script.
 */
import { beforeEach, describe, expect, it } from "vitest";
import { permissionsFor } from "~/modules/identity/permissions";
import { submitRolePlayReview } from "~/modules/roleplay/reviews.server";
import type { ScriptInput } from "~/modules/roleplay/script";
import { loadPlayView, sendRolePlayReply } from "~/modules/roleplay/sessions.server";
import { saveAnswer, startAttempt } from "~/modules/training/exams/attempts.server";
import { expireAttempts } from "~/modules/training/exams/expiry.server";
import { action as takeAction, loader as takeLoader } from "~/routes/learn.attempts.$attemptId";
import { loader as resultLoader } from "~/routes/learn.attempts.$attemptId_.result";
import { loader as learnExamLoader } from "~/routes/learn.exams.$examId";
import { action as examDetailAction } from "~/routes/training.exams.$examId";
import { action as examEditAction, loader as examEditLoader } from "~/routes/training.exams.$examId_.edit";
import { loader as queueLoader } from "~/routes/training.grading._index";
import { loader as scenariosLoader } from "~/routes/training.scenarios._index";
import { loader as scenarioLoader } from "~/routes/training.scenarios.$scenarioId";
import { db, type Prisma } from "~/utils/db.server";
import { buildRequest, callRoute, createTestUser, sessionCookieFor, signInAs, type TestUser } from "../support/auth";
import { createTestRubric } from "../support/qa-fixtures";
import { returnScriptInput } from "../support/roleplay-script";

/** Phrases that only exist in the script's intents, hints and red lines — never in what an agent receives. */
const SECRET_FRAGMENTS = [
  "无理由|退货",
  "您自己|你自己",
  "1[3-9]",
  "先问候，再说明",
  "明确告诉顾客可以退",
  "不能退|不支持退",
];

let counter = 0;
async function createScenario(script: Partial<ScriptInput>, rubricVersionId: string | null) {
  counter += 1;
  const input = returnScriptInput(script);
  const scenario = await db.scenario.create({
    data: {
      slug: `exam-return-${counter}-${Date.now()}`,
      title: input.title,
      summary: input.summary,
      status: "published",
    },
    select: { id: true },
  });
  const version = await db.scenarioVersion.create({
    data: {
      scenarioId: scenario.id,
      version: 1,
      status: "published",
      title: input.title,
      script: input as unknown as Prisma.InputJsonValue,
      contentHash: `hash-${counter}`,
      rubricVersionId,
      publishedAt: new Date(),
    },
    select: { id: true },
  });
  await db.scenario.update({ where: { id: scenario.id }, data: { publishedVersionId: version.id } });
  return { scenarioId: scenario.id, versionId: version.id };
}

async function createPracticalExam(options: { scenarioId: string; timeLimitMinutes?: number }) {
  counter += 1;
  const bank = await db.questionBank.create({
    data: { slug: `exam-bank-${counter}-${Date.now()}`, title: "投诉处理题库" },
    select: { id: true },
  });
  const question = await db.question.create({
    data: {
      bankId: bank.id,
      key: "q1",
      type: "single_choice",
      stem: "顾客情绪激动时第一步应该做什么？",
      options: [
        { key: "A", text: "先安抚情绪并致歉" },
        { key: "B", text: "直接说明公司规定" },
      ],
      answer: ["A"],
      points: 10,
      category: "投诉处理",
      difficulty: "easy",
      competencies: [],
      contentHash: `q-${counter}`,
    } as never,
    select: { id: true },
  });
  return db.exam.create({
    data: {
      slug: `practical-${counter}-${Date.now()}`,
      title: `投诉处理实操考核 ${counter}`,
      status: "published",
      passPercent: 60,
      timeLimitMinutes: options.timeLimitMinutes ?? null,
      shuffleQuestions: false,
      shuffleOptions: false,
      isCertification: true,
      certificateTitle: "投诉处理实操合格证",
      certificateValidityMonths: 12,
      items: {
        create: [
          { position: 1, kind: "question", questionId: question.id },
          { position: 2, kind: "scenario", scenarioId: options.scenarioId, points: 10, passPercent: 70 },
        ],
      },
    },
    select: { id: true },
  });
}

/** Replies that resolve the script, each 10 s after the customer's last bubble (within the 60 s limit). */
async function playToTheEnd(sessionId: string, userId: string) {
  const replies = ["您好，很高兴为您服务", "支持７天无理由退货，可以退的", "好的，运费险会理赔给您"];
  const viewer = { id: userId, permissions: permissionsFor(["agent"]) };
  let view = await loadPlayView(sessionId, viewer);
  for (const text of replies) {
    const awaiting = new Date(view.session.awaitingSince!);
    view = await sendRolePlayReply({ sessionId, userId, text, now: new Date(awaiting.getTime() + 10_000) });
  }
  return view;
}

function expectNoScript(value: unknown) {
  const json = JSON.stringify(value);
  for (const fragment of SECRET_FRAGMENTS) expect(json).not.toContain(fragment);
  expect(json).not.toMatch(/"(intents|transitions|redLines|nodes|hint|fallback)"\s*:\s*[[{"]/);
}

let agent: TestUser;
let agentCookie: string;
let trainer: TestUser;
let rubric: Awaited<ReturnType<typeof createTestRubric>>;

beforeEach(async () => {
  agent = await createTestUser({ roles: ["agent"], name: "陈思雨" });
  agentCookie = await sessionCookieFor(agent.id);
  trainer = await createTestUser({ roles: ["trainer"], name: "周老师" });
  rubric = await createTestRubric();
});

async function startPractical() {
  const { scenarioId, versionId } = await createScenario(
    { scoring: { rubric: rubric.slug, humanWeight: 40 } } as Partial<ScriptInput>,
    rubric.versionId,
  );
  const exam = await createPracticalExam({ scenarioId });
  const started = await startAttempt(exam.id, agent.id);
  if (!started.ok) throw new Error(`start refused: ${started.reason}`);
  return { examId: exam.id, attemptId: started.attemptId, scenarioId, versionId };
}

async function playScenarioItem(attemptId: string) {
  const started = await callRoute(
    takeAction,
    buildRequest(`/learn/attempts/${attemptId}`, {
      cookie: agentCookie,
      form: { intent: "start-scenario", position: "2" },
    }),
    { attemptId },
  );
  expect(started.status).toBe(302);
  const sessionId = started.location!.split("/").pop()!;
  expect(started.location).toBe(`/learn/roleplay/sessions/${sessionId}`);
  return sessionId;
}

describe("an exam with a role-play item", () => {
  it("counts the role-play apart from the written questions on the exam's page", async () => {
    const { scenarioId } = await createScenario({}, null);
    const exam = await createPracticalExam({ scenarioId });
    await db.exam.update({ where: { id: exam.id }, data: { status: "published" } });
    const page = await callRoute(learnExamLoader, buildRequest(`/learn/exams/${exam.id}`, { cookie: agentCookie }), {
      examId: exam.id,
    });
    expect(page.status).toBe(200);
    expect(page.data).toMatchObject({ exam: { questionCount: 1, rolePlayCount: 1 } });
  });

  it("grades end to end: snapshot, exam-mode session, review, pass, certificate", async () => {
    const { attemptId, versionId } = await startPractical();
    const items = await db.examAttemptItem.findMany({
      where: { attemptId },
      orderBy: { position: "asc" },
      select: { position: true, questionId: true, maxScore: true, snapshot: true },
    });
    expect(items.map((item) => [item.position, item.questionId === null, Number(item.maxScore)])).toEqual([
      [1, false, 10],
      [2, true, 10],
    ]);
    expect(items[1]!.snapshot).toMatchObject({ type: "scenario", scenarioVersionId: versionId, passPercent: 70 });
    expectNoScript(items[1]!.snapshot);

    const page = await callRoute(takeLoader, buildRequest(`/learn/attempts/${attemptId}`, { cookie: agentCookie }), {
      attemptId,
    });
    expect(page.status).toBe(200);
    const pageData = page.data as { scenarioItems: { position: number; session: unknown }[] };
    expect(pageData.scenarioItems).toEqual([expect.objectContaining({ position: 2, session: null, points: 10 })]);
    expectNoScript(page.data);

    expect((await saveAnswer(attemptId, agent.id, 1, '"A"')).ok).toBe(true);
    expect(await saveAnswer(attemptId, agent.id, 2, '"A"')).toMatchObject({ ok: false, status: 400 });
    const early = await callRoute(
      takeAction,
      buildRequest(`/learn/attempts/${attemptId}`, { cookie: agentCookie, form: { intent: "submit" } }),
      { attemptId },
    );
    expect(early.status).toBe(409);
    expect(early.data).toMatchObject({ reason: "roleplay-open", positions: [2] });

    const sessionId = await playScenarioItem(attemptId);
    // starting again resumes the same session
    expect(await playScenarioItem(attemptId)).toBe(sessionId);
    const session = await db.rolePlaySession.findUniqueOrThrow({
      where: { id: sessionId },
      select: { mode: true, scenarioVersionId: true },
    });
    expect(session).toEqual({ mode: "exam", scenarioVersionId: versionId });
    const playView = await loadPlayView(sessionId, { id: agent.id, permissions: permissionsFor(["agent"]) });
    expect(playView.hint).toBeNull();
    expectNoScript(playView);

    const ended = await playToTheEnd(sessionId, agent.id);
    expect(ended.session.status).toBe("pending_review");

    const submitted = await callRoute(
      takeAction,
      buildRequest(`/learn/attempts/${attemptId}`, { cookie: agentCookie, form: { intent: "submit" } }),
      { attemptId },
    );
    expect(submitted.location).toBe(`/learn/attempts/${attemptId}/result`);
    const waiting = await db.examAttempt.findUniqueOrThrow({ where: { id: attemptId }, select: { status: true } });
    expect(waiting.status).toBe("pending_grading");

    const grader = await signInAs("trainer");
    const queue = await callRoute(queueLoader, buildRequest("/training/grading", { cookie: grader.cookie }));
    const row = (
      queue.data as { queue: { rows: { id: string; waiting: number; waitingRolePlay: number }[] } }
    ).queue.rows.find((entry) => entry.id === attemptId);
    expect(row).toMatchObject({ waiting: 0, waitingRolePlay: 1 });

    const pendingResult = await callRoute(
      resultLoader,
      buildRequest(`/learn/attempts/${attemptId}/result`, { cookie: agentCookie }),
      { attemptId },
    );
    expectNoScript(pendingResult.data);

    const review = await db.rolePlayReview.findUniqueOrThrow({ where: { sessionId }, select: { id: true } });
    // rubric (1 + 0.75 × 2 + 0.5 + 1) / 5 = 80; final = 100 × 0.6 + 80 × 0.4 = 92 → item 10 × 92 / 100 = 9.2
    const scored = await submitRolePlayReview({
      reviewId: review.id,
      reviewerId: trainer.id,
      ratings: { greeting: 1, accuracy: 4, empathy: 2, privacy: 1 },
      summary: "安抚到位，政策说明准确",
    });
    expect(scored).toMatchObject({ ok: true, finalScore: 92, passed: true });

    const graded = await db.examAttempt.findUniqueOrThrow({
      where: { id: attemptId },
      select: { status: true, score: true, maxScore: true, percent: true, passed: true, certificate: true },
    });
    expect(graded).toMatchObject({ status: "graded", passed: true });
    expect([Number(graded.score), Number(graded.maxScore), Number(graded.percent)]).toEqual([19.2, 20, 96]);
    expect(graded.certificate).not.toBeNull();
    const item = await db.examAttemptItem.findFirstOrThrow({
      where: { attemptId, position: 2 },
      select: { score: true },
    });
    expect(Number(item.score)).toBe(9.2);

    const result = await callRoute(
      resultLoader,
      buildRequest(`/learn/attempts/${attemptId}/result`, { cookie: agentCookie }),
      { attemptId },
    );
    const resultData = result.data as { scenarioItems: { score: number; session: { finalScore: number } }[] };
    expect(resultData.scenarioItems[0]).toMatchObject({ score: 9.2, passPercent: 70, session: { finalScore: 92 } });
    expectNoScript(result.data);
  });

  it("fails the attempt when the role-play is below its own threshold, however high the total", async () => {
    const { attemptId } = await startPractical();
    await saveAnswer(attemptId, agent.id, 1, '"A"');
    const sessionId = await playScenarioItem(attemptId);
    await playToTheEnd(sessionId, agent.id);
    await callRoute(
      takeAction,
      buildRequest(`/learn/attempts/${attemptId}`, { cookie: agentCookie, form: { intent: "submit" } }),
      { attemptId },
    );
    const review = await db.rolePlayReview.findUniqueOrThrow({ where: { sessionId }, select: { id: true } });
    // rubric (0 + 0 + 0 + 1) / 5 = 20; final = 60 + 8 = 68 < 70; total 10 + 6.8 = 16.8 / 20 = 84 % ≥ 60
    const scored = await submitRolePlayReview({
      reviewId: review.id,
      reviewerId: trainer.id,
      ratings: { greeting: 0, accuracy: 1, empathy: 1, privacy: 1 },
    });
    expect(scored).toMatchObject({ ok: true, finalScore: 68 });
    const graded = await db.examAttempt.findUniqueOrThrow({
      where: { id: attemptId },
      select: { status: true, percent: true, passed: true, certificate: true },
    });
    expect(graded).toMatchObject({ status: "graded", passed: false, certificate: null });
    expect(Number(graded.percent)).toBe(84);
  });

  it("abandons an unfinished role-play at the deadline: the item scores 0 and the attempt is graded", async () => {
    const { scenarioId } = await createScenario({}, null);
    const exam = await createPracticalExam({ scenarioId, timeLimitMinutes: 30 });
    const start = new Date(Date.now() - 40 * 60_000);
    const started = await startAttempt(exam.id, agent.id, start);
    if (!started.ok) throw new Error(started.reason);
    const attemptId = started.attemptId;
    await saveAnswer(attemptId, agent.id, 1, '"A"', new Date(start.getTime() + 60_000));
    const sessionId = await playScenarioItem(attemptId).catch(() => null);
    // the deadline already passed: the attempt page refuses to start a role-play now
    expect(sessionId).toBeNull();
    const item = await db.examAttemptItem.findFirstOrThrow({ where: { attemptId, position: 2 }, select: { id: true } });
    const { startRolePlaySession } = await import("~/modules/roleplay/sessions.server");
    const session = await startRolePlaySession({
      userId: agent.id,
      scenarioId,
      mode: "exam",
      examAttemptItemId: item.id,
      now: new Date(start.getTime() + 120_000),
    });

    const { expired } = await expireAttempts(new Date());
    expect(expired).toBeGreaterThanOrEqual(1);
    const ended = await db.rolePlaySession.findUniqueOrThrow({
      where: { id: session.sessionId },
      select: { status: true, finalScore: true },
    });
    expect(ended).toEqual({ status: "abandoned", finalScore: 0 });
    const graded = await db.examAttempt.findUniqueOrThrow({
      where: { id: attemptId },
      select: { status: true, submittedBy: true, percent: true, passed: true },
    });
    expect(graded).toMatchObject({ status: "graded", submittedBy: "timeout", passed: false });
    expect(Number(graded.percent)).toBe(50);
  });
});

describe("the exam builder", () => {
  it("saves a role-play item, offers only published scenarios and refuses to publish with an unpublished one", async () => {
    const { cookie } = await signInAs("trainer");
    const { scenarioId } = await createScenario({}, null);
    const draft = await db.scenario.create({
      data: { slug: `draft-${Date.now()}`, title: "草稿场景", status: "draft" },
      select: { id: true },
    });
    const exam = await db.exam.create({
      data: { slug: `builder-${Date.now()}`, title: "实操考核草稿", status: "draft", passPercent: 60 },
      select: { id: true },
    });
    const examId = exam.id;
    const save = (items: unknown[]) =>
      callRoute(
        examEditAction,
        buildRequest(`/training/exams/${examId}/edit`, {
          cookie,
          form: { intent: "items", items: JSON.stringify(items) },
        }),
        { examId },
      );
    const publish = () =>
      callRoute(examDetailAction, buildRequest(`/training/exams/${examId}`, { cookie, form: { intent: "publish" } }), {
        examId,
      });

    expect((await save([{ kind: "scenario", scenarioId, points: 70, passPercent: 101 }])).status).toBe(400);
    expect((await save([{ kind: "scenario", scenarioId: draft.id, points: 70, passPercent: 70 }])).status).toBe(302);
    const refused = await publish();
    expect(refused.status).toBe(400);
    expect(JSON.stringify(refused.data)).toContain("第 1 项：演练场景尚未发布或已归档");

    expect((await save([{ kind: "scenario", scenarioId, points: 70, passPercent: 70 }])).status).toBe(302);
    const page = await callRoute(examEditLoader, buildRequest(`/training/exams/${examId}/edit`, { cookie }), {
      examId,
    });
    const pageData = page.data as { items: unknown[]; scenarios: { id: string }[] };
    expect(pageData.items).toEqual([
      expect.objectContaining({
        kind: "scenario",
        scenarioId,
        points: 70,
        passPercent: 70,
        label: "运动鞋七天无理由退货",
      }),
    ]);
    expect(pageData.scenarios.map((row) => row.id)).toContain(scenarioId);
    expect(pageData.scenarios.map((row) => row.id)).not.toContain(draft.id);
    expect((await publish()).status).toBe(302);
    const stored = await db.examItem.findFirstOrThrow({ where: { examId }, select: { kind: true, passPercent: true } });
    expect([stored.kind, Number(stored.passPercent)]).toEqual(["scenario", 70]);
  });
});

describe("exam-mode security", () => {
  it("keeps the scenario pages closed to agents", async () => {
    const { scenarioId } = await createScenario({}, null);
    const list = await callRoute(scenariosLoader, buildRequest("/training/scenarios", { cookie: agentCookie }));
    expect(list.status).toBe(403);
    const detail = await callRoute(
      scenarioLoader,
      buildRequest(`/training/scenarios/${scenarioId}`, { cookie: agentCookie }),
      { scenarioId },
    );
    expect(detail.status).toBe(403);
  });
});
