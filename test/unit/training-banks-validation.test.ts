import { describe, expect, it } from "vitest";
import { countBlanks, validateQuestion } from "~/modules/training/banks/question-schema";

const base = { key: "q-1", category: "运费规则", difficulty: "medium", points: 2, stem: "题干" };
const options = [
  { key: "A", text: "甲" },
  { key: "B", text: "乙" },
  { key: "C", text: "丙" },
];

function messages(raw: unknown) {
  const result = validateQuestion(raw);
  return result.ok ? [] : result.issues.map((issue) => issue.message.replace("training-banks:errors.", ""));
}

describe("validateQuestion", () => {
  it("single choice: exactly one correct key among unique A–H options", () => {
    const ok = validateQuestion({ ...base, type: "single_choice", options, answer: ["b"] });
    expect(ok.ok && ok.value.answer).toEqual(["B"]);
    expect(messages({ ...base, type: "single_choice", options, answer: ["A", "B"] })).toEqual(["answerSingle"]);
    expect(messages({ ...base, type: "single_choice", options, answer: ["D"] })).toEqual(["answerUnknownOption"]);
    expect(
      messages({ ...base, type: "single_choice", options: [options[0], { key: "A", text: "重复" }], answer: ["A"] }),
    ).toEqual(["optionDuplicate"]);
    expect(
      messages({ ...base, type: "single_choice", options: [options[0], { key: "Z", text: "x" }], answer: ["A"] }),
    ).toEqual(["optionKey"]);
    expect(messages({ ...base, type: "single_choice", options: [options[0]], answer: ["A"] })).toEqual(["optionCount"]);
  });

  it("multiple choice: at least one correct key, answer in option order, scoring rule kept", () => {
    const ok = validateQuestion({
      ...base,
      type: "multiple_choice",
      options,
      answer: ["C", "A"],
      scoring: "partial_with_penalty",
    });
    expect(ok.ok && [ok.value.answer, ok.value.multipleScoring]).toEqual([["A", "C"], "partial_with_penalty"]);
    expect(messages({ ...base, type: "multiple_choice", options, answer: [] })).toEqual(["answerMultiple"]);
    expect(messages({ ...base, type: "multiple_choice", options, answer: ["A"], scoring: "half" })).toEqual([
      "scoring",
    ]);
  });

  it("true/false: a boolean (对/错 and true/false text accepted); scoring is ignored outside multiple choice", () => {
    const yes = validateQuestion({ ...base, type: "true_false", answer: "对", scoring: "partial_with_penalty" });
    expect(yes.ok && [yes.value.answer, yes.value.multipleScoring, yes.value.options]).toEqual([
      true,
      "all_or_nothing",
      [],
    ]);
    const no = validateQuestion({ ...base, type: "true_false", answer: false });
    expect(no.ok && no.value.answer).toBe(false);
    expect(messages({ ...base, type: "true_false", answer: "maybe" })).toEqual(["answerBoolean"]);
  });

  it("fill in the blank: one non-empty list of accepted answers per ____ blank", () => {
    expect(countBlanks("签收后____天内，运费由____承担；________算一个空")).toBe(3);
    const ok = validateQuestion({
      ...base,
      type: "fill_blank",
      stem: "____天内由____承担",
      answer: [[7, "七"], ["商家"]],
    });
    expect(ok.ok && ok.value.answer).toEqual([["7", "七"], ["商家"]]);
    expect(messages({ ...base, type: "fill_blank", stem: "____天内由____承担", answer: [["7"]] })).toEqual([
      "blankCount",
    ]);
    expect(messages({ ...base, type: "fill_blank", stem: "____天内", answer: [["。"]] })).toEqual(["blankEmpty"]);
    expect(messages({ ...base, type: "fill_blank", stem: "没有空", answer: [] })).toEqual(["noBlanks"]);
  });

  it("short answer: model answer required, no answer key", () => {
    const ok = validateQuestion({ ...base, type: "short_answer", modelAnswer: "先致歉，再核实", answer: ["A"] });
    expect(ok.ok && [ok.value.answer, ok.value.modelAnswer]).toEqual([null, "先致歉，再核实"]);
    expect(messages({ ...base, type: "short_answer" })).toEqual(["modelAnswerRequired"]);
  });

  it("every question: key, category, points > 0 with two decimals, known type and difficulty", () => {
    const ok = validateQuestion({
      ...base,
      type: "true_false",
      answer: true,
      points: undefined,
      difficulty: undefined,
    });
    expect(ok.ok && [ok.value.points, ok.value.difficulty]).toEqual([1, "medium"]);
    expect(messages({ ...base, type: "true_false", answer: true, points: 0 })).toEqual(["points"]);
    expect(messages({ ...base, type: "true_false", answer: true, points: "1.005" })).toEqual(["points"]);
    expect(messages({ ...base, type: "true_false", answer: true, key: "带空格 的键" })).toEqual(["keyFormat"]);
    expect(messages({ ...base, type: "true_false", answer: true, category: "" })).toEqual(["categoryRequired"]);
    expect(messages({ ...base, type: "essay", answer: true })).toEqual(["type"]);
    expect(messages({ ...base, type: "true_false", answer: true, difficulty: "extreme" })).toEqual(["difficulty"]);
  });

  it("competencies split on Chinese and ASCII separators, duplicates dropped", () => {
    const ok = validateQuestion({
      ...base,
      type: "true_false",
      answer: true,
      competencies: "政策掌握、沟通表达,政策掌握",
    });
    expect(ok.ok && ok.value.competencies).toEqual(["政策掌握", "沟通表达"]);
  });
});
