/** Locale- and time-zone-aware formatting shared by server and browser. */
export type FormatContext = { locale: string; timeZone: string };

export function formatDateTime(value: Date | string | null | undefined, context: FormatContext) {
  if (!value) return "";
  return new Intl.DateTimeFormat(context.locale, {
    timeZone: context.timeZone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  }).format(new Date(value));
}

export function formatDate(value: Date | string | null | undefined, context: FormatContext, dateOnly = false) {
  if (!value) return "";
  return new Intl.DateTimeFormat(context.locale, {
    // Calendar dates (hire date) are stored at UTC midnight; shifting them would move the day.
    timeZone: dateOnly ? "UTC" : context.timeZone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).format(new Date(value));
}

export function formatNumber(value: number, context: FormatContext, options?: Intl.NumberFormatOptions) {
  return new Intl.NumberFormat(context.locale, options).format(value);
}

export function formatRelative(value: Date | string, context: FormatContext, now = new Date()) {
  const seconds = Math.round((new Date(value).getTime() - now.getTime()) / 1000);
  const rtf = new Intl.RelativeTimeFormat(context.locale, { numeric: "auto" });
  const abs = Math.abs(seconds);
  if (abs < 60) return rtf.format(seconds, "second");
  if (abs < 3600) return rtf.format(Math.round(seconds / 60), "minute");
  if (abs < 86400) return rtf.format(Math.round(seconds / 3600), "hour");
  if (abs < 86400 * 30) return rtf.format(Math.round(seconds / 86400), "day");
  return formatDate(value, context);
}
