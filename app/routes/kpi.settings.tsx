import { parseWithZod } from "@conform-to/zod/v4";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { EmptyState } from "~/components/empty-state";
import { AttributionForm, BusinessHoursForm } from "~/components/kpi/settings-forms";
import { titleFromLoader } from "~/components/meta";
import { PageHeader } from "~/components/page-header";
import { Pagination } from "~/components/pagination";
import { pageTitle } from "~/modules/i18n/page-title.server";
import { clientIp, requirePermission } from "~/modules/identity/session.server";
import { currentMonth, parsePeriodKey, periodKey, previousPeriod } from "~/modules/kpi/periods";
import {
  listBusinessHours,
  listComputations,
  readKpiSettings,
  requestRecompute,
  updateAttribution,
  updateBusinessHours,
} from "~/modules/kpi/settings.server";
import {
  AttributionSchema,
  BusinessHoursSchema,
  minutesFromTime,
  RecomputeSchema,
} from "~/modules/kpi/settings-schemas";
import { env } from "~/utils/env.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { badRequest, notFound } from "~/utils/http.server";
import { readPagination } from "~/utils/pagination";
import { useFormat } from "~/utils/use-format";

export const meta = titleFromLoader;

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "manage:kpi:any");
  const { page, pageSize } = readPagination(new URL(request.url), 10);
  const [settings, teams, computations] = await Promise.all([
    readKpiSettings(),
    listBusinessHours(),
    listComputations(page, pageSize),
  ]);
  const lastMonth = previousPeriod(currentMonth(new Date(), env().APP_TIME_ZONE));
  return {
    pageTitle: await pageTitle(request, "kpi:settings.title"),
    settings,
    teams,
    computations,
    page,
    pageSize,
    defaults: { month: periodKey(lastMonth), year: lastMonth.start.slice(0, 4) },
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, "manage:kpi:any");
  const actor = { id: user.id, ipAddress: clientIp(request) };
  const formData = await request.formData();
  const intent = formData.get("intent");
  if (intent === "attribution") {
    const submission = parseWithZod(formData, { schema: AttributionSchema });
    if (submission.status !== "success") return data({ intent, reply: submission.reply() }, { status: 400 });
    const result = await updateAttribution(submission.value.attribution, actor);
    return redirectWithFlash("/kpi/settings", {
      kind: "success",
      message: result.changed ? "kpi:settings.attribution.saved" : "kpi:settings.noChanges",
    });
  }
  if (intent === "hours") {
    const submission = parseWithZod(formData, { schema: BusinessHoursSchema });
    const teamId = String(formData.get("teamId") ?? "");
    if (submission.status !== "success") return data({ intent, teamId, reply: submission.reply() }, { status: 400 });
    const { enabled, workingDays, start, end, timeZone } = submission.value;
    const result = await updateBusinessHours(
      submission.value.teamId,
      {
        enabled: enabled ?? false,
        workingDays: workingDays ?? [],
        startMinute: minutesFromTime(start),
        endMinute: minutesFromTime(end),
        timeZone,
      },
      actor,
    );
    if (!result) notFound("team not found");
    return redirectWithFlash("/kpi/settings", {
      kind: "success",
      message: result.changed ? "kpi:settings.hours.saved" : "kpi:settings.noChanges",
    });
  }
  if (intent === "recompute") {
    const submission = parseWithZod(formData, { schema: RecomputeSchema });
    if (submission.status !== "success") return data({ intent, reply: submission.reply() }, { status: 400 });
    const { kind } = submission.value;
    const period = parsePeriodKey(submission.value[kind] ?? "");
    if (!period || period.kind !== kind) {
      return data(
        { intent, reply: submission.reply({ fieldErrors: { [kind]: ["kpi:settings.errors.period"] } }) },
        { status: 400 },
      );
    }
    await requestRecompute(period, actor);
    return redirectWithFlash("/kpi/settings", {
      kind: "success",
      message: "kpi:settings.recompute.queued",
      params: { period: periodKey(period) },
    });
  }
  badRequest("unknown intent");
}

