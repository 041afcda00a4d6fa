/**
 * The rubric definition: what the builder posts, what content/qa/rubrics/*.yaml holds, and what a rubric version
 * stores. Pure (no DB), so the builder validates in the browser with the same rules the server enforces.
 * Error messages are catalogue keys.
 */
import { z } from "zod";
import { SCALE_TYPES, type ScaleType } from "~/modules/qa/scoring";

export const RUBRIC_CHANNELS = ["chat", "phone", "email", "social"] as const;
export type RubricChannel = (typeof RUBRIC_CHANNELS)[number];

export const RUBRIC_STATUSES = ["draft", "active", "archived"] as const;
export type RubricStatus = (typeof RUBRIC_STATUSES)[number];

/** Competency tags criteria feed into coaching and level rules. */
export const COMPETENCIES = [
  "responsiveness",
  "communication",
  "empathy",
  "product-knowledge",
  "problem-solving",
  "process",
  "compliance",
  "sales",
] as const;
export type Competency = (typeof COMPETENCIES)[number];

export const LIMITS = {
  name: 80,
  description: 500,
  sectionName: 60,
  criterionName: 80,
  criterionDescription: 1000,
  guidance: 4000,
  key: 40,
  sections: 20,
  criteria: 100,
  maxWeight: 100,
  maxPoints: 100,
} as const;

/** Criterion keys: lower-case letters, digits and hyphens; they identify a criterion across versions. */
export const CRITERION_KEY_PATTERN = /^[a-z][a-z0-9-]*$/;

const required = { error: "validation:required" };
const tooLong = { error: "validation:tooLong" };
const invalidChoice = { error: "validation:invalidChoice" };

/** Empty form values ("" / null) mean "not given". */
function blankToUndefined(value: unknown) {
  if (value === null || value === undefined) return undefined;
  if (typeof value === "string" && value.trim() === "") return undefined;
  return value;
}

function toNumber(value: unknown) {
  const present = blankToUndefined(value);
  if (typeof present === "string") return Number(present.trim());
  return present;
}

const optionalText = (max: number) =>
  z.preprocess(blankToUndefined, z.string().trim().max(max, tooLong).optional()).transform((value) => value ?? null);

const requiredText = (max: number) => z.string(required).trim().min(1, required).max(max, tooLong);

const numberField = (message: string) =>
  z.preprocess(toNumber, z.number({ error: message }).refine(Number.isFinite, { error: message }));

const flag = z.preprocess((value) => value === true || value === "true" || value === "on", z.boolean());

export const CriterionSchema = z.object({
  key: z
    .preprocess(
      blankToUndefined,
      z
        .string()
        .trim()
        .max(LIMITS.key, tooLong)
        .regex(CRITERION_KEY_PATTERN, { error: "qa-rubrics:errors.keyFormat" })
        .optional(),
    )
    .transform((value) => value ?? null),
  name: requiredText(LIMITS.criterionName),
  description: optionalText(LIMITS.criterionDescription),
  guidance: optionalText(LIMITS.guidance),
  weight: numberField("qa-rubrics:errors.weightPositive")
    .refine((value) => value > 0, { error: "qa-rubrics:errors.weightPositive" })
    .refine((value) => value <= LIMITS.maxWeight, { error: "qa-rubrics:errors.weightTooLarge" })
    .default(1),
  scale: z.enum(SCALE_TYPES, invalidChoice),
  maxPoints: z
    .preprocess(
      toNumber,
      z
        .number({ error: "qa-rubrics:errors.maxPointsRange" })
        .int({ error: "qa-rubrics:errors.maxPointsRange" })
        .min(1, { error: "qa-rubrics:errors.maxPointsRange" })
        .max(LIMITS.maxPoints, { error: "qa-rubrics:errors.maxPointsRange" })
        .optional(),
    )
    .transform((value) => value ?? null),
  allowNa: flag.default(false),
  critical: flag.default(false),
  bonus: flag.default(false),
  competency: z
    .preprocess(blankToUndefined, z.enum(COMPETENCIES, invalidChoice).optional())
    .transform((value) => value ?? null),
  /** The knowledge-base article that explains the standard (KbArticle.id); content files name it by slug. */
  articleId: z
    .preprocess(blankToUndefined, z.string().trim().max(64, tooLong).optional())
    .transform((value) => value ?? null),
  article: z
    .preprocess(blankToUndefined, z.string().trim().max(80, tooLong).optional())
    .transform((value) => value ?? null),
});

