import { useTranslation } from "react-i18next";
import { ArticlePicker } from "~/components/training/kb/article-picker";
import { Field } from "~/components/field";
import { COMPETENCIES, LIMITS, type DefinitionErrors } from "~/modules/qa/rubrics/rubric-schema";
import { SCALE_TYPES, type ScaleType } from "~/modules/qa/scoring";
import type { DraftCriterion } from "./builder-state";

type Props = {
  criterion: DraftCriterion;
  /** "sections.0.criteria.2": the prefix of this criterion's error paths. */
  path: string;
  errors: DefinitionErrors;
  number: number;
  canMoveUp: boolean;
  canMoveDown: boolean;
  onChange: (patch: Partial<DraftCriterion>) => void;
  onMove: (offset: -1 | 1) => void;
  onRemove: () => void;
};

export function CriterionEditor({
  criterion,
  path,
  errors,
  number,
  canMoveUp,
  canMoveDown,
  onChange,
  onMove,
  onRemove,
}: Props) {
  const { t } = useTranslation(["qa-rubrics", "common"]);
  const id = (field: string) => `rb-${path.replaceAll(".", "-")}-${field}`;
  const errorsOf = (field: string) => errors[`${path}.${field}`];
  const showMaxPoints = criterion.scale === "points" || criterion.bonus;
  const label = criterion.name || t("builder.untitledCriterion");

  return (
    <li className="rounded-lg border border-slate-200 bg-white p-4" data-testid="criterion-editor">
      <div className="mb-3 flex items-center justify-between gap-2">
        <p className="text-sm font-medium text-slate-700">
          {t("builder.criterionNumber", { number })}
          {criterion.critical ? (
            <span className="badge ml-2 bg-rose-50 text-rose-700">{t("flags.critical")}</span>
          ) : null}
          {criterion.bonus ? <span className="badge ml-2 bg-amber-50 text-amber-700">{t("flags.bonus")}</span> : null}
        </p>
        <div className="flex gap-1">
          <button
            type="button"
            className="btn-ghost px-2 py-1 text-xs"
            disabled={!canMoveUp}
            onClick={() => onMove(-1)}
            aria-label={t("builder.moveCriterionUp", { name: label })}
          >
            ↑
          </button>
          <button
            type="button"
            className="btn-ghost px-2 py-1 text-xs"
            disabled={!canMoveDown}
            onClick={() => onMove(1)}
            aria-label={t("builder.moveCriterionDown", { name: label })}
          >
            ↓
          </button>
          <button
            type="button"
            className="btn-ghost px-2 py-1 text-xs text-rose-700"
            onClick={onRemove}
            aria-label={t("builder.removeCriterion", { name: label })}
          >
            {t("builder.remove")}
          </button>
        </div>
      </div>

      <div className="grid gap-3 sm:grid-cols-6">
        <div className="sm:col-span-3">
          <Field id={id("name")} label={t("fields.criterionName")} errors={errorsOf("name")}>
            <input
              id={id("name")}
              className="input"
              value={criterion.name}
              maxLength={LIMITS.criterionName}
              onChange={(event) => onChange({ name: event.target.value })}
              aria-invalid={errorsOf("name") ? true : undefined}
            />
          </Field>
        </div>
        <div className="sm:col-span-3">
          <Field id={id("scale")} label={t("fields.scale")} errors={errorsOf("scale")}>
            <select
              id={id("scale")}
              className="input"
              value={criterion.scale}
              onChange={(event) => onChange({ scale: event.target.value as ScaleType })}
            >
              {SCALE_TYPES.map((scale) => (
                <option key={scale} value={scale}>
                  {t(`scales.${scale}`)}
                </option>
              ))}
            </select>
          </Field>
        </div>
        {criterion.bonus ? null : (
          <div className="sm:col-span-2">
            <Field id={id("weight")} label={t("fields.weight")} errors={errorsOf("weight")} hint={t("hints.weight")}>
              <input
                id={id("weight")}
                className="input"
                type="number"
                min="0"
                step="0.5"
                inputMode="decimal"
                value={criterion.weight}
                onChange={(event) => onChange({ weight: event.target.value })}
                aria-invalid={errorsOf("weight") ? true : undefined}
              />
            </Field>
          </div>
        )}
        {showMaxPoints ? (
          <div className="sm:col-span-2">
            <Field
              id={id("maxPoints")}
              label={t(criterion.bonus ? "fields.bonusPoints" : "fields.maxPoints")}
              errors={errorsOf("maxPoints")}
              hint={t(criterion.bonus ? "hints.bonusPoints" : "hints.maxPoints")}
            >
              <input
                id={id("maxPoints")}
                className="input"
                type="number"
                min="1"
                max={LIMITS.maxPoints}
                step="1"
                inputMode="numeric"
                value={criterion.maxPoints}
                onChange={(event) => onChange({ maxPoints: event.target.value })}
                aria-invalid={errorsOf("maxPoints") ? true : undefined}
              />
            </Field>
          </div>
        ) : null}
        <div className="sm:col-span-2">
          <Field id={id("competency")} label={t("fields.competency")} errors={errorsOf("competency")}>
            <select
              id={id("competency")}
              className="input"
              value={criterion.competency}
              onChange={(event) => onChange({ competency: event.target.value })}
            >
              <option value="">{t("competency.none")}</option>
              {COMPETENCIES.map((competency) => (
                <option key={competency} value={competency}>
                  {t(`competency.${competency}`)}
                </option>
              ))}
            </select>
          </Field>
        </div>
        <div className="sm:col-span-2">
          <ArticlePicker
            name={`${id("article")}-id`}
            label={t("training-kb:links.related")}
            max={1}
            initial={criterion.article ? [criterion.article] : []}
            errors={errorsOf("articleId")}
            onChange={(articles) => onChange({ articleId: articles[0]?.id ?? "", article: articles[0] ?? null })}
          />
        </div>
        <div className="sm:col-span-2">
          {criterion.keyLocked ? (
            <div>
              <p className="label">{t("fields.key")}</p>
              <p className="py-2 font-mono text-xs text-slate-600" title={t("hints.keyLocked")}>
                {criterion.key}
              </p>
            </div>
          ) : (
            <Field id={id("key")} label={t("fields.key")} errors={errorsOf("key")} hint={t("hints.keyNew")}>
              <input
                id={id("key")}
                className="input font-mono text-xs"
                value={criterion.key}
                maxLength={LIMITS.key}
                placeholder={t("hints.keyPlaceholder")}
                autoComplete="off"
                onChange={(event) => onChange({ key: event.target.value.toLowerCase() })}
                aria-invalid={errorsOf("key") ? true : undefined}
              />
            </Field>
          )}
        </div>
      </div>

      <fieldset className="mt-3 flex flex-wrap gap-x-6 gap-y-2 text-sm">
        <legend className="sr-only">{t("fields.flags")}</legend>
        <label className="inline-flex items-center gap-2">
          <input
            type="checkbox"
            checked={criterion.allowNa}
            onChange={(event) => onChange({ allowNa: event.target.checked })}
          />
          {t("fields.allowNa")}
        </label>
        <label className="inline-flex items-center gap-2">
          <input
            type="checkbox"
            checked={criterion.critical}
            onChange={(event) => onChange({ critical: event.target.checked })}
          />
          {t("fields.critical")}
        </label>
        <label className="inline-flex items-center gap-2">
          <input
            type="checkbox"
            checked={criterion.bonus}
            onChange={(event) => onChange({ bonus: event.target.checked })}
          />
          {t("fields.bonus")}
        </label>
      </fieldset>
      {errorsOf("critical") ? (
        <p className="mt-1 text-xs text-rose-600" role="alert">
          {errorsOf("critical")!
            .map((error) => t(error))
            .join("；")}
        </p>
      ) : null}

      <div className="mt-3 grid gap-3 md:grid-cols-2">
        <Field
          id={id("description")}
          label={t("fields.description")}
          errors={errorsOf("description")}
          hint={t("hints.description")}
        >
          <textarea
            id={id("description")}
            className="input"
            rows={5}
            maxLength={LIMITS.criterionDescription}
            value={criterion.description}
            onChange={(event) => onChange({ description: event.target.value })}
          />
        </Field>
        <Field
          id={id("guidance")}
          label={t("fields.guidance")}
          errors={errorsOf("guidance")}
          hint={t("hints.guidance")}
        >
          <textarea
            id={id("guidance")}
            className="input"
            rows={5}
            maxLength={LIMITS.guidance}
            value={criterion.guidance}
            onChange={(event) => onChange({ guidance: event.target.value })}
          />
        </Field>
      </div>
    </li>
  );
}
