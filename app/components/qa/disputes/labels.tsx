import { useTranslation } from "react-i18next";
import type { ValueView } from "~/modules/qa/disputes/dispute-view.server";
import type { ScaleType } from "~/modules/qa/scoring";
import { useFormat } from "~/utils/use-format";

type Scaled = { scale: ScaleType; maxPoints: number | null };

/** A scale value in words: 合格/不合格 on binary scales, "3 / 5" elsewhere, 不适用 for N/A. */
export function useValueLabel() {
  const { t } = useTranslation("qa-disputes");
  return (criterion: Scaled, value: ValueView | undefined) => {
    if (value === null || value === undefined) return "—";
    if (value === "na") return t("values.na");
    if (criterion.scale === "binary") return value >= 1 ? t("values.pass") : t("values.fail");
    const max =
      criterion.scale === "points" ? (criterion.maxPoints ?? 0) : { three: 3, four: 4, five: 5 }[criterion.scale];
    return t("values.outOf", { value, max });
  };
}

export function ScoreText({ score, passed }: { score: number | null; passed?: boolean | null }) {
  const format = useFormat();
  if (score === null) return <span className="text-slate-400">—</span>;
  const tone = passed === false ? "text-rose-600" : passed ? "text-emerald-700" : "text-slate-900";
  return (
    <span className={`font-semibold tabular-nums ${tone}`}>{format.number(score, { maximumFractionDigits: 2 })}</span>
  );
}

const STATUS_TONE: Record<string, string> = {
  open: "bg-amber-50 text-amber-700",
  escalated: "bg-violet-50 text-violet-700",
  accepted: "bg-emerald-50 text-emerald-700",
  partly_accepted: "bg-sky-50 text-sky-700",
  rejected: "bg-rose-50 text-rose-700",
  withdrawn: "bg-slate-100 text-slate-600",
};

export function DisputeStatusBadge({ status }: { status: string }) {
  const { t } = useTranslation("qa-disputes");
  return (
    <span className={`badge ${STATUS_TONE[status] ?? "bg-slate-100 text-slate-600"}`}>{t(`status.${status}`)}</span>
  );
}

/** Time left before the stage's deadline, or how long it is overdue. */
export function SlaBadge({ dueAt, overdue }: { dueAt: string; overdue: boolean }) {
  const { t } = useTranslation("qa-disputes");
  const format = useFormat();
  return (
    <span
      className={`badge ${overdue ? "bg-rose-50 text-rose-700" : "bg-slate-100 text-slate-600"}`}
      title={format.dateTime(dueAt)}
    >
      {overdue ? t("sla.overdue", { when: format.relative(dueAt) }) : t("sla.dueIn", { when: format.relative(dueAt) })}
    </span>
  );
}

export function PassBadge({ passed, criticalFailed }: { passed: boolean | null; criticalFailed?: boolean }) {
  const { t } = useTranslation("qa-disputes");
  if (criticalFailed) return <span className="badge bg-rose-100 text-rose-800">{t("review.criticalFailed")}</span>;
  if (passed === null) return null;
  return passed ? (
    <span className="badge bg-emerald-50 text-emerald-700">{t("review.passed")}</span>
  ) : (
    <span className="badge bg-rose-50 text-rose-700">{t("review.failed")}</span>
  );
}
