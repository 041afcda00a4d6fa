import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { isPassing, scaleValues, scoreReview, type ScaleType, type ScoringCriterion } from "~/modules/qa/scoring";

export type PreviewCriterion = ScoringCriterion & { name: string; scale: ScaleType };
export type PreviewSection = { id: string; name: string; criteria: PreviewCriterion[] };

const NA = "na";

/** Where a criterion starts: full marks, except bonus items, which start "not achieved" (they are the exception). */
function startValue(criterion: PreviewCriterion) {
  const values = scaleValues(criterion.scale, criterion.maxPoints);
  return criterion.bonus ? values[0]! : values[values.length - 1]!;
}

function fittingRating(criterion: PreviewCriterion, picked: number | null | undefined) {
  if (picked === null) return criterion.allowNa ? null : startValue(criterion);
  if (picked === undefined || !scaleValues(criterion.scale, criterion.maxPoints).includes(picked)) {
    return startValue(criterion);
  }
  return picked;
}

function binaryLabel(bonus: boolean | undefined, value: number) {
  if (bonus) return value === 1 ? "scaleValue.achieved" : "scaleValue.notAchieved";
  return value === 1 ? "scaleValue.pass" : "scaleValue.fail";
}

/**
 * 试算: pick a value per criterion and see the score the review would get, computed by the same pure scoring rule
 * the workbench uses. Starts at full marks (bonus items not achieved) so changing one criterion shows its effect at
 * once.
 */
export function ScorePreview({ sections, passMark }: { sections: PreviewSection[] | null; passMark: number | null }) {
  const { t } = useTranslation(["qa-rubrics", "common"]);
  const [ratings, setRatings] = useState<Record<string, number | null>>({});
  const criteria = useMemo(() => sections?.flatMap((section) => section.criteria) ?? [], [sections]);

  if (!sections || passMark === null) {
    return (
      <section className="card p-4" aria-labelledby="preview-heading">
        <h2 id="preview-heading" className="text-base font-semibold text-slate-900">
          {t("preview.title")}
        </h2>
        <p className="mt-2 text-sm text-slate-500">{t("preview.incomplete")}</p>
      </section>
    );
  }

  // A rating picked before the criterion's scale or N/A setting changed may no longer fit: fall back to full marks.
  const effective = Object.fromEntries(
    criteria.map((criterion) => [criterion.id, fittingRating(criterion, ratings[criterion.id])]),
  );
  const result = scoreReview(criteria, effective);
  const byId = new Map(result.criteria.map((entry) => [entry.criterionId, entry]));
  const passed = isPassing(result.score, passMark);

  return (
    <section className="card p-4" aria-labelledby="preview-heading" data-testid="score-preview">
      <div className="flex items-center justify-between">
        <h2 id="preview-heading" className="text-base font-semibold text-slate-900">
          {t("preview.title")}
        </h2>
        <button type="button" className="btn-ghost px-2 py-1 text-xs" onClick={() => setRatings({})}>
          {t("preview.reset")}
        </button>
      </div>
      <p className="mt-1 text-xs text-slate-500">{t("preview.hint")}</p>

      <div className="mt-4 rounded-lg bg-slate-50 p-4 text-center" aria-live="polite">
        <p className="text-4xl font-semibold text-slate-900" data-testid="preview-score">
          {result.score}
        </p>
        <p className={`mt-1 text-sm font-medium ${passed ? "text-emerald-700" : "text-rose-700"}`}>
          {passed ? t("preview.pass", { passMark }) : t("preview.fail", { passMark })}
        </p>
        <dl className="mt-3 grid grid-cols-2 gap-2 text-xs text-slate-600">
          <div>
            <dt>{t("preview.weighted")}</dt>
            <dd className="font-medium text-slate-900">{result.weightedScore}</dd>
          </div>
          <div>
            <dt>{t("preview.bonus")}</dt>
            <dd className="font-medium text-slate-900">+{result.bonusPoints}</dd>
          </div>
        </dl>
        {result.criticalFailed ? (
          <p role="alert" className="mt-3 rounded bg-rose-50 px-2 py-1 text-xs font-medium text-rose-700">
            {t("preview.criticalFailed")}
          </p>
        ) : null}
      </div>

      <div className="mt-4 space-y-4">
        {sections.map((section) => (
          <fieldset key={section.id}>
            <legend className="text-xs font-semibold uppercase tracking-wide text-slate-500">
              {section.name || t("builder.untitledSection")}
            </legend>
            <ul className="mt-1 space-y-1">
              {section.criteria.map((criterion) => {
                const value = effective[criterion.id];
                const entry = byId.get(criterion.id);
                const selectId = `preview-${criterion.id}`;
                return (
                  <li key={criterion.id} className="flex items-center gap-2 text-sm">
                    <label htmlFor={selectId} className="min-w-0 flex-1 truncate text-slate-700">
                      {criterion.name || t("builder.untitledCriterion")}
                      {criterion.critical ? (
                        <span className="ml-1 text-xs text-rose-600">{t("flags.critical")}</span>
                      ) : null}
                      {criterion.bonus ? <span className="ml-1 text-xs text-amber-600">{t("flags.bonus")}</span> : null}
                    </label>
                    <select
                      id={selectId}
                      className="input w-28 py-1 text-sm"
                      value={value === null ? NA : String(value)}
                      onChange={(event) =>
                        setRatings((current) => ({
                          ...current,
                          [criterion.id]: event.target.value === NA ? null : Number(event.target.value),
                        }))
                      }
                    >
                      {scaleValues(criterion.scale, criterion.maxPoints)
                        .slice()
                        .reverse()
                        .map((option) => (
                          <option key={option} value={option}>
                            {criterion.scale === "binary" ? t(binaryLabel(criterion.bonus, option)) : option}
                          </option>
                        ))}
                      {criterion.allowNa ? <option value={NA}>{t("scaleValue.na")}</option> : null}
                    </select>
                    <span
                      className={`w-12 text-right text-xs tabular-nums ${entry?.failed ? "text-rose-600" : "text-slate-500"}`}
                    >
                      {entry?.score === null || entry?.score === undefined ? "—" : `${Math.round(entry.score * 100)}%`}
                    </span>
                  </li>
                );
              })}
            </ul>
          </fieldset>
        ))}
      </div>
    </section>
  );
}
