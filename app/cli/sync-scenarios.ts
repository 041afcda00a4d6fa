/**
 * Syncs role-play scenarios from content/scenarios/*.yaml into the database.
 * Usage: npm run content:sync-scenarios [-- dir]   (dir defaults to content/scenarios)
 */
import path from "node:path";
import {
  DEFAULT_SCENARIO_DIR,
  describeScenarioSyncReport,
  ScenarioContentError,
  syncScenarios,
} from "~/modules/roleplay/content-sync.server";
import { closeDatabase } from "~/utils/db.server";

const dir = path.resolve(process.argv.slice(2).find((arg) => !arg.startsWith("--")) ?? DEFAULT_SCENARIO_DIR);

syncScenarios(dir)
  .then((report) => {
    console.log(describeScenarioSyncReport(report));
    for (const [label, slugs] of Object.entries(report))
      if (slugs.length) console.log(`  ${label}: ${slugs.join(", ")}`);
  })
  .catch((error: unknown) => {
    console.error(error instanceof ScenarioContentError ? error.message : error);
    process.exitCode = 1;
  })
  .finally(() => closeDatabase());
