import { beforeAll, describe, expect, it } from "vitest";
import { expireAttempts } from "~/modules/training/exams/expiry.server";
import { saveAnswer, startAttempt, submitAttempt } from "~/modules/training/exams/attempts.server";
import { examResults } from "~/modules/training/exams/results.server";
import { action as takeAction, loader as takeLoader } from "~/routes/learn.attempts.$attemptId";
import { loader as resultLoader } from "~/routes/learn.attempts.$attemptId_.result";
import { action as startAction, loader as examLoader } from "~/routes/learn.exams.$examId";
import { loader as myExamsLoader } from "~/routes/learn.exams._index";
import { loader as staffLoader } from "~/routes/training.attempts.$attemptId";
import { action as gradeAction, loader as gradeLoader } from "~/routes/training.grading.$attemptId";
import { loader as queueLoader } from "~/routes/training.grading._index";
import { db } from "~/utils/db.server";
import { buildRequest, callRoute, createTestUser, sessionCookieFor, signInAs, type TestUser } from "../support/auth";

type Q = { key: string; id: string };
let bankId: string;
const questions: Record<string, Q> = {};
let trainer: { user: TestUser; cookie: string };

async function createQuestion(key: string, data: Record<string, unknown>) {
  const question = await db.question.create({
    data: {
      bankId,
      key,
      type: "single_choice",
      stem: `题目 ${key}`,
      options: [],
      answer: [],
      category: "运费规则",
      difficulty: "easy",
      competencies: [],
      contentHash: key,
      ...data,
    } as never,
  });
  questions[key] = { key, id: question.id };
  return question;
}

let examCounter = 0;
async function createExam(options: {
  questionKeys: string[];
  timeLimitMinutes?: number | null;
  maxAttempts?: number | null;
  reviewMode?: "score_only" | "with_answers" | "with_explanations";
  gradingMethod?: "highest" | "latest";
  availableFrom?: Date | null;
  availableUntil?: Date | null;
  draws?: { category: string | null; count: number }[];
}) {
  examCounter += 1;
  return db.exam.create({
    data: {
      slug: `it-exam-${examCounter}`,
      title: `售后政策测验 ${examCounter}`,
      status: "published",
      timeLimitMinutes: options.timeLimitMinutes ?? null,
      maxAttempts: options.maxAttempts ?? null,
      passPercent: 60,
      gradingMethod: options.gradingMethod ?? "highest",
      reviewMode: options.reviewMode ?? "with_explanations",
      availableFrom: options.availableFrom ?? null,
      availableUntil: options.availableUntil ?? null,
      shuffleQuestions: false,
      shuffleOptions: false,
      items: {
        create: [
          ...options.questionKeys.map((key, index) => ({
            position: index + 1,
            kind: "question" as const,
            questionId: questions[key]!.id,
          })),
          ...(options.draws ?? []).map((draw, index) => ({
            position: options.questionKeys.length + index + 1,
            kind: "draw" as const,
            bankId,
            category: draw.category,
            count: draw.count,
          })),
        ],
      },
    },
  });
}

async function agent(teamId: string | null = null) {
  return signInAs("agent", { teamId });
}

async function start(examId: string, cookie: string) {
  const result = await callRoute(startAction, buildRequest(`/learn/exams/${examId}`, { cookie, form: {} }), {
    examId,
  });
  return result;
}

function attemptIdFrom(location: string | null) {
  expect(location).toMatch(/^\/learn\/attempts\/[^/]+$/);
  return location!.split("/").pop()!;
}

async function positionOf(attemptId: string, key: string) {
  const item = await db.examAttemptItem.findFirstOrThrow({ where: { attemptId, questionId: questions[key]!.id } });
  return item.position;
}

function save(attemptId: string, cookie: string, position: number, answer: unknown) {
  return callRoute(
    takeAction,
    buildRequest(`/learn/attempts/${attemptId}`, {
      cookie,
      form: { intent: "save", position: String(position), answer: JSON.stringify(answer) },
    }),
    { attemptId },
  );
}

function submit(attemptId: string, cookie: string) {
  return callRoute(takeAction, buildRequest(`/learn/attempts/${attemptId}`, { cookie, form: { intent: "submit" } }), {
    attemptId,
  });
}

