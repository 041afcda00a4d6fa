import type { LoaderFunctionArgs } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { EmptyState } from "~/components/empty-state";
import { FilterInput } from "~/components/filter-fields";
import { titleFromLoader } from "~/components/meta";
import { PageHeader } from "~/components/page-header";
import { GraderTable } from "~/components/qa/calibration/grader-table";
import { pageTitle } from "~/modules/i18n/page-title.server";
import { requirePermission } from "~/modules/identity/session.server";
import { graderReport, readGraderRange } from "~/modules/qa/calibration/graders.server";
import { env } from "~/utils/env.server";

export const meta = titleFromLoader;

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "read:grader-report:any");
  const url = new URL(request.url);
  const { from, to, range } = readGraderRange(url, env().APP_TIME_ZONE);
  const rows = await graderReport(range);

  return { pageTitle: await pageTitle(request, "qa-calibration:graders.title"), rows, from, to };
}

export default function GraderReportPage() {
  const { t } = useTranslation(["qa-calibration", "common"]);
  const { rows, from, to } = useLoaderData<typeof loader>();
  const csvHref = `/qa/graders.csv?${new URLSearchParams({ from, to }).toString()}`;
  return (
    <div className="space-y-6">
      <PageHeader
        title={t("qa-calibration:graders.title")}
        description={t("qa-calibration:graders.description")}
        actions={
          <a href={csvHref} className="btn-secondary" download>
            {t("common:actions.export")} CSV
          </a>
        }
      />
      <section className="card overflow-hidden" aria-labelledby="graders-heading">
        <div className="flex flex-wrap items-end justify-between gap-3 border-b border-slate-100 px-5 py-4">
          <h2 id="graders-heading" className="font-semibold text-slate-900">
            {t("qa-calibration:graders.inspectors")}
          </h2>
          <Form method="get" className="flex flex-wrap items-end gap-2">
            <FilterInput
              id="from"
              name="from"
              type="date"
              label={t("qa-calibration:graders.from")}
              defaultValue={from}
            />
            <FilterInput id="to" name="to" type="date" label={t("qa-calibration:graders.to")} defaultValue={to} />
            <button type="submit" className="btn-primary">
              {t("common:actions.filter")}
            </button>
          </Form>
        </div>
        {rows.length === 0 ? (
          <EmptyState icon="chart" title={t("common:empty.noResults")} />
        ) : (
          <GraderTable rows={rows} from={from} to={to} />
        )}
        <p className="border-t border-slate-100 px-5 py-3 text-xs text-slate-500">
          {t("qa-calibration:graders.notes")}
        </p>
      </section>
    </div>
  );
}
