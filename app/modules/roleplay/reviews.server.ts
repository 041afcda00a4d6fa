/**
 * The human half of a role-play score: a trainer or inspector scores the transcript with the scenario's QA rubric.
 * The rubric score comes from the QA scoring rule (scoreReview); the final score combines it with the automatic
 * score (see scoring.ts, docs/roleplay-scoring.md). Ratings are keyed by criterion key, as the workbench form posts
 * them.
 */
import type { RolePlayReviewStatus } from "~/generated/prisma/enums";
import { recordAudit } from "~/modules/audit/audit.server";
import { hasPermission } from "~/modules/identity/permissions";
import { notify } from "~/modules/notifications/notifications.server";
import { loadRubricVersion, type RubricVersionView } from "~/modules/qa/rubrics/rubric-version.server";
import { criterionFraction, scoreReview, validateRatings, type Ratings } from "~/modules/qa/scoring";
import { db, type Prisma } from "~/utils/db.server";
import { conflict, notFound } from "~/utils/http.server";
import type { PlayView } from "./play-view";
import { finalScore, isPassed } from "./scoring";
import {
  buildPlayView,
  forbiddenError,
  parseAutoReport,
  settleRolePlaySession,
  type RolePlayViewer,
} from "./sessions.server";
import { storedScript } from "./stored-script";

export const OPEN_ROLEPLAY_REVIEW_STATUSES = ["pending", "draft"] as const satisfies RolePlayReviewStatus[];
export const ROLEPLAY_REVIEW_SUMMARY_MAX = 2000;
export const ROLEPLAY_REVIEW_COMMENT_MAX = 1000;

// ───────────────────────────── queue ─────────────────────────────

export type RolePlayReviewQueueFilter = {
  /** "open" = pending or draft (the default). */
  status?: RolePlayReviewStatus | "open";
  page: number;
  pageSize: number;
};

export async function listRolePlayReviewQueue(filter: RolePlayReviewQueueFilter) {
  const status = filter.status ?? "open";
  const where: Prisma.RolePlayReviewWhereInput =
    status === "open" ? { status: { in: [...OPEN_ROLEPLAY_REVIEW_STATUSES] } } : { status };
  const [rows, total] = await Promise.all([
    db.rolePlayReview.findMany({
      where,
      // Oldest first while waiting; newest first once scored.
      orderBy: status === "submitted" ? { submittedAt: "desc" } : { createdAt: "asc" },
      skip: (filter.page - 1) * filter.pageSize,
      take: filter.pageSize,
      select: {
        id: true,
        status: true,
        score: true,
        createdAt: true,
        submittedAt: true,
        reviewer: { select: { id: true, name: true } },
        session: {
          select: {
            id: true,
            mode: true,
            outcome: true,
            endedAt: true,
            autoScore: true,
            finalScore: true,
            passed: true,
            user: { select: { id: true, name: true, externalId: true, team: { select: { name: true } } } },
            scenarioVersion: { select: { title: true, version: true, scenarioId: true } },
          },
        },
      },
    }),
    db.rolePlayReview.count({ where }),
  ]);
  return {
    total,
    rows: rows.map((row) => ({
      id: row.id,
      status: row.status,
      score: row.score,
      createdAt: row.createdAt.toISOString(),
      submittedAt: row.submittedAt?.toISOString() ?? null,
      reviewer: row.reviewer,
      sessionId: row.session.id,
      mode: row.session.mode,
      outcome: row.session.outcome,
      endedAt: row.session.endedAt?.toISOString() ?? null,
      autoScore: row.session.autoScore,
      finalScore: row.session.finalScore,
      passed: row.session.passed,
      agent: {
        id: row.session.user.id,
        name: row.session.user.name,
        externalId: row.session.user.externalId,
        team: row.session.user.team?.name ?? null,
      },
      scenario: {
        id: row.session.scenarioVersion.scenarioId,
        title: row.session.scenarioVersion.title,
        version: row.session.scenarioVersion.version,
      },
    })),
  };
}

export type RolePlayReviewQueueRow = Awaited<ReturnType<typeof listRolePlayReviewQueue>>["rows"][number];

// ───────────────────────────── one review ─────────────────────────────

export type RolePlayReviewView = {
  review: {
    id: string;
    status: RolePlayReviewStatus;
    ratings: Record<string, number | null>;
    comments: Record<string, string>;
    summary: string | null;
    score: number | null;
    criticalFailed: boolean;
    reviewer: { id: string; name: string } | null;
    createdAt: string;
    submittedAt: string | null;
  };
  play: PlayView;
  rubric: RubricVersionView;
  humanWeight: number;
  passPercent: number;
  /** The viewer may score (score:roleplay:any) and the review is still open. */
  canScore: boolean;
};

