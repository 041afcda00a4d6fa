import { useState } from "react";
import { useTranslation } from "react-i18next";

/** The current node's hint (practice and test only), hidden until asked for. */
export function HintToggle({ hint }: { hint: string }) {
  const { t } = useTranslation("roleplay");
  const [open, setOpen] = useState(false);
  return (
    <div className="rounded-md border border-dashed border-brand-300 bg-brand-50/40 px-3 py-2 text-sm">
      <button
        type="button"
        className="font-medium text-brand-700 hover:underline"
        aria-expanded={open}
        onClick={() => setOpen((value) => !value)}
      >
        {open ? t("play.hint.hide") : t("play.hint.show")}
      </button>
      {open ? (
        <p className="mt-1 text-slate-700" data-testid="play-hint">
          {hint}
        </p>
      ) : null}
    </div>
  );
}
