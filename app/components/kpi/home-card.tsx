import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { formatKpiValue } from "~/modules/kpi/format";
import { useFormat } from "~/utils/use-format";
import { MetBadge } from "./kpi-card";

type Headline = {
  period: string;
  items: {
    key: string;
    name: string;
    unit: string;
    value: number | null;
    target: number | null;
    met: boolean | null;
  }[];
};

/** "我的指标" on the agent home: a few headline KPIs of the newest computed month. */
export function MyKpiHomeCard({ kpis }: { kpis: Headline | null }) {
  const { t } = useTranslation("kpi");
  const format = useFormat();
  return (
    <section className="card p-5" aria-labelledby="home-kpis" data-testid="home-kpis">
      <div className="mb-3 flex items-center justify-between">
        <h2 id="home-kpis" className="font-semibold text-slate-900">
          {t("home.title")}
          {kpis ? <span className="ml-2 text-sm font-normal text-slate-500">{kpis.period}</span> : null}
        </h2>
        <Link to="/performance/kpi" className="text-sm text-brand-700 hover:underline">
          {t("home.all")}
        </Link>
      </div>
      {!kpis || kpis.items.length === 0 ? (
        <p className="text-sm text-slate-500">{t("home.empty")}</p>
      ) : (
        <ul className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
          {kpis.items.map((item) => (
            <li key={item.key} className="rounded-lg border border-slate-100 p-3">
              <p className="text-xs text-slate-500">{item.name}</p>
              <p
                className={`mt-1 text-xl font-semibold tabular-nums ${item.met === false ? "text-rose-700" : "text-slate-900"}`}
              >
                {formatKpiValue(item.value, item.unit, format.context.locale)}
              </p>
              <div className="mt-1 flex items-center justify-between gap-2 text-xs text-slate-400">
                <span>
                  {t("mine.target")} {formatKpiValue(item.target, item.unit, format.context.locale)}
                </span>
                {item.value !== null ? <MetBadge met={item.met} /> : null}
              </div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
