/**
 * One question as authored (editor form, YAML file, CSV row): shape, per-type rules and the normalised value
 * stored in `Question`. Pure, shared by the server and the editor. Error messages are catalogue keys of the
 * `training-banks` namespace (`errors.*`).
 *
 * Per type:
 * - single_choice: 2–8 options with unique keys A–H, exactly one correct key.
 * - multiple_choice: 2–8 options, at least one correct key; scoring all_or_nothing (default) or partial_with_penalty.
 * - true_false: answer true or false, no options.
 * - fill_blank: the stem marks each blank with `____` (four or more underscores); one non-empty list of accepted
 *   answers per blank, compared with normaliseAnswer (full/half width, case, whitespace, edge punctuation).
 * - short_answer: graded by a person; modelAnswer required, no answer key.
 * Every question: key (letters, digits, - _ .), category, difficulty, points > 0.
 */
import { z } from "zod";
import { normaliseAnswer } from "~/modules/training/text";

export const QUESTION_TYPES = ["single_choice", "multiple_choice", "true_false", "fill_blank", "short_answer"] as const;
export const DIFFICULTIES = ["easy", "medium", "hard"] as const;
export const MULTIPLE_SCORINGS = ["all_or_nothing", "partial_with_penalty"] as const;
export const OPTION_KEYS = ["A", "B", "C", "D", "E", "F", "G", "H"] as const;
export const CHOICE_TYPES = new Set<QuestionType>(["single_choice", "multiple_choice"]);

export type QuestionType = (typeof QUESTION_TYPES)[number];
export type Difficulty = (typeof DIFFICULTIES)[number];
export type MultipleScoring = (typeof MULTIPLE_SCORINGS)[number];
export type QuestionOption = { key: string; text: string };
export type QuestionAnswer = string[] | boolean | string[][] | null;

export const KEY_MAX = 64;
export const STEM_MAX = 5000;
export const TEXT_MAX = 5000;
export const CATEGORY_MAX = 60;
export const COMPETENCY_MAX = 40;
export const POINTS_MAX = 1000;
const KEY_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

/** The normalised question every path (editor, YAML, CSV) ends in. */
export type QuestionInput = {
  key: string;
  type: QuestionType;
  category: string;
  difficulty: Difficulty;
  competencies: string[];
  points: number;
  stem: string;
  options: QuestionOption[];
  answer: QuestionAnswer;
  multipleScoring: MultipleScoring;
  modelAnswer: string | null;
  explanation: string | null;
};

export type QuestionIssue = { field: string; message: string };
export type QuestionValidation = { ok: true; value: QuestionInput } | { ok: false; issues: QuestionIssue[] };

/** Number of blanks in a fill-in-the-blank stem: each run of four or more underscores is one blank. */
export function countBlanks(stem: string): number {
  return stem.match(/_{4,}/g)?.length ?? 0;
}

const scalarText = z.union([z.string(), z.number(), z.boolean()]).transform((value) => String(value).trim());
const optionalText = z
  .union([z.string(), z.number(), z.null()])
  .optional()
  .transform((value) => (value === null || value === undefined ? "" : String(value).trim()));

const RawQuestion = z.object({
  key: scalarText,
  type: z.string().trim(),
  category: optionalText,
  difficulty: z
    .union([z.string(), z.null()])
    .optional()
    .transform((value) => (value ?? "").trim() || "medium"),
  competencies: z
    .union([z.array(scalarText), z.string(), z.null()])
    .optional()
    .transform((value) =>
      Array.isArray(value) ? value : value ? value.split(/[|,，、;；]/).map((part) => part.trim()) : [],
    ),
  points: z.union([z.number(), z.string(), z.null()]).optional(),
  stem: optionalText,
  options: z
    .union([z.array(z.object({ key: scalarText, text: optionalText })), z.null()])
    .optional()
    .transform((value) => value ?? []),
  answer: z.unknown().optional(),
  scoring: z.union([z.string(), z.null()]).optional(),
  modelAnswer: optionalText,
  explanation: optionalText,
});

