import { getFormProps, getInputProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { Form, useNavigation } from "@remix-run/react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Field, FormError } from "~/components/field";
import { CycleFormSchema } from "~/modules/feedback/cycles";
import { WEIGHTED_GROUPS } from "~/modules/feedback/scoring";

type Option = { id: string; name: string };

export type CycleDefaults = {
  name: string;
  periodStart: string;
  periodEnd: string;
  dueDate: string;
  templateId: string;
  weights: Record<(typeof WEIGHTED_GROUPS)[number], number>;
  minGroupResponses: number;
  minPeers: number;
  maxPeers: number;
};

type CycleFields = {
  name: string;
  templateId: string;
  periodStart: string;
  periodEnd: string;
  dueDate: string;
  subjects: string;
  teamIds: string[];
  includeLeads: string;
  weights: Record<(typeof WEIGHTED_GROUPS)[number], string>;
  minGroupResponses: string;
  peerSelection: string;
  minPeers: string;
  maxPeers: string;
  allowComments: string;
};

export function CycleForm({
  templates,
  teams,
  defaults,
  lastResult,
}: {
  templates: Option[];
  teams: (Option & { members: number })[];
  defaults: CycleDefaults;
  lastResult: SubmissionResult<string[]> | undefined;
}) {
  const { t } = useTranslation(["feedback", "common"]);
  const navigation = useNavigation();
  const [form, fields] = useForm<CycleFields>({
    id: "new-feedback-cycle",
    lastResult,
    defaultValue: {
      ...defaults,
      weights: Object.fromEntries(
        WEIGHTED_GROUPS.map((group) => [group, String(defaults.weights[group])]),
      ) as CycleFields["weights"],
      minGroupResponses: String(defaults.minGroupResponses),
      minPeers: String(defaults.minPeers),
      maxPeers: String(defaults.maxPeers),
      subjects: "teams",
      peerSelection: "lead",
      allowComments: "on",
    },
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: CycleFormSchema }) as never,
  });
  const [subjects, setSubjects] = useState<string>("teams");
  const weights = fields.weights.getFieldset();
  return (
    <Form method="post" {...getFormProps(form)} className="card space-y-6 p-6">
      <FormError errors={form.errors} />
      <Field id={fields.name.id} label={t("cycles.name")} errors={fields.name.errors}>
        <input
          {...getInputProps(fields.name, { type: "text" })}
          className="input"
          placeholder={t("cycles.namePlaceholder")}
        />
      </Field>
      <div className="grid gap-4 sm:grid-cols-3">
        <Field id={fields.periodStart.id} label={t("cycles.periodStart")} errors={fields.periodStart.errors}>
          <input {...getInputProps(fields.periodStart, { type: "date" })} className="input" />
        </Field>
        <Field id={fields.periodEnd.id} label={t("cycles.periodEnd")} errors={fields.periodEnd.errors}>
          <input {...getInputProps(fields.periodEnd, { type: "date" })} className="input" />
        </Field>
        <Field id={fields.dueDate.id} label={t("cycles.dueDate")} errors={fields.dueDate.errors}>
          <input {...getInputProps(fields.dueDate, { type: "date" })} className="input" />
        </Field>
      </div>
      <Field id={fields.templateId.id} label={t("cycles.template")} errors={fields.templateId.errors}>
        <select
          id={fields.templateId.id}
          name={fields.templateId.name}
          defaultValue={defaults.templateId}
          className="input"
        >
          <option value="">{t("cycles.chooseTemplate")}</option>
          {templates.map((template) => (
            <option key={template.id} value={template.id}>
              {template.name}
            </option>
          ))}
        </select>
      </Field>
      <fieldset className="space-y-2">
        <legend className="label">{t("cycles.subjects")}</legend>
        <div className="flex flex-wrap gap-4 text-sm">
          {(["teams", "everyone"] as const).map((value) => (
            <label key={value} className="inline-flex items-center gap-2">
              <input
                type="radio"
                name={fields.subjects.name}
                value={value}
                defaultChecked={value === "teams"}
                onChange={() => setSubjects(value)}
              />
              {t(`cycles.subjectsMode.${value}`)}
            </label>
          ))}
        </div>
        {subjects === "teams" ? (
          <div className="grid gap-2 sm:grid-cols-2">
            {teams.map((team) => (
              <label key={team.id} className="inline-flex items-center gap-2 text-sm text-slate-700">
                <input
                  type="checkbox"
                  name={fields.teamIds.name}
                  value={team.id}
                  className="h-4 w-4 rounded border-slate-300"
                />
                {team.name}
                <span className="text-xs text-slate-400">{t("cycles.members", { count: team.members })}</span>
              </label>
            ))}
          </div>
        ) : null}
        {fields.teamIds.errors?.length ? (
          <p className="text-xs text-rose-600" role="alert">
            {fields.teamIds.errors.map((error) => t(error)).join("；")}
          </p>
        ) : null}
        <label className="inline-flex items-center gap-2 text-sm text-slate-700">
          <input type="checkbox" name={fields.includeLeads.name} className="h-4 w-4 rounded border-slate-300" />
          {t("cycles.includeLeads")}
        </label>
        <p className="text-xs text-slate-500">{t("cycles.subjectsHint")}</p>
      </fieldset>
      <fieldset className="space-y-2">
        <legend className="label">{t("cycles.weights")}</legend>
        <div className="grid gap-3 sm:grid-cols-4">
          {WEIGHTED_GROUPS.map((group) => (
            <Field key={group} id={weights[group].id} label={t(`groups.${group}`)} errors={weights[group].errors}>
              <div className="flex items-center gap-1">
                <input {...getInputProps(weights[group], { type: "number" })} min="0" max="100" className="input" />
                <span className="text-sm text-slate-500">%</span>
              </div>
            </Field>
          ))}
        </div>
        {fields.weights.errors?.length ? (
          <p className="text-xs text-rose-600" role="alert">
            {fields.weights.errors.map((error) => t(error)).join("；")}
          </p>
        ) : null}
        <p className="text-xs text-slate-500">{t("cycles.weightsHint")}</p>
      </fieldset>
      <div className="grid gap-4 sm:grid-cols-3">
        <Field
          id={fields.minGroupResponses.id}
          label={t("cycles.minGroupResponses")}
          errors={fields.minGroupResponses.errors}
          hint={t("cycles.minGroupResponsesHint")}
        >
          <input {...getInputProps(fields.minGroupResponses, { type: "number" })} min="2" className="input" />
        </Field>
        <Field id={fields.minPeers.id} label={t("cycles.minPeers")} errors={fields.minPeers.errors}>
          <input {...getInputProps(fields.minPeers, { type: "number" })} min="0" className="input" />
        </Field>
        <Field id={fields.maxPeers.id} label={t("cycles.maxPeers")} errors={fields.maxPeers.errors}>
          <input {...getInputProps(fields.maxPeers, { type: "number" })} min="0" className="input" />
        </Field>
      </div>
      <fieldset className="space-y-2">
        <legend className="label">{t("cycles.peerSelection")}</legend>
        <div className="flex flex-wrap gap-4 text-sm">
          {(["lead", "subject"] as const).map((value) => (
            <label key={value} className="inline-flex items-center gap-2">
              <input type="radio" name={fields.peerSelection.name} value={value} defaultChecked={value === "lead"} />
              {t(`cycles.peerSelectionMode.${value}`)}
            </label>
          ))}
        </div>
      </fieldset>
      <label className="inline-flex items-center gap-2 text-sm text-slate-700">
        <input
          type="checkbox"
          name={fields.allowComments.name}
          defaultChecked
          className="h-4 w-4 rounded border-slate-300"
        />
        {t("cycles.allowComments")}
      </label>
      <div className="flex justify-end">
        <button type="submit" className="btn-primary" disabled={navigation.state === "submitting"}>
          {t("cycles.create")}
        </button>
      </div>
    </Form>
  );
}
