/**
 * Dispute (申诉) writes: filing, deciding (with rescoring), escalating, withdrawing, and the SLA reminder job.
 * The rules live in dispute-rules.ts; this file loads the facts, applies them inside one transaction per action,
 * audits every step and notifies the people concerned. Scores change only through accepted items.
 */
import { data } from "@remix-run/node";
import { recordAudit } from "~/modules/audit/audit.server";
import { notify } from "~/modules/notifications/notifications.server";
import { loadRubricVersion, type RubricVersionView } from "~/modules/qa/rubrics/rubric-version.server";
import { isPassing, scoreReview } from "~/modules/qa/scoring";
import { getQaSettings } from "~/modules/qa/settings.server";
import { db, type Prisma } from "~/utils/db.server";
import {
  canDecide,
  canEscalate,
  canOpenDispute,
  canWithdraw,
  checkDecisions,
  checkDisputeItems,
  chooseArbitrator,
  deriveOutcome,
  isFullyAccepted,
  NA_VALUE,
  reasonError,
  RESPONSE_MAX_LENGTH,
  RESPONSE_MIN_LENGTH,
  stageDueAt,
  type DecisionError,
  type ItemDecisionInput,
  type ItemsCheck,
  type ProposedItem,
  type Refusal,
  type ScaleValue,
} from "./dispute-rules";

type Tx = Prisma.TransactionClient;

export type Actor = { id: string; ipAddress?: string | null };

export type DisputeErrorCode = Refusal | "not-found" | "no-arbitrator";

/** An expected failure with its HTTP status: 404 (not yours / missing), 403 (not the handler), 409 (state). */
export class DisputeError extends Error {
  constructor(
    readonly status: 403 | 404 | 409,
    readonly code: DisputeErrorCode,
  ) {
    super(code);
    this.name = "DisputeError";
  }
}

/** Runs a dispute action; its expected failures become 403/404/409 responses carrying the refusal code. */
export async function orHttpError<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof DisputeError) {
      throw data({ message: error.code }, { status: error.status, statusText: STATUS_TEXT[error.status] });
    }
    throw error;
  }
}

const STATUS_TEXT = { 403: "Forbidden", 404: "Not Found", 409: "Conflict" } as const;

function refusalStatus(refusal: Refusal): 403 | 409 {
  return refusal === "not-handler" ? 403 : 409;
}

export const disputeLink = (disputeId: string) => `/qa/disputes/${disputeId}`;
export const agentReviewLink = (reviewId: string) => `/agent/reviews/${reviewId}`;

/** Stored value ↔ scale value: the N/A sentinel becomes null. */
export function fromStored(value: number | null): ScaleValue | undefined {
  if (value === null) return undefined;
  return value === NA_VALUE ? null : value;
}
function toStored(value: ScaleValue | undefined): number | null {
  if (value === undefined) return null;
  return value === null ? NA_VALUE : value;
}

async function lockDispute(tx: Tx, disputeId: string) {
  await tx.$queryRaw`SELECT "id" FROM "Dispute" WHERE "id" = ${disputeId} FOR UPDATE`;
}
async function lockReview(tx: Tx, reviewId: string) {
  await tx.$queryRaw`SELECT "id" FROM "Review" WHERE "id" = ${reviewId} FOR UPDATE`;
}

async function rubricFor(versionId: string): Promise<RubricVersionView> {
  const rubric = await loadRubricVersion(versionId);
  if (!rubric) throw new Error(`rubric version ${versionId} is missing`);
  return rubric;
}

// ─── Filing ──────────────────────────────────────────────────────────────────────────────────────────

export type OpenDisputeResult =
  { ok: true; disputeId: string } | { ok: false; itemErrors: ItemsCheck["errors"]; formError: ItemsCheck["formError"] };

