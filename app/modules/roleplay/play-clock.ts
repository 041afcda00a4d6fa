/**
 * What the chat page shows at a moment in time, from the turns the server stored: customer bubbles appear at their
 * `shownAt` (before that the customer is "typing"), and the reply timer runs from `awaitingSince`. Pure, so the
 * typing indicator and the timer colours are unit-tested without a browser.
 */

export type ClockTurn = { speaker: "customer" | "agent" | "system"; shownAt: string };

/** The turns visible at `nowMs` (every turn up to the first customer bubble not yet shown) and whether one is due. */
export function visibleTurns<T extends ClockTurn>(turns: readonly T[], nowMs: number) {
  const firstPending = turns.findIndex(
    (turn) => turn.speaker === "customer" && new Date(turn.shownAt).getTime() > nowMs,
  );
  if (firstPending === -1) return { visible: turns.slice(), typing: false, nextAt: null as number | null };
  return {
    visible: turns.slice(0, firstPending),
    typing: true,
    nextAt: new Date(turns[firstPending]!.shownAt).getTime(),
  };
}

/** Share of the limit after which the timer turns amber. */
export const TIMER_WARNING_SHARE = 0.75;

export type TimerTone = "idle" | "normal" | "warning" | "over";

/** Seconds waited (never negative) and the timer's colour: amber from 75 % of the limit, red beyond it. */
export function replyTimer(awaitingSince: string | null, limitSeconds: number, nowMs: number) {
  if (!awaitingSince) return { seconds: 0, tone: "idle" as TimerTone };
  const seconds = Math.max(0, Math.floor((nowMs - new Date(awaitingSince).getTime()) / 1000));
  const tone: TimerTone =
    seconds > limitSeconds ? "over" : seconds >= limitSeconds * TIMER_WARNING_SHARE ? "warning" : "normal";
  return { seconds, tone };
}

/** "1:05" for 65 s. */
export function clockText(seconds: number) {
  const whole = Math.max(0, Math.floor(seconds));
  return `${Math.floor(whole / 60)}:${String(whole % 60).padStart(2, "0")}`;
}
