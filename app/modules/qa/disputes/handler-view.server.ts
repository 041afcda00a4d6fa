import type { SessionUser } from "~/modules/identity/session.server";
import { userCan } from "~/modules/identity/session.server";
import { loadTranscript } from "~/modules/qa/transcript.server";
import { db } from "~/utils/db.server";
import { canDecide } from "./dispute-rules";
import { loadDisputes, loadReviewComments, loadScorecard } from "./dispute-view.server";

/** Who may open a dispute's page: the current handler, the original inspector, and arbitrators. */
export function canHandleDisputes(user: Pick<SessionUser, "permissions">) {
  return userCan(user, "resolve:dispute:own") || userCan(user, "arbitrate:dispute:any");
}

/**
 * A dispute with the review behind it, for someone who may see it; null otherwise (the route answers 404, so
 * a dispute's existence is not revealed to people unrelated to it).
 */
export async function loadDisputeForViewer(disputeId: string, viewer: Pick<SessionUser, "id" | "permissions">) {
  const head = await db.dispute.findUnique({
    where: { id: disputeId },
    select: {
      handlerId: true,
      review: {
        select: {
          id: true,
          inspectorId: true,
          conversationId: true,
          rubricVersionId: true,
          score: true,
          passed: true,
          criticalFailed: true,
          summary: true,
          submittedAt: true,
          inspector: { select: { name: true } },
          agent: { select: { name: true, externalId: true, team: { select: { name: true } } } },
        },
      },
    },
  });
  if (!head) return null;
  const { review } = head;
  const mayView =
    head.handlerId === viewer.id ||
    userCan(viewer, "arbitrate:dispute:any") ||
    (review.inspectorId === viewer.id && userCan(viewer, "resolve:dispute:own"));
  if (!mayView) return null;

  const [transcript, scorecard, comments, disputes] = await Promise.all([
    loadTranscript(review.conversationId),
    loadScorecard(review.id, review.rubricVersionId),
    loadReviewComments(review.id),
    loadDisputes({ id: disputeId }),
  ]);
  const dispute = disputes[0];
  if (!transcript || !dispute) return null;
  const decide = canDecide({
    dispute: {
      status: dispute.status,
      agentId: "",
      handlerId: dispute.handler?.id ?? null,
      firstDecidedAt: null,
      escalatedAt: null,
    },
    userId: viewer.id,
  });
  const stage = dispute.status === "escalated" ? 2 : 1;
  const pendingItemIds = decide.ok
    ? dispute.items
        .filter(
          (item) =>
            stage === 1 || !(item.accepted === true && (item.proposed === null || item.decided === item.proposed)),
        )
        .map((item) => item.id)
    : [];
  return {
    review: {
      id: review.id,
      score: review.score,
      passed: review.passed,
      criticalFailed: review.criticalFailed,
      summary: review.summary,
      submittedAt: review.submittedAt?.toISOString() ?? null,
      inspectorName: review.inspector.name,
      agentName: review.agent?.name ?? null,
      agentExternalId: review.agent?.externalId ?? null,
      teamName: review.agent?.team?.name ?? null,
    },
    transcript,
    scorecard,
    comments,
    dispute,
    canDecide: decide.ok,
    stage,
    pendingItemIds,
  };
}
