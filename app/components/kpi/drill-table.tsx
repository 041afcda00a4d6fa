import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { DrillRow } from "~/modules/kpi/drill-row";
import { formatDuration, formatKpiValue } from "~/modules/kpi/format";
import { useFormat } from "~/utils/use-format";

type Row = DrillRow;

function ConversationRef({ id, externalId, link }: { id: string; externalId: string; link: boolean }) {
  return link ? (
    <Link to={`/qa/conversations/${id}`} className="font-mono text-xs text-brand-700 hover:underline">
      {externalId}
    </Link>
  ) : (
    <span className="font-mono text-xs">{externalId}</span>
  );
}

/** The rows behind one number; columns depend on the kind of row the metric is made of. */
export function DrillTable({
  rows,
  unit,
  canOpenConversations,
}: {
  rows: Row[];
  unit: string;
  canOpenConversations: boolean;
}) {
  const { t } = useTranslation("kpi");
  const format = useFormat();
  const locale = format.context.locale;
  const kind = rows[0]?.kind;
  const c = (key: string) => t(`drill.columns.${key}`);
  const headers: Record<string, string[]> = {
    conversation: [c("conversation"), c("time"), c("channel"), c("value"), c("weight")],
    reply: [c("conversation"), c("time"), c("seconds")],
    review: [c("conversation"), c("time"), c("score"), c("redLine")],
    attempt: [c("exam"), c("time"), c("score"), c("passed")],
    assignment: [c("title"), c("due"), c("completed")],
    feedback: [c("cycle"), c("score")],
  };
  const conversationValue = (value: number | null) => {
    if (value === null) return "—";
    if (unit === "seconds" || unit === "hours") return formatKpiValue(value, unit, locale);
    return unit === "count" ? format.number(value) : value === 1 ? t("drill.yes") : t("drill.no");
  };
  return (
    <table className="table-base" data-testid="kpi-drill">
      <thead>
        <tr>
          {(headers[kind ?? "conversation"] ?? []).map((header) => (
            <th key={header}>{header}</th>
          ))}
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {rows.map((row, index) => {
          switch (row.kind) {
            case "conversation":
              return (
                <tr key={row.id}>
                  <td>
                    <ConversationRef id={row.id} externalId={row.externalId} link={canOpenConversations} />
                  </td>
                  <td>{format.dateTime(row.startedAt)}</td>
                  <td>{row.channel}</td>
                  <td className="tabular-nums">{conversationValue(row.value)}</td>
                  <td className="tabular-nums">
                    {row.weight === 1 ? "1" : format.number(row.weight, { maximumFractionDigits: 2 })}
                  </td>
                </tr>
              );
            case "reply":
              return (
                <tr key={`${row.conversationId}-${index}`}>
                  <td>
                    <ConversationRef id={row.conversationId} externalId={row.externalId} link={canOpenConversations} />
                  </td>
                  <td>{format.dateTime(row.sentAt)}</td>
                  <td className="tabular-nums">{formatDuration(row.seconds, locale)}</td>
                </tr>
              );
            case "review":
              return (
                <tr key={row.id}>
                  <td>
                    <ConversationRef
                      id={row.conversationId}
                      externalId={row.conversationId.slice(-8)}
                      link={canOpenConversations}
                    />
                  </td>
                  <td>{format.dateTime(row.submittedAt)}</td>
                  <td className="tabular-nums">
                    {row.score === null ? "—" : formatKpiValue(row.score, "score", locale)}
                  </td>
                  <td>
                    {row.criticalFailed ? (
                      <span className="badge bg-rose-50 text-rose-700">{t("drill.yes")}</span>
                    ) : (
                      t("drill.no")
                    )}
                  </td>
                </tr>
              );
            case "attempt":
              return (
                <tr key={row.id}>
                  <td>{row.examTitle}</td>
                  <td>{format.dateTime(row.submittedAt)}</td>
                  <td className="tabular-nums">
                    {row.scorePercent === null ? "—" : formatKpiValue(row.scorePercent, "percent", locale)}
                  </td>
                  <td>{row.passed === null ? "—" : row.passed ? t("drill.pass") : t("drill.fail")}</td>
                </tr>
              );
            case "assignment":
              return (
                <tr key={row.id}>
                  <td>{row.title}</td>
                  <td>{format.dateTime(row.dueAt)}</td>
                  <td>{row.completedAt ? format.dateTime(row.completedAt) : t("drill.notDone")}</td>
                </tr>
              );
            case "feedback":
              return (
                <tr key={row.subjectId}>
                  <td>{row.cycleName}</td>
                  <td className="tabular-nums">{formatKpiValue(row.overallScore, "rating", locale)}</td>
                </tr>
              );
            default:
              return null;
          }
        })}
      </tbody>
    </table>
  );
}
