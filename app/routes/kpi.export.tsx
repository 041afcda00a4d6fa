import type { LoaderFunctionArgs } from "@remix-run/node";
import { getT } from "~/modules/i18n/i18n.server";
import { requirePermission } from "~/modules/identity/session.server";
import { kpiCsvNumber } from "~/modules/kpi/format";
import { loadTeamKpis } from "~/modules/kpi/team-page.server";
import { csvDocument } from "~/utils/csv";
import { conflict } from "~/utils/http.server";

/** The /kpi table as CSV (UTF-8 with BOM), same scope, team, period and sort: a lead can only export their team. */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "read:kpi:team");
  const url = new URL(request.url);
  const view = await loadTeamKpis(user, url, new Date());
  if (!view.computed) conflict(`KPIs for ${view.periodKey} have not been computed`);
  const t = await getT(request, "kpi");
  const zh = user.locale.startsWith("zh");
  const names = view.definitions.map((definition) => (zh ? definition.nameZh : definition.nameEn));
  const unitLabel = (unit: string) => t(`units.${unit}`);
  const header = [
    view.teamId === "all" ? t("team.team") : t("team.agent"),
    t("team.externalId"),
    ...view.definitions.flatMap((definition, index) => [
      `${names[index]}（${unitLabel(definition.unit)}）`,
      `${names[index]} · ${t("mine.target")}`,
    ]),
    t("team.below"),
  ];
  const line = (
    name: string,
    externalId: string | null,
    cells: Record<string, { value: number | null; target: number | null; below: boolean }>,
  ) => [
    name,
    externalId ?? "",
    ...view.definitions.flatMap((definition) => [
      kpiCsvNumber(cells[definition.key]?.value, definition.unit),
      kpiCsvNumber(cells[definition.key]?.target, definition.unit),
    ]),
    view.definitions.flatMap((definition, index) => (cells[definition.key]?.below ? [names[index]!] : [])).join("、"),
  ];
  const rows = view.rows.map((row) => line(row.name, row.externalId, row.cells));
  if (view.teamRow) rows.push(line(t("team.teamRow"), null, view.teamRow));
  const scopeName = view.teamId === "all" ? "all" : (view.teams.find((team) => team.id === view.teamId)?.id ?? "team");
  return new Response(csvDocument(header, rows), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="kpi-${scopeName}-${view.periodKey}.csv"`,
      "Cache-Control": "no-store",
    },
  });
}
