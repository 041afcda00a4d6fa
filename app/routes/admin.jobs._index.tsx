import { titleFromLoader } from "~/components/meta";
import { pageTitle } from "~/modules/i18n/page-title.server";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { EmptyState } from "~/components/empty-state";
import { JobStatusBadge } from "~/components/job-status-badge";
import { PageHeader } from "~/components/page-header";
import { Pagination } from "~/components/pagination";
import { recordAudit } from "~/modules/audit/audit.server";
import { clientIp, requirePermission } from "~/modules/identity/session.server";
import { jobNames } from "~/modules/jobs/catalog";
import { errorHeadline } from "~/modules/jobs/errors";
import { jobsOverviewMeta, scheduleOverview } from "~/modules/jobs/overview.server";
import { enqueueByName } from "~/modules/jobs/queue.server";
import { listJobRuns } from "~/modules/jobs/runs.server";
import { JOB_RUN_STATUSES } from "~/modules/jobs/statuses";
import { redirectWithFlash } from "~/utils/flash.server";
import { useFormat } from "~/utils/use-format";
import { jobSchedules } from "../../jobs/schedules";

export const meta = titleFromLoader;

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "read:job-run:any");
  const url = new URL(request.url);
  const [runs, schedules] = await Promise.all([listJobRuns(Object.fromEntries(url.searchParams)), scheduleOverview()]);
  return {
    pageTitle: await pageTitle(request, "jobs:title"),

    ...runs,
    rows: runs.rows.map((row) => ({ ...row, error: errorHeadline(row.error) })),
    schedules,
    names: jobNames(),
    filters: { name: url.searchParams.get("name") ?? "", status: url.searchParams.get("status") ?? "" },
    ...jobsOverviewMeta(),
  };
}

const RunNowSchema = z.object({ schedule: z.string().min(1) });

/** "Run now" for a scheduled job: the same handler the schedule would fire, recorded and audited. */
export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, "run:job:any");
  const parsed = RunNowSchema.safeParse(Object.fromEntries(await request.formData()));
  const schedule = parsed.success ? jobSchedules.find((entry) => entry.id === parsed.data.schedule) : undefined;
  if (!schedule) return data({ message: "unknown schedule" }, { status: 400 });
  const handle = await enqueueByName(schedule.job, schedule.payload);
  await recordAudit({
    actorId: user.id,
    action: "job.run-now",
    entityType: "job-run",
    entityId: handle.runId,
    after: { job: schedule.job, schedule: schedule.id },
    ipAddress: clientIp(request),
  });
  return redirectWithFlash(`/admin/jobs/${handle.runId}`, {
    kind: "success",
    message: "jobs:runNowQueued",
    params: { name: schedule.job },
  });
}

