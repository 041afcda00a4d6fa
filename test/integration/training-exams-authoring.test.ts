import { beforeAll, describe, expect, it } from "vitest";
import { itemStatistics, sumsFromResponses } from "~/modules/training/exams/item-analysis";
import { examItemAnalysis } from "~/modules/training/exams/item-analysis.server";
import { action as detailAction, loader as detailLoader } from "~/routes/training.exams.$examId";
import { loader as analysisLoader } from "~/routes/training.exams.$examId_.analysis";
import { action as editAction, loader as editLoader } from "~/routes/training.exams.$examId_.edit";
import { loader as listLoader } from "~/routes/training.exams._index";
import { action as newAction, loader as newLoader } from "~/routes/training.exams.new";
import { db } from "~/utils/db.server";
import { seedQaRubrics } from "../../prisma/seed/qa-rubrics";
import { seedQuestionBanks } from "../../prisma/seed/training-banks";
import { seedExams } from "../../prisma/seed/training-exams";
import { seedScenarios } from "../../prisma/seed/training-roleplay";
import { buildRequest, callRoute, createTestUser, signInAs, type TestUser } from "../support/auth";

let trainer: TestUser;
let trainerCookie: string;
let agentCookie: string;
let leadCookie: string;
let managerCookie: string;
let bankId: string;
let examId: string;

const settingsForm = (overrides: Record<string, string> = {}) => ({
  intent: "settings",
  title: "运费规则小测",
  description: "",
  timeLimitMinutes: "15",
  maxAttempts: "",
  passPercent: "80",
  gradingMethod: "latest",
  reviewMode: "with_answers",
  shuffleQuestions: "on",
  shuffleOptions: "on",
  ...overrides,
});

async function makeQuestion(key: string, category: string, difficulty: "easy" | "medium" | "hard", active = true) {
  return db.question.create({
    data: {
      bankId,
      key,
      type: "true_false",
      stem: `${category} 判断题 ${key}`,
      options: [],
      answer: true,
      points: 2,
      category,
      difficulty,
      competencies: [],
      active,
      contentHash: key,
    },
    select: { id: true },
  });
}

beforeAll(async () => {
  ({ user: trainer, cookie: trainerCookie } = await signInAs("trainer"));
  ({ cookie: agentCookie } = await signInAs("agent"));
  ({ cookie: leadCookie } = await signInAs("team_lead"));
  ({ cookie: managerCookie } = await signInAs("manager"));
  bankId = (await db.questionBank.create({ data: { slug: "freight", title: "运费题库" }, select: { id: true } })).id;
  // 运费规则: 3 easy + 2 medium (+1 retired easy); 特殊商品: 2 easy.
  for (const [key, category, difficulty, active] of [
    ["f-1", "运费规则", "easy", true],
    ["f-2", "运费规则", "easy", true],
    ["f-3", "运费规则", "easy", true],
    ["f-4", "运费规则", "medium", true],
    ["f-5", "运费规则", "medium", true],
    ["f-6", "运费规则", "easy", false],
    ["s-1", "特殊商品", "easy", true],
    ["s-2", "特殊商品", "easy", true],
  ] as const) {
    await makeQuestion(key, category, difficulty, active);
  }
  const created = await callRoute(
    newAction,
    buildRequest("/training/exams/new", { cookie: trainerCookie, form: { ...settingsForm(), slug: "freight-quiz" } }),
  );
  expect(created.status).toBe(302);
  examId = created.location!.split("/")[3]!;
});

async function saveItems(items: unknown[], cookie = trainerCookie) {
  return callRoute(
    editAction,
    buildRequest(`/training/exams/${examId}/edit`, { cookie, form: { intent: "items", items: JSON.stringify(items) } }),
    { examId },
  );
}