export async function openDispute(
  input: { reviewId: string; items: ProposedItem[] },
  actor: Actor,
  now = new Date(),
): Promise<OpenDisputeResult> {
  const head = await db.review.findFirst({
    where: { id: input.reviewId, agentId: actor.id },
    select: { rubricVersionId: true },
  });
  if (!head) throw new DisputeError(404, "not-found");
  const [rubric, settings] = await Promise.all([rubricFor(head.rubricVersionId), getQaSettings()]);

  return db.$transaction(async (tx) => {
    await lockReview(tx, input.reviewId);
    const review = await tx.review.findUniqueOrThrow({
      where: { id: input.reviewId },
      select: {
        kind: true,
        status: true,
        agentId: true,
        inspectorId: true,
        submittedAt: true,
        acknowledgedAt: true,
        score: true,
        agent: { select: { name: true } },
        conversation: { select: { externalId: true } },
        disputes: { select: { status: true } },
        scores: { select: { criterionId: true, value: true } },
      },
    });
    const check = canOpenDispute({
      review,
      disputes: review.disputes.map((dispute) => dispute.status),
      agentId: actor.id,
      now,
      windowDays: settings.disputeWindowDays,
    });
    if (!check.ok) throw new DisputeError(refusalStatus(check.refusal), check.refusal);

    const current = Object.fromEntries(review.scores.map((score) => [score.criterionId, score.value]));
    const items = input.items.map((item) => ({ ...item, reason: item.reason.trim() }));
    const itemCheck = checkDisputeItems(rubric.criteria, current, items);
    if (itemCheck.formError || Object.keys(itemCheck.errors).length > 0) {
      return { ok: false as const, itemErrors: itemCheck.errors, formError: itemCheck.formError };
    }

    const dueAt = stageDueAt(now, settings.disputeSlaDays);
    const dispute = await tx.dispute.create({
      data: {
        reviewId: input.reviewId,
        agentId: actor.id,
        status: "open",
        handlerId: review.inspectorId,
        dueAt,
        scoreBefore: review.score ?? 0,
        createdAt: now,
        items: {
          create: items.map((item) => ({
            criterionId: item.criterionId,
            reason: item.reason,
            proposedValue: toStored(item.proposed),
          })),
        },
      },
      select: { id: true },
    });
    const keyOf = new Map(rubric.criteria.map((criterion) => [criterion.id, criterion.key]));
    await recordAudit(
      {
        actorId: actor.id,
        action: "dispute.create",
        entityType: "dispute",
        entityId: dispute.id,
        ipAddress: actor.ipAddress,
        after: {
          reviewId: input.reviewId,
          handlerId: review.inspectorId,
          dueAt: dueAt.toISOString(),
          scoreBefore: review.score,
          items: items.map((item) => ({
            criterion: keyOf.get(item.criterionId),
            reason: item.reason,
            proposed: item.proposed === undefined ? "none" : item.proposed === null ? "n/a" : item.proposed,
          })),
        },
      },
      tx,
    );
    await notify(
      {
        userId: review.inspectorId,
        kind: "dispute-opened",
        params: {
          agent: review.agent?.name ?? "",
          conversation: review.conversation.externalId,
          items: items.length,
          days: settings.disputeSlaDays,
        },
        link: disputeLink(dispute.id),
      },
      tx,
    );
    return { ok: true as const, disputeId: dispute.id };
  });
}

// ─── Deciding ────────────────────────────────────────────────────────────────────────────────────────

export type DecideResult =
  | { ok: true; outcome: "accepted" | "partly_accepted" | "rejected"; scoreAfter: number }
  | {
      ok: false;
      itemErrors: Record<string, DecisionError>;
      responseError: "response-required" | "response-too-long" | null;
    };

function responseError(response: string) {
  const length = [...response].length;
  if (length < RESPONSE_MIN_LENGTH) return "response-required" as const;
  if (length > RESPONSE_MAX_LENGTH) return "response-too-long" as const;
  return null;
}

/**
 * The handler's per-item decisions. Stage 1 (status open) covers every item; stage 2 (escalated) covers the
 * items the inspector rejected. Accepted values are applied to the review's current ratings and the review is
 * rescored with the scoring rule; the outcome is derived over all items.
 */
