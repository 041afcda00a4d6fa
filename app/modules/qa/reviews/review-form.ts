/**
 * The workbench form: how ratings, per-criterion comments and the summary travel from the browser to the server,
 * and how an autosaved draft is read back. Pure, shared by the route, the server modules and the components.
 *
 * Fields: `rating:<criterionId>` = "" (not rated yet) | "na" | a value on the criterion's scale,
 * `comment:<criterionId>`, `summary`, `elapsedSeconds` (time spent since the last save).
 */
import { scaleBounds, type ScoringCriterion } from "~/modules/qa/scoring";

export const COMMENT_MAX = 2000;
export const SUMMARY_MAX = 4000;
export const PINNED_COMMENT_MAX = 1000;
/** One save never credits more than this: a tab left open overnight must not inflate the grading time. */
export const MAX_ELAPSED_PER_SAVE = 600;

export interface ReviewDraft {
  /** Criterion id → selected value, or null for N/A. Unrated criteria are absent. */
  ratings: Record<string, number | null>;
  comments: Record<string, string>;
  summary: string;
}

export const EMPTY_DRAFT: ReviewDraft = { ratings: {}, comments: {}, summary: "" };

export type FormFieldError =
  | { field: "rating"; criterionId: string; reason: "outOfScale" }
  | { field: "comment"; criterionId: string; reason: "tooLong" }
  | { field: "summary"; reason: "tooLong" };

export const ratingField = (criterionId: string) => `rating:${criterionId}`;
export const commentField = (criterionId: string) => `comment:${criterionId}`;

type FormLike = { get(name: string): FormDataEntryValue | null };

function text(form: FormLike, name: string): string {
  const value = form.get(name);
  return typeof value === "string" ? value : "";
}

function onScale(criterion: ScoringCriterion, value: number): boolean {
  const { min, max } = scaleBounds(criterion.scale, criterion.maxPoints);
  return Number.isInteger(value) && value >= min && value <= max;
}

/** Reads the posted form against the rubric's criteria; fields for other criteria are ignored. */
export function readReviewForm(
  form: FormLike,
  criteria: readonly ScoringCriterion[],
): { draft: ReviewDraft; elapsedSeconds: number; errors: FormFieldError[] } {
  const draft: ReviewDraft = { ratings: {}, comments: {}, summary: text(form, "summary").trim() };
  const errors: FormFieldError[] = [];
  for (const criterion of criteria) {
    const raw = text(form, ratingField(criterion.id)).trim();
    if (raw === "na") draft.ratings[criterion.id] = null;
    else if (raw !== "") {
      const value = Number(raw);
      if (onScale(criterion, value)) draft.ratings[criterion.id] = value;
      else errors.push({ field: "rating", criterionId: criterion.id, reason: "outOfScale" });
    }
    const comment = text(form, commentField(criterion.id)).trim();
    if (comment.length > COMMENT_MAX) errors.push({ field: "comment", criterionId: criterion.id, reason: "tooLong" });
    else if (comment) draft.comments[criterion.id] = comment;
  }
  if (draft.summary.length > SUMMARY_MAX) errors.push({ field: "summary", reason: "tooLong" });
  return { draft, elapsedSeconds: readElapsed(text(form, "elapsedSeconds")), errors };
}

export function readElapsed(raw: string): number {
  const seconds = Math.floor(Number(raw));
  if (!Number.isFinite(seconds) || seconds <= 0) return 0;
  return Math.min(seconds, MAX_ELAPSED_PER_SAVE);
}

/**
 * A stored draft, tolerant of rubric changes and hand-edited JSON: unknown criteria and values off the scale are
 * dropped rather than failing the page.
 */
export function parseStoredDraft(stored: unknown, criteria: readonly ScoringCriterion[]): ReviewDraft {
  if (!stored || typeof stored !== "object") return { ...EMPTY_DRAFT, ratings: {}, comments: {} };
  const source = stored as { ratings?: unknown; comments?: unknown; summary?: unknown };
  const ratings = (source.ratings && typeof source.ratings === "object" ? source.ratings : {}) as Record<
    string,
    unknown
  >;
  const comments = (source.comments && typeof source.comments === "object" ? source.comments : {}) as Record<
    string,
    unknown
  >;
  const draft: ReviewDraft = {
    ratings: {},
    comments: {},
    summary: typeof source.summary === "string" ? source.summary.slice(0, SUMMARY_MAX) : "",
  };
  for (const criterion of criteria) {
    const value = ratings[criterion.id];
    if (value === null && criterion.allowNa) draft.ratings[criterion.id] = null;
    else if (typeof value === "number" && onScale(criterion, value)) draft.ratings[criterion.id] = value;
    const comment = comments[criterion.id];
    if (typeof comment === "string" && comment.trim()) draft.comments[criterion.id] = comment.slice(0, COMMENT_MAX);
  }
  return draft;
}

/** The form fields for a draft: what the browser posts on autosave and submit. */
export function draftToFields(draft: ReviewDraft, criteria: readonly ScoringCriterion[], elapsedSeconds = 0) {
  const fields: Record<string, string> = { summary: draft.summary, elapsedSeconds: String(elapsedSeconds) };
  for (const criterion of criteria) {
    const value = draft.ratings[criterion.id];
    fields[ratingField(criterion.id)] = value === undefined ? "" : value === null ? "na" : String(value);
    const comment = draft.comments[criterion.id];
    if (comment) fields[commentField(criterion.id)] = comment;
  }
  return fields;
}
