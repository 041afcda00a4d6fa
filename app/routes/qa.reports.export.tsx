import type { LoaderFunctionArgs } from "@remix-run/node";
import { getT } from "~/modules/i18n/i18n.server";
import { requirePermission } from "~/modules/identity/session.server";
import { buildReportCsv } from "~/modules/qa/reports/export.server";
import { EXPORT_TYPES, readReportFilter, type ExportType } from "~/modules/qa/reports/filters";
import { todayInAppZone } from "~/modules/qa/reports/report-page.server";
import { reportScope } from "~/modules/qa/reports/reports.server";
import { badRequest } from "~/utils/http.server";

/** CSV download of one report table, e.g. /qa/reports/export?type=agents&period=30d. */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "read:qa-report:team");
  const url = new URL(request.url);
  const type = url.searchParams.get("type");
  if (!(EXPORT_TYPES as readonly string[]).includes(type ?? "")) {
    badRequest(`type must be one of ${EXPORT_TYPES.join(", ")}`);
  }
  const { filter, problem } = readReportFilter(url.searchParams, todayInAppZone());
  if (problem)
    badRequest(problem === "rangeTooLong" ? "the date range is longer than a year" : "invalid from/to dates");
  const t = await getT(request, "qa-reports");
  const csv = await buildReportCsv(type as ExportType, filter, reportScope(user), t);
  const filename = `qa-${type}-${filter.from}-${filter.to}.csv`;
  return new Response(csv, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${filename}"`,
      "Cache-Control": "no-store",
    },
  });
}
