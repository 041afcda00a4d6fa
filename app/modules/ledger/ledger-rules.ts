/**
 * The ledger's rules (pure, unit-tested): signs per kind, the net of an entry with its corrections, corrections
 * that may not overshoot, evidence links, who may decide, and the appeal window.
 *
 * Rules chosen here (the issue leaves them open; docs/ledger.md repeats them):
 * - Amounts are yuan with two decimals, points are whole numbers. People type magnitudes; the kind gives the sign:
 *   bonuses and award bonuses are stored positive, 通报批评 and 绩效扣减 negative. Corrections carry their own sign.
 * - Nothing is edited after approval and nothing is deleted. A correction is a new, already approved entry that
 *   references the original; the original's "net" is its own amount plus every approved correction of it.
 * - A correction moves the net toward zero or away from it, but never across: a penalty cannot be corrected into a
 *   bonus (that would be a new bonus, proposed and approved on its own) and vice versa.
 * - An agent appeals an approved penalty of their own within APPEAL_WINDOW_DAYS (inclusive) of its approval. One
 *   appeal is open at a time; a withdrawn appeal can be filed again within the window, a decided one cannot.
 */

export const LEDGER_KINDS = [
  "award_bonus",
  "bonus",
  "public_criticism",
  "performance_deduction",
  "correction",
] as const;
export type LedgerKind = (typeof LEDGER_KINDS)[number];

/** What a lead or manager can propose; award bonuses come from published award cycles, corrections from corrections. */
export const PROPOSABLE_KINDS = ["bonus", "public_criticism", "performance_deduction"] as const;
export type ProposableKind = (typeof PROPOSABLE_KINDS)[number];

export const PENALTY_KINDS: readonly LedgerKind[] = ["public_criticism", "performance_deduction"];
export const BONUS_KINDS: readonly LedgerKind[] = ["award_bonus", "bonus"];

export const LEDGER_STATUSES = ["proposed", "approved", "rejected"] as const;
export type LedgerStatus = (typeof LEDGER_STATUSES)[number];

export const APPEAL_STATUSES = ["open", "accepted", "rejected", "withdrawn"] as const;
export type AppealStatus = (typeof APPEAL_STATUSES)[number];

export const APPEAL_WINDOW_DAYS = 14;
/** How long a manager has to answer an appeal before it shows as overdue. */
export const APPEAL_SLA_DAYS = 7;

export const MAX_AMOUNT = 100_000;
export const MAX_POINTS = 100;
export const REASON_MIN_LENGTH = 4;
export const REASON_MAX_LENGTH = 500;

const DAY_MS = 86_400_000;

export function isPenalty(kind: LedgerKind): boolean {
  return PENALTY_KINDS.includes(kind);
}

/** +1 for bonuses, −1 for penalties; corrections keep the sign they are given (0 here). */
export function kindSign(kind: LedgerKind): 1 | -1 | 0 {
  if (BONUS_KINDS.includes(kind)) return 1;
  if (PENALTY_KINDS.includes(kind)) return -1;
  return 0;
}

/** Rounds to fen so sums of stored values stay exact. */
export function toFen(amount: number): number {
  return Math.round(amount * 100) / 100;
}

/** The stored (signed) amount and points for a proposal typed as magnitudes. */
export function signedValues(kind: ProposableKind | "award_bonus", magnitude: { amount: number; points: number }) {
  const sign = kindSign(kind);
  return {
    amount: toFen(sign * Math.abs(magnitude.amount)) || 0,
    points: sign * Math.abs(Math.trunc(magnitude.points)) || 0,
  };
}

export type Money = { amount: number; points: number };

/** An entry's own values plus its approved corrections'. */
export function netOf(entry: Money, corrections: readonly (Money & { status: LedgerStatus })[]): Money {
  return corrections
    .filter((correction) => correction.status === "approved")
    .reduce(
      (net, correction) => ({
        amount: toFen(net.amount + correction.amount),
        points: net.points + correction.points,
      }),
      { amount: toFen(entry.amount), points: entry.points },
    );
}

export type CorrectionError = "not-approved" | "is-correction" | "no-change" | "crosses-zero";

/**
 * Whether an adjustment (signed amount/points to add) can correct the entry whose current net is `net`.
 * The net after it must keep the original's side of zero (or reach zero) on both amount and points.
 */
