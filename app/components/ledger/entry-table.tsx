import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Amount, KindBadge, Points, StatusBadge, useMonthName } from "./labels";

export type EntryRow = {
  id: string;
  kind: string;
  status: string;
  periodStart: string | Date;
  amount: number;
  points: number;
  reason: string;
  net: { amount: number; points: number } | null;
  openAppeal: boolean;
  user: { name: string; externalId: string; team: { name: string } | null };
  proposedBy: { name: string } | null;
  approvedBy: { name: string } | null;
};

export function EntryTable({ rows }: { rows: EntryRow[] }) {
  const { t } = useTranslation("ledger");
  const monthName = useMonthName();
  return (
    <div className="overflow-x-auto">
      <table className="table-base" data-testid="ledger-entries">
        <thead>
          <tr>
            <th scope="col">{t("fields.person")}</th>
            <th scope="col">{t("fields.kind")}</th>
            <th scope="col">{t("fields.month")}</th>
            <th scope="col" className="text-right">
              {t("fields.amount")}
            </th>
            <th scope="col" className="text-right">
              {t("fields.points")}
            </th>
            <th scope="col" className="text-right">
              {t("list.net")}
            </th>
            <th scope="col">{t("fields.reason")}</th>
            <th scope="col">{t("fields.status")}</th>
            <th scope="col">{t("fields.proposer")}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id} data-testid="ledger-row">
              <td className="whitespace-nowrap">
                <Link to={`/ledger/${row.id}`} className="font-medium text-brand-700 hover:underline">
                  {row.user.name}
                </Link>
                <span className="ml-1 font-mono text-xs text-slate-500">{row.user.externalId}</span>
                <span className="block text-xs text-slate-500">{row.user.team?.name ?? t("entry.noTeam")}</span>
              </td>
              <td>
                <KindBadge kind={row.kind} />
              </td>
              <td className="whitespace-nowrap">{monthName(row.periodStart)}</td>
              <td className="text-right">
                <Amount value={row.amount} />
              </td>
              <td className="text-right">
                <Points value={row.points} />
              </td>
              <td className="text-right">
                {row.net && (row.net.amount !== row.amount || row.net.points !== row.points) ? (
                  <>
                    <Amount value={row.net.amount} />
                    <span className="block text-xs">
                      <Points value={row.net.points} />
                    </span>
                  </>
                ) : (
                  <span className="text-slate-400">—</span>
                )}
              </td>
              <td className="max-w-[16rem] truncate" title={row.reason}>
                {row.reason}
              </td>
              <td className="whitespace-nowrap">
                <StatusBadge status={row.status} />
                {row.openAppeal ? (
                  <span className="badge ml-1 bg-amber-50 text-amber-700">{t("list.appealing")}</span>
                ) : null}
              </td>
              <td className="whitespace-nowrap text-slate-600">
                {row.proposedBy?.name ?? t("entry.system")}
                {row.approvedBy ? <span className="block text-xs text-slate-400">→ {row.approvedBy.name}</span> : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export type TotalRow = {
  userId: string;
  name: string;
  externalId: string;
  team: string | null;
  month: string;
  bonus: number;
  deduction: number;
  amount: number;
  points: number;
  entries: number;
};

export function TotalsTable({ rows }: { rows: TotalRow[] }) {
  const { t } = useTranslation("ledger");
  const monthName = useMonthName();
  return (
    <div className="overflow-x-auto">
      <table className="table-base" data-testid="ledger-totals">
        <thead>
          <tr>
            <th scope="col">{t("fields.person")}</th>
            <th scope="col">{t("fields.month")}</th>
            <th scope="col" className="text-right">
              {t("totals.bonus")}
            </th>
            <th scope="col" className="text-right">
              {t("totals.deduction")}
            </th>
            <th scope="col" className="text-right">
              {t("totals.amount")}
            </th>
            <th scope="col" className="text-right">
              {t("totals.points")}
            </th>
            <th scope="col" className="text-right">
              {t("totals.entries")}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={`${row.userId}-${row.month}`} data-testid="ledger-total-row">
              <td className="whitespace-nowrap">
                {row.name}
                <span className="ml-1 font-mono text-xs text-slate-500">{row.externalId}</span>
                <span className="block text-xs text-slate-500">{row.team ?? t("entry.noTeam")}</span>
              </td>
              <td className="whitespace-nowrap">{monthName(row.month)}</td>
              <td className="text-right">
                <Amount value={row.bonus} />
              </td>
              <td className="text-right">
                <Amount value={row.deduction} />
              </td>
              <td className="text-right font-medium">
                <Amount value={row.amount} />
              </td>
              <td className="text-right">
                <Points value={row.points} />
              </td>
              <td className="text-right tabular-nums">{row.entries}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
