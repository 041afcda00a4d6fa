import type { LoaderFunctionArgs } from "@remix-run/node";
import { getT } from "~/modules/i18n/i18n.server";
import { requirePermission } from "~/modules/identity/session.server";
import { graderReport, graderReportCsv, readGraderRange } from "~/modules/qa/calibration/graders.server";
import { env } from "~/utils/env.server";

const COLUMNS = [
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
] as const;

/** The grader report as CSV, same range and figures as /qa/graders. */
export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "read:grader-report:any");
  const { from, to, range } = readGraderRange(new URL(request.url), env().APP_TIME_ZONE);
  const rows = await graderReport(range);
  const t = await getT(request);
  const headers = COLUMNS.map((key) => t(`qa-calibration:graders.csv.${key}`));
  return new Response(graderReportCsv(rows, headers), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="graders-${from}-${to}.csv"`,
      "Cache-Control": "no-store",
    },
  });
}
