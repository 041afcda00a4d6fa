import { useTranslation } from "react-i18next";
import { useFormat } from "~/utils/use-format";

export type RejectionRow = {
  id: string;
  line: number;
  externalId: string | null;
  reason: string;
  detail: string | null;
};

export function RejectionsTable({ rows }: { rows: RejectionRow[] }) {
  const { t } = useTranslation("qa-import");
  const format = useFormat();
  return (
    <div className="overflow-x-auto">
      <table className="table-base" data-testid="rejections">
        <thead className="bg-slate-50 text-left text-xs font-medium uppercase text-slate-500">
          <tr>
            <th className="px-4 py-2 text-right">{t("rejectionTable.line")}</th>
            <th className="px-4 py-2">{t("rejectionTable.externalId")}</th>
            <th className="px-4 py-2">{t("rejectionTable.reason")}</th>
            <th className="px-4 py-2">{t("rejectionTable.detail")}</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.map((row) => (
            <tr key={row.id}>
              <td className="px-4 py-2 text-right tabular-nums">{format.number(row.line)}</td>
              <td className="px-4 py-2 font-mono text-xs">{row.externalId ?? "—"}</td>
              <td className="px-4 py-2">{t(`rejections.${row.reason}` as "rejections.invalid-json")}</td>
              <td className="max-w-md break-all px-4 py-2 font-mono text-xs text-slate-500">{row.detail ?? ""}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
