/**
 * Read models shared by the agent's review page and the handler's dispute page: the scorecard (rubric criteria
 * with the review's values and comments), comments pinned to messages, and the dispute history with the
 * per-item decisions of each stage. Callers check access first.
 */
import { loadRubricVersion } from "~/modules/qa/rubrics/rubric-version.server";
import { scaleValues, type ScaleType } from "~/modules/qa/scoring";
import { db } from "~/utils/db.server";
import { isOverdue, NA_VALUE, type DisputeStatus } from "./dispute-rules";

/** A scale value for the browser: a number, "na" for N/A, or null for none. */
export type ValueView = number | "na" | null;

export function storedToView(value: number | null): ValueView {
  if (value === null) return null;
  return value === NA_VALUE ? "na" : value;
}

export interface ScorecardCriterion {
  id: string;
  key: string;
  name: string;
  description: string | null;
  scale: ScaleType;
  maxPoints: number | null;
  allowNa: boolean;
  critical: boolean;
  bonus: boolean;
  weight: number;
  values: number[];
  /** The review's value: "na" for N/A, null when not rated. */
  value: ValueView;
  score: number | null;
  failed: boolean;
  comment: string | null;
}

export interface Scorecard {
  rubricName: string;
  rubricVersion: number;
  passMark: number;
  sections: { id: string; name: string; criteria: ScorecardCriterion[] }[];
}

export async function loadScorecard(reviewId: string, rubricVersionId: string): Promise<Scorecard> {
  const [rubric, scores] = await Promise.all([
    loadRubricVersion(rubricVersionId),
    db.reviewScore.findMany({
      where: { reviewId },
      select: { criterionId: true, value: true, score: true, failed: true, comment: true },
    }),
  ]);
  if (!rubric) throw new Error(`rubric version ${rubricVersionId} is missing`);
  const byCriterion = new Map(scores.map((score) => [score.criterionId, score]));
  return {
    rubricName: rubric.rubricName,
    rubricVersion: rubric.version,
    passMark: rubric.passMark,
    sections: rubric.sections.map((section) => ({
      id: section.id,
      name: section.name,
      criteria: section.criteria.map((criterion) => {
        const score = byCriterion.get(criterion.id);
        return {
          id: criterion.id,
          key: criterion.key,
          name: criterion.name,
          description: criterion.description,
          scale: criterion.scale,
          maxPoints: criterion.maxPoints,
          allowNa: criterion.allowNa,
          critical: criterion.critical,
          bonus: criterion.bonus,
          weight: criterion.weight,
          values: scaleValues(criterion.scale, criterion.maxPoints),
          value: score ? (score.value === null ? "na" : score.value) : null,
          score: score?.score ?? null,
          failed: score?.failed ?? false,
          comment: score?.comment ?? null,
        };
      }),
    })),
  };
}

export interface CommentView {
  id: string;
  text: string;
  author: string | null;
  createdAt: string;
}

/** The inspector's comments: pinned ones by message id, and general ones. */
export async function loadReviewComments(reviewId: string) {
  const rows = await db.reviewComment.findMany({
    where: { reviewId },
    orderBy: { createdAt: "asc" },
    select: { id: true, messageId: true, text: true, createdAt: true, author: { select: { name: true } } },
  });
  const pinned: Record<string, CommentView[]> = {};
  const general: CommentView[] = [];
  for (const row of rows) {
    const view = {
      id: row.id,
      text: row.text,
      author: row.author?.name ?? null,
      createdAt: row.createdAt.toISOString(),
    };
    if (row.messageId === null) general.push(view);
    else (pinned[row.messageId.toString()] ??= []).push(view);
  }
  return { pinned, general };
}

export interface DisputeItemView {
  id: string;
  criterionId: string;
  criterionName: string;
  reason: string;
  proposed: ValueView;
  /** Latest decision. */
  accepted: boolean | null;
  decided: ValueView;
  /** The inspector's decision when the item went on to the arbitrator (stage 2). */
  firstDecision: { accepted: boolean; value: ValueView } | null;
}

