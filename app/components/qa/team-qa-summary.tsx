import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { useFormat } from "~/utils/use-format";

export interface TeamQaSummaryView {
  monthStart: string;
  reviews: number;
  average: number | null;
  passRate: number | null;
  redLines: number;
  openCoaching: number;
  openDisputes: number;
}

/** This month's QA figures for a lead's teams or the whole department, linking to the reports behind them. */
export function TeamQaSummary({ summary, showDisputes }: { summary: TeamQaSummaryView; showDisputes: boolean }) {
  const { t } = useTranslation(["home"]);
  const format = useFormat();
  const figures = [
    {
      label: t("home:teamQa.average"),
      value: summary.average === null ? "—" : format.number(summary.average, { maximumFractionDigits: 1 }),
      to: "/qa/reports?period=month",
    },
    { label: t("home:teamQa.reviews"), value: format.number(summary.reviews), to: "/qa/reports?period=month" },
    {
      label: t("home:teamQa.passRate"),
      value:
        summary.passRate === null
          ? "—"
          : format.number(summary.passRate, { style: "percent", maximumFractionDigits: 1 }),
      to: "/qa/reports?period=month",
    },
    {
      label: t("home:teamQa.redLines"),
      value: format.number(summary.redLines),
      to: `/qa/reviews?critical=1&from=${summary.monthStart}`,
      alert: summary.redLines > 0,
    },
    { label: t("home:teamQa.openCoaching"), value: format.number(summary.openCoaching), to: "/qa/coaching" },
    ...(showDisputes
      ? [{ label: t("home:teamQa.openDisputes"), value: format.number(summary.openDisputes), to: "/qa/disputes" }]
      : []),
  ];
  return (
    <section className="card" aria-labelledby="team-qa">
      <div className="flex items-center justify-between border-b border-slate-100 px-5 py-4">
        <h2 id="team-qa" className="font-semibold text-slate-900">
          {t("home:teamQa.title")}
        </h2>
        <Link to="/qa/reports" className="text-sm text-brand-600 hover:underline">
          {t("home:viewAll")}
        </Link>
      </div>
      <dl className="grid gap-4 p-5 sm:grid-cols-3 lg:grid-cols-6">
        {figures.map((figure) => (
          <div key={figure.label}>
            <dt className="text-sm text-slate-500">{figure.label}</dt>
            <dd className={`mt-1 text-2xl font-semibold ${figure.alert ? "text-rose-600" : "text-slate-900"}`}>
              <Link to={figure.to} className="hover:underline">
                {figure.value}
              </Link>
            </dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