beforeAll(async () => {
  trainer = await signInAs("trainer");
  const bank = await db.questionBank.create({ data: { slug: "it-after-sales", title: "售后政策题库" } });
  bankId = bank.id;
  await createQuestion("single", {
    stem: "签收后最迟多少天内可申请7天无理由退货？",
    options: [
      { key: "A", text: "3天" },
      { key: "B", text: "7天" },
      { key: "C", text: "15天" },
    ],
    answer: ["B"],
    points: 2,
    explanation: "依据消保法第二十五条",
  });
  await createQuestion("multi", {
    type: "multiple_choice",
    stem: "以下哪些商品不适用7天无理由退货？",
    options: [
      { key: "A", text: "定制商品" },
      { key: "B", text: "普通服装" },
      { key: "C", text: "鲜活易腐商品" },
      { key: "D", text: "图书" },
    ],
    answer: ["A", "C"],
    multipleScoring: "partial_with_penalty",
    points: 4,
    category: "特殊商品",
    explanation: "定制与鲜活易腐商品除外",
  });
  await createQuestion("tf", { type: "true_false", stem: "运费险理赔由平台承担。", answer: false, points: 1 });
  await createQuestion("blank", {
    type: "fill_blank",
    stem: "自收到商品之日起____日内，且商品____完好。",
    answer: [
      ["7", "七"],
      ["完好", "包装完好"],
    ],
    points: 2,
    category: "特殊商品",
  });
  await createQuestion("short", {
    type: "short_answer",
    stem: "顾客收到破损商品情绪激动，你会如何回应？",
    answer: null,
    modelAnswer: "先致歉安抚，再核实照片，给出补发或退款方案并说明时效。",
    points: 5,
    category: "投诉处理",
  });
  for (let i = 0; i < 3; i += 1) {
    await createQuestion(`pool-${i}`, {
      stem: `运费规则题 ${i}`,
      options: [
        { key: "A", text: "卖家" },
        { key: "B", text: "买家" },
      ],
      answer: ["A"],
    });
  }
});

describe("starting and resuming", () => {
  it("a double start creates one attempt; the rules page then offers to resume it", async () => {
    const exam = await createExam({ questionKeys: ["single", "tf"], timeLimitMinutes: 30 });
    const { cookie, user } = await agent();
    const [first, second] = await Promise.all([start(exam.id, cookie), start(exam.id, cookie)]);
    expect(attemptIdFrom(first.location)).toBe(attemptIdFrom(second.location));
    expect(await db.examAttempt.count({ where: { examId: exam.id, userId: user.id } })).toBe(1);
    const page = await callRoute(examLoader, buildRequest(`/learn/exams/${exam.id}`, { cookie }), { examId: exam.id });
    expect((page.data as { resumeAttemptId: string }).resumeAttemptId).toBe(attemptIdFrom(first.location));
    const attempt = await db.examAttempt.findFirstOrThrow({ where: { examId: exam.id, userId: user.id } });
    expect(attempt.number).toBe(1);
    expect(attempt.deadlineAt!.getTime() - attempt.startedAt.getTime()).toBe(30 * 60_000);
  });

  it("a reload shows the saved answers; the loader never carries the key, explanation or correctness", async () => {
    const exam = await createExam({ questionKeys: ["single", "multi", "blank", "short"] });
    const { cookie } = await agent();
    const attemptId = attemptIdFrom((await start(exam.id, cookie)).location);
    const single = await positionOf(attemptId, "single");
    const blank = await positionOf(attemptId, "blank");
    const saved = await save(attemptId, cookie, single, "C");
    expect(saved.status).toBe(200);
    expect(JSON.stringify(saved.data)).not.toMatch(/correct|explanation|modelAnswer|"answer"/);
    await save(attemptId, cookie, single, "B"); // last write wins
    await save(attemptId, cookie, blank, ["七", ""]);
    const reload = await callRoute(takeLoader, buildRequest(`/learn/attempts/${attemptId}`, { cookie }), { attemptId });
    expect(reload.status).toBe(200);
    const data = reload.data as { items: { position: number; response: unknown }[] };
    expect(data.items.find((item) => item.position === single)!.response).toBe("B");
    expect(data.items.find((item) => item.position === blank)!.response).toEqual(["七", ""]);
    const text = JSON.stringify(reload.data);
    for (const secret of ['"answer"', "explanation", "modelAnswer", "correct", "消保法", "先致歉安抚"]) {
      expect(text).not.toContain(secret);
    }
    // the result page before submitting sends the learner back to the paper, not to any review
    const early = await callRoute(resultLoader, buildRequest(`/learn/attempts/${attemptId}/result`, { cookie }), {
      attemptId,
    });
    expect(early.location).toBe(`/learn/attempts/${attemptId}`);
  });

  it("refuses a wrong answer shape with 400", async () => {
    const exam = await createExam({ questionKeys: ["single"] });
    const { cookie } = await agent();
    const attemptId = attemptIdFrom((await start(exam.id, cookie)).location);
    expect((await save(attemptId, cookie, 1, "Z")).status).toBe(400);
    expect((await save(attemptId, cookie, 1, ["B"])).status).toBe(400);
  });

  it("an exam outside its window or with too few questions cannot be started (409 with the reason)", async () => {
    const closed = await createExam({ questionKeys: ["single"], availableUntil: new Date(Date.now() - 60_000) });
    const { cookie } = await agent();
    const refused = await start(closed.id, cookie);
    expect(refused.status).toBe(409);
    expect((refused.data as { refusal: { reason: string } }).refusal.reason).toBe("closed");
    const short = await createExam({ questionKeys: [], draws: [{ category: "运费规则", count: 9 }] });
    const shortfall = await start(short.id, cookie);
    expect(shortfall.status).toBe(409);
    expect((shortfall.data as { refusal: unknown }).refusal).toMatchObject({
      reason: "shortfall",
      shortfalls: [{ position: 1, category: "运费规则", count: 9, available: 5 }],
    });
  });

  it("draws exactly the count from the pool, without the fixed questions", async () => {
    const exam = await createExam({ questionKeys: ["pool-0"], draws: [{ category: "运费规则", count: 3 }] });
    const { cookie } = await agent();
    const attemptId = attemptIdFrom((await start(exam.id, cookie)).location);
    const items = await db.examAttemptItem.findMany({ where: { attemptId }, select: { questionId: true } });
    expect(items).toHaveLength(4);
    expect(new Set(items.map((item) => item.questionId)).size).toBe(4);
  });
});

