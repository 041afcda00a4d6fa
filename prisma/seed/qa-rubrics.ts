import path from "node:path";
import { describeSyncReport, syncRubricsFromContent } from "~/modules/qa/rubrics/rubric-content.server";

const RUBRICS_DIR = path.resolve(import.meta.dirname, "../../content/qa/rubrics");

/** The demo rubrics from content/qa/rubrics, active so sampling plans can use them. Idempotent. */
export async function seedQaRubrics(): Promise<string> {
  return describeSyncReport(await syncRubricsFromContent(RUBRICS_DIR, { activate: true }));
}
