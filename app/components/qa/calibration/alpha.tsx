import { useId } from "react";
import { useTranslation } from "react-i18next";
import { alphaVerdict } from "~/modules/qa/agreement";

const VERDICT_TONE = {
  reliable: "bg-emerald-50 text-emerald-700",
  tentative: "bg-amber-50 text-amber-700",
  unreliable: "bg-rose-50 text-rose-700",
  undefined: "bg-slate-100 text-slate-500",
} as const;

/** α with its reading (reliable / tentative / unreliable) or "—" when undefined. */
export function AlphaValue({ alpha }: { alpha: number | null }) {
  const { t } = useTranslation(["qa-calibration"]);
  const verdict = alphaVerdict(alpha);
  return (
    <span className="inline-flex items-center gap-2">
      <span className="font-mono tabular-nums">{alpha === null ? "—" : alpha.toFixed(3)}</span>
      <span className={`badge ${VERDICT_TONE[verdict]}`}>{t(`qa-calibration:alpha.verdict.${verdict}`)}</span>
    </span>
  );
}

/** An info button whose tooltip explains what Krippendorff's α measures and how to read it. */
export function AlphaHelp() {
  const { t } = useTranslation(["qa-calibration"]);
  const id = useId();
  return (
    <span className="group relative inline-flex">
      <button
        type="button"
        className="flex h-5 w-5 items-center justify-center rounded-full border border-slate-300 text-xs text-slate-500 hover:bg-slate-100 focus:outline-none focus:ring-2 focus:ring-brand-500"
        aria-describedby={id}
        aria-label={t("qa-calibration:alpha.helpLabel")}
      >
        ?
      </button>
      <span
        id={id}
        role="tooltip"
        className="pointer-events-none invisible absolute left-1/2 top-6 z-20 w-72 -translate-x-1/2 rounded-md bg-slate-900 p-3 text-xs font-normal leading-relaxed text-white opacity-0 shadow-lg transition group-focus-within:visible group-focus-within:opacity-100 group-hover:visible group-hover:opacity-100"
      >
        {t("qa-calibration:alpha.help")}
        <span className="mt-2 block">{t("qa-calibration:alpha.thresholds")}</span>
      </span>
    </span>
  );
}
