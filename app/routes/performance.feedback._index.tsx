import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { CycleStatusBadge } from "~/components/feedback/badges";
import { titleFromLoader } from "~/components/meta";
import { PageHeader } from "~/components/page-header";
import { Pagination } from "~/components/pagination";
import { myFeedbackSubjects, myPendingRequests, mySubmittedRequests } from "~/modules/feedback/requests.server";
import { pageTitle } from "~/modules/i18n/page-title.server";
import { requirePermission, userCan } from "~/modules/identity/session.server";
import { readPagination } from "~/utils/pagination";
import { useFormat } from "~/utils/use-format";

export const meta = titleFromLoader;

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "rate:feedback:own");
  const { page, pageSize } = readPagination(new URL(request.url), 10);
  const canReadReports = userCan(user, "read:feedback-report:own");
  const [pending, submitted, subjects] = await Promise.all([
    myPendingRequests(user.id),
    mySubmittedRequests(user.id, page, pageSize),
    canReadReports ? myFeedbackSubjects(user.id) : Promise.resolve([]),
  ]);
  return { pending, submitted, subjects, page, pageSize, pageTitle: await pageTitle(request, "feedback:mine.title") };
}

export default function MyFeedbackPage() {
  const { t } = useTranslation(["feedback", "common"]);
  const { pending, submitted, subjects, page, pageSize } = useLoaderData<typeof loader>();
  const format = useFormat();
  return (
    <div className="space-y-6">
      <PageHeader title={t("mine.title")} description={t("mine.intro")} />
      <section className="card overflow-hidden" aria-label={t("mine.pending")}>
        <h2 className="px-5 pt-4 text-base font-semibold text-slate-900">
          {t("mine.pending")} <span className="text-sm font-normal text-slate-500">({pending.length})</span>
        </h2>
        {pending.length === 0 ? (
          <p className="px-5 pb-5 pt-2 text-sm text-slate-500">{t("mine.nothingPending")}</p>
        ) : (
          <table className="table-base">
            <thead>
              <tr>
                <th scope="col">{t("mine.whom")}</th>
                <th scope="col">{t("mine.as")}</th>
                <th scope="col">{t("reports.cycle")}</th>
                <th scope="col">{t("cycles.dueDate")}</th>
                <th scope="col">
                  <span className="sr-only">{t("mine.fill")}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {pending.map((row) => (
                <tr key={row.id}>
                  <td className="font-medium text-slate-900">
                    {row.group === "self" ? t("mine.myself") : `${row.subject}（${row.subjectExternalId}）`}
                  </td>
                  <td>{t(`groups.${row.group}`)}</td>
                  <td>{row.cycle}</td>
                  <td className="whitespace-nowrap">{format.date(row.dueAt)}</td>
                  <td className="text-right">
                    <Link to={`/performance/feedback/requests/${row.id}`} className="btn-primary px-3 py-1 text-sm">
                      {row.hasDraft ? t("mine.continue") : t("mine.fill")}
                    </Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <section className="card overflow-hidden" aria-label={t("mine.reports")}>
        <h2 className="px-5 pt-4 text-base font-semibold text-slate-900">{t("mine.reports")}</h2>
        {subjects.length === 0 ? (
          <p className="px-5 pb-5 pt-2 text-sm text-slate-500">{t("mine.noReports")}</p>
        ) : (
          <ul className="divide-y divide-slate-100">
            {subjects.map((subject) => (
              <li key={subject.id} className="flex flex-wrap items-center justify-between gap-3 px-5 py-3 text-sm">
                <div>
                  <p className="font-medium text-slate-900">{subject.cycle}</p>
                  <p className="text-xs text-slate-500">
                    {format.date(subject.periodStart, true)} – {format.date(subject.periodEnd, true)}
                  </p>
                </div>
                <div className="flex items-center gap-3">
                  <CycleStatusBadge status={subject.status} />
                  {subject.status === "closed" ? (
                    <>
                      <span className="text-slate-700">
                        {t("report.overall")}{" "}
                        {subject.overallScore === null
                          ? "—"
                          : format.number(subject.overallScore, { minimumFractionDigits: 2, maximumFractionDigits: 2 })}
                      </span>
                      {!subject.acknowledged ? (
                        <span className="badge bg-amber-100 text-amber-800">{t("mine.toAcknowledge")}</span>
                      ) : null}
                      <Link
                        to={`/performance/feedback/reports/${subject.id}`}
                        className="text-brand-700 hover:underline"
                      >
                        {t("mine.readReport")}
                      </Link>
                    </>
                  ) : subject.nominatesPeers ? (
                    <Link to={`/performance/feedback/peers/${subject.id}`} className="text-brand-700 hover:underline">
                      {t("mine.choosePeers", { count: subject.peers })}
                    </Link>
                  ) : (
                    <span className="text-xs text-slate-500">{t("mine.reportAfterClose")}</span>
                  )}
                </div>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section className="card overflow-hidden" aria-label={t("mine.submitted")}>
        <h2 className="px-5 pt-4 text-base font-semibold text-slate-900">{t("mine.submitted")}</h2>
        {submitted.rows.length === 0 ? (
          <p className="px-5 pb-5 pt-2 text-sm text-slate-500">{t("mine.nothingSubmitted")}</p>
        ) : (
          <>
            <table className="table-base">
              <thead>
                <tr>
                  <th scope="col">{t("mine.whom")}</th>
                  <th scope="col">{t("mine.as")}</th>
                  <th scope="col">{t("reports.cycle")}</th>
                  <th scope="col">{t("mine.submittedAt")}</th>
                </tr>
              </thead>
              <tbody>
                {submitted.rows.map((row) => (
                  <tr key={row.id}>
                    <td>{row.group === "self" ? t("mine.myself") : row.subject}</td>
                    <td>{t(`groups.${row.group}`)}</td>
                    <td>{row.cycle}</td>
                    <td className="whitespace-nowrap">{format.dateTime(row.submittedAt)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            <Pagination page={page} pageSize={pageSize} total={submitted.total} />
          </>
        )}
      </section>
    </div>
  );
}
