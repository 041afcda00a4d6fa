import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { EmptyState } from "~/components/empty-state";
import { titleFromLoader } from "~/components/meta";
import { PageHeader } from "~/components/page-header";
import { CertificateStateBadge } from "~/components/training/certificates/state-badge";
import { pageTitle } from "~/modules/i18n/page-title.server";
import { requirePermission } from "~/modules/identity/session.server";
import { listMyCertificates } from "~/modules/training/certificates/certificates.server";
import { useFormat } from "~/utils/use-format";

export const meta = titleFromLoader;

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "read:certificate:own");
  const certificates = await listMyCertificates(user.id);
  return { certificates, pageTitle: await pageTitle(request, "training-assign:certificates.mine.title") };
}

type Row = Awaited<ReturnType<typeof loader>>["certificates"][number];

function CertificateTable({ rows, showRenew }: { rows: Row[]; showRenew: boolean }) {
  const { t } = useTranslation(["training-assign", "common"]);
  const format = useFormat();
  return (
    <div className="overflow-x-auto">
      <table className="table-base">
        <thead>
          <tr>
            <th scope="col">{t("certificates.columns.title")}</th>
            <th scope="col">{t("certificates.columns.serial")}</th>
            <th scope="col">{t("certificates.columns.score")}</th>
            <th scope="col">{t("certificates.columns.issuedAt")}</th>
            <th scope="col">{t("certificates.columns.expiresAt")}</th>
            <th scope="col">{t("certificates.columns.state")}</th>
            <th scope="col">
              <span className="sr-only">{t("columns.actions")}</span>
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.map((row) => (
            <tr key={row.id}>
              <td>
                <span className="font-medium text-slate-900">{row.title}</span>
                <span className="block text-xs text-slate-500">{row.exam}</span>
              </td>
              <td className="font-mono text-xs">{row.serial}</td>
              <td className="tabular-nums">{row.percent === null ? "—" : `${format.number(row.percent)}%`}</td>
              <td className="tabular-nums">{format.date(row.issuedAt)}</td>
              <td className="tabular-nums">
                {row.expiresAt ? format.date(row.expiresAt) : t("certificates.noExpiry")}
              </td>
              <td>
                <CertificateStateBadge state={row.state} />
              </td>
              <td>
                <div className="flex flex-wrap gap-2">
                  <Link to={`/certificates/${row.id}`} className="text-sm font-medium text-brand-700 hover:underline">
                    {t("certificates.mine.print")}
                  </Link>
                  {showRenew && (row.state === "expiring" || row.state === "expired") ? (
                    <Link
                      to={`/learn/exams/${row.examId}`}
                      className="text-sm font-medium text-amber-700 hover:underline"
                    >
                      {t("certificates.mine.renew")}
                    </Link>
                  ) : null}
                </div>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export default function MyCertificatesPage() {
  const { t } = useTranslation(["training-assign", "common"]);
  const { certificates } = useLoaderData<typeof loader>();
  const current = certificates.filter((row) => row.current);
  const history = certificates.filter((row) => !row.current);
  return (
    <div className="space-y-6">
      <PageHeader title={t("certificates.mine.title")} description={t("certificates.mine.description")} />
      {certificates.length === 0 ? (
        <section className="card">
          <EmptyState icon="flag" title={t("certificates.mine.empty.title")} body={t("certificates.mine.empty.body")} />
        </section>
      ) : (
        <>
          <section className="card overflow-hidden" aria-labelledby="current-certificates">
            <h2 id="current-certificates" className="border-b border-slate-200 px-4 py-3 text-base font-semibold">
              {t("certificates.mine.current")}
            </h2>
            <CertificateTable rows={current} showRenew />
          </section>
          {history.length > 0 ? (
            <section className="card overflow-hidden" aria-labelledby="certificate-history">
              <h2 id="certificate-history" className="border-b border-slate-200 px-4 py-3 text-base font-semibold">
                {t("certificates.mine.history")}
              </h2>
              <CertificateTable rows={history} showRenew={false} />
            </section>
          ) : null}
        </>
      )}
    </div>
  );
}
