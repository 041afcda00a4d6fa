import { parseWithZod } from "@conform-to/zod/v4";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { titleFromLoader } from "~/components/meta";
import { PageHeader } from "~/components/page-header";
import {
  AcknowledgeButton,
  DisputeForm,
  EscalateForm,
  replyFor,
  WithdrawButton,
  type FormReply,
} from "~/components/qa/disputes/agent-dispute-forms";
import { DisputeHistory } from "~/components/qa/disputes/dispute-history";
import { PassBadge, ScoreText } from "~/components/qa/disputes/labels";
import { PinnedComments, ScorecardTable } from "~/components/qa/disputes/scorecard";
import { TranscriptView } from "~/components/qa/transcript-view";
import { RelatedKnowledge } from "~/components/training/kb/article-links";
import { pageTitle } from "~/modules/i18n/page-title.server";
import { clientIp, forbidden, requirePermission, userCan } from "~/modules/identity/session.server";
import { acknowledgeReview, isOwnDispute, loadAgentReview } from "~/modules/qa/agent-reviews.server";
import { AgentActionSchema, disputeItemErrors, proposedItems } from "~/modules/qa/disputes/dispute-forms";
import { escalateDispute, openDispute, orHttpError, withdrawDispute } from "~/modules/qa/disputes/dispute.server";
import { reviewKnowledge } from "~/modules/training/kb/review-links.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { notFound } from "~/utils/http.server";
import { useFormat } from "~/utils/use-format";

export const meta = titleFromLoader;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "acknowledge:qa-review:own");
  // Scoped to the signed-in agent in the query itself: someone else's review is never loaded.
  const view = await loadAgentReview(user.id, params.reviewId ?? "");
  if (!view) notFound("review not found");
  return {
    ...view,
    knowledge: await reviewKnowledge(params.reviewId ?? ""),
    canDispute: userCan(user, "create:dispute:own"),
    canAcknowledge: userCan(user, "acknowledge:qa-review:own"),
    pageTitle: await pageTitle(request, "qa-disputes:agentReview.title"),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requirePermission(request, "acknowledge:qa-review:own");
  const reviewId = params.reviewId ?? "";
  const actor = { id: user.id, ipAddress: clientIp(request) };
  const submission = parseWithZod(await request.formData(), { schema: AgentActionSchema });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  const form = submission.value;
  const back = `/agent/reviews/${reviewId}`;

  if (form.intent === "acknowledge") {
    if (!userCan(user, "acknowledge:qa-review:own")) throw forbidden("acknowledge:qa-review:own");
    await orHttpError(() => acknowledgeReview(reviewId, actor));
    return redirectWithFlash(back, { kind: "success", message: "qa-disputes:flash.acknowledged" });
  }

  if (!userCan(user, "create:dispute:own")) throw forbidden("create:dispute:own");
  if (form.intent === "dispute") {
    const { rows, fieldErrors } = proposedItems(form);
    if (Object.keys(fieldErrors).length > 0) return data(submission.reply({ fieldErrors }), { status: 400 });
    const result = await orHttpError(() => openDispute({ reviewId, items: rows.map((row) => row.item) }, actor));
    if (!result.ok) {
      const errors = disputeItemErrors({ errors: result.itemErrors, formError: result.formError }, rows);
      return data(submission.reply(errors), { status: 400 });
    }
    return redirectWithFlash(back, { kind: "success", message: "qa-disputes:flash.disputed" });
  }

  // Escalating and withdrawing act on a dispute of this review only.
  if (!(await isOwnDispute(user.id, reviewId, form.disputeId))) notFound("dispute not found");
  if (form.intent === "escalate") {
    const result = await orHttpError(() =>
      escalateDispute({ disputeId: form.disputeId, reason: form.reason ?? "" }, actor),
    );
    if (!result.ok) {
      const fieldErrors = { reason: [`qa-disputes:errors.${result.reasonError}`] };
      return data(submission.reply({ fieldErrors }), { status: 400 });
    }
    return redirectWithFlash(back, { kind: "success", message: "qa-disputes:flash.escalated" });
  }
  await orHttpError(() => withdrawDispute({ disputeId: form.disputeId }, actor));
  return redirectWithFlash(back, { kind: "success", message: "qa-disputes:flash.withdrawn" });
}

