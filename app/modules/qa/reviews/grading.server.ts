import { recordAudit } from "~/modules/audit/audit.server";
import type { SessionUser } from "~/modules/identity/session.server";
import { notify } from "~/modules/notifications/notifications.server";
import { afterCalibrationReviewSubmitted } from "~/modules/qa/calibration/release.server";
import { PINNED_COMMENT_MAX, type ReviewDraft } from "~/modules/qa/reviews/review-form";
import { canScore, OPEN_REVIEW_STATUSES } from "~/modules/qa/reviews/workbench.server";
import { loadRubricVersion, type RubricVersionView } from "~/modules/qa/rubrics/rubric-version.server";
import { isPassing, scoreReview, validateRatings } from "~/modules/qa/scoring";
import { db, Prisma } from "~/utils/db.server";

type Actor = Pick<SessionUser, "id" | "permissions">;

export type GradingFailure =
  | { ok: false; status: 404; error: "notFound" }
  | { ok: false; status: 403; error: "notAssignee" }
  | { ok: false; status: 409; error: "alreadySubmitted" | "cancelled" }
  | { ok: false; status: 400; error: "incomplete"; missing: string[]; naNotAllowed: string[] }
  | { ok: false; status: 400; error: "messageNotInConversation" | "emptyComment" | "commentTooLong" };

type Open = {
  ok: true;
  review: {
    id: string;
    conversationId: string;
    rubricVersionId: string;
    startedAt: Date | null;
    gradingSeconds: number | null;
  };
};

// NULL + n is NULL in SQL: the first credit sets the column, later ones increment it.
const addSeconds = (current: number | null, seconds: number) => (current === null ? seconds : { increment: seconds });

/** The review, if this person may still change it. */
async function openReviewFor(actor: Actor, reviewId: string): Promise<Open | GradingFailure> {
  const review = await db.review.findUnique({
    where: { id: reviewId },
    select: {
      id: true,
      kind: true,
      status: true,
      inspectorId: true,
      conversationId: true,
      rubricVersionId: true,
      startedAt: true,
      gradingSeconds: true,
    },
  });
  if (!review) return { ok: false, status: 404, error: "notFound" };
  // Someone else's calibration review must look absent, as it does on the page.
  if (review.kind === "calibration" && review.inspectorId !== actor.id) {
    return { ok: false, status: 404, error: "notFound" };
  }
  if (!canScore(actor, review)) return { ok: false, status: 403, error: "notAssignee" };
  if (review.status === "submitted") return { ok: false, status: 409, error: "alreadySubmitted" };
  if (review.status === "cancelled") return { ok: false, status: 409, error: "cancelled" };
  return { ok: true, review };
}

export async function rubricFor(reviewId: string): Promise<RubricVersionView | null> {
  const review = await db.review.findUnique({ where: { id: reviewId }, select: { rubricVersionId: true } });
  return review ? loadRubricVersion(review.rubricVersionId) : null;
}

/** Autosave: keeps the inspector's work and adds the time spent since the last save. */
export async function saveDraft(actor: Actor, reviewId: string, draft: ReviewDraft, elapsedSeconds: number) {
  const found = await openReviewFor(actor, reviewId);
  if (!found.ok) return found;
  const now = new Date();
  const updated = await db.review.updateMany({
    where: { id: reviewId, status: { in: [...OPEN_REVIEW_STATUSES] } },
    data: {
      status: "draft",
      draft: draft as unknown as Prisma.InputJsonValue,
      startedAt: found.review.startedAt ?? now,
      gradingSeconds: addSeconds(found.review.gradingSeconds, elapsedSeconds),
    },
  });
  // Another tab submitted in between: the draft must not reopen a submitted review.
  if (updated.count === 0) return { ok: false as const, status: 409 as const, error: "alreadySubmitted" as const };
  return { ok: true as const, savedAt: now.toISOString() };
}

export type SubmitResult =
  { ok: true; score: number; passed: boolean; criticalFailed: boolean; released: boolean } | GradingFailure;

/**
 * Scores the review with the published rule and records it: scores per criterion, the total, pass/fail, the audit
 * entry and the agent's notification (calibration reviews release the session instead) in one transaction.
 */
