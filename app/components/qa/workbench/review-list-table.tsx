import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { useFormat } from "~/utils/use-format";
import { PassBadge, ReviewStatusBadge } from "./score-badge";

export type ReviewListRow = {
  id: string;
  status: string;
  isMine: boolean;
  score: number | null;
  passed: boolean | null;
  criticalFailed: boolean;
  submittedAt: string | null;
  dueAt: string | null;
  conversation: { externalId: string; channel: string };
  agent: { name: string; externalId: string } | null;
  team: string | null;
  inspector: string;
  rubric: string;
  disputes: number;
};

/** Open reviews are only opened by their own inspector (who scores them); the rest read-only by anyone here. */
export function ReviewListTable({ rows }: { rows: ReviewListRow[] }) {
  const { t } = useTranslation("qa-review");
  const format = useFormat();
  return (
    <div className="overflow-x-auto">
      <table className="table-base" data-testid="reviews">
        <thead>
          <tr>
            <th scope="col">{t("fields.conversation")}</th>
            <th scope="col">{t("fields.agent")}</th>
            <th scope="col">{t("fields.team")}</th>
            <th scope="col">{t("fields.rubric")}</th>
            <th scope="col">{t("fields.inspector")}</th>
            <th scope="col" className="text-right">
              {t("fields.score")}
            </th>
            <th scope="col">{t("fields.status")}</th>
            <th scope="col">{t("fields.submittedAt")}</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.map((row) => {
            const linkable = row.isMine || row.status === "submitted" || row.status === "cancelled";
            return (
              <tr key={row.id}>
                <td>
                  {linkable ? (
                    <Link to={`/qa/reviews/${row.id}`} className="font-mono text-xs text-brand-700 hover:underline">
                      {row.conversation.externalId}
                    </Link>
                  ) : (
                    <span className="font-mono text-xs">{row.conversation.externalId}</span>
                  )}
                </td>
                <td>
                  {row.agent ? (
                    <>
                      {row.agent.name}
                      <span className="ml-1 font-mono text-xs text-slate-400">{row.agent.externalId}</span>
                    </>
                  ) : (
                    "—"
                  )}
                </td>
                <td>{row.team ?? "—"}</td>
                <td>{row.rubric}</td>
                <td>{row.inspector}</td>
                <td className="text-right tabular-nums">
                  {row.score === null ? "—" : row.score}
                  {row.passed === null ? null : (
                    <span className="ml-2">
                      <PassBadge passed={row.passed} />
                    </span>
                  )}
                  {row.criticalFailed ? (
                    <span className="badge ml-1 bg-rose-600 text-white">{t("score.criticalShort")}</span>
                  ) : null}
                </td>
                <td>
                  <ReviewStatusBadge status={row.status} />
                  {row.disputes > 0 ? (
                    <span className="badge ml-1 bg-amber-50 text-amber-700">
                      {t("list.disputed", { count: row.disputes })}
                    </span>
                  ) : null}
                </td>
                <td>{row.submittedAt ? format.dateTime(row.submittedAt) : "—"}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