export async function decideDispute(
  input: { disputeId: string; decisions: ItemDecisionInput[]; response: string },
  actor: Actor,
  now = new Date(),
): Promise<DecideResult> {
  const head = await db.dispute.findUnique({
    where: { id: input.disputeId },
    select: { review: { select: { rubricVersionId: true } } },
  });
  if (!head) throw new DisputeError(404, "not-found");
  const rubric = await rubricFor(head.review.rubricVersionId);
  const criterionById = new Map(rubric.criteria.map((criterion) => [criterion.id, criterion]));
  const response = input.response.trim();

  return db.$transaction(async (tx) => {
    await lockDispute(tx, input.disputeId);
    const dispute = await tx.dispute.findUniqueOrThrow({
      where: { id: input.disputeId },
      select: {
        id: true,
        status: true,
        agentId: true,
        handlerId: true,
        firstDecidedAt: true,
        escalatedAt: true,
        reviewId: true,
        items: { select: { id: true, criterionId: true, proposedValue: true, accepted: true, decidedValue: true } },
      },
    });
    const check = canDecide({ dispute, userId: actor.id });
    if (!check.ok) throw new DisputeError(refusalStatus(check.refusal), check.refusal);
    await lockReview(tx, dispute.reviewId);
    const review = await tx.review.findUniqueOrThrow({
      where: { id: dispute.reviewId },
      select: {
        score: true,
        passed: true,
        criticalFailed: true,
        scores: { select: { criterionId: true, value: true } },
      },
    });
    const current = new Map(review.scores.map((score) => [score.criterionId, score.value]));

    const stage = dispute.status === "escalated" ? 2 : 1;
    // The arbitrator decides what the inspector did not fully grant.
    const pendingItems = stage === 1 ? dispute.items : dispute.items.filter((item) => !isFullyAccepted(item));
    const pending = pendingItems.map((item) => ({
      id: item.id,
      criterion: criterionById.get(item.criterionId)!,
      proposed: fromStored(item.proposedValue),
      current: current.get(item.criterionId) ?? null,
    }));
    const decisionCheck = checkDecisions(pending, input.decisions);
    const problem = responseError(response);
    if (Object.keys(decisionCheck.errors).length > 0 || problem) {
      return { ok: false as const, itemErrors: decisionCheck.errors, responseError: problem };
    }

    const accepted = decisionCheck.decisions.filter((decision) => decision.accept);
    let scoreAfter = review.score ?? 0;
    if (accepted.length > 0) {
      const changes = accepted.map((decision) => ({
        criterionId: pendingItems.find((item) => item.id === decision.itemId)!.criterionId,
        value: decision.value as ScaleValue,
      }));
      scoreAfter = await rescoreReview(
        tx,
        { reviewId: dispute.reviewId, rubric, changes, disputeId: dispute.id },
        actor,
      );
    }
    for (const decision of decisionCheck.decisions) {
      await tx.disputeItem.update({
        where: { id: decision.itemId },
        data: { accepted: decision.accept, decidedValue: decision.accept ? toStored(decision.value) : null },
      });
    }

    const finalItems = dispute.items.map((item) => {
      const decision = decisionCheck.decisions.find((entry) => entry.itemId === item.id);
      if (!decision) return item;
      return {
        accepted: decision.accept,
        proposedValue: item.proposedValue,
        decidedValue: decision.accept ? toStored(decision.value) : null,
      };
    });
    const outcome = deriveOutcome(finalItems);
    const updated = await tx.dispute.updateMany({
      where: { id: dispute.id, status: dispute.status, handlerId: actor.id },
      data: {
        status: outcome,
        response,
        resolvedById: actor.id,
        resolvedAt: now,
        scoreAfter,
        ...(stage === 1 ? { firstOutcome: outcome, firstResponse: response, firstDecidedAt: now } : {}),
      },
    });
    if (updated.count !== 1) throw new DisputeError(409, "not-open");

    const keyOf = (itemId: string) =>
      criterionById.get(dispute.items.find((item) => item.id === itemId)!.criterionId)?.key;
    await recordAudit(
      {
        actorId: actor.id,
        action: "dispute.decide",
        entityType: "dispute",
        entityId: dispute.id,
        ipAddress: actor.ipAddress,
        after: {
          stage,
          response,
          items: decisionCheck.decisions.map((decision) => ({
            itemId: decision.itemId,
            criterion: keyOf(decision.itemId),
            accepted: decision.accept,
            value: decision.accept ? (decision.value ?? "n/a") : null,
          })),
        },
      },
      tx,
    );
    await recordAudit(
      {
        actorId: actor.id,
        action: "dispute.resolve",
        entityType: "dispute",
        entityId: dispute.id,
        ipAddress: actor.ipAddress,
        before: { status: dispute.status, score: review.score },
        after: { status: outcome, stage, score: scoreAfter },
      },
      tx,
    );
    await notify(
      {
        userId: dispute.agentId,
        kind: "dispute-decided",
        params: {
          accepted: finalItems.filter((item) => item.accepted === true).length,
          total: finalItems.length,
          before: review.score ?? 0,
          after: scoreAfter,
        },
        link: agentReviewLink(dispute.reviewId),
      },
      tx,
    );
    return { ok: true as const, outcome, scoreAfter };
  });
}

/**
 * Sets the accepted values on the review's ratings, recomputes the score with the scoring rule and stores
 * ReviewScore rows and the review's score, pass and red-line flags. Returns the new score.
 */
