import { titleFromLoader } from "~/components/meta";
import { pageTitle } from "~/modules/i18n/page-title.server";
import { getFormProps, getInputProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { Field } from "~/components/field";
import { PageHeader } from "~/components/page-header";
import { SUPPORTED_LOCALES } from "~/modules/i18n/config";
import { localeCookie } from "~/modules/i18n/i18n.server";
import { changeOwnPassword, getAccountProfile, listActiveSessions } from "~/modules/identity/account.server";
import { newPasswordSchema } from "~/modules/identity/password-policy";
import { clientIp, requirePermission } from "~/modules/identity/session.server";
import { db } from "~/utils/db.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { useFormat } from "~/utils/use-format";

const PasswordSchema = z
  .object({
    intent: z.literal("password"),
    currentPassword: z.string({ error: "validation:required" }).min(1, { error: "validation:required" }),
    newPassword: newPasswordSchema,
    confirmPassword: z.string({ error: "validation:required" }),
  })
  .refine((value) => value.newPassword === value.confirmPassword, {
    path: ["confirmPassword"],
    error: "validation:passwordMismatch",
  });

const LocaleSchema = z.object({
  intent: z.literal("locale"),
  locale: z.enum(SUPPORTED_LOCALES, { error: "validation:invalidChoice" }),
});

export const meta = titleFromLoader;

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "read:user:own");
  const [profile, sessions] = await Promise.all([getAccountProfile(user.id), listActiveSessions(user.id)]);
  return {
    pageTitle: await pageTitle(request, "auth:account.title"),

    profile: { ...profile, roles: profile.roles.map((entry) => entry.role) },
    sessions: sessions.map((session) => ({ ...session, current: session.id === user.sessionId, id: undefined })),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, "update:user:own");
  const formData = await request.formData();
  if (formData.get("intent") === "locale") {
    const submission = parseWithZod(formData, { schema: LocaleSchema });
    if (submission.status !== "success") return data(submission.reply(), { status: 400 });
    await db.user.update({ where: { id: user.id }, data: { locale: submission.value.locale } });
    const headers = { "Set-Cookie": await localeCookie.serialize(submission.value.locale) };
    return redirectWithFlash("/account", { kind: "success", message: "auth:account.localeSaved" }, { headers });
  }
  const submission = parseWithZod(formData, { schema: PasswordSchema });
  if (submission.status !== "success")
    return data(submission.reply({ hideFields: ["currentPassword", "newPassword", "confirmPassword"] }), {
      status: 400,
    });
  const changed = await changeOwnPassword(
    user,
    submission.value.currentPassword,
    submission.value.newPassword,
    clientIp(request),
  );
  if (!changed) {
    return data(
      submission.reply({
        fieldErrors: { currentPassword: ["validation:currentPasswordWrong"] },
        hideFields: ["currentPassword", "newPassword", "confirmPassword"],
      }),
      { status: 400 },
    );
  }
  return redirectWithFlash("/account", { kind: "success", message: "auth:account.passwordChanged" });
}