export function correctionError(
  original: { kind: LedgerKind; status: LedgerStatus; amount: number; points: number },
  net: Money,
  adjustment: Money,
): CorrectionError | null {
  if (original.kind === "correction") return "is-correction";
  if (original.status !== "approved") return "not-approved";
  if (toFen(adjustment.amount) === 0 && adjustment.points === 0) return "no-change";
  const sign = kindSign(original.kind);
  const after = { amount: toFen(net.amount + adjustment.amount), points: net.points + adjustment.points };
  if (sign * after.amount < 0 || sign * after.points < 0) return "crosses-zero";
  return null;
}

/** The signed adjustment that gives back `requested` (magnitudes) of an entry's current net. */
export function reversalOf(net: Money, requested: Money): Money {
  return {
    amount: toFen(-Math.sign(net.amount) * Math.abs(requested.amount)) || 0,
    points: -Math.sign(net.points) * Math.abs(Math.trunc(requested.points)) || 0,
  };
}

/** An evidence link: an http(s) URL or a path inside the product ("/qa/reviews/…"), nothing else. */
export function isValidEvidenceLink(value: string): boolean {
  const link = value.trim();
  if (link.length === 0 || link.length > 500) return false;
  if (link.startsWith("/")) return !link.startsWith("//") && !/\s/.test(link);
  try {
    const url = new URL(link);
    return (url.protocol === "http:" || url.protocol === "https:") && url.hostname.length > 0;
  } catch {
    return false;
  }
}

export type DecisionRefusal = "not-proposed" | "own-proposal";

/** Four eyes: the proposer never approves or rejects their own entry. */
export function decisionRefusal(entry: { status: LedgerStatus; proposedById: string | null }, actorId: string) {
  if (entry.status !== "proposed") return "not-proposed" as const;
  if (entry.proposedById === actorId) return "own-proposal" as const;
  return null;
}

export function appealDeadline(approvedAt: Date): Date {
  return new Date(approvedAt.getTime() + APPEAL_WINDOW_DAYS * DAY_MS);
}

export function appealDueAt(filedAt: Date): Date {
  return new Date(filedAt.getTime() + APPEAL_SLA_DAYS * DAY_MS);
}

export type AppealRefusal =
  | "not-own-entry"
  | "not-penalty"
  | "not-approved"
  | "window-closed"
  | "appeal-open"
  | "already-appealed"
  | "nothing-left";

export function appealRefusal(input: {
  entry: { userId: string; kind: LedgerKind; status: LedgerStatus; decidedAt: Date | null };
  net: Money;
  appeals: readonly AppealStatus[];
  agentId: string;
  now: Date;
}): AppealRefusal | null {
  const { entry } = input;
  if (entry.userId !== input.agentId) return "not-own-entry";
  if (!isPenalty(entry.kind)) return "not-penalty";
  if (entry.status !== "approved" || !entry.decidedAt) return "not-approved";
  if (input.appeals.includes("open")) return "appeal-open";
  if (input.appeals.some((status) => status === "accepted" || status === "rejected")) return "already-appealed";
  if (input.net.amount === 0 && input.net.points === 0) return "nothing-left";
  if (input.now.getTime() > appealDeadline(entry.decidedAt).getTime()) return "window-closed";
  return null;
}

/** Whether the appeal form should be offered (same rule, without the reason). */
export function canAppeal(input: Parameters<typeof appealRefusal>[0]): boolean {
  return appealRefusal(input) === null;
}

export type ReversalError = "amount-too-large" | "points-too-large" | "nothing-reversed";

/** An accepted appeal reverses at most what is left of the penalty, and something. Inputs are magnitudes. */
export function reversalError(net: Money, requested: { amount: number; points: number }): ReversalError | null {
  if (toFen(Math.abs(requested.amount)) > toFen(Math.abs(net.amount))) return "amount-too-large";
  if (Math.abs(requested.points) > Math.abs(net.points)) return "points-too-large";
  if (toFen(requested.amount) === 0 && requested.points === 0) return "nothing-reversed";
  return null;
}

export function reasonError(reason: string | null | undefined): "reason-required" | "reason-too-long" | null {
  const length = [...(reason ?? "").trim()].length;
  if (length < REASON_MIN_LENGTH) return "reason-required";
  if (length > REASON_MAX_LENGTH) return "reason-too-long";
  return null;
}
