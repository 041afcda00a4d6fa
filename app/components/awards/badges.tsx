import { useTranslation } from "react-i18next";
import { avatarColour, avatarInitials } from "~/modules/awards/certificate";
import { CYCLE_STATUSES, stepIndex, type CycleStatus } from "~/modules/awards/cycle-state";

const STATUS_STYLES: Record<string, string> = {
  open: "bg-slate-100 text-slate-700",
  computed: "bg-sky-100 text-sky-800",
  under_review: "bg-amber-100 text-amber-800",
  approved: "bg-indigo-100 text-indigo-800",
  published: "bg-emerald-100 text-emerald-800",
  closed: "bg-slate-200 text-slate-700",
};

export function CycleStatusBadge({ status }: { status: string }) {
  const { t } = useTranslation("awards");
  return <span className={`badge ${STATUS_STYLES[status] ?? STATUS_STYLES.open}`}>{t(`cycles.status.${status}`)}</span>;
}

/** open → computed → under review → approved → published → closed, the current step highlighted. */
export function CycleStepper({ status }: { status: CycleStatus }) {
  const { t } = useTranslation("awards");
  const current = stepIndex(status);
  return (
    <ol
      className="flex flex-wrap items-center gap-2 text-sm"
      aria-label={t("cycles.stepper")}
      data-testid="cycle-stepper"
    >
      {CYCLE_STATUSES.map((step, index) => (
        <li key={step} className="flex items-center gap-2">
          <span
            aria-current={index === current ? "step" : undefined}
            className={`flex items-center gap-2 rounded-full px-3 py-1 ${
              index < current
                ? "bg-emerald-50 text-emerald-700"
                : index === current
                  ? "bg-brand-600 font-semibold text-white"
                  : "bg-slate-100 text-slate-500"
            }`}
          >
            <span className="tabular-nums">{index + 1}</span>
            {t(`cycles.status.${step}`)}
          </span>
          {index < CYCLE_STATUSES.length - 1 ? <span className="text-slate-300">→</span> : null}
        </li>
      ))}
    </ol>
  );
}

export function Avatar({ id, name, size = "md" }: { id: string; name: string; size?: "md" | "lg" }) {
  const dimensions = size === "lg" ? "h-16 w-16 text-xl" : "h-10 w-10 text-sm";
  return (
    <span
      aria-hidden="true"
      className={`flex shrink-0 items-center justify-center rounded-full font-semibold text-white ${dimensions} ${avatarColour(id)}`}
    >
      {avatarInitials(name)}
    </span>
  );
}

export function ReasonText({ reason }: { reason: { code: string; actual?: number | null; required?: number } }) {
  const { t } = useTranslation("awards");
  const code =
    reason.code === "min_tenure" && (reason.actual === null || reason.actual === undefined)
      ? "min_tenure_unknown"
      : reason.code;
  return <>{t(`compute.reasons.${code}`, { actual: reason.actual ?? "—", required: reason.required ?? "—" })}</>;
}

/** 2026年11月 / Nov 2026, 2026年第4季度 / 2026 Q4, 2026年度 / 2026, in the reader's language. */
export function usePeriodLabel() {
  const { t } = useTranslation("awards");
  return (kind: string, periodStart: string) => {
    const [year, month] = periodStart.split("-").map(Number) as [number, number];
    return t(`periods.${kind}`, { year, month, quarter: Math.floor((month - 1) / 3) + 1 });
  };
}
