import { getInputProps, getSelectProps, getTextareaProps, type FieldMetadata } from "@conform-to/react";
import { useTranslation } from "react-i18next";
import { Field } from "~/components/field";

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Fields = Record<"code" | "name" | "description" | "leadId", FieldMetadata<any, any, string[]>>;
export type LeadOption = { id: string; externalId: string; name: string };

export function TeamFields({ fields, leads }: { fields: Fields; leads: LeadOption[] }) {
  const { t } = useTranslation();
  return (
    <div className="space-y-4">
      <Field
        id={fields.code.id}
        label={t("admin:teams.code")}
        errors={fields.code.errors}
        hint={t("admin:teams.codeHint")}
      >
        <input {...getInputProps(fields.code, { type: "text" })} className="input font-mono" autoComplete="off" />
      </Field>
      <Field id={fields.name.id} label={t("admin:teams.name")} errors={fields.name.errors}>
        <input {...getInputProps(fields.name, { type: "text" })} className="input" autoComplete="off" />
      </Field>
      <Field
        id={fields.leadId.id}
        label={t("fields.lead")}
        errors={fields.leadId.errors}
        hint={t("admin:teams.leadHint")}
      >
        <select {...getSelectProps(fields.leadId)} className="input">
          <option value="">{t("admin:teams.noLead")}</option>
          {leads.map((lead) => (
            <option key={lead.id} value={lead.id}>
              {lead.name}（{lead.externalId}）
            </option>
          ))}
        </select>
      </Field>
      <Field id={fields.description.id} label={t("admin:teams.descriptionLabel")} errors={fields.description.errors}>
        <textarea {...getTextareaProps(fields.description)} rows={3} className="input" />
      </Field>
    </div>
  );
}
