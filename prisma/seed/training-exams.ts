/**
 * Exams from content/exams/*.yaml: 新人入职结业考试 (certification), 售后政策专项测验 (remediation with the
 * after-sales course) and 投诉处理专员认证 (certification with short answers). Runs after the courses and the
 * question banks. Idempotent by slug; an unknown bank, question key or course slug, or a draw the bank cannot
 * fill, fails the seed with the reason.
 */
import path from "node:path";
import { describeExamSync, syncExams } from "~/modules/training/banks/content-sync.server";
import { env } from "~/utils/env.server";

const EXAMS_DIR = path.resolve(import.meta.dirname, "../../content/exams");

export async function seedExams(): Promise<string> {
  const report = await syncExams(EXAMS_DIR, env().APP_TIME_ZONE);
  if (report.errors.length > 0) throw new Error(`exams:\n  ${report.errors.join("\n  ")}`);
  return describeExamSync(report);
}
