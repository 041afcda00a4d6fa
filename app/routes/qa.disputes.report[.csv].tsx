import type { LoaderFunctionArgs } from "@remix-run/node";
import { getT } from "~/modules/i18n/i18n.server";
import { requirePermission } from "~/modules/identity/session.server";
import { readReportRange } from "~/modules/qa/disputes/dispute-report";
import {
  disputeReport,
  REPORT_TABLES,
  reportCsv,
  todayInAppZone,
  type ReportTable,
} from "~/modules/qa/disputes/dispute-report.server";
import { badRequest } from "~/utils/http.server";

/** CSV of one disputes-report table: /qa/disputes/report.csv?table=criteria|inspectors&from=…&to=… */
export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "read:dispute-report:any");
  const url = new URL(request.url);
  const table = url.searchParams.get("table") ?? "";
  if (!(REPORT_TABLES as readonly string[]).includes(table)) {
    badRequest(`table must be one of ${REPORT_TABLES.join(", ")}`);
  }
  const { range, problem } = readReportRange(url.searchParams, todayInAppZone());
  if (problem) badRequest(problem);
  const [report, t] = await Promise.all([disputeReport(range), getT(request, "qa-disputes")]);
  const filename = `disputes-${table}-${range.from}-${range.to}.csv`;
  return new Response(
    reportCsv(table as ReportTable, report, (key) => t(key)),
    {
      headers: {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": `attachment; filename="${filename}"`,
        "Cache-Control": "no-store",
      },
    },
  );
}