export interface DisputeView {
  id: string;
  status: DisputeStatus;
  createdAt: string;
  dueAt: string;
  overdue: boolean;
  handler: { id: string; name: string } | null;
  agentName: string;
  firstOutcome: DisputeStatus | null;
  firstResponse: string | null;
  firstDecidedAt: string | null;
  escalationReason: string | null;
  escalatedAt: string | null;
  response: string | null;
  resolvedAt: string | null;
  resolvedBy: string | null;
  scoreBefore: number;
  scoreAfter: number | null;
  items: DisputeItemView[];
}

type StageDecision = { itemId: string; accepted: boolean; value: number | string | null };

function readStageDecisions(after: unknown): { stage: number; items: StageDecision[] } | null {
  if (!after || typeof after !== "object") return null;
  const { stage, items } = after as { stage?: unknown; items?: unknown };
  if (typeof stage !== "number" || !Array.isArray(items)) return null;
  return { stage, items: items as StageDecision[] };
}

/** Disputes (newest first) of a review, or one dispute, with items and stage history. */
export async function loadDisputes(where: { reviewId: string } | { id: string }, now = new Date()) {
  const disputes = await db.dispute.findMany({
    where,
    orderBy: { createdAt: "desc" },
    select: {
      id: true,
      status: true,
      createdAt: true,
      dueAt: true,
      firstOutcome: true,
      firstResponse: true,
      firstDecidedAt: true,
      escalationReason: true,
      escalatedAt: true,
      response: true,
      resolvedAt: true,
      scoreBefore: true,
      scoreAfter: true,
      resolvedById: true,
      agent: { select: { name: true } },
      handler: { select: { id: true, name: true } },
      items: {
        orderBy: { criterion: { position: "asc" } },
        select: {
          id: true,
          criterionId: true,
          reason: true,
          proposedValue: true,
          accepted: true,
          decidedValue: true,
          criterion: { select: { name: true } },
        },
      },
    },
  });
  if (disputes.length === 0) return [];
  const [decisions, resolvers] = await Promise.all([
    db.auditLog.findMany({
      where: { action: "dispute.decide", entityType: "dispute", entityId: { in: disputes.map((d) => d.id) } },
      select: { entityId: true, after: true },
    }),
    db.user.findMany({
      where: { id: { in: disputes.flatMap((d) => (d.resolvedById ? [d.resolvedById] : [])) } },
      select: { id: true, name: true },
    }),
  ]);
  const firstStage = new Map<string, StageDecision>();
  for (const entry of decisions) {
    const parsed = readStageDecisions(entry.after);
    if (parsed?.stage === 1) for (const item of parsed.items) firstStage.set(item.itemId, item);
  }
  const resolverName = new Map(resolvers.map((user) => [user.id, user.name]));

  return disputes.map((dispute): DisputeView => ({
    id: dispute.id,
    status: dispute.status,
    createdAt: dispute.createdAt.toISOString(),
    dueAt: dispute.dueAt.toISOString(),
    overdue: isOverdue(dispute, now),
    handler: dispute.handler,
    agentName: dispute.agent.name,
    firstOutcome: dispute.firstOutcome,
    firstResponse: dispute.firstResponse,
    firstDecidedAt: dispute.firstDecidedAt?.toISOString() ?? null,
    escalationReason: dispute.escalationReason,
    escalatedAt: dispute.escalatedAt?.toISOString() ?? null,
    response: dispute.response,
    resolvedAt: dispute.resolvedAt?.toISOString() ?? null,
    resolvedBy: dispute.resolvedById ? (resolverName.get(dispute.resolvedById) ?? null) : null,
    scoreBefore: dispute.scoreBefore,
    scoreAfter: dispute.scoreAfter,
    items: dispute.items.map((item) => {
      const first = dispute.escalatedAt ? firstStage.get(item.id) : undefined;
      return {
        id: item.id,
        criterionId: item.criterionId,
        criterionName: item.criterion.name,
        reason: item.reason,
        proposed: storedToView(item.proposedValue),
        accepted: item.accepted,
        decided: storedToView(item.decidedValue),
        firstDecision: first
          ? {
              accepted: first.accepted,
              value: typeof first.value === "number" ? first.value : first.value === "n/a" ? "na" : null,
            }
          : null,
      };
    }),
  }));
}
