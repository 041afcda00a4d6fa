import { getFormProps, getInputProps, getSelectProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { titleFromLoader } from "~/components/meta";
import { UserFields } from "~/components/admin/user-form";
import { Field, FormError } from "~/components/field";
import { PageHeader } from "~/components/page-header";
import { pageTitle } from "~/modules/i18n/page-title.server";
import { CreateUserSchema } from "~/modules/admin/user-schemas";
import { createUser, listTeamOptions } from "~/modules/admin/users.server";
import { clientIp, requirePermission } from "~/modules/identity/session.server";
import { redirectWithFlash } from "~/utils/flash.server";

export const meta = titleFromLoader;

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "manage:user:any");
  return { teams: await listTeamOptions(), pageTitle: await pageTitle(request, "admin:users.newTitle") };
}

export async function action({ request }: ActionFunctionArgs) {
  const viewer = await requirePermission(request, "manage:user:any");
  const submission = parseWithZod(await request.formData(), { schema: CreateUserSchema });
  if (submission.status !== "success") return data(submission.reply({ hideFields: ["password"] }), { status: 400 });

  const input = submission.value;
  const result = await createUser(
    {
      externalId: input.externalId,
      name: input.name,
      email: input.email ?? null,
      teamId: input.teamId ?? null,
      roles: input.roles,
      hireDate: input.hireDate ?? null,
      status: input.status,
      locale: input.locale,
      password: input.password ?? null,
    },
    { id: viewer.id, ipAddress: clientIp(request) },
  );
  if (!result.ok) {
    return data(
      submission.reply({ fieldErrors: result.fieldErrors, formErrors: result.formErrors, hideFields: ["password"] }),
      { status: 400 },
    );
  }
  return redirectWithFlash(`/admin/users/${result.value.id}`, {
    kind: "success",
    message: "admin:users.created",
    params: { name: input.name },
  });
}

export default function NewUserPage() {
  const { t } = useTranslation();
  const { teams } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const navigation = useNavigation();
  const [form, fields] = useForm({
    id: "new-user",
    lastResult,
    defaultValue: { roles: ["agent"], locale: "zh-CN", status: "active" },
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: CreateUserSchema }),
  });

  return (
    <div className="max-w-3xl">
      <PageHeader
        title={t("admin:users.newTitle")}
        description={t("admin:users.newDescription")}
        actions={
          <Link to="/admin/users" className="btn-ghost">
            {t("actions.back")}
          </Link>
        }
      />
      <Form method="post" {...getFormProps(form)} className="card space-y-6 p-6">
        <FormError errors={form.errors} />
        <UserFields fields={fields} teams={teams} />
        <div className="grid gap-5 border-t border-slate-100 pt-5 sm:grid-cols-2">
          <Field id={fields.status.id} label={t("fields.status")} errors={fields.status.errors}>
            <select {...getSelectProps(fields.status)} className="input">
              <option value="active">{t("status.active")}</option>
              <option value="inactive">{t("status.inactive")}</option>
            </select>
          </Field>
          <Field
            id={fields.password.id}
            label={t("admin:users.initialPassword")}
            errors={fields.password.errors}
            hint={t("admin:users.initialPasswordHint")}
          >
            <input
              {...getInputProps(fields.password, { type: "password" })}
              className="input"
              autoComplete="new-password"
            />
          </Field>
        </div>
        <div className="flex justify-end gap-2">
          <Link to="/admin/users" className="btn-secondary">
            {t("actions.cancel")}
          </Link>
          <button type="submit" className="btn-primary" disabled={navigation.state === "submitting"}>
            {t("admin:users.createSubmit")}
          </button>
        </div>
      </Form>
    </div>
  );
}
