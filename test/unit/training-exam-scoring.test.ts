import { describe, expect, it } from "vitest";
import { isAnswered, parseAnswer } from "~/modules/training/exams/answers";
import {
  attemptTotals,
  autoScore,
  countBlanks,
  resultAttempt,
  scoreFillBlank,
  scoreMultipleChoice,
  scoreSingleChoice,
  scoreTrueFalse,
  validManualScore,
  type QuestionSnapshot,
} from "~/modules/training/exams/scoring";
import { learnerReview, takingItem } from "~/modules/training/exams/views";

function snapshot(partial: Partial<QuestionSnapshot>): QuestionSnapshot {
  return {
    type: "single_choice",
    stem: "题干",
    stemHtml: "<p>题干</p>",
    options: [],
    answer: null,
    points: 2,
    category: "7天无理由退换货",
    difficulty: "easy",
    explanation: "依据第二十五条",
    modelAnswer: null,
    scoring: "all_or_nothing",
    blanks: 0,
    ...partial,
  };
}

describe("single choice and true/false", () => {
  it("gives full points only for the correct key", () => {
    expect(scoreSingleChoice(["B"], "B", 2)).toBe(2);
    expect(scoreSingleChoice(["B"], "A", 2)).toBe(0);
    expect(scoreSingleChoice(["B"], null, 2)).toBe(0);
    expect(scoreSingleChoice(["B"], ["B"], 2)).toBe(0);
  });
  it("true/false needs an equal boolean", () => {
    expect(scoreTrueFalse(true, true, 1.5)).toBe(1.5);
    expect(scoreTrueFalse(true, false, 1.5)).toBe(0);
    expect(scoreTrueFalse(false, "false", 1.5)).toBe(0);
  });
});

describe("multiple choice", () => {
  it("all_or_nothing: full points iff the sets are equal", () => {
    expect(scoreMultipleChoice(["A", "C"], ["C", "A"], 4, "all_or_nothing")).toBe(4);
    expect(scoreMultipleChoice(["A", "C"], ["A"], 4, "all_or_nothing")).toBe(0);
    expect(scoreMultipleChoice(["A", "C"], ["A", "C", "D"], 4, "all_or_nothing")).toBe(0);
  });
  it("partial_with_penalty: max(0, (right − wrong) / |correct|) × points", () => {
    // correct {A,C}, 4 points
    expect(scoreMultipleChoice(["A", "C"], ["A"], 4, "partial_with_penalty")).toBe(2); // (1-0)/2 = ½
    expect(scoreMultipleChoice(["A", "C"], ["A", "B"], 4, "partial_with_penalty")).toBe(0); // (1-1)/2 = 0
    expect(scoreMultipleChoice(["A", "C"], ["A", "C", "D"], 4, "partial_with_penalty")).toBe(2); // (2-1)/2 = ½
    expect(scoreMultipleChoice(["A", "C"], ["A", "B", "C", "D"], 4, "partial_with_penalty")).toBe(0); // (2-2)/2
    expect(scoreMultipleChoice(["A", "C"], ["B", "D"], 4, "partial_with_penalty")).toBe(0); // max(0, -1)
    expect(scoreMultipleChoice(["A", "C"], ["A", "C"], 4, "partial_with_penalty")).toBe(4);
    // correct {A,B,C}, 2 points, chose A,B → 2/3 × 2 = 1.333… → 1.33
    expect(scoreMultipleChoice(["A", "B", "C"], ["A", "B"], 2, "partial_with_penalty")).toBe(1.33);
    // choosing every option of {A,B,C} of A–E: (3-2)/3 × 3 = 1, never full
    expect(scoreMultipleChoice(["A", "B", "C"], ["A", "B", "C", "D", "E"], 3, "partial_with_penalty")).toBe(1);
  });
  it("duplicate keys in the answer count once", () => {
    expect(scoreMultipleChoice(["A", "C"], ["A", "A"], 4, "partial_with_penalty")).toBe(2);
  });
});

describe("fill in the blank", () => {
  it("each blank is right when its normalised text equals an accepted answer", () => {
    const accepted = [["7", "七"], ["签收"]];
    expect(scoreFillBlank(accepted, ["７", " 签收。"], 3)).toBe(3); // full-width digit, spaces, edge punctuation
    expect(scoreFillBlank(accepted, ["七", "收货"], 3)).toBe(1.5);
    expect(scoreFillBlank(accepted, ["15", ""], 3)).toBe(0);
    expect(scoreFillBlank([["A"], ["b"], ["c"]], ["a", "B", "x"], 2)).toBe(1.33); // 2/3 × 2
  });
  it("counts the blanks of a stem", () => {
    expect(countBlanks("自____之日起____日内")).toBe(2);
    expect(countBlanks("没有空")).toBe(0);
  });
});

describe("autoScore", () => {
  it("dispatches per type and leaves short answers to a person", () => {
    expect(autoScore(snapshot({ type: "single_choice", answer: ["B"] }), "B")).toBe(2);
    expect(autoScore(snapshot({ type: "true_false", answer: false }), false)).toBe(2);
    expect(
      autoScore(snapshot({ type: "multiple_choice", answer: ["A", "C"], scoring: "partial_with_penalty" }), ["C"]),
    ).toBe(1);
    expect(autoScore(snapshot({ type: "fill_blank", answer: [["7"]], blanks: 1 }), ["7"])).toBe(2);
    expect(autoScore(snapshot({ type: "short_answer" }), "答案")).toBeNull();
    expect(autoScore(snapshot({ type: "single_choice", answer: ["B"] }), null)).toBe(0);
  });
  it("manual marks are 0…points in steps of 0.5", () => {
    expect(validManualScore(0, 5)).toBe(true);
    expect(validManualScore(3.5, 5)).toBe(true);
    expect(validManualScore(5, 5)).toBe(true);
    expect(validManualScore(3.25, 5)).toBe(false);
    expect(validManualScore(5.5, 5)).toBe(false);
    expect(validManualScore(-0.5, 5)).toBe(false);
  });
});

