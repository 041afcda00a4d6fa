/**
 * The builder's editable draft. Numbers stay strings while typing so an empty or half-typed field is shown as the
 * user left it; the definition schema turns them into numbers (and reports what is wrong) on validation.
 */
import type { RubricDefinitionInput } from "~/modules/qa/rubrics/rubric-schema";
import type { ScaleType } from "~/modules/qa/scoring";

export type DraftCriterion = {
  uid: string;
  /** Empty for a criterion added in the builder: the server gives it a key on save. */
  key: string;
  /** True when the key exists in the saved rubric: such keys are fixed so reports can follow the criterion. */
  keyLocked: boolean;
  name: string;
  description: string;
  guidance: string;
  weight: string;
  scale: ScaleType;
  maxPoints: string;
  allowNa: boolean;
  critical: boolean;
  bonus: boolean;
  competency: string;
  /** The linked knowledge-base article's id ("" for none) and what the picker shows for it. */
  articleId: string;
  article: { id: string; slug: string; title: string; kind: "faq" | "policy" | "case" | "product" } | null;
};

export type DraftSection = { uid: string; name: string; criteria: DraftCriterion[] };

export type Draft = {
  name: string;
  description: string;
  passMark: string;
  channels: string[];
  sections: DraftSection[];
};

/** The shape of a stored rubric the builder starts from (loose on purpose: it comes from loader JSON). */
export type StoredDefinitionLike = {
  name: string;
  description: string | null;
  passMark: number;
  channels: readonly string[];
  sections: readonly {
    name: string;
    criteria: readonly {
      key: string;
      name: string;
      description: string | null;
      guidance: string | null;
      weight: number;
      scale: ScaleType;
      maxPoints: number | null;
      allowNa: boolean;
      critical: boolean;
      bonus: boolean;
      competency: string | null;
      articleId?: string | null;
      article?: DraftCriterion["article"];
    }[];
  }[];
};

let counter = 0;
export function nextUid(prefix: string) {
  counter += 1;
  return `${prefix}${counter}`;
}

export function newCriterion(): DraftCriterion {
  return {
    uid: nextUid("c"),
    key: "",
    keyLocked: false,
    name: "",
    description: "",
    guidance: "",
    weight: "1",
    scale: "five",
    maxPoints: "",
    allowNa: false,
    critical: false,
    bonus: false,
    competency: "",
    articleId: "",
    article: null,
  };
}

export function newSection(name = ""): DraftSection {
  return { uid: nextUid("s"), name, criteria: [newCriterion()] };
}

export function emptyDraft(defaults: { sectionName: string }): Draft {
  return { name: "", description: "", passMark: "80", channels: [], sections: [newSection(defaults.sectionName)] };
}

export function draftFromDefinition(definition: StoredDefinitionLike): Draft {
  return {
    name: definition.name,
    description: definition.description ?? "",
    passMark: String(definition.passMark),
    channels: [...definition.channels],
    sections: definition.sections.map((section) => ({
      uid: nextUid("s"),
      name: section.name,
      criteria: section.criteria.map((criterion) => ({
        uid: nextUid("c"),
        key: criterion.key,
        keyLocked: true,
        name: criterion.name,
        description: criterion.description ?? "",
        guidance: criterion.guidance ?? "",
        weight: String(criterion.weight),
        scale: criterion.scale,
        maxPoints: criterion.maxPoints === null ? "" : String(criterion.maxPoints),
        allowNa: criterion.allowNa,
        critical: criterion.critical,
        bonus: criterion.bonus,
        competency: criterion.competency ?? "",
        articleId: criterion.articleId ?? "",
        article: criterion.article ?? null,
      })),
    })),
  };
}

/** What the builder posts (and validates locally with the same schema). */
export function draftToInput(draft: Draft): RubricDefinitionInput {
  return {
    name: draft.name,
    description: draft.description,
    passMark: draft.passMark,
    channels: draft.channels as RubricDefinitionInput["channels"],
    sections: draft.sections.map((section) => ({
      name: section.name,
      criteria: section.criteria.map(({ uid: _uid, keyLocked: _locked, article: _article, ...criterion }) => criterion),
    })),
  } as RubricDefinitionInput;
}

function move<T>(items: readonly T[], from: number, to: number): T[] {
  if (to < 0 || to >= items.length || from === to) return [...items];
  const next = [...items];
  const [item] = next.splice(from, 1);
  next.splice(to, 0, item!);
  return next;
}

export function moveSection(draft: Draft, index: number, offset: -1 | 1): Draft {
  return { ...draft, sections: move(draft.sections, index, index + offset) };
}

/** Moves a criterion within its section; past the first or last one it crosses into the neighbouring section. */
export function moveCriterion(draft: Draft, sectionIndex: number, criterionIndex: number, offset: -1 | 1): Draft {
  const section = draft.sections[sectionIndex];
  if (!section) return draft;
  const target = criterionIndex + offset;
  if (target >= 0 && target < section.criteria.length) {
    return updateSectionAt(draft, sectionIndex, { criteria: move(section.criteria, criterionIndex, target) });
  }
  const neighbourIndex = sectionIndex + offset;
  const neighbour = draft.sections[neighbourIndex];
  if (!neighbour) return draft;
  const criterion = section.criteria[criterionIndex]!;
  const sections = draft.sections.map((current, index) => {
    if (index === sectionIndex)
      return { ...current, criteria: current.criteria.filter((_, i) => i !== criterionIndex) };
    if (index === neighbourIndex) {
      return { ...current, criteria: offset < 0 ? [...current.criteria, criterion] : [criterion, ...current.criteria] };
    }
    return current;
  });
  return { ...draft, sections };
}

export function updateSectionAt(draft: Draft, sectionIndex: number, patch: Partial<DraftSection>): Draft {
  return {
    ...draft,
    sections: draft.sections.map((section, index) => (index === sectionIndex ? { ...section, ...patch } : section)),
  };
}

export function updateCriterionAt(
  draft: Draft,
  sectionIndex: number,
  criterionIndex: number,
  patch: Partial<DraftCriterion>,
): Draft {
  const section = draft.sections[sectionIndex];
  if (!section) return draft;
  return updateSectionAt(draft, sectionIndex, {
    criteria: section.criteria.map((criterion, index) => {
      if (index !== criterionIndex) return criterion;
      const next = { ...criterion, ...patch };
      // A red line cannot also be a bonus: switching one on switches the other off.
      if (patch.critical) next.bonus = false;
      if (patch.bonus) next.critical = false;
      return next;
    }),
  });
}

export function addCriterion(draft: Draft, sectionIndex: number): Draft {
  const section = draft.sections[sectionIndex];
  if (!section) return draft;
  return updateSectionAt(draft, sectionIndex, { criteria: [...section.criteria, newCriterion()] });
}

export function removeCriterion(draft: Draft, sectionIndex: number, criterionIndex: number): Draft {
  const section = draft.sections[sectionIndex];
  if (!section) return draft;
  return updateSectionAt(draft, sectionIndex, { criteria: section.criteria.filter((_, i) => i !== criterionIndex) });
}

export function addSection(draft: Draft, name = ""): Draft {
  return { ...draft, sections: [...draft.sections, newSection(name)] };
}

export function removeSection(draft: Draft, sectionIndex: number): Draft {
  return { ...draft, sections: draft.sections.filter((_, index) => index !== sectionIndex) };
}
