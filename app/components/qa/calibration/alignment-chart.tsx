import { useTranslation } from "react-i18next";
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

export type AlignmentChartRow = { name: string; alignment: number | null };

/** Alignment with the benchmark per inspector, in percent. */
export function AlignmentChart({ rows }: { rows: AlignmentChartRow[] }) {
  const { t } = useTranslation(["qa-calibration"]);
  const data = rows.map((row) => ({
    name: row.name,
    alignment: row.alignment === null ? null : Math.round(row.alignment * 1000) / 10,
  }));
  return (
    <div className="h-64 w-full" role="img" aria-label={t("qa-calibration:results.alignmentChart")}>
      <ResponsiveContainer width="100%" height="100%" initialDimension={{ width: 640, height: 256 }}>
        <BarChart data={data} margin={{ top: 8, right: 16, bottom: 0, left: -8 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} stroke="#e2e8f0" />
          <XAxis dataKey="name" tick={{ fontSize: 12 }} />
          <YAxis domain={[0, 100]} unit="%" tick={{ fontSize: 12 }} />
          <Tooltip formatter={(value) => [`${String(value)}%`, t("qa-calibration:results.alignment")]} />
          <Bar dataKey="alignment" name={t("qa-calibration:results.alignment")} fill="#337dff" radius={[4, 4, 0, 0]} />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