export default function KpiSettingsPage() {
  const { t } = useTranslation(["kpi", "common"]);
  const { settings, teams, computations, page, pageSize, defaults } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const format = useFormat();
  const resultFor = (intent: string, teamId?: string) =>
    actionData && actionData.intent === intent && (!teamId || ("teamId" in actionData && actionData.teamId === teamId))
      ? actionData.reply
      : undefined;
  const recomputeErrors = resultFor("recompute")?.error;
  return (
    <div className="space-y-6">
      <PageHeader
        title={t("settings.title")}
        description={t("settings.description")}
        actions={
          <Link to="/kpi/definitions" className="btn-secondary">
            {t("definitions.title")}
          </Link>
        }
      />
      <div className="grid gap-6 lg:grid-cols-2">
        <section className="card p-5" aria-labelledby="attribution">
          <h2 id="attribution" className="font-semibold text-slate-900">
            {t("settings.attribution.title")}
          </h2>
          <p className="mb-4 mt-1 text-sm text-slate-500">{t("settings.attribution.body")}</p>
          <AttributionForm attribution={settings.attribution} lastResult={resultFor("attribution")} />
        </section>
        <section className="card p-5" aria-labelledby="recompute">
          <h2 id="recompute" className="font-semibold text-slate-900">
            {t("settings.recompute.title")}
          </h2>
          <p className="mb-4 mt-1 text-sm text-slate-500">{t("settings.recompute.body")}</p>
          <Form method="post" className="grid gap-3 sm:grid-cols-2">
            <input type="hidden" name="intent" value="recompute" />
            {(
              [
                ["month", "month", defaults.month],
                ["quarter", "text", `${defaults.year}-Q1`],
                ["year", "number", defaults.year],
              ] as const
            ).map(([kind, type, value]) => (
              <div key={kind} className="contents">
                <label className="flex items-center gap-2 text-sm text-slate-700">
                  <input type="radio" name="kind" value={kind} defaultChecked={kind === "month"} />
                  {t(`periods.${kind}`)}
                </label>
                <div>
                  <input
                    name={kind}
                    type={type}
                    defaultValue={value}
                    aria-label={t(`periods.${kind}`)}
                    placeholder={t(`settings.recompute.placeholder.${kind}`)}
                    className="input"
                  />
                  {recomputeErrors?.[kind]?.length ? (
                    <p className="mt-1 text-xs text-rose-600" role="alert">
                      {recomputeErrors[kind]!.map((error) => t(error)).join("；")}
                    </p>
                  ) : null}
                </div>
              </div>
            ))}
            <button type="submit" className="btn-primary sm:col-span-2">
              {t("settings.recompute.submit")}
            </button>
          </Form>
        </section>
      </div>
      <section className="card overflow-hidden" aria-labelledby="hours">
        <div className="border-b border-slate-100 px-5 py-4">
          <h2 id="hours" className="font-semibold text-slate-900">
            {t("settings.hours.title")}
          </h2>
          <p className="text-sm text-slate-500">{t("settings.hours.body")}</p>
        </div>
        <div className="grid divide-y divide-slate-100 lg:grid-cols-2 lg:divide-x">
          {teams.map((team) => (
            <BusinessHoursForm key={team.id} team={team} lastResult={resultFor("hours", team.id)} />
          ))}
        </div>
      </section>
      <section className="card overflow-hidden" aria-labelledby="computations">
        <div className="border-b border-slate-100 px-5 py-4">
          <h2 id="computations" className="font-semibold text-slate-900">
            {t("settings.computations.title")}
          </h2>
        </div>
        {computations.rows.length === 0 ? (
          <EmptyState icon="chart" title={t("settings.computations.empty")} />
        ) : (
          <>
            <table className="table-base">
              <thead>
                <tr>
                  <th>{t("settings.computations.period")}</th>
                  <th>{t("settings.computations.trigger")}</th>
                  <th>{t("settings.computations.started")}</th>
                  <th className="text-right">{t("settings.computations.duration")}</th>
                  <th className="text-right">{t("settings.computations.rows")}</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {computations.rows.map((row) => (
                  <tr key={row.id}>
                    <td className="font-mono text-sm">{row.period}</td>
                    <td>{t(`settings.computations.triggers.${row.trigger}`, { defaultValue: row.trigger })}</td>
                    <td>{format.dateTime(row.startedAt)}</td>
                    <td className="text-right tabular-nums">
                      {row.finishedAt && row.durationMs !== null
                        ? t("settings.computations.seconds", { value: (row.durationMs / 1000).toFixed(1) })
                        : t("settings.computations.running")}
                    </td>
                    <td className="text-right tabular-nums">{format.number(row.rows)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            <Pagination page={page} pageSize={pageSize} total={computations.total} />
          </>
        )}
      </section>
    </div>
  );
}
