import type { LoaderFunctionArgs } from "@remix-run/node";
import { getT } from "~/modules/i18n/i18n.server";
import { requirePermission } from "~/modules/identity/session.server";
import {
  certificateScope,
  exportCertificates,
  readCertificateFilter,
} from "~/modules/training/certificates/certificates.server";
import { dayIn } from "~/utils/calendar";
import { csvDocument } from "~/utils/csv";
import { env } from "~/utils/env.server";

const COLUMNS = [
  "serial",
  "holder",
  "externalId",
  "team",
  "title",
  "exam",
  "score",
  "issuedAt",
  "expiresAt",
  "state",
] as const;

/** The certificate list as CSV: same scope and filters as /training/certificates, every matching row. */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "read:certificate:team");
  const scope = certificateScope(user)!;
  const filter = readCertificateFilter(new URL(request.url));
  const now = new Date();
  const rows = await exportCertificates(scope, filter, now);
  const t = await getT(request);
  const timeZone = env().APP_TIME_ZONE;
  const header = COLUMNS.map((key) => t(`training-assign:certificates.columns.${key}`));
  const body = rows.map((row) => [
    row.serial,
    row.name,
    row.externalId,
    row.team ?? "",
    row.title,
    row.exam,
    row.percent,
    dayIn(new Date(row.issuedAt), timeZone),
    row.expiresAt ? dayIn(new Date(row.expiresAt), timeZone) : t("training-assign:certificates.noExpiry"),
    t(`training-assign:certificates.state.${row.state}`),
  ]);
  return new Response(csvDocument(header, body), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="certificates-${dayIn(now, timeZone)}.csv"`,
      "Cache-Control": "no-store",
    },
  });
}
