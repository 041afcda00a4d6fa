/**
 * Question-bank files: the YAML format (content/question-banks/<slug>.yaml) and the CSV format, both ways.
 * Formats documented in docs/question-bank-format.md. Pure (csv-parse and yaml are Node-side parsers: keep this
 * module out of browser code).
 *
 * CSV: one row per question, header
 *   key,type,category,difficulty,competencies,points,stem,option_A…option_H,answer,scoring,model_answer,explanation
 * - competencies: separated by `|`
 * - answer: single_choice `B`; multiple_choice `A|C`; true_false `true`/`false` (对/错 also read);
 *   fill_blank blanks separated by `;`, accepted answers of one blank by `|` (`7|七;签收`); short_answer empty
 * - scoring: multiple_choice only, `all_or_nothing` (default) or `partial_with_penalty`
 * Export neutralises cells that start like a spreadsheet formula with a leading apostrophe (app/utils/csv); the
 * import removes that apostrophe again, so an exported file imports unchanged.
 */
import { parse as parseCsv } from "csv-parse/sync";
import { LineCounter, isMap, isSeq, parseDocument, stringify } from "yaml";
import { csvDocument } from "~/utils/csv";
import { OPTION_KEYS, validateQuestion, type QuestionInput, type QuestionIssue } from "./question-schema";

export const CSV_HEADERS = [
  "key",
  "type",
  "category",
  "difficulty",
  "competencies",
  "points",
  "stem",
  ...OPTION_KEYS.map((key) => `option_${key}`),
  "answer",
  "scoring",
  "model_answer",
  "explanation",
] as const;
const REQUIRED_HEADERS = ["key", "type", "stem"];

export type FileRowError = { line: number; key: string | null; messages: string[] };
export type ParsedQuestionFile = {
  questions: { line: number; value: QuestionInput }[];
  errors: FileRowError[];
  /** From a YAML file only. */
  title?: string;
  description?: string;
};

function issueMessages(issues: QuestionIssue[]) {
  return [...new Set(issues.map((issue) => issue.message))];
}

/** Drops duplicate keys (the later row is the error: the first one wins) and sorts errors by line. */
function finish(file: ParsedQuestionFile): ParsedQuestionFile {
  const seen = new Set<string>();
  const questions: ParsedQuestionFile["questions"] = [];
  const errors = [...file.errors];
  for (const question of file.questions) {
    if (seen.has(question.value.key)) {
      errors.push({ line: question.line, key: question.value.key, messages: ["training-banks:errors.duplicateKey"] });
      continue;
    }
    seen.add(question.value.key);
    questions.push(question);
  }
  errors.sort((a, b) => a.line - b.line);
  return { ...file, questions, errors };
}

// ---------- YAML ----------

export function parseQuestionYaml(text: string): ParsedQuestionFile {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text.replace(/^\uFEFF/, ""), { lineCounter, uniqueKeys: false });
  if (doc.errors.length > 0) {
    const first = doc.errors[0]!;
    const line = first.linePos?.[0]?.line ?? 1;
    return { questions: [], errors: [{ line, key: null, messages: ["training-banks:errors.yamlSyntax"] }] };
  }
  const root = doc.contents;
  const list = isMap(root) ? root.get("questions", true) : isSeq(root) ? root : null;
  if (!isSeq(list)) {
    return { questions: [], errors: [{ line: 1, key: null, messages: ["training-banks:errors.yamlNoQuestions"] }] };
  }
  const file: ParsedQuestionFile = { questions: [], errors: [] };
  if (isMap(root)) {
    const title: unknown = root.get("title");
    const description: unknown = root.get("description");
    if (typeof title === "string") file.title = title.trim();
    if (typeof description === "string") file.description = description.trim();
  }
  for (const node of list.items) {
    const offset = (node as { range?: [number, number, number] }).range?.[0] ?? 0;
    const line = lineCounter.linePos(offset).line;
    const raw = (node as { toJSON?: () => unknown }).toJSON?.() ?? null;
    const key = raw && typeof raw === "object" && "key" in raw ? String((raw as { key: unknown }).key) : null;
    const result = validateQuestion(raw);
    if (result.ok) file.questions.push({ line, value: result.value });
    else file.errors.push({ line, key, messages: issueMessages(result.issues) });
  }
  return finish(file);
}

