import { describe, expect, it } from "vitest";
import {
  draftToFields,
  MAX_ELAPSED_PER_SAVE,
  parseStoredDraft,
  readElapsed,
  readReviewForm,
} from "~/modules/qa/reviews/review-form";
import { isFiltered, readReviewFilter, reviewFilterQuery } from "~/modules/qa/reviews/review-filters";
import type { ScoringCriterion } from "~/modules/qa/scoring";

const criteria: ScoringCriterion[] = [
  { id: "a", weight: 1, scale: "binary" },
  { id: "b", weight: 2, scale: "five", allowNa: true },
  { id: "c", weight: 1, scale: "points", maxPoints: 5, bonus: true },
];

const form = (fields: Record<string, string>) => new URLSearchParams(fields);

describe("readReviewForm", () => {
  it("reads ratings, N/A, comments and summary; blank means not rated", () => {
    const result = readReviewForm(
      form({
        "rating:a": "1",
        "rating:b": "na",
        "rating:c": "",
        "comment:a": "  开场问候规范 ",
        "comment:b": "   ",
        summary: " 整体良好 ",
        elapsedSeconds: "42",
      }),
      criteria,
    );
    expect(result.errors).toEqual([]);
    expect(result.draft).toEqual({ ratings: { a: 1, b: null }, comments: { a: "开场问候规范" }, summary: "整体良好" });
    expect(result.elapsedSeconds).toBe(42);
  });

  it.each([
    ["rating:a", "2"],
    ["rating:b", "0"],
    ["rating:b", "2.5"],
    ["rating:c", "6"],
    ["rating:a", "abc"],
  ])("rejects %s = %s as off the scale", (field, value) => {
    const result = readReviewForm(form({ [field]: value }), criteria);
    expect(result.errors).toEqual([{ field: "rating", criterionId: field.slice(7), reason: "outOfScale" }]);
  });

  it("rejects over-long comments and summaries", () => {
    const result = readReviewForm(form({ "comment:a": "字".repeat(2001), summary: "x".repeat(4001) }), criteria);
    expect(result.errors).toEqual([
      { field: "comment", criterionId: "a", reason: "tooLong" },
      { field: "summary", reason: "tooLong" },
    ]);
  });

  it("ignores fields of criteria outside the rubric", () => {
    expect(readReviewForm(form({ "rating:zzz": "1" }), criteria).draft.ratings).toEqual({});
  });

  it("round-trips through draftToFields", () => {
    const draft = { ratings: { a: 0, b: null, c: 5 }, comments: { b: "不适用：未涉及物流" }, summary: "需加强" };
    expect(readReviewForm(form(draftToFields(draft, criteria, 12)), criteria)).toEqual({
      draft,
      elapsedSeconds: 12,
      errors: [],
    });
  });
});

describe("readElapsed", () => {
  it.each([
    ["", 0],
    ["-5", 0],
    ["abc", 0],
    ["30", 30],
    ["30.9", 30],
    ["99999", MAX_ELAPSED_PER_SAVE],
  ])("%s → %i", (raw, expected) => {
    expect(readElapsed(raw)).toBe(expected);
  });
});

describe("parseStoredDraft", () => {
  it("keeps valid entries and drops unknown criteria, off-scale values and disallowed N/A", () => {
    const stored = {
      ratings: { a: null, b: null, c: 9, zzz: 1 },
      comments: { a: "好", zzz: "x", b: 3 },
      summary: "小结",
    };
    expect(parseStoredDraft(stored, criteria)).toEqual({
      ratings: { b: null },
      comments: { a: "好" },
      summary: "小结",
    });
  });

  it.each([null, undefined, "x", 3])("treats %s as an empty draft", (stored) => {
    expect(parseStoredDraft(stored, criteria)).toEqual({ ratings: {}, comments: {}, summary: "" });
  });
});

describe("readReviewFilter", () => {
  const read = (query: string) => readReviewFilter(new URL(`http://x/qa/reviews?${query}`));

  it("reads the drill-down contract", () => {
    expect(
      read(
        "agent=u1&team=t1&inspector=q1&rubric=r1&criterion=greeting&failed=1&critical=1&from=2026-3-1&to=2026-03-31&status=submitted&page=2",
      ),
    ).toEqual({
      agent: "u1",
      team: "t1",
      inspector: "q1",
      rubric: "r1",
      criterion: "greeting",
      failed: true,
      critical: true,
      from: "2026-03-01",
      to: "2026-03-31",
      status: "submitted",
    });
  });

  it("falls back to no filter on bad values", () => {
    const filter = read("failed=yes&from=2026-02-30&status=closed");
    expect(filter).toMatchObject({ failed: false, from: "", status: "" });
    expect(isFiltered(read(""))).toBe(false);
    expect(isFiltered(filter)).toBe(false);
  });

  it("writes a query string without empty values", () => {
    expect(reviewFilterQuery({ agent: "u1", failed: true, critical: false, team: "" })).toBe("agent=u1&failed=1");
  });
});