describe("exam builder", () => {
  it("shows available counts and refuses to publish an unsatisfiable draw, with the reason", async () => {
    const f1 = await db.question.findUniqueOrThrow({ where: { bankId_key: { bankId, key: "f-1" } } });
    const saved = await saveItems([
      { kind: "question", questionId: f1.id, points: 5 },
      { kind: "draw", bankId, category: "运费规则", difficulty: "easy", count: 2, points: null },
      { kind: "draw", bankId, category: "运费规则", difficulty: null, count: 3, points: null },
    ]);
    expect(saved.status).toBe(302);
    const detail = await callRoute(detailLoader, buildRequest(`/training/exams/${examId}`, { cookie: trainerCookie }), {
      examId,
    });
    const data = detail.data as {
      items: { report: { available?: number; pool?: number } }[];
      analysis: { questionCount: number };
    };
    // Easy pool: 3 active − fixed f-1 = 2. Category pool: 5 − 1 = 4, minus up to 2 taken by the easy draw = 2 < 3.
    expect(data.items.map((item) => [item.report.pool ?? null, item.report.available ?? null])).toEqual([
      [null, null],
      [2, 2],
      [4, 2],
    ]);
    expect(data.analysis.questionCount).toBe(6);

    const refused = await callRoute(
      detailAction,
      buildRequest(`/training/exams/${examId}`, { cookie: trainerCookie, form: { intent: "publish" } }),
      { examId },
    );
    expect(refused.status).toBe(400);
    expect(refused.data).toEqual({ problems: ["第 3 项需要抽 3 题，但最坏情况下只有 2 题可用"] });
    expect((await db.exam.findUniqueOrThrow({ where: { id: examId } })).status).toBe("draft");

    await saveItems([
      { kind: "question", questionId: f1.id, points: 5 },
      { kind: "draw", bankId, category: "运费规则", difficulty: "easy", count: 2, points: null },
      { kind: "draw", bankId, category: "运费规则", difficulty: null, count: 2, points: null },
      { kind: "draw", bankId, category: "特殊商品", difficulty: null, count: 2, points: 1 },
    ]);
    const published = await callRoute(
      detailAction,
      buildRequest(`/training/exams/${examId}`, { cookie: trainerCookie, form: { intent: "publish" } }),
      { examId },
    );
    expect(published.status).toBe(302);
    const exam = await db.exam.findUniqueOrThrow({
      where: { id: examId },
      include: { items: { orderBy: { position: "asc" } } },
    });
    expect(exam.status).toBe("published");
    expect(exam.items.map((item) => [item.position, item.kind, item.count])).toEqual([
      [1, "question", null],
      [2, "draw", 2],
      [3, "draw", 2],
      [4, "draw", 2],
    ]);
    expect(await db.auditLog.count({ where: { entityId: examId, action: "exam.publish" } })).toBe(1);
  });

  it("keeps a published exam publishable: an unsatisfiable paper is not saved", async () => {
    const result = await saveItems([
      { kind: "draw", bankId, category: "特殊商品", difficulty: null, count: 3, points: null },
    ]);
    expect(result.status).toBe(400);
    expect(await db.examItem.count({ where: { examId } })).toBe(4);
  });

  it("locks items once an attempt exists (409), keeps settings editable and offers a copy", async () => {
    const learner = await createTestUser();
    await db.examAttempt.create({
      data: { examId, userId: learner.id, number: 1, seed: "seed-1", maxScore: 15, status: "in_progress" },
    });
    const locked = await saveItems([
      { kind: "draw", bankId, category: "特殊商品", difficulty: null, count: 1, points: null },
    ]);
    expect(locked.status).toBe(409);
    expect(locked.data).toEqual({ message: "training-exams:errors.itemsLocked" });
    const edit = await callRoute(
      editLoader,
      buildRequest(`/training/exams/${examId}/edit`, { cookie: trainerCookie }),
      { examId },
    );
    expect((edit.data as { locked: boolean }).locked).toBe(true);

    const settings = await callRoute(
      editAction,
      buildRequest(`/training/exams/${examId}/edit`, {
        cookie: trainerCookie,
        form: settingsForm({
          passPercent: "85",
          availableFrom: "2026-12-01T09:00",
          availableUntil: "2026-12-31T18:00",
        }),
      }),
      { examId },
    );
    expect(settings.status).toBe(302);
    const exam = await db.exam.findUniqueOrThrow({ where: { id: examId } });
    expect([Number(exam.passPercent), exam.availableFrom?.toISOString(), exam.shuffleQuestions]).toEqual([
      85,
      "2026-12-01T01:00:00.000Z",
      true,
    ]);

    const copy = await callRoute(
      detailAction,
      buildRequest(`/training/exams/${examId}`, { cookie: trainerCookie, form: { intent: "copy" } }),
      { examId },
    );
    expect(copy.status).toBe(302);
    const copyId = copy.location!.split("/")[3]!;
    const copied = await db.exam.findUniqueOrThrow({ where: { id: copyId }, include: { items: true } });
    expect([copied.status, copied.items.length, copied.title]).toEqual(["draft", 4, "运费规则小测"]);
  });

  it("refuses certification without a title and remediation without a course", async () => {
    const result = await callRoute(
      editAction,
      buildRequest(`/training/exams/${examId}/edit`, {
        cookie: trainerCookie,
        form: settingsForm({ isCertification: "on", remediateOnFail: "on" }),
      }),
      { examId },
    );
    expect(result.status).toBe(400);
    expect((result.data as { fieldErrors: Record<string, string[]> }).fieldErrors).toMatchObject({
      certificateTitle: ["training-exams:errors.certificateTitle"],
      remediationCourseId: ["training-exams:errors.remediation"],
    });
  });
});

