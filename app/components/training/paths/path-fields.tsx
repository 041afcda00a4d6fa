import { getFormProps, getInputProps, getTextareaProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { Form, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Field, FormError } from "~/components/field";
import { ROLES } from "~/modules/identity/permissions";
import { CreatePathSchema, PathEditSchema } from "~/modules/training/paths/path-rules";

export type PathFieldValues = {
  slug?: string;
  title: string;
  description: string;
  audienceRoles: string[];
  audienceTeamIds: string[];
  audienceLevel: string | null;
  requiredHours: number | null;
  autoAssignNewHires: boolean;
  dueDays: number | null;
};

/** The path's own fields; with `stamp` it edits an existing path, without it creates one (slug included). */
export function PathFieldsForm({
  values,
  teams,
  stamp,
  lastResult,
  submitLabel,
}: {
  values: PathFieldValues;
  teams: { id: string; code: string; name: string }[];
  stamp?: string;
  lastResult: SubmissionResult<string[]> | undefined | null;
  submitLabel: string;
}) {
  const { t } = useTranslation(["training-courses", "common"]);
  const navigation = useNavigation();
  const creating = stamp === undefined;
  const [form, fields] = useForm({
    id: creating ? "new-path" : `path-fields-${stamp}`,
    lastResult: lastResult ?? undefined,
    defaultValue: {
      slug: values.slug ?? "",
      title: values.title,
      description: values.description,
      audienceLevel: values.audienceLevel ?? "",
      requiredHours: values.requiredHours?.toString() ?? "",
      dueDays: values.dueDays?.toString() ?? "",
    },
    shouldValidate: "onBlur",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: creating ? CreatePathSchema : PathEditSchema }),
  });
  return (
    <Form method="post" {...getFormProps(form)} className="card space-y-4 p-5">
      <FormError errors={form.errors} />
      {creating ? null : (
        <>
          <input type="hidden" name="intent" value="fields" />
          <input type="hidden" name="stamp" value={stamp} />
        </>
      )}
      <Field id={fields.title.id} label={t("paths.fields.title")} errors={fields.title.errors}>
        <input {...getInputProps(fields.title, { type: "text" })} className="input" autoComplete="off" />
      </Field>
      {creating ? (
        <Field id={fields.slug.id} label={t("fields.slug")} errors={fields.slug.errors} hint={t("fields.slugHint")}>
          <input
            {...getInputProps(fields.slug, { type: "text" })}
            className="input font-mono"
            autoComplete="off"
            placeholder="new-hire-onboarding"
          />
        </Field>
      ) : null}
      <Field id={fields.description.id} label={t("paths.fields.description")} errors={fields.description.errors}>
        <textarea {...getTextareaProps(fields.description)} rows={3} className="input" />
      </Field>
      <fieldset>
        <legend className="label">{t("paths.fields.audienceRoles")}</legend>
        <div className="flex flex-wrap gap-x-4 gap-y-1">
          {ROLES.map((role) => (
            <label key={role} className="inline-flex items-center gap-2 text-sm text-slate-700">
              <input
                type="checkbox"
                name="audienceRoles"
                value={role}
                defaultChecked={values.audienceRoles.includes(role)}
                className="h-4 w-4 rounded border-slate-300 text-brand-600"
              />
              {t(`common:roles.${role}`)}
            </label>
          ))}
        </div>
        <p className="mt-1 text-xs text-slate-500">{t("paths.fields.audienceAllHint")}</p>
      </fieldset>
      <fieldset>
        <legend className="label">{t("paths.fields.audienceTeams")}</legend>
        <div className="flex flex-wrap gap-x-4 gap-y-1">
          {teams.map((team) => (
            <label key={team.id} className="inline-flex items-center gap-2 text-sm text-slate-700">
              <input
                type="checkbox"
                name="audienceTeamIds"
                value={team.id}
                defaultChecked={values.audienceTeamIds.includes(team.id)}
                className="h-4 w-4 rounded border-slate-300 text-brand-600"
              />
              {team.name}
            </label>
          ))}
        </div>
        <p className="mt-1 text-xs text-slate-500">{t("paths.fields.audienceAllHint")}</p>
      </fieldset>
      <div className="grid gap-4 sm:grid-cols-3">
        <Field
          id={fields.audienceLevel.id}
          label={t("paths.fields.level")}
          errors={fields.audienceLevel.errors}
          hint={t("paths.fields.levelHint")}
        >
          <input {...getInputProps(fields.audienceLevel, { type: "text" })} className="input" placeholder="P1" />
        </Field>
        <Field
          id={fields.requiredHours.id}
          label={t("paths.fields.requiredHours")}
          errors={fields.requiredHours.errors}
          hint={t("paths.fields.requiredHoursHint")}
        >
          <input {...getInputProps(fields.requiredHours, { type: "number" })} min={1} className="input" />
        </Field>
        <Field
          id={fields.dueDays.id}
          label={t("paths.fields.dueDays")}
          errors={fields.dueDays.errors}
          hint={t("paths.fields.dueDaysHint")}
        >
          <input {...getInputProps(fields.dueDays, { type: "number" })} min={1} className="input" />
        </Field>
      </div>
      <label className="inline-flex items-center gap-2 text-sm text-slate-700">
        <input
          type="checkbox"
          name="autoAssignNewHires"
          defaultChecked={values.autoAssignNewHires}
          className="h-4 w-4 rounded border-slate-300 text-brand-600"
        />
        {t("paths.fields.autoAssign")}
      </label>
      <div className="flex justify-end">
        <button type="submit" className="btn-primary" disabled={navigation.state === "submitting"}>
          {submitLabel}
        </button>
      </div>
    </Form>
  );
}