export default function AgentReviewPage() {
  const { t } = useTranslation(["qa-disputes", "common"]);
  const loaderData = useLoaderData<typeof loader>();
  const { review, transcript, scorecard, comments, disputes, abilities, canDispute, canAcknowledge, knowledge } =
    loaderData;
  const reply = useActionData<typeof action>() as FormReply | undefined;
  const format = useFormat();
  const latest = disputes[0] ?? null;
  const disputed = latest?.items.map((item) => item.criterionId) ?? [];

  return (
    <div className="space-y-6">
      <PageHeader
        title={t("qa-disputes:agentReview.title")}
        description={t("qa-disputes:agentReview.description", {
          inspector: review.inspectorName,
          when: format.dateTime(review.submittedAt),
          rubric: `${scorecard.rubricName} v${scorecard.rubricVersion}`,
        })}
        actions={
          <Link to="/agent/reviews" className="btn-ghost">
            {t("common:actions.back")}
          </Link>
        }
      />
      <div className="grid gap-6 xl:grid-cols-5">
        <section className="card p-5 xl:col-span-2" aria-label={t("qa-disputes:agentReview.transcript")}>
          <TranscriptView
            transcript={transcript}
            renderMessageAside={(message) => <PinnedComments comments={comments.pinned[message.id]} />}
          />
        </section>
        <div className="space-y-6 xl:col-span-3">
          <section className="card p-5" aria-labelledby="summary-heading">
            <h2 id="summary-heading" className="sr-only">
              {t("qa-disputes:agentReview.summary")}
            </h2>
            <div className="flex flex-wrap items-center gap-4">
              <p className="text-3xl" data-testid="review-score">
                <ScoreText score={review.score} passed={review.passed} />
              </p>
              <PassBadge passed={review.passed} criticalFailed={review.criticalFailed} />
              <span className="text-sm text-slate-500">
                {t("qa-disputes:agentReview.passMark", { mark: scorecard.passMark })}
              </span>
              {review.acknowledgedAt ? (
                <span className="badge bg-emerald-50 text-emerald-700">
                  {t("qa-disputes:agentReview.acknowledgedAt", { when: format.dateTime(review.acknowledgedAt) })}
                </span>
              ) : null}
            </div>
            {review.summary ? (
              <p className="mt-3 whitespace-pre-line rounded-md bg-slate-50 px-3 py-2 text-sm text-slate-700">
                {review.summary}
              </p>
            ) : null}
            {comments.general.length > 0 ? (
              <ul className="mt-3 space-y-1 text-sm text-slate-700">
                {comments.general.map((comment) => (
                  <li key={comment.id}>{comment.text}</li>
                ))}
              </ul>
            ) : null}
            <div className="mt-4 flex flex-wrap items-center gap-3">
              {canAcknowledge && abilities.acknowledge.allowed ? <AcknowledgeButton /> : null}
              {canDispute && abilities.withdraw?.allowed && latest ? <WithdrawButton disputeId={latest.id} /> : null}
              {canDispute && !abilities.dispute.allowed && !latest && !review.acknowledgedAt ? (
                <span className="text-sm text-slate-500">{t(`qa-disputes:refusals.${abilities.dispute.refusal}`)}</span>
              ) : null}
            </div>
          </section>
          <section className="card overflow-hidden" aria-labelledby="scores-heading">
            <h2 id="scores-heading" className="border-b border-slate-100 px-5 py-4 font-semibold text-slate-900">
              {t("qa-disputes:agentReview.scores")}
            </h2>
            <ScorecardTable scorecard={scorecard} highlight={disputed} />
          </section>
          {knowledge.attached.length > 0 || knowledge.criteria.length > 0 ? (
            <section className="card space-y-4 p-5" aria-labelledby="knowledge-heading" data-testid="review-knowledge">
              <h2 id="knowledge-heading" className="font-semibold text-slate-900">
                {t("training-kb:links.related")}
              </h2>
              <RelatedKnowledge articles={knowledge.attached} title={t("training-kb:links.reviewArticles")} />
              {knowledge.criteria.length > 0 ? (
                <ul className="space-y-1 text-sm">
                  {knowledge.criteria.map(({ criterion, article }) => (
                    <li key={article.id}>
                      <span className="text-slate-500">{criterion}：</span>
                      <Link to={`/kb/${article.slug}`} className="text-brand-700 hover:underline">
                        {article.title}
                      </Link>
                    </li>
                  ))}
                </ul>
              ) : null}
            </section>
          ) : null}
          {canDispute && abilities.dispute.allowed ? (
            <section className="card p-5">
              <DisputeForm scorecard={scorecard} until={abilities.dispute.until} reply={replyFor(reply, "dispute")} />
            </section>
          ) : null}
          {canDispute && latest && abilities.escalate?.allowed ? (
            <section className="card p-5">
              <EscalateForm
                disputeId={latest.id}
                until={abilities.escalate.until}
                reply={replyFor(reply, "escalate")}
              />
            </section>
          ) : null}
          <section className="card overflow-hidden" aria-labelledby="history-heading">
            <h2 id="history-heading" className="border-b border-slate-100 px-5 py-4 font-semibold text-slate-900">
              {t("qa-disputes:history.title")}
            </h2>
            <DisputeHistory disputes={disputes} scorecard={scorecard} />
          </section>
        </div>
      </div>
    </div>
  );
}
