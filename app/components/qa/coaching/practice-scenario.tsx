import { Form, Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { TaskPractice } from "~/modules/qa/coaching/scenario.server";

/** The role-play a coaching task asks for: the agent can start practising; both sides see the best result. */
export function PracticeScenarioCard({
  practice,
  canPlay,
  sessionPath,
}: {
  practice: TaskPractice;
  canPlay: boolean;
  sessionPath: (sessionId: string) => string;
}) {
  const { t } = useTranslation(["roleplay", "training"]);
  const { scenario, best } = practice;
  return (
    <section className="card space-y-3 p-5" data-testid="coaching-scenario" aria-label={t("coaching.title")}>
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 className="text-base font-semibold text-slate-900">{t("coaching.title")}</h2>
        <span className="badge bg-slate-100 text-slate-700">{t(`training:difficulty.${scenario.difficulty}`)}</span>
      </div>
      <p className="font-medium text-slate-800">{scenario.title}</p>
      {scenario.summary ? <p className="text-sm text-slate-600">{scenario.summary}</p> : null}
      <div className="flex flex-wrap items-center gap-3 text-sm text-slate-700">
        {practice.sessions === 0 ? (
          <span>{t("coaching.noAttempts")}</span>
        ) : (
          <span>{t("coaching.attempts", { count: practice.sessions })}</span>
        )}
        {best ? (
          <span>
            {t("coaching.best", { score: best.finalScore })}{" "}
            <span className={best.passed ? "text-emerald-700" : "text-rose-700"}>
              {best.passed ? t("coaching.bestPassed") : t("coaching.bestFailed")}
            </span>{" "}
            <Link to={sessionPath(best.sessionId)} className="font-medium text-brand-700 underline">
              {t("coaching.openSession")}
            </Link>
          </span>
        ) : null}
        {practice.pendingReview > 0 ? (
          <span className="text-amber-800">{t("coaching.pending", { count: practice.pendingReview })}</span>
        ) : null}
      </div>
      {canPlay && scenario.playable ? (
        <Form method="post">
          <input type="hidden" name="intent" value="practice" />
          <button type="submit" className="btn-primary">
            {practice.inProgressSessionId ? t("coaching.resume") : t("coaching.start")}
          </button>
        </Form>
      ) : null}
    </section>
  );
}