async function rescoreReview(
  tx: Tx,
  input: {
    reviewId: string;
    rubric: RubricVersionView;
    changes: { criterionId: string; value: ScaleValue }[];
    disputeId: string;
  },
  actor: Actor,
): Promise<number> {
  const review = await tx.review.findUniqueOrThrow({
    where: { id: input.reviewId },
    select: {
      score: true,
      passed: true,
      criticalFailed: true,
      scores: { select: { criterionId: true, value: true, score: true, failed: true } },
    },
  });
  const ratings: Record<string, ScaleValue> = Object.fromEntries(
    review.scores.map((score) => [score.criterionId, score.value]),
  );
  for (const change of input.changes) ratings[change.criterionId] = change.value;
  const result = scoreReview(input.rubric.criteria, ratings);
  const passed = isPassing(result.score, input.rubric.passMark);

  const changed = new Set(input.changes.map((change) => change.criterionId));
  const beforeById = new Map(review.scores.map((score) => [score.criterionId, score]));
  const keyOf = new Map(input.rubric.criteria.map((criterion) => [criterion.id, criterion.key]));
  const before: object[] = [];
  const after: object[] = [];
  for (const entry of result.criteria) {
    if (!changed.has(entry.criterionId)) continue;
    await tx.reviewScore.upsert({
      where: { reviewId_criterionId: { reviewId: input.reviewId, criterionId: entry.criterionId } },
      create: {
        reviewId: input.reviewId,
        criterionId: entry.criterionId,
        value: entry.value,
        score: entry.score,
        failed: entry.failed,
      },
      update: { value: entry.value, score: entry.score, failed: entry.failed },
    });
    const old = beforeById.get(entry.criterionId);
    const key = keyOf.get(entry.criterionId);
    before.push({ criterion: key, value: old?.value ?? null, score: old?.score ?? null, failed: old?.failed ?? false });
    after.push({ criterion: key, value: entry.value, score: entry.score, failed: entry.failed });
  }
  await tx.review.update({
    where: { id: input.reviewId },
    data: { score: result.score, passed, criticalFailed: result.criticalFailed },
  });
  await recordAudit(
    {
      actorId: actor.id,
      action: "qa-review.rescore",
      entityType: "qa-review",
      entityId: input.reviewId,
      ipAddress: actor.ipAddress,
      before: { score: review.score, passed: review.passed, criticalFailed: review.criticalFailed, criteria: before },
      after: {
        score: result.score,
        passed,
        criticalFailed: result.criticalFailed,
        criteria: after,
        disputeId: input.disputeId,
      },
    },
    tx,
  );
  return result.score;
}

// ─── Escalating and withdrawing ──────────────────────────────────────────────────────────────────────

export async function escalateDispute(
  input: { disputeId: string; reason: string },
  actor: Actor,
  now = new Date(),
): Promise<{ ok: true; handlerId: string } | { ok: false; reasonError: string }> {
  const settings = await getQaSettings();
  const reason = input.reason.trim();
  return db.$transaction(async (tx) => {
    await lockDispute(tx, input.disputeId);
    const dispute = await tx.dispute.findFirst({
      where: { id: input.disputeId, agentId: actor.id },
      select: {
        id: true,
        status: true,
        agentId: true,
        handlerId: true,
        firstDecidedAt: true,
        escalatedAt: true,
        reviewId: true,
        agent: { select: { name: true } },
        review: { select: { inspectorId: true, acknowledgedAt: true, conversation: { select: { externalId: true } } } },
      },
    });
    if (!dispute) throw new DisputeError(404, "not-found");
    const check = canEscalate({
      dispute,
      review: dispute.review,
      agentId: actor.id,
      now,
      windowDays: settings.disputeWindowDays,
    });
    if (!check.ok) throw new DisputeError(refusalStatus(check.refusal), check.refusal);
    const problem = reasonError(reason);
    if (problem) return { ok: false as const, reasonError: problem };

    const candidates = await tx.user.findMany({
      where: { status: "active", roles: { some: { role: { in: ["qa_lead", "manager"] } } } },
      select: {
        id: true,
        name: true,
        roles: { select: { role: true } },
        _count: { select: { disputesHandled: { where: { status: "escalated" } } } },
      },
    });
    const handlerId = chooseArbitrator(
      candidates.map((user) => ({
        id: user.id,
        name: user.name,
        roles: user.roles.map((entry) => entry.role),
        active: true,
        openEscalations: user._count.disputesHandled,
      })),
      { inspectorId: dispute.review.inspectorId, agentId: dispute.agentId },
    );
    if (!handlerId) throw new DisputeError(409, "no-arbitrator");

    const dueAt = stageDueAt(now, settings.disputeSlaDays);
    const updated = await tx.dispute.updateMany({
      where: { id: dispute.id, status: dispute.status, escalatedAt: null },
      data: {
        status: "escalated",
        handlerId,
        escalationReason: reason,
        escalatedAt: now,
        dueAt,
        resolvedAt: null,
        resolvedById: null,
      },
    });
    if (updated.count !== 1) throw new DisputeError(409, "already-escalated");
    await recordAudit(
      {
        actorId: actor.id,
        action: "dispute.escalate",
        entityType: "dispute",
        entityId: dispute.id,
        ipAddress: actor.ipAddress,
        before: { status: dispute.status, handlerId: dispute.handlerId },
        after: { status: "escalated", handlerId, reason, dueAt: dueAt.toISOString() },
      },
      tx,
    );
    await notify(
      {
        userId: handlerId,
        kind: "dispute-escalated",
        params: {
          agent: dispute.agent.name,
          conversation: dispute.review.conversation.externalId,
          days: settings.disputeSlaDays,
        },
        link: disputeLink(dispute.id),
      },
      tx,
    );
    return { ok: true as const, handlerId };
  });
}

