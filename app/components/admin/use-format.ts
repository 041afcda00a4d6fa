import { useRouteLoaderData } from "@remix-run/react";
import type { loader as rootLoader } from "~/root";
import type { FormatContext } from "~/utils/format";

/** Locale and time zone from the root loader, for format.ts helpers. */
export function useFormatContext(): FormatContext {
  const root = useRouteLoaderData<typeof rootLoader>("root");
  return { locale: root?.locale ?? "zh-CN", timeZone: root?.timeZone ?? "Asia/Shanghai" };
}