describe("time limit and expiry", () => {
  it("refuses an answer after the deadline (409) and accepts one at the deadline exactly", async () => {
    const exam = await createExam({ questionKeys: ["single", "tf"], timeLimitMinutes: 10 });
    const { cookie, user } = await agent();
    const attemptId = attemptIdFrom((await start(exam.id, cookie)).location);
    const deadline = new Date(Date.now() + 60_000);
    await db.examAttempt.update({ where: { id: attemptId }, data: { deadlineAt: deadline } });
    expect((await saveAnswer(attemptId, user.id, 1, '"B"', deadline)).ok).toBe(true);
    const late = await saveAnswer(attemptId, user.id, 1, '"A"', new Date(deadline.getTime() + 1));
    expect(late).toEqual({ ok: false, status: 409, reason: "deadline-passed" });
    await db.examAttempt.update({ where: { id: attemptId }, data: { deadlineAt: new Date(Date.now() - 1000) } });
    expect((await save(attemptId, cookie, 1, "A")).status).toBe(409);
    const item = await db.examAttemptItem.findFirstOrThrow({ where: { attemptId, position: 1 } });
    expect(item.answer).toBe("B");
  });

  it("the expiry job submits and scores expired attempts once, as a timeout", async () => {
    const exam = await createExam({ questionKeys: ["single", "tf", "multi"], timeLimitMinutes: 5 });
    const { cookie } = await agent();
    const attemptId = attemptIdFrom((await start(exam.id, cookie)).location);
    await save(attemptId, cookie, await positionOf(attemptId, "single"), "B"); // 2 of 2
    await save(attemptId, cookie, await positionOf(attemptId, "multi"), ["A"]); // ½ × 4 = 2
    const deadline = new Date(Date.now() - 1000);
    await db.examAttempt.update({ where: { id: attemptId }, data: { deadlineAt: deadline } });
    const first = await expireAttempts();
    expect(first.expired).toBeGreaterThanOrEqual(1);
    const attempt = await db.examAttempt.findUniqueOrThrow({ where: { id: attemptId } });
    expect(attempt.status).toBe("graded");
    expect(attempt.submittedBy).toBe("timeout");
    expect(attempt.submittedAt!.getTime()).toBe(deadline.getTime());
    expect(Number(attempt.score)).toBe(4);
    expect(Number(attempt.maxScore)).toBe(7);
    expect(Number(attempt.percent)).toBe(57.14);
    expect(attempt.passed).toBe(false);
    expect(attempt.categoryScores).toEqual([
      { category: "运费规则", score: 2, maxScore: 3, percent: 66.67 },
      { category: "特殊商品", score: 2, maxScore: 4, percent: 50 },
    ]);
    const again = await expireAttempts();
    expect(again.expired).toBe(0);
    expect(await db.auditLog.count({ where: { entityId: attemptId, action: "exam.attempt.score" } })).toBe(1);
  });

  it("submitting twice is harmless", async () => {
    const exam = await createExam({ questionKeys: ["tf"] });
    const { cookie, user } = await agent();
    const attemptId = attemptIdFrom((await start(exam.id, cookie)).location);
    expect((await submit(attemptId, cookie)).location).toBe(`/learn/attempts/${attemptId}/result`);
    expect(await submitAttempt(attemptId, user.id)).toEqual({ ok: true, status: "graded", alreadySubmitted: true });
    expect(await db.auditLog.count({ where: { entityId: attemptId, action: "exam.attempt.score" } })).toBe(1);
  });
});