export default function JobsPage() {
  const { t } = useTranslation(["jobs", "common"]);
  const { rows, total, page, pageSize, schedules, names, filters, mode, timeZone } = useLoaderData<typeof loader>();
  const format = useFormat();
  const navigation = useNavigation();
  return (
    <div className="space-y-6">
      <PageHeader title={t("jobs:title")} description={t(`jobs:mode.${mode}`, { timeZone })} />
      <section className="card overflow-hidden" aria-labelledby="schedules-heading">
        <h2 id="schedules-heading" className="border-b border-slate-100 px-5 py-4 font-semibold text-slate-900">
          {t("jobs:schedules")}
        </h2>
        <div className="overflow-x-auto">
          <table className="table-base">
            <thead>
              <tr>
                <th scope="col">{t("jobs:job")}</th>
                <th scope="col">{t("jobs:pattern")}</th>
                <th scope="col">{t("jobs:nextRun")}</th>
                <th scope="col">{t("jobs:latestRun")}</th>
                <th scope="col">
                  <span className="sr-only">{t("jobs:runNow")}</span>
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100 bg-white">
              {schedules.map((schedule) => (
                <tr key={schedule.id}>
                  <td>
                    <p className="font-medium text-slate-900">
                      {t(`jobs:names.${schedule.job}`, { defaultValue: schedule.job })}
                    </p>
                    <p className="font-mono text-xs text-slate-400">{schedule.job}</p>
                  </td>
                  <td className="font-mono text-xs">{schedule.pattern}</td>
                  <td>{format.dateTime(schedule.nextRunAt)}</td>
                  <td>
                    {schedule.latestRun ? (
                      <Link
                        to={`/admin/jobs/${schedule.latestRun.id}`}
                        className="inline-flex items-center gap-2 hover:underline"
                      >
                        <JobStatusBadge status={schedule.latestRun.status} />
                        <span className="text-xs text-slate-500">{format.relative(schedule.latestRun.queuedAt)}</span>
                      </Link>
                    ) : (
                      <span className="text-slate-400">{t("jobs:never")}</span>
                    )}
                  </td>
                  <td className="text-right">
                    <Form method="post">
                      <input type="hidden" name="schedule" value={schedule.id} />
                      <button
                        type="submit"
                        className="btn-secondary px-3 py-1.5 text-xs"
                        disabled={navigation.state !== "idle"}
                      >
                        {t("jobs:runNow")}
                      </button>
                    </Form>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      <section className="card overflow-hidden" aria-labelledby="runs-heading">
        <div className="flex flex-wrap items-center justify-between gap-3 border-b border-slate-100 px-5 py-4">
          <h2 id="runs-heading" className="font-semibold text-slate-900">
            {t("jobs:runs")}
          </h2>
          <Form method="get" className="flex w-full flex-wrap items-center gap-2 sm:w-auto">
            <label htmlFor="name" className="sr-only">
              {t("jobs:job")}
            </label>
            <select id="name" name="name" defaultValue={filters.name} className="input w-full sm:w-56">
              <option value="">{t("jobs:allJobs")}</option>
              {names.map((name) => (
                <option key={name} value={name}>
                  {t(`jobs:names.${name}`, { defaultValue: name })}
                </option>
              ))}
            </select>
            <label htmlFor="status" className="sr-only">
              {t("jobs:status")}
            </label>
            <select id="status" name="status" defaultValue={filters.status} className="input w-full sm:w-36">
              <option value="">{t("jobs:allStatuses")}</option>
              {JOB_RUN_STATUSES.map((status) => (
                <option key={status} value={status}>
                  {t(`jobs:statuses.${status}`)}
                </option>
              ))}
            </select>
            <button type="submit" className="btn-secondary">
              {t("common:actions.filter")}
            </button>
          </Form>
        </div>
        {rows.length === 0 ? (
          <EmptyState icon="clock" title={t("jobs:noRuns")} />
        ) : (
          <div className="overflow-x-auto">
            <table className="table-base">
              <thead>
                <tr>
                  <th scope="col">{t("jobs:job")}</th>
                  <th scope="col">{t("jobs:status")}</th>
                  <th scope="col">{t("jobs:attempts")}</th>
                  <th scope="col">{t("jobs:queuedAt")}</th>
                  <th scope="col">{t("jobs:duration")}</th>
                  <th scope="col">{t("jobs:error")}</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100 bg-white">
                {rows.map((row) => (
                  <tr key={row.id}>
                    <td>
                      <Link to={`/admin/jobs/${row.id}`} className="font-medium text-brand-700 hover:underline">
                        {t(`jobs:names.${row.name}`, { defaultValue: row.name })}
                      </Link>
                      {row.scheduled ? (
                        <span className="badge ml-2 bg-slate-100 text-slate-500">{t("jobs:scheduled")}</span>
                      ) : null}
                    </td>
                    <td>
                      <JobStatusBadge status={row.status} />
                    </td>
                    <td className="tabular-nums">
                      {row.attempts} / {row.maxAttempts}
                    </td>
                    <td>{format.dateTime(row.queuedAt)}</td>
                    <td className="tabular-nums">
                      {row.durationMs === null ? "—" : `${format.number(row.durationMs)} ms`}
                    </td>
                    <td className="max-w-xs truncate text-rose-600" title={row.error ?? ""}>
                      {row.error ?? ""}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <Pagination page={page} pageSize={pageSize} total={total} />
      </section>
    </div>
  );
}
