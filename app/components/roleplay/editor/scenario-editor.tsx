import { Form, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { EditorValues, FieldErrors } from "~/modules/roleplay/authoring";
import { BasicsSection, OrderSection, PersonaSection } from "./basics-section";
import { EditorErrors } from "./fields";
import { IntentsSection } from "./intents-section";
import { NodesSection } from "./nodes-section";
import { ScoringSection, StepsSection } from "./scoring-section";

/** The structured editor: the whole draft in one form, saved at once (a 400 re-renders it with what was typed). */
export function ScenarioEditor({
  values,
  fieldErrors,
  stamp,
  rubrics,
}: {
  values: EditorValues;
  fieldErrors: FieldErrors;
  stamp: string;
  rubrics: readonly { slug: string; name: string }[];
}) {
  const { t } = useTranslation("roleplay");
  const navigation = useNavigation();
  const saving = navigation.state === "submitting" && navigation.formData?.get("intent") === "save";
  const errorCount = Object.keys(fieldErrors).length;
  return (
    <EditorErrors.Provider value={fieldErrors}>
      <Form method="post" className="space-y-4" noValidate data-testid="scenario-editor">
        <input type="hidden" name="intent" value="save" />
        <input type="hidden" name="stamp" value={stamp} />
        {errorCount > 0 ? (
          <p role="alert" className="rounded-md border border-rose-200 bg-rose-50 px-3 py-2 text-sm text-rose-700">
            {t("authoring.editor.fieldErrors", { count: errorCount })}
          </p>
        ) : null}
        <BasicsSection values={values} />
        <PersonaSection values={values} />
        <OrderSection values={values} />
        <IntentsSection values={values} />
        <NodesSection values={values} />
        <StepsSection values={values} />
        <ScoringSection values={values} rubrics={rubrics} />
        <div className="sticky bottom-0 flex justify-end gap-2 border-t border-slate-200 bg-white/95 py-3">
          <button type="submit" className="btn-primary" disabled={saving}>
            {saving ? t("authoring.editor.saving") : t("authoring.editor.save")}
          </button>
        </div>
      </Form>
    </EditorErrors.Provider>
  );
}

/** "高级：YAML" — the same draft as text; saving replaces the draft when it parses. */
export function YamlPanel({
  yaml,
  stamp,
  errors,
  open,
}: {
  yaml: string;
  stamp: string;
  errors: readonly string[];
  open: boolean;
}) {
  const { t } = useTranslation("roleplay");
  const navigation = useNavigation();
  const saving = navigation.state === "submitting" && navigation.formData?.get("intent") === "yaml";
  return (
    <details className="card p-5" open={open}>
      <summary className="cursor-pointer text-base font-semibold text-slate-900">{t("authoring.yaml.title")}</summary>
      <p className="mt-1 text-xs text-slate-500">{t("authoring.yaml.description")}</p>
      <Form method="post" className="mt-3 space-y-3">
        <input type="hidden" name="intent" value="yaml" />
        <input type="hidden" name="stamp" value={stamp} />
        {errors.length > 0 ? (
          <div role="alert" className="rounded-md border border-rose-200 bg-rose-50 px-3 py-2 text-sm text-rose-700">
            <p className="font-medium">{t("authoring.yaml.invalid")}</p>
            <ul className="mt-1 list-inside list-disc font-mono text-xs">
              {errors.map((error) => (
                <li key={error}>{error}</li>
              ))}
            </ul>
          </div>
        ) : null}
        <label htmlFor="scenario-yaml" className="sr-only">
          {t("authoring.yaml.title")}
        </label>
        <textarea
          id="scenario-yaml"
          name="yaml"
          defaultValue={yaml}
          rows={24}
          spellCheck={false}
          className="input font-mono text-xs"
        />
        <div className="flex justify-end">
          <button type="submit" className="btn-secondary" disabled={saving}>
            {t("authoring.yaml.save")}
          </button>
        </div>
      </Form>
    </details>
  );
}
