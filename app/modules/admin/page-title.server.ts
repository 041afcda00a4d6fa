import { getT } from "~/modules/i18n/i18n.server";

/** "<page> · <app>" in the viewer's language, for the route's meta. */
export async function pageTitle(request: Request, key: string, params?: Record<string, string>) {
  const t = await getT(request, "admin");
  return `${t(key, params)} · ${t("common:appName")}`;
}
