import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

export type CompletionBar = { id: string; name: string; percent: number; assigned: number; completed: number };

/** Completion % as vertical bars (teams, courses). */
export function CompletionChart({
  rows,
  label,
  seriesName,
}: {
  rows: CompletionBar[];
  label: string;
  seriesName: string;
}) {
  return (
    <div className="h-72 w-full" role="img" aria-label={label}>
      <ResponsiveContainer width="100%" height="100%" initialDimension={{ width: 560, height: 288 }}>
        <BarChart data={rows} margin={{ top: 8, right: 16, bottom: 48, left: -8 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} stroke="#e2e8f0" />
          <XAxis dataKey="name" tick={{ fontSize: 11 }} interval={0} angle={-25} textAnchor="end" height={60} />
          <YAxis domain={[0, 100]} tick={{ fontSize: 12 }} unit="%" />
          <Tooltip formatter={(value) => [`${String(value)}%`, seriesName]} />
          <Bar dataKey="percent" name={seriesName} fill="#337dff" radius={[4, 4, 0, 0]} />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
