/**
 * Exam authoring rules, pure: the settings form, the builder's items, whether every draw can always be
 * filled, total points and the reasons an exam cannot be published.
 *
 * Draw availability. The attempt engine (draw.ts) takes fixed questions out of every pool, then runs the draws in
 * item order, each removing what it picked from later pools. A draw is therefore guaranteed to be filled only if,
 * in the worst case, earlier draws took as much as they could from its pool:
 *   available(d) = |pool(d) − fixed| − min(|pool(d) − fixed|, Σ over earlier draws e of min(count(e), |overlap(e, d)|))
 * where pools are the active questions matching the draw's bank, category and difficulty. Pools are counted from
 * (bank, category, difficulty) groups ("atoms", counted in SQL) so no question list is loaded.
 */
import { z } from "zod";

export const GRADING_METHODS = ["highest", "latest"] as const;
export const REVIEW_MODES = ["score_only", "with_answers", "with_explanations"] as const;
export const EXAM_STATUSES = ["draft", "published", "archived"] as const;
export const DIFFICULTY_LEVELS = ["easy", "medium", "hard"] as const;
export const MAX_ITEMS = 200;
export const MAX_DRAW_COUNT = 200;

const checkbox = z
  .union([z.literal("on"), z.literal("true"), z.literal("1"), z.literal("")])
  .optional()
  .transform((value) => value === "on" || value === "true" || value === "1");

function optionalInt(min: number, max: number) {
  return z
    .string()
    .trim()
    .optional()
    .transform((value, context) => {
      if (!value) return null;
      const number = Number(value);
      if (!Number.isInteger(number) || number < min || number > max) {
        context.addIssue({ code: "custom", message: "training-exams:errors.range", params: { min, max } });
        return z.NEVER;
      }
      return number;
    });
}

const LOCAL_DATETIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/;
const optionalLocalDateTime = z
  .string()
  .trim()
  .optional()
  .transform((value, context) => {
    if (!value) return null;
    if (!LOCAL_DATETIME.test(value)) {
      context.addIssue({ code: "custom", message: "training-exams:errors.dateTime" });
      return z.NEVER;
    }
    return value;
  });

export const ExamSettingsSchema = z
  .object({
    title: z.string({ error: "validation:required" }).trim().min(1, "validation:required").max(120),
    description: z.string().trim().max(4000).optional().default(""),
    timeLimitMinutes: optionalInt(1, 600),
    maxAttempts: optionalInt(1, 50),
    passPercent: z.coerce
      .number({ error: "training-exams:errors.passPercent" })
      .gt(0, "training-exams:errors.passPercent")
      .max(100, "training-exams:errors.passPercent"),
    gradingMethod: z.enum(GRADING_METHODS),
    availableFrom: optionalLocalDateTime,
    availableUntil: optionalLocalDateTime,
    shuffleQuestions: checkbox,
    shuffleOptions: checkbox,
    reviewMode: z.enum(REVIEW_MODES),
    isCertification: checkbox,
    certificateTitle: z.string().trim().max(100).optional().default(""),
    certificateValidityMonths: optionalInt(1, 120),
    remediationCourseId: z.string().trim().optional().default(""),
    remediateOnFail: checkbox,
  })
  .superRefine((value, context) => {
    if (value.isCertification && !value.certificateTitle) {
      context.addIssue({
        code: "custom",
        path: ["certificateTitle"],
        message: "training-exams:errors.certificateTitle",
      });
    }
    if (value.remediateOnFail && !value.remediationCourseId) {
      context.addIssue({ code: "custom", path: ["remediationCourseId"], message: "training-exams:errors.remediation" });
    }
    if (value.availableFrom && value.availableUntil && value.availableUntil <= value.availableFrom) {
      context.addIssue({ code: "custom", path: ["availableUntil"], message: "training-exams:errors.window" });
    }
  });
export type ExamSettingsInput = z.infer<typeof ExamSettingsSchema>;

export const ExamSlugSchema = z
  .string({ error: "validation:required" })
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9][a-z0-9-]{1,63}$/, { message: "training-exams:errors.slug" });

const points = z.number().positive().max(1000).nullable();
export const ExamItemDraftSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("question"), questionId: z.string().min(1), points }),
  z.object({
    kind: z.literal("draw"),
    bankId: z.string().min(1),
    category: z.string().trim().max(60).nullable(),
    difficulty: z.enum(DIFFICULTY_LEVELS).nullable(),
    count: z.number().int().min(1).max(MAX_DRAW_COUNT),
    points,
  }),
  z.object({
    kind: z.literal("scenario"),
    scenarioId: z.string().min(1),
    points: z.number().positive().max(1000),
    passPercent: z.number().min(0).max(100),
  }),
]);
export const ExamItemsSchema = z.array(ExamItemDraftSchema).max(MAX_ITEMS);
export type ExamItemDraft = z.infer<typeof ExamItemDraftSchema>;

