import { useRouteLoaderData } from "@remix-run/react";
import { formatDate, formatDateTime, formatNumber, formatRelative, type FormatContext } from "./format";

/** Formatters bound to the viewer's locale and the organisation's time zone (from the root loader). */
export function useFormat() {
  const root = useRouteLoaderData("root") as { locale?: string; timeZone?: string } | undefined;
  const context: FormatContext = { locale: root?.locale ?? "zh-CN", timeZone: root?.timeZone ?? "Asia/Shanghai" };
  return {
    context,
    date: (value: Date | string | null | undefined, dateOnly = false) => formatDate(value, context, dateOnly),
    dateTime: (value: Date | string | null | undefined) => formatDateTime(value, context),
    number: (value: number, options?: Intl.NumberFormatOptions) => formatNumber(value, context, options),
    relative: (value: Date | string) => formatRelative(value, context),
  };
}
