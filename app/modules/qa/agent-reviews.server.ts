/**
 * The agent's side of QA: their own submitted regular reviews, one review in full, and acknowledging it.
 * Every query is scoped by agentId in its WHERE clause, so another agent's review is never read at all;
 * calibration reviews and unsubmitted work never appear.
 */
import { recordAudit } from "~/modules/audit/audit.server";
import { getQaSettings } from "~/modules/qa/settings.server";
import { loadTranscript } from "~/modules/qa/transcript.server";
import { db, type Prisma } from "~/utils/db.server";
import {
  canAcknowledge,
  canEscalate,
  canOpenDispute,
  canWithdraw,
  disputeDeadline,
  escalationDeadline,
  type Refusal,
} from "./disputes/dispute-rules";
import { DisputeError, type Actor } from "./disputes/dispute.server";
import { loadDisputes, loadReviewComments, loadScorecard } from "./disputes/dispute-view.server";

const ownSubmitted = (agentId: string): Prisma.ReviewWhereInput => ({
  agentId,
  kind: "regular",
  status: "submitted",
});

export async function listAgentReviews(agentId: string, options: { page: number; pageSize: number }) {
  const where = ownSubmitted(agentId);
  const [rows, total] = await Promise.all([
    db.review.findMany({
      where,
      orderBy: [{ submittedAt: "desc" }, { id: "asc" }],
      skip: (options.page - 1) * options.pageSize,
      take: options.pageSize,
      select: {
        id: true,
        score: true,
        passed: true,
        criticalFailed: true,
        submittedAt: true,
        acknowledgedAt: true,
        conversation: { select: { externalId: true, channel: true } },
        rubricVersion: { select: { version: true, rubric: { select: { name: true } } } },
        disputes: { orderBy: { createdAt: "desc" }, take: 1, select: { status: true } },
      },
    }),
    db.review.count({ where }),
  ]);
  return {
    total,
    rows: rows.map((row) => ({
      id: row.id,
      score: row.score,
      passed: row.passed,
      criticalFailed: row.criticalFailed,
      submittedAt: row.submittedAt?.toISOString() ?? null,
      acknowledgedAt: row.acknowledgedAt?.toISOString() ?? null,
      conversation: row.conversation.externalId,
      channel: row.conversation.channel,
      rubric: `${row.rubricVersion.rubric.name} v${row.rubricVersion.version}`,
      disputeStatus: row.disputes[0]?.status ?? null,
    })),
  };
}

type Ability = { allowed: true; until?: string } | { allowed: false; refusal: Refusal };

function ability(check: { ok: true } | { ok: false; refusal: Refusal }, until?: Date): Ability {
  return check.ok ? { allowed: true, until: until?.toISOString() } : { allowed: false, refusal: check.refusal };
}

/** One of the agent's reviews with everything the page shows, or null when it is not theirs (or not visible). */
export async function loadAgentReview(agentId: string, reviewId: string, now = new Date()) {
  const review = await db.review.findFirst({
    where: { id: reviewId, ...ownSubmitted(agentId) },
    select: {
      id: true,
      kind: true,
      status: true,
      agentId: true,
      conversationId: true,
      rubricVersionId: true,
      submittedAt: true,
      acknowledgedAt: true,
      score: true,
      passed: true,
      criticalFailed: true,
      summary: true,
      inspector: { select: { name: true } },
    },
  });
  if (!review) return null;
  const [transcript, scorecard, comments, disputes, settings] = await Promise.all([
    loadTranscript(review.conversationId),
    loadScorecard(review.id, review.rubricVersionId),
    loadReviewComments(review.id),
    loadDisputes({ reviewId: review.id }, now),
    getQaSettings(),
  ]);
  if (!transcript) return null;

  const statuses = disputes.map((dispute) => dispute.status);
  const latest = disputes[0] ?? null;
  const latestFacts = latest
    ? {
        status: latest.status,
        agentId,
        handlerId: latest.handler?.id ?? null,
        firstDecidedAt: latest.firstDecidedAt ? new Date(latest.firstDecidedAt) : null,
        escalatedAt: latest.escalatedAt ? new Date(latest.escalatedAt) : null,
      }
    : null;
  const windowDays = settings.disputeWindowDays;
  return {
    review: {
      id: review.id,
      submittedAt: review.submittedAt?.toISOString() ?? null,
      acknowledgedAt: review.acknowledgedAt?.toISOString() ?? null,
      score: review.score,
      passed: review.passed,
      criticalFailed: review.criticalFailed,
      summary: review.summary,
      inspectorName: review.inspector.name,
    },
    transcript,
    scorecard,
    comments,
    disputes,
    abilities: {
      acknowledge: ability(canAcknowledge({ review, disputes: statuses, agentId })),
      dispute: ability(
        canOpenDispute({ review, disputes: statuses, agentId, now, windowDays }),
        review.submittedAt ? disputeDeadline(review.submittedAt, windowDays) : undefined,
      ),
      escalate: latestFacts
        ? ability(
            canEscalate({ dispute: latestFacts, review, agentId, now, windowDays }),
            latestFacts.firstDecidedAt ? escalationDeadline(latestFacts.firstDecidedAt, windowDays) : undefined,
          )
        : null,
      withdraw: latestFacts ? ability(canWithdraw({ dispute: latestFacts, agentId })) : null,
    },
    windowDays,
  };
}

/** Marks the review as read and accepted by the agent. */
export async function acknowledgeReview(reviewId: string, actor: Actor, now = new Date()) {
  await db.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT "id" FROM "Review" WHERE "id" = ${reviewId} FOR UPDATE`;
    const review = await tx.review.findFirst({
      where: { id: reviewId, agentId: actor.id },
      select: {
        kind: true,
        status: true,
        agentId: true,
        submittedAt: true,
        acknowledgedAt: true,
        disputes: { select: { status: true } },
      },
    });
    if (!review) throw new DisputeError(404, "not-found");
    const check = canAcknowledge({
      review,
      disputes: review.disputes.map((dispute) => dispute.status),
      agentId: actor.id,
    });
    if (!check.ok) throw new DisputeError(check.refusal === "not-own-review" ? 404 : 409, check.refusal);
    await tx.review.update({ where: { id: reviewId }, data: { acknowledgedAt: now } });
    await recordAudit(
      {
        actorId: actor.id,
        action: "qa-review.acknowledge",
        entityType: "qa-review",
        entityId: reviewId,
        ipAddress: actor.ipAddress,
        after: { acknowledgedAt: now.toISOString() },
      },
      tx,
    );
  });
}

/** True when the dispute is the agent's own, on this review. */
export async function isOwnDispute(agentId: string, reviewId: string, disputeId: string) {
  return (await db.dispute.count({ where: { id: disputeId, reviewId, agentId } })) === 1;
}
