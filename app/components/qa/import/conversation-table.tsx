import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { useDuration } from "~/components/qa/transcript-view";
import { useFormat } from "~/utils/use-format";

export type ConversationListRow = {
  id: string;
  externalId: string;
  channel: string;
  startedAt: string;
  customerRef: string;
  csat: number | null;
  complaint: boolean;
  tags: string[];
  messageCount: number;
  handlingSeconds: number | null;
  firstResponseSeconds: number | null;
  primaryAgent: { name: string; externalId: string } | null;
  team: { name: string } | null;
  reviewCount: number;
};

export function ConversationTable({ rows }: { rows: ConversationListRow[] }) {
  const { t } = useTranslation("qa-import");
  const format = useFormat();
  const duration = useDuration();
  return (
    <div className="overflow-x-auto">
      <table className="table-base" data-testid="conversations">
        <thead className="bg-slate-50 text-left text-xs font-medium uppercase text-slate-500">
          <tr>
            <th className="px-4 py-2">{t("browser.columns.id")}</th>
            <th className="px-4 py-2">{t("browser.columns.startedAt")}</th>
            <th className="px-4 py-2">{t("browser.columns.agent")}</th>
            <th className="px-4 py-2">{t("browser.columns.channel")}</th>
            <th className="px-4 py-2 text-right">{t("browser.columns.messages")}</th>
            <th className="px-4 py-2 text-right">{t("browser.columns.frt")}</th>
            <th className="px-4 py-2 text-right">{t("browser.columns.csat")}</th>
            <th className="px-4 py-2">{t("browser.columns.tags")}</th>
            <th className="px-4 py-2 text-right">{t("browser.columns.reviews")}</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.map((row) => (
            <tr key={row.id} className="hover:bg-slate-50">
              <td className="px-4 py-2 font-mono text-xs">
                <Link to={`/qa/conversations/${row.id}`} className="text-brand-700 hover:underline">
                  {row.externalId}
                </Link>
              </td>
              <td className="whitespace-nowrap px-4 py-2">{format.dateTime(row.startedAt)}</td>
              <td className="px-4 py-2">
                {row.primaryAgent ? row.primaryAgent.name : "—"}
                {row.team ? <span className="block text-xs text-slate-400">{row.team.name}</span> : null}
              </td>
              <td className="px-4 py-2">{t(`channels.${row.channel}` as "channels.chat")}</td>
              <td className="px-4 py-2 text-right tabular-nums">{format.number(row.messageCount)}</td>
              <td className="px-4 py-2 text-right tabular-nums">{duration(row.firstResponseSeconds)}</td>
              <td
                className={`px-4 py-2 text-right tabular-nums ${row.csat !== null && row.csat <= 2 ? "text-rose-700" : ""}`}
              >
                {row.csat ?? "—"}
              </td>
              <td className="px-4 py-2">
                <div className="flex flex-wrap gap-1">
                  {row.complaint ? (
                    <span className="badge bg-rose-50 text-rose-700">{t("transcript.complaint")}</span>
                  ) : null}
                  {row.tags.slice(0, 3).map((tag) => (
                    <span key={tag} className="badge bg-slate-100 text-slate-600">
                      {tag}
                    </span>
                  ))}
                </div>
              </td>
              <td className="px-4 py-2 text-right tabular-nums">{format.number(row.reviewCount)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