/** Items from the builder's hidden JSON field; null when the JSON is malformed. */
export function parseItemsField(value: FormDataEntryValue | null): ExamItemDraft[] | null {
  if (typeof value !== "string") return null;
  try {
    const parsed = ExamItemsSchema.safeParse(JSON.parse(value));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

// ---------- draw analysis ----------

/** Active questions of one (bank, category, difficulty) group. */
export type Atom = {
  bankId: string;
  category: string;
  difficulty: string;
  size: number;
  minPoints: number;
  maxPoints: number;
};
export type FixedInfo = {
  questionId: string;
  bankId: string;
  category: string;
  difficulty: string;
  active: boolean;
  points: number;
};
export type DrawSpec = { bankId: string; category: string | null; difficulty: string | null; count: number };

function atomMatches(draw: DrawSpec, atom: { bankId: string; category: string; difficulty: string }) {
  return (
    atom.bankId === draw.bankId &&
    (draw.category === null || atom.category === draw.category) &&
    (draw.difficulty === null || atom.difficulty === draw.difficulty)
  );
}

function poolSize(atoms: Atom[], fixed: FixedInfo[], ...draws: DrawSpec[]) {
  const inAll = (atom: { bankId: string; category: string; difficulty: string }) =>
    draws.every((draw) => atomMatches(draw, atom));
  const total = atoms.filter(inAll).reduce((sum, atom) => sum + atom.size, 0);
  const fixedInPool = new Set(fixed.filter((item) => item.active && inAll(item)).map((item) => item.questionId)).size;
  return Math.max(0, total - fixedInPool);
}

/** A scenario referenced by a role-play item: whether it exists and has a published version to play. */
export type ScenarioInfo = { scenarioId: string; title: string; published: boolean };

export type ItemReport =
  | { position: number; kind: "question"; points: number; duplicate: boolean; retired: boolean; missing: boolean }
  | {
      position: number;
      kind: "scenario";
      points: number;
      passPercent: number;
      duplicate: boolean;
      missing: boolean;
      published: boolean;
    }
  | {
      position: number;
      kind: "draw";
      count: number;
      pool: number;
      available: number;
      satisfiable: boolean;
      minPoints: number;
      maxPoints: number;
    };

export type Problem = { message: string; params?: Record<string, string | number> };

export type ExamAnalysis = {
  items: ItemReport[];
  questionCount: number;
  scenarioCount: number;
  minTotalPoints: number;
  maxTotalPoints: number;
  problems: Problem[];
};

type ItemForAnalysis =
  | { kind: "question"; questionId: string; points: number | null }
  | { kind: "scenario"; scenarioId: string; points: number; passPercent: number }
  | {
      kind: "draw";
      bankId: string;
      category: string | null;
      difficulty: string | null;
      count: number;
      points: number | null;
    };

/** Per item availability and points, totals, and the reasons the item list cannot be published. */
export function analyseExamItems(
  items: ItemForAnalysis[],
  atoms: Atom[],
  fixedInfo: FixedInfo[],
  scenarios: ScenarioInfo[] = [],
): ExamAnalysis {
  const scenarioById = new Map(scenarios.map((info) => [info.scenarioId, info]));
  const seenScenarios = new Set<string>();
  let scenarioCount = 0;
  const fixedById = new Map(fixedInfo.map((info) => [info.questionId, info]));
  const fixedInExam = items.flatMap((item) =>
    item.kind === "question" && fixedById.has(item.questionId) ? [fixedById.get(item.questionId)!] : [],
  );
  const seen = new Set<string>();
  const earlierDraws: DrawSpec[] = [];
  const reports: ItemReport[] = [];
  const problems: Problem[] = [];
  let minTotal = 0;
  let maxTotal = 0;
  let questionCount = 0;
  items.forEach((item, index) => {
    const position = index + 1;
    if (item.kind === "scenario") {
      const info = scenarioById.get(item.scenarioId);
      const duplicate = seenScenarios.has(item.scenarioId);
      seenScenarios.add(item.scenarioId);
      reports.push({
        position,
        kind: "scenario",
        points: item.points,
        passPercent: item.passPercent,
        duplicate,
        missing: !info,
        published: !!info?.published,
      });
      if (!info) problems.push({ message: "roleplay:exam.problems.scenarioMissing", params: { position } });
      else if (!info.published) {
        problems.push({ message: "roleplay:exam.problems.scenarioUnpublished", params: { position } });
      }
      if (duplicate) problems.push({ message: "roleplay:exam.problems.scenarioDuplicate", params: { position } });
      minTotal += item.points;
      maxTotal += item.points;
      scenarioCount += 1;
      return;
    }
    if (item.kind === "question") {
      const info = fixedById.get(item.questionId);
      const duplicate = seen.has(item.questionId);
      seen.add(item.questionId);
      const value = item.points ?? info?.points ?? 0;
      reports.push({
        position,
        kind: "question",
        points: value,
        duplicate,
        retired: !!info && !info.active,
        missing: !info,
      });
      if (!info) problems.push({ message: "training-exams:problems.missing", params: { position } });
      else if (!info.active) problems.push({ message: "training-exams:problems.retired", params: { position } });
      if (duplicate) problems.push({ message: "training-exams:problems.duplicate", params: { position } });
      minTotal += value;
      maxTotal += value;
      questionCount += 1;
      return;
    }
    const draw: DrawSpec = item;
    const pool = poolSize(atoms, fixedInExam, draw);
    const takenEarlier = earlierDraws.reduce(
      (sum, earlier) => sum + Math.min(earlier.count, poolSize(atoms, fixedInExam, earlier, draw)),
      0,
    );
    const available = pool - Math.min(pool, takenEarlier);
    const matching = atoms.filter((atom) => atomMatches(draw, atom) && atom.size > 0);
    const minPoints = item.points ?? (matching.length ? Math.min(...matching.map((atom) => atom.minPoints)) : 0);
    const maxPoints = item.points ?? (matching.length ? Math.max(...matching.map((atom) => atom.maxPoints)) : 0);
    const satisfiable = draw.count <= available;
    reports.push({ position, kind: "draw", count: draw.count, pool, available, satisfiable, minPoints, maxPoints });
    if (!satisfiable) {
      problems.push({
        message: "training-exams:problems.drawShort",
        params: { position, count: draw.count, available },
      });
    }
    earlierDraws.push(draw);
    minTotal += draw.count * minPoints;
    maxTotal += draw.count * maxPoints;
    questionCount += draw.count;
  });
  if (items.length === 0) problems.unshift({ message: "training-exams:problems.noItems" });
  return {
    items: reports,
    questionCount,
    scenarioCount,
    minTotalPoints: round2(minTotal),
    maxTotalPoints: round2(maxTotal),
    problems,
  };
}

function round2(value: number) {
  return Math.round(value * 100) / 100;
}

/** Reasons the exam's settings stop publishing (the items' reasons come from analyseExamItems). */
export function settingsProblems(exam: {
  isCertification: boolean;
  certificateTitle: string | null;
  remediateOnFail: boolean;
  remediationCourseId: string | null;
  availableFrom: Date | null;
  availableUntil: Date | null;
}): Problem[] {
  const problems: Problem[] = [];
  if (exam.isCertification && !exam.certificateTitle)
    problems.push({ message: "training-exams:errors.certificateTitle" });
  if (exam.remediateOnFail && !exam.remediationCourseId)
    problems.push({ message: "training-exams:errors.remediation" });
  if (exam.availableFrom && exam.availableUntil && exam.availableUntil <= exam.availableFrom) {
    problems.push({ message: "training-exams:errors.window" });
  }
  return problems;
}

// ---------- local date-times (availability window in the app time zone) ----------

function zoneParts(instant: Date, timeZone: string) {
  const parts = new Intl.DateTimeFormat("en-CA", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
  }).formatToParts(instant);
  const part = (type: string) => Number(parts.find((entry) => entry.type === type)?.value);
  return { year: part("year"), month: part("month"), day: part("day"), hour: part("hour"), minute: part("minute") };
}

/** "YYYY-MM-DDTHH:mm" wall time in the zone → instant. */
export function localDateTimeToInstant(value: string, timeZone: string): Date {
  const [date, time] = value.split("T") as [string, string];
  const [year, month, day] = date.split("-").map(Number) as [number, number, number];
  const [hour, minute] = time.split(":").map(Number) as [number, number];
  const wall = Date.UTC(year, month - 1, day, hour, minute);
  let guess = wall;
  for (let step = 0; step < 2; step += 1) {
    const seen = zoneParts(new Date(guess), timeZone);
    const seenWall = Date.UTC(seen.year, seen.month - 1, seen.day, seen.hour, seen.minute);
    guess += wall - seenWall;
  }
  return new Date(guess);
}

/** Instant → "YYYY-MM-DDTHH:mm" wall time in the zone (for datetime-local inputs). */
export function instantToLocalDateTime(instant: Date | string | null, timeZone: string): string {
  if (!instant) return "";
  const parts = zoneParts(new Date(instant), timeZone);
  const pad = (number: number) => String(number).padStart(2, "0");
  return `${parts.year}-${pad(parts.month)}-${pad(parts.day)}T${pad(parts.hour)}:${pad(parts.minute)}`;
}
