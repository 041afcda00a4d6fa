import { useRouteLoaderData } from "@remix-run/react";
import { useEffect, useState } from "react";
import { formatDate, formatDateTime, formatNumber, formatRelative, type FormatContext } from "./format";

type RootFormatData = { locale?: string; timeZone?: string; renderedAt?: number } | undefined;

/**
 * "Now" for relative times: the server's render time during hydration (so server and browser print the
 * same "3 分钟前"), the browser's clock once mounted.
 */
export function useNow(): Date {
  const root = useRouteLoaderData("root") as RootFormatData;
  const [now, setNow] = useState(() => root?.renderedAt ?? Date.now());
  useEffect(() => setNow(Date.now()), []);
  return new Date(now);
}

/** Formatters bound to the viewer's locale and the organisation's time zone (from the root loader). */
export function useFormat() {
  const root = useRouteLoaderData("root") as RootFormatData;
  const now = useNow();
  const context: FormatContext = { locale: root?.locale ?? "zh-CN", timeZone: root?.timeZone ?? "Asia/Shanghai" };
  return {
    context,
    date: (value: Date | string | null | undefined, dateOnly = false) => formatDate(value, context, dateOnly),
    dateTime: (value: Date | string | null | undefined) => formatDateTime(value, context),
    number: (value: number, options?: Intl.NumberFormatOptions) => formatNumber(value, context, options),
    relative: (value: Date | string) => formatRelative(value, context, now),
    now,
  };
}
