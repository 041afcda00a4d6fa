import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { RoleBadges, StatusBadge } from "~/components/admin/badges";
import { titleFromLoader } from "~/components/meta";
import { TeamFields } from "~/components/admin/team-form";
import { EmptyState } from "~/components/empty-state";
import { FormError } from "~/components/field";
import { PageHeader } from "~/components/page-header";
import { pageTitle } from "~/modules/i18n/page-title.server";
import { getTeam, listLeadCandidates, updateTeam } from "~/modules/admin/teams.server";
import { TeamSchema } from "~/modules/admin/user-schemas";
import { clientIp, requirePermission } from "~/modules/identity/session.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { notFound } from "~/utils/http.server";

export const meta = titleFromLoader;

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requirePermission(request, "manage:team:any");
  const team = await getTeam(params.teamId ?? "");
  if (!team) notFound("team not found");
  const leads = await listLeadCandidates(team.leadId);
  return { team, leads, pageTitle: await pageTitle(request, "admin:teams.editTitle", { name: team.name }) };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const viewer = await requirePermission(request, "manage:team:any");
  const teamId = params.teamId ?? "";
  const submission = parseWithZod(await request.formData(), { schema: TeamSchema });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  const { code, name, description, leadId } = submission.value;
  const result = await updateTeam(
    teamId,
    { code, name, description: description ?? null, leadId: leadId ?? null },
    { id: viewer.id, ipAddress: clientIp(request) },
  );
  if (!result.ok)
    return data(submission.reply({ fieldErrors: result.fieldErrors, formErrors: result.formErrors }), { status: 400 });
  return redirectWithFlash(`/admin/teams/${teamId}`, {
    kind: "success",
    message: result.value.changed ? "admin:teams.saved" : "admin:teams.noChanges",
    params: { name },
  });
}

export default function EditTeamPage() {
  const { t } = useTranslation();
  const { team, leads } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const navigation = useNavigation();
  const [form, fields] = useForm({
    id: `edit-team-${team.id}`,
    lastResult,
    defaultValue: { code: team.code, name: team.name, description: team.description ?? "", leadId: team.leadId ?? "" },
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: TeamSchema }),
  });
  const activeCount = team.members.filter((member) => member.status === "active").length;

  return (
    <div>
      <PageHeader
        title={t("admin:teams.editTitle", { name: team.name })}
        description={t("admin:teams.headcountValue", { count: activeCount })}
        actions={
          <Link to="/admin/teams" className="btn-ghost">
            {t("actions.back")}
          </Link>
        }
      />
      <div className="grid gap-6 lg:grid-cols-3">
        <Form method="post" {...getFormProps(form)} className="card space-y-4 self-start p-6">
          <FormError errors={form.errors} />
          <TeamFields fields={fields} leads={leads} />
          <button type="submit" className="btn-primary w-full" disabled={navigation.state === "submitting"}>
            {t("actions.save")}
          </button>
        </Form>
        <section className="card overflow-hidden lg:col-span-2" aria-labelledby="members-heading">
          <div className="flex items-center justify-between border-b border-slate-200 px-4 py-3">
            <h2 id="members-heading" className="text-base font-semibold text-slate-900">
              {t("admin:teams.members")}
            </h2>
            <Link to={`/admin/users?teamId=${team.id}`} className="text-sm text-brand-700 hover:underline">
              {t("admin:teams.manageMembers")}
            </Link>
          </div>
          {team.members.length === 0 ? (
            <EmptyState icon="users" title={t("admin:teams.noMembers")} body={t("admin:teams.noMembersBody")} />
          ) : (
            <div className="overflow-x-auto">
              <table className="table-base" data-testid="team-members">
                <thead>
                  <tr>
                    <th scope="col">{t("fields.externalId")}</th>
                    <th scope="col">{t("fields.name")}</th>
                    <th scope="col">{t("fields.roles")}</th>
                    <th scope="col">{t("fields.status")}</th>
                  </tr>
                </thead>
                <tbody className="divide-y divide-slate-100">
                  {team.members.map((member) => (
                    <tr key={member.id}>
                      <td className="font-mono text-xs">{member.externalId}</td>
                      <td>
                        <Link to={`/admin/users/${member.id}`} className="font-medium text-brand-700 hover:underline">
                          {member.name}
                        </Link>
                        {member.id === team.leadId ? (
                          <span className="badge ml-2 bg-sky-50 text-sky-700">{t("fields.lead")}</span>
                        ) : null}
                      </td>
                      <td>
                        <RoleBadges roles={member.roles} />
                      </td>
                      <td>
                        <StatusBadge status={member.status} />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </section>
      </div>
    </div>
  );
}
