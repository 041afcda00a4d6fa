/**
 * Syncs rubrics from YAML content into the database.
 * Usage: npm run content:sync-rubrics [-- [--activate] [dir]]   (dir defaults to content/qa/rubrics)
 */
import path from "node:path";
import {
  describeSyncReport,
  RubricContentError,
  syncRubricsFromContent,
} from "~/modules/qa/rubrics/rubric-content.server";
import { closeDatabase } from "~/utils/db.server";

const args = process.argv.slice(2);
const activate = args.includes("--activate");
const dir = path.resolve(args.find((arg) => !arg.startsWith("--")) ?? "content/qa/rubrics");

syncRubricsFromContent(dir, { activate })
  .then((report) => {
    console.log(describeSyncReport(report));
    for (const [label, slugs] of Object.entries(report))
      if (slugs.length) console.log(`  ${label}: ${slugs.join(", ")}`);
  })
  .catch((error: unknown) => {
    console.error(error instanceof RubricContentError ? error.message : error);
    process.exitCode = 1;
  })
  .finally(() => closeDatabase());
