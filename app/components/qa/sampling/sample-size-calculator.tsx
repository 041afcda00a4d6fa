import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { CONFIDENCE_LEVELS, sampleSize, type ConfidenceLevel } from "~/modules/qa/sampling/sample-size";

function parsePositive(value: string): number | null {
  const number = Number(value);
  return value.trim() !== "" && Number.isFinite(number) && number > 0 ? number : null;
}

/** Inline helper: how many reviews per agent to pin their mean score within ±E points. */
export function SampleSizeCalculator() {
  const { t } = useTranslation(["qa-sampling", "common"]);
  const id = useId();
  const [sigma, setSigma] = useState("10");
  const [margin, setMargin] = useState("3");
  const [confidence, setConfidence] = useState<ConfidenceLevel>(95);
  const [population, setPopulation] = useState("");
  const sigmaValue = parsePositive(sigma);
  const marginValue = parsePositive(margin);
  const populationValue = parsePositive(population);
  const result =
    sigmaValue && marginValue
      ? sampleSize({ sigma: sigmaValue, margin: marginValue, confidence, population: populationValue })
      : null;

  return (
    <section className="card space-y-4 p-5" aria-labelledby={`${id}-title`}>
      <div>
        <h2 id={`${id}-title`} className="text-base font-semibold text-slate-900">
          {t("sampleSize.title")}
        </h2>
        <p className="mt-1 text-xs text-slate-500">{t("sampleSize.description")}</p>
      </div>
      <div className="grid grid-cols-2 gap-3">
        <label className="text-sm">
          <span className="label">{t("sampleSize.sigma")}</span>
          <input
            className="input"
            type="number"
            min="0"
            step="0.5"
            value={sigma}
            onChange={(e) => setSigma(e.target.value)}
          />
        </label>
        <label className="text-sm">
          <span className="label">{t("sampleSize.margin")}</span>
          <input
            className="input"
            type="number"
            min="0"
            step="0.5"
            value={margin}
            onChange={(e) => setMargin(e.target.value)}
          />
        </label>
        <label className="text-sm">
          <span className="label">{t("sampleSize.confidence")}</span>
          <select
            className="input"
            value={confidence}
            onChange={(e) => setConfidence(Number(e.target.value) as ConfidenceLevel)}
          >
            {CONFIDENCE_LEVELS.map((level) => (
              <option key={level} value={level}>
                {level}%
              </option>
            ))}
          </select>
        </label>
        <label className="text-sm">
          <span className="label">{t("sampleSize.population")}</span>
          <input
            className="input"
            type="number"
            min="1"
            value={population}
            placeholder={t("sampleSize.populationPlaceholder")}
            onChange={(e) => setPopulation(e.target.value)}
          />
        </label>
      </div>
      <div className="rounded-md bg-slate-50 px-4 py-3 text-sm" aria-live="polite" data-testid="sample-size-result">
        {result ? (
          <>
            <p className="text-slate-900">
              {t("sampleSize.suggest")} <strong className="text-lg">{result.n}</strong> {t("sampleSize.perAgent")}
            </p>
            <p className="mt-1 text-xs text-slate-500">
              {result.corrected
                ? t("sampleSize.corrected", { n0: result.n0.toFixed(1) })
                : t("sampleSize.uncorrected", { n0: result.n0.toFixed(1) })}
            </p>
          </>
        ) : (
          <p className="text-slate-500">{t("sampleSize.invalid")}</p>
        )}
      </div>
    </section>
  );
}
