import { getFormProps, getInputProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { Form, useNavigation } from "@remix-run/react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Field, FormError } from "~/components/field";
import { CRON_PRESETS, nextRuns } from "~/modules/qa/sampling/cron";
import { CHANNELS, PlanFormSchema, WINDOW_KINDS, WINDOW_UNITS } from "~/modules/qa/sampling/schemas";
import { STRATEGIES } from "~/modules/qa/sampling/strategies";
import { useFormat } from "~/utils/use-format";

type Option = { id: string; name: string; externalId?: string };

export type PlanFormOptions = {
  rubrics: Option[];
  inspectors: Option[];
  teams: Option[];
  agents: Option[];
};

export type PlanFormDefaults = Record<string, string | string[]>;

function personLabel(option: Option) {
  return option.externalId ? `${option.name}（${option.externalId}）` : option.name;
}

function asArray(value: unknown): string[] {
  if (Array.isArray(value)) return value.map(String);
  return typeof value === "string" && value ? [value] : [];
}

export function PlanForm({
  id,
  options,
  defaultValue,
  lastResult,
  submitLabel,
}: {
  id: string;
  options: PlanFormOptions;
  defaultValue: PlanFormDefaults;
  lastResult?: SubmissionResult<string[]> | null;
  submitLabel: string;
}) {
  const { t } = useTranslation(["qa-sampling", "common"]);
  const format = useFormat();
  const navigation = useNavigation();
  const [form, fields] = useForm({
    id,
    lastResult,
    defaultValue,
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: PlanFormSchema }),
  });
  const [strategy, setStrategy] = useState(String(defaultValue.strategy ?? "stratified_equal"));
  const [windowKind, setWindowKind] = useState(String(defaultValue.windowKind ?? "previous"));
  const [cron, setCron] = useState(String(defaultValue.cron ?? ""));
  const upcoming = cron.trim() ? nextRuns(cron, format.context.timeZone, 3) : [];
  const selectedTeams = asArray(fields.teams.initialValue);
  const selectedChannels = asArray(fields.channels.initialValue);
  const selectedInspectors = asArray(fields.inspectorIds.initialValue);

  return (
    <Form method="post" {...getFormProps(form)} className="card space-y-6 p-6">
      <input type="hidden" name="intent" value="save" />
      <FormError errors={form.errors} />

      <fieldset className="grid gap-5 sm:grid-cols-2">
        <legend className="mb-3 text-base font-semibold text-slate-900">{t("form.basics")}</legend>
        <Field id={fields.name.id} label={t("fields.name")} errors={fields.name.errors}>
          <input {...getInputProps(fields.name, { type: "text" })} className="input" />
        </Field>
        <Field id={fields.rubricId.id} label={t("fields.rubric")} errors={fields.rubricId.errors}>
          <select
            id={fields.rubricId.id}
            name={fields.rubricId.name}
            defaultValue={String(fields.rubricId.initialValue ?? "")}
            className="input"
          >
            <option value="">{t("form.choose")}</option>
            {options.rubrics.map((rubric) => (
              <option key={rubric.id} value={rubric.id}>
                {rubric.name}
              </option>
            ))}
          </select>
        </Field>
        <div className="sm:col-span-2">
          <Field id={fields.description.id} label={t("fields.description")} errors={fields.description.errors}>
            <textarea
              id={fields.description.id}
              name={fields.description.name}
              defaultValue={String(fields.description.initialValue ?? "")}
              rows={2}
              className="input"
            />
          </Field>
        </div>
      </fieldset>

      <fieldset className="grid gap-5 border-t border-slate-100 pt-5 sm:grid-cols-2">
        <legend className="mb-3 pt-5 text-base font-semibold text-slate-900">{t("form.strategy")}</legend>
        <Field
          id={fields.strategy.id}
          label={t("fields.strategy")}
          errors={fields.strategy.errors}
          hint={t(`strategyHint.${strategy}`)}
        >
          <select
            id={fields.strategy.id}
            name={fields.strategy.name}
            value={strategy}
            onChange={(event) => setStrategy(event.target.value)}
            className="input"
          >
            {STRATEGIES.map((value) => (
              <option key={value} value={value}>
                {t(`strategies.${value}`)}
              </option>
            ))}
          </select>
        </Field>
        {strategy === "random_percent" ? (
          <Field id={fields.percent.id} label={t("fields.percent")} errors={fields.percent.errors}>
            <input {...getInputProps(fields.percent, { type: "number" })} step="0.1" className="input" />
          </Field>
        ) : null}
        {strategy === "fixed_per_agent" ? (
          <Field id={fields.perAgent.id} label={t("fields.perAgent")} errors={fields.perAgent.errors}>
            <input {...getInputProps(fields.perAgent, { type: "number" })} className="input" />
          </Field>
        ) : null}
        {strategy === "stratified_equal" || strategy === "stratified_proportional" ? (
          <Field id={fields.total.id} label={t("fields.total")} errors={fields.total.errors}>
            <input {...getInputProps(fields.total, { type: "number" })} className="input" />
          </Field>
        ) : null}
      </fieldset>

      <fieldset className="grid gap-5 border-t border-slate-100 pt-5 sm:grid-cols-2">
        <legend className="mb-3 pt-5 text-base font-semibold text-slate-900">{t("form.filters")}</legend>
        <Field id={fields.windowKind.id} label={t("fields.window")} errors={fields.windowKind.errors}>
          <select
            id={fields.windowKind.id}
            name={fields.windowKind.name}
            value={windowKind}
            onChange={(event) => setWindowKind(event.target.value)}
            className="input"
          >
            {WINDOW_KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {t(`windowKinds.${kind}`)}
              </option>
            ))}
          </select>
        </Field>
        {windowKind === "relative" ? (
          <Field id={fields.windowDays.id} label={t("fields.windowDays")} errors={fields.windowDays.errors}>
            <input {...getInputProps(fields.windowDays, { type: "number" })} className="input" />
          </Field>
        ) : null}
        {windowKind === "previous" ? (
          <Field id={fields.windowUnit.id} label={t("fields.windowUnit")} errors={fields.windowUnit.errors}>
            <select
              id={fields.windowUnit.id}
              name={fields.windowUnit.name}
              defaultValue={String(fields.windowUnit.initialValue ?? "week")}
              className="input"
            >
              {WINDOW_UNITS.map((unit) => (
                <option key={unit} value={unit}>
                  {t(`windowUnits.${unit}`)}
                </option>
              ))}
            </select>
          </Field>
        ) : null}
        {windowKind === "absolute" ? (
          <div className="grid grid-cols-2 gap-3">
            <Field id={fields.windowFrom.id} label={t("fields.windowFrom")} errors={fields.windowFrom.errors}>
              <input {...getInputProps(fields.windowFrom, { type: "date" })} className="input" />
            </Field>
            <Field id={fields.windowTo.id} label={t("fields.windowTo")} errors={fields.windowTo.errors}>
              <input {...getInputProps(fields.windowTo, { type: "date" })} className="input" />
            </Field>
          </div>
        ) : null}

        <CheckboxGroup
          label={t("fields.teams")}
          hint={t("form.emptyMeansAll")}
          name={fields.teams.name}
          errors={fields.teams.errors}
          selected={selectedTeams}
          options={options.teams.map((team) => ({ value: team.id, label: team.name }))}
        />
        <CheckboxGroup
          label={t("fields.channels")}
          hint={t("form.emptyMeansAll")}
          name={fields.channels.name}
          errors={fields.channels.errors}
          selected={selectedChannels}
          options={CHANNELS.map((channel) => ({ value: channel, label: t(`channels.${channel}`) }))}
        />
        <Field
          id={fields.agents.id}
          label={t("fields.agents")}
          errors={fields.agents.errors}
          hint={t("form.agentsHint")}
        >
          <select
            id={fields.agents.id}
            name={fields.agents.name}
            multiple
            size={6}
            defaultValue={asArray(fields.agents.initialValue)}
            className="input"
          >
            {options.agents.map((agent) => (
              <option key={agent.id} value={agent.id}>
                {personLabel(agent)}
              </option>
            ))}
          </select>
        </Field>
        <Field id={fields.tags.id} label={t("fields.tags")} errors={fields.tags.errors} hint={t("form.tagsHint")}>
          <input {...getInputProps(fields.tags, { type: "text" })} className="input" />
        </Field>
        <Field
          id={fields.csatMax.id}
          label={t("fields.csatMax")}
          errors={fields.csatMax.errors}
          hint={t("form.optional")}
        >
          <input {...getInputProps(fields.csatMax, { type: "number" })} min={1} max={5} className="input" />
        </Field>
        <Field
          id={fields.minHandlingSeconds.id}
          label={t("fields.minHandlingSeconds")}
          errors={fields.minHandlingSeconds.errors}
          hint={t("form.optional")}
        >
          <input {...getInputProps(fields.minHandlingSeconds, { type: "number" })} className="input" />
        </Field>
        <Field
          id={fields.minMessages.id}
          label={t("fields.minMessages")}
          errors={fields.minMessages.errors}
          hint={t("form.optional")}
        >
          <input {...getInputProps(fields.minMessages, { type: "number" })} className="input" />
        </Field>
        <label className="flex items-center gap-2 self-end text-sm text-slate-700">
          <input
            {...getInputProps(fields.complaintOnly, { type: "checkbox" })}
            className="h-4 w-4 rounded border-slate-300"
          />
          {t("fields.complaintOnly")}
        </label>
      </fieldset>

      <fieldset className="grid gap-5 border-t border-slate-100 pt-5 sm:grid-cols-2">
        <legend className="mb-3 pt-5 text-base font-semibold text-slate-900">{t("form.assignment")}</legend>
        <div className="sm:col-span-2">
          <CheckboxGroup
            label={t("fields.inspectors")}
            name={fields.inspectorIds.name}
            errors={fields.inspectorIds.errors}
            selected={selectedInspectors}
            options={options.inspectors.map((inspector) => ({ value: inspector.id, label: personLabel(inspector) }))}
          />
        </div>
        <Field
          id={fields.perInspectorCap.id}
          label={t("fields.perInspectorCap")}
          errors={fields.perInspectorCap.errors}
          hint={t("form.capHint")}
        >
          <input {...getInputProps(fields.perInspectorCap, { type: "number" })} className="input" />
        </Field>
        <Field id={fields.dueInDays.id} label={t("fields.dueInDays")} errors={fields.dueInDays.errors}>
          <input {...getInputProps(fields.dueInDays, { type: "number" })} className="input" />
        </Field>
      </fieldset>

      <fieldset className="grid gap-5 border-t border-slate-100 pt-5 sm:grid-cols-2">
        <legend className="mb-3 pt-5 text-base font-semibold text-slate-900">{t("form.schedule")}</legend>
        <div>
          <Field
            id={fields.cron.id}
            label={t("fields.cron")}
            errors={fields.cron.errors}
            hint={t("form.cronHint", { timeZone: format.context.timeZone })}
          >
            <input
              id={fields.cron.id}
              name={fields.cron.name}
              value={cron}
              onChange={(event) => setCron(event.target.value)}
              placeholder="0 9 * * 1"
              className="input font-mono"
              aria-invalid={fields.cron.errors ? true : undefined}
            />
          </Field>
          <div className="mt-2 flex flex-wrap gap-2">
            {CRON_PRESETS.map((preset) => (
              <button
                key={preset.key}
                type="button"
                className="btn-ghost px-2 py-1 text-xs"
                onClick={() => setCron(preset.pattern)}
              >
                {t(`cronPresets.${preset.key}`)}
              </button>
            ))}
            <button type="button" className="btn-ghost px-2 py-1 text-xs" onClick={() => setCron("")}>
              {t("cronPresets.manual")}
            </button>
          </div>
        </div>
        <div>
          <p className="label">{t("form.nextRuns")}</p>
          {upcoming.length ? (
            <ul className="space-y-1 text-sm text-slate-700" data-testid="next-runs">
              {upcoming.map((date) => (
                <li key={date.toISOString()}>{format.dateTime(date)}</li>
              ))}
            </ul>
          ) : (
            <p className="text-sm text-slate-500">{cron.trim() ? t("errors.cronInvalid") : t("form.manualOnly")}</p>
          )}
          <label className="mt-4 flex items-center gap-2 text-sm text-slate-700">
            <input
              {...getInputProps(fields.active, { type: "checkbox" })}
              className="h-4 w-4 rounded border-slate-300"
            />
            {t("fields.active")}
          </label>
        </div>
      </fieldset>

      <div className="flex justify-end border-t border-slate-100 pt-5">
        <button type="submit" className="btn-primary" disabled={navigation.state === "submitting"}>
          {submitLabel}
        </button>
      </div>
    </Form>
  );
}

function CheckboxGroup({
  label,
  hint,
  name,
  errors,
  selected,
  options,
}: {
  label: string;
  hint?: string;
  name: string;
  errors?: string[];
  selected: string[];
  options: { value: string; label: string }[];
}) {
  const { t } = useTranslation();
  return (
    <div role="group" aria-label={label}>
      <p className="label">{label}</p>
      <div className="flex flex-wrap gap-x-4 gap-y-2">
        {options.map((option) => (
          <label key={option.value} className="flex items-center gap-2 text-sm text-slate-700">
            <input
              type="checkbox"
              name={name}
              value={option.value}
              defaultChecked={selected.includes(option.value)}
              className="h-4 w-4 rounded border-slate-300"
            />
            {option.label}
          </label>
        ))}
      </div>
      {hint && !errors?.length ? <p className="mt-1 text-xs text-slate-500">{hint}</p> : null}
      {errors?.length ? (
        <p className="mt-1 text-xs text-rose-600" role="alert">
          {errors.map((error) => t(error)).join("；")}
        </p>
      ) : null}
    </div>
  );
}
