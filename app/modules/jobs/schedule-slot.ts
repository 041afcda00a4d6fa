/**
 * The time slot a cron firing belongs to: the minute (5-field patterns, nicknames) or the second
 * (6-field patterns) it was due. Firings happen just after the slot, so flooring finds it.
 */
export function scheduleSlot(pattern: string, firedAt: Date): Date {
  const precisionMs = pattern.trim().split(/\s+/).length === 6 ? 1000 : 60_000;
  return new Date(Math.floor(firedAt.getTime() / precisionMs) * precisionMs);
}
