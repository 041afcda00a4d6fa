import { useTranslation } from "react-i18next";
import { useFormat } from "~/utils/use-format";

export type HistoryRow = {
  id: string;
  changedAt: string;
  from: { code: string; name: string } | null;
  to: { code: string; name: string } | null;
  reason: string | null;
  viaProposal: boolean;
  changedBy: string | null;
};

export function LevelHistoryList({ rows }: { rows: HistoryRow[] }) {
  const { t } = useTranslation("levels");
  const format = useFormat();
  if (rows.length === 0) return <p className="px-4 py-3 text-sm text-slate-500">{t("history.empty")}</p>;
  return (
    <ol className="divide-y divide-slate-100" data-testid="level-history">
      {rows.map((row) => (
        <li key={row.id} className="flex flex-wrap items-baseline justify-between gap-2 px-4 py-3 text-sm">
          <div>
            <span className="font-medium text-slate-900">
              {row.from ? `${row.from.code} ${row.from.name} → ` : ""}
              {row.to ? `${row.to.code} ${row.to.name}` : ""}
            </span>
            <span className="ml-2 text-slate-500">
              {row.viaProposal ? t("history.viaProposal") : row.changedBy ? t("history.manual") : t("history.initial")}
              {row.changedBy ? ` · ${row.changedBy}` : ""}
            </span>
            {row.reason ? <p className="mt-1 text-slate-600">{t("history.reason", { reason: row.reason })}</p> : null}
          </div>
          <time className="text-slate-500" dateTime={row.changedAt}>
            {format.date(row.changedAt)}
          </time>
        </li>
      ))}
    </ol>
  );
}

export function ProgressBar({ value, label }: { value: number; label: string }) {
  const percent = Math.round(Math.min(1, Math.max(0, value)) * 100);
  return (
    <div
      className="h-2 w-full overflow-hidden rounded-full bg-slate-100"
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={percent}
    >
      <div
        className={`h-full rounded-full ${percent >= 100 ? "bg-emerald-500" : "bg-brand-500"}`}
        style={{ width: `${percent}%` }}
      />
    </div>
  );
}
