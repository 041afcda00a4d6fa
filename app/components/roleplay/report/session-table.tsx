import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { useFormat } from "~/utils/use-format";
import { OutcomeBadge, PassBadge } from "./session-report";

type Row = {
  id: string;
  title: string;
  version: number;
  mode: string;
  status: string;
  outcome: string | null;
  startedAt: string | Date;
  endedAt: string | Date | null;
  autoScore: number | null;
  finalScore: number | null;
  passed: boolean | null;
};

export function SessionTable({ rows }: { rows: readonly Row[] }) {
  const { t } = useTranslation("roleplay");
  const format = useFormat();
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-sm" data-testid="my-sessions">
        <thead className="bg-slate-50 text-left text-xs text-slate-500">
          <tr>
            <th className="px-4 py-2 font-medium">{t("play.sessions.scenario")}</th>
            <th className="px-4 py-2 font-medium">{t("play.sessions.mode")}</th>
            <th className="px-4 py-2 font-medium">{t("play.sessions.startedAt")}</th>
            <th className="px-4 py-2 font-medium">{t("play.sessions.outcome")}</th>
            <th className="px-4 py-2 text-right font-medium">{t("play.sessions.auto")}</th>
            <th className="px-4 py-2 text-right font-medium">{t("play.sessions.final")}</th>
            <th className="px-4 py-2 font-medium">{t("play.sessions.result")}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id} className="border-t border-slate-100">
              <td className="px-4 py-2">
                <Link to={`/learn/roleplay/sessions/${row.id}`} className="text-brand-700 hover:underline">
                  {row.title}
                </Link>
                <span className="ml-1 text-xs text-slate-400">v{row.version}</span>
              </td>
              <td className="px-4 py-2 text-slate-600">{t(`play.mode.${row.mode}`)}</td>
              <td className="px-4 py-2 text-slate-600">{format.dateTime(row.startedAt)}</td>
              <td className="px-4 py-2">
                {row.status === "in_progress" ? (
                  <span className="badge bg-sky-100 text-sky-800">{t("play.status.in_progress")}</span>
                ) : (
                  <OutcomeBadge outcome={row.outcome} />
                )}
              </td>
              <td className="px-4 py-2 text-right tabular-nums">{row.autoScore ?? "—"}</td>
              <td className="px-4 py-2 text-right tabular-nums">{row.finalScore ?? "—"}</td>
              <td className="px-4 py-2">
                {row.status === "pending_review" ? (
                  <span className="badge bg-amber-100 text-amber-800">{t("play.status.pending_review")}</span>
                ) : row.status === "completed" || row.status === "abandoned" ? (
                  <PassBadge passed={row.passed} />
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
