import { Form, Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { ScenarioItemView } from "~/modules/training/exams/roleplay-items.server";

const STATE_STYLES: Record<string, string> = {
  none: "bg-slate-100 text-slate-700",
  in_progress: "bg-sky-50 text-sky-700",
  pending_review: "bg-amber-50 text-amber-700",
  completed: "bg-emerald-50 text-emerald-700",
  abandoned: "bg-rose-50 text-rose-700",
};

function SessionBadge({ item }: { item: ScenarioItemView }) {
  const { t } = useTranslation("roleplay");
  const state = item.session?.status ?? "none";
  return <span className={`badge ${STATE_STYLES[state]}`}>{t(`exam.state.${state}`)}</span>;
}

/** A role-play item while taking the exam: "开始演练" starts (or resumes) its exam-mode session. */
export function ScenarioItemTakingCard({ item, disabled }: { item: ScenarioItemView; disabled: boolean }) {
  const { t } = useTranslation("roleplay");
  const state = item.session?.status ?? "none";
  return (
    <section
      id={`q${item.position}`}
      className="card space-y-3 p-5"
      data-testid={`scenario-item-${item.position}`}
      aria-label={t("exam.itemLabel", { position: item.position })}
    >
      <div className="flex flex-wrap items-center justify-between gap-2">
        <p className="text-sm text-slate-500">
          {t("exam.itemHeading", { position: item.position, points: item.points, percent: item.passPercent })}
        </p>
        <SessionBadge item={item} />
      </div>
      <h2 className="text-base font-semibold text-slate-900">{item.title}</h2>
      {item.summary ? <p className="text-sm text-slate-600">{item.summary}</p> : null}
      <p className="text-xs text-slate-500">{t("exam.rules")}</p>
      {state === "none" || state === "in_progress" ? (
        <Form method="post">
          <input type="hidden" name="intent" value="start-scenario" />
          <input type="hidden" name="position" value={item.position} />
          <button type="submit" className="btn-primary" disabled={disabled}>
            {state === "none" ? t("exam.start") : t("exam.resume")}
          </button>
        </Form>
      ) : (
        <p className="text-sm text-slate-700">
          {state === "pending_review" ? t("exam.endedPending") : t("exam.ended")}{" "}
          {item.session ? (
            <Link to={`/learn/roleplay/sessions/${item.session.id}`} className="font-medium text-brand-700 underline">
              {t("exam.openReport")}
            </Link>
          ) : null}
        </p>
      )}
    </section>
  );
}

/** A role-play item on the result page: its final score, its own threshold and a link to the session report. */
export function ScenarioItemResultCard({ item, sessionLink }: { item: ScenarioItemView; sessionLink: string | null }) {
  const { t } = useTranslation("roleplay");
  const session = item.session;
  const final = session?.status === "completed" || session?.status === "abandoned" || !session;
  const finalScore = session?.status === "completed" ? (session.finalScore ?? 0) : 0;
  const met = finalScore >= item.passPercent;
  return (
    <div className="card space-y-2 p-4" data-testid={`scenario-result-${item.position}`}>
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h3 className="text-sm font-semibold text-slate-900">
          {t("exam.resultHeading", { position: item.position, title: item.title })}
        </h3>
        <SessionBadge item={item} />
      </div>
      {final && item.score !== null ? (
        <dl className="grid gap-2 text-sm sm:grid-cols-3">
          <div>
            <dt className="text-slate-500">{t("exam.finalScore")}</dt>
            <dd className="tabular-nums text-slate-900">{finalScore}</dd>
          </div>
          <div>
            <dt className="text-slate-500">{t("exam.threshold")}</dt>
            <dd className="tabular-nums text-slate-900">
              {item.passPercent}{" "}
              <span className={met ? "text-emerald-700" : "text-rose-700"}>
                {met ? t("exam.thresholdMet") : t("exam.thresholdMissed")}
              </span>
            </dd>
          </div>
          <div>
            <dt className="text-slate-500">{t("exam.itemScore")}</dt>
            <dd className="tabular-nums text-slate-900">
              {t("exam.scoreOf", { score: item.score, points: item.points })}
            </dd>
          </div>
        </dl>
      ) : (
        <p className="text-sm text-amber-800">{t("exam.waitingReview")}</p>
      )}
      {session && sessionLink ? (
        <Link to={sessionLink} className="text-sm font-medium text-brand-700 underline">
          {t("exam.openReport")}
        </Link>
      ) : null}
    </div>
  );
}
