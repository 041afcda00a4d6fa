import type { LoaderFunctionArgs } from "@remix-run/node";
import { getT } from "~/modules/i18n/i18n.server";
import { forbidden, requirePermission } from "~/modules/identity/session.server";
import {
  completionByTeamAndCourse,
  completionCsv,
  readReportFilter,
  reportScope,
} from "~/modules/training/progress/reports.server";
import { dayIn } from "~/utils/calendar";
import { env } from "~/utils/env.server";

/** The team × course completion table as CSV, same scope and filters as /training/progress. */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "read:learning-report:team");
  const scope = reportScope(user);
  if (!scope) throw forbidden("read:learning-report:team");
  const now = new Date();
  const { filter } = readReportFilter(new URL(request.url), env().APP_TIME_ZONE);
  const rows = await completionByTeamAndCourse(scope, filter, now);
  const t = await getT(request);
  return new Response(completionCsv(rows, t), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="learning-progress-${dayIn(now, env().APP_TIME_ZONE)}.csv"`,
      "Cache-Control": "no-store",
    },
  });
}