function asRatings(value: unknown): Record<string, number | null> {
  if (!value || typeof value !== "object") return {};
  return Object.fromEntries(
    Object.entries(value as Record<string, unknown>).filter(
      (entry): entry is [string, number | null] => entry[1] === null || typeof entry[1] === "number",
    ),
  );
}

function asComments(value: unknown): Record<string, string> {
  if (!value || typeof value !== "object") return {};
  return Object.fromEntries(
    Object.entries(value as Record<string, unknown>).filter(
      (entry): entry is [string, string] => typeof entry[1] === "string",
    ),
  );
}

const reviewSelect = {
  id: true,
  sessionId: true,
  rubricVersionId: true,
  status: true,
  ratings: true,
  comments: true,
  summary: true,
  score: true,
  criticalFailed: true,
  createdAt: true,
  submittedAt: true,
  reviewer: { select: { id: true, name: true } },
} as const;

/** A review with the transcript, the automatic report and the rubric: scorers and session readers only. */
export async function loadRolePlayReview(reviewId: string, viewer: RolePlayViewer): Promise<RolePlayReviewView> {
  const mayScore = hasPermission(viewer.permissions, "score:roleplay:any");
  if (!mayScore && !hasPermission(viewer.permissions, "read:roleplay-session:any")) {
    forbiddenError("scoring role-play transcripts needs score:roleplay:any");
  }
  const review = await db.rolePlayReview.findUnique({ where: { id: reviewId }, select: reviewSelect });
  if (!review) notFound("role-play review not found");
  const [play, rubric, version] = await Promise.all([
    buildPlayView(review.sessionId, false),
    loadRubricVersion(review.rubricVersionId),
    db.rolePlaySession.findUniqueOrThrow({
      where: { id: review.sessionId },
      select: { scenarioVersion: { select: { id: true, contentHash: true, script: true } } },
    }),
  ]);
  if (!rubric) notFound("rubric version not found");
  const script = storedScript(version.scenarioVersion);
  return {
    review: {
      id: review.id,
      status: review.status,
      ratings: asRatings(review.ratings),
      comments: asComments(review.comments),
      summary: review.summary,
      score: review.score,
      criticalFailed: review.criticalFailed,
      reviewer: review.reviewer,
      createdAt: review.createdAt.toISOString(),
      submittedAt: review.submittedAt?.toISOString() ?? null,
    },
    play,
    rubric,
    humanWeight: script.scoring.humanWeight,
    passPercent: script.scoring.passPercent,
    canScore: mayScore && review.status !== "submitted",
  };
}

// ───────────────────────────── draft and submit ─────────────────────────────

export type RolePlayReviewInput = {
  reviewId: string;
  reviewerId: string;
  /** criterion key → scale value; null = N/A. */
  ratings: Record<string, number | null>;
  comments?: Record<string, string>;
  summary?: string | null;
  now?: Date;
};

/** Rating problems a form shows next to the criteria (by key). */
export type RatingProblems = { missing: string[]; naNotAllowed: string[]; invalid: string[]; unknown: string[] };

export type SubmitRolePlayReviewResult =
  | { ok: true; score: number; criticalFailed: boolean; finalScore: number; passed: boolean }
  | ({ ok: false } & RatingProblems);

async function openReview(reviewId: string) {
  const review = await db.rolePlayReview.findUnique({
    where: { id: reviewId },
    select: { id: true, status: true, sessionId: true, rubricVersionId: true },
  });
  if (!review) notFound("role-play review not found");
  if (review.status === "submitted") conflict("this transcript has already been scored");
  const rubric = await loadRubricVersion(review.rubricVersionId);
  if (!rubric) notFound("rubric version not found");
  return { review, rubric };
}

/** Keys that are not criteria of the rubric, and values outside a criterion's scale. */
function ratingShapeProblems(rubric: RubricVersionView, ratings: Record<string, number | null>) {
  const byKey = new Map(rubric.criteria.map((criterion) => [criterion.key, criterion]));
  const unknown = Object.keys(ratings).filter((key) => !byKey.has(key));
  const invalid = Object.entries(ratings).flatMap(([key, value]) => {
    const criterion = byKey.get(key);
    if (!criterion || value === null) return [];
    try {
      criterionFraction(criterion, value);
      return [];
    } catch {
      return [key];
    }
  });
  return { unknown, invalid };
}

function cleanComments(rubric: RubricVersionView, comments: Record<string, string> | undefined) {
  const keys = new Set(rubric.criteria.map((criterion) => criterion.key));
  return Object.fromEntries(
    Object.entries(comments ?? {})
      .map(([key, text]) => [key, text.trim().slice(0, ROLEPLAY_REVIEW_COMMENT_MAX)] as const)
      .filter(([key, text]) => keys.has(key) && text.length > 0),
  );
}

function cleanSummary(summary: string | null | undefined) {
  const text = summary?.trim().slice(0, ROLEPLAY_REVIEW_SUMMARY_MAX) ?? "";
  return text.length > 0 ? text : null;
}

