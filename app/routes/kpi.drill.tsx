import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { DrillView } from "~/components/kpi/drill-view";
import { titleFromLoader } from "~/components/meta";
import { pageTitle } from "~/modules/i18n/page-title.server";
import { requirePermission } from "~/modules/identity/session.server";
import { loadDrill, parseSubject } from "~/modules/kpi/drill-page.server";
import { DRILL_PAGE_SIZE } from "~/modules/kpi/drill-row";
import { readPagination } from "~/utils/pagination";

export const meta = titleFromLoader;

/** /kpi/drill?metric=csat_percent&subject=agent:<id>|team:<id>&period=2026-11 — the rows behind one number. */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "read:kpi:team");
  const url = new URL(request.url);
  const subject = parseSubject(url.searchParams.get("subject"));
  const { page } = readPagination(url, DRILL_PAGE_SIZE);
  const drill = await loadDrill(user, {
    metric: url.searchParams.get("metric"),
    subject,
    period: url.searchParams.get("period"),
    page,
  });
  const teamQuery = subject?.kind === "team" ? `team=${encodeURIComponent(subject.id)}&` : "";
  return {
    pageTitle: await pageTitle(request, "kpi:drill.title"),
    drill,
    page,
    back: `/kpi?${teamQuery}period=${drill.period}`,
  };
}

export default function KpiDrillPage() {
  const { drill, page, back } = useLoaderData<typeof loader>();
  return <DrillView data={drill} page={page} pageSize={DRILL_PAGE_SIZE} back={back} />;
}
