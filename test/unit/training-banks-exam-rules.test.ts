import { describe, expect, it } from "vitest";
import {
  analyseExamItems,
  ExamSettingsSchema,
  instantToLocalDateTime,
  localDateTimeToInstant,
  type Atom,
  type FixedInfo,
} from "~/modules/training/exams/authoring";

const atom = (category: string, difficulty: string, size: number, minPoints = 1, maxPoints = 1): Atom => ({
  bankId: "bank",
  category,
  difficulty,
  size,
  minPoints,
  maxPoints,
});
// 运费规则: 3 easy, 4 medium; 特殊商品: 2 easy.
const atoms = [atom("运费规则", "easy", 3, 1, 2), atom("运费规则", "medium", 4, 2, 2), atom("特殊商品", "easy", 2)];
const fixed: FixedInfo[] = [
  { questionId: "f1", bankId: "bank", category: "运费规则", difficulty: "easy", active: true, points: 5 },
  { questionId: "old", bankId: "bank", category: "特殊商品", difficulty: "easy", active: false, points: 1 },
];
const draw = (category: string | null, difficulty: string | null, count: number, points: number | null = null) => ({
  kind: "draw" as const,
  bankId: "bank",
  category,
  difficulty,
  count,
  points,
});

describe("analyseExamItems", () => {
  it("takes fixed questions out of pools and subtracts earlier overlapping draws (worst case)", () => {
    const analysis = analyseExamItems(
      [{ kind: "question", questionId: "f1", points: null }, draw("运费规则", "easy", 2), draw("运费规则", null, 5)],
      atoms,
      fixed,
    );
    // Easy pool 3 − fixed 1 = 2 → satisfiable. Whole category pool 7 − 1 = 6, minus min(2, overlap 2) = 4 < 5.
    expect(analysis.items[1]).toMatchObject({ pool: 2, available: 2, satisfiable: true, minPoints: 1, maxPoints: 2 });
    expect(analysis.items[2]).toMatchObject({ pool: 6, available: 4, satisfiable: false });
    expect(analysis.problems).toEqual([
      { message: "training-exams:problems.drawShort", params: { position: 3, count: 5, available: 4 } },
    ]);
    expect(analysis.questionCount).toBe(8);
    // 5 (fixed) + 2 × [1, 2] + 5 × [1, 2]
    expect([analysis.minTotalPoints, analysis.maxTotalPoints]).toEqual([12, 19]);
  });

  it("does not subtract draws over disjoint pools, and uses the points override", () => {
    const analysis = analyseExamItems([draw("运费规则", "medium", 4, 3), draw("特殊商品", null, 2)], atoms, fixed);
    expect(analysis.problems).toEqual([]);
    expect(analysis.items.map((item) => (item.kind === "draw" ? item.available : null))).toEqual([4, 2]);
    expect([analysis.minTotalPoints, analysis.maxTotalPoints]).toEqual([14, 14]);
  });

  it("reports empty exams, retired, missing and duplicate fixed questions", () => {
    expect(analyseExamItems([], atoms, fixed).problems).toEqual([{ message: "training-exams:problems.noItems" }]);
    const analysis = analyseExamItems(
      [
        { kind: "question", questionId: "old", points: null },
        { kind: "question", questionId: "gone", points: null },
        { kind: "question", questionId: "old", points: null },
      ],
      atoms,
      fixed,
    );
    expect(analysis.problems.map((problem) => [problem.message.split(".").pop(), problem.params?.position])).toEqual([
      ["retired", 1],
      ["missing", 2],
      ["retired", 3],
      ["duplicate", 3],
    ]);
  });
});

describe("exam settings", () => {
  const valid = { title: "售后政策专项测验", passPercent: "80", gradingMethod: "latest", reviewMode: "with_answers" };

  it("reads the form: empty limits mean unlimited, checkboxes are on/absent", () => {
    const parsed = ExamSettingsSchema.parse({
      ...valid,
      timeLimitMinutes: "20",
      maxAttempts: "",
      shuffleOptions: "on",
    });
    expect(parsed).toMatchObject({
      timeLimitMinutes: 20,
      maxAttempts: null,
      shuffleOptions: true,
      shuffleQuestions: false,
    });
  });

  it("requires a certificate title, a remediation course and an ordered window", () => {
    const result = ExamSettingsSchema.safeParse({
      ...valid,
      isCertification: "on",
      remediateOnFail: "on",
      availableFrom: "2026-12-01T09:00",
      availableUntil: "2026-12-01T08:00",
    });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.path.join("."))).toEqual([
      "certificateTitle",
      "remediationCourseId",
      "availableUntil",
    ]);
  });

  it("converts window times in the app time zone both ways", () => {
    const instant = localDateTimeToInstant("2026-12-01T09:30", "Asia/Shanghai");
    expect(instant.toISOString()).toBe("2026-12-01T01:30:00.000Z");
    expect(instantToLocalDateTime(instant, "Asia/Shanghai")).toBe("2026-12-01T09:30");
    expect(localDateTimeToInstant("2026-07-01T09:00", "Europe/Berlin").toISOString()).toBe("2026-07-01T07:00:00.000Z");
  });
});
