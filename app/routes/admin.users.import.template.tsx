import type { LoaderFunctionArgs } from "@remix-run/node";
import { buildExampleCsv } from "~/modules/admin/user-import";
import { requirePermission } from "~/modules/identity/session.server";

/** The example users CSV, with a BOM so Excel opens the Chinese text as UTF-8. */
export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "manage:user:any");
  return new Response(`\uFEFF${buildExampleCsv()}`, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="users-template.csv"; filename*=UTF-8''${encodeURIComponent("用户导入模板.csv")}`,
      "Cache-Control": "no-store",
    },
  });
}
