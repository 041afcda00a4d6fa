import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { useFormat } from "~/utils/use-format";
import { Amount, EvidenceLink, KindBadge, Points, StatusBadge, useMonthName } from "./labels";

type Money = { amount: number; points: number };

export type EntrySummaryData = {
  id: string;
  kind: string;
  status: string;
  periodStart: string | Date;
  amount: number;
  points: number;
  reason: string;
  evidenceUrl: string | null;
  createdAt: string | Date;
  decidedAt: string | Date | null;
  decisionNote: string | null;
  net: Money;
  user: { name: string; externalId: string; team: { name: string } | null };
  proposedBy: { name: string } | null;
  approvedBy: { name: string } | null;
  corrects: { id: string; kind: string; reason: string } | null;
};

/** The facts of one entry; `linkTo` builds links to related entries (manager and agent pages differ). */
export function EntrySummary({ entry, linkTo }: { entry: EntrySummaryData; linkTo: (entryId: string) => string }) {
  const { t } = useTranslation("ledger");
  const format = useFormat();
  const monthName = useMonthName();
  const corrected = entry.net.amount !== entry.amount || entry.net.points !== entry.points;
  return (
    <section className="card p-6" data-testid="ledger-entry">
      <div className="mb-4 flex flex-wrap items-center gap-2">
        <KindBadge kind={entry.kind} />
        <StatusBadge status={entry.status} />
        <span className="text-sm text-slate-500">
          {entry.user.name} · {entry.user.externalId} · {entry.user.team?.name ?? t("entry.noTeam")}
        </span>
      </div>
      <dl className="grid gap-4 text-sm sm:grid-cols-3">
        <div>
          <dt className="text-slate-500">{t("fields.amount")}</dt>
          <dd className="mt-1 text-lg font-semibold">
            <Amount value={entry.amount} />
          </dd>
        </div>
        <div>
          <dt className="text-slate-500">{t("fields.points")}</dt>
          <dd className="mt-1 text-lg font-semibold">
            <Points value={entry.points} />
          </dd>
        </div>
        <div>
          <dt className="text-slate-500">{t("fields.net")}</dt>
          <dd className="mt-1 text-lg font-semibold" data-testid="ledger-net">
            {entry.kind === "correction" ? (
              "—"
            ) : (
              <>
                <Amount value={entry.net.amount} /> · <Points value={entry.net.points} />
              </>
            )}
          </dd>
          {corrected && entry.kind !== "correction" ? (
            <dd className="text-xs text-slate-500">{t("entry.netHint")}</dd>
          ) : null}
        </div>
        <div>
          <dt className="text-slate-500">{t("fields.month")}</dt>
          <dd className="mt-1">{monthName(entry.periodStart)}</dd>
        </div>
        <div>
          <dt className="text-slate-500">{t("fields.proposer")}</dt>
          <dd className="mt-1">
            {entry.proposedBy?.name ?? t("entry.system")} · {format.dateTime(entry.createdAt)}
          </dd>
        </div>
        <div>
          <dt className="text-slate-500">{t("fields.approver")}</dt>
          <dd className="mt-1">
            {entry.decidedAt
              ? `${entry.approvedBy?.name ?? t("entry.system")} · ${format.dateTime(entry.decidedAt)}`
              : "—"}
          </dd>
        </div>
        <div className="sm:col-span-3">
          <dt className="text-slate-500">{t("fields.reason")}</dt>
          <dd className="mt-1 whitespace-pre-line text-slate-900" data-testid="ledger-reason">
            {entry.reason}
          </dd>
        </div>
        <div className="sm:col-span-3">
          <dt className="text-slate-500">{t("fields.evidence")}</dt>
          <dd className="mt-1">
            <EvidenceLink href={entry.evidenceUrl} />
          </dd>
        </div>
        {entry.decisionNote ? (
          <div className="sm:col-span-3">
            <dt className="text-slate-500">{t("fields.decisionNote")}</dt>
            <dd className="mt-1 whitespace-pre-line">{entry.decisionNote}</dd>
          </div>
        ) : null}
        {entry.corrects ? (
          <div className="sm:col-span-3">
            <dt className="text-slate-500">{t("fields.corrects")}</dt>
            <dd className="mt-1">
              <Link to={linkTo(entry.corrects.id)} className="text-brand-700 underline">
                {t(`kinds.${entry.corrects.kind}`)} · {entry.corrects.reason}
              </Link>
            </dd>
          </div>
        ) : null}
      </dl>
    </section>
  );
}
