/**
 * The disputes report, aggregated in SQL over disputes filed in a date range (organisation time zone).
 *
 * Definitions
 * - Decided: the dispute's status is final (accepted, partly_accepted, rejected); open, escalated and withdrawn
 *   disputes are left out of rates and days to resolve.
 * - Acceptance rate (disputes): (accepted + partly accepted) ÷ decided disputes. Acceptance rate (items): accepted
 *   items ÷ items of decided disputes — the latest decision counts, whichever stage made it.
 * - Days to resolve: resolvedAt − createdAt of decided disputes, in days.
 * - SLA breach of the inspector: the first decision came after the first stage's due time (or has not come and that
 *   time has passed; a withdrawal counts as the answer). The first stage's due time is Dispute.dueAt until an
 *   escalation moves it; then it is read from the dispute.create audit entry. A breach by the arbitrator: an
 *   escalated dispute decided after, or still open past, its due time.
 */
import { dayIn } from "~/utils/calendar";
import { env } from "~/utils/env.server";
import { db } from "~/utils/db.server";
import { getQaSettings } from "~/modules/qa/settings.server";
import { daysCell, percentCell, rate, toCsv, type ReportRange } from "./dispute-report";

export interface DisputeOverview {
  volume: number;
  open: number;
  escalated: number;
  accepted: number;
  partlyAccepted: number;
  rejected: number;
  withdrawn: number;
  decided: number;
  items: number;
  decidedItems: number;
  acceptedItems: number;
  disputeAcceptance: number | null;
  itemAcceptance: number | null;
  averageDaysToResolve: number | null;
  inspectorBreaches: number;
  arbitratorBreaches: number;
}

export interface CriterionRow {
  key: string;
  name: string;
  items: number;
  decided: number;
  accepted: number;
  acceptance: number | null;
}

export interface InspectorRow {
  inspectorId: string;
  name: string;
  disputes: number;
  decided: number;
  acceptedOrPartly: number;
  disputeAcceptance: number | null;
  decidedItems: number;
  acceptedItems: number;
  itemAcceptance: number | null;
  averageDaysToResolve: number | null;
  slaBreaches: number;
}

export interface DisputeReport {
  overview: DisputeOverview;
  criteria: CriterionRow[];
  inspectors: InspectorRow[];
}

const n = (value: bigint | number | null | undefined) => Number(value ?? 0);