function parsePoints(value: unknown): number | null {
  if (value === null || value === undefined || value === "") return 1;
  const number = typeof value === "number" ? value : Number(String(value).trim());
  if (!Number.isFinite(number) || number <= 0 || number > POINTS_MAX) return null;
  if (Math.round(number * 100) !== number * 100) return null; // stored with two decimals
  return number;
}

function asBoolean(value: unknown): boolean | null {
  if (typeof value === "boolean") return value;
  if (Array.isArray(value) && value.length === 1) return asBoolean(value[0]);
  if (typeof value !== "string") return null;
  const text = value.trim().toLowerCase();
  if (["true", "t", "yes", "y", "对", "正确", "是", "√", "1"].includes(text)) return true;
  if (["false", "f", "no", "n", "错", "错误", "否", "×", "0"].includes(text)) return false;
  return null;
}

function asKeyList(value: unknown): string[] | null {
  if (typeof value === "string") return value.toUpperCase().match(/[A-H]/g) ?? [];
  if (!Array.isArray(value)) return null;
  if (!value.every((item) => typeof item === "string")) return null;
  return value.map((item) => (item as string).trim().toUpperCase());
}

function asBlankLists(value: unknown): string[][] | null {
  if (!Array.isArray(value)) return null;
  const lists: string[][] = [];
  for (const entry of value) {
    const list = Array.isArray(entry) ? entry : [entry];
    if (!list.every((item) => typeof item === "string" || typeof item === "number")) return null;
    lists.push(list.map((item) => String(item).trim()).filter((item) => item !== ""));
  }
  return lists;
}

