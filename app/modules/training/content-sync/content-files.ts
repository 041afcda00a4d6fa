/**
 * The file formats of content/courses/<slug>/ (course.yaml + lessons/<key>.md) and content/paths/<slug>.yaml,
 * validated with zod. Parsing is pure (text in, value or precise problems out) so every message is unit-tested;
 * reading the directories is in content-sync.server.ts.
 */
import matter from "gray-matter";
import { parse as parseYaml } from "yaml";
import { z } from "zod";
import { ROLES } from "~/modules/identity/permissions";
import {
  COURSE_TYPES,
  LESSON_KEY_PATTERN,
  LESSON_MINUTES_MAX,
  SLUG_PATTERN,
  SUMMARY_MAX,
  TAG_MAX,
  TAGS_MAX,
  TITLE_MAX,
} from "~/modules/training/courses/course-rules";
import { DUE_DAYS_MAX, LEVEL_MAX, REQUIRED_HOURS_MAX } from "~/modules/training/paths/path-rules";

const title = z.string().trim().min(1, "must not be empty").max(TITLE_MAX, `at most ${TITLE_MAX} characters`);

export const CourseFileSchema = z.object({
  title,
  type: z.enum(COURSE_TYPES, { error: `must be one of ${COURSE_TYPES.join(", ")}` }),
  summary: z.string().trim().max(SUMMARY_MAX).default(""),
  tags: z
    .array(z.coerce.string().trim().min(1).max(TAG_MAX))
    .max(TAGS_MAX)
    .default([])
    .transform((tags) => [...new Set(tags)]),
  modules: z
    .array(
      z.object({
        title,
        lessons: z
          .array(
            z
              .string()
              .regex(LESSON_KEY_PATTERN, "a lesson key is a file name in lessons/ without .md (a-z, 0-9, hyphens)"),
          )
          .min(1, "a module needs at least one lesson"),
      }),
    )
    .min(1, "a course needs at least one module"),
});
export type CourseFile = z.infer<typeof CourseFileSchema>;

export const LessonFrontMatterSchema = z.object({
  title,
  minutes: z
    .number({ error: "minutes must be a whole number of minutes" })
    .int("minutes must be a whole number of minutes")
    .min(1, "minutes must be at least 1")
    .max(LESSON_MINUTES_MAX, `minutes must be at most ${LESSON_MINUTES_MAX}`),
});

export const PathFileSchema = z.object({
  title,
  description: z.string().trim().max(SUMMARY_MAX).default(""),
  audienceRoles: z.array(z.enum(ROLES, { error: `must be one of ${ROLES.join(", ")}` })).default([]),
  audienceTeams: z.array(z.coerce.string().trim().min(1)).default([]),
  level: z.coerce.string().trim().min(1).max(LEVEL_MAX).optional(),
  requiredHours: z.number().int().min(1).max(REQUIRED_HOURS_MAX).optional(),
  autoAssignNewHires: z.boolean().default(false),
  dueDays: z.number().int().min(1).max(DUE_DAYS_MAX).optional(),
  courses: z
    .array(z.string().regex(SLUG_PATTERN, "a course slug (a-z, 0-9, hyphens)"))
    .min(1, "a path needs at least one course"),
});
export type PathFile = z.infer<typeof PathFileSchema>;

export type Parsed<T> = { ok: true; value: T } | { ok: false; problems: string[] };

/** "modules.0.lessons.1: message" per issue, prefixed with the file name. */
function describeIssues(file: string, issues: readonly z.core.$ZodIssue[]): string[] {
  return issues.map((issue) => {
    const where = issue.path.map(String).join(".");
    return `${file}: ${where ? `${where}: ` : ""}${issue.message}`;
  });
}

function parseYamlText(file: string, text: string): Parsed<unknown> {
  try {
    return { ok: true, value: parseYaml(text) };
  } catch (error) {
    return { ok: false, problems: [`${file}: not valid YAML (${(error as Error).message.split("\n")[0]})`] };
  }
}

export function parseCourseFile(file: string, text: string): Parsed<CourseFile> {
  const raw = parseYamlText(file, text);
  if (!raw.ok) return raw;
  const parsed = CourseFileSchema.safeParse(raw.value);
  if (!parsed.success) return { ok: false, problems: describeIssues(file, parsed.error.issues) };
  const seen = new Set<string>();
  const problems: string[] = [];
  for (const [moduleIndex, module] of parsed.data.modules.entries()) {
    for (const [lessonIndex, key] of module.lessons.entries()) {
      if (seen.has(key))
        problems.push(`${file}: modules.${moduleIndex}.lessons.${lessonIndex}: lesson "${key}" is listed twice`);
      seen.add(key);
    }
  }
  return problems.length ? { ok: false, problems } : { ok: true, value: parsed.data };
}

export type LessonFile = { title: string; minutes: number; body: string };

/** A lesson: front matter (title, minutes) and the Markdown body, trimmed so trailing newlines never make a change. */
export function parseLessonFile(file: string, text: string): Parsed<LessonFile> {
  let parsedMatter: matter.GrayMatterFile<string>;
  try {
    // Passing options turns off gray-matter's process-wide cache keyed by file content.
    parsedMatter = matter(text, {});
  } catch (error) {
    return {
      ok: false,
      problems: [`${file}: front matter is not valid YAML (${(error as Error).message.split("\n")[0]})`],
    };
  }
  const front = LessonFrontMatterSchema.safeParse(parsedMatter.data);
  if (!front.success) return { ok: false, problems: describeIssues(file, front.error.issues) };
  const body = parsedMatter.content.trim();
  if (!body) return { ok: false, problems: [`${file}: the lesson has no content below the front matter`] };
  return { ok: true, value: { title: front.data.title, minutes: front.data.minutes, body } };
}

export function parsePathFile(file: string, text: string): Parsed<PathFile> {
  const raw = parseYamlText(file, text);
  if (!raw.ok) return raw;
  const parsed = PathFileSchema.safeParse(raw.value);
  if (!parsed.success) return { ok: false, problems: describeIssues(file, parsed.error.issues) };
  const duplicates = parsed.data.courses.filter((slug, index, all) => all.indexOf(slug) !== index);
  if (duplicates.length) {
    return { ok: false, problems: [`${file}: courses: listed twice: ${[...new Set(duplicates)].join(", ")}`] };
  }
  return { ok: true, value: parsed.data };
}
