import { useTranslation } from "react-i18next";
import type { EditorValues, IntentRow } from "~/modules/roleplay/authoring";
import { Fieldset } from "./basics-section";
import { AddRowButton, RowActions, RowErrors, Select, TextArea, TextInput, useRows } from "./fields";

const blankIntent = (): IntentRow => ({ key: "", label: "", phrases: "", patterns: "", mode: "any", exclude: "" });

export function IntentsSection({ values }: { values: EditorValues }) {
  const { t } = useTranslation("roleplay");
  const f = (key: string) => t(`authoring.fields.${key}`);
  const intents = useRows(values.intents, blankIntent);
  return (
    <Fieldset title={t("authoring.sections.intents")} description={t("authoring.hints.intents")}>
      <RowErrors name="intents" />
      {intents.rows.map((row, index) => {
        const name = `intents[${index}]`;
        return (
          <div key={row.id} className="space-y-3 rounded-md border border-slate-200 p-3" data-testid="intent-row">
            <div className="grid items-end gap-3 sm:grid-cols-[1fr_1fr_140px_auto]">
              <TextInput
                name={`${name}.key`}
                label={f("key")}
                defaultValue={row.value.key}
                mono
                hint={t("authoring.hints.key")}
              />
              <TextInput name={`${name}.label`} label={f("label")} defaultValue={row.value.label} />
              <Select
                name={`${name}.mode`}
                label={f("mode")}
                defaultValue={row.value.mode || "any"}
                options={(["any", "all"] as const).map((value) => ({ value, label: t(`authoring.mode.${value}`) }))}
              />
              <RowActions label={f("intent")} onRemove={() => intents.remove(row.id)} />
            </div>
            <RowErrors name={name} />
            <div className="grid gap-3 sm:grid-cols-3">
              <TextArea
                name={`${name}.phrases`}
                label={f("phrases")}
                hint={t("authoring.hints.phrases")}
                defaultValue={row.value.phrases}
              />
              <TextArea
                name={`${name}.patterns`}
                label={f("patterns")}
                hint={t("authoring.hints.patterns")}
                defaultValue={row.value.patterns}
              />
              <TextArea
                name={`${name}.exclude`}
                label={f("exclude")}
                hint={t("authoring.hints.exclude")}
                defaultValue={row.value.exclude}
              />
            </div>
          </div>
        );
      })}
      <AddRowButton onClick={intents.add} label={f("intent")} />
    </Fieldset>
  );
}
