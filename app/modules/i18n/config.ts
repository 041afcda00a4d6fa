import enAdmin from "~/locales/en/admin.json";
import enAuth from "~/locales/en/auth.json";
import enCommon from "~/locales/en/common.json";
import enHome from "~/locales/en/home.json";
import enJobs from "~/locales/en/jobs.json";
import enNotifications from "~/locales/en/notifications.json";
import enValidation from "~/locales/en/validation.json";
import zhAdmin from "~/locales/zh-CN/admin.json";
import zhAuth from "~/locales/zh-CN/auth.json";
import zhCommon from "~/locales/zh-CN/common.json";
import zhHome from "~/locales/zh-CN/home.json";
import zhJobs from "~/locales/zh-CN/jobs.json";
import zhNotifications from "~/locales/zh-CN/notifications.json";
import zhValidation from "~/locales/zh-CN/validation.json";

export const SUPPORTED_LOCALES = ["zh-CN", "en"] as const;
export type Locale = (typeof SUPPORTED_LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "zh-CN";
export const NAMESPACES = ["common", "auth", "home", "admin", "jobs", "notifications", "validation"] as const;

export const resources = {
  "zh-CN": {
    common: zhCommon,
    auth: zhAuth,
    home: zhHome,
    admin: zhAdmin,
    jobs: zhJobs,
    notifications: zhNotifications,
    validation: zhValidation,
  },
  en: {
    common: enCommon,
    auth: enAuth,
    home: enHome,
    admin: enAdmin,
    jobs: enJobs,
    notifications: enNotifications,
    validation: enValidation,
  },
} as const;

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (SUPPORTED_LOCALES as readonly string[]).includes(value);
}

export const i18nConfig = {
  supportedLngs: [...SUPPORTED_LOCALES],
  fallbackLng: DEFAULT_LOCALE,
  defaultNS: "common",
  ns: [...NAMESPACES],
  resources,
  interpolation: { escapeValue: false },
};
