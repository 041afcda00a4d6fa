/**
 * Course authoring rules shared by the server and the editor forms: types, form schemas, duration totals and
 * reordering. Pure (no database, no Node APIs) so the browser validates with the same schemas and the
 * arithmetic is unit-tested.
 */
import { z } from "zod";

export const COURSE_TYPES = ["onboarding", "skills", "role_specific", "practice", "compliance"] as const;
export type CourseType = (typeof COURSE_TYPES)[number];
export const CONTENT_STATUSES = ["draft", "published", "archived"] as const;
export type ContentStatus = (typeof CONTENT_STATUSES)[number];
export const VERSION_STATUSES = ["draft", "published", "superseded"] as const;
export type VersionStatus = (typeof VERSION_STATUSES)[number];

export const SLUG_PATTERN = /^[a-z0-9][a-z0-9-]*$/;
export const LESSON_KEY_PATTERN = /^[a-z0-9][a-z0-9-]*$/;
export const TITLE_MAX = 120;
export const SUMMARY_MAX = 1000;
export const SLUG_MAX = 80;
export const TAG_MAX = 20;
export const TAGS_MAX = 12;
export const BODY_MAX = 200_000;
/** A lesson is one sitting: longer material is split into several lessons. */
export const LESSON_MINUTES_MAX = 600;

const required = { error: "validation:required" };
const text = (max: number) => z.string(required).trim().min(1, required).max(max, { error: "validation:tooLong" });
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, { error: "validation:tooLong" })
    .optional()
    .transform((value) => value ?? "");

/** "入职, 售后，政策" → ["入职", "售后", "政策"]: commas (half or full width) and 、 separate tags. */
export function parseTags(value: string | undefined | null): string[] {
  const tags = (value ?? "")
    .split(/[,，、]/)
    .map((tag) => tag.trim())
    .filter(Boolean);
  return [...new Set(tags)];
}

const TagsField = z
  .string()
  .optional()
  .transform((value) => parseTags(value))
  .refine((tags) => tags.length <= TAGS_MAX, { error: "training-courses:errors.tooManyTags" })
  .refine((tags) => tags.every((tag) => tag.length <= TAG_MAX), { error: "training-courses:errors.tagTooLong" });

export const CreateCourseSchema = z.object({
  title: text(TITLE_MAX),
  slug: z
    .string(required)
    .trim()
    .toLowerCase()
    .min(1, required)
    .max(SLUG_MAX, { error: "validation:tooLong" })
    .regex(SLUG_PATTERN, { error: "training-courses:errors.slugFormat" }),
  type: z.enum(COURSE_TYPES, { error: "validation:invalidChoice" }),
  summary: optionalText(SUMMARY_MAX),
  tags: TagsField,
});
export type CreateCourseInput = z.infer<typeof CreateCourseSchema>;

/** The concurrency token every draft edit carries: the draft version's updatedAt as an ISO string. */
const Stamp = z.string(required).min(1, required);

export const CourseFieldsSchema = z.object({
  intent: z.literal("course"),
  stamp: Stamp,
  title: text(TITLE_MAX),
  type: z.enum(COURSE_TYPES, { error: "validation:invalidChoice" }),
  summary: optionalText(SUMMARY_MAX),
  tags: TagsField,
});

const Minutes = z.coerce
  .number({ error: "training-courses:errors.minutes" })
  .int({ error: "training-courses:errors.minutes" })
  .min(1, { error: "training-courses:errors.minutes" })
  .max(LESSON_MINUTES_MAX, { error: "training-courses:errors.minutes" });

const Id = z.string().trim().min(1).max(64);
const Direction = z.enum(["up", "down"]);

/** Every intent of the draft editor (one form per action, a hidden `intent` picks the branch). */
export const DraftEditSchema = z.discriminatedUnion("intent", [
  CourseFieldsSchema,
  z.object({ intent: z.literal("add-module"), stamp: Stamp, title: text(TITLE_MAX) }),
  z.object({ intent: z.literal("rename-module"), stamp: Stamp, moduleId: Id, title: text(TITLE_MAX) }),
  z.object({ intent: z.literal("move-module"), stamp: Stamp, moduleId: Id, direction: Direction }),
  z.object({ intent: z.literal("delete-module"), stamp: Stamp, moduleId: Id }),
  z.object({ intent: z.literal("add-lesson"), stamp: Stamp, moduleId: Id, title: text(TITLE_MAX), minutes: Minutes }),
  z.object({ intent: z.literal("move-lesson"), stamp: Stamp, lessonId: Id, direction: Direction }),
  z.object({ intent: z.literal("delete-lesson"), stamp: Stamp, lessonId: Id }),
]);
export type DraftEdit = z.infer<typeof DraftEditSchema>;

export const LessonSchema = z.object({
  intent: z.literal("save"),
  stamp: Stamp,
  title: text(TITLE_MAX),
  minutes: Minutes,
  body: z.string().max(BODY_MAX, { error: "validation:tooLong" }).default(""),
});

export const LessonPreviewSchema = z.object({
  intent: z.literal("preview"),
  body: z.string().max(BODY_MAX).default(""),
});

/** Estimated duration of a version: the sum of its lessons' minutes. */
export function totalMinutes(lessons: readonly { estimatedMinutes: number }[]): number {
  return lessons.reduce((sum, lesson) => sum + lesson.estimatedMinutes, 0);
}

/** Minutes as hours with one decimal (150 → 2.5), for lists and path totals. */
export function minutesToHours(minutes: number): number {
  return Math.round((minutes / 60) * 10) / 10;
}

/**
 * The new order after moving `id` one step up or down; null when it is already at that end or not in the list.
 * Positions are rewritten 0..n-1 from the result, so gaps left by deletions close on the next move.
 */
export function moveInOrder<T extends string>(ids: readonly T[], id: T, direction: "up" | "down"): T[] | null {
  const index = ids.indexOf(id);
  if (index < 0) return null;
  const target = direction === "up" ? index - 1 : index + 1;
  if (target < 0 || target >= ids.length) return null;
  const next = [...ids];
  [next[index], next[target]] = [next[target]!, next[index]!];
  return next;
}

/** What stops a draft from being published; empty when it can be. Keys are catalogue keys. */
export function publishProblems(
  modules: readonly { title: string; lessons: readonly { title: string; body: string }[] }[],
): string[] {
  const problems: string[] = [];
  if (modules.length === 0 || modules.every((module) => module.lessons.length === 0)) {
    problems.push("training-courses:errors.noLessons");
  }
  if (modules.some((module) => module.lessons.length === 0)) problems.push("training-courses:errors.emptyModule");
  if (modules.some((module) => module.lessons.some((lesson) => lesson.body.trim() === ""))) {
    problems.push("training-courses:errors.emptyLesson");
  }
  return [...new Set(problems)];
}

/** A key for a lesson added in the app, unique within the version (file lessons take their file name). */
export function nextLessonKey(existing: readonly string[]): string {
  const taken = new Set(existing);
  for (let n = existing.length + 1; ; n += 1) {
    const key = `lesson-${n}`;
    if (!taken.has(key)) return key;
  }
}