describe("attempts limit and grading method", () => {
  it("refuses a start once every attempt is used, failed ones included", async () => {
    const exam = await createExam({ questionKeys: ["tf"], maxAttempts: 2 });
    const { cookie } = await agent();
    for (let i = 0; i < 2; i += 1) {
      const attemptId = attemptIdFrom((await start(exam.id, cookie)).location);
      await submit(attemptId, cookie);
    }
    const third = await start(exam.id, cookie);
    expect(third.status).toBe(409);
    expect((third.data as { refusal: unknown }).refusal).toEqual({
      ok: false,
      reason: "attempts-used",
      maxAttempts: 2,
    });
    const page = await callRoute(examLoader, buildRequest(`/learn/exams/${exam.id}`, { cookie }), { examId: exam.id });
    expect(page.data).toMatchObject({ attemptsUsed: 2, attemptsLeft: 0, blocker: { reason: "attempts-used" } });
  });

  it("highest keeps the best attempt, latest the last graded; history keeps every attempt", async () => {
    for (const method of ["highest", "latest"] as const) {
      const exam = await createExam({ questionKeys: ["single", "tf"], gradingMethod: method });
      const { cookie, user } = await agent();
      const answers = [
        { single: "B", tf: false }, // 3/3 = 100%
        { single: "A", tf: false }, // 1/3 = 33.33%
      ];
      for (const answer of answers) {
        const attemptId = attemptIdFrom((await start(exam.id, cookie)).location);
        await save(attemptId, cookie, await positionOf(attemptId, "single"), answer.single);
        await save(attemptId, cookie, await positionOf(attemptId, "tf"), answer.tf);
        await submit(attemptId, cookie);
      }
      const result = (await examResults(user.id, [exam.id])).get(exam.id)!;
      expect(result.number).toBe(method === "highest" ? 1 : 2);
      expect(result.percent).toBe(method === "highest" ? 100 : 33.33);
      expect(result.passed).toBe(method === "highest");
      const mine = await callRoute(myExamsLoader, buildRequest("/learn/exams", { cookie }));
      const data = mine.data as {
        exams: { rows: { id: string; result: { percent: number } | null; attemptsUsed: number }[] };
        history: { total: number; rows: { passed: boolean | null }[] };
      };
      const row = data.exams.rows.find((exam_) => exam_.id === exam.id)!;
      expect(row.result!.percent).toBe(method === "highest" ? 100 : 33.33);
      expect(row.attemptsUsed).toBe(2);
      expect(data.history.total).toBe(2);
      expect(data.history.rows.map((r) => r.passed)).toEqual([false, true]);
    }
  });
});

