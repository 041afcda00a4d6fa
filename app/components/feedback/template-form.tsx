import {
  getFormProps,
  getInputProps,
  getTextareaProps,
  useForm,
  type FieldMetadata,
  type SubmissionResult,
} from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { Form, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Field, FormError } from "~/components/field";
import { TemplateFormSchema, type CompetencyInput } from "~/modules/feedback/templates";

type CompetencyFields = { name: string; description: string; weight: string; scale: string[] };
type TemplateFields = { name: string; description: string; competencies: CompetencyFields[] };

export type TemplateDefaults = { name: string; description: string; competencies: CompetencyInput[] };

const BLANK: CompetencyFields = { name: "", description: "", weight: "20", scale: ["", "", "", "", ""] };

function Errors({ errors }: { errors?: string[] }) {
  const { t } = useTranslation();
  if (!errors?.length) return null;
  return (
    <p className="mt-1 text-xs text-rose-600" role="alert">
      {errors.map((error) => t(error)).join("；")}
    </p>
  );
}

function CompetencyFields({
  field,
  index,
  count,
  formId,
  listName,
  remove,
  reorder,
}: {
  field: FieldMetadata<CompetencyFields>;
  index: number;
  count: number;
  formId: string;
  listName: string;
  remove: (index: number) => React.ButtonHTMLAttributes<HTMLButtonElement>;
  reorder: (from: number, to: number) => React.ButtonHTMLAttributes<HTMLButtonElement>;
}) {
  const { t } = useTranslation("feedback");
  const competency = field.getFieldset();
  const scale = competency.scale.getFieldList();
  void formId;
  void listName;
  return (
    <fieldset
      className="rounded-lg border border-slate-200 p-4"
      aria-label={t("templates.competencyN", { n: index + 1 })}
    >
      <div className="mb-3 flex items-center justify-between gap-2">
        <legend className="text-sm font-semibold text-slate-800">{t("templates.competencyN", { n: index + 1 })}</legend>
        <div className="flex gap-1">
          <button
            type="button"
            className="btn-ghost px-2 py-1 text-xs"
            disabled={index === 0}
            {...reorder(index, index - 1)}
          >
            {t("templates.moveUp")}
          </button>
          <button
            type="button"
            className="btn-ghost px-2 py-1 text-xs"
            disabled={index === count - 1}
            {...reorder(index, index + 1)}
          >
            {t("templates.moveDown")}
          </button>
          <button
            type="button"
            className="btn-ghost px-2 py-1 text-xs text-rose-600"
            disabled={count <= 1}
            {...remove(index)}
          >
            {t("templates.remove")}
          </button>
        </div>
      </div>
      <div className="grid gap-3 sm:grid-cols-[1fr_8rem]">
        <Field id={competency.name.id} label={t("templates.competencyName")} errors={competency.name.errors}>
          <input {...getInputProps(competency.name, { type: "text" })} className="input" />
        </Field>
        <Field id={competency.weight.id} label={t("templates.weight")} errors={competency.weight.errors}>
          <input {...getInputProps(competency.weight, { type: "number" })} step="0.01" min="0.01" className="input" />
        </Field>
      </div>
      <div className="mt-3">
        <Field
          id={competency.description.id}
          label={t("templates.competencyDescription")}
          errors={competency.description.errors}
        >
          <input {...getInputProps(competency.description, { type: "text" })} className="input" />
        </Field>
      </div>
      <div className="mt-3 space-y-2">
        <p className="label">{t("templates.scale")}</p>
        {scale.map((point, position) => (
          <div key={point.key} className="flex items-start gap-2">
            <label htmlFor={point.id} className="mt-2 w-10 shrink-0 text-sm font-medium text-slate-600">
              {t("templates.point", { n: position + 1 })}
            </label>
            <div className="flex-1">
              <input {...getInputProps(point, { type: "text" })} className="input" />
              <Errors errors={point.errors} />
            </div>
          </div>
        ))}
        <Errors errors={competency.scale.errors} />
      </div>
    </fieldset>
  );
}

export function TemplateForm({
  id,
  defaults,
  lastResult,
  submitLabel,
}: {
  id: string;
  defaults: TemplateDefaults;
  lastResult: SubmissionResult<string[]> | undefined;
  submitLabel: string;
}) {
  const { t } = useTranslation(["feedback", "common"]);
  const navigation = useNavigation();
  const [form, fields] = useForm<TemplateFields>({
    id,
    lastResult,
    defaultValue: {
      ...defaults,
      competencies: defaults.competencies.map((competency) => ({ ...competency, weight: String(competency.weight) })),
    },
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: TemplateFormSchema }) as never,
  });
  const competencies = fields.competencies.getFieldList();
  const listName = fields.competencies.name;
  return (
    <Form method="post" {...getFormProps(form)} className="card space-y-5 p-6">
      <FormError errors={form.errors} />
      <Field id={fields.name.id} label={t("templates.name")} errors={fields.name.errors}>
        <input {...getInputProps(fields.name, { type: "text" })} className="input" />
      </Field>
      <Field id={fields.description.id} label={t("templates.description")} errors={fields.description.errors}>
        <textarea {...getTextareaProps(fields.description)} rows={2} className="input" />
      </Field>
      <div className="space-y-4">
        <div className="flex items-center justify-between">
          <h2 className="text-base font-semibold text-slate-900">{t("templates.competencies")}</h2>
          <button
            type="button"
            className="btn-secondary"
            {...form.insert.getButtonProps({ name: listName, defaultValue: BLANK })}
          >
            {t("templates.addCompetency")}
          </button>
        </div>
        <p className="text-xs text-slate-500">{t("templates.weightHint")}</p>
        <Errors errors={fields.competencies.errors} />
        {competencies.map((competency, index) => (
          <CompetencyFields
            key={competency.key}
            field={competency}
            index={index}
            count={competencies.length}
            formId={form.id}
            listName={listName}
            remove={(at) => form.remove.getButtonProps({ name: listName, index: at })}
            reorder={(from, to) => form.reorder.getButtonProps({ name: listName, from, to })}
          />
        ))}
      </div>
      <div className="flex justify-end">
        <button type="submit" className="btn-primary" disabled={navigation.state === "submitting"}>
          {submitLabel}
        </button>
      </div>
    </Form>
  );
}
