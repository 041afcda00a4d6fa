import type { BackoffPolicy } from "./registry";

/**
 * Delay before the next attempt after `failedAttempt` (1-based) failed.
 * Same formula as BullMQ's built-in "exponential" (base * 2^(n-1)) plus a cap, so
 * inline and Redis mode wait the same; the worker installs it as a custom strategy.
 */
export function backoffDelayMs(failedAttempt: number, policy: BackoffPolicy): number {
  if (!Number.isInteger(failedAttempt) || failedAttempt < 1) {
    throw new RangeError(`failedAttempt must be a positive integer, got ${failedAttempt}`);
  }
  const uncapped = policy.baseDelayMs * 2 ** (failedAttempt - 1);
  return Math.min(uncapped, policy.maxDelayMs);
}

/** BullMQ backoff type name routed to backoffDelayMs by the worker's backoffStrategy. */
export const BULLMQ_BACKOFF_TYPE = "capped-exponential";