describe("item analysis", () => {
  it("aggregates graded attempts in SQL exactly like the reference maths", async () => {
    const questions = await db.question.findMany({
      where: { bankId, key: { in: ["s-1", "s-2"] } },
      orderBy: { key: "asc" },
    });
    const percents = [100, 90, 80, 70, 60, 50, 40, 30, 20, 10, 0];
    const attempts: { attemptId: string; percent: number }[] = [];
    const responses: { attemptId: string; questionId: string; score: number; maxScore: number }[] = [];
    for (const [index, percent] of percents.entries()) {
      const learner = await createTestUser();
      // s-1 is right for the stronger half; s-2 is right for the weaker half (a wrong key); one ungraded attempt is ignored.
      const scores = [percent >= 50 ? 2 : 0, percent < 50 ? 2 : index % 2];
      const attempt = await db.examAttempt.create({
        data: {
          examId,
          userId: learner.id,
          number: 1,
          seed: `s${index}`,
          status: "graded",
          maxScore: 4,
          score: (percent / 100) * 4,
          percent,
          passed: percent >= 80,
          items: {
            create: questions.map((question, position) => ({
              position: position + 1,
              questionId: question.id,
              snapshot: {},
              answer: scores[position] === 2,
              maxScore: 2,
              score: scores[position],
            })),
          },
        },
        select: { id: true },
      });
      attempts.push({ attemptId: attempt.id, percent });
      questions.forEach((question, position) =>
        responses.push({ attemptId: attempt.id, questionId: question.id, score: scores[position]!, maxScore: 2 }),
      );
    }
    const analysis = await examItemAnalysis(examId);
    expect([analysis.attempts, analysis.groupSize]).toEqual([11, 3]);
    const expected = sumsFromResponses(attempts, responses).map((sums) => itemStatistics(sums, attempts.length));
    for (const item of analysis.items) {
      const reference = expected.find((row) => row.questionId === item.questionId)!;
      expect({ p: item.p, d: item.d, flags: item.flags }).toEqual({
        p: reference.p,
        d: reference.d,
        flags: reference.flags,
      });
    }
    const s1 = analysis.items.find((item) => item.key === "s-1")!;
    const s2 = analysis.items.find((item) => item.key === "s-2")!;
    // s-1: right for 100…50 (6 of 11): p = 0.5455, upper 1, lower 0 → D = 1.
    expect([s1.p, s1.d, s1.flags]).toEqual([0.5455, 1, []]);
    // s-2: right for 40…0 (5) and half-credit 1/2 for odd indexes ≥ 50 (90, 70, 50): p = (5 + 1.5)/11 = 0.5909; D = 1/6 − 1 < 0.
    expect(s2.flags).toEqual(["negative_discrimination"]);
    expect(s1.options.map((option) => [option.key, option.count])).toEqual([
      ["true", 6],
      ["false", 5],
    ]);
    const page = await callRoute(
      analysisLoader,
      buildRequest(`/training/exams/${examId}/analysis`, { cookie: managerCookie }),
      { examId },
    );
    expect(page.status).toBe(200);
    expect((page.data as { categories: { category: string; questions: number }[] }).categories).toEqual([
      expect.objectContaining({ category: "特殊商品", questions: 2, responses: 22 }),
    ]);
  });
});

