import { useTranslation } from "react-i18next";
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

export type TenureChartRow = { name: string; under1y: number; from1to3y: number; over3y: number };

export function TenureChart({ rows }: { rows: TenureChartRow[] }) {
  const { t } = useTranslation("home");
  return (
    <div className="h-72 w-full" role="img" aria-label={t("manager.tenureChart")}>
      <ResponsiveContainer width="100%" height="100%" initialDimension={{ width: 640, height: 288 }}>
        <BarChart data={rows} margin={{ top: 8, right: 16, bottom: 0, left: -8 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} stroke="#e2e8f0" />
          <XAxis dataKey="name" tick={{ fontSize: 12 }} />
          <YAxis allowDecimals={false} tick={{ fontSize: 12 }} />
          <Tooltip />
          <Legend wrapperStyle={{ fontSize: 12 }} />
          <Bar dataKey="under1y" name={t("manager.bands.under1y")} stackId="tenure" fill="#8ec3ff" />
          <Bar dataKey="from1to3y" name={t("manager.bands.1to3y")} stackId="tenure" fill="#337dff" />
          <Bar
            dataKey="over3y"
            name={t("manager.bands.over3y")}
            stackId="tenure"
            fill="#173bb6"
            radius={[4, 4, 0, 0]}
          />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
