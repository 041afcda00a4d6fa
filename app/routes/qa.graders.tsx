import type { LoaderFunctionArgs } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { EmptyState } from "~/components/empty-state";
import { titleFromLoader } from "~/components/meta";
import { PageHeader } from "~/components/page-header";
import { GraderTable } from "~/components/qa/calibration/grader-table";
import { auditRange } from "~/modules/admin/audit-filters";
import { parseCalendarDate } from "~/modules/admin/user-import";
import { getT } from "~/modules/i18n/i18n.server";
import { pageTitle } from "~/modules/i18n/page-title.server";
import { requirePermission } from "~/modules/identity/session.server";
import { graderReport, graderReportCsv } from "~/modules/qa/calibration/graders.server";
import { toLocalDateTimeInput } from "~/modules/qa/calibration/schema";
import { env } from "~/utils/env.server";
import { badRequest } from "~/utils/http.server";

export const meta = titleFromLoader;

const DEFAULT_RANGE_DAYS = 30;
const MAX_RANGE_DAYS = 366;

function readRange(url: URL, timeZone: string) {
  const today = toLocalDateTimeInput(new Date(), timeZone).slice(0, 10);
  const start = toLocalDateTimeInput(new Date(Date.now() - (DEFAULT_RANGE_DAYS - 1) * 86_400_000), timeZone);
  const rawFrom = url.searchParams.get("from") || start.slice(0, 10);
  const rawTo = url.searchParams.get("to") || today;
  const from = parseCalendarDate(rawFrom);
  const to = parseCalendarDate(rawTo);
  if (!from || !to) badRequest("from/to must be dates (YYYY-MM-DD)");
  if (from > to) badRequest("from must not be after to");
  const days = (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000 + 1;
  if (days > MAX_RANGE_DAYS) badRequest(`the range is limited to ${MAX_RANGE_DAYS} days`);
  const instants = auditRange({ from, to }, timeZone);
  return { from, to, range: { from: instants.from!, to: instants.to! } };
}

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "read:grader-report:any");
  const url = new URL(request.url);
  const { from, to, range } = readRange(url, env().APP_TIME_ZONE);
  const rows = await graderReport(range);

  if (url.searchParams.get("format") === "csv") {
    const t = await getT(request);
    const headers = [
      "externalId",
      "name",
      "reviews",
      "avgGradingSeconds",
      "avgScore",
      "sessions",
      "alignment",
      "leniency",
      "disputeItemsDecided",
      "disputeItemsAccepted",
      "acceptanceRate",
    ].map((key) => t(`qa-calibration:graders.csv.${key}`));
    return new Response(graderReportCsv(rows, headers), {
      headers: {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": `attachment; filename="graders-${from}-${to}.csv"`,
        "Cache-Control": "no-store",
      },
    });
  }
  return { pageTitle: await pageTitle(request, "qa-calibration:graders.title"), rows, from, to };
}

export default function GraderReportPage() {
  const { t } = useTranslation(["qa-calibration", "common"]);
  const { rows, from, to } = useLoaderData<typeof loader>();
  const csvHref = `/qa/graders?${new URLSearchParams({ from, to, format: "csv" }).toString()}`;
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
            <div>
              <label htmlFor="from" className="label">
                {t("qa-calibration:graders.from")}
              </label>
              <input id="from" name="from" type="date" defaultValue={from} className="input" />
            </div>
            <div>
              <label htmlFor="to" className="label">
                {t("qa-calibration:graders.to")}
              </label>
              <input id="to" name="to" type="date" defaultValue={to} className="input" />
            </div>
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
