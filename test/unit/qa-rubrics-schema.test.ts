import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parse as parseYaml } from "yaml";
import {
  addCriterion,
  draftFromDefinition,
  draftToInput,
  moveCriterion,
  updateCriterionAt,
} from "~/components/qa/rubric-builder/builder-state";
import {
  assignCriterionKeys,
  canChangeStatus,
  ContentRubricSchema,
  parseDefinitionField,
  sameVersionContent,
  validateDefinition,
  versionContent,
  type RubricDefinitionInput,
} from "~/modules/qa/rubrics/rubric-schema";

type CriterionInput = RubricDefinitionInput["sections"][number]["criteria"][number];

const criterion = (overrides: Partial<CriterionInput> = {}): CriterionInput => ({
  key: "greeting",
  name: "开场问候",
  weight: 1,
  scale: "binary",
  ...overrides,
});

const definition = (overrides: Partial<RubricDefinitionInput> = {}): RubricDefinitionInput => ({
  name: "在线客服质检表",
  passMark: 80,
  channels: ["chat"],
  sections: [{ name: "服务规范", criteria: [criterion()] }],
  ...overrides,
});

const withCriteria = (...criteria: CriterionInput[]) => definition({ sections: [{ name: "服务规范", criteria }] });

function errorsOf(input: unknown) {
  const result = validateDefinition(input);
  if (result.ok) throw new Error("expected the definition to be invalid");
  return result.errors;
}

