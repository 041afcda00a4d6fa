import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { isLocale } from "~/modules/i18n/config";
import { localeCookie } from "~/modules/i18n/i18n.server";
import { getSessionUser } from "~/modules/identity/session.server";
import { assertSameOrigin } from "~/utils/csrf.server";
import { db } from "~/utils/db.server";
import { badRequest } from "~/utils/http.server";
import { safeRedirectPath } from "~/utils/redirect";

export async function loader() {
  throw redirect("/");
}

/** Switches the interface language: stored on the user when signed in, and in a cookie for the login page. */
export async function action({ request }: ActionFunctionArgs) {
  assertSameOrigin(request);
  const form = await request.formData();
  const locale = form.get("locale");
  if (!isLocale(locale)) badRequest("unsupported locale");
  const user = await getSessionUser(request);
  if (user) await db.user.update({ where: { id: user.id }, data: { locale } });
  return redirect(safeRedirectPath(form.get("redirectTo"), "/"), {
    headers: { "Set-Cookie": await localeCookie.serialize(locale) },
  });
}
