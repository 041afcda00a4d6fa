import type { FieldMetadata, FormMetadata } from "@conform-to/react";
import { useTranslation } from "react-i18next";
import { Field, FormError } from "~/components/field";
import { targetBounds } from "~/modules/kpi/definition-schemas";
import type { KpiDisplayUnit } from "~/modules/kpi/format";

type Fields = {
  nameZh: FieldMetadata<string>;
  nameEn: FieldMetadata<string>;
  description: FieldMetadata<string | undefined>;
  direction: FieldMetadata<string>;
  unit: FieldMetadata<string>;
  position: FieldMetadata<number>;
  active: FieldMetadata<boolean | undefined>;
  teamIds: FieldMetadata<string[] | undefined>;
  targets: FieldMetadata<{ scope: string; value?: number }[] | undefined>;
};

export type DefinitionFormOptions = {
  teams: { id: string; name: string }[];
  roles: string[];
  units: KpiDisplayUnit[];
};

/** Names, direction, unit, position, active, applies-to teams and the target grid (all / each team / each role). */
export function DefinitionFields({
  form,
  fields,
  options,
  targetRows,
  selectedTeamIds,
}: {
  form: FormMetadata<Record<string, unknown>>;
  fields: Fields;
  options: DefinitionFormOptions;
  targetRows: { scope: string; value: string }[];
  selectedTeamIds: string[];
}) {
  const { t } = useTranslation("kpi");
  const unit = (fields.unit.value ?? fields.unit.initialValue ?? options.units[0]) as KpiDisplayUnit;
  const bounds = targetBounds(unit);
  const teamName = new Map(options.teams.map((team) => [team.id, team.name]));
  const scopeLabel = (scope: string) => {
    if (scope === "all") return t("definitions.targets.all");
    if (scope.startsWith("team:")) return t("definitions.targets.team", { name: teamName.get(scope.slice(5)) ?? "" });
    return t("definitions.targets.role", { role: t(`common:roles.${scope.slice(5)}`) });
  };
  const targetErrors = fields.targets.getFieldList().map((item) => item.getFieldset().value.errors);
  return (
    <div className="space-y-5">
      <FormError errors={form.errors} />
      <div className="grid gap-4 sm:grid-cols-2">
        <Field id={fields.nameZh.id} label={t("definitions.fields.nameZh")} errors={fields.nameZh.errors}>
          <input
            id={fields.nameZh.id}
            name={fields.nameZh.name}
            defaultValue={fields.nameZh.initialValue}
            className="input"
          />
        </Field>
        <Field id={fields.nameEn.id} label={t("definitions.fields.nameEn")} errors={fields.nameEn.errors}>
          <input
            id={fields.nameEn.id}
            name={fields.nameEn.name}
            defaultValue={fields.nameEn.initialValue}
            className="input"
          />
        </Field>
      </div>
      <Field id={fields.description.id} label={t("definitions.fields.description")} errors={fields.description.errors}>
        <textarea
          id={fields.description.id}
          name={fields.description.name}
          defaultValue={fields.description.initialValue}
          rows={3}
          className="input"
        />
      </Field>
      <div className="grid gap-4 sm:grid-cols-3">
        <Field id={fields.direction.id} label={t("definitions.fields.direction")} errors={fields.direction.errors}>
          <select
            id={fields.direction.id}
            name={fields.direction.name}
            defaultValue={fields.direction.initialValue}
            className="input"
          >
            <option value="higher">{t("direction.higher")}</option>
            <option value="lower">{t("direction.lower")}</option>
          </select>
        </Field>
        <Field id={fields.unit.id} label={t("definitions.fields.unit")} errors={fields.unit.errors}>
          <select id={fields.unit.id} name={fields.unit.name} defaultValue={fields.unit.initialValue} className="input">
            {options.units.map((value) => (
              <option key={value} value={value}>
                {t(`units.${value}`)}
              </option>
            ))}
          </select>
        </Field>
        <Field
          id={fields.position.id}
          label={t("definitions.fields.position")}
          errors={fields.position.errors}
          hint={t("definitions.fields.positionHint")}
        >
          <input
            id={fields.position.id}
            name={fields.position.name}
            type="number"
            min={0}
            max={999}
            defaultValue={fields.position.initialValue}
            className="input"
          />
        </Field>
      </div>
      <label className="flex items-center gap-2 text-sm text-slate-700">
        <input
          type="checkbox"
          name={fields.active.name}
          defaultChecked={fields.active.initialValue === "on"}
          className="h-4 w-4 rounded border-slate-300"
        />
        {t("definitions.fields.active")}
      </label>
      <fieldset>
        <legend className="label">{t("definitions.fields.teams")}</legend>
        <p className="mb-2 text-xs text-slate-500">{t("definitions.fields.teamsHint")}</p>
        <div className="flex flex-wrap gap-3">
          {options.teams.map((team) => (
            <label key={team.id} className="flex items-center gap-2 text-sm text-slate-700">
              <input
                type="checkbox"
                name={fields.teamIds.name}
                value={team.id}
                defaultChecked={selectedTeamIds.includes(team.id)}
                className="h-4 w-4 rounded border-slate-300"
              />
              {team.name}
            </label>
          ))}
        </div>
        {fields.teamIds.errors?.length ? (
          <p className="mt-1 text-xs text-rose-600" role="alert">
            {fields.teamIds.errors.map((error) => t(error)).join("；")}
          </p>
        ) : null}
      </fieldset>
      <fieldset>
        <legend className="label">{t("definitions.fields.targets")}</legend>
        <p className="mb-2 text-xs text-slate-500">
          {t("definitions.targets.hint", { unit: t(`units.${unit}`), min: bounds.min, max: bounds.max })}
        </p>
        <table className="table-base">
          <tbody className="divide-y divide-slate-100">
            {targetRows.map((row, index) => {
              const id = `${form.id}-target-${index}`;
              const errors = targetErrors[index];
              return (
                <tr key={row.scope}>
                  <td className="w-1/2">
                    <label htmlFor={id}>{scopeLabel(row.scope)}</label>
                  </td>
                  <td>
                    <input type="hidden" name={`${fields.targets.name}[${index}].scope`} value={row.scope} />
                    <input
                      id={id}
                      name={`${fields.targets.name}[${index}].value`}
                      type="number"
                      step="any"
                      defaultValue={row.value}
                      placeholder={t("definitions.targets.none")}
                      className="input max-w-40"
                      aria-invalid={errors?.length ? true : undefined}
                    />
                    {errors?.length ? (
                      <p className="mt-1 text-xs text-rose-600" role="alert">
                        {errors.map((error) => t(error)).join("；")}
                      </p>
                    ) : null}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </fieldset>
    </div>
  );
}
