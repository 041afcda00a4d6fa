import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";

type Hardest = {
  scenarioId: string;
  title: string;
  sessions: number;
  meanScore: number | null;
  passRate: number | null;
};
type Missed = {
  scenarioId: string;
  title: string;
  key: string;
  label: string;
  missed: number;
  seen: number;
  missRate: number;
};
type AgentRow = {
  id: string;
  name: string;
  externalId: string;
  team: string | null;
  attempted: number;
  sessions: number;
  best: number | null;
  latest: number | null;
  latestSessionId: string | null;
  weakestStep: { label: string; missed: number; seen: number; missRate: number } | null;
};

const th = "px-4 py-2 font-medium";
const figure = (value: number | null, suffix = "") => (value === null ? "—" : `${value}${suffix}`);

export function HardestScenarios({ rows }: { rows: readonly Hardest[] }) {
  const { t } = useTranslation("roleplay");
  return (
    <table className="w-full text-sm" data-testid="hardest-scenarios">
      <thead className="bg-slate-50 text-left text-xs text-slate-500">
        <tr>
          <th className={th}>{t("progress.scenario")}</th>
          <th className={`${th} text-right`}>{t("progress.sessions")}</th>
          <th className={`${th} text-right`}>{t("progress.meanScore")}</th>
          <th className={`${th} text-right`}>{t("progress.passRate")}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.scenarioId} className="border-t border-slate-100">
            <td className="px-4 py-2 text-slate-900">{row.title}</td>
            <td className="px-4 py-2 text-right tabular-nums">{row.sessions}</td>
            <td className="px-4 py-2 text-right tabular-nums">{figure(row.meanScore)}</td>
            <td className="px-4 py-2 text-right tabular-nums">{figure(row.passRate, "%")}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function MostMissedSteps({ rows }: { rows: readonly Missed[] }) {
  const { t } = useTranslation("roleplay");
  return (
    <table className="w-full text-sm" data-testid="most-missed-steps">
      <thead className="bg-slate-50 text-left text-xs text-slate-500">
        <tr>
          <th className={th}>{t("progress.scenario")}</th>
          <th className={th}>{t("progress.step")}</th>
          <th className={`${th} text-right`}>{t("progress.missRate")}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={`${row.scenarioId}-${row.key}`} className="border-t border-slate-100">
            <td className="px-4 py-2 text-slate-600">{row.title}</td>
            <td className="px-4 py-2 text-slate-900">{row.label}</td>
            <td className="px-4 py-2 text-right tabular-nums">
              {t("progress.missedOf", { rate: row.missRate, missed: row.missed, seen: row.seen })}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function AgentProgressTable({ rows }: { rows: readonly AgentRow[] }) {
  const { t } = useTranslation("roleplay");
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-sm" data-testid="agent-progress">
        <thead className="bg-slate-50 text-left text-xs text-slate-500">
          <tr>
            <th className={th}>{t("progress.agent")}</th>
            <th className={th}>{t("progress.team")}</th>
            <th className={`${th} text-right`}>{t("progress.attempted")}</th>
            <th className={`${th} text-right`}>{t("progress.sessions")}</th>
            <th className={`${th} text-right`}>{t("progress.best")}</th>
            <th className={`${th} text-right`}>{t("progress.latest")}</th>
            <th className={th}>{t("progress.weakest")}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id} className="border-t border-slate-100">
              <td className="px-4 py-2">
                <span className="text-slate-900">{row.name}</span>
                <span className="ml-1 font-mono text-xs text-slate-400">{row.externalId}</span>
              </td>
              <td className="px-4 py-2 text-slate-600">{row.team ?? "—"}</td>
              <td className="px-4 py-2 text-right tabular-nums">{row.attempted}</td>
              <td className="px-4 py-2 text-right tabular-nums">{row.sessions}</td>
              <td className="px-4 py-2 text-right tabular-nums">{figure(row.best)}</td>
              <td className="px-4 py-2 text-right tabular-nums">
                {row.latestSessionId ? (
                  <Link
                    to={`/learn/roleplay/sessions/${row.latestSessionId}`}
                    className="text-brand-700 hover:underline"
                  >
                    {figure(row.latest)}
                  </Link>
                ) : (
                  figure(row.latest)
                )}
              </td>
              <td className="px-4 py-2 text-slate-700">
                {row.weakestStep
                  ? t("progress.weakestOf", {
                      label: row.weakestStep.label,
                      missed: row.weakestStep.missed,
                      seen: row.weakestStep.seen,
                    })
                  : "—"}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
