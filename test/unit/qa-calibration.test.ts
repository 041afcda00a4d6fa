import { describe, expect, it } from "vitest";
import { calibrationResults } from "~/modules/qa/calibration/results";
import {
  calibrationSessionSchema,
  parseLocalDateTime,
  splitExternalIds,
  toLocalDateTimeInput,
} from "~/modules/qa/calibration/schema";

describe("splitExternalIds", () => {
  it.each([
    ["", []],
    ["C1\nC2\r\nC3", ["C1", "C2", "C3"]],
    ["C1, C2，C3、C4 C5;C1", ["C1", "C2", "C3", "C4", "C5"]],
  ])("%j", (text, ids) => {
    expect(splitExternalIds(text)).toEqual(ids);
  });
});

describe("local date-times in the organisation's time zone", () => {
  it.each([
    ["2026-11-20T18:00", "Asia/Shanghai", "2026-11-20T10:00:00.000Z"],
    ["2026-11-20T00:30", "Asia/Shanghai", "2026-11-19T16:30:00.000Z"],
    ["2026-07-01T12:00", "Europe/Berlin", "2026-07-01T10:00:00.000Z"],
    ["2026-01-15T12:00", "Europe/Berlin", "2026-01-15T11:00:00.000Z"],
  ])("%s in %s is %s", (value, timeZone, iso) => {
    expect(parseLocalDateTime(value, timeZone)?.toISOString()).toBe(iso);
    expect(toLocalDateTimeInput(new Date(iso), timeZone)).toBe(value);
  });

  it.each(["", "2026-02-30T10:00", "2026-11-20", "2026-11-20T25:00", "tomorrow"])("rejects %j", (value) => {
    expect(parseLocalDateTime(value, "Asia/Shanghai")).toBeNull();
  });
});

describe("calibrationSessionSchema", () => {
  const schema = calibrationSessionSchema({ timeZone: "Asia/Shanghai", now: () => new Date("2026-11-20T02:00:00Z") });
  const valid = {
    title: "校准",
    rubricId: "r1",
    conversationId: ["c1"],
    externalIds: "",
    participantId: ["u1", "u2"],
    benchmarkId: "u1",
    deadline: "2026-11-21T18:00",
  };

  it("accepts a complete form", () => {
    expect(schema.safeParse(valid).success).toBe(true);
    expect(schema.safeParse({ ...valid, conversationId: [], externalIds: "C-9" }).success).toBe(true);
  });

  it.each([
    [{ conversationId: [], externalIds: " " }, "externalIds", "qa-calibration:errors.conversationsRequired"],
    [{ participantId: ["u1"] }, "participantId", "qa-calibration:errors.participantsMin"],
    [{ benchmarkId: "u3" }, "benchmarkId", "qa-calibration:errors.benchmarkNotParticipant"],
    // 10:00 Shanghai = 02:00 UTC: "now" is not in the future.
    [{ deadline: "2026-11-20T10:00" }, "deadline", "qa-calibration:errors.deadlinePast"],
    [{ deadline: "2026-13-01T10:00" }, "deadline", "qa-calibration:errors.deadlineInvalid"],
  ])("%j → %s", (override, path, message) => {
    const result = schema.safeParse({ ...valid, ...override });
    expect(result.success).toBe(false);
    expect(result.error?.issues.find((issue) => issue.path[0] === path)?.message).toBe(message);
  });
});

describe("calibrationResults", () => {
  const criteria = [
    { id: "g", key: "greeting", name: "问候", weight: 1, scale: "binary" as const, maxPoints: null },
    { id: "p", key: "bonus", name: "加分", weight: 1, scale: "points" as const, maxPoints: 10 },
  ];
  const results = calibrationResults({
    criteria,
    conversations: [
      { id: "c1", externalId: "C1" },
      { id: "c2", externalId: "C2" },
    ],
    raters: [
      { id: "i1", name: "甲", externalId: "Q002" },
      { id: "b", name: "主管", externalId: "Q001" },
      { id: "i2", name: "乙", externalId: "Q003" },
    ],
    benchmarkId: "b",
    reviews: [
      { conversationId: "c1", inspectorId: "b", score: 90, values: { g: 1, p: 8 } },
      { conversationId: "c1", inspectorId: "i1", score: 100, values: { g: 1, p: 10 } },
      { conversationId: "c1", inspectorId: "i2", score: 60, values: { g: 0, p: null } },
      { conversationId: "c2", inspectorId: "b", score: 50, values: { g: 0, p: 4 } },
      { conversationId: "c2", inspectorId: "i1", score: 70, values: { g: 1, p: 4 } },
      // i2 did not submit c2: a missing value, not a zero.
    ],
  });

  it("puts the benchmark first and keeps missing apart from N/A", () => {
    expect(results.raters.map((rater) => [rater.id, rater.isBenchmark])).toEqual([
      ["b", true],
      ["i1", false],
      ["i2", false],
    ]);
    expect(results.conversations[0]!.criteria[1]!.cells).toEqual([8, 10, "na"]);
    expect(results.conversations[1]!.criteria[0]!.cells).toEqual([0, 1, null]);
    expect(results.conversations[1]!.scores).toEqual([50, 70, null]);
  });

  it("computes spread over the values given", () => {
    // 8 and 10: mean 9, population SD 1.
    expect(results.conversations[0]!.criteria[1]!.spread).toEqual({ min: 8, max: 10, sd: 1 });
    expect(results.conversations[1]!.scoreSpread).toEqual({ min: 50, max: 70, sd: 10 });
  });

  it("computes alignment and leniency per inspector", () => {
    const [i1, i2] = results.inspectors;
    // i1: c1 (1 + (1 − 2/10)) / 2 = 0.9; c2 (0 + 1) / 2 = 0.5 → 0.7; leniency (10 + 20) / 2 = 15.
    expect(i1!.perConversation).toEqual([0.9, 0.5]);
    expect(i1!.alignment).toBeCloseTo(0.7, 12);
    expect(i1!.leniency).toBe(15);
    // i2: c1 greeting only (bonus N/A) → 0; c2 missing → null; leniency −30.
    expect(i2).toMatchObject({ perConversation: [0, null], alignment: 0, leniency: -30, differences: [-30, null] });
  });

  it("uses the scale's level and reports undefined alpha as null", () => {
    expect(results.criteria.map((criterion) => [criterion.key, criterion.level])).toEqual([
      ["greeting", "nominal"],
      ["bonus", "interval"],
    ]);
    expect(typeof results.scoreAlpha).toBe("number");
    const agreeing = calibrationResults({
      criteria,
      conversations: [{ id: "c1", externalId: "C1" }],
      raters: [
        { id: "b", name: "主管", externalId: "Q001" },
        { id: "i1", name: "甲", externalId: "Q002" },
      ],
      benchmarkId: "b",
      reviews: [
        { conversationId: "c1", inspectorId: "b", score: 100, values: { g: 1, p: 10 } },
        { conversationId: "c1", inspectorId: "i1", score: 100, values: { g: 1, p: 10 } },
      ],
    });
    expect(agreeing.criteria.map((criterion) => criterion.alpha)).toEqual([null, null]);
    expect(agreeing.scoreAlpha).toBeNull();
    expect(agreeing.inspectors[0]!.alignment).toBe(1);
  });
});
