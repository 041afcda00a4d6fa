import { useTranslation } from "react-i18next";
import { CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { StatCard } from "~/components/page-header";
import type { RaterGroup } from "~/modules/feedback/scoring";
import { useFormat } from "~/utils/use-format";

export type ReportData = {
  subject: { name: string; externalId: string; team: string | null };
  cycle: {
    name: string;
    periodStart: string | Date;
    periodEnd: string | Date;
    minResponses: number;
    weights: Record<string, number>;
  };
  competencies: { id: string; name: string; description: string; weight: number }[];
  groups: {
    group: RaterGroup;
    responses: number;
    visible: boolean;
    means: Record<string, number>;
    score: number | null;
  }[];
  overall: number | null;
  others: Record<string, number>;
  othersScore: number | null;
  gap: Record<string, number>;
  gapScore: number | null;
  comments: { group: RaterGroup; text: string }[];
  trend: { cycleId: string; name: string; overall: number | null; change: number | null }[];
};

function useScore() {
  const format = useFormat();
  return (value: number | null | undefined) =>
    value === null || value === undefined
      ? "—"
      : format.number(value, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
}

function signed(value: number | null | undefined, score: (value: number | null | undefined) => string) {
  if (value === null || value === undefined) return "—";
  return value > 0 ? `+${score(value)}` : score(value);
}

export function ReportView({ report }: { report: ReportData }) {
  const { t } = useTranslation("feedback");
  const score = useScore();
  const shown = report.groups.filter((group) => group.responses > 0 || group.visible);
  return (
    <div className="space-y-6">
      <div className="grid gap-4 sm:grid-cols-3">
        <StatCard label={t("report.overall")} value={score(report.overall)} hint={t("report.overallHint")} />
        <StatCard label={t("report.othersScore")} value={score(report.othersScore)} hint={t("report.othersHint")} />
        <StatCard label={t("report.gapScore")} value={signed(report.gapScore, score)} hint={t("report.gapHint")} />
      </div>
      <section className="card overflow-hidden" aria-label={t("report.byGroup")}>
        <h2 className="px-5 pt-4 text-base font-semibold text-slate-900">{t("report.byGroup")}</h2>
        <p className="px-5 pb-3 text-xs text-slate-500">
          {t("report.anonymityRule", { count: report.cycle.minResponses })}
        </p>
        <div className="overflow-x-auto">
          <table className="table-base">
            <thead>
              <tr>
                <th scope="col">{t("report.competency")}</th>
                {shown.map((group) => (
                  <th key={group.group} scope="col">
                    {t(`groups.${group.group}`)}
                    <span className="block text-xs font-normal text-slate-400">
                      {group.visible
                        ? t("report.responses", { count: group.responses })
                        : t("report.hidden", { count: report.cycle.minResponses })}
                    </span>
                  </th>
                ))}
                <th scope="col">{t("report.others")}</th>
                <th scope="col">{t("report.gap")}</th>
              </tr>
            </thead>
            <tbody>
              {report.competencies.map((competency) => (
                <tr key={competency.id}>
                  <th scope="row" className="text-left font-medium text-slate-800">
                    {competency.name}
                    <span className="block text-xs font-normal text-slate-400">
                      {t("report.weight", { weight: competency.weight })}
                    </span>
                  </th>
                  {shown.map((group) => (
                    <td key={group.group}>
                      {group.visible ? (
                        score(group.means[competency.id])
                      ) : (
                        <span className="text-xs text-slate-400">—</span>
                      )}
                    </td>
                  ))}
                  <td>{score(report.others[competency.id])}</td>
                  <td className={(report.gap[competency.id] ?? 0) > 0.5 ? "text-amber-700" : ""}>
                    {signed(report.gap[competency.id], score)}
                  </td>
                </tr>
              ))}
              <tr className="bg-slate-50 font-semibold">
                <th scope="row" className="text-left">
                  {t("report.weighted")}
                </th>
                {shown.map((group) => (
                  <td key={group.group}>{group.visible ? score(group.score) : null}</td>
                ))}
                <td>{score(report.othersScore)}</td>
                <td>{signed(report.gapScore, score)}</td>
              </tr>
            </tbody>
          </table>
        </div>
      </section>
      <div className="grid gap-6 lg:grid-cols-2">
        <section className="card p-5">
          <h2 className="mb-3 text-base font-semibold text-slate-900">{t("report.trend")}</h2>
          {report.trend.length > 1 ? (
            <div className="h-64 w-full" role="img" aria-label={t("report.trend")}>
              <ResponsiveContainer width="100%" height="100%" initialDimension={{ width: 480, height: 256 }}>
                <LineChart data={report.trend} margin={{ top: 8, right: 16, bottom: 0, left: -16 }}>
                  <CartesianGrid strokeDasharray="3 3" vertical={false} stroke="#e2e8f0" />
                  <XAxis dataKey="name" tick={{ fontSize: 11 }} />
                  <YAxis domain={[1, 5]} ticks={[1, 2, 3, 4, 5]} tick={{ fontSize: 12 }} />
                  <Tooltip />
                  <Line
                    type="monotone"
                    dataKey="overall"
                    name={t("report.overall")}
                    stroke="#337dff"
                    strokeWidth={2}
                    connectNulls
                  />
                </LineChart>
              </ResponsiveContainer>
            </div>
          ) : (
            <p className="text-sm text-slate-500">{t("report.trendEmpty")}</p>
          )}
          <ul className="mt-3 space-y-1 text-sm text-slate-600">
            {report.trend.map((point) => (
              <li key={point.cycleId} className="flex justify-between">
                <span>{point.name}</span>
                <span>
                  {score(point.overall)}
                  {point.change !== null ? (
                    <span className="ml-2 text-xs text-slate-400">{signed(point.change, score)}</span>
                  ) : null}
                </span>
              </li>
            ))}
          </ul>
        </section>
        <section className="card p-5">
          <h2 className="mb-1 text-base font-semibold text-slate-900">{t("report.comments")}</h2>
          <p className="mb-3 text-xs text-slate-500">{t("report.commentsHint")}</p>
          {report.comments.length === 0 ? (
            <p className="text-sm text-slate-500">{t("report.noComments")}</p>
          ) : (
            <ul className="space-y-2">
              {report.comments.map((comment, index) => (
                <li key={index} className="rounded-md bg-slate-50 px-3 py-2 text-sm text-slate-700">
                  <span className="mr-2 text-xs font-medium text-slate-500">{t(`groups.${comment.group}`)}</span>
                  {comment.text}
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>
    </div>
  );
}
