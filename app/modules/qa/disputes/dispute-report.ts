/** Pure pieces of the disputes report: the date range, rates and CSV text. */

import { csvDocument } from "~/utils/csv";

export const MAX_RANGE_DAYS = 366;
export const DEFAULT_RANGE_DAYS = 30;

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export interface ReportRange {
  /** Inclusive calendar dates (YYYY-MM-DD) in the organisation's time zone, on Dispute.createdAt. */
  from: string;
  to: string;
}

export type RangeProblem = "invalid-date" | "from-after-to" | "range-too-long";

function isCalendarDate(value: string) {
  if (!DATE.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

function shiftDays(date: string, days: number) {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** Reads from/to; missing values default to the last DEFAULT_RANGE_DAYS days ending today. */
export function readReportRange(
  params: URLSearchParams,
  today: string,
): { range: ReportRange; problem: RangeProblem | null } {
  const fallback = { from: shiftDays(today, -(DEFAULT_RANGE_DAYS - 1)), to: today };
  const to = params.get("to") || today;
  if (!isCalendarDate(to)) return { range: fallback, problem: "invalid-date" };
  const from = params.get("from") || shiftDays(to, -(DEFAULT_RANGE_DAYS - 1));
  if (!isCalendarDate(from)) return { range: fallback, problem: "invalid-date" };
  if (from > to) return { range: fallback, problem: "from-after-to" };
  if (Date.parse(to) - Date.parse(from) >= MAX_RANGE_DAYS * 86_400_000) {
    return { range: fallback, problem: "range-too-long" };
  }
  return { range: { from, to }, problem: null };
}

/** part ÷ whole, or null when there is nothing to divide. */
export function rate(part: number, whole: number): number | null {
  return whole > 0 ? part / whole : null;
}

/** RFC 4180 CSV with CRLF line ends and a BOM, so spreadsheet programs read Chinese as UTF-8. */
export function toCsv(header: readonly string[], rows: readonly (readonly (string | number | null)[])[]) {
  return csvDocument(header, rows);
}

/** Rates as percentages with one decimal for CSV cells; empty when undefined. */
export function percentCell(value: number | null) {
  return value === null ? null : Math.round(value * 1000) / 10;
}

export function daysCell(value: number | null) {
  return value === null ? null : Math.round(value * 10) / 10;
}
