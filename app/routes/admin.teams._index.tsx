import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { titleFromLoader } from "~/components/meta";
import { TeamFields } from "~/components/admin/team-form";
import { EmptyState } from "~/components/empty-state";
import { FormError } from "~/components/field";
import { PageHeader } from "~/components/page-header";
import { pageTitle } from "~/modules/i18n/page-title.server";
import { createTeam, listLeadCandidates, listTeams } from "~/modules/admin/teams.server";
import { TeamSchema } from "~/modules/admin/user-schemas";
import { clientIp, requirePermission } from "~/modules/identity/session.server";
import { redirectWithFlash } from "~/utils/flash.server";

export const meta = titleFromLoader;

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "manage:team:any");
  const [teams, leads, title] = await Promise.all([
    listTeams(),
    listLeadCandidates(),
    pageTitle(request, "admin:teams.title"),
  ]);
  return { teams, leads, pageTitle: title };
}

export async function action({ request }: ActionFunctionArgs) {
  const viewer = await requirePermission(request, "manage:team:any");
  const submission = parseWithZod(await request.formData(), { schema: TeamSchema });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  const { code, name, description, leadId } = submission.value;
  const result = await createTeam(
    { code, name, description: description ?? null, leadId: leadId ?? null },
    { id: viewer.id, ipAddress: clientIp(request) },
  );
  if (!result.ok)
    return data(submission.reply({ fieldErrors: result.fieldErrors, formErrors: result.formErrors }), { status: 400 });
  return redirectWithFlash("/admin/teams", { kind: "success", message: "admin:teams.created", params: { name } });
}

export default function TeamsPage() {
  const { t } = useTranslation();
  const { teams, leads } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const navigation = useNavigation();
  const [form, fields] = useForm({
    id: "new-team",
    lastResult,
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: TeamSchema }),
  });

  return (
    <div>
      <PageHeader title={t("admin:teams.title")} description={t("admin:teams.description")} />
      <div className="grid gap-6 lg:grid-cols-3">
        <div className="card overflow-hidden lg:col-span-2">
          {teams.length === 0 ? (
            <EmptyState icon="users" title={t("admin:teams.emptyTitle")} body={t("admin:teams.emptyBody")} />
          ) : (
            <div className="overflow-x-auto">
              <table className="table-base" data-testid="teams-table">
                <thead>
                  <tr>
                    <th scope="col">{t("admin:teams.code")}</th>
                    <th scope="col">{t("admin:teams.name")}</th>
                    <th scope="col">{t("fields.lead")}</th>
                    <th scope="col">{t("admin:teams.headcount")}</th>
                    <th scope="col">
                      <span className="sr-only">{t("actions.edit")}</span>
                    </th>
                  </tr>
                </thead>
                <tbody className="divide-y divide-slate-100">
                  {teams.map((team) => (
                    <tr key={team.id}>
                      <td className="font-mono text-xs">{team.code}</td>
                      <td>
                        <p className="font-medium text-slate-900">{team.name}</p>
                        {team.description ? (
                          <p className="max-w-xs truncate text-xs text-slate-500">{team.description}</p>
                        ) : null}
                      </td>
                      <td>
                        {team.lead ? (
                          `${team.lead.name}（${team.lead.externalId}）`
                        ) : (
                          <span className="text-slate-400">{t("none")}</span>
                        )}
                      </td>
                      <td>
                        <Link
                          to={`/admin/users?teamId=${team.id}&status=active`}
                          className="text-brand-700 hover:underline"
                        >
                          {t("admin:teams.headcountValue", { count: team.headcount })}
                        </Link>
                      </td>
                      <td className="text-right">
                        <Link to={`/admin/teams/${team.id}`} className="btn-ghost px-2 py-1 text-brand-700">
                          {t("actions.edit")}
                        </Link>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </div>
        <Form method="post" {...getFormProps(form)} className="card space-y-4 self-start p-6">
          <h2 className="text-base font-semibold text-slate-900">{t("admin:teams.newTitle")}</h2>
          <FormError errors={form.errors} />
          <TeamFields fields={fields} leads={leads} />
          <button type="submit" className="btn-primary w-full" disabled={navigation.state === "submitting"}>
            {t("actions.create")}
          </button>
        </Form>
      </div>
    </div>
  );
}
