import { createHash } from "node:crypto";

/** sha256 of title + "\n" + body: a lesson whose hash is unchanged keeps its completion in a newer version. */
export function lessonContentHash(title: string, body: string): string {
  return createHash("sha256").update(`${title}\n${body}`, "utf8").digest("hex");
}

/** sha256 over several texts, each length-prefixed so ["ab", "c"] and ["a", "bc"] differ. */
export function hashTexts(texts: readonly string[]): string {
  const hash = createHash("sha256");
  for (const text of texts) {
    const bytes = Buffer.from(text, "utf8");
    hash.update(`${bytes.length}:`);
    hash.update(bytes);
  }
  return hash.digest("hex");
}