/** The YAML document of a bank, in the content/ format (round-trips through parseQuestionYaml). */
export function questionsToYaml(bank: { title: string; description: string }, questions: QuestionInput[]): string {
  const body = {
    title: bank.title,
    ...(bank.description ? { description: bank.description } : {}),
    questions: questions.map((question) => {
      const entry: Record<string, unknown> = {
        key: question.key,
        type: question.type,
        category: question.category,
        difficulty: question.difficulty,
        competencies: question.competencies,
        points: question.points,
        stem: question.stem,
      };
      if (question.options.length > 0) entry.options = question.options;
      if (question.type !== "short_answer") entry.answer = question.answer;
      if (question.type === "multiple_choice") entry.scoring = question.multipleScoring;
      if (question.modelAnswer) entry.modelAnswer = question.modelAnswer;
      if (question.explanation) entry.explanation = question.explanation;
      return entry;
    }),
  };
  return stringify(body, { lineWidth: 0 });
}

// ---------- CSV ----------

function unneutralise(cell: string) {
  return /^'[=+\-@\t\r]/.test(cell) ? cell.slice(1) : cell;
}

function splitList(text: string, separator: RegExp) {
  return text
    .split(separator)
    .map((part) => part.trim())
    .filter((part) => part !== "");
}

/** A CSV `answer` cell read for the row's type (see the module comment for the syntax). */
export function parseCsvAnswer(type: string, cell: string): unknown {
  const text = cell.trim();
  switch (type) {
    case "single_choice":
    case "multiple_choice":
      return text.toUpperCase().match(/[A-H]/g) ?? [];
    case "true_false":
      return text;
    case "fill_blank":
      return text === "" ? [] : text.split(/[;；]/).map((blank) => splitList(blank, /[|｜]/));
    default:
      return null;
  }
}

export function formatCsvAnswer(question: QuestionInput): string {
  const answer = question.answer;
  switch (question.type) {
    case "single_choice":
    case "multiple_choice":
      return Array.isArray(answer) ? (answer as string[]).join("|") : "";
    case "true_false":
      return answer === true ? "true" : "false";
    case "fill_blank":
      return Array.isArray(answer) ? (answer as string[][]).map((list) => list.join("|")).join(";") : "";
    default:
      return "";
  }
}

type CsvRecord = { line: number; cells: string[] };

function readCsvRecords(text: string): { records: CsvRecord[]; syntaxError: number | null } {
  let syntaxError: number | null = null;
  let lastEndLine = 0;
  const output = parseCsv(text, {
    raw: true,
    info: true,
    bom: true,
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: true,
    skip_records_with_error: true,
    on_record: (record: string[], context: { lines: number }) => {
      lastEndLine = context.lines;
      return record;
    },
    on_skip: (error: { lines?: number; code?: string } | undefined) => {
      const reported = Number(error?.lines);
      syntaxError ??= error?.code === "CSV_QUOTE_NOT_CLOSED" || !reported ? lastEndLine + 1 : reported;
      return undefined;
    },
  }) as unknown as { record: string[]; raw: string; info: { lines: number } }[];
  const records = output.map(({ record, raw, info }) => {
    const innerBreaks = (raw.replace(/^\n+/, "").replace(/\n$/, "").match(/\n/g) ?? []).length;
    return { line: info.lines - innerBreaks, cells: record };
  });
  return { records, syntaxError };
}

export function parseQuestionCsv(text: string): ParsedQuestionFile {
  const { records, syntaxError } = readCsvRecords(text.replace(/\r\n?/g, "\n"));
  const errors: FileRowError[] = [];
  if (syntaxError !== null)
    errors.push({ line: syntaxError, key: null, messages: ["training-banks:errors.csvSyntax"] });
  const [header, ...rows] = records;
  if (!header) return { questions: [], errors: [{ line: 1, key: null, messages: ["training-banks:errors.csvEmpty"] }] };
  const columns = header.cells.map((cell) =>
    cell
      .replace(/^\uFEFF/, "")
      .trim()
      .toLowerCase(),
  );
  const missing = REQUIRED_HEADERS.filter((name) => !columns.includes(name));
  if (missing.length > 0) {
    return { questions: [], errors: [{ line: header.line, key: null, messages: ["training-banks:errors.csvHeader"] }] };
  }
  const file: ParsedQuestionFile = { questions: [], errors };
  for (const row of rows) {
    const cell = (name: string) => {
      const index = columns.indexOf(name.toLowerCase());
      return index >= 0 ? unneutralise(row.cells[index] ?? "").trim() : "";
    };
    if (row.cells.every((value) => value.trim() === "")) continue;
    const type = cell("type");
    const options = OPTION_KEYS.map((key) => ({ key, text: cell(`option_${key}`) })).filter(
      (option) => option.text !== "",
    );
    const raw = {
      key: cell("key"),
      type,
      category: cell("category"),
      difficulty: cell("difficulty") || null,
      competencies: splitList(cell("competencies"), /[|｜]/),
      points: cell("points") || null,
      stem: cell("stem"),
      options,
      answer: parseCsvAnswer(type, cell("answer")),
      scoring: cell("scoring") || null,
      modelAnswer: cell("model_answer"),
      explanation: cell("explanation"),
    };
    const result = validateQuestion(raw);
    if (result.ok) file.questions.push({ line: row.line, value: result.value });
    else file.errors.push({ line: row.line, key: raw.key || null, messages: issueMessages(result.issues) });
  }
  return finish(file);
}

