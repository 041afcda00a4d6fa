import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { CycleStatusBadge, usePeriodLabel } from "~/components/awards/badges";
import { EmptyState } from "~/components/empty-state";
import { Field } from "~/components/field";
import { titleFromLoader } from "~/components/meta";
import { PageHeader } from "~/components/page-header";
import { Pagination } from "~/components/pagination";
import { nominate } from "~/modules/awards/cycles.server";
import {
  cyclesOpenForNomination,
  myNominations,
  nominationScope,
  nomineeChoices,
} from "~/modules/awards/nominations.server";
import { pageTitle } from "~/modules/i18n/page-title.server";
import { clientIp, forbidden, requirePermission, userCan } from "~/modules/identity/session.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { conflict, notFound } from "~/utils/http.server";
import { readPagination } from "~/utils/pagination";

export const meta = titleFromLoader;

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "nominate:award:team");
  const scope = nominationScope(user)!;
  const { page, pageSize } = readPagination(new URL(request.url), 10);
  const [cycles, choices, mine] = await Promise.all([
    cyclesOpenForNomination(),
    nomineeChoices(scope),
    myNominations(user.id, page, pageSize),
  ]);
  return {
    cycles,
    choices,
    mine,
    page,
    pageSize,
    canRunCycles: userCan(user, "run:award-cycle:any"),
    pageTitle: await pageTitle(request, "awards:nominations.title"),
  };
}

const NominationSchema = z.object({
  cycleId: z.string().min(1),
  subjectId: z.string().default(""),
  reason: z.string().max(500, "validation:tooLong").default(""),
});

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, "nominate:award:team");
  const parsed = NominationSchema.safeParse(Object.fromEntries(await request.formData()));
  if (!parsed.success) return data({ cycleId: "", fieldErrors: { reason: ["validation:required"] } }, { status: 400 });
  const { cycleId, subjectId, reason } = parsed.data;
  if (!subjectId)
    return data({ cycleId, fieldErrors: { subjectId: ["awards:nominations.errors.subject"] } }, { status: 400 });
  const result = await nominate(
    cycleId,
    subjectId,
    reason,
    { id: user.id, ipAddress: clientIp(request) },
    nominationScope(user)!,
  );
  if (!result.ok) {
    if (result.status === 400) return data({ cycleId, fieldErrors: result.fieldErrors }, { status: 400 });
    if (result.status === 403) throw forbidden(result.reason);
    if (result.status === 404) notFound(result.reason);
    conflict(result.reason);
  }
  return redirectWithFlash("/awards/nominations", { kind: "success", message: "awards:nominations.saved" });
}

export default function NominationsPage() {
  const { t } = useTranslation(["awards", "common"]);
  const periodLabel = usePeriodLabel();
  const navigation = useNavigation();
  const { cycles, choices, mine, page, pageSize, canRunCycles } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <div className="space-y-6">
      <PageHeader title={t("nominations.title")} description={t("nominations.description")} />
      {cycles.length === 0 ? (
        <div className="card">
          <EmptyState icon="flag" title={t("nominations.noCycles")} />
        </div>
      ) : (
        cycles.map((cycle) => {
          const errors: Record<string, string[] | undefined> =
            actionData && actionData.cycleId === cycle.id ? actionData.fieldErrors : {};
          const isTeam = cycle.program.subjectKind === "team";
          return (
            <Form key={cycle.id} method="post" className="card space-y-4 p-5" data-testid="nomination-form">
              <input type="hidden" name="cycleId" value={cycle.id} />
              <h2 className="text-base font-semibold text-slate-900">
                {cycle.program.name}
                <span className="ml-2 font-normal text-slate-500">
                  {periodLabel(cycle.periodKind, cycle.periodStart)}
                </span>
                {canRunCycles ? (
                  <Link
                    to={`/awards/cycles/${cycle.id}`}
                    className="ml-3 text-sm font-normal text-brand-700 hover:underline"
                  >
                    {t("nominations.openCycle")}
                  </Link>
                ) : null}
              </h2>
              <div className="grid gap-4 sm:grid-cols-[1fr_2fr]">
                <Field
                  id={`nominee-${cycle.id}`}
                  label={t(isTeam ? "nominations.team" : "nominations.person")}
                  errors={errors.subjectId}
                >
                  <select id={`nominee-${cycle.id}`} name="subjectId" className="input" defaultValue="">
                    <option value="">{t("nominations.choose")}</option>
                    {isTeam
                      ? choices.teams.map((team) => (
                          <option key={team.id} value={team.id}>
                            {team.name}
                          </option>
                        ))
                      : choices.people.map((person) => (
                          <option key={person.id} value={person.id}>
                            {person.name} {person.externalId}
                            {person.team ? ` · ${person.team.name}` : ""}
                          </option>
                        ))}
                  </select>
                </Field>
                <Field id={`reason-${cycle.id}`} label={t("cycles.reasonLabel.nominate")} errors={errors.reason}>
                  <textarea id={`reason-${cycle.id}`} name="reason" rows={2} maxLength={500} className="input" />
                </Field>
              </div>
              <div className="flex justify-end">
                <button type="submit" className="btn-primary" disabled={navigation.state !== "idle"}>
                  {t("cycles.actions.nominate")}
                </button>
              </div>
            </Form>
          );
        })
      )}
      <section className="card overflow-x-auto">
        <h2 className="border-b border-slate-200 px-4 py-3 text-base font-semibold text-slate-900">
          {t("nominations.mine")}
        </h2>
        {mine.rows.length === 0 ? (
          <EmptyState title={t("nominations.noneYet")} />
        ) : (
          <table className="table-base">
            <thead>
              <tr>
                <th>{t("cycles.columns.program")}</th>
                <th>{t("nominations.nominee")}</th>
                <th>{t("nominations.reason")}</th>
                <th>{t("common:fields.status")}</th>
                <th>{t("nominations.outcome")}</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {mine.rows.map((row) => (
                <tr key={row.id}>
                  <td>
                    {row.cycle.program.name}
                    <span className="ml-1 text-slate-500">
                      {periodLabel(row.cycle.periodKind, row.cycle.periodStart)}
                    </span>
                  </td>
                  <td>
                    {row.subjectKind === "team"
                      ? row.team?.name
                      : `${row.user?.name ?? ""} ${row.user?.externalId ?? ""}`}
                  </td>
                  <td className="whitespace-normal text-slate-600">{row.nominationReason}</td>
                  <td>
                    <CycleStatusBadge status={row.cycle.status} />
                  </td>
                  <td>
                    {row.winner
                      ? t("cycles.winner")
                      : row.excluded
                        ? t("cycles.excluded")
                        : ["approved", "published", "closed"].includes(row.cycle.status)
                          ? t("nominations.notChosen")
                          : t("nominations.pending")}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <Pagination page={page} pageSize={pageSize} total={mine.total} />
    </div>
  );
}
