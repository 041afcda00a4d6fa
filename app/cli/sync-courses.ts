/**
 * Syncs courses and learning paths from content/ into the database (idempotent: unchanged files change nothing).
 * Usage: npm run content:sync-courses [-- [coursesDir] [pathsDir]]   (defaults: content/courses, content/paths)
 */
import path from "node:path";
import { describeContentSync, syncTrainingContent } from "~/modules/training/content-sync/content-sync.server";
import { closeDatabase } from "~/utils/db.server";

const [coursesArg, pathsArg] = process.argv.slice(2).filter((arg) => !arg.startsWith("--"));

syncTrainingContent({
  coursesDir: path.resolve(coursesArg ?? "content/courses"),
  pathsDir: path.resolve(pathsArg ?? "content/paths"),
})
  .then((report) => {
    console.log(describeContentSync(report));
    for (const [kind, counts] of [
      ["courses", report.courses],
      ["paths", report.paths],
    ] as const) {
      for (const [label, slugs] of Object.entries(counts)) {
        if (slugs.length) console.log(`  ${kind} ${label}: ${slugs.join(", ")}`);
      }
    }
    if (report.errors.length) {
      console.error(`errors:\n${report.errors.map((error) => `  ${error}`).join("\n")}`);
      process.exitCode = 1;
    }
  })
  .catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  })
  .finally(() => closeDatabase());
