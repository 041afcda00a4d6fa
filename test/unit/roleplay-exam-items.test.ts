import { describe, expect, it } from "vitest";
import { analyseExamItems, ExamItemDraftSchema } from "~/modules/training/exams/authoring";
import {
  attemptPassed,
  failedScenarioItems,
  isScenarioSnapshot,
  scenarioItemScore,
  sessionEnded,
  sessionFinal,
} from "~/modules/training/exams/roleplay-items";
import { attemptTotals } from "~/modules/training/exams/scoring";

describe("scenarioItemScore", () => {
  it("is points × final score / 100, rounded to 2 decimals", () => {
    expect(scenarioItemScore(70, 92)).toBe(64.4); // 70 × 0.92
    expect(scenarioItemScore(10, 68)).toBe(6.8);
    expect(scenarioItemScore(30, 33.333)).toBe(10); // 9.9999 → 10.00
    expect(scenarioItemScore(15, 100)).toBe(15);
  });

  it("scores 0 without a final score (abandoned, never played) and clamps out-of-range scores", () => {
    expect(scenarioItemScore(70, null)).toBe(0);
    expect(scenarioItemScore(70, Number.NaN)).toBe(0);
    expect(scenarioItemScore(70, 120)).toBe(70);
    expect(scenarioItemScore(70, -5)).toBe(0);
  });
});

describe("the practical pass rule", () => {
  it("needs the exam's pass mark AND every scenario item's own threshold", () => {
    const results = [
      { position: 4, finalScore: 92, passPercent: 70 },
      { position: 5, finalScore: 70, passPercent: 70 }, // exactly at the threshold passes
    ];
    expect(attemptPassed(75, 70, results)).toBe(true);
    expect(attemptPassed(69.99, 70, results)).toBe(false);
  });

  it("fails a high total when one role-play is below its threshold", () => {
    // written 30/30 + role-play 70 × 68 % = 47.6 → 77.6/100 ≥ 70, but 68 < 70
    const totals = attemptTotals(
      [
        { category: "投诉处理原则", score: 30, maxScore: 30 },
        { category: "愤怒顾客：“找不到客服”", score: scenarioItemScore(70, 68), maxScore: 70 },
      ],
      70,
    );
    expect(totals.percent).toBe(77.6);
    expect(totals.passed).toBe(true);
    const practical = [{ position: 4, finalScore: 68, passPercent: 70 }];
    expect(failedScenarioItems(practical)).toEqual([4]);
    expect(attemptPassed(totals.percent, 70, practical)).toBe(false);
  });

  it("counts a missing final score as 0", () => {
    expect(failedScenarioItems([{ position: 2, finalScore: null, passPercent: 0 }])).toEqual([]);
    expect(failedScenarioItems([{ position: 2, finalScore: null, passPercent: 1 }])).toEqual([2]);
    expect(attemptPassed(100, 60, [])).toBe(true);
  });
});

describe("session states", () => {
  it("lets the learner submit once the role-play ended, and scores only a final session", () => {
    expect(
      ["none", "in_progress", "pending_review", "completed", "abandoned"].map((s) => sessionEnded(s as never)),
    ).toEqual([false, false, true, true, true]);
    expect(
      ["none", "in_progress", "pending_review", "completed", "abandoned"].map((s) => sessionFinal(s as never)),
    ).toEqual([false, false, false, true, true]);
  });

  it("recognises a scenario snapshot", () => {
    expect(isScenarioSnapshot({ type: "scenario", scenarioId: "s1" })).toBe(true);
    expect(isScenarioSnapshot({ type: "single_choice" })).toBe(false);
    expect(isScenarioSnapshot(null)).toBe(false);
  });
});

describe("scenario items in the exam builder", () => {
  it("parses { kind: scenario, scenarioId, points, passPercent } and refuses bad thresholds", () => {
    expect(
      ExamItemDraftSchema.safeParse({ kind: "scenario", scenarioId: "s1", points: 70, passPercent: 70 }).success,
    ).toBe(true);
    expect(
      ExamItemDraftSchema.safeParse({ kind: "scenario", scenarioId: "s1", points: 70, passPercent: 101 }).success,
    ).toBe(false);
    expect(
      ExamItemDraftSchema.safeParse({ kind: "scenario", scenarioId: "s1", points: 0, passPercent: 70 }).success,
    ).toBe(false);
  });

  it("adds the scenario's points to the totals and reports missing, unpublished and repeated scenarios", () => {
    const analysis = analyseExamItems(
      [
        { kind: "scenario", scenarioId: "angry", points: 70, passPercent: 70 },
        { kind: "scenario", scenarioId: "draft", points: 10, passPercent: 60 },
        { kind: "scenario", scenarioId: "gone", points: 10, passPercent: 60 },
        { kind: "scenario", scenarioId: "angry", points: 10, passPercent: 60 },
      ],
      [],
      [],
      [
        { scenarioId: "angry", title: "愤怒顾客", published: true },
        { scenarioId: "draft", title: "草稿", published: false },
      ],
    );
    expect(analysis.scenarioCount).toBe(4);
    expect(analysis.questionCount).toBe(0);
    expect([analysis.minTotalPoints, analysis.maxTotalPoints]).toEqual([100, 100]);
    expect(analysis.problems).toEqual([
      { message: "roleplay:exam.problems.scenarioUnpublished", params: { position: 2 } },
      { message: "roleplay:exam.problems.scenarioMissing", params: { position: 3 } },
      { message: "roleplay:exam.problems.scenarioDuplicate", params: { position: 4 } },
    ]);
  });
});
