import { parseWithZod } from "@conform-to/zod/v4";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { titleFromLoader } from "~/components/meta";
import { PageHeader } from "~/components/page-header";
import type { FormReply } from "~/components/qa/disputes/agent-dispute-forms";
import { DecideForm } from "~/components/qa/disputes/decide-form";
import { DisputeHistory } from "~/components/qa/disputes/dispute-history";
import { DisputeStatusBadge, PassBadge, ScoreText, SlaBadge } from "~/components/qa/disputes/labels";
import { PinnedComments, ScorecardTable } from "~/components/qa/disputes/scorecard";
import { TranscriptView } from "~/components/qa/transcript-view";
import { pageTitle } from "~/modules/i18n/page-title.server";
import { clientIp, forbidden, requireUser } from "~/modules/identity/session.server";
import { decisionErrors, decisionInputs, DecideFormSchema } from "~/modules/qa/disputes/dispute-forms";
import { decideDispute, orHttpError } from "~/modules/qa/disputes/dispute.server";
import { canHandleDisputes, loadDisputeForViewer } from "~/modules/qa/disputes/handler-view.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { notFound } from "~/utils/http.server";
import { useFormat } from "~/utils/use-format";

export const meta = titleFromLoader;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  if (!canHandleDisputes(user)) throw forbidden("resolve:dispute:own");
  const view = await loadDisputeForViewer(params.disputeId ?? "", user);
  if (!view) notFound("dispute not found");
  return { ...view, pageTitle: await pageTitle(request, "qa-disputes:handler.title") };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  if (!canHandleDisputes(user)) throw forbidden("resolve:dispute:own");
  const disputeId = params.disputeId ?? "";
  const submission = parseWithZod(await request.formData(), { schema: DecideFormSchema });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  const { inputs, fieldErrors, indexOf } = decisionInputs(submission.value);
  if (Object.keys(fieldErrors).length > 0) return data(submission.reply({ fieldErrors }), { status: 400 });

  const result = await orHttpError(() =>
    decideDispute(
      { disputeId, decisions: inputs, response: submission.value.response ?? "" },
      { id: user.id, ipAddress: clientIp(request) },
    ),
  );
  if (!result.ok) {
    const errors = decisionErrors(result.itemErrors, indexOf);
    if (result.responseError) errors.fieldErrors.response = [`qa-disputes:errors.${result.responseError}`];
    return data(submission.reply(errors), { status: 400 });
  }
  return redirectWithFlash(`/qa/disputes/${disputeId}`, {
    kind: "success",
    message: "qa-disputes:flash.decided",
    params: { score: result.scoreAfter },
  });
}

export default function DisputePage() {
  const { t } = useTranslation(["qa-disputes", "common"]);
  const { review, transcript, scorecard, comments, dispute, canDecide, stage, pendingItemIds } =
    useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>() as FormReply | undefined;
  const format = useFormat();
  const open = dispute.status === "open" || dispute.status === "escalated";
  return (
    <div className="space-y-6">
      <PageHeader
        title={t("qa-disputes:handler.title")}
        description={t("qa-disputes:handler.description", {
          agent: review.agentName ?? "—",
          inspector: review.inspectorName,
          when: format.dateTime(review.submittedAt),
        })}
        actions={
          <Link to="/qa/disputes" className="btn-ghost">
            {t("common:actions.back")}
          </Link>
        }
      />
      <div className="card flex flex-wrap items-center gap-4 p-5">
        <DisputeStatusBadge status={dispute.status} />
        {open ? <SlaBadge dueAt={dispute.dueAt} overdue={dispute.overdue} /> : null}
        <span className="text-2xl" data-testid="review-score">
          <ScoreText score={review.score} passed={review.passed} />
        </span>
        <PassBadge passed={review.passed} criticalFailed={review.criticalFailed} />
        <span className="text-sm text-slate-500">
          {review.teamName ? `${review.teamName} · ` : ""}
          {`${scorecard.rubricName} v${scorecard.rubricVersion}`}
        </span>
        {open && dispute.handler ? (
          <span className="text-sm text-slate-500">
            {t("qa-disputes:history.handler", { name: dispute.handler.name })}
          </span>
        ) : null}
      </div>
      <div className="grid gap-6 xl:grid-cols-5">
        <section className="card p-5 xl:col-span-2" aria-label={t("qa-disputes:agentReview.transcript")}>
          <TranscriptView
            transcript={transcript}
            renderMessageAside={(message) => <PinnedComments comments={comments.pinned[message.id]} />}
          />
        </section>
        <div className="space-y-6 xl:col-span-3">
          {canDecide ? (
            <section className="card p-5">
              <DecideForm
                dispute={dispute}
                pendingItemIds={pendingItemIds}
                scorecard={scorecard}
                stage={stage}
                reply={reply ?? null}
              />
            </section>
          ) : null}
          <section className="card overflow-hidden" aria-labelledby="history-heading">
            <h2 id="history-heading" className="border-b border-slate-100 px-5 py-4 font-semibold text-slate-900">
              {t("qa-disputes:history.title")}
            </h2>
            <DisputeHistory disputes={[dispute]} scorecard={scorecard} />
          </section>
          <section className="card overflow-hidden" aria-labelledby="scores-heading">
            <h2 id="scores-heading" className="border-b border-slate-100 px-5 py-4 font-semibold text-slate-900">
              {t("qa-disputes:agentReview.scores")}
            </h2>
            {review.summary ? (
              <p className="whitespace-pre-line border-b border-slate-100 px-5 py-3 text-sm text-slate-700">
                {review.summary}
              </p>
            ) : null}
            <ScorecardTable scorecard={scorecard} highlight={dispute.items.map((item) => item.criterionId)} />
          </section>
        </div>
      </div>
    </div>
  );
}
