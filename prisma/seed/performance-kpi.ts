/**
 * KPIs for the demo: syncs content/kpi/definitions.yaml (creates missing definitions, never overwrites a manager's
 * edits), keeps the organisation's attribution setting (last agent unless someone changed it), gives 客户回访组
 * its calling hours (every day 09:00–21:00) so business-hours response times show, then computes the monthly
 * snapshots of the last 13 months so the 12-month trend charts have data.
 *
 * Idempotent: a month that already has a computation is not recomputed by the seed (the daily kpi.snapshot job
 * keeps the current and previous month fresh), so a second seed changes nothing.
 */
import path from "node:path";
import { syncKpiDefinitions } from "~/modules/kpi/definitions-sync.server";
import { currentMonth, lastMonths, periodKey, periodStartDate } from "~/modules/kpi/periods";
import { computeKpiSnapshots } from "~/modules/kpi/snapshot.server";
import { db } from "~/utils/db.server";
import { env } from "~/utils/env.server";

const DEFINITIONS_FILE = path.resolve(import.meta.dirname, "../../content/kpi/definitions.yaml");
const MONTHS = 13;

export async function seedKpis(now = new Date()): Promise<string> {
  const report = await syncKpiDefinitions(DEFINITIONS_FILE);
  if (report.errors.length > 0) throw new Error(`kpi definitions:\n  ${report.errors.join("\n  ")}`);
  await db.kpiSettings.upsert({ where: { id: 1 }, create: { attribution: "last_agent" }, update: {} });
  const callbacks = await db.team.findUnique({ where: { code: "FUP" }, select: { id: true } });
  if (callbacks) {
    await db.teamBusinessHours.upsert({
      where: { teamId: callbacks.id },
      create: {
        teamId: callbacks.id,
        enabled: true,
        timeZone: "Asia/Shanghai",
        workingDays: [1, 2, 3, 4, 5, 6, 7],
        startMinute: 9 * 60,
        endMinute: 21 * 60,
      },
      update: {},
    });
  }

  const months = lastMonths(currentMonth(now, env().APP_TIME_ZONE), MONTHS);
  const done = new Set(
    (
      await db.kpiComputation.findMany({
        where: { periodKind: "month", periodStart: { in: months.map(periodStartDate) }, finishedAt: { not: null } },
        select: { periodStart: true },
      })
    ).map((row) => row.periodStart.toISOString().slice(0, 10)),
  );
  const started = Date.now();
  let rows = 0;
  const computed: string[] = [];
  for (const month of months) {
    if (done.has(month.start)) continue;
    rows += (await computeKpiSnapshots(month, { trigger: "seed" })).rows;
    computed.push(periodKey(month));
  }
  const range = computed.length > 0 ? ` ${computed[0]}…${computed[computed.length - 1]}` : "";
  return `kpis: ${report.created.length} definitions created, ${report.kept.length} kept; ${computed.length} months computed${range} (${rows} snapshot rows, ${Date.now() - started} ms)`;
}