/** Overview, by-criterion and by-inspector figures over the disputes filed in the range. */
export async function disputeReport(range: ReportRange, now = new Date()): Promise<DisputeReport> {
  const timeZone = env().APP_TIME_ZONE;
  const { disputeSlaDays } = await getQaSettings();
  const fromDate = range.from;
  const toDate = range.to;
  const nowIso = now.toISOString();

  const [overviewRows, criterionRows, inspectorRows] = await Promise.all([
    db.$queryRaw<
      {
        volume: bigint;
        open: bigint;
        escalated: bigint;
        accepted: bigint;
        partly: bigint;
        rejected: bigint;
        withdrawn: bigint;
        decided: bigint;
        avg_days: number | null;
        inspector_breaches: bigint;
        arbitrator_breaches: bigint;
      }[]
    >`
      WITH d AS (
        SELECT d.*,
          COALESCE(d."firstDecidedAt", d."resolvedAt", (${nowIso}::timestamptz AT TIME ZONE 'UTC')) > CASE
            WHEN d."escalatedAt" IS NULL THEN d."dueAt"
            ELSE COALESCE(
              (SELECT ((a."after"->>'dueAt')::timestamptz AT TIME ZONE 'UTC') FROM "AuditLog" a
                WHERE a."action" = 'dispute.create' AND a."entityType" = 'dispute' AND a."entityId" = d."id" LIMIT 1),
              d."createdAt" + make_interval(days => ${disputeSlaDays}::int))
          END AS inspector_breach
        FROM "Dispute" d
        WHERE d."createdAt" >= ((${fromDate}::date)::timestamp AT TIME ZONE ${timeZone}) AT TIME ZONE 'UTC'
          AND d."createdAt" < (((${toDate}::date + 1))::timestamp AT TIME ZONE ${timeZone}) AT TIME ZONE 'UTC'
      )
      SELECT count(*) AS volume,
        count(*) FILTER (WHERE status = 'open') AS open,
        count(*) FILTER (WHERE "escalatedAt" IS NOT NULL) AS escalated,
        count(*) FILTER (WHERE status = 'accepted') AS accepted,
        count(*) FILTER (WHERE status = 'partly_accepted') AS partly,
        count(*) FILTER (WHERE status = 'rejected') AS rejected,
        count(*) FILTER (WHERE status = 'withdrawn') AS withdrawn,
        count(*) FILTER (WHERE status IN ('accepted', 'partly_accepted', 'rejected')) AS decided,
        (avg(EXTRACT(EPOCH FROM ("resolvedAt" - "createdAt")) / 86400)
          FILTER (WHERE status IN ('accepted', 'partly_accepted', 'rejected')))::float8 AS avg_days,
        count(*) FILTER (WHERE inspector_breach) AS inspector_breaches,
        count(*) FILTER (WHERE "escalatedAt" IS NOT NULL AND status <> 'withdrawn'
          AND COALESCE("resolvedAt", (${nowIso}::timestamptz AT TIME ZONE 'UTC')) > "dueAt") AS arbitrator_breaches
      FROM d`,
    db.$queryRaw<{ key: string; name: string; items: bigint; decided: bigint; accepted: bigint }[]>`
      SELECT c."key" AS key, max(c."name") AS name, count(*) AS items,
        count(*) FILTER (WHERE d.status IN ('accepted', 'partly_accepted', 'rejected')) AS decided,
        count(*) FILTER (WHERE d.status IN ('accepted', 'partly_accepted', 'rejected') AND i.accepted) AS accepted
      FROM "DisputeItem" i
      JOIN "Dispute" d ON d."id" = i."disputeId"
      JOIN "RubricCriterion" c ON c."id" = i."criterionId"
      WHERE d."createdAt" >= ((${fromDate}::date)::timestamp AT TIME ZONE ${timeZone}) AT TIME ZONE 'UTC'
        AND d."createdAt" < (((${toDate}::date + 1))::timestamp AT TIME ZONE ${timeZone}) AT TIME ZONE 'UTC'
      GROUP BY c."key"
      ORDER BY count(*) DESC, c."key" ASC`,
    db.$queryRaw<
      {
        inspector_id: string;
        name: string;
        disputes: bigint;
        decided: bigint;
        accepted_or_partly: bigint;
        decided_items: bigint;
        accepted_items: bigint;
        avg_days: number | null;
        breaches: bigint;
      }[]
    >`
      WITH d AS (
        SELECT d."id", d.status, d."createdAt", d."resolvedAt", r."inspectorId",
          COALESCE(d."firstDecidedAt", d."resolvedAt", (${nowIso}::timestamptz AT TIME ZONE 'UTC')) > CASE
            WHEN d."escalatedAt" IS NULL THEN d."dueAt"
            ELSE COALESCE(
              (SELECT ((a."after"->>'dueAt')::timestamptz AT TIME ZONE 'UTC') FROM "AuditLog" a
                WHERE a."action" = 'dispute.create' AND a."entityType" = 'dispute' AND a."entityId" = d."id" LIMIT 1),
              d."createdAt" + make_interval(days => ${disputeSlaDays}::int))
          END AS breach,
          (SELECT count(*) FROM "DisputeItem" i WHERE i."disputeId" = d."id") AS items,
          (SELECT count(*) FROM "DisputeItem" i WHERE i."disputeId" = d."id" AND i.accepted) AS accepted_items
        FROM "Dispute" d
        JOIN "Review" r ON r."id" = d."reviewId"
        WHERE d."createdAt" >= ((${fromDate}::date)::timestamp AT TIME ZONE ${timeZone}) AT TIME ZONE 'UTC'
          AND d."createdAt" < (((${toDate}::date + 1))::timestamp AT TIME ZONE ${timeZone}) AT TIME ZONE 'UTC'
      )
      SELECT d."inspectorId" AS inspector_id, u."name" AS name, count(*) AS disputes,
        count(*) FILTER (WHERE d.status IN ('accepted', 'partly_accepted', 'rejected')) AS decided,
        count(*) FILTER (WHERE d.status IN ('accepted', 'partly_accepted')) AS accepted_or_partly,
        COALESCE(sum(d.items) FILTER (WHERE d.status IN ('accepted', 'partly_accepted', 'rejected')), 0)::bigint AS decided_items,
        COALESCE(sum(d.accepted_items) FILTER (WHERE d.status IN ('accepted', 'partly_accepted', 'rejected')), 0)::bigint AS accepted_items,
        (avg(EXTRACT(EPOCH FROM (d."resolvedAt" - d."createdAt")) / 86400)
          FILTER (WHERE d.status IN ('accepted', 'partly_accepted', 'rejected')))::float8 AS avg_days,
        count(*) FILTER (WHERE d.breach) AS breaches
      FROM d JOIN "User" u ON u."id" = d."inspectorId"
      GROUP BY d."inspectorId", u."name"
      ORDER BY count(*) DESC, u."name" ASC`,
  ]);

  const criteria = criterionRows.map((row) => ({
    key: row.key,
    name: row.name,
    items: n(row.items),
    decided: n(row.decided),
    accepted: n(row.accepted),
    acceptance: rate(n(row.accepted), n(row.decided)),
  }));
  const items = criteria.reduce((sum, row) => sum + row.items, 0);
  const decidedItems = criteria.reduce((sum, row) => sum + row.decided, 0);
  const acceptedItems = criteria.reduce((sum, row) => sum + row.accepted, 0);
  const o = overviewRows[0]!;
  const decided = n(o.decided);
  return {
    overview: {
      volume: n(o.volume),
      open: n(o.open),
      escalated: n(o.escalated),
      accepted: n(o.accepted),
      partlyAccepted: n(o.partly),
      rejected: n(o.rejected),
      withdrawn: n(o.withdrawn),
      decided,
      items,
      decidedItems,
      acceptedItems,
      disputeAcceptance: rate(n(o.accepted) + n(o.partly), decided),
      itemAcceptance: rate(acceptedItems, decidedItems),
      averageDaysToResolve: o.avg_days,
      inspectorBreaches: n(o.inspector_breaches),
      arbitratorBreaches: n(o.arbitrator_breaches),
    },
    criteria,
    inspectors: inspectorRows.map((row) => ({
      inspectorId: row.inspector_id,
      name: row.name,
      disputes: n(row.disputes),
      decided: n(row.decided),
      acceptedOrPartly: n(row.accepted_or_partly),
      disputeAcceptance: rate(n(row.accepted_or_partly), n(row.decided)),
      decidedItems: n(row.decided_items),
      acceptedItems: n(row.accepted_items),
      itemAcceptance: rate(n(row.accepted_items), n(row.decided_items)),
      averageDaysToResolve: row.avg_days,
      slaBreaches: n(row.breaches),
    })),
  };
}