export default function AccountPage() {
  const { t } = useTranslation();
  const { profile, sessions } = useLoaderData<typeof loader>();
  const format = useFormat();
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useForm({
    id: "password-form",
    lastResult,
    shouldValidate: "onBlur",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: PasswordSchema }),
  });

  return (
    <div className="space-y-6">
      <PageHeader title={t("auth:account.title")} description={t("auth:account.description")} />
      <div className="grid gap-6 lg:grid-cols-2">
        <section className="card p-6" aria-labelledby="profile-heading">
          <h2 id="profile-heading" className="text-base font-semibold text-slate-900">
            {t("auth:account.profile")}
          </h2>
          <dl className="mt-4 grid grid-cols-3 gap-y-3 text-sm">
            <dt className="text-slate-500">{t("fields.name")}</dt>
            <dd className="col-span-2 font-medium">{profile.name}</dd>
            <dt className="text-slate-500">{t("fields.externalId")}</dt>
            <dd className="col-span-2 font-mono">{profile.externalId}</dd>
            <dt className="text-slate-500">{t("fields.email")}</dt>
            <dd className="col-span-2">{profile.email ?? t("none")}</dd>
            <dt className="text-slate-500">{t("fields.team")}</dt>
            <dd className="col-span-2">
              {profile.team
                ? `${profile.team.name}${profile.team.lead ? ` · ${t("fields.lead")} ${profile.team.lead.name}` : ""}`
                : t("none")}
            </dd>
            <dt className="text-slate-500">{t("fields.roles")}</dt>
            <dd className="col-span-2 flex flex-wrap gap-1">
              {profile.roles.map((role) => (
                <span key={role} className="badge bg-brand-50 text-brand-700">
                  {t(`roles.${role}`)}
                </span>
              ))}
            </dd>
            <dt className="text-slate-500">{t("fields.hireDate")}</dt>
            <dd className="col-span-2">{profile.hireDate ? format.date(profile.hireDate, true) : t("none")}</dd>
          </dl>
          <Form method="post" className="mt-6 flex items-end gap-3 border-t border-slate-100 pt-5">
            <input type="hidden" name="intent" value="locale" />
            <div className="flex-1">
              <label htmlFor="locale" className="label">
                {t("fields.locale")}
              </label>
              <select id="locale" name="locale" defaultValue={profile.locale} className="input">
                {SUPPORTED_LOCALES.map((locale) => (
                  <option key={locale} value={locale}>
                    {t(`language.names.${locale}`)}
                  </option>
                ))}
              </select>
            </div>
            <button type="submit" className="btn-secondary">
              {t("actions.save")}
            </button>
          </Form>
        </section>

        <section className="card p-6" aria-labelledby="password-heading">
          <h2 id="password-heading" className="text-base font-semibold text-slate-900">
            {t("auth:account.password")}
          </h2>
          <p className="mt-1 text-sm text-slate-500">{t("auth:account.passwordHelp")}</p>
          <Form method="post" className="mt-4 space-y-4" {...getFormProps(form)}>
            <input type="hidden" name="intent" value="password" />
            <Field
              id={fields.currentPassword.id}
              label={t("auth:account.currentPassword")}
              errors={fields.currentPassword.errors}
            >
              <input
                {...getInputProps(fields.currentPassword, { type: "password" })}
                className="input"
                autoComplete="current-password"
              />
            </Field>
            <Field id={fields.newPassword.id} label={t("auth:account.newPassword")} errors={fields.newPassword.errors}>
              <input
                {...getInputProps(fields.newPassword, { type: "password" })}
                className="input"
                autoComplete="new-password"
              />
            </Field>
            <Field
              id={fields.confirmPassword.id}
              label={t("auth:account.confirmPassword")}
              errors={fields.confirmPassword.errors}
            >
              <input
                {...getInputProps(fields.confirmPassword, { type: "password" })}
                className="input"
                autoComplete="new-password"
              />
            </Field>
            <button type="submit" className="btn-primary">
              {t("auth:account.password")}
            </button>
          </Form>
        </section>
      </div>

      <section className="card" aria-labelledby="sessions-heading">
        <div className="border-b border-slate-100 px-6 py-4">
          <h2 id="sessions-heading" className="text-base font-semibold text-slate-900">
            {t("auth:account.sessions")}
          </h2>
          <p className="text-sm text-slate-500">{t("auth:account.sessionsHelp")}</p>
        </div>
        <ul className="divide-y divide-slate-100">
          {sessions.map((session, index) => (
            <li key={index} className="flex items-center justify-between px-6 py-3 text-sm">
              <span className="truncate text-slate-600" title={session.userAgent ?? ""}>
                {session.userAgent?.slice(0, 80) ?? "—"} · {session.ipAddress}
                {session.current ? (
                  <span className="badge ml-2 bg-emerald-50 text-emerald-700">{t("auth:account.thisDevice")}</span>
                ) : null}
              </span>
              <span className="shrink-0 text-slate-400">
                {t("auth:account.lastSeen")} {format.dateTime(session.lastSeenAt)}
              </span>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
