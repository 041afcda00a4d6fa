/**
 * The dispute (申诉) state machine: who may do what, when. Pure, so every transition is unit-tested.
 *
 * Lifecycle
 *   open ──decide──▶ accepted | partly_accepted | rejected        (stage 1: the original inspector)
 *   rejected | partly_accepted ──escalate (once)──▶ escalated       (agent, within the window after the decision)
 *   escalated ──decide──▶ accepted | partly_accepted | rejected     (stage 2: a QA lead, final)
 *   open | escalated ──withdraw──▶ withdrawn                        (agent)
 *
 * Rules chosen here (documented because the brief leaves them open):
 * - Windows are inclusive: a dispute filed exactly `disputeWindowDays` after submission is still on time.
 * - A reason is required per item: trimmed, at least REASON_MIN_LENGTH characters (enough for "态度没问题" but
 *   not for "不对"), at most REASON_MAX_LENGTH.
 * - One dispute per review: while one is open nothing new can be filed, and once it is closed (decided or
 *   withdrawn) the only way forward is escalating that dispute.
 * - Acknowledging a review accepts it: no new dispute and no escalation afterwards, and a review with an open
 *   dispute cannot be acknowledged until the dispute closes.
 * - Stage 2 covers only the items the inspector rejected; items accepted at stage 1 stay applied. The arbitrator's
 *   accept sets that criterion on the review as it stands (stage-1 changes included) and rescoring starts from there.
 *   The final outcome is derived over all items, whichever stage accepted them.
 * - Accepting must change the score: the value set must differ from the criterion's current value (otherwise the
 *   handler should reject), and a proposal equal to the current value is refused at filing.
 */
import { scaleValues, type ScaleType } from "~/modules/qa/scoring";

export const DISPUTE_STATUSES = ["open", "escalated", "accepted", "partly_accepted", "rejected", "withdrawn"] as const;
export type DisputeStatus = (typeof DISPUTE_STATUSES)[number];
export type DisputeOutcome = "accepted" | "partly_accepted" | "rejected";

/** Statuses where someone still has to answer. */
export const OPEN_DISPUTE_STATUSES: readonly DisputeStatus[] = ["open", "escalated"];
/** Outcomes after which the agent may escalate. */
export const ESCALATABLE_STATUSES: readonly DisputeStatus[] = ["rejected", "partly_accepted"];

export const REASON_MIN_LENGTH = 5;
export const REASON_MAX_LENGTH = 1000;
export const RESPONSE_MIN_LENGTH = 5;
export const RESPONSE_MAX_LENGTH = 2000;

/**
 * DisputeItem.proposedValue / decidedValue are nullable floats where null already means "no proposal" / "not
 * accepted"; N/A is stored as this sentinel, which no scale can hold (every scale starts at 0 or 1).
 */
export const NA_VALUE = -1;

export const DAY_MS = 86_400_000;

export function isOpenDispute(status: DisputeStatus): boolean {
  return OPEN_DISPUTE_STATUSES.includes(status);
}

export function addDays(from: Date, days: number): Date {
  return new Date(from.getTime() + days * DAY_MS);
}

/** Refusal codes; the UI translates them (qa-disputes:refusals.<code>) and 409 responses carry them. */
export type Refusal =
  | "not-own-review"
  | "not-regular"
  | "not-submitted"
  | "acknowledged"
  | "window-closed"
  | "dispute-open"
  | "already-disputed"
  | "not-agent"
  | "not-handler"
  | "not-open"
  | "not-escalatable"
  | "already-escalated"
  | "escalation-window-closed"
  | "already-acknowledged";

export type Check = { ok: true } | { ok: false; refusal: Refusal };

const OK: Check = { ok: true };
const refuse = (refusal: Refusal): Check => ({ ok: false, refusal });

export interface ReviewFacts {
  kind: "regular" | "calibration";
  status: "assigned" | "draft" | "submitted" | "cancelled";
  agentId: string | null;
  submittedAt: Date | null;
  acknowledgedAt: Date | null;
}

export interface DisputeFacts {
  status: DisputeStatus;
  agentId: string;
  handlerId: string | null;
  firstDecidedAt: Date | null;
  escalatedAt: Date | null;
}

/** The last moment a dispute can be filed. */
export function disputeDeadline(submittedAt: Date, windowDays: number): Date {
  return addDays(submittedAt, windowDays);
}

/** The last moment a decided dispute can be escalated: the window counts from the inspector's decision. */
export function escalationDeadline(firstDecidedAt: Date, windowDays: number): Date {
  return addDays(firstDecidedAt, windowDays);
}