export const SectionSchema = z.object({
  name: requiredText(LIMITS.sectionName),
  criteria: z
    .array(CriterionSchema, { error: "qa-rubrics:errors.sectionNeedsCriterion" })
    .min(1, { error: "qa-rubrics:errors.sectionNeedsCriterion" }),
});

export const RubricDefinitionSchema = z
  .object({
    name: requiredText(LIMITS.name),
    description: optionalText(LIMITS.description),
    passMark: numberField("qa-rubrics:errors.passMarkRange")
      .refine((value) => value >= 0 && value <= 100, { error: "qa-rubrics:errors.passMarkRange" })
      .default(80),
    channels: z
      .array(z.enum(RUBRIC_CHANNELS, invalidChoice))
      .default([])
      .refine((channels) => new Set(channels).size === channels.length, { error: "qa-rubrics:errors.channelTwice" }),
    sections: z
      .array(SectionSchema, { error: "qa-rubrics:errors.needsSection" })
      .min(1, { error: "qa-rubrics:errors.needsSection" })
      .max(LIMITS.sections, { error: "qa-rubrics:errors.tooManySections" }),
  })
  .superRefine((definition, context) => {
    const seenKeys = new Map<string, string>();
    let scored = 0;
    let total = 0;
    definition.sections.forEach((section, sectionIndex) => {
      section.criteria.forEach((criterion, criterionIndex) => {
        total += 1;
        const at = (field: string) => ["sections", sectionIndex, "criteria", criterionIndex, field];
        if (!criterion.bonus) scored += 1;
        if (criterion.scale === "points" && criterion.maxPoints === null) {
          context.addIssue({ code: "custom", path: at("maxPoints"), message: "qa-rubrics:errors.maxPointsForPoints" });
        } else if (criterion.bonus && criterion.maxPoints === null) {
          context.addIssue({ code: "custom", path: at("maxPoints"), message: "qa-rubrics:errors.maxPointsForBonus" });
        }
        if (criterion.critical && criterion.bonus) {
          context.addIssue({ code: "custom", path: at("critical"), message: "qa-rubrics:errors.criticalBonus" });
        }
        if (criterion.key !== null) {
          const path = `${sectionIndex}.${criterionIndex}`;
          if (seenKeys.has(criterion.key)) {
            context.addIssue({ code: "custom", path: at("key"), message: "qa-rubrics:errors.keyTaken" });
          } else {
            seenKeys.set(criterion.key, path);
          }
        }
      });
    });
    if (total > LIMITS.criteria) {
      context.addIssue({ code: "custom", path: ["sections"], message: "qa-rubrics:errors.tooManyCriteria" });
    }
    if (total > 0 && scored === 0) {
      context.addIssue({ code: "custom", path: ["sections"], message: "qa-rubrics:errors.needsScoredCriterion" });
    }
  });

export type RubricDefinitionInput = z.input<typeof RubricDefinitionSchema>;
export type RubricDefinition = z.output<typeof RubricDefinitionSchema>;
export type CriterionDefinition = RubricDefinition["sections"][number]["criteria"][number];

/** A definition whose every criterion has its key: what gets stored. */
export type KeyedCriterion = Omit<CriterionDefinition, "key"> & { key: string };
export type KeyedRubricDefinition = Omit<RubricDefinition, "sections"> & {
  sections: { name: string; criteria: KeyedCriterion[] }[];
};

/** Content files must carry every key themselves: generated keys would differ on each sync. */
export const ContentRubricSchema = RubricDefinitionSchema.superRefine((definition, context) => {
  definition.sections.forEach((section, sectionIndex) =>
    section.criteria.forEach((criterion, criterionIndex) => {
      if (criterion.key === null) {
        context.addIssue({
          code: "custom",
          path: ["sections", sectionIndex, "criteria", criterionIndex, "key"],
          message: "validation:required",
        });
      }
    }),
  );
});

/** Field errors by dotted path ("sections.0.criteria.2.weight"); "" holds errors about the whole rubric. */
export type DefinitionErrors = Record<string, string[]>;

export function errorsByPath(issues: readonly z.core.$ZodIssue[]): DefinitionErrors {
  const errors: DefinitionErrors = {};
  for (const issue of issues) {
    const path = issue.path.map(String).join(".");
    const list = (errors[path] ??= []);
    if (!list.includes(issue.message)) list.push(issue.message);
  }
  return errors;
}

