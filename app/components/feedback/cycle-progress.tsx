import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { RATER_GROUPS, type RaterGroup } from "~/modules/feedback/scoring";
import { useFormat } from "~/utils/use-format";

type Counts = Partial<Record<RaterGroup, { total: number; submitted: number }>>;

export function CycleProgressTable({
  subjects,
  closed,
}: {
  subjects: {
    id: string;
    name: string;
    externalId: string;
    team: string | null;
    overallScore: number | null;
    acknowledged: boolean;
    groups: Counts;
  }[];
  closed: boolean;
}) {
  const { t } = useTranslation("feedback");
  const format = useFormat();
  return (
    <div className="overflow-x-auto">
      <table className="table-base">
        <thead>
          <tr>
            <th scope="col">{t("cycles.subject")}</th>
            {RATER_GROUPS.map((group) => (
              <th key={group} scope="col">
                {t(`groups.${group}`)}
              </th>
            ))}
            {closed ? <th scope="col">{t("report.overall")}</th> : null}
            {closed ? <th scope="col">{t("report.acknowledged")}</th> : null}
          </tr>
        </thead>
        <tbody>
          {subjects.map((subject) => (
            <tr key={subject.id}>
              <td>
                {closed ? (
                  <Link to={`/feedback/reports/${subject.id}`} className="font-medium text-brand-700 hover:underline">
                    {subject.name}
                  </Link>
                ) : (
                  <span className="font-medium text-slate-900">{subject.name}</span>
                )}
                <p className="text-xs text-slate-500">
                  {subject.externalId}
                  {subject.team ? ` · ${subject.team}` : ""}
                </p>
              </td>
              {RATER_GROUPS.map((group) => {
                const counts = subject.groups[group];
                return (
                  <td key={group} className="whitespace-nowrap">
                    {counts ? (
                      <span className={counts.submitted === counts.total ? "text-emerald-700" : "text-slate-700"}>
                        {counts.submitted}/{counts.total}
                      </span>
                    ) : (
                      <span className="text-slate-300">—</span>
                    )}
                  </td>
                );
              })}
              {closed ? (
                <td>
                  {subject.overallScore === null
                    ? "—"
                    : format.number(subject.overallScore, { maximumFractionDigits: 2 })}
                </td>
              ) : null}
              {closed ? <td>{subject.acknowledged ? t("report.yes") : t("report.no")}</td> : null}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** For chasing: who still has requests open and how many, deliberately not linked to subjects. */
export function PendingRaters({
  raters,
  total,
}: {
  raters: { name: string; externalId: string; pending: number }[];
  total: number;
}) {
  const { t } = useTranslation("feedback");
  return (
    <section className="card p-5">
      <h2 className="text-base font-semibold text-slate-900">{t("cycles.pendingRaters")}</h2>
      <p className="mb-3 text-xs text-slate-500">{t("cycles.pendingRatersHint")}</p>
      {raters.length === 0 ? (
        <p className="text-sm text-slate-500">{t("cycles.nobodyPending")}</p>
      ) : (
        <ul className="flex flex-wrap gap-2 text-sm">
          {raters.map((rater) => (
            <li key={rater.externalId} className="rounded-md bg-amber-50 px-3 py-1 text-amber-800">
              {rater.name}（{rater.externalId}）· {t("cycles.pendingCount", { count: rater.pending })}
            </li>
          ))}
        </ul>
      )}
      {total > raters.length ? (
        <p className="mt-2 text-xs text-slate-500">{t("cycles.morePending", { count: total - raters.length })}</p>
      ) : null}
    </section>
  );
}
