import { useTranslation } from "react-i18next";
import {
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
  ReferenceLine,
} from "recharts";
import { formatKpiValue } from "~/modules/kpi/format";
import { useFormat } from "~/utils/use-format";

export type TrendPointView = { period: string; value: number | null; teamMedian: number | null };

/** One KPI's last 12 months: the person's value, the team median and the target line. */
export function KpiTrendChart({
  points,
  unit,
  target,
  label,
}: {
  points: TrendPointView[];
  unit: string;
  target: number | null;
  label: string;
}) {
  const { t } = useTranslation("kpi");
  const format = useFormat();
  const locale = format.context.locale;
  const scale = unit === "hours" ? 3600 : 1;
  const data = points.map((point) => ({
    label: point.period.slice(2),
    mine: point.value === null ? null : point.value / scale,
    median: point.teamMedian === null ? null : point.teamMedian / scale,
  }));
  const show = (value: unknown) => (typeof value === "number" ? formatKpiValue(value * scale, unit, locale) : "—");
  return (
    <div className="h-40 w-full" role="img" aria-label={label}>
      <ResponsiveContainer width="100%" height="100%" initialDimension={{ width: 360, height: 160 }}>
        <LineChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: -16 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} stroke="#e2e8f0" />
          <XAxis dataKey="label" tick={{ fontSize: 10 }} interval="preserveStartEnd" />
          <YAxis tick={{ fontSize: 10 }} width={48} />
          <Tooltip formatter={(value) => show(value)} />
          <Legend wrapperStyle={{ fontSize: 11 }} />
          {target !== null ? <ReferenceLine y={target / scale} stroke="#f59e0b" strokeDasharray="4 3" /> : null}
          <Line
            type="monotone"
            dataKey="mine"
            name={t("mine.trendMine")}
            stroke="#173bb6"
            strokeWidth={2}
            connectNulls
            dot={{ r: 2 }}
          />
          <Line
            type="monotone"
            dataKey="median"
            name={t("mine.trendMedian")}
            stroke="#94a3b8"
            strokeWidth={1.5}
            strokeDasharray="4 3"
            connectNulls
            dot={false}
          />
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
