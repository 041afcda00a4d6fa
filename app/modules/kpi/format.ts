/**
 * How KPI values read on every KPI page and in exports (pure, shared by server and browser). Values arrive in the
 * metric's base unit: seconds for durations, 0–100 for percentages, 0–100 for QA/exam scores, 1–5 for 360 ratings.
 */
import type { KpiUnit } from "./metrics";

/** What a definition may show: the metric's unit, or hours for a duration measured in seconds. */
export type KpiDisplayUnit = KpiUnit | "hours";

export const KPI_DISPLAY_UNITS: readonly KpiDisplayUnit[] = ["count", "seconds", "hours", "percent", "score", "rating"];

/** Display units a definition of a metric with this base unit may choose. */
export function displayUnitsFor(unit: KpiUnit): KpiDisplayUnit[] {
  return unit === "seconds" ? ["seconds", "hours"] : [unit];
}

export function isDisplayUnit(value: string): value is KpiDisplayUnit {
  return (KPI_DISPLAY_UNITS as readonly string[]).includes(value);
}

const SECONDS_PER_HOUR = 3600;

/** Targets are typed in the unit shown (hours for "hours") and stored in the base unit (seconds). */
export function targetToStored(value: number, unit: KpiDisplayUnit): number {
  return unit === "hours" ? value * SECONDS_PER_HOUR : value;
}

export function targetFromStored(value: number, unit: KpiDisplayUnit): number {
  return unit === "hours" ? round(value / SECONDS_PER_HOUR, 4) : value;
}

function round(value: number, digits: number): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

function isZh(locale: string): boolean {
  return locale.toLowerCase().startsWith("zh");
}

function decimal(value: number, locale: string, maxDigits: number): string {
  return new Intl.NumberFormat(locale, { maximumFractionDigits: maxDigits }).format(value);
}

function hours(seconds: number, locale: string): string {
  const value = decimal(round(seconds / SECONDS_PER_HOUR, 1), locale, 1);
  return isZh(locale) ? `${value} 小时` : `${value} h`;
}

/** 45秒 · 1分32秒 · 3.2 小时 (45 s · 1 min 32 s · 3.2 h). */
export function formatDuration(seconds: number, locale: string): string {
  const total = Math.round(Math.abs(seconds));
  const sign = seconds < 0 ? "-" : "";
  const zh = isZh(locale);
  if (total < 60) return zh ? `${sign}${total}秒` : `${sign}${total} s`;
  if (total < SECONDS_PER_HOUR) {
    const minutes = Math.floor(total / 60);
    const rest = total % 60;
    if (zh) return `${sign}${minutes}分${rest > 0 ? `${rest}秒` : "钟"}`;
    return `${sign}${minutes} min${rest > 0 ? ` ${rest} s` : ""}`;
  }
  return `${sign}${hours(total, locale)}`;
}

/** One KPI value as a reader sees it; null (nothing measured) reads "—". */
export function formatKpiValue(
  value: number | null | undefined,
  unit: KpiDisplayUnit | string,
  locale: string,
): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return "—";
  const zh = isZh(locale);
  switch (unit) {
    case "seconds":
      return formatDuration(value, locale);
    case "hours":
      // Under an hour, "0.1 小时" says little: show minutes and seconds instead.
      return Math.abs(value) < SECONDS_PER_HOUR ? formatDuration(value, locale) : hours(value, locale);
    case "percent":
      return `${decimal(round(value, 1), locale, 1)}%`;
    case "score":
      return zh ? `${decimal(round(value, 1), locale, 1)} 分` : decimal(round(value, 1), locale, 1);
    case "rating":
      return `${decimal(round(value, 2), locale, 2)} / 5`;
    default:
      // Counts are whole numbers unless split attribution shared conversations (then one decimal).
      return decimal(round(value, 1), locale, 1);
  }
}

/** The same value for a CSV cell: a plain number in the unit shown (hours for "hours"), no unit text. */
export function kpiCsvNumber(value: number | null | undefined, unit: KpiDisplayUnit | string): number | null {
  if (value === null || value === undefined || !Number.isFinite(value)) return null;
  if (unit === "hours") return round(value / SECONDS_PER_HOUR, 2);
  if (unit === "seconds") return round(value, 0);
  if (unit === "rating") return round(value, 2);
  return round(value, 1);
}
