import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { useFormat } from "~/utils/use-format";
import { Amount, AppealStatusBadge, Points, StatusBadge } from "./labels";

export type HistoryCorrection = {
  id: string;
  amount: number;
  points: number;
  reason: string;
  status: string;
  createdAt: string | Date;
  proposedBy: { name: string } | null;
};

export type HistoryAppeal = {
  id: string;
  status: string;
  reason: string;
  response: string | null;
  createdAt: string | Date;
  decidedAt: string | Date | null;
  agent: { name: string };
};

/** Corrections and appeals of an entry, oldest first. Appeals link to `appealLink` when given (managers). */
export function EntryHistory({
  corrections,
  appeals,
  appealLink,
}: {
  corrections: HistoryCorrection[];
  appeals: HistoryAppeal[];
  appealLink?: (appealId: string) => string;
}) {
  const { t } = useTranslation("ledger");
  const format = useFormat();
  return (
    <section className="card overflow-hidden" data-testid="ledger-history">
      <h2 className="border-b border-slate-200 px-4 py-3 text-base font-semibold text-slate-900">
        {t("history.title")}
      </h2>
      {corrections.length === 0 && appeals.length === 0 ? (
        <p className="px-4 py-6 text-sm text-slate-500">{t("history.empty")}</p>
      ) : (
        <ul className="divide-y divide-slate-100">
          {corrections.map((correction) => (
            <li key={correction.id} className="space-y-1 px-4 py-3 text-sm" data-testid="ledger-correction">
              <p className="flex flex-wrap items-center gap-2">
                <span className="font-medium text-slate-900">{t("history.correction")}</span>
                <StatusBadge status={correction.status} />
                <Amount value={correction.amount} />
                <Points value={correction.points} />
              </p>
              <p className="text-slate-700">{correction.reason}</p>
              <p className="text-xs text-slate-500">
                {correction.proposedBy?.name ?? t("entry.system")} · {format.dateTime(correction.createdAt)}
              </p>
            </li>
          ))}
          {appeals.map((appeal) => (
            <li key={appeal.id} className="space-y-1 px-4 py-3 text-sm" data-testid="ledger-appeal">
              <p className="flex flex-wrap items-center gap-2">
                <span className="font-medium text-slate-900">{t("history.appeal", { name: appeal.agent.name })}</span>
                <AppealStatusBadge status={appeal.status} />
                {appealLink ? (
                  <Link to={appealLink(appeal.id)} className="text-brand-700 underline">
                    {t("history.openAppeal")}
                  </Link>
                ) : null}
              </p>
              <p className="text-slate-700">{appeal.reason}</p>
              {appeal.response ? (
                <p className="text-slate-700">{t("history.response", { response: appeal.response })}</p>
              ) : null}
              <p className="text-xs text-slate-500">
                {format.dateTime(appeal.createdAt)}
                {appeal.decidedAt ? ` → ${format.dateTime(appeal.decidedAt)}` : ""}
              </p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
