import { useTranslation } from "react-i18next";
import { clockText, replyTimer } from "~/modules/roleplay/play-clock";

const TONE: Record<string, string> = {
  idle: "bg-slate-100 text-slate-500",
  normal: "bg-emerald-50 text-emerald-700",
  warning: "bg-amber-100 text-amber-800",
  over: "bg-rose-100 text-rose-700",
};

/** Seconds since the customer's last bubble appeared, against the scenario's limit per reply. */
export function ReplyTimer({
  awaitingSince,
  limitSeconds,
  now,
  running,
}: {
  awaitingSince: string | null;
  limitSeconds: number;
  now: number;
  running: boolean;
}) {
  const { t } = useTranslation("roleplay");
  const timer = replyTimer(running ? awaitingSince : null, limitSeconds, now);
  return (
    <div
      className={`inline-flex items-center gap-2 rounded-full px-3 py-1 text-sm font-medium tabular-nums ${TONE[timer.tone]}`}
      data-testid="reply-timer"
      data-tone={timer.tone}
      role="timer"
      aria-label={t("play.timer.label")}
    >
      <span>{t("play.timer.label")}</span>
      <span>
        {clockText(timer.seconds)} / {clockText(limitSeconds)}
      </span>
      {timer.tone === "over" ? <span>{t("play.timer.over")}</span> : null}
    </div>
  );
}