export async function submitReview(
  actor: Actor,
  reviewId: string,
  draft: ReviewDraft,
  elapsedSeconds: number,
  options: { ipAddress?: string | null; submittedAt?: Date } = {},
): Promise<SubmitResult> {
  const found = await openReviewFor(actor, reviewId);
  if (!found.ok) return found;
  const rubric = await loadRubricVersion(found.review.rubricVersionId);
  if (!rubric) return { ok: false, status: 404, error: "notFound" };

  const { missing, naNotAllowed } = validateRatings(rubric.criteria, draft.ratings);
  if (missing.length > 0 || naNotAllowed.length > 0) {
    return { ok: false, status: 400, error: "incomplete", missing, naNotAllowed };
  }
  const result = scoreReview(rubric.criteria, draft.ratings);
  const passed = isPassing(result.score, rubric.passMark);
  const submittedAt = options.submittedAt ?? new Date();

  return db.$transaction(async (tx) => {
    const claimed = await tx.review.updateMany({
      where: { id: reviewId, status: { in: [...OPEN_REVIEW_STATUSES] } },
      data: {
        status: "submitted",
        score: result.score,
        passed,
        criticalFailed: result.criticalFailed,
        summary: draft.summary || null,
        submittedAt,
        draft: Prisma.DbNull,
        startedAt: found.review.startedAt ?? submittedAt,
        gradingSeconds: addSeconds(found.review.gradingSeconds, elapsedSeconds),
      },
    });
    if (claimed.count === 0) return { ok: false, status: 409, error: "alreadySubmitted" } as const;
    const review = await tx.review.findUniqueOrThrow({
      where: { id: reviewId },
      select: {
        kind: true,
        agentId: true,
        gradingSeconds: true,
        conversation: { select: { externalId: true } },
      },
    });

    await tx.reviewScore.createMany({
      data: result.criteria.map((criterion) => ({
        reviewId,
        criterionId: criterion.criterionId,
        value: criterion.value,
        score: criterion.score,
        failed: criterion.failed,
        comment: draft.comments[criterion.criterionId] ?? null,
      })),
    });
    await recordAudit(
      {
        actorId: actor.id,
        action: "qa-review.submit",
        entityType: "review",
        entityId: reviewId,
        after: {
          score: result.score,
          passed,
          criticalFailed: result.criticalFailed,
          ratings: draft.ratings,
          gradingSeconds: review.gradingSeconds,
        },
        ipAddress: options.ipAddress ?? null,
      },
      tx,
    );

    let released = false;
    if (review.kind === "calibration") {
      ({ released } = await afterCalibrationReviewSubmitted(tx, reviewId));
    } else if (review.agentId) {
      await notify(
        {
          userId: review.agentId,
          kind: "qa-review-submitted",
          params: {
            conversation: review.conversation.externalId,
            rubric: rubric.rubricName,
            score: result.score,
          },
          link: `/agent/reviews/${reviewId}`,
        },
        tx,
      );
    }
    return { ok: true, score: result.score, passed, criticalFailed: result.criticalFailed, released } as const;
  });
}

export async function addPinnedComment(actor: Actor, reviewId: string, messageId: string, text: string) {
  const found = await openReviewFor(actor, reviewId);
  if (!found.ok) return found;
  const body = text.trim();
  if (!body) return { ok: false as const, status: 400 as const, error: "emptyComment" as const };
  if (body.length > PINNED_COMMENT_MAX)
    return { ok: false as const, status: 400 as const, error: "commentTooLong" as const };
  const id = /^\d{1,19}$/.test(messageId) ? BigInt(messageId) : null;
  const message = id
    ? await db.message.findFirst({
        where: { id, conversationId: found.review.conversationId },
        select: { id: true },
      })
    : null;
  if (!message) return { ok: false as const, status: 400 as const, error: "messageNotInConversation" as const };
  const comment = await db.reviewComment.create({
    data: { reviewId, messageId: message.id, authorId: actor.id, text: body },
    select: { id: true },
  });
  return { ok: true as const, id: comment.id };
}

export async function deletePinnedComment(actor: Actor, reviewId: string, commentId: string) {
  const found = await openReviewFor(actor, reviewId);
  if (!found.ok) return found;
  const deleted = await db.reviewComment.deleteMany({ where: { id: commentId, reviewId } });
  if (deleted.count === 0) return { ok: false as const, status: 404 as const, error: "notFound" as const };
  return { ok: true as const };
}
