import { useTranslation } from "react-i18next";
import type { Briefing } from "~/modules/roleplay/briefing.server";

/** The scoring rule in words, with the required steps and the red lines (labels only). */
export function ScoringRule({ briefing }: { briefing: Pick<Briefing, "scoring" | "steps" | "redLines"> }) {
  const { t } = useTranslation("roleplay");
  const { scoring } = briefing;
  return (
    <section className="card space-y-3 p-5 text-sm" aria-labelledby="scoring-rule">
      <h2 id="scoring-rule" className="text-sm font-semibold text-slate-500">
        {t("play.briefing.scoring")}
      </h2>
      <p className="text-slate-700" data-testid="scoring-rule">
        {t("play.briefing.rule", {
          steps: scoring.stepsWeight,
          timing: scoring.timingWeight,
          outcome: scoring.outcomeWeight,
          resolved: scoring.outcomePoints.resolved,
          escalated: scoring.outcomePoints.escalated,
          left: scoring.outcomePoints.customer_left,
        })}
      </p>
      <p className="text-slate-700">
        {scoring.reviewed
          ? t("play.briefing.ruleReviewed", { human: scoring.humanWeight, auto: 100 - scoring.humanWeight })
          : t("play.briefing.ruleAutomatic")}{" "}
        {t("play.briefing.rulePass", { pass: scoring.passPercent })}
      </p>
      {briefing.steps.length > 0 ? (
        <div>
          <h3 className="mb-1 font-medium text-slate-700">{t("play.briefing.steps")}</h3>
          <ul className="flex flex-wrap gap-1.5">
            {briefing.steps.map((step) => (
              <li key={step.key} className="badge bg-sky-50 text-sky-800">
                {step.label}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {briefing.redLines.length > 0 ? (
        <div>
          <h3 className="mb-1 font-medium text-rose-700">{t("play.briefing.redLines")}</h3>
          <ul className="flex flex-wrap gap-1.5">
            {briefing.redLines.map((line) => (
              <li key={line.key} className="badge bg-rose-50 text-rose-700">
                {line.label}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </section>
  );
}
