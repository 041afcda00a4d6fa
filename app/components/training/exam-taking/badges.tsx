import { useTranslation } from "react-i18next";

const STATUS_STYLES: Record<string, string> = {
  in_progress: "bg-sky-50 text-sky-700",
  pending_grading: "bg-amber-50 text-amber-700",
  graded: "bg-slate-100 text-slate-700",
};

export function AttemptStatusBadge({ status }: { status: string }) {
  const { t } = useTranslation("training");
  return (
    <span className={`badge ${STATUS_STYLES[status] ?? STATUS_STYLES.graded}`}>{t(`attemptStatus.${status}`)}</span>
  );
}

export function PassBadge({ passed }: { passed: boolean | null }) {
  const { t } = useTranslation("training-attempts");
  if (passed === null) return null;
  return (
    <span className={`badge ${passed ? "bg-emerald-50 text-emerald-700" : "bg-rose-50 text-rose-700"}`}>
      {passed ? t("result.passed") : t("result.failed")}
    </span>
  );
}

/** "12.5 / 20" with the percent. */
export function ScoreText({
  score,
  maxScore,
  percent,
}: {
  score: number | null;
  maxScore: number;
  percent: number | null;
}) {
  const { t } = useTranslation("training-attempts");
  if (score === null || percent === null) return <span className="text-slate-400">—</span>;
  return (
    <span className="tabular-nums">
      {t("result.scoreOf", { score, maxScore })} <span className="text-slate-500">({percent}%)</span>
    </span>
  );
}
