import { describe, expect, it } from "vitest";
import {
  buildAutoReport,
  combineAuto,
  finalScore,
  isOverTime,
  isPassed,
  redLinesCrossedBy,
  stepsCreditedBy,
  type ScoredReply,
} from "~/modules/roleplay/scoring";
import { returnScript } from "../support/roleplay-script";

const script = returnScript(); // steps greet(1, within 1 reply), policy(2), confirm(1); limit 60 s; 60/20/20

const replyAt = (position: number, text: string, extra: Partial<ScoredReply> = {}): ScoredReply => ({
  position,
  text,
  responseSeconds: 10,
  overTime: false,
  steps: [],
  redLines: [],
  ...extra,
});

describe("step credit", () => {
  it("credits a step on the first reply that matches one of its intents", () => {
    expect(stepsCreditedBy(script, ["greet", "policy"], 1, new Set())).toEqual(["greet", "policy"]);
    expect(stepsCreditedBy(script, ["close"], 3, new Set())).toEqual(["confirm"]);
    expect(stepsCreditedBy(script, ["ok", "close"], 4, new Set(["confirm"]))).toEqual([]);
  });

  it("respects withinReplies: a greeting in the second reply does not count", () => {
    expect(stepsCreditedBy(script, ["greet"], 1, new Set())).toEqual(["greet"]);
    expect(stepsCreditedBy(script, ["greet"], 2, new Set())).toEqual([]);
  });

  it("records red lines on every reply that matches", () => {
    expect(redLinesCrossedBy(script, ["blame", "leak"])).toEqual(["blame", "leak"]);
    expect(redLinesCrossedBy(script, ["greet"])).toEqual([]);
  });

  it("a reply over the limit is over time; exactly at the limit is not", () => {
    expect(isOverTime(60, 60)).toBe(false);
    expect(isOverTime(60.01, 60)).toBe(true);
  });
});

