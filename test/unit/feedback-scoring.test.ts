import { describe, expect, it } from "vitest";
import {
  effectiveMinResponses,
  GroupWeightsSchema,
  isGroupVisible,
  MinGroupResponsesSchema,
  orderComments,
  peerCountProblem,
  readGroupWeights,
  scoreSubject,
  trendSeries,
  weightedCompetencyScore,
  type GroupAggregate,
  type GroupWeights,
} from "~/modules/feedback/scoring";

const competencies = [
  { id: "A", weight: 30 },
  { id: "B", weight: 70 },
];
const weights: GroupWeights = { manager: 40, peer: 30, report: 10, qa: 20 };

function aggregate(group: GroupAggregate["group"], responses: number, a: number, b: number): GroupAggregate {
  return { group, responses, totals: { A: { sum: a, count: responses }, B: { sum: b, count: responses } } };
}

const self = aggregate("self", 1, 4, 5); // 4, 5 → (120 + 350) / 100 = 4.7
const manager = aggregate("manager", 1, 3, 4); // 3, 4 → (90 + 280) / 100 = 3.7
const peers3 = aggregate("peer", 3, 12, 9); // 4, 3 → (120 + 210) / 100 = 3.3
const qa1 = aggregate("qa", 1, 5, 5); // one inspector: always below the threshold

describe("effectiveMinResponses and the schema", () => {
  it.each([
    [undefined, 3],
    [null, 3],
    [3, 3],
    [5, 5],
    [2, 2],
    [1, 2],
    [0, 2],
    [-4, 2],
  ])("configured %s → %s", (configured, expected) => {
    expect(effectiveMinResponses(configured as number | null | undefined)).toBe(expected);
  });

  it.each([
    ["3", true],
    ["2", true],
    ["1", false],
    ["0", false],
    ["2.5", false],
    ["abc", false],
  ])("zod accepts %s: %s", (value, ok) => {
    expect(MinGroupResponsesSchema.safeParse(value).success).toBe(ok);
  });
});

describe("isGroupVisible", () => {
  it.each([
    ["self", 1, 3, true],
    ["self", 0, 3, false],
    ["manager", 1, 3, true],
    ["peer", 2, 3, false],
    ["peer", 3, 3, true],
    ["report", 4, 5, false],
    ["report", 5, 5, true],
    ["qa", 1, 3, false],
    ["peer", 1, 1, false], // configured 1 is read as the floor 2
    ["peer", 2, 1, true],
  ] as const)("%s with %i responses, min %i → %s", (group, responses, min, expected) => {
    expect(isGroupVisible(group, responses, min)).toBe(expected);
  });
});

describe("weightedCompetencyScore", () => {
  it.each([
    [{ A: 4, B: 5 }, 4.7],
    [{ A: 3, B: 4 }, 3.7],
    [{ A: 2 }, 2], // only rated competencies count: 30 × 2 / 30
    [{}, null],
  ])("%j → %s", (means, expected) => {
    const score = weightedCompetencyScore(means, competencies);
    if (expected === null) expect(score).toBeNull();
    else expect(score).toBeCloseTo(expected, 10);
  });
});

