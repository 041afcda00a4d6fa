import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import {
  parseCsvAnswer,
  parseQuestionCsv,
  parseQuestionYaml,
  questionsToCsv,
  questionsToYaml,
  TEMPLATE_QUESTIONS,
} from "~/modules/training/banks/question-files";

describe("question CSV", () => {
  it("round-trips every type through export and import", () => {
    const csv = questionsToCsv(TEMPLATE_QUESTIONS);
    expect(csv.startsWith("\uFEFFkey,type,category,difficulty,competencies,points,stem,option_A")).toBe(true);
    const parsed = parseQuestionCsv(csv);
    expect(parsed.errors).toEqual([]);
    expect(parsed.questions.map((question) => question.value)).toEqual(TEMPLATE_QUESTIONS);
    expect(parsed.questions.map((question) => question.line)).toEqual([2, 3, 4, 5, 6]);
  });

  it("reads the answer syntax per type", () => {
    expect(parseCsvAnswer("single_choice", "b")).toEqual(["B"]);
    expect(parseCsvAnswer("multiple_choice", "A|C")).toEqual(["A", "C"]);
    expect(parseCsvAnswer("fill_blank", "7|七;签收｜收到")).toEqual([
      ["7", "七"],
      ["签收", "收到"],
    ]);
    expect(parseCsvAnswer("short_answer", "")).toBeNull();
  });

  it("reports bad rows with their line numbers and keeps the valid ones", () => {
    const csv = [
      "key,type,category,difficulty,points,stem,option_A,option_B,answer",
      "q1,single_choice,分类,easy,2,题干一,甲,乙,A",
      'q2,single_choice,分类,easy,2,"多行',
      '题干",甲,乙,A|B',
      "q3,true_false,分类,medium,1,判断题,,,也许",
      "q1,true_false,分类,medium,1,重复的键,,,对",
      "q4,fill_blank,分类,hard,3,____和____,,,一",
      "q5,true_false,分类,hard,1,正确的判断题,,,错",
    ].join("\n");
    const parsed = parseQuestionCsv(csv);
    expect(parsed.questions.map((question) => [question.value.key, question.line])).toEqual([
      ["q1", 2],
      ["q5", 8],
    ]);
    expect(parsed.errors.map((error) => [error.line, error.key, error.messages])).toEqual([
      [3, "q2", ["training-banks:errors.answerSingle"]],
      [5, "q3", ["training-banks:errors.answerBoolean"]],
      [6, "q1", ["training-banks:errors.duplicateKey"]],
      [7, "q4", ["training-banks:errors.blankCount"]],
    ]);
  });

  it("refuses a file without the required columns", () => {
    expect(parseQuestionCsv("id,name\n1,2").errors[0]?.messages).toEqual(["training-banks:errors.csvHeader"]);
  });
});

describe("question YAML", () => {
  it("round-trips through the content format", () => {
    const yaml = questionsToYaml({ title: "售后政策题库", description: "说明" }, TEMPLATE_QUESTIONS);
    const parsed = parseQuestionYaml(yaml);
    expect(parsed.errors).toEqual([]);
    expect(parsed.title).toBe("售后政策题库");
    expect(parsed.questions.map((question) => question.value)).toEqual(TEMPLATE_QUESTIONS);
  });

  it("gives the line of each invalid question", () => {
    const yaml = [
      "title: 测试",
      "questions:",
      "  - key: a1",
      "    type: true_false",
      "    category: 甲",
      "    stem: 对吗",
      "    answer: true",
      "  - key: a2",
      "    type: short_answer",
      "    category: 甲",
      "    stem: 说说看",
    ].join("\n");
    const parsed = parseQuestionYaml(yaml);
    expect(parsed.questions).toHaveLength(1);
    expect(parsed.errors).toEqual([{ line: 8, key: "a2", messages: ["training-banks:errors.modelAnswerRequired"] }]);
  });

  it("accepts every seed bank under content/ (≥ 80 questions in all)", () => {
    const dir = path.resolve("content/question-banks");
    let total = 0;
    for (const name of readdirSync(dir).filter((file) => file.endsWith(".yaml"))) {
      const parsed = parseQuestionYaml(readFileSync(path.join(dir, name), "utf8"));
      expect(parsed.errors, name).toEqual([]);
      total += parsed.questions.length;
    }
    expect(total).toBeGreaterThanOrEqual(80);
  });
});
