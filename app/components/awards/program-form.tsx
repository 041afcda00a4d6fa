import { getFormProps, useForm } from "@conform-to/react";
import type { SubmissionResult } from "@conform-to/react";
import { Form, useNavigation } from "@remix-run/react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Field, FormError } from "~/components/field";
import { CERTIFICATE_PLACEHOLDERS } from "~/modules/awards/certificate";
import { weightShares } from "~/modules/awards/program-form";
import { useFormat } from "~/utils/use-format";

export type ProgramFormDefaults = {
  key: string;
  name: string;
  description: string;
  subjectKind: string;
  kind: string;
  cadence: string;
  normalisation: string;
  zClip: number;
  priorStrength: number;
  minConversations: number;
  minQaReviews: number;
  excludeRedLine: boolean;
  minTenureMonths: number;
  cooldownPeriods: number | null;
  winnerCount: number;
  winnersPerTeam: boolean;
  tieBreakers: string[];
  bonusAmount: number;
  certificateText: string;
  active: boolean;
  metrics: { kpiKey: string; weight: number }[];
};

export type KpiOption = { key: string; nameZh: string; nameEn: string; direction: string };

export const NEW_PROGRAM_DEFAULTS: ProgramFormDefaults = {
  key: "",
  name: "",
  description: "",
  subjectKind: "individual",
  kind: "composite",
  cadence: "month",
  normalisation: "percentile",
  zClip: 3,
  priorStrength: 20,
  minConversations: 100,
  minQaReviews: 2,
  excludeRedLine: true,
  minTenureMonths: 3,
  cooldownPeriods: null,
  winnerCount: 3,
  winnersPerTeam: false,
  tieBreakers: [],
  bonusAmount: 500,
  certificateText: "",
  active: true,
  metrics: [],
};

const SELECTS = {
  subjectKind: ["individual", "team"],
  kind: ["composite", "improvement"],
  cadence: ["month", "quarter", "year"],
  normalisation: ["percentile", "zscore"],
} as const;

