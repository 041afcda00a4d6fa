import { useTranslation } from "react-i18next";
import {
  Bar,
  BarChart,
  CartesianGrid,
  ReferenceLine,
  ResponsiveContainer,
  Scatter,
  ScatterChart,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";

export type ScatterPoint = { key: string; p: number; d: number; flagged: boolean };

/** Difficulty p (x) against discrimination D (y); the reference lines are the flag thresholds. */
export function ItemScatter({ points }: { points: ScatterPoint[] }) {
  const { t } = useTranslation("training-exams");
  const ok = points.filter((point) => !point.flagged);
  const flagged = points.filter((point) => point.flagged);
  return (
    <div className="h-72 w-full" role="img" aria-label={t("analysis.scatter")}>
      <ResponsiveContainer width="100%" height="100%" initialDimension={{ width: 640, height: 288 }}>
        <ScatterChart margin={{ top: 8, right: 16, bottom: 16, left: -8 }}>
          <CartesianGrid strokeDasharray="3 3" stroke="#e2e8f0" />
          <XAxis type="number" dataKey="p" domain={[0, 1]} name={t("analysis.p")} tick={{ fontSize: 12 }} />
          <YAxis type="number" dataKey="d" domain={[-1, 1]} name={t("analysis.d")} tick={{ fontSize: 12 }} />
          <ReferenceLine x={0.2} stroke="#f59e0b" strokeDasharray="4 4" />
          <ReferenceLine x={0.95} stroke="#f59e0b" strokeDasharray="4 4" />
          <ReferenceLine y={0.2} stroke="#f59e0b" strokeDasharray="4 4" />
          <ReferenceLine y={0} stroke="#e11d48" />
          <Tooltip formatter={(value, name) => [String(value), String(name)]} labelFormatter={() => ""} />
          <Scatter name={t("analysis.okItems")} data={ok} fill="#337dff" />
          <Scatter name={t("analysis.flaggedItems")} data={flagged} fill="#e11d48" />
        </ScatterChart>
      </ResponsiveContainer>
    </div>
  );
}

export function CategoryBars({ rows }: { rows: { category: string; p: number | null }[] }) {
  const { t } = useTranslation("training-exams");
  const data = rows.map((row) => ({
    category: row.category,
    p: row.p === null ? null : Math.round(row.p * 1000) / 10,
  }));
  return (
    <div className="h-64 w-full" role="img" aria-label={t("analysis.categoryChart")}>
      <ResponsiveContainer width="100%" height="100%" initialDimension={{ width: 640, height: 256 }}>
        <BarChart data={data} margin={{ top: 8, right: 16, bottom: 0, left: -8 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} stroke="#e2e8f0" />
          <XAxis dataKey="category" tick={{ fontSize: 12 }} />
          <YAxis domain={[0, 100]} unit="%" tick={{ fontSize: 12 }} />
          <Tooltip formatter={(value) => [`${String(value)}%`, t("analysis.meanP")]} />
          <Bar dataKey="p" name={t("analysis.meanP")} fill="#337dff" radius={[4, 4, 0, 0]} />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
