/**
 * The award cycle's state machine (pure): open → computed → under_review → approved → published → closed.
 * Recomputing is allowed only before review starts, so nobody's review decisions are thrown away by a recompute;
 * candidate decisions (exclude, restore, nominate) happen only under review; nothing after approval changes winners.
 */
export const CYCLE_STATUSES = ["open", "computed", "under_review", "approved", "published", "closed"] as const;
export type CycleStatus = (typeof CYCLE_STATUSES)[number];

export const CYCLE_TRANSITIONS = ["compute", "startReview", "approve", "publish", "close"] as const;
export type CycleTransition = (typeof CYCLE_TRANSITIONS)[number];

const FROM: Record<CycleTransition, readonly CycleStatus[]> = {
  compute: ["open", "computed"],
  startReview: ["computed"],
  approve: ["under_review"],
  publish: ["approved"],
  close: ["published"],
};

const TO: Record<CycleTransition, CycleStatus> = {
  compute: "computed",
  startReview: "under_review",
  approve: "approved",
  publish: "published",
  close: "closed",
};

export function canTransition(status: CycleStatus, transition: CycleTransition): boolean {
  return FROM[transition].includes(status);
}

export function statusAfter(transition: CycleTransition): CycleStatus {
  return TO[transition];
}

/** The statuses a transition may start from (for the conditional update that claims the change). */
export function statusesBefore(transition: CycleTransition): CycleStatus[] {
  return [...FROM[transition]];
}

/** Transitions a manager can take next from `status`, in workflow order. */
export function nextTransitions(status: CycleStatus): CycleTransition[] {
  return CYCLE_TRANSITIONS.filter((transition) => canTransition(status, transition));
}

/** Exclude, restore and nominate: only while the cycle is under review. */
export function candidateDecisionsOpen(status: CycleStatus): boolean {
  return status === "under_review";
}

/** Winners are visible to everyone once published. */
export function isPublic(status: CycleStatus): boolean {
  return status === "published" || status === "closed";
}

/** Position of a status in the stepper, 0-based. */
export function stepIndex(status: CycleStatus): number {
  return CYCLE_STATUSES.indexOf(status);
}