export function canOpenDispute(input: {
  review: ReviewFacts;
  /** Statuses of the review's existing disputes. */
  disputes: readonly DisputeStatus[];
  agentId: string;
  now: Date;
  windowDays: number;
}): Check {
  const { review } = input;
  if (review.agentId !== input.agentId) return refuse("not-own-review");
  if (review.kind !== "regular") return refuse("not-regular");
  if (review.status !== "submitted" || !review.submittedAt) return refuse("not-submitted");
  if (review.acknowledgedAt) return refuse("acknowledged");
  if (input.disputes.some(isOpenDispute)) return refuse("dispute-open");
  if (input.disputes.length > 0) return refuse("already-disputed");
  if (input.now.getTime() > disputeDeadline(review.submittedAt, input.windowDays).getTime()) {
    return refuse("window-closed");
  }
  return OK;
}

/** Only the current handler decides, and only while someone has to. */
export function canDecide(input: { dispute: DisputeFacts; userId: string }): Check {
  if (!isOpenDispute(input.dispute.status)) return refuse("not-open");
  if (input.dispute.handlerId !== input.userId) return refuse("not-handler");
  return OK;
}

export function canEscalate(input: {
  dispute: DisputeFacts;
  review: Pick<ReviewFacts, "acknowledgedAt">;
  agentId: string;
  now: Date;
  windowDays: number;
}): Check {
  const { dispute } = input;
  if (dispute.agentId !== input.agentId) return refuse("not-agent");
  if (dispute.escalatedAt) return refuse("already-escalated");
  if (!ESCALATABLE_STATUSES.includes(dispute.status) || !dispute.firstDecidedAt) return refuse("not-escalatable");
  if (input.review.acknowledgedAt) return refuse("acknowledged");
  if (input.now.getTime() > escalationDeadline(dispute.firstDecidedAt, input.windowDays).getTime()) {
    return refuse("escalation-window-closed");
  }
  return OK;
}

export function canWithdraw(input: { dispute: DisputeFacts; agentId: string }): Check {
  if (input.dispute.agentId !== input.agentId) return refuse("not-agent");
  if (!isOpenDispute(input.dispute.status)) return refuse("not-open");
  return OK;
}

export function canAcknowledge(input: {
  review: ReviewFacts;
  disputes: readonly DisputeStatus[];
  agentId: string;
}): Check {
  const { review } = input;
  if (review.agentId !== input.agentId) return refuse("not-own-review");
  if (review.kind !== "regular") return refuse("not-regular");
  if (review.status !== "submitted") return refuse("not-submitted");
  if (review.acknowledgedAt) return refuse("already-acknowledged");
  if (input.disputes.some(isOpenDispute)) return refuse("dispute-open");
  return OK;
}

/** A decided item as stored: values in the stored encoding, compared as they are. */
export interface DecidedItem {
  accepted: boolean | null;
  proposedValue: number | null;
  decidedValue: number | null;
}

/**
 * An item is fully accepted when it was accepted at the agent's proposal (or without one). Accepted at another
 * value — the agent asked for 5, the inspector grants 4 — it is only partly accepted and can still be escalated.
 */
export function isFullyAccepted(item: DecidedItem): boolean {
  return item.accepted === true && (item.proposedValue === null || item.decidedValue === item.proposedValue);
}

/** Every item fully accepted → accepted; nothing accepted → rejected; otherwise partly accepted. */
export function deriveOutcome(items: readonly DecidedItem[]): DisputeOutcome {
  if (items.length === 0) throw new RangeError("an outcome needs at least one decided item");
  if (items.every(isFullyAccepted)) return "accepted";
  if (items.every((item) => item.accepted !== true)) return "rejected";
  return "partly_accepted";
}

/** SLA: each stage (filing, escalation) gives the handler `slaDays` from its start. */
export function stageDueAt(stageStart: Date, slaDays: number): Date {
  return addDays(stageStart, slaDays);
}

export function isOverdue(dispute: { status: DisputeStatus; dueAt: Date }, now: Date): boolean {
  return isOpenDispute(dispute.status) && now.getTime() > dispute.dueAt.getTime();
}

// ─── Items ───────────────────────────────────────────────────────────────────────────────────────────

export interface DisputableCriterion {
  id: string;
  scale: ScaleType;
  maxPoints?: number | null;
  allowNa?: boolean;
}

/** A value on the criterion's scale, or null for N/A. */
export type ScaleValue = number | null;

export type ItemError =
  | "unknown-criterion"
  | "duplicate-criterion"
  | "reason-required"
  | "reason-too-short"
  | "reason-too-long"
  | "value-off-scale"
  | "na-not-allowed"
  | "same-as-current";

/** Whether a value (null = N/A) may be set on the criterion. */
export function valueError(criterion: DisputableCriterion, value: ScaleValue): ItemError | null {
  if (value === null) return criterion.allowNa ? null : "na-not-allowed";
  return scaleValues(criterion.scale, criterion.maxPoints).includes(value) ? null : "value-off-scale";
}

export function reasonError(reason: string | null | undefined): ItemError | null {
  const trimmed = (reason ?? "").trim();
  if (trimmed.length === 0) return "reason-required";
  if ([...trimmed].length < REASON_MIN_LENGTH) return "reason-too-short";
  if ([...trimmed].length > REASON_MAX_LENGTH) return "reason-too-long";
  return null;
}

