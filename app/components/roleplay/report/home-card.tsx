import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { PassBadge } from "./session-report";

type Summary = {
  attempted: number;
  latest: { sessionId: string; title: string; finalScore: number | null; passed: boolean | null } | null;
  weakestSteps: { label: string }[];
};

/** One line on the agent's home: the latest role-play result, the weakest step and a way in. */
export function RolePlayHomeCard({ summary }: { summary: Summary }) {
  const { t } = useTranslation("roleplay");
  return (
    <section className="card flex flex-wrap items-center gap-x-4 gap-y-2 px-5 py-4" aria-labelledby="my-roleplay">
      <h2 id="my-roleplay" className="font-semibold text-slate-900">
        {t("play.homeCard.title")}
      </h2>
      <p className="flex flex-1 flex-wrap items-center gap-2 text-sm text-slate-600" data-testid="roleplay-home">
        {summary.latest ? (
          <>
            <span>{t("play.homeCard.latest", { title: summary.latest.title })}</span>
            <Link
              to={`/learn/roleplay/sessions/${summary.latest.sessionId}`}
              className="font-semibold text-brand-700 hover:underline"
            >
              {summary.latest.finalScore ?? "—"}
            </Link>
            <PassBadge passed={summary.latest.passed} />
          </>
        ) : (
          <span>{t("play.homeCard.none")}</span>
        )}
        <span className="text-slate-400">{t("play.homeCard.attempted", { count: summary.attempted })}</span>
        {summary.weakestSteps[0] ? (
          <span className="text-slate-500">{t("play.homeCard.weakest", { label: summary.weakestSteps[0].label })}</span>
        ) : null}
      </p>
      <Link to="/learn/roleplay" className="text-sm text-brand-600 hover:underline">
        {t("play.homeCard.open")}
      </Link>
    </section>
  );
}
