import path from "node:path";
import { describeScenarioSyncReport, syncScenarios } from "~/modules/roleplay/content-sync.server";

const SCENARIO_DIR = path.resolve(import.meta.dirname, "../../content/scenarios");

/** Role-play scenarios from content/scenarios/ (before the exams that use them as practical items). */
export async function seedScenarios(): Promise<string> {
  // syncScenarios throws ScenarioContentError on any invalid file: a broken scenario stops the seed.
  return describeScenarioSyncReport(await syncScenarios(SCENARIO_DIR));
}
