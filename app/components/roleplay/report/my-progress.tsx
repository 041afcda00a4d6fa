import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { StatCard } from "~/components/page-header";

type Summary = {
  attempted: number;
  sessions: number;
  completed: number;
  passed: number;
  best: number | null;
  latest: { sessionId: string; title: string; finalScore: number | null; passed: boolean | null } | null;
  weakestSteps: { label: string; missed: number; seen: number; missRate: number }[];
};

export function MyProgress({ summary }: { summary: Summary }) {
  const { t } = useTranslation("roleplay");
  return (
    <section className="space-y-4" aria-labelledby="my-progress">
      <h2 id="my-progress" className="text-base font-semibold text-slate-900">
        {t("play.progress.title")}
      </h2>
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        <StatCard label={t("play.progress.attempted")} value={summary.attempted} />
        <StatCard
          label={t("play.progress.sessions")}
          value={summary.sessions}
          hint={t("play.progress.passedOf", { passed: summary.passed, completed: summary.completed })}
        />
        <StatCard label={t("play.progress.best")} value={summary.best ?? "—"} />
        <StatCard
          label={t("play.progress.latest")}
          value={
            summary.latest ? (
              <Link to={`/learn/roleplay/sessions/${summary.latest.sessionId}`} className="hover:underline">
                {summary.latest.finalScore ?? "—"}
              </Link>
            ) : (
              "—"
            )
          }
          hint={summary.latest?.title}
        />
      </div>
      <div className="card p-4">
        <h3 className="text-sm font-semibold text-slate-700">{t("play.progress.weakest")}</h3>
        {summary.weakestSteps.length === 0 ? (
          <p className="mt-2 text-sm text-slate-500">{t("play.progress.noWeakest")}</p>
        ) : (
          <ul className="mt-2 space-y-2" data-testid="my-weakest-steps">
            {summary.weakestSteps.map((step) => (
              <li key={step.label} className="text-sm">
                <div className="flex justify-between gap-2">
                  <span className="text-slate-800">{step.label}</span>
                  <span className="text-slate-500">
                    {t("play.progress.missed", { missed: step.missed, seen: step.seen, rate: step.missRate })}
                  </span>
                </div>
                <div className="mt-1 h-1.5 rounded bg-slate-100">
                  <div className="h-1.5 rounded bg-rose-400" style={{ width: `${step.missRate}%` }} />
                </div>
              </li>
            ))}
          </ul>
        )}
      </div>
    </section>
  );
}
