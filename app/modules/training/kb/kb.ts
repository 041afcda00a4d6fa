/**
 * Knowledge base (知识库) rules shared by the server and the editor: article form schema, the layout of the stored
 * search text, the match threshold and the highlighted snippet of a search result.
 */
import { z } from "zod";
import { normaliseForSearch } from "~/modules/training/text";

export const ARTICLE_KINDS = ["faq", "policy", "case", "product"] as const;
export type ArticleKindValue = (typeof ARTICLE_KINDS)[number];
export const ARTICLE_STATUSES = ["draft", "published", "archived"] as const;
export type ArticleStatusValue = (typeof ARTICLE_STATUSES)[number];

export const SLUG_PATTERN = /^[a-z0-9][a-z0-9-]*$/;
/** Paths under /kb that are pages, not articles. */
export const RESERVED_SLUGS = ["new", "categories", "search"] as const;
export const MAX_TAGS = 12;
/** Share of the query's terms an article must contain to be a result (at least one term). */
export const MATCH_SHARE = 0.6;
/** Weights of a term found in the title, in the tags or summary, and in the body. */
export const WEIGHTS = { title: 3, meta: 2, body: 1 } as const;
/**
 * The stored searchText holds three normalised sections (title / tags + summary / body) separated by a newline.
 * normaliseForSearch collapses every whitespace run to one space, so the separator never occurs inside a section
 * and SQL can score each section with split_part.
 */
export const SECTION_SEPARATOR = "\n";

/** Tags typed as "退货, 运费，售后" (ASCII or Chinese commas, 顿号, spaces) → unique trimmed tags. */
export function parseTags(input: string | string[] | undefined): string[] {
  const parts = (Array.isArray(input) ? input.join(",") : (input ?? "")).split(/[,，、;；\s]+/);
  const seen = new Set<string>();
  for (const part of parts) {
    const tag = part.trim();
    if (tag) seen.add(tag);
  }
  return [...seen];
}

export function buildSearchText(input: { title: string; tags: string[]; summary: string; bodyText: string }): string {
  return [
    normaliseForSearch(input.title),
    normaliseForSearch([...input.tags, input.summary].join(" ")),
    normaliseForSearch(input.bodyText),
  ].join(SECTION_SEPARATOR);
}

/** How many of `termCount` query terms an article must contain: ceil(60 %), never fewer than one. */
export function minimumMatches(termCount: number): number {
  if (termCount <= 0) return 0;
  return Math.max(1, Math.ceil(termCount * MATCH_SHARE - 1e-9));
}

/** The same score the SQL computes, for one article — used by tests and to explain the ranking. */
export function scoreSections(
  sections: { title: string; meta: string; body: string },
  terms: string[],
): { score: number; matched: number } {
  let score = 0;
  let matched = 0;
  for (const term of terms) {
    const inTitle = sections.title.includes(term);
    const inMeta = sections.meta.includes(term);
    const inBody = sections.body.includes(term);
    score += (inTitle ? WEIGHTS.title : 0) + (inMeta ? WEIGHTS.meta : 0) + (inBody ? WEIGHTS.body : 0);
    if (inTitle || inMeta || inBody) matched += 1;
  }
  return { score, matched };
}

export type SnippetPart = { text: string; hit: boolean };

/**
 * A window of `length` characters of `text` around the first occurrence of any term, split into parts with the
 * occurrences of every term marked, so the page can wrap hits in <mark> without building HTML. Text without any
 * hit gives its beginning. Matching is case- and width-insensitive (NFKC per character, like the search), but the
 * original characters are shown, so Chinese punctuation (，。) stays as written.
 */
export function buildSnippet(
  text: string,
  terms: string[],
  length = 120,
): { parts: SnippetPart[]; truncatedStart: boolean; truncatedEnd: boolean } {
  const chars = Array.from(text.replace(/\s+/g, " ").trim());
  // folded = the comparison form; owner[k] = the original character that produced folded position k.
  let folded = "";
  const owner: number[] = [];
  chars.forEach((char, index) => {
    const form = char.normalize("NFKC").toLowerCase();
    folded += form;
    for (let k = 0; k < form.length; k += 1) owner.push(index);
  });
  const marks = new Array<boolean>(chars.length).fill(false);
  let first = -1;
  for (const term of terms) {
    if (!term) continue;
    for (let from = 0; ;) {
      const at = folded.indexOf(term, from);
      if (at < 0) break;
      for (let k = at; k < at + term.length; k += 1) marks[owner[k]!] = true;
      if (first < 0 || owner[at]! < first) first = owner[at]!;
      from = at + 1;
    }
  }
  const lead = Math.floor(length / 4);
  let start = first < 0 ? 0 : Math.max(0, first - lead);
  const end = Math.min(chars.length, start + length);
  if (end - start < length) start = Math.max(0, end - length);
  const parts: SnippetPart[] = [];
  for (let i = start; i < end; i += 1) {
    const last = parts[parts.length - 1];
    if (last && last.hit === marks[i]) last.text += chars[i];
    else parts.push({ text: chars[i]!, hit: marks[i]! });
  }
  return { parts, truncatedStart: start > 0, truncatedEnd: end < chars.length };
}

const TOO_LONG = { error: "validation:tooLong" };
const optionalText = (max: number) => z.string().trim().max(max, TOO_LONG).optional().default("");

/** The article editor's fields. `expectedUpdatedAt` guards against overwriting someone else's save (409). */
export const ArticleFormSchema = z.object({
  title: z.string({ error: "validation:required" }).trim().min(1, "validation:required").max(120, TOO_LONG),
  slug: z
    .string({ error: "validation:required" })
    .trim()
    .toLowerCase()
    .min(2, "training-kb:errors.slugFormat")
    .max(80, TOO_LONG)
    .regex(SLUG_PATTERN, "training-kb:errors.slugFormat")
    .refine((slug) => !(RESERVED_SLUGS as readonly string[]).includes(slug), "training-kb:errors.slugReserved"),
  kind: z.enum(ARTICLE_KINDS, { error: "validation:invalidChoice" }),
  categoryId: optionalText(40),
  summary: optionalText(300),
  tags: optionalText(300),
  body: z.string({ error: "validation:required" }).trim().min(1, "validation:required").max(50_000, TOO_LONG),
  intent: z.enum(["save", "publish", "archive", "unarchive", "preview"]).default("save"),
  expectedUpdatedAt: optionalText(40),
});
export type ArticleForm = z.infer<typeof ArticleFormSchema>;

/** Front matter of content/kb/<category>/<slug>.md. */
export const ArticleFrontMatterSchema = z.object({
  title: z.string().trim().min(1).max(120),
  kind: z.enum(ARTICLE_KINDS),
  summary: z.string().trim().max(300).default(""),
  tags: z.array(z.coerce.string().trim().min(1)).max(MAX_TAGS).default([]),
});

export const CategoryFileSchema = z.array(
  z.object({
    slug: z.string().regex(SLUG_PATTERN),
    name: z.string().trim().min(1).max(40),
    position: z.number().int().min(0),
  }),
);
