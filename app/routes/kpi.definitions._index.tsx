import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { EmptyState } from "~/components/empty-state";
import { titleFromLoader } from "~/components/meta";
import { PageHeader } from "~/components/page-header";
import { pageTitle } from "~/modules/i18n/page-title.server";
import { clientIp, requirePermission } from "~/modules/identity/session.server";
import { listDefinitions, setDefinitionActive } from "~/modules/kpi/definitions.server";
import { formatKpiValue } from "~/modules/kpi/format";
import { redirectWithFlash } from "~/utils/flash.server";
import { notFound } from "~/utils/http.server";
import { useFormat } from "~/utils/use-format";

export const meta = titleFromLoader;

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "manage:kpi:any");
  return {
    pageTitle: await pageTitle(request, "kpi:definitions.title"),
    definitions: await listDefinitions(),
  };
}

const ToggleSchema = z.object({ definitionId: z.string().min(1).max(64), active: z.enum(["true", "false"]) });

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, "manage:kpi:any");
  const parsed = ToggleSchema.safeParse(Object.fromEntries(await request.formData()));
  if (!parsed.success) return data({ message: "invalid toggle" }, { status: 400 });
  const result = await setDefinitionActive(parsed.data.definitionId, parsed.data.active === "true", {
    id: user.id,
    ipAddress: clientIp(request),
  });
  if (!result.ok) notFound("KPI definition not found");
  return redirectWithFlash("/kpi/definitions", {
    kind: "success",
    message: parsed.data.active === "true" ? "kpi:definitions.activated" : "kpi:definitions.deactivated",
  });
}

export default function KpiDefinitionsPage() {
  const { t, i18n } = useTranslation(["kpi", "common"]);
  const { definitions } = useLoaderData<typeof loader>();
  const format = useFormat();
  const zh = i18n.language.startsWith("zh");
  return (
    <div className="space-y-6">
      <PageHeader
        title={t("definitions.title")}
        description={t("definitions.description")}
        actions={
          <>
            <Link to="/kpi/settings" className="btn-secondary">
              {t("settings.title")}
            </Link>
            <Link to="/kpi/definitions/new" className="btn-primary">
              {t("definitions.new")}
            </Link>
          </>
        }
      />
      <section className="card overflow-hidden">
        {definitions.length === 0 ? (
          <EmptyState icon="chart" title={t("definitions.empty")} />
        ) : (
          <div className="overflow-x-auto">
            <table className="table-base">
              <thead>
                <tr>
                  <th className="w-14 text-right">{t("definitions.fields.position")}</th>
                  <th>{t("definitions.fields.name")}</th>
                  <th>{t("definitions.fields.metric")}</th>
                  <th>{t("definitions.fields.direction")}</th>
                  <th>{t("definitions.fields.targetAll")}</th>
                  <th>{t("definitions.fields.teams")}</th>
                  <th>{t("definitions.fields.status")}</th>
                  <th />
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {definitions.map((definition) => {
                  const all = definition.targets.find((target) => target.scope === "all");
                  return (
                    <tr key={definition.id} className={definition.active ? "" : "text-slate-400"}>
                      <td className="text-right tabular-nums">{definition.position}</td>
                      <td>
                        <Link
                          to={`/kpi/definitions/${definition.id}`}
                          className="font-medium text-brand-700 hover:underline"
                        >
                          {zh ? definition.nameZh : definition.nameEn}
                        </Link>
                        <p className="font-mono text-xs text-slate-400">{definition.key}</p>
                      </td>
                      <td className="font-mono text-xs">{definition.metric}</td>
                      <td>{t(`direction.${definition.direction}`)}</td>
                      <td className="tabular-nums">
                        {all ? formatKpiValue(all.value, definition.unit, format.context.locale) : "—"}
                        {definition.targets.length > (all ? 1 : 0) ? (
                          <span className="ml-1 text-xs text-slate-500">
                            {t("definitions.moreTargets", { count: definition.targets.length - (all ? 1 : 0) })}
                          </span>
                        ) : null}
                      </td>
                      <td className="text-sm">
                        {definition.teams.length === 0
                          ? t("definitions.allTeams")
                          : definition.teams.map((team) => team.name).join("、")}
                      </td>
                      <td>
                        <span
                          className={`badge ${definition.active ? "bg-emerald-50 text-emerald-700" : "bg-slate-100 text-slate-500"}`}
                        >
                          {definition.active ? t("definitions.active") : t("definitions.inactive")}
                        </span>
                      </td>
                      <td className="text-right">
                        <Form method="post">
                          <input type="hidden" name="definitionId" value={definition.id} />
                          <input type="hidden" name="active" value={definition.active ? "false" : "true"} />
                          <button type="submit" className="btn-ghost px-2 py-1 text-sm">
                            {definition.active ? t("definitions.deactivate") : t("definitions.activate")}
                          </button>
                        </Form>
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </div>
  );
}
