import { describe, expect, it } from "vitest";
import {
  demotionTarget,
  evaluateCriterion,
  evaluateLevel,
  failedMonthlyAppraisal,
  kpiFactKey,
  nextLevel,
  overallProgress,
  previousLevel,
  promotionTarget,
  type CriterionSpec,
  type LevelRef,
  type PersonFacts,
} from "~/modules/levels/criteria";
import { LevelEditSchema } from "~/modules/levels/level-form";

const spec = (partial: Partial<CriterionSpec> & Pick<CriterionSpec, "kind">): CriterionSpec => ({
  threshold: null,
  months: null,
  kpiKey: null,
  examSlug: null,
  ...partial,
});

const facts = (partial: Partial<PersonFacts> = {}): PersonFacts => ({
  tenureMonths: 14,
  certificates: ["onboarding-final"],
  qaAverage: { 3: 86.5, 6: 84 },
  kpi: {
    [kpiFactKey("csat", 3)]: { value: 91.2, direction: "higher" },
    [kpiFactKey("frt", 3)]: { value: 40, direction: "lower" },
    [kpiFactKey("slow", 3)]: { value: 50, direction: "lower" },
    [kpiFactKey("empty", 3)]: { value: null, direction: "higher" },
  },
  feedbackScore: 3.6,
  redLines: { 3: 0, 12: 2 },
  ...partial,
});

describe("evaluateCriterion", () => {
  const cases: {
    name: string;
    criterion: CriterionSpec;
    facts?: PersonFacts;
    actual: number | null;
    met: boolean;
    progress: number;
  }[] = [
    {
      name: "tenure met",
      criterion: spec({ kind: "tenure_months", threshold: 12 }),
      actual: 14,
      met: true,
      progress: 1,
    },
    {
      name: "tenure short: 14 of 36 months",
      criterion: spec({ kind: "tenure_months", threshold: 36 }),
      actual: 14,
      met: false,
      progress: 14 / 36,
    },
    {
      name: "tenure exactly at the bar",
      criterion: spec({ kind: "tenure_months", threshold: 14 }),
      actual: 14,
      met: true,
      progress: 1,
    },
    {
      name: "no hire date = no data",
      criterion: spec({ kind: "tenure_months", threshold: 3 }),
      facts: facts({ tenureMonths: null }),
      actual: null,
      met: false,
      progress: 0,
    },
    {
      name: "certificate held",
      criterion: spec({ kind: "certificate", examSlug: "onboarding-final" }),
      actual: 1,
      met: true,
      progress: 1,
    },
    {
      name: "certificate missing",
      criterion: spec({ kind: "certificate", examSlug: "complaint-certification" }),
      actual: 0,
      met: false,
      progress: 0,
    },
    {
      name: "QA 86.5 ≥ 85 over 3 months",
      criterion: spec({ kind: "qa_average", threshold: 85, months: 3 }),
      actual: 86.5,
      met: true,
      progress: 1,
    },
    {
      name: "QA 84 < 88 over 6 months",
      criterion: spec({ kind: "qa_average", threshold: 88, months: 6 }),
      actual: 84,
      met: false,
      progress: 84 / 88,
    },
    {
      name: "QA window not gathered = no data",
      criterion: spec({ kind: "qa_average", threshold: 80, months: 12 }),
      actual: null,
      met: false,
      progress: 0,
    },
    {
      name: "QA months default to 3",
      criterion: spec({ kind: "qa_average", threshold: 80 }),
      actual: 86.5,
      met: true,
      progress: 1,
    },
    {
      name: "KPI higher: 91.2 ≥ 90",
      criterion: spec({ kind: "kpi", kpiKey: "csat", threshold: 90, months: 3 }),
      actual: 91.2,
      met: true,
      progress: 1,
    },
    {
      name: "KPI higher: 91.2 < 95",
      criterion: spec({ kind: "kpi", kpiKey: "csat", threshold: 95, months: 3 }),
      actual: 91.2,
      met: false,
      progress: 91.2 / 95,
    },
    {
      name: "KPI lower: 40 s ≤ 45 s",
      criterion: spec({ kind: "kpi", kpiKey: "frt", threshold: 45, months: 3 }),
      actual: 40,
      met: true,
      progress: 1,
    },
    {
      name: "KPI lower: 50 s > 40 s",
      criterion: spec({ kind: "kpi", kpiKey: "slow", threshold: 40, months: 3 }),
      actual: 50,
      met: false,
      progress: 0.8,
    },
    {
      name: "KPI without snapshots",
      criterion: spec({ kind: "kpi", kpiKey: "empty", threshold: 1, months: 3 }),
      actual: null,
      met: false,
      progress: 0,
    },
    {
      name: "KPI unknown definition",
      criterion: spec({ kind: "kpi", kpiKey: "nope", threshold: 1, months: 3 }),
      actual: null,
      met: false,
      progress: 0,
    },
    {
      name: "360: 3.6 < 3.8",
      criterion: spec({ kind: "feedback_score", threshold: 3.8 }),
      actual: 3.6,
      met: false,
      progress: 3.6 / 3.8,
    },
    {
      name: "360 no closed cycle",
      criterion: spec({ kind: "feedback_score", threshold: 3 }),
      facts: facts({ feedbackScore: null }),
      actual: null,
      met: false,
      progress: 0,
    },
    {
      name: "no red line in 3 months",
      criterion: spec({ kind: "no_red_line", months: 3 }),
      actual: 0,
      met: true,
      progress: 1,
    },
    {
      name: "2 red lines in 12 months",
      criterion: spec({ kind: "no_red_line", months: 12 }),
      actual: 2,
      met: false,
      progress: 0,
    },
    {
      name: "red-line window not gathered",
      criterion: spec({ kind: "no_red_line", months: 6 }),
      actual: null,
      met: false,
      progress: 0,
    },
  ];
  it.each(cases)("$name", ({ criterion, facts: given, actual, met, progress }) => {
    const result = evaluateCriterion(criterion, given ?? facts());
    expect(result.actual).toBe(actual);
    expect(result.met).toBe(met);
    expect(result.progress).toBeCloseTo(progress, 10);
  });

  it("carries the KPI direction for the evidence", () => {
    expect(evaluateCriterion(spec({ kind: "kpi", kpiKey: "frt", threshold: 45, months: 3 }), facts()).direction).toBe(
      "lower",
    );
  });
});

