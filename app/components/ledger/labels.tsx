import { useTranslation } from "react-i18next";
import { useFormat } from "~/utils/use-format";

const KIND_TONES: Record<string, string> = {
  award_bonus: "bg-amber-50 text-amber-700",
  bonus: "bg-emerald-50 text-emerald-700",
  public_criticism: "bg-rose-50 text-rose-700",
  performance_deduction: "bg-orange-50 text-orange-700",
  correction: "bg-sky-50 text-sky-700",
};

export function KindBadge({ kind }: { kind: string }) {
  const { t } = useTranslation("ledger");
  return (
    <span className={`badge ${KIND_TONES[kind] ?? "bg-slate-100 text-slate-600"}`} data-testid="ledger-kind">
      {t(`kinds.${kind}`)}
    </span>
  );
}

const STATUS_TONES: Record<string, string> = {
  proposed: "bg-amber-50 text-amber-700",
  approved: "bg-emerald-50 text-emerald-700",
  rejected: "bg-slate-100 text-slate-600",
  open: "bg-amber-50 text-amber-700",
  accepted: "bg-emerald-50 text-emerald-700",
  withdrawn: "bg-slate-100 text-slate-600",
};

export function StatusBadge({ status }: { status: string }) {
  const { t } = useTranslation("ledger");
  return (
    <span className={`badge ${STATUS_TONES[status] ?? "bg-slate-100 text-slate-600"}`} data-testid="ledger-status">
      {t(`statuses.${status}`)}
    </span>
  );
}

export function AppealStatusBadge({ status }: { status: string }) {
  const { t } = useTranslation("ledger");
  return (
    <span className={`badge ${STATUS_TONES[status] ?? "bg-slate-100 text-slate-600"}`} data-testid="appeal-status">
      {t(`appealStatuses.${status}`)}
    </span>
  );
}

/** Signed yuan, green for money in, red for money out. */
export function Amount({ value }: { value: number }) {
  const format = useFormat();
  const tone = value > 0 ? "text-emerald-700" : value < 0 ? "text-rose-700" : "text-slate-500";
  return (
    <span className={`tabular-nums ${tone}`}>
      {value > 0 ? "+" : ""}
      {format.number(value, { style: "currency", currency: "CNY" })}
    </span>
  );
}

export function Points({ value }: { value: number }) {
  const { t } = useTranslation("ledger");
  const tone = value > 0 ? "text-emerald-700" : value < 0 ? "text-rose-700" : "text-slate-500";
  return <span className={`tabular-nums ${tone}`}>{t("points", { value: `${value > 0 ? "+" : ""}${value}` })}</span>;
}

/** "2026年11月" / "November 2026" from "2026-11". */
export function useMonthName() {
  const format = useFormat();
  // Loader data is a Date during the server render and an ISO string after serialisation.
  return (month: string | Date) => {
    const key = typeof month === "string" ? month.slice(0, 7) : month.toISOString().slice(0, 7);
    return new Intl.DateTimeFormat(format.context.locale, { timeZone: "UTC", year: "numeric", month: "long" }).format(
      new Date(`${key}-01T00:00:00.000Z`),
    );
  };
}

/** Internal paths open in the app; outside links open in a new tab. */
export function EvidenceLink({ href }: { href: string | null }) {
  const { t } = useTranslation("ledger");
  if (!href) return <span className="text-slate-400">{t("entry.noEvidence")}</span>;
  const external = !href.startsWith("/");
  return (
    <a
      href={href}
      className="break-all text-brand-700 underline"
      data-testid="ledger-evidence"
      {...(external ? { target: "_blank", rel: "noopener noreferrer" } : {})}
    >
      {href}
    </a>
  );
}