describe("permissions", () => {
  it("refuses agents and team leads on exam loaders and actions; analysis needs read:exam-attempt:any or manage:exam:any", async () => {
    for (const cookie of [agentCookie, leadCookie]) {
      const results = await Promise.all([
        callRoute(listLoader, buildRequest("/training/exams", { cookie })),
        callRoute(newLoader, buildRequest("/training/exams/new", { cookie })),
        callRoute(
          newAction,
          buildRequest("/training/exams/new", { cookie, form: { ...settingsForm(), slug: "nope" } }),
        ),
        callRoute(detailLoader, buildRequest(`/training/exams/${examId}`, { cookie }), { examId }),
        callRoute(detailAction, buildRequest(`/training/exams/${examId}`, { cookie, form: { intent: "archive" } }), {
          examId,
        }),
        callRoute(editLoader, buildRequest(`/training/exams/${examId}/edit`, { cookie }), { examId }),
        callRoute(editLoader, buildRequest(`/training/exams/${examId}/edit?search=1&q=运费`, { cookie }), { examId }),
        callRoute(editAction, buildRequest(`/training/exams/${examId}/edit`, { cookie, form: settingsForm() }), {
          examId,
        }),
        callRoute(analysisLoader, buildRequest(`/training/exams/${examId}/analysis`, { cookie }), { examId }),
      ]);
      expect(results.map((result) => result.status)).toEqual(results.map(() => 403));
    }
    expect((await db.exam.findUniqueOrThrow({ where: { id: examId } })).status).toBe("published");
    const managerList = await callRoute(listLoader, buildRequest("/training/exams", { cookie: managerCookie }));
    expect(managerList.status).toBe(403);
    void trainer;
  });
});

describe("seed exams", () => {
  it("creates the four content exams after the banks, courses and scenarios, and changes nothing the second time", async () => {
    await seedQuestionBanks();
    await seedQaRubrics();
    await seedScenarios();
    for (const slug of ["after-sales-policies", "complaint-principles"]) {
      await db.course.create({ data: { slug, type: "skills", title: slug, tags: [] } });
    }
    const first = await seedExams();
    expect(first).toBe("exams: 4 created, 0 updated, 0 unchanged");
    const exams = await db.exam.findMany({
      where: {
        slug: { in: ["onboarding-final", "after-sales-quiz", "complaint-certification", "complaint-practical"] },
      },
      select: {
        slug: true,
        status: true,
        isCertification: true,
        certificateTitle: true,
        remediateOnFail: true,
        remediationCourse: { select: { slug: true } },
        items: { select: { kind: true, count: true } },
      },
      orderBy: { slug: "asc" },
    });
    const questionCount = (items: { kind: string; count: number | null }[]) =>
      items.reduce((sum, item) => sum + (item.kind === "draw" ? item.count! : 1), 0);
    expect(
      exams.map((exam) => [
        exam.slug,
        exam.status,
        exam.certificateTitle,
        exam.remediationCourse?.slug ?? null,
        questionCount(exam.items),
      ]),
    ).toEqual([
      ["after-sales-quiz", "published", null, "after-sales-policies", 14],
      ["complaint-certification", "published", "投诉处理专员资格证", "complaint-principles", 14],
      ["complaint-practical", "published", "投诉处理实操合格证", null, 4],
      ["onboarding-final", "published", "优品客服上岗证", null, 30],
    ]);
    const practical = await db.examItem.findFirstOrThrow({
      where: { exam: { slug: "complaint-practical" }, kind: "scenario" },
      select: { points: true, passPercent: true, scenario: { select: { slug: true } } },
    });
    expect([practical.scenario?.slug, Number(practical.points), Number(practical.passPercent)]).toEqual([
      "angry-cannot-reach-service",
      70,
      70,
    ]);
    expect(await seedExams()).toBe("exams: 0 created, 0 updated, 4 unchanged");
  });
});
