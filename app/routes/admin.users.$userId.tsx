import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { StatusBadge } from "~/components/admin/badges";
import { titleFromLoader } from "~/components/meta";
import { PasswordResetCard } from "~/components/admin/password-reset-card";
import { useFormat } from "~/utils/use-format";
import { UserFields } from "~/components/admin/user-form";
import { UserStatusCard } from "~/components/admin/user-status-card";
import { FormError } from "~/components/field";
import { PageHeader } from "~/components/page-header";
import { pageTitle } from "~/modules/i18n/page-title.server";
import { EditUserActionSchema, UpdateUserSchema } from "~/modules/admin/user-schemas";
import {
  getUserForEdit,
  listTeamOptions,
  resetPassword,
  setUserStatus,
  updateUser,
} from "~/modules/admin/users.server";
import { clientIp, requirePermission } from "~/modules/identity/session.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { formatDateTime } from "~/utils/format";
import { notFound } from "~/utils/http.server";

export const meta = titleFromLoader;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = await requirePermission(request, "manage:user:any");
  const user = await getUserForEdit(params.userId ?? "");
  if (!user) notFound("user not found");
  return {
    user,
    teams: await listTeamOptions(),
    isSelf: viewer.id === user.id,
    pageTitle: await pageTitle(request, "admin:users.editTitle", { name: user.name }),
  };
}

type Intent = "update" | "setStatus" | "resetPassword";

function intentOf(formData: FormData): Intent {
  const intent = formData.get("intent");
  return intent === "setStatus" || intent === "resetPassword" ? intent : "update";
}

export async function action({ request, params }: ActionFunctionArgs) {
  const viewer = await requirePermission(request, "manage:user:any");
  const userId = params.userId ?? "";
  const formData = await request.formData();
  const submission = parseWithZod(formData, { schema: EditUserActionSchema });
  if (submission.status !== "success") {
    return data(
      { intent: intentOf(formData), reply: submission.reply({ hideFields: ["password"] }), generatedPassword: null },
      { status: 400 },
    );
  }
  const actor = { id: viewer.id, ipAddress: clientIp(request), sessionId: viewer.sessionId };
  const back = `/admin/users/${userId}`;
  const input = submission.value;

  if (input.intent === "update") {
    const result = await updateUser(
      userId,
      {
        externalId: input.externalId,
        name: input.name,
        email: input.email ?? null,
        teamId: input.teamId ?? null,
        roles: input.roles,
        hireDate: input.hireDate ?? null,
        locale: input.locale,
      },
      actor,
    );
    if (!result.ok) {
      const reply = submission.reply({ fieldErrors: result.fieldErrors, formErrors: result.formErrors });
      return data({ intent: input.intent, reply, generatedPassword: null }, { status: 400 });
    }
    return redirectWithFlash(back, {
      kind: "success",
      message: result.value.changed ? "admin:users.saved" : "admin:users.noChanges",
    });
  }

  if (input.intent === "setStatus") {
    const result = await setUserStatus(userId, input.status, actor);
    if (!result.ok) {
      return data(
        { intent: input.intent, reply: submission.reply({ formErrors: result.formErrors }), generatedPassword: null },
        { status: 400 },
      );
    }
    const message = input.status === "inactive" ? "admin:users.deactivated" : "admin:users.reactivated";
    return redirectWithFlash(back, { kind: "success", message });
  }

  const result = await resetPassword(userId, input.mode === "manual" ? (input.password ?? null) : null, actor);
  if (!result.generated) {
    return redirectWithFlash(back, {
      kind: "success",
      message: "admin:users.passwordReset",
      params: { count: result.sessionsRevoked },
    });
  }
  // The generated password is shown once in this response; it never goes into a cookie, a log or the database.
  return data(
    { intent: input.intent, reply: submission.reply({ resetForm: true }), generatedPassword: result.password },
    { headers: { "Cache-Control": "no-store" } },
  );
}

export default function EditUserPage() {
  const { t } = useTranslation();
  const { user, teams, isSelf } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const formatContext = useFormat().context;
  const replyFor = (intent: Intent) => (actionData?.intent === intent ? actionData.reply : undefined);
  const [form, fields] = useForm({
    id: `edit-user-${user.id}`,
    lastResult: replyFor("update"),
    defaultValue: {
      externalId: user.externalId,
      name: user.name,
      email: user.email ?? "",
      teamId: user.teamId ?? "",
      roles: user.roles,
      hireDate: user.hireDate ?? "",
      locale: user.locale,
    },
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: UpdateUserSchema }),
  });
  const saving = navigation.state === "submitting" && navigation.formData?.get("intent") === "update";

  return (
    <div>
      <PageHeader
        title={t("admin:users.editTitle", { name: user.name })}
        description={t("admin:users.editDescription", {
          externalId: user.externalId,
          createdAt: formatDateTime(user.createdAt, formatContext),
        })}
        actions={
          <>
            <StatusBadge status={user.status} />
            <Link to="/admin/users" className="btn-ghost">
              {t("actions.back")}
            </Link>
          </>
        }
      />
      <div className="grid gap-6 lg:grid-cols-3">
        <Form method="post" {...getFormProps(form)} className="card space-y-6 p-6 lg:col-span-2">
          <input type="hidden" name="intent" value="update" />
          <h2 className="text-base font-semibold text-slate-900">{t("admin:users.profileTitle")}</h2>
          <FormError errors={form.errors} />
          <UserFields fields={fields} teams={teams} />
          {isSelf ? <p className="text-xs text-slate-500">{t("admin:users.selfRolesHint")}</p> : null}
          <div className="flex justify-end">
            <button type="submit" className="btn-primary" disabled={saving}>
              {t("actions.save")}
            </button>
          </div>
        </Form>
        <div className="space-y-6">
          <UserStatusCard
            status={user.status}
            isSelf={isSelf}
            activeSessions={user.activeSessions}
            errors={replyFor("setStatus")?.error?.[""] ?? null}
          />
          <PasswordResetCard
            hasPassword={user.hasPassword}
            lastResult={replyFor("resetPassword")}
            generatedPassword={actionData?.intent === "resetPassword" ? actionData.generatedPassword : null}
          />
        </div>
      </div>
    </div>
  );
}
