import type { LoaderFunctionArgs } from "@remix-run/node";
import { getT } from "~/modules/i18n/i18n.server";
import { forbidden, requirePermission } from "~/modules/identity/session.server";
import { overdueAll, overdueCsv, readReportFilter, reportScope } from "~/modules/training/progress/reports.server";
import { dayIn } from "~/utils/calendar";
import { env } from "~/utils/env.server";

/** Every overdue assignment in scope as CSV, same filters as /training/progress/overdue. */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "read:learning-report:team");
  const scope = reportScope(user);
  if (!scope) throw forbidden("read:learning-report:team");
  const now = new Date();
  const timeZone = env().APP_TIME_ZONE;
  const { filter } = readReportFilter(new URL(request.url), timeZone);
  const rows = await overdueAll(scope, filter, now);
  const t = await getT(request);
  return new Response(overdueCsv(rows, t, timeZone), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="learning-overdue-${dayIn(now, timeZone)}.csv"`,
      "Cache-Control": "no-store",
    },
  });
}
