import { describe, expect, it } from "vitest";
import { CycleFormSchema } from "~/modules/feedback/cycles";
import { ratingSchema, readDraft } from "~/modules/feedback/rating";
import { readScaleLabels, TemplateFormSchema } from "~/modules/feedback/templates";

const cycle = {
  name: "Q4",
  templateId: "t1",
  periodStart: "2026-10-01",
  periodEnd: "2026-12-31",
  dueDate: "2027-01-10",
  subjects: "teams",
  teamIds: ["team"],
  weights: { manager: "40", peer: "30", report: "10", qa: "20" },
  minGroupResponses: "3",
  peerSelection: "lead",
  minPeers: "3",
  maxPeers: "5",
  allowComments: "on",
};

function issues(value: unknown) {
  const result = CycleFormSchema.safeParse(value);
  return result.success ? [] : result.error.issues.map((issue) => `${issue.path.join(".")}:${issue.message}`);
}

describe("CycleFormSchema", () => {
  it.each([
    [{}, []],
    [{ periodEnd: "2026-09-30" }, ["periodEnd:feedback:errors.periodOrder"]],
    [{ dueDate: "2026-09-01" }, ["dueDate:feedback:errors.dueBeforePeriod"]],
    [{ teamIds: [] }, ["teamIds:feedback:errors.chooseTeams"]],
    [{ subjects: "everyone", teamIds: [] }, []],
    [{ maxPeers: "2" }, ["maxPeers:feedback:errors.peerLimits"]],
    [{ minGroupResponses: "1" }, ["minGroupResponses:feedback:errors.minResponses"]],
    [{ weights: { manager: "50", peer: "30", report: "10", qa: "20" } }, ["weights:feedback:errors.weightsSum"]],
  ])("%j → %j", (overrides, expected) => {
    expect(issues({ ...cycle, ...overrides })).toEqual(expected);
  });

  it("reads unchecked boxes as false", () => {
    const parsed = CycleFormSchema.parse({ ...cycle, allowComments: undefined });
    expect(parsed.allowComments).toBe(false);
    expect(parsed.includeLeads).toBe(false);
  });
});

describe("TemplateFormSchema", () => {
  const competency = { name: "沟通", description: "", weight: "25", scale: ["1", "2", "3", "4", "5"] };
  it.each([
    [[competency], true],
    [[], false],
    [[{ ...competency, weight: "0" }], false],
    [[{ ...competency, scale: ["1", "2", "3", "4"] }], false],
    [[{ ...competency, scale: ["1", "2", "", "4", "5"] }], false],
    [[competency, { ...competency }], false], // duplicate names
  ])("%j → %s", (competencies, ok) => {
    expect(TemplateFormSchema.safeParse({ name: "模板", competencies }).success).toBe(ok);
  });

  it("pads stored scale labels to five", () => {
    expect(readScaleLabels(["a", "b"])).toEqual(["a", "b", "", "", ""]);
    expect(readScaleLabels(null)).toEqual(["", "", "", "", ""]);
  });
});

describe("ratingSchema and drafts", () => {
  const submit = ratingSchema(["c1", "c2"], "submit", true);
  const draft = ratingSchema(["c1", "c2"], "draft", false);
  it.each([
    [submit, { intent: "submit", scores: { c1: "4", c2: "5" } }, true],
    [submit, { intent: "submit", scores: { c1: "4" } }, false],
    [submit, { intent: "submit", scores: { c1: "6", c2: "5" } }, false],
    [submit, { intent: "submit", scores: { c1: "0", c2: "5" } }, false],
    [draft, { intent: "draft", scores: { c1: "3" } }, true],
    [draft, { intent: "draft" }, true],
  ])("%#: %j → %s", (schema, value, ok) => {
    expect(schema.safeParse(value).success).toBe(ok);
  });

  it("drops unknown competencies and ignores comments when comments are off", () => {
    const parsed = draft.parse({ intent: "draft", scores: { c1: "3", other: "5" }, comment: "x" });
    expect(parsed.scores).toEqual({ c1: 3 });
    expect(parsed.comment).toBeUndefined();
  });

  it("reads a stored draft defensively", () => {
    expect(readDraft({ scores: { a: 3, b: 9, c: "2" }, comment: "好" })).toEqual({
      scores: { a: 3, c: 2 },
      comment: "好",
    });
    expect(readDraft(null)).toEqual({ scores: {}, comment: "" });
  });
});
