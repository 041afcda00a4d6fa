import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { useFormat } from "~/utils/use-format";
import { BatchStatusBadge } from "./batch-status";

export type BatchRow = {
  id: string;
  source: string;
  format: string;
  fileName: string | null;
  status: string;
  created: number;
  updated: number;
  unchanged: number;
  rejected: number;
  messages: number;
  createdAt: string;
  by: string | null;
};

export function BatchTable({ rows }: { rows: BatchRow[] }) {
  const { t } = useTranslation("qa-import");
  const format = useFormat();
  return (
    <div className="overflow-x-auto">
      <table className="table-base">
        <thead className="bg-slate-50 text-left text-xs font-medium uppercase text-slate-500">
          <tr>
            <th className="px-4 py-2">{t("batches.when")}</th>
            <th className="px-4 py-2">{t("batches.source")}</th>
            <th className="px-4 py-2">{t("batches.file")}</th>
            <th className="px-4 py-2">{t("batches.by")}</th>
            <th className="px-4 py-2">{t("batches.status")}</th>
            <th className="px-4 py-2 text-right">{t("counts.created")}</th>
            <th className="px-4 py-2 text-right">{t("counts.updated")}</th>
            <th className="px-4 py-2 text-right">{t("counts.unchanged")}</th>
            <th className="px-4 py-2 text-right">{t("counts.rejected")}</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.map((row) => (
            <tr key={row.id} className="hover:bg-slate-50">
              <td className="whitespace-nowrap px-4 py-2">
                <Link to={`/admin/imports/${row.id}`} className="text-brand-700 hover:underline">
                  {format.dateTime(row.createdAt)}
                </Link>
              </td>
              <td className="px-4 py-2">{t(`sources.${row.source}` as "sources.upload")}</td>
              <td className="max-w-xs truncate px-4 py-2" title={row.fileName ?? undefined}>
                {row.fileName ?? "—"} <span className="text-xs text-slate-400">{row.format.toUpperCase()}</span>
              </td>
              <td className="px-4 py-2">{row.by ?? "—"}</td>
              <td className="px-4 py-2">
                <BatchStatusBadge status={row.status} />
              </td>
              <td className="px-4 py-2 text-right tabular-nums">{format.number(row.created)}</td>
              <td className="px-4 py-2 text-right tabular-nums">{format.number(row.updated)}</td>
              <td className="px-4 py-2 text-right tabular-nums">{format.number(row.unchanged)}</td>
              <td className={`px-4 py-2 text-right tabular-nums ${row.rejected > 0 ? "text-rose-700" : ""}`}>
                {format.number(row.rejected)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
