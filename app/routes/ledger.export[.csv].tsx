import type { LoaderFunctionArgs } from "@remix-run/node";
import { requirePermission } from "~/modules/identity/session.server";
import { currentPayrollMonth, ledgerScope } from "~/modules/ledger/entries.server";
import { EXPORT_VIEWS, exportCsv, type ExportView } from "~/modules/ledger/export.server";
import { MonthSchema } from "~/modules/ledger/ledger-forms";
import { badRequest } from "~/utils/http.server";

/** Payroll CSV of one month: /ledger/export.csv?month=2026-11[&view=totals]. Leads get their teams only. */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "read:ledger:team");
  const scope = ledgerScope(user, "read")!;
  const url = new URL(request.url);
  const month = MonthSchema.safeParse(url.searchParams.get("month") ?? currentPayrollMonth());
  if (!month.success) badRequest("month must look like 2026-11");
  const view = url.searchParams.get("view") ?? "entries";
  if (!(EXPORT_VIEWS as readonly string[]).includes(view)) badRequest(`view must be one of ${EXPORT_VIEWS.join(", ")}`);
  const csv = await exportCsv(scope, month.data, view as ExportView);
  return new Response(csv, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="ledger-${view}-${month.data}.csv"`,
      "Cache-Control": "no-store",
    },
  });
}
