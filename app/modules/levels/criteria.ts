/**
 * Skill-level rules (pure): evaluating a level's criteria against one person's facts, the next and previous level
 * in a track, the promotion and demotion rules and the progress shown on "what I need for the next level".
 * Rules in full: docs/skill-levels.md.
 */
import { z } from "zod";

export const CRITERION_KINDS = [
  "tenure_months",
  "certificate",
  "qa_average",
  "kpi",
  "feedback_score",
  "no_red_line",
] as const;
export type CriterionKind = (typeof CRITERION_KINDS)[number];
export const TRACKS = ["professional", "management"] as const;
export type Track = (typeof TRACKS)[number];
export type Direction = "higher" | "lower";

export type CriterionSpec = {
  kind: CriterionKind;
  threshold: number | null;
  months: number | null;
  kpiKey: string | null;
  examSlug: string | null;
};

export type LevelRef = { id: string; code: string; track: Track; rank: number; demoteBelow: boolean };

/** What the evaluation knows about one person at the end of the evaluated month. Windows are keyed by months. */
export type PersonFacts = {
  tenureMonths: number | null;
  /** Slugs of exams whose certificate the person holds, valid at the evaluation date. */
  certificates: readonly string[];
  /** Mean submitted regular QA score per window; absent or null = no reviewed conversation in the window. */
  qaAverage: Readonly<Record<number, number | null>>;
  /** Mean monthly KPI value per `kpiKey:months`; the direction comes from the KPI definition. */
  kpi: Readonly<Record<string, { value: number | null; direction: Direction } | undefined>>;
  feedbackScore: number | null;
  /** Red-line (critical-failed) reviews per window; absent = not gathered (no data). */
  redLines: Readonly<Record<number, number>>;
};

export type CriterionResult = CriterionSpec & {
  /** The value the criterion compares: months, 1/0 for a certificate, a score, a KPI value, a count of incidents. */
  actual: number | null;
  /** The KPI's direction (kpi only): "lower" means the actual must be at most the threshold. */
  direction: Direction | null;
  met: boolean;
  /** 0…1, how far the person is toward the threshold (1 when met). */
  progress: number;
};

export type Evaluation = { met: boolean; criteria: CriterionResult[] };

export const kpiFactKey = (kpiKey: string, months: number) => `${kpiKey}:${months}`;

/** Default window for the month-based kinds when a criterion leaves `months` empty. */
export const DEFAULT_MONTHS = 3;
const windowOf = (spec: CriterionSpec) => spec.months ?? DEFAULT_MONTHS;

const clamp01 = (value: number) => Math.min(1, Math.max(0, value));
const ratio = (actual: number, threshold: number) => (threshold <= 0 ? 1 : clamp01(actual / threshold));

/** One criterion against the facts. Missing data never meets a criterion. */
export function evaluateCriterion(spec: CriterionSpec, facts: PersonFacts): CriterionResult {
  const threshold = spec.threshold ?? 0;
  const base = { ...spec, direction: null as Direction | null };
  switch (spec.kind) {
    case "tenure_months": {
      const actual = facts.tenureMonths;
      if (actual === null) return { ...base, actual, met: false, progress: 0 };
      return { ...base, actual, met: actual >= threshold, progress: ratio(actual, threshold) };
    }
    case "certificate": {
      const held = spec.examSlug !== null && facts.certificates.includes(spec.examSlug);
      return { ...base, actual: held ? 1 : 0, met: held, progress: held ? 1 : 0 };
    }
    case "qa_average":
    case "feedback_score": {
      const actual = spec.kind === "qa_average" ? (facts.qaAverage[windowOf(spec)] ?? null) : facts.feedbackScore;
      if (actual === null) return { ...base, actual, met: false, progress: 0 };
      return { ...base, actual, met: actual >= threshold, progress: ratio(actual, threshold) };
    }
    case "kpi": {
      const fact = spec.kpiKey ? facts.kpi[kpiFactKey(spec.kpiKey, windowOf(spec))] : undefined;
      const direction = fact?.direction ?? null;
      const actual = fact?.value ?? null;
      if (actual === null || direction === null) return { ...base, direction, actual: null, met: false, progress: 0 };
      if (direction === "higher") {
        return { ...base, direction, actual, met: actual >= threshold, progress: ratio(actual, threshold) };
      }
      const met = actual <= threshold;
      return { ...base, direction, actual, met, progress: met ? 1 : actual <= 0 ? 0 : clamp01(threshold / actual) };
    }
    case "no_red_line": {
      const actual = facts.redLines[windowOf(spec)];
      if (actual === undefined) return { ...base, actual: null, met: false, progress: 0 };
      return { ...base, actual, met: actual === 0, progress: actual === 0 ? 1 : 0 };
    }
  }
}

/** All criteria of a level; a level without criteria is met by everyone. */
export function evaluateLevel(criteria: readonly CriterionSpec[], facts: PersonFacts): Evaluation {
  const results = criteria.map((spec) => evaluateCriterion(spec, facts));
  return { met: results.every((result) => result.met), criteria: results };
}

