import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { formatKpiValue } from "~/modules/kpi/format";
import { useFormat } from "~/utils/use-format";
import { KpiTrendChart, type TrendPointView } from "./trend-chart";

export type KpiCardView = {
  key: string;
  metric: string;
  name: string;
  unit: string;
  direction: "higher" | "lower";
  value: number | null;
  target: number | null;
  teamMedian: number | null;
  met: boolean | null;
  sampleSize: number;
  trend: TrendPointView[];
  drillHref: string;
};

export function MetBadge({ met }: { met: boolean | null }) {
  const { t } = useTranslation("kpi");
  if (met === null) return <span className="badge bg-slate-100 text-slate-500">{t("mine.noTarget")}</span>;
  return met ? (
    <span className="badge bg-emerald-50 text-emerald-700">{t("mine.met")}</span>
  ) : (
    <span className="badge bg-rose-50 text-rose-700">{t("mine.below")}</span>
  );
}

export function KpiCard({ card }: { card: KpiCardView }) {
  const { t } = useTranslation("kpi");
  const format = useFormat();
  const locale = format.context.locale;
  return (
    <article className="card flex flex-col p-5" aria-label={card.name} data-testid={`kpi-card-${card.key}`}>
      <div className="flex items-start justify-between gap-2">
        <div>
          <h2 className="font-medium text-slate-900">{card.name}</h2>
          <p className="text-xs text-slate-400">{t(`direction.${card.direction}`)}</p>
        </div>
        <MetBadge met={card.value === null ? null : card.met} />
      </div>
      <p
        className={`mt-3 text-3xl font-semibold tabular-nums ${card.met === false ? "text-rose-700" : "text-slate-900"}`}
      >
        {card.value === null ? (
          <span className="text-base font-normal text-slate-400">{t("mine.noValue")}</span>
        ) : (
          formatKpiValue(card.value, card.unit, locale)
        )}
      </p>
      <dl className="mt-2 grid grid-cols-2 gap-2 text-sm">
        <div>
          <dt className="text-slate-500">{t("mine.target")}</dt>
          <dd className="tabular-nums">{formatKpiValue(card.target, card.unit, locale)}</dd>
        </div>
        <div>
          <dt className="text-slate-500">{t("mine.median")}</dt>
          <dd className="tabular-nums">{formatKpiValue(card.teamMedian, card.unit, locale)}</dd>
        </div>
      </dl>
      <p className="mt-3 text-xs font-medium text-slate-500">{t("mine.trend")}</p>
      <KpiTrendChart
        points={card.trend}
        unit={card.unit}
        target={card.target}
        label={`${card.name} · ${t("mine.trend")}`}
      />
      {card.value !== null ? (
        <Link to={card.drillHref} className="mt-2 self-start text-sm text-brand-700 hover:underline">
          {t("mine.details")}
          {card.sampleSize > 0 ? (
            <span className="ml-1 text-xs text-slate-400">{t("mine.sample", { count: card.sampleSize })}</span>
          ) : null}
        </Link>
      ) : null}
    </article>
  );
}