describe("rubric definition schema", () => {
  it("accepts a minimal rubric and fills defaults", () => {
    const result = validateDefinition({
      name: " 质检表 ",
      sections: [{ name: "分组", criteria: [{ name: "态度", scale: "five" }] }],
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value).toMatchObject({ name: "质检表", description: null, passMark: 80, channels: [] });
    expect(result.value.sections[0]!.criteria[0]).toEqual({
      key: null,
      name: "态度",
      description: null,
      guidance: null,
      weight: 1,
      scale: "five",
      maxPoints: null,
      allowNa: false,
      critical: false,
      bonus: false,
      competency: null,
      articleId: null,
      article: null,
    });
  });

  it("reads form-style strings: numbers, flags and blanks", () => {
    const result = validateDefinition(
      withCriteria(
        criterion({ weight: "2.5", allowNa: "true", competency: "", description: "  " }),
        criterion({ key: "pts", scale: "points", maxPoints: "10" } as Partial<CriterionInput>),
      ),
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.sections[0]!.criteria[0]).toMatchObject({
      weight: 2.5,
      allowNa: true,
      competency: null,
      description: null,
    });
    expect(result.value.sections[0]!.criteria[1]).toMatchObject({ maxPoints: 10 });
  });

  it.each([
    {
      name: "no sections",
      input: definition({ sections: [] }),
      path: "sections",
      error: "qa-rubrics:errors.needsSection",
    },
    {
      name: "a section without criteria",
      input: definition({ sections: [{ name: "空分组", criteria: [] }] }),
      path: "sections.0.criteria",
      error: "qa-rubrics:errors.sectionNeedsCriterion",
    },
    {
      name: "only bonus criteria",
      input: withCriteria(criterion({ bonus: true, maxPoints: 3 })),
      path: "sections",
      error: "qa-rubrics:errors.needsScoredCriterion",
    },
    {
      name: "duplicate keys (reported on the second)",
      input: definition({
        sections: [
          { name: "一", criteria: [criterion({ key: "same" })] },
          { name: "二", criteria: [criterion({ key: "same" })] },
        ],
      }),
      path: "sections.1.criteria.0.key",
      error: "qa-rubrics:errors.keyTaken",
    },
    {
      name: "critical and bonus at once",
      input: withCriteria(criterion({ key: "a" }), criterion({ key: "b", critical: true, bonus: true, maxPoints: 2 })),
      path: "sections.0.criteria.1.critical",
      error: "qa-rubrics:errors.criticalBonus",
    },
    {
      name: "a points scale without maxPoints",
      input: withCriteria(criterion({ scale: "points" })),
      path: "sections.0.criteria.0.maxPoints",
      error: "qa-rubrics:errors.maxPointsForPoints",
    },
    {
      name: "a bonus without maxPoints",
      input: withCriteria(criterion({ key: "a" }), criterion({ key: "b", bonus: true })),
      path: "sections.0.criteria.1.maxPoints",
      error: "qa-rubrics:errors.maxPointsForBonus",
    },
    {
      name: "maxPoints above 100",
      input: withCriteria(criterion({ scale: "points", maxPoints: 101 })),
      path: "sections.0.criteria.0.maxPoints",
      error: "qa-rubrics:errors.maxPointsRange",
    },
    {
      name: "fractional maxPoints",
      input: withCriteria(criterion({ scale: "points", maxPoints: 2.5 })),
      path: "sections.0.criteria.0.maxPoints",
      error: "qa-rubrics:errors.maxPointsRange",
    },
    {
      name: "weight 0",
      input: withCriteria(criterion({ weight: 0 })),
      path: "sections.0.criteria.0.weight",
      error: "qa-rubrics:errors.weightPositive",
    },
    {
      name: "negative weight",
      input: withCriteria(criterion({ weight: "-1" })),
      path: "sections.0.criteria.0.weight",
      error: "qa-rubrics:errors.weightPositive",
    },
    {
      name: "blank weight",
      input: withCriteria(criterion({ weight: "" })),
      path: "sections.0.criteria.0.weight",
      error: "qa-rubrics:errors.weightPositive",
    },
    {
      name: "text weight",
      input: withCriteria(criterion({ weight: "abc" })),
      path: "sections.0.criteria.0.weight",
      error: "qa-rubrics:errors.weightPositive",
    },
    {
      name: "weight above 100",
      input: withCriteria(criterion({ weight: 101 })),
      path: "sections.0.criteria.0.weight",
      error: "qa-rubrics:errors.weightTooLarge",
    },
    {
      name: "pass mark above 100",
      input: definition({ passMark: 101 }),
      path: "passMark",
      error: "qa-rubrics:errors.passMarkRange",
    },
    {
      name: "negative pass mark",
      input: definition({ passMark: -1 }),
      path: "passMark",
      error: "qa-rubrics:errors.passMarkRange",
    },
    {
      name: "a key with spaces",
      input: withCriteria(criterion({ key: "Bad Key" })),
      path: "sections.0.criteria.0.key",
      error: "qa-rubrics:errors.keyFormat",
    },
    {
      name: "a key starting with a digit",
      input: withCriteria(criterion({ key: "1st" })),
      path: "sections.0.criteria.0.key",
      error: "qa-rubrics:errors.keyFormat",
    },
    {
      name: "a channel twice",
      input: definition({ channels: ["chat", "chat"] }),
      path: "channels",
      error: "qa-rubrics:errors.channelTwice",
    },
    {
      name: "an unknown channel",
      input: { ...definition(), channels: ["fax"] },
      path: "channels.0",
      error: "validation:invalidChoice",
    },
    {
      name: "an unknown scale",
      input: withCriteria({ ...criterion(), scale: "ten" } as unknown as CriterionInput),
      path: "sections.0.criteria.0.scale",
      error: "validation:invalidChoice",
    },
    {
      name: "an unknown competency",
      input: withCriteria(criterion({ competency: "magic" } as Partial<CriterionInput>)),
      path: "sections.0.criteria.0.competency",
      error: "validation:invalidChoice",
    },
    { name: "a blank rubric name", input: definition({ name: "  " }), path: "name", error: "validation:required" },
    {
      name: "a blank section name",
      input: definition({ sections: [{ name: "", criteria: [criterion()] }] }),
      path: "sections.0.name",
      error: "validation:required",
    },
    {
      name: "a blank criterion name",
      input: withCriteria(criterion({ name: "" })),
      path: "sections.0.criteria.0.name",
      error: "validation:required",
    },
    {
      name: "a name that is too long",
      input: definition({ name: "长".repeat(81) }),
      path: "name",
      error: "validation:tooLong",
    },
  ])("refuses $name", ({ input, path, error }) => {
    expect(errorsOf(input)[path]).toContain(error);
  });

  it("allows a red line that may be N/A, and a bonus with N/A", () => {
    const result = validateDefinition(
      withCriteria(
        criterion({ key: "a" }),
        criterion({ key: "red", critical: true, allowNa: true }),
        criterion({ key: "plus", bonus: true, maxPoints: 3, allowNa: true }),
      ),
    );
    expect(result.ok).toBe(true);
  });

  it("refuses malformed posted JSON", () => {
    expect(parseDefinitionField("{not json")).toEqual({ ok: false, errors: { "": ["qa-rubrics:errors.malformed"] } });
    expect(parseDefinitionField(null).ok).toBe(false);
    expect(parseDefinitionField(JSON.stringify(definition())).ok).toBe(true);
  });
});

describe("criterion keys", () => {
  it("keeps existing keys and generates unique ones for new criteria", () => {
    const parsed = validateDefinition(
      withCriteria(criterion({ key: "c-000001" }), criterion({ key: "" }), criterion({ key: undefined })),
    );
    if (!parsed.ok) throw new Error("invalid");
    // A random source that first proposes the taken key, then fresh ones.
    const draws = [1 / 36 ** 6, 2 / 36 ** 6, 3 / 36 ** 6];
    const keyed = assignCriterionKeys(parsed.value, () => draws.shift() ?? 0.5);
    expect(keyed.sections[0]!.criteria.map((entry) => entry.key)).toEqual(["c-000001", "c-000002", "c-000003"]);
  });
});

describe("version content", () => {
  const parse = (input: RubricDefinitionInput) => {
    const result = validateDefinition(input);
    if (!result.ok) throw new Error("invalid");
    return assignCriterionKeys(result.value);
  };

  it("drops maxPoints where it does not apply and orders channels", () => {
    const content = versionContent(
      parse(
        definition({
          channels: ["social", "chat"],
          sections: [{ name: "一", criteria: [criterion({ maxPoints: 7 })] }],
        }),
      ),
    );
    expect(content.channels).toEqual(["chat", "social"]);
    expect(content.sections[0]!.criteria[0]!.maxPoints).toBeNull();
  });

  it("compares equal for the same content and differently for any change", () => {
    const base = versionContent(parse(definition()));
    expect(sameVersionContent(base, versionContent(parse(definition({ name: "改名不影响版本内容" }))))).toBe(true);
    expect(sameVersionContent(base, versionContent(parse(definition({ passMark: 85 }))))).toBe(false);
    expect(sameVersionContent(base, versionContent(parse(withCriteria(criterion({ weight: 2 })))))).toBe(false);
    expect(sameVersionContent(base, versionContent(parse(withCriteria(criterion({ guidance: "通过：…" })))))).toBe(
      false,
    );
  });
});

describe("status transitions", () => {
  it.each([
    ["draft", "active", true],
    ["draft", "archived", true],
    ["active", "archived", true],
    ["archived", "active", true],
    ["active", "draft", false],
    ["archived", "draft", false],
  ] as const)("%s → %s allowed: %s", (from, to, allowed) => {
    expect(canChangeStatus(from, to)).toBe(allowed);
  });
});

describe("builder draft", () => {
  const stored = {
    name: "质检表",
    description: null,
    passMark: 80,
    channels: ["chat"],
    sections: [
      {
        name: "一",
        criteria: [
          {
            key: "a",
            name: "A",
            description: null,
            guidance: null,
            weight: 1,
            scale: "binary" as const,
            maxPoints: null,
            allowNa: false,
            critical: false,
            bonus: false,
            competency: null,
          },
          {
            key: "b",
            name: "B",
            description: null,
            guidance: null,
            weight: 2,
            scale: "five" as const,
            maxPoints: null,
            allowNa: true,
            critical: false,
            bonus: false,
            competency: "empathy",
          },
        ],
      },
      {
        name: "二",
        criteria: [
          {
            key: "c",
            name: "C",
            description: null,
            guidance: null,
            weight: 1,
            scale: "binary" as const,
            maxPoints: null,
            allowNa: false,
            critical: true,
            bonus: false,
            competency: null,
          },
        ],
      },
    ],
  };

  it("round-trips a stored rubric through the schema unchanged", () => {
    const result = validateDefinition(draftToInput(draftFromDefinition(stored)));
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(sameVersionContent(versionContent(assignCriterionKeys(result.value)), versionContent(stored))).toBe(true);
  });

  it("moves a criterion past the end of its section into the next one", () => {
    const draft = moveCriterion(draftFromDefinition(stored), 0, 1, 1);
    expect(draft.sections.map((section) => section.criteria.map((entry) => entry.key))).toEqual([["a"], ["b", "c"]]);
    const back = moveCriterion(draft, 1, 0, -1);
    expect(back.sections.map((section) => section.criteria.map((entry) => entry.key))).toEqual([["a", "b"], ["c"]]);
  });

  it("keeps red line and bonus exclusive while editing", () => {
    const draft = updateCriterionAt(draftFromDefinition(stored), 1, 0, { bonus: true });
    expect(draft.sections[1]!.criteria[0]).toMatchObject({ bonus: true, critical: false });
  });

  it("adds criteria without a key so the server assigns one", () => {
    const draft = addCriterion(draftFromDefinition(stored), 0);
    expect(draft.sections[0]!.criteria[2]).toMatchObject({ key: "", keyLocked: false });
  });
});

describe("content rubrics", () => {
  const dir = path.resolve(import.meta.dirname, "../../content/qa/rubrics");
  const files = readdirSync(dir).filter((name) => name.endsWith(".yaml"));

  it("ships the three seed rubrics", () => {
    expect(files.sort()).toEqual(["chat-general.yaml", "complaint-handling.yaml", "phone-service.yaml"]);
  });

  it.each(files)("%s is a valid rubric with red lines, bonus items and guidance everywhere", (file) => {
    const result = ContentRubricSchema.safeParse(parseYaml(readFileSync(path.join(dir, file), "utf8")));
    if (!result.success) throw new Error(JSON.stringify(result.error.issues));
    const criteria = result.data.sections.flatMap((section) => section.criteria);
    expect(criteria.some((entry) => entry.critical)).toBe(true);
    expect(criteria.some((entry) => entry.bonus)).toBe(true);
    for (const entry of criteria) {
      expect({ key: entry.key, guidance: Boolean(entry.guidance), competency: Boolean(entry.competency) }).toEqual({
        key: entry.key,
        guidance: true,
        competency: true,
      });
    }
  });

  it("refuses a content rubric without explicit keys", () => {
    const result = ContentRubricSchema.safeParse(
      definition({ sections: [{ name: "一", criteria: [criterion({ key: undefined })] }] }),
    );
    expect(result.success).toBe(false);
  });
});
