import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { Form, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Field, FormError } from "~/components/field";
import { BusinessHoursSchema, timeFromMinutes, WEEKDAYS } from "~/modules/kpi/settings-schemas";

export type TeamHours = {
  id: string;
  name: string;
  hours: { enabled: boolean; timeZone: string; workingDays: number[]; startMinute: number; endMinute: number };
};

export function AttributionForm({
  attribution,
  lastResult,
}: {
  attribution: "last_agent" | "split";
  lastResult?: SubmissionResult<string[]>;
}) {
  const { t } = useTranslation("kpi");
  const navigation = useNavigation();
  const [form] = useForm({ id: "kpi-attribution", lastResult });
  return (
    <Form method="post" {...getFormProps(form)} className="space-y-3">
      <input type="hidden" name="intent" value="attribution" />
      <FormError errors={form.errors} />
      {(["last_agent", "split"] as const).map((mode) => (
        <label key={mode} className="flex items-start gap-3 rounded-lg border border-slate-200 p-3 text-sm">
          <input type="radio" name="attribution" value={mode} defaultChecked={attribution === mode} className="mt-1" />
          <span>
            <span className="font-medium text-slate-900">{t(`settings.attribution.${mode}`)}</span>
            <span className="mt-1 block text-slate-600">{t(`settings.attribution.${mode}Body`)}</span>
          </span>
        </label>
      ))}
      <button type="submit" className="btn-primary" disabled={navigation.state === "submitting"}>
        {t("common:actions.save")}
      </button>
    </Form>
  );
}

export function BusinessHoursForm({ team, lastResult }: { team: TeamHours; lastResult?: SubmissionResult<string[]> }) {
  const { t } = useTranslation("kpi");
  const navigation = useNavigation();
  const [form, fields] = useForm({
    id: `kpi-hours-${team.id}`,
    lastResult,
    defaultValue: {
      enabled: team.hours.enabled ? "on" : undefined,
      workingDays: team.hours.workingDays.map(String),
      start: timeFromMinutes(team.hours.startMinute),
      end: timeFromMinutes(team.hours.endMinute),
      timeZone: team.hours.timeZone,
    },
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: BusinessHoursSchema }),
  });
  const days = team.hours.workingDays;
  return (
    <Form method="post" {...getFormProps(form)} className="space-y-3 p-4" aria-label={team.name}>
      <input type="hidden" name="intent" value="hours" />
      <input type="hidden" name="teamId" value={team.id} />
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h3 className="font-medium text-slate-900">{team.name}</h3>
        <label className="flex items-center gap-2 text-sm text-slate-700">
          <input
            type="checkbox"
            name={fields.enabled.name}
            defaultChecked={team.hours.enabled}
            className="h-4 w-4 rounded border-slate-300"
          />
          {t("settings.hours.enabled")}
        </label>
      </div>
      <FormError errors={form.errors} />
      <fieldset>
        <legend className="label">{t("settings.hours.days")}</legend>
        <div className="flex flex-wrap gap-3">
          {WEEKDAYS.map((day) => (
            <label key={day} className="flex items-center gap-1.5 text-sm text-slate-700">
              <input
                type="checkbox"
                name={fields.workingDays.name}
                value={day}
                defaultChecked={days.includes(day)}
                className="h-4 w-4 rounded border-slate-300"
              />
              {t(`settings.hours.weekday.${day}`)}
            </label>
          ))}
        </div>
        {fields.workingDays.errors?.length ? (
          <p className="mt-1 text-xs text-rose-600" role="alert">
            {fields.workingDays.errors.map((error) => t(error)).join("；")}
          </p>
        ) : null}
      </fieldset>
      <div className="grid gap-3 sm:grid-cols-3">
        <Field id={fields.start.id} label={t("settings.hours.start")} errors={fields.start.errors}>
          <input
            id={fields.start.id}
            name={fields.start.name}
            type="time"
            defaultValue={fields.start.initialValue}
            className="input"
          />
        </Field>
        <Field id={fields.end.id} label={t("settings.hours.end")} errors={fields.end.errors}>
          <input
            id={fields.end.id}
            name={fields.end.name}
            type="time"
            defaultValue={fields.end.initialValue}
            className="input"
          />
        </Field>
        <Field id={fields.timeZone.id} label={t("settings.hours.timeZone")} errors={fields.timeZone.errors}>
          <input
            id={fields.timeZone.id}
            name={fields.timeZone.name}
            defaultValue={fields.timeZone.initialValue}
            className="input"
          />
        </Field>
      </div>
      <button type="submit" className="btn-secondary" disabled={navigation.state === "submitting"}>
        {t("settings.hours.save")}
      </button>
    </Form>
  );
}