/** The programme form: rules, the weighted KPIs (blank weight = not used; shares shown live) and the citation. */
export function ProgramForm({
  defaults,
  kpis,
  lastResult,
  isNew,
}: {
  defaults: ProgramFormDefaults;
  kpis: KpiOption[];
  lastResult: SubmissionResult<string[]> | undefined | null;
  isNew: boolean;
}) {
  const { t, i18n } = useTranslation(["awards", "common"]);
  const format = useFormat();
  const navigation = useNavigation();
  const [form] = useForm({ id: "award-program", lastResult: lastResult ?? undefined });
  const errors = (name: string) => form.allErrors[name];
  const weightOf = new Map(defaults.metrics.map((metric) => [metric.kpiKey, metric.weight]));
  const [weights, setWeights] = useState<Record<string, string>>(() =>
    Object.fromEntries(kpis.map((kpi) => [kpi.key, weightOf.has(kpi.key) ? String(weightOf.get(kpi.key)) : ""])),
  );
  const shares = weightShares(kpis.map((kpi) => Number(weights[kpi.key]) || null));
  const kpiName = (kpi: KpiOption) => (i18n.language.startsWith("zh") ? kpi.nameZh : kpi.nameEn);
  const number = (name: keyof ProgramFormDefaults, props: { step?: string; min?: number } = {}) => (
    <Field id={`program-${name}`} label={t(`programForm.fields.${name}`)} errors={errors(name)} hint={hint(name)}>
      <input
        id={`program-${name}`}
        name={name}
        type="number"
        step={props.step ?? "1"}
        min={props.min ?? 0}
        defaultValue={defaults[name] === null ? "" : String(defaults[name])}
        className="input"
      />
    </Field>
  );
  const hint = (name: string) => {
    const key = `programs.help.${name}`;
    return i18n.exists(`awards:${key}`) ? t(key) : undefined;
  };
  const checkbox = (name: keyof ProgramFormDefaults) => (
    <label className="flex items-center gap-2 text-sm text-slate-700">
      <input type="checkbox" name={name} defaultChecked={Boolean(defaults[name])} className="h-4 w-4" />
      {t(`programForm.fields.${name}`)}
    </label>
  );
  return (
    <Form method="post" {...getFormProps(form)} className="space-y-6">
      <FormError errors={form.errors} />
      <section className="card space-y-4 p-6">
        <h2 className="text-base font-semibold text-slate-900">{t("programForm.sections.basics")}</h2>
        <div className="grid gap-4 sm:grid-cols-2">
          <Field id="program-name" label={t("programForm.fields.name")} errors={errors("name")}>
            <input id="program-name" name="name" defaultValue={defaults.name} className="input" maxLength={60} />
          </Field>
          {isNew ? (
            <Field id="program-key" label={t("programForm.fields.key")} errors={errors("key")} hint={hint("key")}>
              <input id="program-key" name="key" defaultValue={defaults.key} className="input font-mono" />
            </Field>
          ) : (
            <div>
              <p className="label">{t("programForm.fields.key")}</p>
              <p className="font-mono text-sm text-slate-600">{defaults.key}</p>
            </div>
          )}
          {(Object.keys(SELECTS) as (keyof typeof SELECTS)[]).map((name) => (
            <Field key={name} id={`program-${name}`} label={t(`programForm.fields.${name}`)} errors={errors(name)}>
              <select id={`program-${name}`} name={name} defaultValue={String(defaults[name])} className="input">
                {SELECTS[name].map((value) => (
                  <option key={value} value={value}>
                    {t(`programForm.options.${name}.${value}`)}
                  </option>
                ))}
              </select>
            </Field>
          ))}
        </div>
        <Field id="program-description" label={t("programForm.fields.description")} errors={errors("description")}>
          <textarea
            id="program-description"
            name="description"
            rows={2}
            defaultValue={defaults.description}
            className="input"
          />
        </Field>
        {checkbox("active")}
      </section>

      <section className="card space-y-4 p-6">
        <h2 className="text-base font-semibold text-slate-900">{t("programForm.sections.metrics")}</h2>
        <p className="text-sm text-slate-500">{t("programForm.hints.metrics")}</p>
        <FormError errors={errors("metrics")} />
        <table className="table-base" data-testid="program-metrics">
          <thead>
            <tr>
              <th>{t("programForm.metrics.kpi")}</th>
              <th>{t("programForm.metrics.direction")}</th>
              <th>{t("programForm.metrics.weight")}</th>
              <th>{t("programForm.metrics.share")}</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {kpis.map((kpi, index) => (
              <tr key={kpi.key}>
                <td>
                  <input type="hidden" name={`metrics[${index}].kpiKey`} value={kpi.key} />
                  <label htmlFor={`weight-${kpi.key}`}>{kpiName(kpi)}</label>
                </td>
                <td className="text-slate-500">{t(`programForm.direction.${kpi.direction}`)}</td>
                <td>
                  <input
                    id={`weight-${kpi.key}`}
                    name={`metrics[${index}].weight`}
                    type="number"
                    step="any"
                    min="0"
                    value={weights[kpi.key] ?? ""}
                    onChange={(event) => setWeights((current) => ({ ...current, [kpi.key]: event.target.value }))}
                    className="input w-28"
                    aria-invalid={errors(`metrics[${index}].weight`) ? true : undefined}
                  />
                  {errors(`metrics[${index}].weight`) ? (
                    <p className="mt-1 text-xs text-rose-600" role="alert">
                      {t(errors(`metrics[${index}].weight`)![0]!)}
                    </p>
                  ) : null}
                </td>
                <td className="tabular-nums text-slate-600">
                  {shares[index] === null ? "—" : `${format.number(shares[index]!, { maximumFractionDigits: 1 })}%`}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <div className="grid gap-4 sm:grid-cols-3">
          {number("priorStrength", { step: "any" })}
          {number("zClip", { step: "any" })}
        </div>
        <div className="grid gap-4 sm:grid-cols-3">
          {[0, 1, 2].map((position) => (
            <Field
              key={position}
              id={`program-tie-${position}`}
              label={t("programForm.fields.tieBreaker", { n: position + 1 })}
              errors={position === 0 ? errors("tieBreakers") : undefined}
            >
              <select
                id={`program-tie-${position}`}
                name={`tieBreakers[${position}]`}
                defaultValue={defaults.tieBreakers[position] ?? ""}
                className="input"
              >
                <option value="">{t("programForm.noTieBreaker")}</option>
                {kpis.map((kpi) => (
                  <option key={kpi.key} value={kpi.key}>
                    {kpiName(kpi)}
                  </option>
                ))}
              </select>
            </Field>
          ))}
        </div>
        <p className="text-xs text-slate-500">{t("programs.help.tieBreakers")}</p>
      </section>

      <section className="card space-y-4 p-6">
        <h2 className="text-base font-semibold text-slate-900">{t("programForm.sections.eligibility")}</h2>
        <div className="grid gap-4 sm:grid-cols-2">
          {number("minConversations")}
          {number("minQaReviews")}
          {number("minTenureMonths")}
          {number("cooldownPeriods", { min: 1 })}
        </div>
        {checkbox("excludeRedLine")}
        <p className="text-xs text-slate-500">{t("programs.help.excludeRedLine")}</p>
      </section>

      <section className="card space-y-4 p-6">
        <h2 className="text-base font-semibold text-slate-900">{t("programForm.sections.winners")}</h2>
        <div className="grid gap-4 sm:grid-cols-2">
          {number("winnerCount", { min: 1 })}
          {number("bonusAmount", { step: "0.01" })}
        </div>
        {checkbox("winnersPerTeam")}
        <p className="text-xs text-slate-500">{t("programs.help.winnersPerTeam")}</p>
        <Field
          id="program-certificateText"
          label={t("programForm.fields.certificateText")}
          errors={errors("certificateText")}
          hint={t("programForm.hints.certificateText", {
            placeholders: CERTIFICATE_PLACEHOLDERS.map((key) => `{${key}}`).join(" "),
          })}
        >
          <textarea
            id="program-certificateText"
            name="certificateText"
            rows={3}
            defaultValue={defaults.certificateText}
            className="input"
          />
        </Field>
      </section>

      <div className="flex justify-end">
        <button type="submit" className="btn-primary" disabled={navigation.state !== "idle"}>
          {t("common:actions.save")}
        </button>
      </div>
    </Form>
  );
}