export async function withdrawDispute(input: { disputeId: string }, actor: Actor, now = new Date()) {
  return db.$transaction(async (tx) => {
    await lockDispute(tx, input.disputeId);
    const dispute = await tx.dispute.findFirst({
      where: { id: input.disputeId, agentId: actor.id },
      select: {
        id: true,
        status: true,
        agentId: true,
        handlerId: true,
        firstDecidedAt: true,
        escalatedAt: true,
        agent: { select: { name: true } },
      },
    });
    if (!dispute) throw new DisputeError(404, "not-found");
    const check = canWithdraw({ dispute, agentId: actor.id });
    if (!check.ok) throw new DisputeError(refusalStatus(check.refusal), check.refusal);
    await tx.dispute.update({
      where: { id: dispute.id },
      data: { status: "withdrawn", resolvedAt: now, resolvedById: actor.id },
    });
    await recordAudit(
      {
        actorId: actor.id,
        action: "dispute.withdraw",
        entityType: "dispute",
        entityId: dispute.id,
        ipAddress: actor.ipAddress,
        before: { status: dispute.status },
        after: { status: "withdrawn" },
      },
      tx,
    );
    if (dispute.handlerId) {
      await notify(
        {
          userId: dispute.handlerId,
          kind: "dispute-withdrawn",
          params: { agent: dispute.agent.name },
          link: disputeLink(dispute.id),
        },
        tx,
      );
    }
  });
}

// ─── SLA reminders ───────────────────────────────────────────────────────────────────────────────────

const REMINDER_BATCH = 200;

/**
 * Reminds handlers of disputes past their stage's due time. Idempotent: a handler is reminded once per dispute
 * stage — a `dispute-overdue` notification for the dispute created after the stage started counts as sent.
 */
export async function remindOverdueDisputes(now = new Date()) {
  let reminded = 0;
  let cursor: string | undefined;
  for (;;) {
    const overdue = await db.dispute.findMany({
      where: { status: { in: ["open", "escalated"] }, dueAt: { lt: now }, handlerId: { not: null } },
      orderBy: { id: "asc" },
      take: REMINDER_BATCH,
      ...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}),
      select: {
        id: true,
        handlerId: true,
        createdAt: true,
        escalatedAt: true,
        dueAt: true,
        agent: { select: { name: true } },
        review: { select: { conversation: { select: { externalId: true } } } },
      },
    });
    if (overdue.length === 0) break;
    cursor = overdue[overdue.length - 1]!.id;
    const sent = await db.notification.findMany({
      where: { kind: "dispute-overdue", link: { in: overdue.map((dispute) => disputeLink(dispute.id)) } },
      select: { link: true, userId: true, createdAt: true },
    });
    const due = overdue.filter((dispute) => {
      const stageStart = dispute.escalatedAt ?? dispute.createdAt;
      return !sent.some(
        (entry) =>
          entry.link === disputeLink(dispute.id) && entry.userId === dispute.handlerId && entry.createdAt >= stageStart,
      );
    });
    reminded += await notify(
      due.map((dispute) => ({
        userId: dispute.handlerId!,
        kind: "dispute-overdue",
        params: {
          agent: dispute.agent.name,
          conversation: dispute.review.conversation.externalId,
          hours: Math.max(1, Math.floor((now.getTime() - dispute.dueAt.getTime()) / 3_600_000)),
        },
        link: disputeLink(dispute.id),
      })),
    );
    if (overdue.length < REMINDER_BATCH) break;
  }
  return { reminded };
}
