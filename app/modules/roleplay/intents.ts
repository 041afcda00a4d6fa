/**
 * Intent matching for role-play replies. Text is folded the way answers are (NFKC, lower case, no whitespace) so
 * "ＯＫ" matches "ok" and "７天" matches "7天"; unlike answer comparison, punctuation is kept because a phrase or
 * pattern may rely on it ("?" in a question, "。" ending a sentence).
 */
import type { Intent, Script } from "./script";

export function normaliseForMatch(text: string): string {
  return text.normalize("NFKC").toLowerCase().replace(/\s+/gu, "");
}

/** The alternatives of a phrase entry ("订单号|单号"), normalised; empty alternatives are dropped. */
export function phraseAlternatives(entry: string): string[] {
  return entry
    .split("|")
    .map(normaliseForMatch)
    .filter((alternative) => alternative.length > 0);
}

const regexCache = new Map<string, RegExp | null>();

/** The compiled pattern, or null when it is not a valid regular expression (validation reports those). */
export function compilePattern(pattern: string): RegExp | null {
  if (!regexCache.has(pattern)) {
    try {
      regexCache.set(pattern, new RegExp(pattern, "iu"));
    } catch {
      regexCache.set(pattern, null);
    }
  }
  return regexCache.get(pattern) ?? null;
}

function entryMatches(normalised: string, entry: string) {
  return phraseAlternatives(entry).some((alternative) => normalised.includes(alternative));
}

function patternMatches(normalised: string, pattern: string) {
  return compilePattern(pattern)?.test(normalised) ?? false;
}

/** Whether the (already normalised) reply expresses the intent: any/all of its phrases and patterns, no veto. */
export function intentMatchesNormalised(intent: Intent, normalised: string): boolean {
  if (intent.exclude.some((entry) => entryMatches(normalised, entry))) return false;
  const checks = [
    ...intent.phrases.map((entry) => () => entryMatches(normalised, entry)),
    ...intent.patterns.map((pattern) => () => patternMatches(normalised, pattern)),
  ];
  if (checks.length === 0) return false;
  return intent.mode === "all" ? checks.every((check) => check()) : checks.some((check) => check());
}

export function intentMatches(intent: Intent, text: string): boolean {
  return intentMatchesNormalised(intent, normaliseForMatch(text));
}

/** Keys of every script intent the reply matches, in script order. */
export function matchIntents(script: Pick<Script, "intents">, text: string): string[] {
  const normalised = normaliseForMatch(text);
  return script.intents.filter((intent) => intentMatchesNormalised(intent, normalised)).map((intent) => intent.key);
}
