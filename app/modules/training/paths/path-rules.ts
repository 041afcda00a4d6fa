/**
 * Learning paths (学习路径): ordered courses for a role, team and level, e.g. 新人入职路径. Form schemas and the
 * publish rule, pure so they are unit-tested and shared with the browser.
 */
import { z } from "zod";
import { ROLES } from "~/modules/identity/permissions";
import {
  minutesToHours,
  SLUG_MAX,
  SLUG_PATTERN,
  SUMMARY_MAX,
  TITLE_MAX,
} from "~/modules/training/courses/course-rules";

export const LEVEL_MAX = 20;
/** Upper bounds that keep typing mistakes out (a path of more than 1,000 hours or a year's deadline is one). */
export const REQUIRED_HOURS_MAX = 1000;
export const DUE_DAYS_MAX = 365;

const required = { error: "validation:required" };
const text = (max: number) => z.string(required).trim().min(1, required).max(max, { error: "validation:tooLong" });

const optionalInt = (max: number, error: string) =>
  z
    .string()
    .trim()
    .optional()
    .transform((value, context) => {
      if (!value) return null;
      const number = Number(value);
      if (!Number.isInteger(number) || number < 1 || number > max) {
        context.addIssue({ code: "custom", message: error });
        return z.NEVER;
      }
      return number;
    });

const checkbox = z
  .union([z.literal("on"), z.literal("true")])
  .optional()
  .transform((value) => value !== undefined);

export const PathFieldsShape = {
  title: text(TITLE_MAX),
  description: z
    .string()
    .trim()
    .max(SUMMARY_MAX, { error: "validation:tooLong" })
    .optional()
    .transform((value) => value ?? ""),
  audienceRoles: z.array(z.enum(ROLES, { error: "validation:invalidChoice" })).default([]),
  audienceTeamIds: z.array(z.string().trim().min(1).max(64)).default([]),
  audienceLevel: z
    .string()
    .trim()
    .max(LEVEL_MAX, { error: "validation:tooLong" })
    .optional()
    .transform((value) => value || null),
  requiredHours: optionalInt(REQUIRED_HOURS_MAX, "training-courses:errors.requiredHours"),
  autoAssignNewHires: checkbox,
  dueDays: optionalInt(DUE_DAYS_MAX, "training-courses:errors.dueDays"),
};

export const CreatePathSchema = z.object({
  ...PathFieldsShape,
  slug: z
    .string(required)
    .trim()
    .toLowerCase()
    .min(1, required)
    .max(SLUG_MAX, { error: "validation:tooLong" })
    .regex(SLUG_PATTERN, { error: "training-courses:errors.slugFormat" }),
});
export type PathFields = z.infer<z.ZodObject<typeof PathFieldsShape>>;
export type CreatePathInput = z.infer<typeof CreatePathSchema>;

const Stamp = z.string(required).min(1, required);
const Id = z.string().trim().min(1).max(64);

export const PathEditSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("fields"), stamp: Stamp, ...PathFieldsShape }),
  z.object({ intent: z.literal("add-course"), stamp: Stamp, courseId: Id }),
  z.object({ intent: z.literal("move-course"), stamp: Stamp, courseId: Id, direction: z.enum(["up", "down"]) }),
  z.object({ intent: z.literal("remove-course"), stamp: Stamp, courseId: Id }),
  z.object({ intent: z.literal("publish"), stamp: Stamp }),
  z.object({ intent: z.literal("archive"), stamp: Stamp }),
]);
export type PathEdit = z.infer<typeof PathEditSchema>;

export type PathCourse = { title: string; status: string; publishedMinutes: number | null };

/** Total duration of a path in hours (one decimal): the published versions of its courses. */
export function pathHours(courses: readonly PathCourse[]): number {
  return minutesToHours(courses.reduce((sum, course) => sum + (course.publishedMinutes ?? 0), 0));
}

/** What stops a path from being published (catalogue keys with their params); empty when it can be. */
export function pathPublishProblems(
  courses: readonly PathCourse[],
  requiredHours: number | null,
): { key: string; params?: Record<string, string | number> }[] {
  const problems: { key: string; params?: Record<string, string | number> }[] = [];
  if (courses.length === 0) problems.push({ key: "training-courses:errors.pathEmpty" });
  for (const course of courses) {
    if (course.publishedMinutes === null || course.status === "archived") {
      problems.push({ key: "training-courses:errors.pathCourseUnavailable", params: { title: course.title } });
    }
  }
  const hours = pathHours(courses);
  if (requiredHours !== null && hours < requiredHours) {
    problems.push({ key: "training-courses:errors.pathTooShort", params: { hours, required: requiredHours } });
  }
  return problems;
}
