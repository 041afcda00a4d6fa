import { useTranslation } from "react-i18next";
import { Field } from "~/components/field";
import { LIMITS, type DefinitionErrors } from "~/modules/qa/rubrics/rubric-schema";
import type { DraftCriterion, DraftSection } from "./builder-state";
import { CriterionEditor } from "./criterion-editor";

type Props = {
  section: DraftSection;
  index: number;
  sectionCount: number;
  /** Criteria numbered across the whole rubric: the number of criteria in earlier sections. */
  criteriaBefore: number;
  errors: DefinitionErrors;
  onRename: (name: string) => void;
  onMove: (offset: -1 | 1) => void;
  onRemove: () => void;
  onAddCriterion: () => void;
  onChangeCriterion: (criterionIndex: number, patch: Partial<DraftCriterion>) => void;
  onMoveCriterion: (criterionIndex: number, offset: -1 | 1) => void;
  onRemoveCriterion: (criterionIndex: number) => void;
};

export function SectionEditor(props: Props) {
  const { section, index, sectionCount, criteriaBefore, errors } = props;
  const { t } = useTranslation(["qa-rubrics", "common"]);
  const path = `sections.${index}`;
  const nameId = `rb-sections-${index}-name`;
  const label = section.name || t("builder.untitledSection");
  const listErrors = errors[`${path}.criteria`];

  return (
    <section className="card p-4" aria-label={label} data-testid="section-editor">
      <div className="flex flex-wrap items-end gap-3">
        <div className="min-w-0 flex-1">
          <Field id={nameId} label={t("fields.sectionName", { number: index + 1 })} errors={errors[`${path}.name`]}>
            <input
              id={nameId}
              className="input"
              value={section.name}
              maxLength={LIMITS.sectionName}
              onChange={(event) => props.onRename(event.target.value)}
              aria-invalid={errors[`${path}.name`] ? true : undefined}
            />
          </Field>
        </div>
        <div className="flex gap-1 pb-0.5">
          <button
            type="button"
            className="btn-ghost px-2 py-1 text-xs"
            disabled={index === 0}
            onClick={() => props.onMove(-1)}
            aria-label={t("builder.moveSectionUp", { name: label })}
          >
            ↑
          </button>
          <button
            type="button"
            className="btn-ghost px-2 py-1 text-xs"
            disabled={index === sectionCount - 1}
            onClick={() => props.onMove(1)}
            aria-label={t("builder.moveSectionDown", { name: label })}
          >
            ↓
          </button>
          <button
            type="button"
            className="btn-ghost px-2 py-1 text-xs text-rose-700"
            onClick={props.onRemove}
            aria-label={t("builder.removeSection", { name: label })}
          >
            {t("builder.removeSectionShort")}
          </button>
        </div>
      </div>
      {listErrors ? (
        <p className="mt-2 text-xs text-rose-600" role="alert">
          {listErrors.map((error) => t(error)).join("；")}
        </p>
      ) : null}
      <ol className="mt-4 space-y-3">
        {section.criteria.map((criterion, criterionIndex) => (
          <CriterionEditor
            key={criterion.uid}
            criterion={criterion}
            path={`${path}.criteria.${criterionIndex}`}
            errors={errors}
            number={criteriaBefore + criterionIndex + 1}
            canMoveUp={index > 0 || criterionIndex > 0}
            canMoveDown={index < sectionCount - 1 || criterionIndex < section.criteria.length - 1}
            onChange={(patch) => props.onChangeCriterion(criterionIndex, patch)}
            onMove={(offset) => props.onMoveCriterion(criterionIndex, offset)}
            onRemove={() => props.onRemoveCriterion(criterionIndex)}
          />
        ))}
      </ol>
      <button type="button" className="btn-secondary mt-3 text-sm" onClick={props.onAddCriterion}>
        {t("builder.addCriterion")}
      </button>
    </section>
  );
}
