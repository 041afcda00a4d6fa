import { useTranslation } from "react-i18next";
import type { CommentView, Scorecard } from "~/modules/qa/disputes/dispute-view.server";
import { useFormat } from "~/utils/use-format";
import { useValueLabel } from "./labels";

/** The review's scores per criterion, by section, with the inspector's comment on each. */
export function ScorecardTable({
  scorecard,
  highlight = [],
}: {
  scorecard: Scorecard;
  /** Criterion ids to mark (the disputed ones). */
  highlight?: readonly string[];
}) {
  const { t } = useTranslation("qa-disputes");
  const valueLabel = useValueLabel();
  const format = useFormat();
  return (
    <div className="overflow-x-auto">
      <table className="table-base" data-testid="scorecard">
        <thead>
          <tr>
            <th scope="col">{t("scorecard.criterion")}</th>
            <th scope="col">{t("scorecard.value")}</th>
            <th scope="col">{t("scorecard.score")}</th>
            <th scope="col">{t("scorecard.comment")}</th>
          </tr>
        </thead>
        {scorecard.sections.map((section) => (
          <tbody key={section.id} className="divide-y divide-slate-100">
            <tr>
              <th colSpan={4} scope="colgroup" className="bg-slate-50 text-left text-xs font-semibold text-slate-600">
                {section.name}
              </th>
            </tr>
            {section.criteria.map((criterion) => (
              <tr key={criterion.id} className={highlight.includes(criterion.id) ? "bg-amber-50/60" : undefined}>
                <td>
                  <span className="font-medium text-slate-900">{criterion.name}</span>
                  <span className="ml-2 inline-flex gap-1">
                    {criterion.critical ? (
                      <span className="badge bg-rose-50 text-rose-700">{t("scorecard.critical")}</span>
                    ) : null}
                    {criterion.bonus ? (
                      <span className="badge bg-sky-50 text-sky-700">{t("scorecard.bonus")}</span>
                    ) : null}
                  </span>
                  {!criterion.bonus ? (
                    <span className="block text-xs text-slate-400">
                      {t("scorecard.weight", { weight: criterion.weight })}
                    </span>
                  ) : null}
                </td>
                <td className={criterion.failed ? "font-medium text-rose-600" : "text-slate-700"}>
                  {valueLabel(criterion, criterion.value)}
                </td>
                <td className="tabular-nums text-slate-600">
                  {criterion.score === null ? "—" : format.number(criterion.score, { style: "percent" })}
                </td>
                <td className="max-w-xs whitespace-pre-line text-sm text-slate-600">{criterion.comment ?? ""}</td>
              </tr>
            ))}
          </tbody>
        ))}
      </table>
    </div>
  );
}

/** Comments the inspector pinned to one message, shown under it in the transcript. */
export function PinnedComments({ comments }: { comments: CommentView[] | undefined }) {
  const { t } = useTranslation("qa-disputes");
  if (!comments?.length) return null;
  return (
    <ul className="mt-2 space-y-1" aria-label={t("review.pinnedComments")}>
      {comments.map((comment) => (
        <li
          key={comment.id}
          className="rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-xs text-amber-900"
        >
          <span className="font-medium">
            {t("review.commentBy", { author: comment.author ?? t("review.inspector") })}
          </span>
          {comment.text}
        </li>
      ))}
    </ul>
  );
}
