import { useTranslation } from "react-i18next";
import type { DisputeView, Scorecard, ScorecardCriterion } from "~/modules/qa/disputes/dispute-view.server";
import { useFormat } from "~/utils/use-format";
import { DisputeStatusBadge, SlaBadge, useValueLabel } from "./labels";

function criteriaById(scorecard: Scorecard) {
  return new Map<string, ScorecardCriterion>(
    scorecard.sections.flatMap((section) => section.criteria.map((criterion) => [criterion.id, criterion] as const)),
  );
}

/** Every dispute of a review: what was asked, each stage's answer per item, and the score change. */
export function DisputeHistory({ disputes, scorecard }: { disputes: DisputeView[]; scorecard: Scorecard }) {
  const { t } = useTranslation("qa-disputes");
  if (disputes.length === 0) return <p className="px-5 py-4 text-sm text-slate-500">{t("history.none")}</p>;
  return (
    <ol className="divide-y divide-slate-100" data-testid="dispute-history">
      {disputes.map((dispute) => (
        <li key={dispute.id} className="px-5 py-4">
          <DisputeEntry dispute={dispute} criteria={criteriaById(scorecard)} />
        </li>
      ))}
    </ol>
  );
}

function DisputeEntry({ dispute, criteria }: { dispute: DisputeView; criteria: Map<string, ScorecardCriterion> }) {
  const { t } = useTranslation("qa-disputes");
  const format = useFormat();
  const valueLabel = useValueLabel();
  const open = dispute.status === "open" || dispute.status === "escalated";
  const label = (criterionId: string, value: DisputeView["items"][number]["proposed"]) => {
    const criterion = criteria.get(criterionId);
    return criterion ? valueLabel(criterion, value) : String(value ?? "—");
  };
  return (
    <div className="space-y-3 text-sm">
      <div className="flex flex-wrap items-center gap-2">
        <DisputeStatusBadge status={dispute.status} />
        {open ? <SlaBadge dueAt={dispute.dueAt} overdue={dispute.overdue} /> : null}
        <span className="text-slate-500">
          {t("history.filed", { name: dispute.agentName, when: format.dateTime(dispute.createdAt) })}
        </span>
        {dispute.handler && open ? (
          <span className="text-slate-500">{t("history.handler", { name: dispute.handler.name })}</span>
        ) : null}
      </div>
      <div className="overflow-x-auto">
        <table className="table-base">
          <thead>
            <tr>
              <th scope="col">{t("scorecard.criterion")}</th>
              <th scope="col">{t("history.reason")}</th>
              <th scope="col">{t("history.proposed")}</th>
              <th scope="col">{t("history.decision")}</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {dispute.items.map((item) => (
              <tr key={item.id}>
                <td className="font-medium text-slate-900">{item.criterionName}</td>
                <td className="min-w-48 max-w-xs whitespace-pre-line break-words text-slate-700">{item.reason}</td>
                <td>{item.proposed === null ? t("history.noProposal") : label(item.criterionId, item.proposed)}</td>
                <td>
                  {item.firstDecision ? (
                    <span className="block text-xs text-slate-500">
                      {t("history.stage1")}{" "}
                      {item.firstDecision.accepted
                        ? t("history.acceptedAs", { value: label(item.criterionId, item.firstDecision.value) })
                        : t("history.rejected")}
                    </span>
                  ) : null}
                  {item.accepted === null ? (
                    <span className="text-slate-400">{t("history.pending")}</span>
                  ) : item.accepted ? (
                    <span className="text-emerald-700">
                      {t("history.acceptedAs", { value: label(item.criterionId, item.decided) })}
                    </span>
                  ) : (
                    <span className="text-rose-600">{t("history.rejected")}</span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <dl className="grid gap-2 sm:grid-cols-2">
        {dispute.firstResponse ? (
          <Note
            label={t("history.firstResponse", { when: format.dateTime(dispute.firstDecidedAt) })}
            text={dispute.firstResponse}
          />
        ) : null}
        {dispute.escalationReason ? (
          <Note
            label={t("history.escalationReason", { when: format.dateTime(dispute.escalatedAt) })}
            text={dispute.escalationReason}
          />
        ) : null}
        {dispute.escalatedAt && dispute.response && !open ? (
          <Note
            label={t("history.finalResponse", {
              name: dispute.resolvedBy ?? "",
              when: format.dateTime(dispute.resolvedAt),
            })}
            text={dispute.response}
          />
        ) : null}
      </dl>
      {dispute.scoreAfter !== null && dispute.scoreAfter !== dispute.scoreBefore ? (
        <p className="text-slate-700" data-testid="score-change">
          {t("history.scoreChange", {
            before: format.number(dispute.scoreBefore, { maximumFractionDigits: 2 }),
            after: format.number(dispute.scoreAfter, { maximumFractionDigits: 2 }),
          })}
        </p>
      ) : null}
      {dispute.status === "withdrawn" ? (
        <p className="text-slate-500">{t("history.withdrawnAt", { when: format.dateTime(dispute.resolvedAt) })}</p>
      ) : null}
    </div>
  );
}

function Note({ label, text }: { label: string; text: string }) {
  return (
    <div className="rounded-md bg-slate-50 px-3 py-2">
      <dt className="text-xs text-slate-500">{label}</dt>
      <dd className="mt-1 whitespace-pre-line text-slate-800">{text}</dd>
    </div>
  );
}
