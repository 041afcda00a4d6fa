import { useTranslation } from "react-i18next";

/** A thin horizontal bar with the percent as its accessible value. */
export function ProgressBar({
  percent,
  label,
  tone = "brand",
}: {
  percent: number;
  label: string;
  tone?: "brand" | "emerald" | "amber";
}) {
  const clamped = Math.max(0, Math.min(100, percent));
  const colour = tone === "emerald" ? "bg-emerald-500" : tone === "amber" ? "bg-amber-500" : "bg-brand-500";
  return (
    <div
      className="h-2 w-full overflow-hidden rounded-full bg-slate-100"
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={clamped}
    >
      <div className={`h-full rounded-full ${colour}`} style={{ width: `${clamped}%` }} />
    </div>
  );
}

/** Seconds as "1 小时 5 分钟" / "12 分钟". */
export function Duration({ seconds }: { seconds: number }) {
  const { t } = useTranslation("training-learn");
  const totalMinutes = Math.floor(seconds / 60);
  const h = Math.floor(totalMinutes / 60);
  const m = totalMinutes % 60;
  return <>{h > 0 ? t("duration.hm", { h, m }) : t("duration.m", { m })}</>;
}

const STATUS_TONE: Record<string, string> = {
  completed: "bg-emerald-50 text-emerald-700 ring-emerald-600/20",
  in_progress: "bg-sky-50 text-sky-700 ring-sky-600/20",
  not_started: "bg-slate-100 text-slate-600 ring-slate-500/20",
};

/** The learner's status of a course (未学习 when there is no enrollment). */
export function EnrollmentBadge({ status }: { status: string | null }) {
  const { t } = useTranslation(["training-learn", "training"]);
  const key = status ?? "not_started";
  return (
    <span className={`badge ring-1 ring-inset ${STATUS_TONE[key] ?? STATUS_TONE.not_started}`}>
      {status ? t(`training:enrollmentStatus.${status}`) : t("training-learn:catalog.notStarted")}
    </span>
  );
}
