import { titleFromLoader } from "~/components/meta";
import { pageTitle } from "~/modules/i18n/page-title.server";
import { getFormProps, getInputProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useNavigation, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { Field, FormError } from "~/components/field";
import { LanguageSwitch } from "~/components/language-switch";
import { attemptLogin } from "~/modules/identity/login.server";
import { homePathFor, type RoleName } from "~/modules/identity/permissions";
import { clientIp, createUserSession, getSessionUser } from "~/modules/identity/session.server";
import { assertSameOrigin } from "~/utils/csrf.server";
import { db } from "~/utils/db.server";
import { safeRedirectPath } from "~/utils/redirect";

const LoginSchema = z.object({
  login: z.string({ error: "validation:required" }).trim().min(1, { error: "validation:required" }).max(200),
  password: z.string({ error: "validation:required" }).min(1, { error: "validation:required" }).max(200),
  redirectTo: z.string().optional(),
});

export const meta = titleFromLoader;

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await getSessionUser(request);
  if (user) throw redirect(homePathFor(user.roles));
  return { pageTitle: await pageTitle(request, "auth:login.submit") };
}

export async function action({ request }: ActionFunctionArgs) {
  assertSameOrigin(request);
  const submission = parseWithZod(await request.formData(), { schema: LoginSchema });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });

  const { login, password, redirectTo } = submission.value;
  const result = await attemptLogin(login, password, clientIp(request));
  if (!result.ok) {
    const status = result.reason === "locked" ? 429 : 400;
    const formErrors =
      result.reason === "locked" ? [`auth:login.locked|${result.retryAfterMinutes}`] : ["auth:login.invalid"];
    return data(submission.reply({ formErrors, hideFields: ["password"] }), { status });
  }

  const roles = await db.userRole.findMany({ where: { userId: result.userId }, select: { role: true } });
  const home = homePathFor(roles.map((entry) => entry.role as RoleName));
  return redirect(safeRedirectPath(redirectTo, home), {
    headers: { "Set-Cookie": await createUserSession(result.userId, request) },
  });
}

export default function LoginPage() {
  const { t } = useTranslation();
  const lastResult = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const navigation = useNavigation();
  const [form, fields] = useForm({
    lastResult,
    shouldValidate: "onBlur",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: LoginSchema }),
  });
  const formErrors = form.errors?.map((error) => {
    const [key, minutes] = error.split("|");
    return minutes ? t(key!, { minutes }) : t(key!);
  });

  return (
    <div className="flex min-h-full flex-col bg-gradient-to-br from-brand-50 via-white to-sky-50">
      <div className="flex justify-end p-4">
        <LanguageSwitch />
      </div>
      <div className="flex flex-1 items-center justify-center px-4 pb-16">
        <div className="w-full max-w-md">
          <div className="mb-8 text-center">
            <span className="inline-flex h-12 w-12 items-center justify-center rounded-xl bg-brand-600 text-xl font-bold text-white shadow-lg">
              服
            </span>
            <h1 className="mt-4 text-2xl font-semibold text-slate-900">{t("appName")}</h1>
            <p className="mt-1 text-sm text-slate-500">{t("auth:login.tagline")}</p>
          </div>
          <div className="card p-8">
            <Form method="post" className="space-y-5" {...getFormProps(form)}>
              <input type="hidden" name="redirectTo" value={searchParams.get("redirectTo") ?? ""} />
              <FormError errors={formErrors} />
              <Field
                id={fields.login.id}
                label={t("auth:login.login")}
                errors={fields.login.errors}
                hint={t("auth:login.loginHint")}
              >
                <input
                  {...getInputProps(fields.login, { type: "text" })}
                  className="input"
                  autoComplete="username"
                  autoFocus
                />
              </Field>
              <Field id={fields.password.id} label={t("auth:login.password")} errors={fields.password.errors}>
                <input
                  {...getInputProps(fields.password, { type: "password" })}
                  className="input"
                  autoComplete="current-password"
                />
              </Field>
              <button type="submit" className="btn-primary w-full py-2.5" disabled={navigation.state === "submitting"}>
                {navigation.state === "submitting" ? t("auth:login.submitting") : t("auth:login.submit")}
              </button>
            </Form>
          </div>
          <p className="mt-6 text-center text-xs text-slate-400">{t("auth:login.forgot")}</p>
        </div>
      </div>
    </div>
  );
}