export function questionsToCsv(questions: QuestionInput[]): string {
  return csvDocument(
    CSV_HEADERS,
    questions.map((question) => [
      question.key,
      question.type,
      question.category,
      question.difficulty,
      question.competencies.join("|"),
      question.points,
      question.stem,
      ...OPTION_KEYS.map((key) => question.options.find((option) => option.key === key)?.text ?? ""),
      formatCsvAnswer(question),
      question.type === "multiple_choice" ? question.multipleScoring : "",
      question.modelAnswer ?? "",
      question.explanation ?? "",
    ]),
  );
}

/** Example rows for the downloadable template: one per type. */
export const TEMPLATE_QUESTIONS: QuestionInput[] = [
  {
    key: "asp-001",
    type: "single_choice",
    category: "7天无理由退换货",
    difficulty: "easy",
    competencies: ["政策掌握"],
    points: 2,
    stem: "消费者签收商品后，最迟在多少天内可以申请7天无理由退货？",
    options: [
      { key: "A", text: "3天" },
      { key: "B", text: "7天" },
      { key: "C", text: "15天" },
      { key: "D", text: "30天" },
    ],
    answer: ["B"],
    multipleScoring: "all_or_nothing",
    modelAnswer: null,
    explanation: "依据《消费者权益保护法》第二十五条，自收到商品之日起七日内可无理由退货。",
  },
  {
    key: "asp-002",
    type: "multiple_choice",
    category: "特殊商品",
    difficulty: "medium",
    competencies: ["政策掌握", "风险识别"],
    points: 3,
    stem: "以下哪些商品不适用7天无理由退货？",
    options: [
      { key: "A", text: "消费者定制的商品" },
      { key: "B", text: "鲜活易腐的商品" },
      { key: "C", text: "未拆封的蓝牙耳机" },
      { key: "D", text: "已拆封的音像制品" },
    ],
    answer: ["A", "B", "D"],
    multipleScoring: "partial_with_penalty",
    modelAnswer: null,
    explanation: "定制、鲜活易腐、拆封的音像制品和计算机软件等不适用无理由退货。",
  },
  {
    key: "asp-003",
    type: "true_false",
    category: "运费规则",
    difficulty: "easy",
    competencies: ["政策掌握"],
    points: 1,
    stem: "商品存在质量问题退货时，退回运费由消费者承担。",
    options: [],
    answer: false,
    multipleScoring: "all_or_nothing",
    modelAnswer: null,
    explanation: "质量问题退货的运费由商家承担。",
  },
  {
    key: "asp-004",
    type: "fill_blank",
    category: "7天无理由退换货",
    difficulty: "medium",
    competencies: ["政策掌握"],
    points: 2,
    stem: "7天无理由退货的期限自消费者____商品之日起计算，共____天。",
    options: [],
    answer: [
      ["签收", "收到"],
      ["7", "七"],
    ],
    multipleScoring: "all_or_nothing",
    modelAnswer: null,
    explanation: "期限自签收次日开始计算，共七天。",
  },
  {
    key: "asp-005",
    type: "short_answer",
    category: "保修与维修",
    difficulty: "hard",
    competencies: ["问题解决", "沟通表达"],
    points: 10,
    stem: "顾客购买的空气炸锅使用两个月后无法加热，情绪激动要求退款。请写出你的处理思路和关键话术。",
    options: [],
    answer: null,
    multipleScoring: "all_or_nothing",
    modelAnswer: "先安抚情绪并致歉；核实订单与故障现象；说明在保修期内可免费维修或按三包换货；给出处理时限并跟进。",
    explanation: null,
  },
];
