/**
 * Syncs the knowledge base (categories and articles) from content/kb into the database.
 * Usage: npm run content:sync-kb [-- dir]   (dir defaults to content/kb)
 */
import path from "node:path";
import {
  DEFAULT_KB_DIR,
  describeKbSyncReport,
  KbContentError,
  syncKnowledgeBase,
} from "~/modules/training/kb/kb-sync.server";
import { closeDatabase } from "~/utils/db.server";

const dir = path.resolve(process.argv.slice(2).find((arg) => !arg.startsWith("--")) ?? DEFAULT_KB_DIR);

syncKnowledgeBase(dir)
  .then((report) => {
    console.log(describeKbSyncReport(report));
    for (const [label, slugs] of Object.entries(report))
      if (slugs.length) console.log(`  ${label}: ${slugs.join(", ")}`);
  })
  .catch((error: unknown) => {
    console.error(error instanceof KbContentError ? error.message : error);
    process.exitCode = 1;
  })
  .finally(() => closeDatabase());
