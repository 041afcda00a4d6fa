import { getFormProps, getInputProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { Form, useNavigation } from "@remix-run/react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Field, FormError } from "~/components/field";
import { ResetPasswordSchema } from "~/modules/admin/user-schemas";

type Props = {
  hasPassword: boolean;
  lastResult?: SubmissionResult<string[]> | null;
  generatedPassword?: string | null;
};

/** Sets the admin's password or a generated one (shown once, right here), and signs the person out everywhere. */
export function PasswordResetCard({ hasPassword, lastResult, generatedPassword }: Props) {
  const { t } = useTranslation();
  const navigation = useNavigation();
  const [copied, setCopied] = useState(false);
  const [form, fields] = useForm({
    id: "reset-password",
    lastResult,
    shouldValidate: "onSubmit",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: ResetPasswordSchema }),
  });
  const busy = navigation.state === "submitting" && navigation.formData?.get("intent") === "resetPassword";

  return (
    <section className="card p-6" aria-labelledby="password-heading">
      <h2 id="password-heading" className="text-base font-semibold text-slate-900">
        {t("admin:users.passwordTitle")}
      </h2>
      <p className="mt-2 text-sm text-slate-500">
        {t(hasPassword ? "admin:users.passwordHelp" : "admin:users.noPasswordYet")}
      </p>
      {generatedPassword ? (
        <div role="status" className="mt-4 rounded-lg border border-amber-200 bg-amber-50 p-4">
          <p className="text-sm font-medium text-amber-900">{t("admin:users.generatedPassword")}</p>
          <div className="mt-2 flex items-center gap-2">
            <code
              className="rounded bg-white px-3 py-1.5 font-mono text-base tracking-wider text-slate-900"
              data-testid="generated-password"
            >
              {generatedPassword}
            </code>
            <button
              type="button"
              className="btn-secondary px-2.5 py-1 text-xs"
              onClick={() => {
                void navigator.clipboard?.writeText(generatedPassword).then(() => setCopied(true));
              }}
            >
              {copied ? t("admin:users.copied") : t("admin:users.copy")}
            </button>
          </div>
          <p className="mt-2 text-xs text-amber-800">{t("admin:users.generatedPasswordOnce")}</p>
        </div>
      ) : null}
      <Form method="post" {...getFormProps(form)} className="mt-4 space-y-3" autoComplete="off">
        <FormError errors={form.errors} />
        <input type="hidden" name="intent" value="resetPassword" />
        <Field
          id={fields.password.id}
          label={t("admin:users.newPassword")}
          errors={fields.password.errors}
          hint={t("admin:users.newPasswordHint")}
        >
          <input
            {...getInputProps(fields.password, { type: "password" })}
            className="input"
            autoComplete="new-password"
          />
        </Field>
        <div className="flex flex-wrap gap-2">
          <button type="submit" name="mode" value="manual" className="btn-secondary" disabled={busy}>
            {t("admin:users.setPassword")}
          </button>
          <button
            type="submit"
            name="mode"
            value="generate"
            className="btn-secondary"
            disabled={busy}
            data-testid="generate-password"
          >
            {t("admin:users.generate")}
          </button>
        </div>
      </Form>
    </section>
  );
}
