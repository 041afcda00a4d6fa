/** Plan schedules: 5-field cron patterns read in the app's time zone (croner, as the job scheduler uses). */
import { Cron } from "croner";

export const CRON_PRESETS = [
  { key: "weeklyMonday", pattern: "0 9 * * 1" },
  { key: "daily", pattern: "0 9 * * *" },
  { key: "weekdays", pattern: "0 9 * * 1-5" },
  { key: "monthlyFirst", pattern: "0 9 1 * *" },
] as const;

function build(pattern: string, timeZone?: string): Cron {
  // Minute precision only: the due-plans job runs every 5 minutes, seconds would promise what it cannot keep.
  if (pattern.trim().split(/\s+/).length !== 5) throw new Error("expected 5 fields");
  return new Cron(pattern.trim(), { paused: true, timezone: timeZone });
}

export function isValidCron(pattern: string): boolean {
  try {
    return build(pattern).nextRun() !== null;
  } catch {
    return false;
  }
}

/** The next `count` firings after `from`, or [] for a pattern that cannot be parsed. */
export function nextRuns(pattern: string, timeZone: string, count: number, from: Date = new Date()): Date[] {
  try {
    return build(pattern, timeZone).nextRuns(count, from);
  } catch {
    return [];
  }
}

/**
 * The most recent slot in (after, now], or null when none fell in between. Later slots win: a plan
 * that missed several (server down) runs once for the latest, not once per missed slot.
 */
export function latestDueSlot(pattern: string, timeZone: string, after: Date, now: Date): Date | null {
  let cron: Cron;
  try {
    cron = build(pattern, timeZone);
  } catch {
    return null;
  }
  let slot: Date | null = null;
  let cursor = after;
  for (let guard = 0; guard < 100_000; guard += 1) {
    const next = cron.nextRun(cursor);
    if (!next || next.getTime() > now.getTime()) break;
    slot = next;
    cursor = next;
  }
  return slot;
}
