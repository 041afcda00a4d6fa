import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { DrillView } from "~/components/kpi/drill-view";
import { titleFromLoader } from "~/components/meta";
import { pageTitle } from "~/modules/i18n/page-title.server";
import { requirePermission } from "~/modules/identity/session.server";
import { loadDrill } from "~/modules/kpi/drill-page.server";
import { DRILL_PAGE_SIZE } from "~/modules/kpi/drill-row";
import { readPagination } from "~/utils/pagination";

export const meta = titleFromLoader;

/** The rows behind one of the signed-in person's own numbers; the subject is always the viewer. */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "read:kpi:own");
  const url = new URL(request.url);
  const { page } = readPagination(url, DRILL_PAGE_SIZE);
  const drill = await loadDrill(user, {
    metric: url.searchParams.get("metric"),
    subject: { kind: "agent", id: user.id },
    period: url.searchParams.get("period"),
    page,
  });
  return {
    pageTitle: await pageTitle(request, "kpi:drill.title"),
    drill,
    page,
    back: `/performance/kpi?period=${drill.period}`,
  };
}

export default function MyKpiDrillPage() {
  const { drill, page, back } = useLoaderData<typeof loader>();
  return <DrillView data={drill} page={page} pageSize={DRILL_PAGE_SIZE} back={back} />;
}
