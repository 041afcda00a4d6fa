/**
 * Shape of an answer per question type, checked before it is saved. A save carries JSON text in `answer`;
 * `null` clears the answer.
 */
import type { Answer, QuestionSnapshot } from "./scoring";

export const SHORT_ANSWER_MAX_LENGTH = 5000;
export const BLANK_MAX_LENGTH = 200;

export type AnswerCheck = { ok: true; answer: Answer | null } | { ok: false; reason: string };

export function parseAnswer(snapshot: Pick<QuestionSnapshot, "type" | "options" | "blanks">, raw: string): AnswerCheck {
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return { ok: false, reason: "not-json" };
  }
  if (value === null) return { ok: true, answer: null };
  const keys = new Set(snapshot.options.map((option) => option.key));
  switch (snapshot.type) {
    case "single_choice":
      return typeof value === "string" && keys.has(value)
        ? { ok: true, answer: value }
        : { ok: false, reason: "option" };
    case "multiple_choice": {
      if (!Array.isArray(value) || !value.every((key) => typeof key === "string" && keys.has(key))) {
        return { ok: false, reason: "option" };
      }
      const unique = [...new Set(value as string[])];
      const order = snapshot.options.map((option) => option.key);
      unique.sort((a, b) => order.indexOf(a) - order.indexOf(b));
      return { ok: true, answer: unique };
    }
    case "true_false":
      return typeof value === "boolean" ? { ok: true, answer: value } : { ok: false, reason: "boolean" };
    case "fill_blank":
      if (
        !Array.isArray(value) ||
        value.length !== snapshot.blanks ||
        !value.every((text) => typeof text === "string" && text.length <= BLANK_MAX_LENGTH)
      ) {
        return { ok: false, reason: "blanks" };
      }
      return { ok: true, answer: value as string[] };
    case "short_answer":
      return typeof value === "string" && value.length <= SHORT_ANSWER_MAX_LENGTH
        ? { ok: true, answer: value }
        : { ok: false, reason: "text" };
  }
}

/** Whether an answer counts as answered (for the navigator and the unanswered list). */
export function isAnswered(answer: unknown): boolean {
  if (answer === null || answer === undefined) return false;
  if (typeof answer === "boolean") return true;
  if (typeof answer === "string") return answer.trim() !== "";
  if (Array.isArray(answer)) return answer.some((part) => typeof part === "string" && part.trim() !== "");
  return false;
}
