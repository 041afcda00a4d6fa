import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { useFormat } from "~/utils/use-format";
import { ReviewStatusBadge } from "./score-badge";

export type QueueRow = {
  id: string;
  kind: "regular" | "calibration";
  status: string;
  dueAt: string | null;
  conversation: { externalId: string; channel: string; startedAt: string; messageCount: number };
  agent: { name: string; externalId: string } | null;
  team: string | null;
  rubric: string;
  calibrationTitle: string | null;
};

/** An inspector's open assignments, earliest due first. */
export function QueueTable({ rows, compact = false }: { rows: QueueRow[]; compact?: boolean }) {
  const { t } = useTranslation(["qa-review", "qa-import"]);
  const format = useFormat();
  return (
    <div className="overflow-x-auto">
      <table className="table-base" data-testid="queue">
        <thead>
          <tr>
            <th scope="col">{t("qa-review:fields.conversation")}</th>
            <th scope="col">{t("qa-review:fields.agent")}</th>
            {compact ? null : <th scope="col">{t("qa-review:fields.team")}</th>}
            <th scope="col">{t("qa-review:fields.rubric")}</th>
            {compact ? null : <th scope="col">{t("qa-review:fields.channel")}</th>}
            <th scope="col">{t("qa-review:fields.due")}</th>
            <th scope="col">{t("qa-review:fields.status")}</th>
            <th scope="col">
              <span className="sr-only">{t("qa-review:queue.open")}</span>
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.map((row) => {
            const overdue = row.dueAt !== null && new Date(row.dueAt) < format.now;
            return (
              <tr key={row.id} className={overdue ? "bg-rose-50/40" : undefined}>
                <td>
                  <span className="font-mono text-xs">{row.conversation.externalId}</span>
                  <p className="text-xs text-slate-400">
                    {format.dateTime(row.conversation.startedAt)} ·{" "}
                    {t("qa-review:queue.messages", { count: row.conversation.messageCount })}
                  </p>
                </td>
                <td>
                  {row.kind === "calibration" ? (
                    <span className="badge bg-violet-50 text-violet-700" title={row.calibrationTitle ?? undefined}>
                      {t("qa-review:kind.calibration")}
                    </span>
                  ) : row.agent ? (
                    <>
                      {row.agent.name}
                      <span className="ml-1 font-mono text-xs text-slate-400">{row.agent.externalId}</span>
                    </>
                  ) : (
                    "—"
                  )}
                </td>
                {compact ? null : <td>{row.team ?? "—"}</td>}
                <td>{row.rubric}</td>
                {compact ? null : (
                  <td>{t(`qa-import:channels.${row.conversation.channel}` as "qa-import:channels.chat")}</td>
                )}
                <td>
                  {row.dueAt ? (
                    <span className={overdue ? "font-medium text-rose-600" : ""}>{format.dateTime(row.dueAt)}</span>
                  ) : (
                    <span className="text-slate-400">{t("qa-review:queue.noDue")}</span>
                  )}
                  {overdue ? (
                    <span className="badge ml-2 bg-rose-100 text-rose-700">{t("qa-review:queue.overdue")}</span>
                  ) : null}
                </td>
                <td>
                  <ReviewStatusBadge status={row.status} />
                </td>
                <td className="text-right">
                  <Link to={`/qa/reviews/${row.id}`} className="btn-secondary px-2.5 py-1 text-xs">
                    {row.status === "draft" ? t("qa-review:queue.continue") : t("qa-review:queue.start")}
                  </Link>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
