import { getT } from "./i18n.server";

/** "<page> · <app>" in the viewer's language, for the route's meta. */
export async function pageTitle(request: Request, key: string, params?: Record<string, string>) {
  const t = await getT(request);
  return `${t(key, params)} · ${t("common:appName")}`;
}
