import { getInputProps, getSelectProps, type FieldMetadata } from "@conform-to/react";
import { useTranslation } from "react-i18next";
import { Field } from "~/components/field";
import { ROLES } from "~/modules/identity/permissions";

type SharedField = "externalId" | "name" | "email" | "teamId" | "roles" | "hireDate" | "locale";
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Fields = Record<SharedField, FieldMetadata<any, any, string[]>>;

export type TeamOption = { id: string; code: string; name: string };

/** The fields shared by "new user" and "edit user". */
export function UserFields({ fields, teams }: { fields: Fields; teams: TeamOption[] }) {
  const { t } = useTranslation();
  const initialRoles = ([] as unknown[]).concat(fields.roles.initialValue ?? []);
  return (
    <div className="grid gap-5 sm:grid-cols-2">
      <Field
        id={fields.externalId.id}
        label={t("fields.externalId")}
        errors={fields.externalId.errors}
        hint={t("admin:users.externalIdHint")}
      >
        <input {...getInputProps(fields.externalId, { type: "text" })} className="input" autoComplete="off" />
      </Field>
      <Field id={fields.name.id} label={t("fields.name")} errors={fields.name.errors}>
        <input {...getInputProps(fields.name, { type: "text" })} className="input" autoComplete="off" />
      </Field>
      <Field
        id={fields.email.id}
        label={t("fields.email")}
        errors={fields.email.errors}
        hint={t("admin:users.emailHint")}
      >
        <input {...getInputProps(fields.email, { type: "email" })} className="input" autoComplete="off" />
      </Field>
      <Field id={fields.hireDate.id} label={t("fields.hireDate")} errors={fields.hireDate.errors}>
        <input {...getInputProps(fields.hireDate, { type: "date" })} className="input" />
      </Field>
      <Field id={fields.teamId.id} label={t("fields.team")} errors={fields.teamId.errors}>
        <select {...getSelectProps(fields.teamId)} className="input">
          <option value="">{t("admin:users.noTeam")}</option>
          {teams.map((team) => (
            <option key={team.id} value={team.id}>
              {team.name}（{team.code}）
            </option>
          ))}
        </select>
      </Field>
      <Field id={fields.locale.id} label={t("fields.locale")} errors={fields.locale.errors}>
        <select {...getSelectProps(fields.locale)} className="input">
          <option value="zh-CN">{t("language.names.zh-CN")}</option>
          <option value="en">{t("language.names.en")}</option>
        </select>
      </Field>
      <fieldset
        className="sm:col-span-2"
        aria-describedby={fields.roles.errors?.length ? `${fields.roles.id}-error` : undefined}
      >
        <legend className="label">{t("fields.roles")}</legend>
        <div className="flex flex-wrap gap-x-5 gap-y-2">
          {ROLES.map((role) => (
            <label key={role} className="inline-flex items-center gap-2 text-sm text-slate-700">
              <input
                type="checkbox"
                name={fields.roles.name}
                value={role}
                defaultChecked={initialRoles.includes(role)}
                className="h-4 w-4 rounded border-slate-300 text-brand-600"
                data-testid={`role-${role}`}
              />
              {t(`roles.${role}`)}
            </label>
          ))}
        </div>
        {fields.roles.errors?.length ? (
          <p id={`${fields.roles.id}-error`} className="mt-1 text-xs text-rose-600" role="alert">
            {fields.roles.errors.map((error) => t(error)).join("；")}
          </p>
        ) : null}
      </fieldset>
    </div>
  );
}
