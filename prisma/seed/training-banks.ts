/**
 * Question banks from content/question-banks/*.yaml (onboarding-basics, after-sales-policy, complaint-handling,
 * privacy-compliance). Idempotent: banks by slug, questions by key and content hash. Invalid questions fail the seed
 * with their file and line, so broken content never goes unnoticed.
 */
import path from "node:path";
import { describeBankSync, syncQuestionBanks } from "~/modules/training/banks/content-sync.server";

const BANKS_DIR = path.resolve(import.meta.dirname, "../../content/question-banks");

export async function seedQuestionBanks(): Promise<string> {
  const report = await syncQuestionBanks(BANKS_DIR);
  if (report.errors.length > 0) throw new Error(`question banks:\n  ${report.errors.join("\n  ")}`);
  return describeBankSync(report);
}
