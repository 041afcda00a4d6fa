import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { clockText } from "~/modules/roleplay/play-clock";
import { MoodBadge } from "./persona-card";

type Card = {
  id: string;
  title: string;
  summary: string;
  difficulty: string;
  channel: "chat" | "phone";
  personaName: string | null;
  mood: string | null;
  limitSeconds: number | null;
  attempts: number;
  best: number | null;
  latest: number | null;
  latestPassed: boolean | null;
  resumeSessionId: string | null;
};

const DIFFICULTY_TONE: Record<string, string> = {
  easy: "bg-emerald-100 text-emerald-800",
  medium: "bg-amber-100 text-amber-800",
  hard: "bg-rose-100 text-rose-700",
};

export function ScenarioCards({ cards }: { cards: readonly Card[] }) {
  const { t } = useTranslation("roleplay");
  return (
    <ul className="grid gap-4 sm:grid-cols-2 xl:grid-cols-3" data-testid="scenario-cards">
      {cards.map((card) => (
        <li key={card.id} className="card flex flex-col gap-3 p-4" data-testid="scenario-card">
          <div className="flex flex-wrap items-center gap-1.5 text-xs">
            <span className={`badge ${DIFFICULTY_TONE[card.difficulty] ?? "bg-slate-100 text-slate-600"}`}>
              {t(`play.difficulty.${card.difficulty}`, { defaultValue: card.difficulty })}
            </span>
            <span className="badge bg-slate-100 text-slate-700">{t(`play.channel.${card.channel}`)}</span>
            {card.limitSeconds ? (
              <span className="badge bg-slate-100 text-slate-600">
                {t("play.briefing.limit", { time: clockText(card.limitSeconds) })}
              </span>
            ) : null}
          </div>
          <div>
            <h3 className="font-semibold text-slate-900">{card.title}</h3>
            {card.summary ? <p className="mt-1 line-clamp-2 text-sm text-slate-600">{card.summary}</p> : null}
          </div>
          {card.personaName ? (
            <p className="flex items-center gap-2 text-sm text-slate-600">
              {t("play.cards.customer", { name: card.personaName })}
              {card.mood ? <MoodBadge mood={card.mood} /> : null}
            </p>
          ) : null}
          <dl className="grid grid-cols-3 gap-2 rounded-md bg-slate-50 p-2 text-center text-xs">
            <div>
              <dt className="text-slate-500">{t("play.cards.attempts")}</dt>
              <dd className="text-base font-semibold text-slate-900">{card.attempts}</dd>
            </div>
            <div>
              <dt className="text-slate-500">{t("play.cards.best")}</dt>
              <dd className="text-base font-semibold text-slate-900">{card.best ?? "—"}</dd>
            </div>
            <div>
              <dt className="text-slate-500">{t("play.cards.latest")}</dt>
              <dd
                className={`text-base font-semibold ${
                  card.latestPassed === false
                    ? "text-rose-600"
                    : card.latestPassed
                      ? "text-emerald-700"
                      : "text-slate-900"
                }`}
              >
                {card.latest ?? "—"}
              </dd>
            </div>
          </dl>
          <div className="mt-auto flex justify-end gap-2">
            {card.resumeSessionId ? (
              <Link to={`/learn/roleplay/sessions/${card.resumeSessionId}`} className="btn-primary">
                {t("play.briefing.resume")}
              </Link>
            ) : (
              <Link to={`/learn/roleplay/${card.id}`} className="btn-secondary">
                {card.attempts > 0 ? t("play.cards.again") : t("play.cards.open")}
              </Link>
            )}
          </div>
        </li>
      ))}
    </ul>
  );
}
