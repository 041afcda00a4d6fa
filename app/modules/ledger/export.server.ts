/**
 * Payroll CSV of one payroll month: approved entries only (proposals and rejections never reach payroll), or the
 * per-person totals. Headers and kind names are fixed Chinese so the payroll import does not depend on the
 * reader's language; docs/ledger.md documents the columns.
 */
import { env } from "~/utils/env.server";
import { csvDocument } from "~/utils/csv";
import { db } from "~/utils/db.server";
import { monthStart, personTotals, type LedgerScope } from "./entries.server";
import { toFen, type LedgerKind } from "./ledger-rules";

export const EXPORT_VIEWS = ["entries", "totals"] as const;
export type ExportView = (typeof EXPORT_VIEWS)[number];

export const KIND_LABELS_ZH: Record<LedgerKind, string> = {
  award_bonus: "评优奖金",
  bonus: "奖励",
  public_criticism: "通报批评",
  performance_deduction: "绩效扣减",
  correction: "更正",
};

export const ENTRY_COLUMNS = [
  "条目编号",
  "工号",
  "姓名",
  "团队",
  "类型",
  "金额",
  "绩效分",
  "原因",
  "证据",
  "提出人",
  "审批人",
  "审批时间",
  "关联条目",
] as const;

export const TOTAL_COLUMNS = [
  "工号",
  "姓名",
  "团队",
  "发薪月份",
  "奖励金额",
  "扣减金额",
  "合计金额",
  "绩效分合计",
  "条目数",
] as const;

// Amounts stay numbers: a text cell starting with "-" would be prefixed with ' by the formula guard.

/** "2026-11-03 14:05" in the organisation's time zone. */
function localDateTime(value: Date | null, timeZone: string) {
  if (!value) return "";
  const parts = new Intl.DateTimeFormat("en-CA", {
    timeZone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  }).formatToParts(value);
  const part = (type: string) => parts.find((entry) => entry.type === type)?.value ?? "";
  return `${part("year")}-${part("month")}-${part("day")} ${part("hour")}:${part("minute")}`;
}

export async function entriesCsv(scope: LedgerScope, month: string) {
  const timeZone = env().APP_TIME_ZONE;
  const rows = await db.ledgerEntry.findMany({
    where: {
      status: "approved",
      periodStart: monthStart(month),
      user: scope.teamIds === null ? {} : { teamId: { in: scope.teamIds } },
    },
    orderBy: [{ user: { externalId: "asc" } }, { decidedAt: "asc" }, { id: "asc" }],
    select: {
      id: true,
      kind: true,
      amount: true,
      points: true,
      reason: true,
      evidenceUrl: true,
      decidedAt: true,
      correctsId: true,
      awardCandidateId: true,
      user: { select: { externalId: true, name: true, team: { select: { name: true } } } },
      proposedBy: { select: { name: true } },
      approvedBy: { select: { name: true } },
    },
  });
  return csvDocument(
    ENTRY_COLUMNS,
    rows.map((row) => [
      row.id,
      row.user.externalId,
      row.user.name,
      row.user.team?.name ?? "",
      KIND_LABELS_ZH[row.kind],
      toFen(Number(row.amount)),
      row.points,
      row.reason,
      row.evidenceUrl ?? "",
      row.proposedBy?.name ?? "",
      row.approvedBy?.name ?? "",
      localDateTime(row.decidedAt, timeZone),
      row.correctsId ?? "",
    ]),
  );
}

export async function totalsCsv(scope: LedgerScope, month: string) {
  const totals = await personTotals(
    scope,
    { month, teamId: null, kind: null, status: "approved", userId: null, person: null },
    1,
    100_000, // every person of the month on one page: payroll needs the whole list
  );
  return csvDocument(
    TOTAL_COLUMNS,
    totals.rows.map((row) => [
      row.externalId,
      row.name,
      row.team ?? "",
      row.month,
      row.bonus,
      row.deduction,
      row.amount,
      row.points,
      row.entries,
    ]),
  );
}

export function exportCsv(scope: LedgerScope, month: string, view: ExportView) {
  return view === "totals" ? totalsCsv(scope, month) : entriesCsv(scope, month);
}
