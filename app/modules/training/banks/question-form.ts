/** The question editor's submission (a JSON field built by the editor) validated into field errors. Pure. */
import { validateQuestion, type QuestionInput } from "./question-schema";

export type QuestionFormResult =
  { ok: true; value: QuestionInput } | { ok: false; fieldErrors: Record<string, string[]>; formErrors: string[] };

export function readQuestionForm(form: FormData, lockedKey?: string): QuestionFormResult {
  const raw = form.get("question");
  let parsed: unknown;
  try {
    parsed = typeof raw === "string" ? JSON.parse(raw) : null;
  } catch {
    parsed = null;
  }
  if (!parsed || typeof parsed !== "object") {
    return { ok: false, fieldErrors: {}, formErrors: ["training-banks:errors.shape"] };
  }
  const result = validateQuestion(lockedKey ? { ...parsed, key: lockedKey } : parsed);
  if (result.ok) return result;
  const fieldErrors: Record<string, string[]> = {};
  for (const issue of result.issues) (fieldErrors[issue.field] ??= []).push(issue.message);
  return { ok: false, fieldErrors, formErrors: [] };
}
