/**
 * Syncs question banks, then exams, from content/ into the database (idempotent: unchanged files change nothing).
 * Usage: npm run content:sync-exams [-- [banksDir] [examsDir]]   (defaults: content/question-banks, content/exams)
 * Exams reference courses by slug: sync courses first (npm run content:sync-courses). Exits 1 on any problem.
 */
import path from "node:path";
import {
  describeBankSync,
  describeExamSync,
  syncExams,
  syncQuestionBanks,
} from "~/modules/training/banks/content-sync.server";
import { closeDatabase } from "~/utils/db.server";
import { env } from "~/utils/env.server";

const [banksArg, examsArg] = process.argv.slice(2).filter((arg) => !arg.startsWith("--"));

async function main() {
  const banks = await syncQuestionBanks(path.resolve(banksArg ?? "content/question-banks"));
  console.log(describeBankSync(banks));
  const exams = await syncExams(path.resolve(examsArg ?? "content/exams"), env().APP_TIME_ZONE);
  console.log(describeExamSync(exams));
  const errors = [...banks.errors, ...exams.errors];
  if (errors.length) {
    console.error(`errors:\n${errors.map((error) => `  ${error}`).join("\n")}`);
    process.exitCode = 1;
  }
}

main()
  .catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  })
  .finally(() => closeDatabase());