export function validateDefinition(
  input: unknown,
): { ok: true; value: RubricDefinition } | { ok: false; errors: DefinitionErrors } {
  const result = RubricDefinitionSchema.safeParse(input);
  return result.success ? { ok: true, value: result.data } : { ok: false, errors: errorsByPath(result.error.issues) };
}

/** A short random key for a criterion added in the builder, unique within the rubric. */
export function generateCriterionKey(taken: ReadonlySet<string>, random: () => number = Math.random): string {
  for (;;) {
    const candidate = `c-${Math.floor(random() * 36 ** 6)
      .toString(36)
      .padStart(6, "0")}`;
    if (!taken.has(candidate)) return candidate;
  }
}

/** Gives criteria without a key a new one; existing keys are kept so reports follow a criterion across versions. */
export function assignCriterionKeys(definition: RubricDefinition, random?: () => number): KeyedRubricDefinition {
  const taken = new Set<string>();
  for (const section of definition.sections) for (const c of section.criteria) if (c.key) taken.add(c.key);
  return {
    ...definition,
    sections: definition.sections.map((section) => ({
      name: section.name,
      criteria: section.criteria.map((criterion) => {
        if (criterion.key) return { ...criterion, key: criterion.key };
        const key = generateCriterionKey(taken, random);
        taken.add(key);
        return { ...criterion, key };
      }),
    })),
  };
}

/**
 * What a version stores, in a canonical form: two definitions with the same content compare equal, so saving an
 * unchanged rubric (or syncing unchanged content) writes nothing. Fields that do not apply are normalised away.
 */
export type ContentSource = {
  passMark: number;
  channels: readonly string[];
  sections: readonly {
    name: string;
    criteria: readonly {
      key: string;
      name: string;
      description?: string | null;
      guidance?: string | null;
      weight: number;
      scale: ScaleType;
      maxPoints?: number | null;
      allowNa: boolean;
      critical: boolean;
      bonus: boolean;
      competency?: string | null;
      articleId?: string | null;
    }[];
  }[];
};

export function versionContent(definition: ContentSource) {
  return {
    passMark: definition.passMark,
    channels: RUBRIC_CHANNELS.filter((channel) => definition.channels.includes(channel)),
    sections: definition.sections.map((section) => ({
      name: section.name,
      criteria: section.criteria.map((criterion) => ({
        key: criterion.key,
        name: criterion.name,
        description: criterion.description ?? null,
        guidance: criterion.guidance ?? null,
        weight: criterion.weight,
        scale: criterion.scale,
        maxPoints: criterion.scale === "points" || criterion.bonus ? (criterion.maxPoints ?? null) : null,
        allowNa: criterion.allowNa,
        critical: criterion.critical,
        bonus: criterion.bonus,
        competency: criterion.competency ?? null,
        articleId: criterion.articleId ?? null,
      })),
    })),
  };
}

export type VersionContent = ReturnType<typeof versionContent>;

export function sameVersionContent(a: VersionContent, b: VersionContent): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Draft → active → archived; an archived rubric can be brought back, but nothing returns to draft. */
const TRANSITIONS: Record<RubricStatus, readonly RubricStatus[]> = {
  draft: ["active", "archived"],
  active: ["archived"],
  archived: ["active"],
};

export function canChangeStatus(from: RubricStatus, to: RubricStatus): boolean {
  return TRANSITIONS[from].includes(to);
}

export function nextStatuses(from: RubricStatus): readonly RubricStatus[] {
  return TRANSITIONS[from];
}

/** Only active rubrics can be chosen for new sampling plans and calibration sessions. */
export function isSelectableStatus(status: RubricStatus): boolean {
  return status === "active";
}

/** A definition posted as JSON in one form field. Bounded so a huge post is refused before parsing. */
export const MAX_DEFINITION_CHARS = 500_000;

export function parseDefinitionField(raw: unknown): ReturnType<typeof validateDefinition> {
  const malformed = { ok: false as const, errors: { "": ["qa-rubrics:errors.malformed"] } };
  if (typeof raw !== "string" || raw.length === 0 || raw.length > MAX_DEFINITION_CHARS) return malformed;
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    return malformed;
  }
  return validateDefinition(json);
}
