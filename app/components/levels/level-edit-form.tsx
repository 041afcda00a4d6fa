import { Form } from "@remix-run/react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Field, FormError } from "~/components/field";
import { CRITERION_KINDS, type CriterionKind, type CriterionSpec } from "~/modules/levels/criteria";
import type { Vocabulary } from "./criterion-text";

type Row = { key: number; kind: CriterionKind; threshold: string; months: string; kpiKey: string; examSlug: string };
type Errors = Record<string, string[] | undefined>;

const FIELDS: Record<CriterionKind, ("threshold" | "months" | "kpiKey" | "examSlug")[]> = {
  tenure_months: ["threshold"],
  certificate: ["examSlug"],
  qa_average: ["threshold", "months"],
  kpi: ["kpiKey", "threshold", "months"],
  feedback_score: ["threshold"],
  no_red_line: ["months"],
};

function toRow(criterion: CriterionSpec, key: number): Row {
  return {
    key,
    kind: criterion.kind,
    threshold: criterion.threshold === null ? "" : String(criterion.threshold),
    months: criterion.months === null ? "" : String(criterion.months),
    kpiKey: criterion.kpiKey ?? "",
    examSlug: criterion.examSlug ?? "",
  };
}

export type LevelFormValues = {
  name: string;
  nameEn: string;
  payBand: string;
  duties: string;
  demoteBelow: boolean;
  criteria: CriterionSpec[];
};

/** Name, pay band, duties, demotion flag and the criteria list (add, remove, edit rows). */
export function LevelEditForm({
  level,
  vocabulary,
  errors,
  formErrors,
}: {
  level: LevelFormValues;
  vocabulary: Vocabulary;
  errors: Errors;
  formErrors?: string[];
}) {
  const { t, i18n } = useTranslation(["levels", "common"]);
  const english = i18n.language.startsWith("en");
  const [rows, setRows] = useState<Row[]>(() => level.criteria.map(toRow));
  const [nextKey, setNextKey] = useState(level.criteria.length);
  const update = (key: number, patch: Partial<Row>) =>
    setRows((current) => current.map((row) => (row.key === key ? { ...row, ...patch } : row)));
  const add = () => {
    setRows((current) => [
      ...current,
      { key: nextKey, kind: "tenure_months", threshold: "", months: "", kpiKey: "", examSlug: "" },
    ]);
    setNextKey(nextKey + 1);
  };
  const fieldError = (name: string) => errors[name];
  return (
    <Form method="post" className="card space-y-5 p-6" noValidate>
      <FormError errors={formErrors} />
      <div className="grid gap-4 sm:grid-cols-2">
        <Field id="name" label={t("edit.name")} errors={fieldError("name")}>
          <input id="name" name="name" className="input" defaultValue={level.name} maxLength={40} />
        </Field>
        <Field id="nameEn" label={t("edit.nameEn")} errors={fieldError("nameEn")}>
          <input id="nameEn" name="nameEn" className="input" defaultValue={level.nameEn} maxLength={80} />
        </Field>
        <Field id="payBand" label={t("edit.payBand")} errors={fieldError("payBand")} hint={t("edit.payBandHint")}>
          <input id="payBand" name="payBand" className="input" defaultValue={level.payBand} maxLength={60} />
        </Field>
        <label className="inline-flex items-center gap-2 self-end pb-2 text-sm text-slate-700">
          <input type="checkbox" name="demoteBelow" value="on" defaultChecked={level.demoteBelow} className="h-4 w-4" />
          {t("edit.demoteBelow")}
        </label>
      </div>
      <Field id="duties" label={t("edit.duties")} errors={fieldError("duties")} hint={t("edit.dutiesHint")}>
        <textarea id="duties" name="duties" rows={6} className="input font-mono text-sm" defaultValue={level.duties} />
      </Field>
      <fieldset className="space-y-3">
        <legend className="label">{t("edit.criteria")}</legend>
        {rows.length === 0 ? <p className="text-sm text-slate-500">{t("ladder.noCriteria")}</p> : null}
        {rows.map((row, index) => {
          const name = (field: string) => `criteria[${index}].${field}`;
          const shown = FIELDS[row.kind];
          return (
            <div
              key={row.key}
              className="grid gap-3 rounded-md border border-slate-200 p-3 sm:grid-cols-5"
              data-testid="criterion-row"
            >
              <Field id={name("kind")} label={t("edit.kind")} errors={fieldError(name("kind"))}>
                <select
                  id={name("kind")}
                  name={name("kind")}
                  className="input"
                  value={row.kind}
                  onChange={(event) => update(row.key, { kind: event.target.value as CriterionKind })}
                >
                  {CRITERION_KINDS.map((kind) => (
                    <option key={kind} value={kind}>
                      {t(`kinds.${kind}`)}
                    </option>
                  ))}
                </select>
              </Field>
              {shown.includes("kpiKey") ? (
                <Field id={name("kpiKey")} label={t("edit.kpiKey")} errors={fieldError(name("kpiKey"))}>
                  <select
                    id={name("kpiKey")}
                    name={name("kpiKey")}
                    className="input"
                    value={row.kpiKey}
                    onChange={(event) => update(row.key, { kpiKey: event.target.value })}
                  >
                    <option value="">{t("edit.choose")}</option>
                    {vocabulary.kpis.map((kpi) => (
                      <option key={kpi.key} value={kpi.key}>
                        {english ? kpi.nameEn : kpi.nameZh}
                      </option>
                    ))}
                  </select>
                </Field>
              ) : null}
              {shown.includes("examSlug") ? (
                <Field id={name("examSlug")} label={t("edit.examSlug")} errors={fieldError(name("examSlug"))}>
                  <select
                    id={name("examSlug")}
                    name={name("examSlug")}
                    className="input"
                    value={row.examSlug}
                    onChange={(event) => update(row.key, { examSlug: event.target.value })}
                  >
                    <option value="">{t("edit.choose")}</option>
                    {vocabulary.exams.map((exam) => (
                      <option key={exam.slug} value={exam.slug}>
                        {exam.certificateTitle ?? exam.title}
                      </option>
                    ))}
                  </select>
                </Field>
              ) : null}
              {shown.includes("threshold") ? (
                <Field
                  id={name("threshold")}
                  label={t(`edit.threshold.${row.kind}`)}
                  errors={fieldError(name("threshold"))}
                >
                  <input
                    id={name("threshold")}
                    name={name("threshold")}
                    className="input"
                    inputMode="decimal"
                    value={row.threshold}
                    onChange={(event) => update(row.key, { threshold: event.target.value })}
                  />
                </Field>
              ) : null}
              {shown.includes("months") ? (
                <Field id={name("months")} label={t("edit.months")} errors={fieldError(name("months"))}>
                  <input
                    id={name("months")}
                    name={name("months")}
                    className="input"
                    inputMode="numeric"
                    value={row.months}
                    onChange={(event) => update(row.key, { months: event.target.value })}
                  />
                </Field>
              ) : null}
              <div className="flex items-end">
                <button
                  type="button"
                  className="btn-ghost text-sm text-rose-700"
                  onClick={() => setRows(rows.filter((other) => other.key !== row.key))}
                >
                  {t("edit.removeCriterion")}
                </button>
              </div>
            </div>
          );
        })}
        <button type="button" className="btn-secondary text-sm" onClick={add}>
          {t("edit.addCriterion")}
        </button>
      </fieldset>
      <div className="flex justify-end">
        <button type="submit" className="btn-primary">
          {t("common:actions.save")}
        </button>
      </div>
    </Form>
  );
}
