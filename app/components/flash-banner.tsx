import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import type { RootData } from "~/root";

const STYLES = {
  success: "border-emerald-200 bg-emerald-50 text-emerald-800",
  error: "border-rose-200 bg-rose-50 text-rose-800",
  info: "border-sky-200 bg-sky-50 text-sky-800",
} as const;

export function FlashBanner({ flash }: { flash: RootData["flash"] }) {
  const { t } = useTranslation();
  const [visible, setVisible] = useState(Boolean(flash));
  useEffect(() => setVisible(Boolean(flash)), [flash]);
  if (!flash || !visible) return null;
  return (
    <div
      role="status"
      className={`mb-5 flex items-start justify-between rounded-lg border px-4 py-3 text-sm ${STYLES[flash.kind]}`}
    >
      <span>{t(flash.message, flash.params)}</span>
      <button
        type="button"
        className="ml-4 text-current opacity-60 hover:opacity-100"
        onClick={() => setVisible(false)}
        aria-label={t("actions.dismiss")}
      >
        ×
      </button>
    </div>
  );
}