describe("evaluateLevel", () => {
  const p3 = [
    spec({ kind: "tenure_months", threshold: 12 }),
    spec({ kind: "certificate", examSlug: "onboarding-final" }),
    spec({ kind: "qa_average", threshold: 85, months: 3 }),
    spec({ kind: "kpi", kpiKey: "csat", threshold: 90, months: 3 }),
    spec({ kind: "no_red_line", months: 3 }),
  ];
  it("is met when every criterion is met", () => {
    const evaluation = evaluateLevel(p3, facts());
    expect(evaluation.met).toBe(true);
    expect(evaluation.criteria.map((criterion) => criterion.met)).toEqual([true, true, true, true, true]);
    expect(overallProgress(evaluation)).toBe(1);
  });
  it("is not met when one criterion fails; progress counts the met share", () => {
    const evaluation = evaluateLevel(p3, facts({ qaAverage: { 3: 70 } }));
    expect(evaluation.met).toBe(false);
    expect(overallProgress(evaluation)).toBe(4 / 5);
  });
  it("a level without criteria is met by everyone", () => {
    expect(evaluateLevel([], facts()).met).toBe(true);
  });
});

const ladder: LevelRef[] = [
  { id: "p1", code: "P1", track: "professional", rank: 1, demoteBelow: false },
  { id: "p2", code: "P2", track: "professional", rank: 2, demoteBelow: true },
  { id: "p3", code: "P3", track: "professional", rank: 3, demoteBelow: true },
  { id: "p5", code: "P5", track: "professional", rank: 4, demoteBelow: false },
  { id: "m1", code: "M1", track: "management", rank: 1, demoteBelow: false },
];
const byCode = (code: string) => ladder.find((level) => level.code === code)!;
const met = { met: true, criteria: [] };
const failed = { met: false, criteria: [] };
const result = (kind: CriterionSpec["kind"], actual: number | null, ok: boolean) => ({
  ...spec({ kind, threshold: 80, months: 3 }),
  actual,
  direction: null,
  met: ok,
  progress: ok ? 1 : 0,
});
/** Failed the monthly appraisal: QA 72 against 80. */
const poorQa = { met: false, criteria: [result("tenure_months", 30, true), result("qa_average", 72, false)] };

describe("ladder navigation", () => {
  it.each([
    ["P1", "P2"],
    ["P3", "P5"],
    ["P5", null],
    ["M1", null],
  ])("next of %s is %s (same track only)", (code, next) => {
    expect(nextLevel(ladder, byCode(code))?.code ?? null).toBe(next);
  });
  it.each([
    ["P2", "P1"],
    ["P1", null],
    ["M1", null],
  ])("previous of %s is %s", (code, previous) => {
    expect(previousLevel(ladder, byCode(code))?.code ?? null).toBe(previous);
  });
});