describe("scoreSubject", () => {
  it("weights the shown groups, leaves self out of the overall and renormalises over shown weights", () => {
    const report = scoreSubject({ competencies, groups: [self, manager, peers3, qa1], weights, minResponses: 3 });
    const byGroup = Object.fromEntries(report.groups.map((group) => [group.group, group]));
    expect(byGroup.self!.score).toBeCloseTo(4.7, 10);
    expect(byGroup.manager!.score).toBeCloseTo(3.7, 10);
    expect(byGroup.peer!.means).toEqual({ A: 4, B: 3 });
    expect(byGroup.peer!.score).toBeCloseTo(3.3, 10);
    expect(byGroup.qa!).toEqual({ group: "qa", responses: 1, visible: false, means: {}, score: null });
    expect(byGroup.report!.visible).toBe(false);
    // (40 × 3.7 + 30 × 3.3) ÷ (40 + 30) = 247 ÷ 70
    expect(report.overall).toBeCloseTo(247 / 70, 10);
    // others = manager + peers pooled: A (3 + 12) ÷ 4 = 3.75, B (4 + 9) ÷ 4 = 3.25
    expect(report.others).toEqual({ A: 3.75, B: 3.25 });
    expect(report.othersScore).toBeCloseTo(3.4, 10);
    expect(report.gap.A).toBeCloseTo(0.25, 10);
    expect(report.gap.B).toBeCloseTo(1.75, 10);
    expect(report.gapScore).toBeCloseTo(1.3, 10);
  });

  it("drops peers with 2 of 3 responses: overall is the manager's alone", () => {
    const peers2 = aggregate("peer", 2, 2, 2);
    const report = scoreSubject({ competencies, groups: [self, manager, peers2], weights, minResponses: 3 });
    expect(report.groups.find((group) => group.group === "peer")).toMatchObject({ visible: false, means: {} });
    expect(report.overall).toBeCloseTo(3.7, 10);
    expect(report.others).toEqual({ A: 3, B: 4 });
  });

  it("cannot be used to infer a hidden group by subtraction: its data changes no figure", () => {
    const peers2low = aggregate("peer", 2, 2, 2);
    const peers2high = aggregate("peer", 2, 10, 10);
    const low = scoreSubject({
      competencies,
      groups: [self, manager, peers3, qa1, { ...peers2low, group: "report" }],
      weights,
      minResponses: 3,
    });
    const high = scoreSubject({
      competencies,
      groups: [
        self,
        manager,
        peers3,
        { ...qa1, totals: { A: { sum: 1, count: 1 }, B: { sum: 1, count: 1 } } },
        { ...peers2high, group: "report" },
      ],
      weights,
      minResponses: 3,
    });
    expect(high.overall).toBe(low.overall);
    expect(high.others).toEqual(low.others);
    expect(high.othersScore).toBe(low.othersScore);
    expect(high.gap).toEqual(low.gap);
    expect(high.groups).toEqual(low.groups);
    expect(high.groups.filter((group) => !group.visible).every((group) => group.score === null)).toBe(true);
  });

  it("self alone gives no overall and no gap", () => {
    const report = scoreSubject({ competencies, groups: [self], weights, minResponses: 3 });
    expect(report.overall).toBeNull();
    expect(report.gapScore).toBeNull();
    expect(report.gap).toEqual({});
  });

  it("a shown group with weight 0 does not enter the overall", () => {
    const report = scoreSubject({
      competencies,
      groups: [manager, peers3],
      weights: { manager: 0, peer: 100, report: 0, qa: 0 },
      minResponses: 3,
    });
    expect(report.overall).toBeCloseTo(3.3, 10);
  });

  it("shows direct reports with a lowered threshold of 2", () => {
    const reports = aggregate("report", 2, 10, 6); // 5, 3 → (150 + 210) / 100 = 3.6
    const report = scoreSubject({ competencies, groups: [manager, reports], weights, minResponses: 2 });
    // (40 × 3.7 + 10 × 3.6) ÷ 50 = 184 ÷ 50
    expect(report.overall).toBeCloseTo(3.68, 10);
  });
});

describe("GroupWeightsSchema", () => {
  it.each([
    [{ manager: "40", peer: "30", report: "10", qa: "20" }, true],
    [{ manager: "50", peer: "50", report: "0", qa: "0" }, true],
    [{ manager: "40", peer: "30", report: "10", qa: "10" }, false],
    [{ manager: "-10", peer: "60", report: "30", qa: "20" }, false],
    [{ manager: "x", peer: "30", report: "10", qa: "20" }, false],
  ])("%j → %s", (value, ok) => {
    expect(GroupWeightsSchema.safeParse(value).success).toBe(ok);
  });

  it("reads stored weights leniently", () => {
    expect(readGroupWeights({ manager: 50, peer: 50, self: 10 })).toEqual({ manager: 50, peer: 50, report: 0, qa: 0 });
    expect(readGroupWeights({ manager: -1, peer: "a", report: 0, qa: 0 })).toEqual({
      manager: 0,
      peer: 0,
      report: 0,
      qa: 0,
    });
  });
});

describe("trendSeries", () => {
  it("orders by period end and computes the change since the last scored cycle", () => {
    const series = trendSeries([
      { cycleId: "c3", name: "Q3", periodEnd: "2026-09-30", overall: 4.1 },
      { cycleId: "c1", name: "Q1", periodEnd: "2026-03-31", overall: 3.5 },
      { cycleId: "c2", name: "Q2", periodEnd: "2026-06-30", overall: null },
    ]);
    expect(series.map((point) => point.cycleId)).toEqual(["c1", "c2", "c3"]);
    expect(series[0]!.change).toBeNull();
    expect(series[1]!.change).toBeNull();
    expect(series[2]!.change).toBeCloseTo(0.6, 10);
  });
});

describe("orderComments and peer limits", () => {
  it("orders by group then text, whatever the input order", () => {
    const input = [
      { group: "peer" as const, text: "乙" },
      { group: "manager" as const, text: "丙" },
      { group: "peer" as const, text: "甲" },
    ];
    const expected = orderComments(input).map((comment) => comment.text);
    expect(orderComments([...input].reverse()).map((comment) => comment.text)).toEqual(expected);
    expect(expected[0]).toBe("丙");
  });

  it.each([
    [2, 3, 5, "feedback:errors.tooFewPeers"],
    [3, 3, 5, null],
    [5, 3, 5, null],
    [6, 3, 5, "feedback:errors.tooManyPeers"],
  ])("%i peers within %i…%i → %s", (count, min, max, expected) => {
    expect(peerCountProblem(count, min, max)).toBe(expected);
  });
});