describe("attempt totals", () => {
  it("sums, rounds the percent to 2 decimals, and scores each category", () => {
    const totals = attemptTotals(
      [
        { category: "运费规则", score: 2, maxScore: 2 },
        { category: "特殊商品", score: 1, maxScore: 3 },
        { category: "运费规则", score: 0, maxScore: 2 },
      ],
      60,
    );
    // 3 / 7 = 42.857…% → 42.86
    expect(totals).toEqual({
      score: 3,
      maxScore: 7,
      percent: 42.86,
      passed: false,
      categoryScores: [
        { category: "运费规则", score: 2, maxScore: 4, percent: 50 },
        { category: "特殊商品", score: 1, maxScore: 3, percent: 33.33 },
      ],
    });
  });
  it("passes at exactly the pass mark", () => {
    expect(attemptTotals([{ category: "c", score: 6, maxScore: 10 }], 60).passed).toBe(true);
    expect(attemptTotals([{ category: "c", score: 5.5, maxScore: 10 }], 60).passed).toBe(false);
  });
});

describe("grading method", () => {
  const day = (n: number) => new Date(Date.UTC(2026, 0, n));
  const attempts = [
    { id: "1", percent: 80, startedAt: day(1), gradedAt: day(1) },
    { id: "2", percent: 90, startedAt: day(2), gradedAt: day(5) },
    { id: "3", percent: 90, startedAt: day(3), gradedAt: day(3) },
    { id: "4", percent: 70, startedAt: day(4), gradedAt: day(4) },
  ];
  it("highest: best percent, ties go to the earliest", () => {
    expect(resultAttempt(attempts, "highest")?.id).toBe("2");
  });
  it("latest: the most recently graded", () => {
    expect(resultAttempt(attempts, "latest")?.id).toBe("2");
    expect(resultAttempt(attempts.slice(2), "latest")?.id).toBe("4");
  });
  it("no graded attempt → no result", () => {
    expect(resultAttempt([], "highest")).toBeNull();
  });
});

describe("answer shapes", () => {
  const choice = {
    type: "single_choice" as const,
    options: [
      { key: "A", text: "3天" },
      { key: "B", text: "7天" },
    ],
    blanks: 0,
  };
  it("accepts valid answers and null", () => {
    expect(parseAnswer(choice, '"B"')).toEqual({ ok: true, answer: "B" });
    expect(parseAnswer(choice, "null")).toEqual({ ok: true, answer: null });
    expect(parseAnswer({ ...choice, type: "multiple_choice" }, '["B","A","B"]')).toEqual({
      ok: true,
      answer: ["A", "B"],
    });
    expect(parseAnswer({ type: "true_false", options: [], blanks: 0 }, "false")).toEqual({ ok: true, answer: false });
    expect(parseAnswer({ type: "fill_blank", options: [], blanks: 2 }, '["7","签收"]').ok).toBe(true);
    expect(parseAnswer({ type: "short_answer", options: [], blanks: 0 }, '"先致歉"').ok).toBe(true);
  });
  it("refuses the wrong shape", () => {
    expect(parseAnswer(choice, '"Z"').ok).toBe(false);
    expect(parseAnswer(choice, '["A"]').ok).toBe(false);
    expect(parseAnswer(choice, "{").ok).toBe(false);
    expect(parseAnswer({ type: "true_false", options: [], blanks: 0 }, '"true"').ok).toBe(false);
    expect(parseAnswer({ type: "fill_blank", options: [], blanks: 2 }, '["7"]').ok).toBe(false);
    expect(parseAnswer({ type: "short_answer", options: [], blanks: 0 }, JSON.stringify("字".repeat(5001))).ok).toBe(
      false,
    );
  });
  it("knows what counts as answered", () => {
    expect(isAnswered(null)).toBe(false);
    expect(isAnswered(false)).toBe(true);
    expect(isAnswered(["", " "])).toBe(false);
    expect(isAnswered(["", "签收"])).toBe(true);
    expect(isAnswered("  ")).toBe(false);
  });
});

describe("learner views", () => {
  const row = {
    position: 1,
    snapshot: snapshot({
      answer: ["B"],
      options: [
        { key: "B", text: "7天" },
        { key: "A", text: "3天" },
      ],
    }),
    answer: "B",
    score: 2,
    maxScore: 2,
    feedback: null,
  };
  it("the taking view carries no key, explanation or score", () => {
    const view = takingItem(row);
    expect(Object.keys(view).sort()).toEqual([
      "blanks",
      "options",
      "points",
      "position",
      "response",
      "stemHtml",
      "type",
    ]);
  });
  it("review follows the mode and only once final", () => {
    expect(learnerReview([row], "with_answers", false)).toBeNull();
    expect(learnerReview([row], "score_only", true)).toBeNull();
    const withAnswers = learnerReview([row], "with_answers", true)![0]!;
    expect(withAnswers.correctAnswer).toEqual(["B"]);
    expect(withAnswers.correct).toBe(true);
    expect(withAnswers.explanation).toBeNull();
    expect(learnerReview([row], "with_explanations", true)![0]!.explanation).toBe("依据第二十五条");
  });
});
