import { useTranslation } from "react-i18next";
import { RelatedKnowledge } from "~/components/training/kb/article-links";
import { TranscriptView } from "~/components/qa/transcript-view";
import type { ReadPageData } from "~/modules/qa/reviews/workbench.server";
import { useFormat } from "~/utils/use-format";
import { CriterionMarkers, useScaleLabel } from "./criterion-card";
import { PinnedCommentList } from "./pinned-comments";
import { ReviewFacts } from "./review-header";
import { ScoreFigure, useDuration } from "./score-badge";

/** A scored (or cancelled) review as leads, managers and other inspectors see it. */
export function ReviewReadOnly({ data }: { data: ReadPageData }) {
  const { t } = useTranslation(["qa-review", "common"]);
  const format = useFormat();
  const duration = useDuration();
  const label = useScaleLabel();
  const { header, rubric, transcript, result } = data;
  const pinnedByMessage = new Map<string, typeof data.pinnedComments>();
  for (const comment of data.pinnedComments) {
    pinnedByMessage.set(comment.messageId, [...(pinnedByMessage.get(comment.messageId) ?? []), comment]);
  }

  return (
    <div className="space-y-4">
      <div className="card p-4">
        <ReviewFacts header={header} rubric={rubric} conversation={transcript.conversation} />
      </div>
      <div className="grid gap-4 lg:grid-cols-[minmax(0,1fr)_28rem]">
        <section className="min-w-0" aria-label={t("qa-review:workbench.transcript")}>
          <TranscriptView
            transcript={transcript}
            highlightMessageIds={[...pinnedByMessage.keys()]}
            renderMessageAside={(message) => (
              <PinnedCommentList comments={pinnedByMessage.get(message.id) ?? []} editable={false} />
            )}
          />
        </section>
        <aside className="space-y-4 lg:self-start">
          <div className="card space-y-3 p-4" data-testid="review-result">
            {header.status === "cancelled" ? (
              <p className="text-sm text-slate-600">{t("qa-review:readOnly.cancelled")}</p>
            ) : (
              <ScoreFigure
                score={result.score}
                passed={result.passed}
                criticalFailed={result.criticalFailed}
                passMark={rubric.passMark}
              />
            )}
            <dl className="grid grid-cols-2 gap-3 text-sm">
              <div>
                <dt className="text-xs text-slate-500">{t("qa-review:fields.submittedAt")}</dt>
                <dd>{header.submittedAt ? format.dateTime(header.submittedAt) : "—"}</dd>
              </div>
              <div>
                <dt className="text-xs text-slate-500">{t("qa-review:fields.gradingTime")}</dt>
                <dd>{duration(header.gradingSeconds)}</dd>
              </div>
              <div>
                <dt className="text-xs text-slate-500">{t("qa-review:fields.acknowledged")}</dt>
                <dd>
                  {result.acknowledgedAt ? format.dateTime(result.acknowledgedAt) : t("qa-review:readOnly.notYet")}
                </dd>
              </div>
            </dl>
            {result.summary ? (
              <div>
                <p className="text-xs text-slate-500">{t("qa-review:workbench.summary")}</p>
                <p className="mt-0.5 whitespace-pre-wrap text-sm text-slate-800">{result.summary}</p>
              </div>
            ) : null}
            <RelatedKnowledge articles={data.articles} title={t("training-kb:links.reviewArticles")} />
          </div>
          {data.disputes.length > 0 ? (
            <div className="card p-4" data-testid="dispute-history">
              <h2 className="text-sm font-semibold text-slate-900">{t("qa-review:readOnly.disputes")}</h2>
              <ul className="mt-2 space-y-2 text-sm">
                {data.disputes.map((dispute) => (
                  <li key={dispute.id} className="flex flex-wrap items-center gap-2">
                    <span className="badge bg-slate-100 text-slate-700">
                      {t(`qa-review:disputeStatus.${dispute.status}`)}
                    </span>
                    <span className="text-slate-600">
                      {t("qa-review:readOnly.disputeLine", {
                        date: format.date(dispute.createdAt),
                        items: dispute.items,
                      })}
                    </span>
                    {dispute.scoreAfter !== null && dispute.scoreAfter !== dispute.scoreBefore ? (
                      <span className="text-slate-600">
                        {t("qa-review:readOnly.scoreChanged", {
                          before: dispute.scoreBefore,
                          after: dispute.scoreAfter,
                        })}
                      </span>
                    ) : null}
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
          <div className="card p-4">
            {rubric.sections.map((section) => (
              <section key={section.id} className="mb-4 last:mb-0">
                <h3 className="mb-2 text-xs font-semibold uppercase tracking-wide text-slate-500">{section.name}</h3>
                <ol className="space-y-2">
                  {section.criteria.map((criterion) => {
                    const score = result.scores[criterion.id];
                    return (
                      <li
                        key={criterion.id}
                        className="rounded-lg border border-slate-200 p-3"
                        data-testid="criterion-result"
                      >
                        <div className="flex items-start justify-between gap-2">
                          <p className="text-sm font-medium text-slate-900">{criterion.name}</p>
                          <CriterionMarkers criterion={criterion} />
                        </div>
                        <p className="mt-1 text-sm">
                          <span
                            className={`badge ${
                              score?.failed ? "bg-rose-100 text-rose-700" : "bg-slate-100 text-slate-700"
                            }`}
                          >
                            {score ? label(criterion, score.value) : t("qa-review:criterion.unrated")}
                          </span>
                        </p>
                        {score?.comment ? (
                          <p className="mt-1 whitespace-pre-wrap text-xs text-slate-600">{score.comment}</p>
                        ) : null}
                      </li>
                    );
                  })}
                </ol>
              </section>
            ))}
          </div>
        </aside>
      </div>
    </div>
  );
}
