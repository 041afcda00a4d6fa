import { useTranslation } from "react-i18next";

const STYLES: Record<string, string> = {
  queued: "bg-slate-100 text-slate-600",
  running: "bg-sky-50 text-sky-700",
  succeeded: "bg-emerald-50 text-emerald-700",
  failed: "bg-rose-50 text-rose-700",
};

export function BatchStatusBadge({ status }: { status: string }) {
  const { t } = useTranslation("qa-import");
  return (
    <span className={`badge ${STYLES[status] ?? STYLES.queued}`}>{t(`statuses.${status}` as "statuses.queued")}</span>
  );
}

/** "file-too-large: 600 > 500" → the translated reason plus its detail. */
export function BatchError({ error }: { error: string }) {
  const { t } = useTranslation("qa-import");
  const separator = error.indexOf(": ");
  const code = separator === -1 ? error : error.slice(0, separator);
  const detail = separator === -1 ? null : error.slice(separator + 2);
  return (
    <div className="rounded-md bg-rose-50 px-4 py-3 text-sm text-rose-800" role="alert">
      <p className="font-medium">{t(`fileErrors.${code}` as "fileErrors.internal", { defaultValue: code })}</p>
      {detail ? <p className="mt-1 font-mono text-xs">{detail}</p> : null}
    </div>
  );
}

export function ProgressBar({ value, total, label }: { value: number; total: number; label: string }) {
  const percent = total > 0 ? Math.min(100, Math.round((value / total) * 100)) : 0;
  return (
    <div>
      <div
        className="h-3 w-full overflow-hidden rounded-full bg-slate-100"
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
      >
        <div className="h-full rounded-full bg-brand-600 transition-all" style={{ width: `${percent}%` }} />
      </div>
      <p className="mt-1 text-right text-xs text-slate-500">{percent}%</p>
    </div>
  );
}

export function formatBytes(bytes: number, locale: string) {
  const units = ["B", "KB", "MB", "GB"];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${new Intl.NumberFormat(locale, { maximumFractionDigits: unit === 0 ? 0 : 1 }).format(value)} ${units[unit]}`;
}
