/** Reads the exam settings form (and the slug when creating) into values or field errors. */
import { z } from "zod";
import { ExamSettingsSchema, ExamSlugSchema, type ExamSettingsInput } from "./authoring";

export type SettingsFormResult =
  | { ok: true; value: ExamSettingsInput; slug: string }
  | { ok: false; fieldErrors: Record<string, string[] | undefined> };

export function readSettingsForm(form: FormData, withSlug: boolean): SettingsFormResult {
  const fields: Record<string, string> = {};
  for (const [name, value] of form) if (typeof value === "string") fields[name] = value;
  const settings = ExamSettingsSchema.safeParse(fields);
  const slug = withSlug ? ExamSlugSchema.safeParse(fields.slug ?? "") : null;
  if (!settings.success || (slug && !slug.success)) {
    const fieldErrors: Record<string, string[] | undefined> = settings.success
      ? {}
      : { ...z.flattenError(settings.error).fieldErrors };
    if (slug && !slug.success) fieldErrors.slug = slug.error.issues.map((issue) => issue.message);
    return { ok: false, fieldErrors };
  }
  return { ok: true, value: settings.data, slug: slug?.success ? slug.data : "" };
}
