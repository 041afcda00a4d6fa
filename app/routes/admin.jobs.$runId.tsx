import { titleFromLoader } from "~/components/meta";
import { pageTitle } from "~/modules/i18n/page-title.server";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { JobStatusBadge } from "~/components/job-status-badge";
import { PageHeader } from "~/components/page-header";
import { requirePermission } from "~/modules/identity/session.server";
import { getJobRun } from "~/modules/jobs/runs.server";
import { notFound } from "~/utils/http.server";
import { useFormat } from "~/utils/use-format";

export const meta = titleFromLoader;

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requirePermission(request, "read:job-run:any");
  const run = await getJobRun(params.runId ?? "");
  if (!run) notFound("job run not found");
  return {
    pageTitle: await pageTitle(request, "jobs:title"),
    run,
  };
}

export default function JobRunPage() {
  const { t } = useTranslation(["jobs", "common"]);
  const { run } = useLoaderData<typeof loader>();
  const format = useFormat();
  const facts: [string, React.ReactNode][] = [
    [t("jobs:status"), <JobStatusBadge key="status" status={run.status} />],
    [t("jobs:modeLabel"), run.mode],
    [t("jobs:attempts"), `${run.attempts} / ${run.maxAttempts}`],
    [t("jobs:queuedAt"), format.dateTime(run.queuedAt)],
    [t("jobs:startedAt"), format.dateTime(run.startedAt) || "—"],
    [t("jobs:finishedAt"), format.dateTime(run.finishedAt) || "—"],
    [t("jobs:duration"), run.durationMs === null ? "—" : `${format.number(run.durationMs)} ms`],
    [t("jobs:idempotencyKey"), run.idempotencyKey ?? "—"],
  ];
  return (
    <div className="space-y-6">
      <PageHeader
        title={t(`jobs:names.${run.name}`, { defaultValue: run.name })}
        description={run.name}
        actions={
          <Link to="/admin/jobs" className="btn-secondary">
            {t("common:actions.back")}
          </Link>
        }
      />
      <section className="card p-6">
        <dl className="grid gap-x-6 gap-y-3 text-sm sm:grid-cols-2">
          {facts.map(([label, value]) => (
            <div key={label} className="flex gap-3">
              <dt className="w-28 shrink-0 text-slate-500">{label}</dt>
              <dd className="min-w-0 break-all">{value}</dd>
            </div>
          ))}
        </dl>
      </section>
      <div className="grid gap-6 lg:grid-cols-2">
        <section className="card p-6">
          <h2 className="mb-2 font-semibold text-slate-900">{t("jobs:payload")}</h2>
          <pre className="overflow-x-auto rounded bg-slate-50 p-3 text-xs">{JSON.stringify(run.payload, null, 2)}</pre>
        </section>
        <section className="card p-6">
          <h2 className="mb-2 font-semibold text-slate-900">{run.error ? t("jobs:error") : t("jobs:result")}</h2>
          <pre
            className={`overflow-x-auto whitespace-pre-wrap rounded p-3 text-xs ${run.error ? "bg-rose-50 text-rose-800" : "bg-slate-50"}`}
          >
            {run.error ?? JSON.stringify(run.result, null, 2) ?? "—"}
          </pre>
        </section>
      </div>
    </div>
  );
}