export interface ProposedItem {
  criterionId: string;
  reason: string;
  /** undefined = no proposal; null = propose N/A. */
  proposed?: ScaleValue;
}

export interface ItemsCheck {
  /** Errors per item index, by field. */
  errors: Record<number, { criterion?: ItemError; reason?: ItemError; proposed?: ItemError }>;
  /** "no-items" when nothing was chosen. */
  formError: "no-items" | null;
}

/**
 * Validates the items of a new dispute against the review's rubric version and current values
 * (criterion id → value, null = N/A).
 */
export function checkDisputeItems(
  criteria: readonly DisputableCriterion[],
  current: Readonly<Record<string, ScaleValue | undefined>>,
  items: readonly ProposedItem[],
): ItemsCheck {
  const byId = new Map(criteria.map((criterion) => [criterion.id, criterion]));
  const errors: ItemsCheck["errors"] = {};
  const seen = new Set<string>();
  items.forEach((item, index) => {
    const entry: ItemsCheck["errors"][number] = {};
    const criterion = byId.get(item.criterionId);
    if (!criterion) entry.criterion = "unknown-criterion";
    else if (seen.has(item.criterionId)) entry.criterion = "duplicate-criterion";
    seen.add(item.criterionId);
    const reason = reasonError(item.reason);
    if (reason) entry.reason = reason;
    if (criterion && item.proposed !== undefined) {
      const problem = valueError(criterion, item.proposed);
      if (problem) entry.proposed = problem;
      else if (current[criterion.id] === item.proposed) entry.proposed = "same-as-current";
    }
    if (Object.keys(entry).length > 0) errors[index] = entry;
  });
  return { errors, formError: items.length === 0 ? "no-items" : null };
}

export interface ItemDecisionInput {
  itemId: string;
  accept: boolean;
  /** The value to set when accepting: undefined = take the proposal; null = N/A. */
  value?: ScaleValue;
}

export interface PendingItem {
  id: string;
  criterion: DisputableCriterion;
  /** undefined = no proposal; null = N/A proposed. */
  proposed?: ScaleValue;
  current: ScaleValue;
}

export type DecisionError = "decision-required" | "value-required" | ItemError;

export interface DecisionsCheck {
  errors: Record<string, DecisionError>;
  /** Resolved decisions, one per pending item, when there are no errors. */
  decisions: { itemId: string; accept: boolean; value: ScaleValue | undefined }[];
}

/**
 * Checks a handler's decisions: every pending item needs one; an accept takes the given value or else the
 * proposal, must be valid on the scale and must change the current value.
 */
export function checkDecisions(pending: readonly PendingItem[], inputs: readonly ItemDecisionInput[]): DecisionsCheck {
  const byItem = new Map(inputs.map((input) => [input.itemId, input]));
  const errors: Record<string, DecisionError> = {};
  const decisions: DecisionsCheck["decisions"] = [];
  for (const item of pending) {
    const input = byItem.get(item.id);
    if (!input) {
      errors[item.id] = "decision-required";
      continue;
    }
    if (!input.accept) {
      decisions.push({ itemId: item.id, accept: false, value: undefined });
      continue;
    }
    const value = input.value !== undefined ? input.value : item.proposed;
    if (value === undefined) {
      errors[item.id] = "value-required";
      continue;
    }
    const problem = valueError(item.criterion, value);
    if (problem) {
      errors[item.id] = problem;
      continue;
    }
    if (value === item.current) {
      errors[item.id] = "same-as-current";
      continue;
    }
    decisions.push({ itemId: item.id, accept: true, value });
  }
  return { errors, decisions: Object.keys(errors).length > 0 ? [] : decisions };
}

// ─── Arbitrator ──────────────────────────────────────────────────────────────────────────────────────

export interface ArbitratorCandidate {
  id: string;
  name: string;
  roles: readonly string[];
  active: boolean;
  openEscalations: number;
}

/**
 * The QA lead who takes an escalation: active, neither the original inspector nor the agent, fewest open
 * escalations (ties by name, then id, so the choice is stable). With no such QA lead, a manager the same way.
 */
export function chooseArbitrator(
  candidates: readonly ArbitratorCandidate[],
  exclude: { inspectorId: string; agentId: string },
): string | null {
  const eligible = candidates.filter(
    (candidate) => candidate.active && candidate.id !== exclude.inspectorId && candidate.id !== exclude.agentId,
  );
  const pick = (role: string) =>
    eligible
      .filter((candidate) => candidate.roles.includes(role))
      .sort(
        (a, b) =>
          a.openEscalations - b.openEscalations || a.name.localeCompare(b.name, "zh-CN") || a.id.localeCompare(b.id),
      )[0]?.id ?? null;
  return pick("qa_lead") ?? pick("manager");
}
