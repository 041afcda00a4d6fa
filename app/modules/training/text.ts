/**
 * Text comparison for answers and search, the same for Chinese and ASCII.
 * NFKC folds full-width letters, digits and punctuation (ＡＢＣ１２３，) to their half-width forms and
 * compatibility ideographs to the standard ones; then case and all whitespace are dropped, and surrounding
 * punctuation (。，！? "" etc.) is trimmed so "7天无理由退货。" matches "7天无理由退货".
 */
const EDGE_PUNCTUATION = /^[\p{P}\p{S}\s]+|[\p{P}\p{S}\s]+$/gu;

export function normaliseAnswer(text: string): string {
  return text.normalize("NFKC").toLowerCase().replace(/\s+/g, "").replace(EDGE_PUNCTUATION, "");
}

/** Lower-cased NFKC text with whitespace runs collapsed: the form stored for substring search. */
export function normaliseForSearch(text: string): string {
  return text.normalize("NFKC").toLowerCase().replace(/\s+/g, " ").trim();
}

/**
 * Search terms of a query. Chinese has no spaces and dictionary segmenters split domain words badly
 * (ICU cuts 退货运费 into 退/货运/费), so runs of Han characters become overlapping character bigrams
 * (退货, 货运, 运费) — the classic n-gram approach of CJK search engines: a document matching more bigrams
 * ranks higher, and word boundaries never have to be guessed. A single Han character stays as it is.
 * Letters and digits are kept as whole words ("7", "sku"); punctuation is dropped.
 */
export function searchTerms(query: string): string[] {
  const text = normaliseForSearch(query);
  const terms = new Set<string>();
  for (const run of text.match(/\p{Script=Han}+|(?:(?!\p{Script=Han})[\p{L}\p{N}])+/gu) ?? []) {
    if (!/\p{Script=Han}/u.test(run)) {
      terms.add(run);
      continue;
    }
    const chars = [...run];
    if (chars.length === 1) terms.add(run);
    for (let i = 0; i + 1 < chars.length; i += 1) terms.add(chars[i] + chars[i + 1]);
  }
  return [...terms];
}