describe("review after submitting", () => {
  it("follows the exam's review mode", async () => {
    const expectations = {
      score_only: { review: false, explanation: false },
      with_answers: { review: true, explanation: false },
      with_explanations: { review: true, explanation: true },
    } as const;
    for (const [mode, expected] of Object.entries(expectations)) {
      const exam = await createExam({ questionKeys: ["single", "multi"], reviewMode: mode as never });
      const { cookie } = await agent();
      const attemptId = attemptIdFrom((await start(exam.id, cookie)).location);
      await save(attemptId, cookie, await positionOf(attemptId, "single"), "B");
      await submit(attemptId, cookie);
      const result = await callRoute(resultLoader, buildRequest(`/learn/attempts/${attemptId}/result`, { cookie }), {
        attemptId,
      });
      const data = result.data as {
        attempt: { score: number; percent: number; categoryScores: unknown[] };
        review: { correctAnswer: unknown; explanation: string | null; correct: boolean }[] | null;
      };
      expect(data.attempt.score).toBe(2);
      expect(data.attempt.percent).toBe(33.33);
      expect(data.attempt.categoryScores).toHaveLength(2);
      const text = JSON.stringify(result.data);
      if (!expected.review) {
        expect(data.review).toBeNull();
        expect(text).not.toContain("correctAnswer");
      } else {
        const single = data.review!.find((item) => JSON.stringify(item.correctAnswer) === '["B"]')!;
        expect(single.correct).toBe(true);
      }
      expect(text.includes("消保法")).toBe(expected.explanation);
    }
  });
});

describe("who may see an attempt", () => {
  it("another agent's attempt is a 404 for reading, saving and the result", async () => {
    const exam = await createExam({ questionKeys: ["single"] });
    const owner = await agent();
    const other = await agent();
    const attemptId = attemptIdFrom((await start(exam.id, owner.cookie)).location);
    const read = await callRoute(takeLoader, buildRequest(`/learn/attempts/${attemptId}`, { cookie: other.cookie }), {
      attemptId,
    });
    expect(read.status).toBe(404);
    expect((await save(attemptId, other.cookie, 1, "B")).status).toBe(404);
    expect((await submit(attemptId, other.cookie)).status).toBe(404);
    const result = await callRoute(
      resultLoader,
      buildRequest(`/learn/attempts/${attemptId}/result`, { cookie: other.cookie }),
      { attemptId },
    );
    expect(result.status).toBe(404);
    expect(await db.examAttempt.findUniqueOrThrow({ where: { id: attemptId } })).toMatchObject({
      status: "in_progress",
    });
  });

  it("a team lead sees attempts of the teams they lead only; an agent cannot open the staff view", async () => {
    const leadUser = await createTestUser({ roles: ["team_lead"] });
    const team = await db.team.create({ data: { code: "ITA", name: "测试售后组", leadId: leadUser.id } });
    const otherTeam = await db.team.create({ data: { code: "ITB", name: "测试投诉组" } });
    const leadCookie = await sessionCookieFor(leadUser.id);
    const exam = await createExam({ questionKeys: ["single"] });
    const member = await agent(team.id);
    const outsider = await agent(otherTeam.id);
    const mine = attemptIdFrom((await start(exam.id, member.cookie)).location);
    const theirs = attemptIdFrom((await start(exam.id, outsider.cookie)).location);
    await submit(mine, member.cookie);
    const seen = await callRoute(staffLoader, buildRequest(`/training/attempts/${mine}`, { cookie: leadCookie }), {
      attemptId: mine,
    });
    expect(seen.status).toBe(200);
    expect(JSON.stringify(seen.data)).toContain("消保法"); // staff see explanations
    const hidden = await callRoute(staffLoader, buildRequest(`/training/attempts/${theirs}`, { cookie: leadCookie }), {
      attemptId: theirs,
    });
    expect(hidden.status).toBe(404);
    const byTrainer = await callRoute(
      staffLoader,
      buildRequest(`/training/attempts/${theirs}`, { cookie: trainer.cookie }),
      { attemptId: theirs },
    );
    expect(byTrainer.status).toBe(200);
    const byAgent = await callRoute(
      staffLoader,
      buildRequest(`/training/attempts/${mine}`, { cookie: member.cookie }),
      {
        attemptId: mine,
      },
    );
    expect(byAgent.status).toBe(403);
    const queueByLead = await callRoute(queueLoader, buildRequest("/training/grading", { cookie: leadCookie }));
    expect(queueByLead.status).toBe(403);
  });
});

