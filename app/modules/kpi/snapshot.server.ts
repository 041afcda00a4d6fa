/**
 * KPI snapshots: every metric of app/modules/kpi/metrics.ts for every agent and team of a period, aggregated in
 * SQL (snapshot-sql.ts) and upserted in one transaction with a KpiComputation row. Rerunning replaces the period's
 * numbers: late-arriving data changes them, and rows whose metric has no data any more are deleted.
 */
import { databaseKind, db } from "~/utils/db.server";
import { env } from "~/utils/env.server";
import { periodBounds, periodEndDay, periodStartDate, type KpiPeriod } from "./periods";
import { snapshotStatements, staleRowsSql, type KpiAttributionMode } from "./snapshot-sql";

export type KpiComputationTrigger = "schedule" | "manual" | "seed";

export interface KpiSnapshotResult {
  rows: number;
  durationMs: number;
  /** Milliseconds per source statement (conversations, first_responses, replies, …). */
  sources: Record<string, number>;
}

// A year of a large organisation is minutes of SQL: far past the 5 s interactive-transaction default.
const TRANSACTION_OPTIONS = { maxWait: 30_000, timeout: 60 * 60_000 };

export async function kpiAttribution(): Promise<KpiAttributionMode> {
  const settings = await db.kpiSettings.findUnique({ where: { id: 1 }, select: { attribution: true } });
  return settings?.attribution ?? "last_agent";
}

export async function computeKpiSnapshots(
  period: KpiPeriod,
  options: { trigger?: KpiComputationTrigger; timeZone?: string; now?: Date } = {},
): Promise<KpiSnapshotResult> {
  const started = Date.now();
  const stamp = options.now ?? new Date();
  const { from, to } = periodBounds(period, options.timeZone ?? env().APP_TIME_ZONE);
  const attribution = await kpiAttribution();
  const input = {
    periodKind: period.kind,
    periodStart: period.start,
    periodEndDay: periodEndDay(period),
    from,
    to,
    stamp,
    attribution,
  };
  const sources: Record<string, number> = {};
  const postgres = databaseKind() === "postgres";
  const rows = await db.$transaction(async (tx) => {
    // The planner's cost for the per-conversation lookups crosses the JIT threshold; compiling takes longer than
    // the statements themselves (measured with bench:kpi).
    if (postgres) await tx.$executeRawUnsafe("SET LOCAL jit = off");
    // One computation of a period at a time (a retried job and a manual recompute may overlap): the second waits and
    // then rewrites the period from the data it sees.
    await tx.$queryRawUnsafe(
      `SELECT 1 AS locked FROM (SELECT pg_advisory_xact_lock(hashtext($1))) AS l`,
      `kpi:${period.kind}:${period.start}`,
    );
    let written = 0;
    for (const statement of snapshotStatements(input)) {
      const begun = Date.now();
      written += await tx.$executeRawUnsafe(statement.sql);
      sources[statement.source] = Date.now() - begun;
    }
    const begun = Date.now();
    await tx.$executeRawUnsafe(staleRowsSql(input));
    sources.stale = Date.now() - begun;
    await tx.kpiComputation.create({
      data: {
        periodKind: period.kind,
        periodStart: periodStartDate(period),
        startedAt: stamp,
        finishedAt: new Date(),
        rows: written,
        durationMs: Date.now() - started,
        trigger: options.trigger ?? "manual",
      },
    });
    return written;
  }, TRANSACTION_OPTIONS);
  return { rows, durationMs: Date.now() - started, sources };
}

/** The most recent finished computation of a period (for "last computed at"). */
export function lastKpiComputation(period: KpiPeriod) {
  return db.kpiComputation.findFirst({
    where: { periodKind: period.kind, periodStart: periodStartDate(period), finishedAt: { not: null } },
    orderBy: { startedAt: "desc" },
  });
}
