import path from "node:path";
import { describeSyncReport, syncRubricsFromContent } from "~/modules/qa/rubrics/rubric-content.server";
import { syncKnowledgeBase } from "~/modules/training/kb/kb-sync.server";

const RUBRICS_DIR = path.resolve(import.meta.dirname, "../../content/qa/rubrics");

/**
 * The demo rubrics from content/qa/rubrics, active so sampling plans can use them. Idempotent. Criteria point at
 * knowledge-base articles by slug, so the knowledge base is synced first (a no-op when the seed already did it).
 */
export async function seedQaRubrics(): Promise<string> {
  await syncKnowledgeBase(path.resolve(import.meta.dirname, "../../content/kb"), { id: null, ipAddress: "seed" });
  return describeSyncReport(await syncRubricsFromContent(RUBRICS_DIR, { activate: true }));
}
