import { parseWithZod } from "@conform-to/zod/v4";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { CycleStatusBadge, usePeriodLabel } from "~/components/awards/badges";
import { NewCycleForm } from "~/components/awards/cycle-new-form";
import { EmptyState } from "~/components/empty-state";
import { FilterActions, FilterSelect } from "~/components/filter-fields";
import { titleFromLoader } from "~/components/meta";
import { PageHeader } from "~/components/page-header";
import { Pagination } from "~/components/pagination";
import { CYCLE_STATUSES, type CycleStatus } from "~/modules/awards/cycle-state";
import { createCycle, defaultPeriodFor, listCycles } from "~/modules/awards/cycles.server";
import { programOptions } from "~/modules/awards/programs.server";
import { pageTitle } from "~/modules/i18n/page-title.server";
import { clientIp, requirePermission, userCan } from "~/modules/identity/session.server";
import { currentMonth } from "~/modules/kpi/periods";
import { env } from "~/utils/env.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { conflict } from "~/utils/http.server";
import { readPagination } from "~/utils/pagination";
import { useFormat } from "~/utils/use-format";

export const meta = titleFromLoader;

const NewCycleSchema = z.object({
  intent: z.literal("create"),
  programId: z.string({ message: "validation:required" }).trim().min(1, "validation:required"),
  period: z.string({ message: "validation:required" }).trim().min(1, "validation:required"),
});

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "run:award-cycle:any");
  const url = new URL(request.url);
  const { page, pageSize } = readPagination(url);
  const requestedStatus = url.searchParams.get("status") ?? "";
  const status = (CYCLE_STATUSES as readonly string[]).includes(requestedStatus)
    ? (requestedStatus as CycleStatus)
    : undefined;
  const programId = url.searchParams.get("programId") || undefined;
  const month = currentMonth(new Date(), env().APP_TIME_ZONE);
  const [cycles, programs] = await Promise.all([listCycles({ programId, status }, page, pageSize), programOptions()]);
  return {
    cycles,
    programs: programs.map((program) => ({ ...program, defaultPeriod: defaultPeriodFor(program.cadence, month) })),
    filter: { status: status ?? "", programId: programId ?? "" },
    page,
    pageSize,
    canManagePrograms: userCan(user, "manage:award-program:any"),
    canManageBoard: userCan(user, "manage:leaderboard:any"),
    pageTitle: await pageTitle(request, "awards:cycles.title"),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, "run:award-cycle:any");
  const submission = parseWithZod(await request.formData(), { schema: NewCycleSchema });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  const result = await createCycle(submission.value.programId, submission.value.period, {
    id: user.id,
    ipAddress: clientIp(request),
  });
  if (!result.ok) {
    if (result.status === 400) return data(submission.reply({ fieldErrors: result.fieldErrors }), { status: 400 });
    if (result.status === 409)
      return data(submission.reply({ formErrors: ["awards:cycles.errors.duplicate"] }), { status: 409 });
    conflict(result.reason);
  }
  return redirectWithFlash(`/awards/cycles/${result.id}`, { kind: "success", message: "awards:cycles.flash.created" });
}

export default function AwardCyclesPage() {
  const { t } = useTranslation(["awards", "common"]);
  const format = useFormat();
  const periodLabel = usePeriodLabel();
  const { cycles, programs, filter, page, pageSize, canManagePrograms, canManageBoard } =
    useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  return (
    <div className="space-y-6">
      <PageHeader
        title={t("cycles.title")}
        description={t("cycles.description")}
        actions={
          <>
            {canManagePrograms ? (
              <Link to="/awards/programs" className="btn-ghost">
                {t("cycles.programs")}
              </Link>
            ) : null}
            {canManageBoard ? (
              <Link to="/awards/settings" className="btn-ghost">
                {t("settings.title")}
              </Link>
            ) : null}
            <Link to="/honours" className="btn-ghost">
              {t("honours.title")}
            </Link>
          </>
        }
      />
      <section className="space-y-2">
        <h2 className="text-base font-semibold text-slate-900">{t("cycles.new.title")}</h2>
        <NewCycleForm programs={programs} lastResult={lastResult ?? undefined} />
      </section>
      <Form method="get" className="card grid gap-3 p-4 sm:grid-cols-3" role="search">
        <FilterSelect
          id="cycle-filter-program"
          name="programId"
          label={t("cycles.new.program")}
          defaultValue={filter.programId}
          allLabel={t("cycles.allPrograms")}
          options={programs.map((program) => ({ value: program.id, label: program.name }))}
        />
        <FilterSelect
          id="cycle-filter-status"
          name="status"
          label={t("common:fields.status")}
          defaultValue={filter.status}
          allLabel={t("cycles.allStatuses")}
          options={CYCLE_STATUSES.map((value) => ({ value, label: t(`cycles.status.${value}`) }))}
        />
        <FilterActions />
      </Form>
      <div className="card overflow-x-auto">
        {cycles.rows.length === 0 ? (
          <EmptyState icon="flag" title={t("cycles.empty")} />
        ) : (
          <table className="table-base" data-testid="award-cycles">
            <thead>
              <tr>
                <th>{t("cycles.columns.program")}</th>
                <th>{t("cycles.columns.period")}</th>
                <th>{t("common:fields.status")}</th>
                <th>{t("cycles.columns.candidates")}</th>
                <th>{t("cycles.columns.winners")}</th>
                <th>{t("cycles.columns.updated")}</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {cycles.rows.map((cycle) => (
                <tr key={cycle.id}>
                  <td>
                    <Link to={`/awards/cycles/${cycle.id}`} className="font-medium text-brand-700 hover:underline">
                      {cycle.program.name}
                    </Link>
                  </td>
                  <td>{periodLabel(cycle.periodKind, cycle.periodStart)}</td>
                  <td>
                    <CycleStatusBadge status={cycle.status} />
                  </td>
                  <td className="tabular-nums">{cycle.candidates}</td>
                  <td className="tabular-nums">{cycle.winners}</td>
                  <td className="text-slate-500">{format.dateTime(cycle.publishedAt ?? cycle.computedAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
      <Pagination page={page} pageSize={pageSize} total={cycles.total} />
    </div>
  );
}
