/**
 * The rubric form of a role-play transcript as posted: `rating.<criterionKey>` = a number or "na",
 * `comment.<criterionKey>` = text, `summary`, `intent` = save | submit. Scale checks happen in reviews.server.ts.
 */
import { z } from "zod";

const Intent = z.enum(["save", "submit"]);
const RatingValue = z.union([z.literal("na").transform(() => null), z.coerce.number().finite()]);

export type ParsedReviewForm =
  | {
      ok: true;
      intent: "save" | "submit";
      ratings: Record<string, number | null>;
      comments: Record<string, string>;
      summary: string | null;
    }
  | { ok: false; invalid: string[] };

export function parseReviewForm(entries: Iterable<[string, FormDataEntryValue]>): ParsedReviewForm {
  const ratings: Record<string, number | null> = {};
  const comments: Record<string, string> = {};
  const invalid: string[] = [];
  let intent: "save" | "submit" | null = null;
  let summary: string | null = null;
  for (const [name, raw] of entries) {
    if (typeof raw !== "string") continue;
    if (name === "intent") intent = Intent.safeParse(raw).data ?? null;
    else if (name === "summary") summary = raw.trim() ? raw.trim().slice(0, 2000) : null;
    else if (name.startsWith("rating.")) {
      const key = name.slice("rating.".length);
      if (raw === "") continue;
      const value = RatingValue.safeParse(raw);
      if (value.success) ratings[key] = value.data;
      else invalid.push(key);
    } else if (name.startsWith("comment.")) {
      const text = raw.trim();
      if (text) comments[name.slice("comment.".length)] = text.slice(0, 1000);
    }
  }
  if (!intent) return { ok: false, invalid: ["intent"] };
  if (invalid.length > 0) return { ok: false, invalid };
  return { ok: true, intent, ratings, comments, summary };
}
