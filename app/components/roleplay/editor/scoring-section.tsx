import { useTranslation } from "react-i18next";
import type { EditorValues, RedLineRow, StepRow } from "~/modules/roleplay/authoring";
import { Fieldset } from "./basics-section";
import { AddRowButton, RowActions, RowErrors, Select, TextInput, useRows } from "./fields";

const blankStep = (): StepRow => ({ key: "", label: "", intents: "", weight: "1", withinReplies: "" });
const blankRedLine = (): RedLineRow => ({ key: "", label: "", intents: "" });

export function StepsSection({ values }: { values: EditorValues }) {
  const { t } = useTranslation("roleplay");
  const f = (key: string) => t(`authoring.fields.${key}`);
  const steps = useRows(values.steps, blankStep);
  const redLines = useRows(values.redLines, blankRedLine);
  return (
    <Fieldset title={t("authoring.sections.stepsAndRedLines")} description={t("authoring.hints.steps")}>
      <RowErrors name="steps" />
      {steps.rows.map((row, index) => {
        const name = `steps[${index}]`;
        return (
          <div
            key={row.id}
            className="grid items-end gap-2 sm:grid-cols-[1fr_1fr_2fr_80px_100px_auto]"
            data-testid="step-row"
          >
            <TextInput name={`${name}.key`} label={f("key")} defaultValue={row.value.key} mono />
            <TextInput name={`${name}.label`} label={f("label")} defaultValue={row.value.label} />
            <TextInput name={`${name}.intents`} label={f("intents")} defaultValue={row.value.intents} mono />
            <TextInput
              name={`${name}.weight`}
              label={f("weight")}
              defaultValue={row.value.weight}
              inputMode="decimal"
            />
            <TextInput
              name={`${name}.withinReplies`}
              label={f("withinReplies")}
              defaultValue={row.value.withinReplies}
              inputMode="numeric"
            />
            <RowActions label={f("step")} onRemove={() => steps.remove(row.id)} />
          </div>
        );
      })}
      <AddRowButton onClick={steps.add} label={f("step")} />
      <div className="space-y-2 border-t border-slate-100 pt-4">
        <p className="label">{t("authoring.sections.redLines")}</p>
        <RowErrors name="redLines" />
        {redLines.rows.map((row, index) => {
          const name = `redLines[${index}]`;
          return (
            <div
              key={row.id}
              className="grid items-end gap-2 sm:grid-cols-[1fr_2fr_2fr_auto]"
              data-testid="red-line-row"
            >
              <TextInput name={`${name}.key`} label={f("key")} defaultValue={row.value.key} mono />
              <TextInput name={`${name}.label`} label={f("label")} defaultValue={row.value.label} />
              <TextInput name={`${name}.intents`} label={f("intents")} defaultValue={row.value.intents} mono />
              <RowActions label={f("redLine")} onRemove={() => redLines.remove(row.id)} />
            </div>
          );
        })}
        <AddRowButton onClick={redLines.add} label={f("redLine")} />
      </div>
    </Fieldset>
  );
}

export function ScoringSection({
  values,
  rubrics,
}: {
  values: EditorValues;
  rubrics: readonly { slug: string; name: string }[];
}) {
  const { t } = useTranslation("roleplay");
  const f = (key: string) => t(`authoring.fields.${key}`);
  const s = values.scoring;
  const rubricOptions = [
    { value: "", label: t("authoring.overview.noRubric") },
    ...rubrics.map((rubric) => ({ value: rubric.slug, label: rubric.name })),
    // A slug no longer active still shows, so saving does not silently drop it (validation reports it on publish).
    ...(s.rubric && !rubrics.some((rubric) => rubric.slug === s.rubric) ? [{ value: s.rubric, label: s.rubric }] : []),
  ];
  return (
    <Fieldset title={t("authoring.sections.scoring")} description={t("authoring.hints.scoring")}>
      <RowErrors name="scoring" />
      <div className="grid gap-4 sm:grid-cols-4">
        <TextInput
          name="scoring.stepsWeight"
          label={f("stepsWeight")}
          defaultValue={s.stepsWeight}
          inputMode="decimal"
        />
        <TextInput
          name="scoring.timingWeight"
          label={f("timingWeight")}
          defaultValue={s.timingWeight}
          inputMode="decimal"
        />
        <TextInput
          name="scoring.outcomeWeight"
          label={f("outcomeWeight")}
          defaultValue={s.outcomeWeight}
          inputMode="decimal"
        />
        <TextInput
          name="scoring.passPercent"
          label={f("passPercent")}
          defaultValue={s.passPercent}
          inputMode="decimal"
        />
      </div>
      <div className="grid gap-4 sm:grid-cols-3">
        <TextInput
          name="scoring.outcomePoints.resolved"
          label={f("pointsResolved")}
          defaultValue={s.outcomePoints.resolved}
          inputMode="decimal"
        />
        <TextInput
          name="scoring.outcomePoints.escalated"
          label={f("pointsEscalated")}
          defaultValue={s.outcomePoints.escalated}
          inputMode="decimal"
        />
        <TextInput
          name="scoring.outcomePoints.customer_left"
          label={f("pointsCustomerLeft")}
          defaultValue={s.outcomePoints.customer_left}
          inputMode="decimal"
        />
      </div>
      <div className="grid gap-4 sm:grid-cols-2">
        <Select
          name="scoring.rubric"
          label={f("rubric")}
          hint={t("authoring.hints.rubric")}
          defaultValue={s.rubric}
          options={rubricOptions}
        />
        <TextInput
          name="scoring.humanWeight"
          label={f("humanWeight")}
          hint={t("authoring.hints.humanWeight")}
          defaultValue={s.humanWeight}
          inputMode="decimal"
        />
      </div>
    </Fieldset>
  );
}