describe("automatic report", () => {
  it("combines steps, timing and outcome with the weights (worked example)", () => {
    // greet (1) and policy (2) hit, confirm (1) missed: steps = 100 × 3 / 4 = 75
    // 4 replies, 1 over the limit: timing = 100 × 3 / 4 = 75; resolved = 100
    // auto = (60 × 75 + 20 × 75 + 20 × 100) / 100 = 45 + 15 + 20 = 80
    const report = buildAutoReport(
      script,
      [
        replyAt(3, "您好", { steps: ["greet"], responseSeconds: 5 }),
        replyAt(5, "7天无理由可以退", { steps: ["policy"], responseSeconds: 20 }),
        replyAt(7, "嗯", { responseSeconds: 75, overTime: true }),
        replyAt(9, "运费我们出", { responseSeconds: 12 }),
      ],
      "resolved",
    );
    expect(report.components).toEqual({ steps: 75, timing: 75, outcome: 100 });
    expect(report.weights).toEqual({ steps: 60, timing: 20, outcome: 20 });
    expect(report.autoScore).toBe(80);
    expect(report.steps).toEqual([
      { key: "greet", label: "问候", weight: 1, hit: true, turnPosition: 3, text: "您好" },
      { key: "policy", label: "说明7天无理由", weight: 2, hit: true, turnPosition: 5, text: "7天无理由可以退" },
      { key: "confirm", label: "确认满意", weight: 1, hit: false, turnPosition: null, text: null },
    ]);
    // mean (5 + 20 + 75 + 12) / 4 = 28
    expect(report.timing).toEqual({
      replies: 4,
      withinLimit: 3,
      overLimit: 1,
      meanSeconds: 28,
      maxSeconds: 75,
      limitSeconds: 60,
    });
    expect(report.redLines).toEqual([]);
  });

  it("rounds once, at the end", () => {
    // steps 4/4 = 100, timing 2/3 = 66.67, escalated = 50: (6000 + 1333.33 + 1000) / 100 = 83.33
    const report = buildAutoReport(
      script,
      [
        replyAt(2, "您好", { steps: ["greet"] }),
        replyAt(4, "7天无理由", { steps: ["policy"], overTime: true, responseSeconds: 61 }),
        replyAt(6, "好的", { steps: ["confirm"] }),
      ],
      "escalated",
    );
    expect(report.components).toEqual({ steps: 100, timing: 66.67, outcome: 50 });
    expect(report.autoScore).toBe(83.33);
  });

  it("a red line makes the automatic score 0 and is listed for every reply that crossed it", () => {
    const report = buildAutoReport(
      script,
      [
        replyAt(2, "您好，是您自己选错了", { steps: ["greet"], redLines: ["blame"] }),
        replyAt(4, "您自己看", { redLines: ["blame"] }),
      ],
      "customer_left",
    );
    expect(report.autoScore).toBe(0);
    expect(report.redLines).toEqual([
      { key: "blame", label: "指责顾客", turnPosition: 2, text: "您好，是您自己选错了" },
      { key: "blame", label: "指责顾客", turnPosition: 4, text: "您自己看" },
    ]);
  });

  it("no replies: timing 0; no steps: steps 100; customer left: outcome 0", () => {
    const stepless = returnScript({ steps: [] });
    const report = buildAutoReport(stepless, [], "customer_left");
    expect(report.components).toEqual({ steps: 100, timing: 0, outcome: 0 });
    expect(report.autoScore).toBe(60);
    expect(buildAutoReport(script, [], "abandoned").components.outcome).toBe(0);
    // an abandoned session scores 0 even with steps already hit
    const abandoned = buildAutoReport(script, [replyAt(2, "您好", { steps: ["greet"] })], "abandoned");
    expect(abandoned.components.steps).toBe(25);
    expect(abandoned.autoScore).toBe(0);
  });

  it("uses the script's outcome points", () => {
    const custom = returnScript({
      scoring: {
        stepsWeight: 50,
        timingWeight: 0,
        outcomeWeight: 50,
        outcomePoints: { resolved: 100, escalated: 80, customer_left: 10 },
      },
    });
    // steps: greet only = 25; escalated = 80: (50 × 25 + 50 × 80) / 100 = 52.5
    expect(buildAutoReport(custom, [replyAt(2, "您好", { steps: ["greet"] })], "escalated").autoScore).toBe(52.5);
    expect(combineAuto({ steps: 0, timing: 0, outcome: 10 }, { steps: 50, timing: 0, outcome: 50 })).toBe(5);
  });
});

describe("final score", () => {
  it("without a rubric the final score is the automatic score", () => {
    expect(finalScore({ autoScore: 80, redLineCrossed: false, rubricScore: null, humanWeight: 50 })).toBe(80);
  });

  it("with a rubric: auto × (100 − humanWeight)% + rubric × humanWeight%", () => {
    // 80 × 0.5 + 90 × 0.5 = 85
    expect(finalScore({ autoScore: 80, redLineCrossed: false, rubricScore: 90, humanWeight: 50 })).toBe(85);
    // 83.33 × 0.7 + 70 × 0.3 = 58.331 + 21 = 79.331 → 79.33
    expect(finalScore({ autoScore: 83.33, redLineCrossed: false, rubricScore: 70, humanWeight: 30 })).toBe(79.33);
  });

  it("a red line or a critical rubric failure makes it 0", () => {
    expect(finalScore({ autoScore: 0, redLineCrossed: true, rubricScore: 100, humanWeight: 50 })).toBe(0);
    expect(
      finalScore({ autoScore: 95, redLineCrossed: false, rubricScore: 0, rubricCriticalFailed: true, humanWeight: 50 }),
    ).toBe(0);
  });

  it("passes at or above the pass percent, never with a red line", () => {
    expect(isPassed(80, 80, false)).toBe(true);
    expect(isPassed(79.99, 80, false)).toBe(false);
    expect(isPassed(100, 0, true)).toBe(false);
  });
});