describe("promotion rule", () => {
  it.each([
    { from: "P1", next: met, expected: "P2" },
    { from: "P1", next: failed, expected: null },
    { from: "P5", next: null, expected: null },
  ])("$from with next level met=$next.met → $expected", ({ from, next, expected }) => {
    expect(promotionTarget(ladder, byCode(from), next)?.code ?? null).toBe(expected);
  });
});

describe("demotion rule: two failed monthly appraisals in a row, only where configured", () => {
  const noQaData = { met: false, criteria: [result("qa_average", null, false)] };
  const noCertificate = { met: false, criteria: [result("certificate", 0, false), result("qa_average", 90, true)] };
  const redLine = { met: false, criteria: [result("no_red_line", 1, false)] };
  it.each([
    { level: "P3", thisMonth: poorQa, previous: poorQa, expected: "P2", why: "failed twice" },
    { level: "P3", thisMonth: redLine, previous: poorQa, expected: "P2", why: "red line after a poor month" },
    { level: "P3", thisMonth: poorQa, previous: met, expected: null, why: "first bad month" },
    { level: "P3", thisMonth: met, previous: poorQa, expected: null, why: "recovered" },
    { level: "P3", thisMonth: poorQa, previous: null, expected: null, why: "no previous evaluation" },
    { level: "P3", thisMonth: noQaData, previous: noQaData, expected: null, why: "missing data is no evidence" },
    {
      level: "P3",
      thisMonth: noCertificate,
      previous: noCertificate,
      expected: null,
      why: "certificates are not monthly",
    },
    { level: "P5", thisMonth: poorQa, previous: poorQa, expected: null, why: "level not marked demoteBelow" },
    { level: "P1", thisMonth: poorQa, previous: poorQa, expected: null, why: "entry level" },
  ])("$level: $why → $expected", ({ level, thisMonth, previous, expected }) => {
    expect(demotionTarget(ladder, byCode(level), thisMonth, previous)?.code ?? null).toBe(expected);
  });
  it("a P2 holder failing twice goes back to P1", () => {
    expect(demotionTarget(ladder, byCode("P2"), poorQa, poorQa)?.code).toBe("P1");
  });
  it("failedMonthlyAppraisal looks only at monthly criteria with data", () => {
    expect(failedMonthlyAppraisal(poorQa)).toBe(true);
    expect(failedMonthlyAppraisal(noQaData)).toBe(false);
    expect(failedMonthlyAppraisal(failed)).toBe(false);
  });
});

describe("level edit form", () => {
  const base = { name: "中级客服", nameEn: "Intermediate Agent", payBand: "¥6,500–9,000/月", duties: "- 处理投诉" };
  it("keeps only the fields each kind uses", () => {
    const parsed = LevelEditSchema.safeParse({
      ...base,
      criteria: [
        { kind: "tenure_months", threshold: 12, months: 5, kpiKey: "csat" },
        { kind: "kpi", kpiKey: "csat", threshold: 90, months: 3 },
      ],
    });
    expect(parsed.success).toBe(true);
    expect(parsed.data?.criteria).toEqual([
      { kind: "tenure_months", threshold: 12, months: null, kpiKey: null, examSlug: null },
      { kind: "kpi", threshold: 90, months: 3, kpiKey: "csat", examSlug: null },
    ]);
    expect(parsed.data?.demoteBelow).toBe(false);
  });
  it.each([
    [{ kind: "qa_average", threshold: 120, months: 3 }, "criteria.0.threshold", "levels:errors.range.qa_average"],
    [{ kind: "qa_average", threshold: 80 }, "criteria.0.months", "validation:required"],
    [{ kind: "feedback_score", threshold: 6 }, "criteria.0.threshold", "levels:errors.range.feedback_score"],
    [{ kind: "no_red_line", months: 30 }, "criteria.0.months", "levels:errors.months"],
    [{ kind: "certificate" }, "criteria.0.examSlug", "validation:required"],
    [{ kind: "kpi", threshold: 90, months: 3 }, "criteria.0.kpiKey", "validation:required"],
  ])("rejects %j", (criterion, path, message) => {
    const parsed = LevelEditSchema.safeParse({ ...base, criteria: [criterion] });
    expect(parsed.success).toBe(false);
    const issue = parsed.error?.issues.find((entry) => entry.path.join(".") === path);
    expect(issue?.message).toBe(message);
  });
});
