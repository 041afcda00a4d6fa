import { useNavigate } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";

const TEAM_COLOURS = ["#0ea5e9", "#f59e0b", "#10b981", "#a855f7", "#ef4444", "#64748b", "#14b8a6", "#ec4899"];

export type TrendDatum = { label: string; link: string; overall: number | null; redLines: number } & Record<
  string,
  string | number | null
>;

/** recharts reports the clicked category's index; the datum carries its drill-down link. */
function useOpenIndex(data: { link: string }[]) {
  const navigate = useNavigate();
  return (state: { activeIndex?: number | string | null } | null | undefined) => {
    const index = Number(state?.activeIndex);
    const target = Number.isInteger(index) ? data[index] : undefined;
    if (target) navigate(target.link);
  };
}

export function ScoreTrendChart({ data, teams }: { data: TrendDatum[]; teams: { id: string; name: string }[] }) {
  const { t } = useTranslation("qa-reports");
  const open = useOpenIndex(data);
  return (
    <div className="h-80 w-full cursor-pointer" role="img" aria-label={t("trend.title")}>
      <ResponsiveContainer width="100%" height="100%" initialDimension={{ width: 720, height: 320 }}>
        <LineChart data={data} margin={{ top: 8, right: 16, bottom: 0, left: -8 }} onClick={open}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} stroke="#e2e8f0" />
          <XAxis dataKey="label" tick={{ fontSize: 12 }} />
          <YAxis domain={[0, 100]} tick={{ fontSize: 12 }} />
          <Tooltip formatter={(value) => (typeof value === "number" ? value.toFixed(1) : value)} />
          <Legend wrapperStyle={{ fontSize: 12 }} />
          <Line
            type="monotone"
            dataKey="overall"
            name={t("trend.overall")}
            stroke="#173bb6"
            strokeWidth={3}
            connectNulls
            dot={{ r: 3 }}
          />
          {teams.map((team, index) => (
            <Line
              key={team.id}
              type="monotone"
              dataKey={`team_${team.id}`}
              name={team.name}
              stroke={TEAM_COLOURS[index % TEAM_COLOURS.length]}
              strokeWidth={1.5}
              strokeDasharray="4 3"
              connectNulls
              dot={{ r: 2 }}
            />
          ))}
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}

export function RedLineChart({ data }: { data: TrendDatum[] }) {
  const { t } = useTranslation("qa-reports");
  const open = useOpenIndex(data);
  return (
    <div className="h-56 w-full cursor-pointer" role="img" aria-label={t("redLines.chart")}>
      <ResponsiveContainer width="100%" height="100%" initialDimension={{ width: 480, height: 224 }}>
        <BarChart data={data} margin={{ top: 8, right: 16, bottom: 0, left: -16 }} onClick={open}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} stroke="#e2e8f0" />
          <XAxis dataKey="label" tick={{ fontSize: 12 }} />
          <YAxis allowDecimals={false} tick={{ fontSize: 12 }} />
          <Tooltip />
          <Bar dataKey="redLines" name={t("redLines.count")} fill="#e11d48" radius={[4, 4, 0, 0]} />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}

export type FailedDatum = { name: string; failed: number; link: string };

export function MostFailedChart({ data }: { data: FailedDatum[] }) {
  const { t } = useTranslation("qa-reports");
  const open = useOpenIndex(data);
  return (
    <div
      className="w-full cursor-pointer"
      style={{ height: 48 + data.length * 32 }}
      role="img"
      aria-label={t("mostFailed.title")}
    >
      <ResponsiveContainer width="100%" height="100%" initialDimension={{ width: 480, height: 48 + data.length * 32 }}>
        <BarChart data={data} layout="vertical" margin={{ top: 8, right: 24, bottom: 0, left: 8 }} onClick={open}>
          <CartesianGrid strokeDasharray="3 3" horizontal={false} stroke="#e2e8f0" />
          <XAxis type="number" allowDecimals={false} tick={{ fontSize: 12 }} />
          <YAxis type="category" dataKey="name" width={140} tick={{ fontSize: 12 }} />
          <Tooltip />
          <Bar dataKey="failed" name={t("mostFailed.failures")} fill="#f59e0b" radius={[0, 4, 4, 0]} />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
