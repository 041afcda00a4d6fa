/**
 * Knowledge base (知识库/案例库) for the demo: the categories and articles in content/kb, published as file
 * content. Runs before the QA rubric sync, whose criteria point at these articles. Idempotent: the sync matches
 * articles by slug and content hash, so a second run changes nothing.
 */
import { DEFAULT_KB_DIR, describeKbSyncReport, syncKnowledgeBase } from "~/modules/training/kb/kb-sync.server";

export async function seedKnowledgeBase(): Promise<string> {
  const report = await syncKnowledgeBase(DEFAULT_KB_DIR, { id: null, ipAddress: "seed" });
  return describeKbSyncReport(report);
}
