import { createCookie } from "@remix-run/node";
import { RemixI18Next } from "remix-i18next/server";
import { getSessionUser } from "~/modules/identity/session.server";
import { env } from "~/utils/env.server";
import { i18nConfig, isLocale, SUPPORTED_LOCALES, type Locale } from "./config";

/** Remembers the language for visitors who are not signed in; signed-in users keep theirs on the user row. */
export const localeCookie = createCookie("fw_lng", { path: "/", sameSite: "lax", httpOnly: true, maxAge: 31536000 });

export const i18nServer = new RemixI18Next({
  detection: {
    supportedLanguages: [...SUPPORTED_LOCALES],
    fallbackLanguage: env().DEFAULT_LOCALE,
    cookie: localeCookie,
    order: ["custom", "cookie", "header"],
    async findLocale(request) {
      const user = await getSessionUser(request);
      return user && isLocale(user.locale) ? user.locale : null;
    },
  },
  i18next: i18nConfig,
});

export async function getLocale(request: Request): Promise<Locale> {
  const locale = await i18nServer.getLocale(request);
  return isLocale(locale) ? locale : env().DEFAULT_LOCALE;
}

export async function getT(request: Request, namespace = "common") {
  return i18nServer.getFixedT(await getLocale(request), namespace);
}