export function nextLevel<L extends LevelRef>(levels: readonly L[], current: LevelRef): L | null {
  return levels.find((level) => level.track === current.track && level.rank === current.rank + 1) ?? null;
}

export function previousLevel<L extends LevelRef>(levels: readonly L[], current: LevelRef): L | null {
  return levels.find((level) => level.track === current.track && level.rank === current.rank - 1) ?? null;
}

/** Promotion: the next level in the same track exists and every one of its criteria is met. */
export function promotionTarget<L extends LevelRef>(
  levels: readonly L[],
  current: LevelRef,
  nextEvaluation: Evaluation | null,
): L | null {
  const next = nextLevel(levels, current);
  return next && nextEvaluation?.met ? next : null;
}

/** The criteria a monthly appraisal (月度考核) measures: performance in the month, not tenure or certificates. */
export const MONTHLY_KINDS: readonly CriterionKind[] = ["qa_average", "kpi", "no_red_line"];

/** Failed the monthly appraisal: a monthly criterion with data is not met. Missing data is no evidence of failing. */
export function failedMonthlyAppraisal(evaluation: Evaluation): boolean {
  return evaluation.criteria.some(
    (criterion) => MONTHLY_KINDS.includes(criterion.kind) && criterion.actual !== null && !criterion.met,
  );
}

/**
 * Demotion (月度考核不合格 → 培训或调岗): only for a level marked demoteBelow, and only when the holder failed the
 * monthly appraisal of their own level in the evaluated month and in the month before it. One bad month never
 * demotes anyone, and neither do tenure, an expired certificate or a missing number.
 */
export function demotionTarget<L extends LevelRef>(
  levels: readonly L[],
  current: LevelRef,
  thisMonth: Evaluation,
  previousMonth: Evaluation | null,
): L | null {
  if (!current.demoteBelow || !previousMonth) return null;
  if (!failedMonthlyAppraisal(thisMonth) || !failedMonthlyAppraisal(previousMonth)) return null;
  return previousLevel(levels, current);
}

/** Share of criteria met, for a summary bar. */
export function overallProgress(evaluation: Evaluation): number {
  if (evaluation.criteria.length === 0) return 1;
  return evaluation.criteria.filter((criterion) => criterion.met).length / evaluation.criteria.length;
}

// ── Validation: the ladder file and the manager's edit form ─────────────────────────────────────────────────

const positive = (max: number) => z.number().positive().max(max);

export const CriterionInputSchema = z.discriminatedUnion("kind", [
  z.strictObject({ kind: z.literal("tenure_months"), threshold: z.number().int().min(0).max(600) }),
  z.strictObject({ kind: z.literal("certificate"), examSlug: z.string().trim().min(1).max(100) }),
  z.strictObject({
    kind: z.literal("qa_average"),
    threshold: positive(100),
    months: z.number().int().min(1).max(24),
  }),
  z.strictObject({
    kind: z.literal("kpi"),
    kpiKey: z.string().trim().min(1).max(100),
    threshold: z.number().min(0).max(1_000_000),
    months: z.number().int().min(1).max(24),
  }),
  z.strictObject({ kind: z.literal("feedback_score"), threshold: z.number().min(1).max(5) }),
  z.strictObject({ kind: z.literal("no_red_line"), months: z.number().int().min(1).max(24) }),
]);
export type CriterionInput = z.infer<typeof CriterionInputSchema>;

/** A validated criterion in the shape stored in LevelCriterion. */
export function toSpec(input: CriterionInput): CriterionSpec {
  return {
    kind: input.kind,
    threshold: "threshold" in input ? input.threshold : null,
    months: "months" in input ? input.months : null,
    kpiKey: input.kind === "kpi" ? input.kpiKey : null,
    examSlug: input.kind === "certificate" ? input.examSlug : null,
  };
}

export const LadderLevelSchema = z.strictObject({
  code: z.string().regex(/^[PM][1-9]$/),
  track: z.enum(TRACKS),
  rank: z.number().int().min(1).max(9),
  name: z.string().trim().min(1).max(40),
  nameEn: z.string().trim().min(1).max(80),
  payBand: z.string().trim().min(1).max(60),
  duties: z.string().default(""),
  demoteBelow: z.boolean().default(false),
  criteria: z.array(CriterionInputSchema).max(12).default([]),
});
export type LadderLevel = z.infer<typeof LadderLevelSchema>;

export const LadderFileSchema = z
  .strictObject({ levels: z.array(LadderLevelSchema).min(1) })
  .superRefine((file, context) => {
    const codes = new Set<string>();
    const ranks = new Set<string>();
    file.levels.forEach((level, index) => {
      if (codes.has(level.code))
        context.addIssue({ code: "custom", path: ["levels", index, "code"], message: "duplicate code" });
      codes.add(level.code);
      const rank = `${level.track}:${level.rank}`;
      if (ranks.has(rank))
        context.addIssue({ code: "custom", path: ["levels", index, "rank"], message: "duplicate rank" });
      ranks.add(rank);
    });
  });
