import type { LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData, useLocation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { EmptyState } from "~/components/empty-state";
import { FilterActions, FilterInput, FilterSelect } from "~/components/filter-fields";
import { Icon } from "~/components/icons";
import { titleFromLoader } from "~/components/meta";
import { PageHeader } from "~/components/page-header";
import { Pagination } from "~/components/pagination";
import { CertificateStateBadge } from "~/components/training/certificates/state-badge";
import { pageTitle } from "~/modules/i18n/page-title.server";
import { requirePermission } from "~/modules/identity/session.server";
import {
  certificateFilterOptions,
  certificateScope,
  listCertificates,
  readCertificateFilter,
} from "~/modules/training/certificates/certificates.server";
import { readPagination } from "~/utils/pagination";
import { useFormat } from "~/utils/use-format";

export const meta = titleFromLoader;

const STATUSES = ["valid", "expiring", "expired"] as const;

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "read:certificate:team");
  const scope = certificateScope(user)!;
  const url = new URL(request.url);
  const filter = readCertificateFilter(url);
  const { page, pageSize } = readPagination(url);
  const [list, options] = await Promise.all([
    listCertificates(scope, filter, page, pageSize),
    certificateFilterOptions(scope),
  ]);
  return {
    filter,
    page,
    pageSize,
    ...list,
    ...options,
    pageTitle: await pageTitle(request, "training-assign:certificates.staff.title"),
  };
}

export default function CertificatesPage() {
  const { t } = useTranslation(["training-assign", "common"]);
  const { filter, page, pageSize, rows, total, teams, exams } = useLoaderData<typeof loader>();
  const format = useFormat();
  const location = useLocation();
  return (
    <div className="space-y-6">
      <PageHeader
        title={t("certificates.staff.title")}
        description={t("certificates.staff.description")}
        actions={
          <a href={`/training/certificates.csv${location.search}`} className="btn-secondary" download>
            <Icon name="download" className="h-4 w-4" />
            {t("certificates.staff.export")}
          </a>
        }
      />
      <section className="card overflow-hidden" aria-label={t("certificates.staff.label")}>
        <Form
          method="get"
          className="grid gap-3 border-b border-slate-200 p-4 sm:grid-cols-2 lg:grid-cols-5"
          role="search"
        >
          {teams.length > 1 ? (
            <FilterSelect
              id="certificate-team"
              name="team"
              label={t("common:fields.team")}
              defaultValue={filter.teamId ?? ""}
              allLabel={t("certificates.staff.allTeams")}
              options={teams.map((team) => ({ value: team.id, label: team.name }))}
            />
          ) : null}
          <FilterSelect
            id="certificate-exam"
            name="exam"
            label={t("certificates.staff.exam")}
            defaultValue={filter.examId ?? ""}
            allLabel={t("certificates.staff.allExams")}
            options={exams.map((exam) => ({ value: exam.id, label: exam.title }))}
          />
          <FilterSelect
            id="certificate-status"
            name="status"
            label={t("certificates.staff.status")}
            defaultValue={filter.status ?? ""}
            allLabel={t("certificates.staff.allStatuses")}
            options={STATUSES.map((status) => ({ value: status, label: t(`certificates.state.${status}`) }))}
          />
          <FilterInput
            id="certificate-q"
            name="q"
            type="search"
            label={t("certificates.staff.q")}
            defaultValue={filter.q ?? ""}
          />
          <FilterActions />
        </Form>
        {rows.length > 0 ? (
          <>
            <div className="overflow-x-auto">
              <table className="table-base" data-testid="certificates">
                <thead>
                  <tr>
                    <th scope="col">{t("certificates.columns.holder")}</th>
                    <th scope="col">{t("certificates.columns.team")}</th>
                    <th scope="col">{t("certificates.columns.title")}</th>
                    <th scope="col">{t("certificates.columns.serial")}</th>
                    <th scope="col">{t("certificates.columns.score")}</th>
                    <th scope="col">{t("certificates.columns.issuedAt")}</th>
                    <th scope="col">{t("certificates.columns.expiresAt")}</th>
                    <th scope="col">{t("certificates.columns.state")}</th>
                  </tr>
                </thead>
                <tbody className="divide-y divide-slate-100">
                  {rows.map((row) => (
                    <tr key={row.id}>
                      <td>
                        {row.name}
                        <span className="ml-1 font-mono text-xs text-slate-500">{row.externalId}</span>
                      </td>
                      <td>{row.team ?? "—"}</td>
                      <td>
                        <Link to={`/certificates/${row.id}`} className="font-medium text-brand-700 hover:underline">
                          {row.title}
                        </Link>
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
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <Pagination page={page} pageSize={pageSize} total={total} />
          </>
        ) : (
          <EmptyState icon="flag" title={t("certificates.staff.empty")} />
        )}
      </section>
    </div>
  );
}
