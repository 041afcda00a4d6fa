/**
 * Incentives for the demo: the award programmes of content/awards/programs.yaml (created once, then managers own
 * them), the leaderboard settings (boards rank by 月度服务之星's composite; agents see the top 10 and themselves),
 * and the monthly boards of the last two complete months.
 *
 * Idempotent: programmes that exist are kept, the settings row is only created, and a month that already has
 * board rows is not recomputed by the seed (the daily awards.leaderboard job keeps boards fresh).
 */
import path from "node:path";
import { computeLeaderboards } from "~/modules/awards/leaderboard.server";
import { describeProgramSync, syncPrograms } from "~/modules/awards/programs-sync.server";
import { currentMonth, periodKey, periodStartDate, shiftPeriod } from "~/modules/kpi/periods";
import { db } from "~/utils/db.server";
import { env } from "~/utils/env.server";

const PROGRAMS_FILE = path.resolve(import.meta.dirname, "../../content/awards/programs.yaml");
export const LEADERBOARD_PROGRAM_KEY = "monthly-service-star";

export async function seedAwardPrograms(): Promise<string> {
  const report = await syncPrograms(PROGRAMS_FILE);
  if (report.errors.length > 0) throw new Error(`award programmes:\n  ${report.errors.join("\n  ")}`);
  await db.incentiveSettings.upsert({
    where: { id: 1 },
    create: { id: 1, leaderboardProgramKey: LEADERBOARD_PROGRAM_KEY, agentTopN: 10, fullBoardVisible: false },
    update: {},
  });
  return describeProgramSync(report);
}

export async function seedLeaderboards(now = new Date()): Promise<string> {
  const running = currentMonth(now, env().APP_TIME_ZONE);
  const months = [shiftPeriod(running, -2), shiftPeriod(running, -1)];
  const lines: string[] = [];
  for (const month of months) {
    const existing = await db.leaderboardEntry.count({ where: { periodStart: periodStartDate(month) } });
    if (existing > 0) {
      lines.push(`${periodKey(month)} kept`);
      continue;
    }
    const result = await computeLeaderboards(month);
    lines.push(
      result.ok ? `${periodKey(month)} ${result.rows} rows` : `${periodKey(month)} skipped (${result.reason})`,
    );
  }
  return `leaderboards: ${lines.join(", ")}`;
}
