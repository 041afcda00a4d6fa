import { Form, Link, useNavigation } from "@remix-run/react";
import { useMemo, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { Field, FormError } from "~/components/field";
import { LIMITS, RUBRIC_CHANNELS, validateDefinition, type DefinitionErrors } from "~/modules/qa/rubrics/rubric-schema";
import {
  addCriterion,
  addSection,
  draftFromDefinition,
  draftToInput,
  emptyDraft,
  moveCriterion,
  moveSection,
  removeCriterion,
  removeSection,
  updateCriterionAt,
  updateSectionAt,
  type Draft,
  type StoredDefinitionLike,
} from "./builder-state";
import { ScorePreview, type PreviewSection } from "./score-preview";
import { SectionEditor } from "./section-editor";

export type BuilderActionData = { errors?: DefinitionErrors; formErrors?: string[] } | undefined;

type Props = {
  stored?: StoredDefinitionLike;
  /** The version the editor starts from; the server refuses the save if someone saved a newer one meanwhile. */
  baseVersion?: number;
  /** The current version is used by reviews: saving makes a new version. */
  willVersion?: boolean;
  actionData: BuilderActionData;
  submitLabel: string;
  cancelTo: string;
};

/** Only a complete draft can be scored; until then the preview asks for the fields to be fixed. */
function previewOf(draft: Draft): { sections: PreviewSection[] | null; passMark: number | null } {
  const passMark = draft.passMark.trim() === "" ? NaN : Number(draft.passMark);
  const sections: PreviewSection[] = [];
  for (const section of draft.sections) {
    const criteria: PreviewSection["criteria"] = [];
    for (const criterion of section.criteria) {
      const weight = Number(criterion.weight);
      const maxPoints = criterion.maxPoints.trim() === "" ? null : Number(criterion.maxPoints);
      const pointsValid =
        maxPoints !== null && Number.isInteger(maxPoints) && maxPoints >= 1 && maxPoints <= LIMITS.maxPoints;
      if (!criterion.bonus && !(weight > 0)) return { sections: null, passMark: null };
      if ((criterion.scale === "points" || criterion.bonus) && !pointsValid) return { sections: null, passMark: null };
      criteria.push({
        id: criterion.uid,
        name: criterion.name,
        weight: criterion.bonus ? 1 : weight,
        scale: criterion.scale,
        maxPoints,
        allowNa: criterion.allowNa,
        critical: criterion.critical,
        bonus: criterion.bonus,
      });
    }
    sections.push({ id: section.uid, name: section.name, criteria });
  }
  const hasCriteria = sections.some((section) => section.criteria.length > 0);
  return {
    sections: hasCriteria ? sections : null,
    passMark: Number.isFinite(passMark) && passMark >= 0 && passMark <= 100 ? passMark : null,
  };
}

export function RubricBuilder({ stored, baseVersion, willVersion, actionData, submitLabel, cancelTo }: Props) {
  const { t } = useTranslation(["qa-rubrics", "common"]);
  const navigation = useNavigation();
  const [draft, setDraft] = useState<Draft>(() =>
    stored ? draftFromDefinition(stored) : emptyDraft({ sectionName: t("builder.defaultSectionName") }),
  );
  const [attempted, setAttempted] = useState(false);
  const [dirtySinceSubmit, setDirtySinceSubmit] = useState(false);

  const input = useMemo(() => draftToInput(draft), [draft]);
  const local = useMemo(() => (attempted ? validateDefinition(input) : null), [attempted, input]);
  const errors: DefinitionErrors =
    local && !local.ok ? local.errors : dirtySinceSubmit ? {} : (actionData?.errors ?? {});
  const formErrors = [...(errors[""] ?? []), ...(dirtySinceSubmit ? [] : (actionData?.formErrors ?? []))];
  const preview = useMemo(() => previewOf(draft), [draft]);

  const change = (next: Draft) => {
    setDraft(next);
    setDirtySinceSubmit(true);
  };

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    setAttempted(true);
    setDirtySinceSubmit(false);
    const result = validateDefinition(input);
    if (result.ok) return;
    event.preventDefault();
    const first = Object.keys(result.errors).find((path) => path !== "");
    if (first) document.getElementById(`rb-${first.replaceAll(".", "-")}`)?.focus();
  };

  let criteriaBefore = 0;
  return (
    <Form
      method="post"
      onSubmit={onSubmit}
      noValidate
      className="grid gap-6 lg:grid-cols-3"
      data-testid="rubric-builder"
    >
      <input type="hidden" name="intent" value="save" />
      <input type="hidden" name="definition" value={JSON.stringify(input)} />
      {baseVersion !== undefined ? <input type="hidden" name="baseVersion" value={baseVersion} /> : null}

      <div className="space-y-4 lg:col-span-2">
        <FormError errors={formErrors.length ? formErrors : null} />
        {willVersion ? (
          <p className="rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-800">
            {t("builder.willVersion", { version: (baseVersion ?? 0) + 1 })}
          </p>
        ) : null}

        <section className="card space-y-4 p-4" aria-label={t("builder.basics")}>
          <div className="grid gap-4 sm:grid-cols-3">
            <div className="sm:col-span-2">
              <Field id="rb-name" label={t("fields.name")} errors={errors.name}>
                <input
                  id="rb-name"
                  className="input"
                  value={draft.name}
                  maxLength={LIMITS.name}
                  onChange={(event) => change({ ...draft, name: event.target.value })}
                  aria-invalid={errors.name ? true : undefined}
                />
              </Field>
            </div>
            <Field id="rb-passMark" label={t("fields.passMark")} errors={errors.passMark} hint={t("hints.passMark")}>
              <input
                id="rb-passMark"
                className="input"
                type="number"
                min="0"
                max="100"
                step="1"
                inputMode="decimal"
                value={draft.passMark}
                onChange={(event) => change({ ...draft, passMark: event.target.value })}
                aria-invalid={errors.passMark ? true : undefined}
              />
            </Field>
          </div>
          <Field id="rb-description" label={t("fields.rubricDescription")} errors={errors.description}>
            <textarea
              id="rb-description"
              className="input"
              rows={2}
              maxLength={LIMITS.description}
              value={draft.description}
              onChange={(event) => change({ ...draft, description: event.target.value })}
            />
          </Field>
          <fieldset>
            <legend className="label">{t("fields.channels")}</legend>
            <div id="rb-channels" tabIndex={-1} className="flex flex-wrap gap-x-6 gap-y-2 text-sm">
              {RUBRIC_CHANNELS.map((channel) => (
                <label key={channel} className="inline-flex items-center gap-2">
                  <input
                    type="checkbox"
                    checked={draft.channels.includes(channel)}
                    onChange={(event) =>
                      change({
                        ...draft,
                        channels: event.target.checked
                          ? [...draft.channels, channel]
                          : draft.channels.filter((entry) => entry !== channel),
                      })
                    }
                  />
                  {t(`channels.${channel}`)}
                </label>
              ))}
            </div>
            {errors.channels ? (
              <p className="mt-1 text-xs text-rose-600" role="alert">
                {errors.channels.map((error) => t(error)).join("；")}
              </p>
            ) : (
              <p className="mt-1 text-xs text-slate-500">{t("hints.channels")}</p>
            )}
          </fieldset>
        </section>

        {errors.sections ? (
          <p id="rb-sections" tabIndex={-1} className="text-sm text-rose-600" role="alert">
            {errors.sections.map((error) => t(error)).join("；")}
          </p>
        ) : null}

        {draft.sections.map((section, sectionIndex) => {
          const before = criteriaBefore;
          criteriaBefore += section.criteria.length;
          return (
            <SectionEditor
              key={section.uid}
              section={section}
              index={sectionIndex}
              sectionCount={draft.sections.length}
              criteriaBefore={before}
              errors={errors}
              onRename={(name) => change(updateSectionAt(draft, sectionIndex, { name }))}
              onMove={(offset) => change(moveSection(draft, sectionIndex, offset))}
              onRemove={() => change(removeSection(draft, sectionIndex))}
              onAddCriterion={() => change(addCriterion(draft, sectionIndex))}
              onChangeCriterion={(criterionIndex, patch) =>
                change(updateCriterionAt(draft, sectionIndex, criterionIndex, patch))
              }
              onMoveCriterion={(criterionIndex, offset) =>
                change(moveCriterion(draft, sectionIndex, criterionIndex, offset))
              }
              onRemoveCriterion={(criterionIndex) => change(removeCriterion(draft, sectionIndex, criterionIndex))}
            />
          );
        })}

        <div className="flex flex-wrap items-center justify-between gap-3">
          <button type="button" className="btn-secondary" onClick={() => change(addSection(draft))}>
            {t("builder.addSection")}
          </button>
          <div className="flex gap-2">
            <Link to={cancelTo} className="btn-secondary">
              {t("common:actions.cancel")}
            </Link>
            <button type="submit" className="btn-primary" disabled={navigation.state === "submitting"}>
              {submitLabel}
            </button>
          </div>
        </div>
      </div>

      <div className="lg:sticky lg:top-4 lg:self-start">
        <ScorePreview sections={preview.sections} passMark={preview.passMark} />
      </div>
    </Form>
  );
}
