import { useTranslation } from "react-i18next";

export type CategoryScoreRow = { category: string; score: number; maxScore: number; percent: number };

/** Per-category scores as bars, in the order the categories first appear on the paper. */
export function CategoryScores({ rows, passPercent }: { rows: CategoryScoreRow[]; passPercent: number }) {
  const { t } = useTranslation("training-attempts");
  if (rows.length === 0) return null;
  return (
    <section className="card p-5" aria-label={t("result.byCategory")}>
      <h2 className="text-base font-semibold text-slate-900">{t("result.byCategory")}</h2>
      <ul className="mt-4 space-y-3">
        {rows.map((row) => (
          <li key={row.category}>
            <div className="flex items-baseline justify-between text-sm">
              <span className="font-medium text-slate-700">{row.category}</span>
              <span className="tabular-nums text-slate-600">
                {t("result.scoreOf", { score: row.score, maxScore: row.maxScore })} · {row.percent}%
              </span>
            </div>
            <div className="mt-1 h-2 overflow-hidden rounded-full bg-slate-100">
              <div
                className={`h-full rounded-full ${row.percent >= passPercent ? "bg-emerald-500" : "bg-amber-500"}`}
                style={{ width: `${Math.min(100, Math.max(0, row.percent))}%` }}
              />
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
