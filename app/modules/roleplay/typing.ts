/**
 * How long the simulated customer "types" before a bubble appears. A short line still takes a moment, a long one
 * never keeps the agent waiting more than a few seconds; an angry customer types fast, a calm one takes their time.
 * delay = clamp(0.8 + characters × 0.06 × moodFactor, 0.8, 4) seconds; consecutive bubbles add up.
 */
import type { Script } from "./script";

export type Mood = Script["persona"]["mood"];

export const TYPING_MIN_SECONDS = 0.8;
export const TYPING_MAX_SECONDS = 4;
export const TYPING_SECONDS_PER_CHARACTER = 0.06;
export const MOOD_TYPING_FACTOR: Record<Mood, number> = { calm: 1, anxious: 0.8, annoyed: 0.9, angry: 0.7 };

export function typingSeconds(text: string, mood: Mood): number {
  const characters = [...text].length;
  const raw = TYPING_MIN_SECONDS + characters * TYPING_SECONDS_PER_CHARACTER * MOOD_TYPING_FACTOR[mood];
  return Math.round(Math.min(TYPING_MAX_SECONDS, Math.max(TYPING_MIN_SECONDS, raw)) * 1000) / 1000;
}

/** When each bubble appears: the first after its own typing delay from `from`, each next one after the previous. */
export function bubbleTimes(texts: readonly string[], mood: Mood, from: Date): Date[] {
  let at = from.getTime();
  return texts.map((text) => {
    at += Math.round(typingSeconds(text, mood) * 1000);
    return new Date(at);
  });
}