export function todayInAppZone(now = new Date()) {
  return dayIn(now, env().APP_TIME_ZONE);
}

export const REPORT_TABLES = ["criteria", "inspectors"] as const;
export type ReportTable = (typeof REPORT_TABLES)[number];

/** One report table as CSV; headers in the reader's language (t bound to qa-disputes). */
export function reportCsv(table: ReportTable, report: DisputeReport, t: (key: string) => string) {
  if (table === "criteria") {
    return toCsv(
      [
        t("report.criterionKey"),
        t("report.criterion"),
        t("report.itemsDisputed"),
        t("report.itemsDecided"),
        t("report.itemsAccepted"),
        t("report.acceptancePercent"),
      ],
      report.criteria.map((row) => [
        row.key,
        row.name,
        row.items,
        row.decided,
        row.accepted,
        percentCell(row.acceptance),
      ]),
    );
  }
  return toCsv(
    [
      t("report.inspector"),
      t("report.disputes"),
      t("report.decided"),
      t("report.acceptedOrPartly"),
      t("report.disputeAcceptancePercent"),
      t("report.itemsDecided"),
      t("report.itemsAccepted"),
      t("report.itemAcceptancePercent"),
      t("report.averageDays"),
      t("report.slaBreaches"),
    ],
    report.inspectors.map((row) => [
      row.name,
      row.disputes,
      row.decided,
      row.acceptedOrPartly,
      percentCell(row.disputeAcceptance),
      row.decidedItems,
      row.acceptedItems,
      percentCell(row.itemAcceptance),
      daysCell(row.averageDaysToResolve),
      row.slaBreaches,
    ]),
  );
}