/** Validates one raw question (already parsed from YAML/CSV/form) and returns the stored form or the issues. */
export function validateQuestion(raw: unknown): QuestionValidation {
  const parsed = RawQuestion.safeParse(raw);
  if (!parsed.success) {
    return {
      ok: false,
      issues: parsed.error.issues.map((issue) => ({
        field: String(issue.path[0] ?? "question"),
        message: "training-banks:errors.shape",
      })),
    };
  }
  const input = parsed.data;
  const issues: QuestionIssue[] = [];
  const add = (field: string, message: string) => issues.push({ field, message: `training-banks:errors.${message}` });

  if (!input.key) add("key", "keyRequired");
  else if (input.key.length > KEY_MAX || !KEY_PATTERN.test(input.key)) add("key", "keyFormat");

  const type = (QUESTION_TYPES as readonly string[]).includes(input.type) ? (input.type as QuestionType) : null;
  if (!type) add("type", "type");
  const difficulty = (DIFFICULTIES as readonly string[]).includes(input.difficulty)
    ? (input.difficulty as Difficulty)
    : null;
  if (!difficulty) add("difficulty", "difficulty");
  if (!input.category) add("category", "categoryRequired");
  else if (input.category.length > CATEGORY_MAX) add("category", "categoryTooLong");
  const competencies = [...new Set(input.competencies.filter((item) => item !== ""))];
  if (competencies.some((item) => item.length > COMPETENCY_MAX)) add("competencies", "competencyTooLong");
  const points = parsePoints(input.points);
  if (points === null) add("points", "points");
  if (!input.stem) add("stem", "stemRequired");
  else if (input.stem.length > STEM_MAX) add("stem", "tooLong");
  if (input.explanation.length > TEXT_MAX) add("explanation", "tooLong");
  if (input.modelAnswer.length > TEXT_MAX) add("modelAnswer", "tooLong");

  const scoringText = (input.scoring ?? "").trim() || "all_or_nothing";
  const scoring = (MULTIPLE_SCORINGS as readonly string[]).includes(scoringText)
    ? (scoringText as MultipleScoring)
    : null;
  if (!scoring) add("scoring", "scoring");

  let options: QuestionOption[] = [];
  let answer: QuestionAnswer = null;
  if (type && CHOICE_TYPES.has(type)) {
    options = input.options.map((option) => ({ key: option.key.toUpperCase(), text: option.text }));
    const keys = options.map((option) => option.key);
    if (options.length < 2 || options.length > OPTION_KEYS.length) add("options", "optionCount");
    if (keys.some((key) => !(OPTION_KEYS as readonly string[]).includes(key))) add("options", "optionKey");
    if (new Set(keys).size !== keys.length) add("options", "optionDuplicate");
    if (options.some((option) => !option.text)) add("options", "optionText");
    const selected = asKeyList(input.answer);
    if (!selected) add("answer", "answerChoice");
    else {
      const unique = [...new Set(selected)];
      if (unique.some((key) => !keys.includes(key))) add("answer", "answerUnknownOption");
      else if (type === "single_choice" && unique.length !== 1) add("answer", "answerSingle");
      else if (type === "multiple_choice" && unique.length < 1) add("answer", "answerMultiple");
      answer = keys.filter((key) => unique.includes(key)); // option order
    }
  } else if (type === "true_false") {
    const value = asBoolean(input.answer);
    if (value === null) add("answer", "answerBoolean");
    answer = value;
  } else if (type === "fill_blank") {
    const lists = asBlankLists(input.answer);
    const blanks = countBlanks(input.stem);
    if (blanks === 0) add("stem", "noBlanks");
    if (!lists) add("answer", "answerBlanks");
    else {
      if (lists.length !== blanks && blanks > 0) add("answer", "blankCount");
      if (lists.some((list) => list.length === 0 || list.some((item) => normaliseAnswer(item) === ""))) {
        add("answer", "blankEmpty");
      }
      answer = lists.map((list) => [...new Set(list)]);
    }
  } else if (type === "short_answer") {
    if (!input.modelAnswer) add("modelAnswer", "modelAnswerRequired");
  }

  if (issues.length > 0 || !type || !difficulty || points === null || !scoring) return { ok: false, issues };
  return {
    ok: true,
    value: {
      key: input.key,
      type,
      category: input.category,
      difficulty,
      competencies,
      points,
      stem: input.stem,
      options,
      answer,
      multipleScoring: type === "multiple_choice" ? scoring : "all_or_nothing",
      modelAnswer: input.modelAnswer || null,
      explanation: input.explanation || null,
    },
  };
}

/** The fields that make a question's content; the content hash is taken over this (see question-hash.server). */
export function contentOf(question: QuestionInput) {
  return {
    type: question.type,
    category: question.category,
    difficulty: question.difficulty,
    competencies: question.competencies,
    points: question.points,
    stem: question.stem,
    options: question.options,
    answer: question.answer,
    multipleScoring: question.multipleScoring,
    modelAnswer: question.modelAnswer,
    explanation: question.explanation,
  };
}

/** A stored question row back to the authored shape (for export and for comparing on import). */
export function questionFromRow(row: {
  key: string;
  type: string;
  category: string;
  difficulty: string;
  competencies: string[];
  points: number | { toString(): string };
  stem: string;
  options: unknown;
  answer: unknown;
  multipleScoring: string;
  modelAnswer: string | null;
  explanation: string | null;
}): QuestionInput {
  return {
    key: row.key,
    type: row.type as QuestionType,
    category: row.category,
    difficulty: row.difficulty as Difficulty,
    competencies: row.competencies,
    points: Number(row.points.toString()),
    stem: row.stem,
    options: Array.isArray(row.options) ? (row.options as QuestionOption[]) : [],
    answer: (row.answer ?? null) as QuestionAnswer,
    multipleScoring: row.multipleScoring as MultipleScoring,
    modelAnswer: row.modelAnswer,
    explanation: row.explanation,
  };
}
