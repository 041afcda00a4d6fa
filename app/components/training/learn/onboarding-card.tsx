import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ProgressBar } from "./progress-bits";

export type OnboardingCardData = {
  pathId: string;
  pathTitle: string;
  coursesDone: number;
  coursesTotal: number;
  hoursDone: number;
  hoursTotal: number;
  requiredHours: number | null;
  hoursSpent: number;
  percent: number;
  met: boolean;
};

/** Onboarding hours done vs required, with the measured time spent shown beside it. */
export function OnboardingCard({ onboarding }: { onboarding: OnboardingCardData }) {
  const { t } = useTranslation("training-learn");
  const remaining =
    onboarding.requiredHours !== null
      ? Math.max(0, Math.round((onboarding.requiredHours - onboarding.hoursDone) * 10) / 10)
      : 0;
  return (
    <section className="card p-5" aria-labelledby="onboarding">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <h2 id="onboarding" className="font-semibold text-slate-900">
            {t("home.onboarding.title")} · {onboarding.pathTitle}
          </h2>
          <p className="mt-2 text-3xl font-semibold text-slate-900">
            {onboarding.hoursDone}
            <span className="ml-2 text-base font-normal text-slate-500">
              {onboarding.requiredHours !== null
                ? t("home.onboarding.ofRequired", { hours: onboarding.requiredHours })
                : t("home.onboarding.ofTotal", { hours: onboarding.hoursTotal })}
            </span>
          </p>
        </div>
        <Link to={`/learn/paths/${onboarding.pathId}`} className="btn-secondary">
          {t("home.onboarding.open")}
        </Link>
      </div>
      <div className="mt-3">
        <ProgressBar
          percent={onboarding.percent}
          label={t("home.onboarding.hoursDone")}
          tone={onboarding.met ? "emerald" : "brand"}
        />
      </div>
      <dl className="mt-3 flex flex-wrap gap-x-6 gap-y-1 text-sm text-slate-600">
        <div>{onboarding.met ? t("home.onboarding.met") : t("home.onboarding.remaining", { hours: remaining })}</div>
        <div>{t("home.onboarding.courses", { done: onboarding.coursesDone, total: onboarding.coursesTotal })}</div>
        <div>{t("home.onboarding.pathHours", { hours: onboarding.hoursTotal })}</div>
        <div>{t("home.onboarding.timeSpent", { hours: onboarding.hoursSpent })}</div>
      </dl>
      <p className="mt-2 text-xs text-slate-400">{t("home.onboarding.explain")}</p>
    </section>
  );
}
