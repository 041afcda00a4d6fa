import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";

function clock(ms: number): string {
  const total = Math.max(0, Math.ceil(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const pad = (n: number) => String(n).padStart(2, "0");
  return h > 0 ? `${h}:${pad(m)}:${pad(s)}` : `${pad(m)}:${pad(s)}`;
}

/**
 * Time left to the server deadline. `skewMs` = server clock − browser clock at load, so a wrong browser clock
 * neither shortens nor lengthens the exam. Calls onExpire once at zero.
 */
export function Countdown({
  deadlineAt,
  serverNow,
  skewMs,
  onExpire,
}: {
  deadlineAt: Date | string;
  serverNow: Date | string;
  skewMs: number;
  onExpire: () => void;
}) {
  const { t } = useTranslation("training-attempts");
  const deadline = new Date(deadlineAt).getTime();
  const [left, setLeft] = useState(() => deadline - new Date(serverNow).getTime());
  const fired = useRef(false);
  const expire = useRef(onExpire);
  expire.current = onExpire;
  useEffect(() => {
    const tick = () => {
      const remaining = deadline - (Date.now() + skewMs);
      setLeft(remaining);
      if (remaining <= 0 && !fired.current) {
        fired.current = true;
        expire.current();
      }
    };
    tick();
    const timer = window.setInterval(tick, 1000);
    return () => window.clearInterval(timer);
  }, [deadline, skewMs]);
  const urgent = left <= 5 * 60_000;
  return (
    <div
      className={`rounded-md px-3 py-2 text-center ${urgent ? "bg-rose-50 text-rose-700" : "bg-slate-100 text-slate-700"}`}
      role="timer"
      aria-label={t("taking.timeLeft")}
    >
      <p className="text-xs">{t("taking.timeLeft")}</p>
      <p className="font-mono text-xl font-semibold tabular-nums">{clock(left)}</p>
    </div>
  );
}