/** Keeps a scorer's unfinished work. Partial ratings are fine; unknown criteria or out-of-scale values are not. */
export async function saveRolePlayReviewDraft(
  input: RolePlayReviewInput,
): Promise<{ ok: true; savedAt: string } | ({ ok: false } & RatingProblems)> {
  const { review, rubric } = await openReview(input.reviewId);
  const { unknown, invalid } = ratingShapeProblems(rubric, input.ratings);
  if (unknown.length > 0 || invalid.length > 0) return { ok: false, missing: [], naNotAllowed: [], invalid, unknown };
  const now = input.now ?? new Date();
  const updated = await db.rolePlayReview.updateMany({
    where: { id: review.id, status: { in: [...OPEN_ROLEPLAY_REVIEW_STATUSES] } },
    data: {
      status: "draft",
      reviewerId: input.reviewerId,
      ratings: input.ratings,
      comments: cleanComments(rubric, input.comments),
      summary: cleanSummary(input.summary),
    },
  });
  if (updated.count === 0) conflict("this transcript has already been scored");
  return { ok: true, savedAt: now.toISOString() };
}

/**
 * Scores the transcript with the rubric and settles the session in one transaction: rubric score (scoreReview),
 * final score and pass, the session completed, exam/coaching hooks, the agent's notification and the audit entry.
 */
export async function submitRolePlayReview(input: RolePlayReviewInput): Promise<SubmitRolePlayReviewResult> {
  const { review, rubric } = await openReview(input.reviewId);
  const { unknown, invalid } = ratingShapeProblems(rubric, input.ratings);
  const ratingsById: Ratings = Object.fromEntries(
    rubric.criteria.filter((c) => c.key in input.ratings).map((c) => [c.id, input.ratings[c.key]]),
  );
  const validation = validateRatings(rubric.criteria, ratingsById);
  const idToKey = new Map(rubric.criteria.map((criterion) => [criterion.id, criterion.key]));
  const missing = validation.missing.map((id) => idToKey.get(id)!);
  const naNotAllowed = validation.naNotAllowed.map((id) => idToKey.get(id)!);
  if (unknown.length + invalid.length + missing.length + naNotAllowed.length > 0) {
    return { ok: false, missing, naNotAllowed, invalid, unknown };
  }

  const session = await db.rolePlaySession.findUniqueOrThrow({
    where: { id: review.sessionId },
    select: {
      id: true,
      userId: true,
      status: true,
      autoScore: true,
      autoReport: true,
      scenarioVersion: { select: { id: true, title: true, contentHash: true, script: true } },
    },
  });
  if (session.status !== "pending_review") conflict("this session is not waiting for a rubric score");
  const script = storedScript(session.scenarioVersion);
  const result = scoreReview(rubric.criteria, ratingsById);
  const redLineCrossed = (parseAutoReport(session.autoReport)?.redLines.length ?? 0) > 0;
  const final = finalScore({
    autoScore: session.autoScore ?? 0,
    redLineCrossed,
    rubricScore: result.score,
    rubricCriticalFailed: result.criticalFailed,
    humanWeight: script.scoring.humanWeight,
  });
  const passed = !result.criticalFailed && isPassed(final, script.scoring.passPercent, redLineCrossed);
  const now = input.now ?? new Date();

  await db.$transaction(async (tx) => {
    const claimed = await tx.rolePlayReview.updateMany({
      where: { id: review.id, status: { in: [...OPEN_ROLEPLAY_REVIEW_STATUSES] } },
      data: {
        status: "submitted",
        reviewerId: input.reviewerId,
        ratings: input.ratings,
        comments: cleanComments(rubric, input.comments),
        summary: cleanSummary(input.summary),
        score: result.score,
        criticalFailed: result.criticalFailed,
        submittedAt: now,
      },
    });
    if (claimed.count === 0) conflict("this transcript has already been scored");
    await tx.rolePlaySession.update({
      where: { id: session.id },
      data: { status: "completed", humanScore: result.score, finalScore: final, passed },
    });
    await settleRolePlaySession(tx, session.id);
    await notify(
      {
        userId: session.userId,
        kind: "roleplay-review-submitted",
        params: { title: session.scenarioVersion.title, score: final },
        link: `/learn/roleplay/sessions/${session.id}`,
      },
      tx,
    );
    await recordAudit(
      {
        actorId: input.reviewerId,
        action: "roleplay.review.submit",
        entityType: "RolePlayReview",
        entityId: review.id,
        before: { sessionStatus: session.status, autoScore: session.autoScore },
        after: {
          sessionId: session.id,
          rubricScore: result.score,
          criticalFailed: result.criticalFailed,
          finalScore: final,
          passed,
        },
      },
      tx,
    );
  });
  return { ok: true, score: result.score, criticalFailed: result.criticalFailed, finalScore: final, passed };
}
