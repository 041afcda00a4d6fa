import { useTranslation } from "react-i18next";
import { useFormat } from "~/utils/use-format";

export type CycleAuditRow = {
  id: string;
  action: string;
  actor: string | null;
  createdAt: string;
  reason: string | null;
  subject: string | null;
};

/** Who did what to the cycle and why, newest first. */
export function CycleAuditTrail({ rows }: { rows: CycleAuditRow[] }) {
  const { t, i18n } = useTranslation("awards");
  const format = useFormat();
  return (
    <ol className="divide-y divide-slate-100 text-sm" data-testid="cycle-audit">
      {rows.map((row) => {
        const key = `cycles.audit.${row.action.replace(/\./g, "_")}`;
        return (
          <li key={row.id} className="flex flex-wrap gap-x-3 gap-y-1 px-4 py-2">
            <span className="tabular-nums text-slate-500">{format.dateTime(row.createdAt)}</span>
            <span className="font-medium text-slate-800">{row.actor ?? t("cycles.audit.system")}</span>
            <span className="text-slate-700">{i18n.exists(`awards:${key}`) ? t(key) : row.action}</span>
            {row.subject ? <span className="text-slate-700">{row.subject}</span> : null}
            {row.reason ? (
              <span className="text-slate-500">{t("cycles.audit.reason", { reason: row.reason })}</span>
            ) : null}
          </li>
        );
      })}
    </ol>
  );
}
