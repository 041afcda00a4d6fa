import { hasPermission } from "~/modules/identity/permissions";
import { forbidden, type SessionUser } from "~/modules/identity/session.server";
import { reviewReadScope, scopeCoversTeam } from "~/modules/qa/reviews/access.server";
import { parseStoredDraft } from "~/modules/qa/reviews/review-form";
import { loadRubricVersion } from "~/modules/qa/rubrics/rubric-version.server";
import { reviewArticles } from "~/modules/training/kb/review-links.server";
import { loadTranscript } from "~/modules/qa/transcript.server";
import { db } from "~/utils/db.server";
import { notFound } from "~/utils/http.server";

type Viewer = Pick<SessionUser, "id" | "permissions" | "ledTeamIds">;

export const OPEN_REVIEW_STATUSES = ["assigned", "draft"] as const;

export function canScore(user: Pick<SessionUser, "id" | "permissions">, review: { inspectorId: string }) {
  return review.inspectorId === user.id && hasPermission(user.permissions, "score:qa-review:own");
}

const reviewHeaderSelect = {
  id: true,
  kind: true,
  status: true,
  inspectorId: true,
  agentId: true,
  conversationId: true,
  rubricVersionId: true,
  dueAt: true,
  startedAt: true,
  submittedAt: true,
  gradingSeconds: true,
  score: true,
  passed: true,
  criticalFailed: true,
  summary: true,
  draft: true,
  acknowledgedAt: true,
  inspector: { select: { name: true, externalId: true } },
  agent: { select: { name: true, externalId: true, teamId: true, team: { select: { name: true } } } },
  calibrationSession: { select: { id: true, title: true, deadline: true } },
} as const;

/**
 * Who may open a review, decided before anything else is read:
 * - calibration reviews: only their own inspector (others must not learn they exist: 404);
 * - open reviews (assigned/draft): only the assigned inspector, who scores them (403 for everyone else);
 * - submitted/cancelled: anyone whose read:qa-review reaches the agent (team leads: their teams' agents, else 404).
 */
async function authorise(user: Viewer, reviewId: string) {
  const review = await db.review.findUnique({ where: { id: reviewId }, select: reviewHeaderSelect });
  if (!review) notFound("review not found");
  const own = review.inspectorId === user.id;
  if (review.kind === "calibration" && !own) notFound("review not found");
  const open = (OPEN_REVIEW_STATUSES as readonly string[]).includes(review.status);
  if (open) {
    if (!canScore(user, review)) throw forbidden("only the assigned inspector may score this review");
    return { review, mode: "score" as const };
  }
  if (!own) {
    const scope = reviewReadScope(user);
    if (!scope) throw forbidden("read:qa-review:team");
    if (!scopeCoversTeam(scope, review.agent?.teamId)) notFound("review not found");
  }
  return { review, mode: "read" as const };
}

export async function loadReviewPage(user: Viewer, reviewId: string) {
  const { review, mode } = await authorise(user, reviewId);
  const [rubric, transcript, pinned, articles] = await Promise.all([
    loadRubricVersion(review.rubricVersionId),
    loadTranscript(review.conversationId),
    db.reviewComment.findMany({
      where: { reviewId, messageId: { not: null } },
      orderBy: { createdAt: "asc" },
      select: { id: true, messageId: true, text: true, createdAt: true, author: { select: { name: true } } },
    }),
    reviewArticles(reviewId),
  ]);
  if (!rubric || !transcript) notFound("review data missing");

  const header = {
    id: review.id,
    kind: review.kind,
    status: review.status,
    dueAt: review.dueAt?.toISOString() ?? review.calibrationSession?.deadline.toISOString() ?? null,
    startedAt: review.startedAt?.toISOString() ?? null,
    submittedAt: review.submittedAt?.toISOString() ?? null,
    gradingSeconds: review.gradingSeconds ?? 0,
    inspector: review.inspector,
    agent: review.agent ? { name: review.agent.name, externalId: review.agent.externalId } : null,
    team: review.agent?.team?.name ?? transcript.conversation.team?.name ?? null,
    calibration: review.calibrationSession
      ? { id: review.calibrationSession.id, title: review.calibrationSession.title }
      : null,
    isOwn: review.inspectorId === user.id,
  };
  const pinnedComments = pinned.map((comment) => ({
    id: comment.id,
    messageId: comment.messageId!.toString(),
    text: comment.text,
    author: comment.author?.name ?? null,
    createdAt: comment.createdAt.toISOString(),
  }));

  if (mode === "score") {
    return {
      mode,
      header,
      rubric,
      transcript,
      pinnedComments,
      articles,
      draft: parseStoredDraft(review.draft, rubric.criteria),
    };
  }

  const [scores, disputes] = await Promise.all([
    db.reviewScore.findMany({
      where: { reviewId },
      select: { criterionId: true, value: true, score: true, failed: true, comment: true },
    }),
    db.dispute.findMany({
      where: { reviewId },
      orderBy: { createdAt: "asc" },
      select: {
        id: true,
        status: true,
        createdAt: true,
        resolvedAt: true,
        scoreBefore: true,
        scoreAfter: true,
        _count: { select: { items: true } },
      },
    }),
  ]);
  return {
    mode,
    header,
    rubric,
    transcript,
    pinnedComments,
    articles,
    result: {
      score: review.score,
      passed: review.passed,
      criticalFailed: review.criticalFailed,
      summary: review.summary,
      acknowledgedAt: review.acknowledgedAt?.toISOString() ?? null,
      scores: Object.fromEntries(
        scores.map((entry) => [
          entry.criterionId,
          { value: entry.value, score: entry.score, failed: entry.failed, comment: entry.comment },
        ]),
      ),
    },
    disputes: disputes.map((dispute) => ({
      id: dispute.id,
      status: dispute.status,
      createdAt: dispute.createdAt.toISOString(),
      resolvedAt: dispute.resolvedAt?.toISOString() ?? null,
      scoreBefore: dispute.scoreBefore,
      scoreAfter: dispute.scoreAfter,
      items: dispute._count.items,
    })),
  };
}

export type ReviewPageData = Awaited<ReturnType<typeof loadReviewPage>>;
export type ScoringPageData = Extract<ReviewPageData, { mode: "score" }>;
export type ReadPageData = Extract<ReviewPageData, { mode: "read" }>;
