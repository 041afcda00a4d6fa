import { useTranslation } from "react-i18next";

/** Score with pass/fail against the rubric's pass mark; red lines say so. */
export function ScoreFigure({
  score,
  passed,
  criticalFailed,
  passMark,
  size = "lg",
}: {
  score: number | null;
  passed: boolean | null;
  criticalFailed?: boolean;
  passMark: number;
  size?: "lg" | "sm";
}) {
  const { t } = useTranslation("qa-review");
  return (
    <div className="flex flex-wrap items-baseline gap-2">
      <span
        data-testid="score"
        className={`${size === "lg" ? "text-3xl" : "text-lg"} font-semibold tabular-nums ${
          passed === false ? "text-rose-600" : "text-slate-900"
        }`}
      >
        {score === null ? "—" : score.toFixed(score % 1 === 0 ? 0 : 2)}
      </span>
      {passed === null ? null : <PassBadge passed={passed} />}
      {criticalFailed ? <span className="badge bg-rose-600 text-white">{t("score.criticalFailed")}</span> : null}
      <span className="text-xs text-slate-500">{t("score.passMark", { mark: passMark })}</span>
    </div>
  );
}

export function PassBadge({ passed }: { passed: boolean }) {
  const { t } = useTranslation("qa-review");
  return passed ? (
    <span className="badge bg-emerald-100 text-emerald-700">{t("score.passed")}</span>
  ) : (
    <span className="badge bg-rose-100 text-rose-700">{t("score.failed")}</span>
  );
}

const STATUS_STYLES: Record<string, string> = {
  assigned: "bg-sky-50 text-sky-700",
  draft: "bg-amber-50 text-amber-700",
  submitted: "bg-emerald-50 text-emerald-700",
  cancelled: "bg-slate-100 text-slate-500",
};

export function ReviewStatusBadge({ status }: { status: string }) {
  const { t } = useTranslation("qa-review");
  return <span className={`badge ${STATUS_STYLES[status] ?? ""}`}>{t(`status.${status}`)}</span>;
}

/** Grading time as "4 分 20 秒". */
export function useDuration() {
  const { t } = useTranslation("qa-review");
  return (seconds: number | null | undefined) => {
    if (seconds === null || seconds === undefined) return "—";
    const minutes = Math.floor(seconds / 60);
    return minutes > 0
      ? t("duration.minutesSeconds", { minutes, seconds: seconds % 60 })
      : t("duration.seconds", { seconds });
  };
}