describe("manual grading", () => {
  it("queue → marks → final, totals recomputed, learner notified, audited; a final attempt refuses changes", async () => {
    const exam = await createExam({ questionKeys: ["single", "short"] });
    const { cookie, user } = await agent();
    const attemptId = attemptIdFrom((await start(exam.id, cookie)).location);
    await save(attemptId, cookie, await positionOf(attemptId, "single"), "B");
    const shortPosition = await positionOf(attemptId, "short");
    await save(attemptId, cookie, shortPosition, "先道歉，再请顾客拍照，马上安排补发。");
    await submit(attemptId, cookie);
    const pending = await db.examAttempt.findUniqueOrThrow({ where: { id: attemptId } });
    expect(pending.status).toBe("pending_grading");
    expect(pending.score).toBeNull();
    const pendingResult = await callRoute(
      resultLoader,
      buildRequest(`/learn/attempts/${attemptId}/result`, { cookie }),
      { attemptId },
    );
    expect((pendingResult.data as { review: unknown }).review).toBeNull();
    expect(JSON.stringify(pendingResult.data)).not.toContain("先致歉安抚");

    const queue = await callRoute(queueLoader, buildRequest("/training/grading", { cookie: trainer.cookie }));
    const rows = (queue.data as { queue: { rows: { id: string; waiting: number }[] } }).queue.rows;
    expect(rows.find((row) => row.id === attemptId)).toMatchObject({ waiting: 1 });
    const page = await callRoute(
      gradeLoader,
      buildRequest(`/training/grading/${attemptId}`, { cookie: trainer.cookie }),
      {
        attemptId,
      },
    );
    expect(JSON.stringify(page.data)).toContain("先致歉安抚");

    const grade = (score: string, cookie_ = trainer.cookie) =>
      callRoute(
        gradeAction,
        buildRequest(`/training/grading/${attemptId}`, {
          cookie: cookie_,
          form: {
            position: String(shortPosition),
            [`score-${shortPosition}`]: score,
            [`feedback-${shortPosition}`]: "致歉到位，方案可再具体",
          },
        }),
        { attemptId },
      );
    const invalid = await grade("3.3");
    expect(invalid.status).toBe(400);
    expect((invalid.data as { invalid: number[] }).invalid).toEqual([shortPosition]);
    expect((await grade("6")).status).toBe(400);
    const byAgent = await grade("5", cookie);
    expect(byAgent.status).toBe(403);

    const done = await grade("3.5");
    expect(done.location).toBe("/training/grading");
    const graded = await db.examAttempt.findUniqueOrThrow({ where: { id: attemptId } });
    expect(graded.status).toBe("graded");
    expect(Number(graded.score)).toBe(5.5); // 2 + 3.5
    expect(Number(graded.maxScore)).toBe(7);
    expect(Number(graded.percent)).toBe(78.57);
    expect(graded.passed).toBe(true);
    const notification = await db.notification.findFirst({
      where: { userId: user.id, kind: "training-attempt-graded" },
    });
    expect(notification?.link).toBe(`/learn/attempts/${attemptId}/result`);
    expect(notification?.params).toMatchObject({ percent: 78.57 });
    const audit = await db.auditLog.findFirst({ where: { entityId: attemptId, action: "exam.attempt.grade" } });
    expect(audit?.actorId).toBe(trainer.user.id);
    expect((await grade("5")).status).toBe(409);
    const after = await callRoute(queueLoader, buildRequest("/training/grading", { cookie: trainer.cookie }));
    expect((after.data as { queue: { rows: { id: string }[] } }).queue.rows.some((row) => row.id === attemptId)).toBe(
      false,
    );
    const result = await callRoute(resultLoader, buildRequest(`/learn/attempts/${attemptId}/result`, { cookie }), {
      attemptId,
    });
    expect(JSON.stringify(result.data)).toContain("致歉到位");
  });

  it("a direct start through the module resumes instead of creating a second attempt", async () => {
    const exam = await createExam({ questionKeys: ["tf"] });
    const { user } = await agent();
    const first = await startAttempt(exam.id, user.id);
    const second = await startAttempt(exam.id, user.id);
    expect(first.ok && second.ok && second.resumed && first.attemptId === second.attemptId).toBe(true);
  });
});
