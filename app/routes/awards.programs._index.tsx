import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { EmptyState } from "~/components/empty-state";
import { titleFromLoader } from "~/components/meta";
import { PageHeader } from "~/components/page-header";
import { Pagination } from "~/components/pagination";
import { kpiChoices, listPrograms } from "~/modules/awards/programs.server";
import { pageTitle } from "~/modules/i18n/page-title.server";
import { requirePermission } from "~/modules/identity/session.server";
import { readPagination } from "~/utils/pagination";
import { useFormat } from "~/utils/use-format";

export const meta = titleFromLoader;

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "manage:award-program:any");
  const { page, pageSize } = readPagination(new URL(request.url));
  const [programs, kpis] = await Promise.all([listPrograms(page, pageSize), kpiChoices()]);
  return { programs, kpis, page, pageSize, pageTitle: await pageTitle(request, "awards:programAdmin.title") };
}

export default function AwardProgramsPage() {
  const { t, i18n } = useTranslation(["awards", "common"]);
  const format = useFormat();
  const { programs, kpis, page, pageSize } = useLoaderData<typeof loader>();
  const kpiName = new Map(kpis.map((kpi) => [kpi.key, i18n.language.startsWith("zh") ? kpi.nameZh : kpi.nameEn]));
  return (
    <div className="space-y-6">
      <PageHeader
        title={t("programAdmin.title")}
        description={t("programAdmin.description")}
        actions={
          <>
            <Link to="/awards/cycles" className="btn-ghost">
              {t("programAdmin.cycles")}
            </Link>
            <Link to="/awards/programs/new" className="btn-primary">
              {t("programAdmin.new")}
            </Link>
          </>
        }
      />
      <div className="card overflow-x-auto">
        {programs.rows.length === 0 ? (
          <EmptyState icon="flag" title={t("programAdmin.empty")} />
        ) : (
          <table className="table-base" data-testid="award-programs">
            <thead>
              <tr>
                <th>{t("programForm.fields.name")}</th>
                <th>{t("programForm.fields.subjectKind")}</th>
                <th>{t("programForm.fields.cadence")}</th>
                <th>{t("programAdmin.composite")}</th>
                <th>{t("programForm.fields.winnerCount")}</th>
                <th>{t("programForm.fields.bonusAmount")}</th>
                <th>{t("programAdmin.cycleCount")}</th>
                <th>{t("common:fields.status")}</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {programs.rows.map((program) => {
                const total = program.metrics.reduce((sum, metric) => sum + metric.weight, 0);
                return (
                  <tr key={program.id}>
                    <td>
                      <Link
                        to={`/awards/programs/${program.id}`}
                        className="font-medium text-brand-700 hover:underline"
                      >
                        {program.name}
                      </Link>
                      {program.kind === "improvement" ? (
                        <span className="badge ml-2 bg-violet-100 text-violet-800">
                          {t("programForm.options.kind.improvement")}
                        </span>
                      ) : null}
                    </td>
                    <td>{t(`programForm.options.subjectKind.${program.subjectKind}`)}</td>
                    <td>{t(`programForm.options.cadence.${program.cadence}`)}</td>
                    <td className="whitespace-normal text-xs text-slate-600">
                      {program.metrics
                        .map(
                          (metric) =>
                            `${kpiName.get(metric.kpiKey) ?? metric.kpiKey} ${format.number((metric.weight / total) * 100, { maximumFractionDigits: 0 })}%`,
                        )
                        .join(" · ")}
                    </td>
                    <td>
                      {program.winnersPerTeam
                        ? t("programAdmin.perTeam", { count: program.winnerCount })
                        : program.winnerCount}
                    </td>
                    <td className="tabular-nums">¥{format.number(program.bonusAmount)}</td>
                    <td className="tabular-nums">{program.cycles}</td>
                    <td>
                      <span
                        className={`badge ${program.active ? "bg-emerald-100 text-emerald-800" : "bg-slate-100 text-slate-600"}`}
                      >
                        {t(program.active ? "programAdmin.active" : "programAdmin.inactive")}
                      </span>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        )}
      </div>
      <Pagination page={page} pageSize={pageSize} total={programs.total} />
    </div>
  );
}
