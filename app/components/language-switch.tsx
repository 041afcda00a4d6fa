import { Form, useLocation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Icon } from "./icons";

export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const location = useLocation();
  const next = i18n.language === "en" ? "zh-CN" : "en";
  return (
    <Form method="post" action="/locale" className="inline">
      <input type="hidden" name="locale" value={next} />
      <input type="hidden" name="redirectTo" value={`${location.pathname}${location.search}`} />
      <button
        type="submit"
        className="btn-ghost px-2.5 text-xs"
        data-testid="language-switch"
        aria-label={t("language.switchTo", { language: t(`language.names.${next}`) })}
      >
        <Icon name="globe" className="h-4 w-4" />
        {t(`language.names.${next}`)}
      </button>
    </Form>
  );
}
