import path from "node:path";
import { describeContentSync, syncTrainingContent } from "~/modules/training/content-sync/content-sync.server";

const CONTENT_DIR = path.resolve(import.meta.dirname, "../../content");

/**
 * The demo courses (content/courses) and learning paths (content/paths, e.g. 新人入职路径), published the way a
 * content sync publishes them. Idempotent: a second run reports every course and path unchanged. Content errors
 * fail the seed with every problem and its file name, like the other content seeds.
 */
export async function seedTrainingCourses(dirs?: { coursesDir: string; pathsDir: string }): Promise<string> {
  const report = await syncTrainingContent(
    dirs ?? { coursesDir: path.join(CONTENT_DIR, "courses"), pathsDir: path.join(CONTENT_DIR, "paths") },
    { id: null, ipAddress: "seed" },
  );
  if (report.errors.length > 0) {
    throw new Error(`training content has errors:\n${report.errors.map((error) => `  ${error}`).join("\n")}`);
  }
  return describeContentSync(report);
}
