import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { RolePlayReviewQueueRow } from "~/modules/roleplay/reviews.server";
import { useFormat } from "~/utils/use-format";
import { OutcomeBadge } from "../report/session-report";
import { ReviewStatusBadge } from "./review-status";

const th = "px-4 py-2 font-medium";

export function ReviewQueueTable({ rows }: { rows: readonly RolePlayReviewQueueRow[] }) {
  const { t } = useTranslation("roleplay");
  const format = useFormat();
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-sm" data-testid="roleplay-review-queue">
        <thead className="bg-slate-50 text-left text-xs text-slate-500">
          <tr>
            <th className={th}>{t("reviews.queue.scenario")}</th>
            <th className={th}>{t("reviews.queue.agent")}</th>
            <th className={th}>{t("reviews.queue.endedAt")}</th>
            <th className={th}>{t("reviews.queue.outcome")}</th>
            <th className={`${th} text-right`}>{t("reviews.queue.auto")}</th>
            <th className={`${th} text-right`}>{t("reviews.queue.final")}</th>
            <th className={th}>{t("reviews.queue.status")}</th>
            <th className={th}>
              <span className="sr-only">{t("reviews.queue.open")}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id} className="border-t border-slate-100" data-testid="roleplay-review-row">
              <td className="px-4 py-2 text-slate-900">
                {row.scenario.title}
                <span className="ml-1 text-xs text-slate-400">v{row.scenario.version}</span>
                {row.mode === "exam" ? (
                  <span className="badge ml-2 bg-violet-50 text-violet-700">{t("play.mode.exam")}</span>
                ) : null}
              </td>
              <td className="px-4 py-2">
                {row.agent.name}
                <span className="ml-1 font-mono text-xs text-slate-400">{row.agent.externalId}</span>
                {row.agent.team ? <span className="block text-xs text-slate-500">{row.agent.team}</span> : null}
              </td>
              <td className="px-4 py-2 text-slate-600">{format.dateTime(row.endedAt)}</td>
              <td className="px-4 py-2">
                <OutcomeBadge outcome={row.outcome} />
              </td>
              <td className="px-4 py-2 text-right tabular-nums">{row.autoScore ?? "—"}</td>
              <td className="px-4 py-2 text-right tabular-nums">{row.finalScore ?? "—"}</td>
              <td className="px-4 py-2">
                <ReviewStatusBadge status={row.status} />
                {row.reviewer ? <span className="ml-1 text-xs text-slate-500">{row.reviewer.name}</span> : null}
              </td>
              <td className="px-4 py-2 text-right">
                <Link
                  to={`/training/roleplay/reviews/${row.id}`}
                  className={row.status === "submitted" ? "btn-ghost" : "btn-primary"}
                >
                  {row.status === "submitted" ? t("reviews.queue.view") : t("reviews.queue.score")}
                </Link>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
