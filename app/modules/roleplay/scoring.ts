/**
 * Automatic scoring of a role-play session (pure; docs/roleplay-scoring.md has every formula with a worked
 * example).
 *
 * - Steps: a step is credited on the first agent reply that matches one of its intents; with `withinReplies` only
 *   when that reply is among the first N. steps = 100 × Σ weight of steps hit / Σ weight of all steps (100 when the
 *   script has no steps).
 * - Red lines: recorded on every reply that matches one of their intents. Any red line makes autoScore 0, the final
 *   score 0 and the session failed.
 * - Timing: timing = 100 × replies within the limit / agent replies (0 without replies).
 * - Outcome: outcome = outcomePoints[outcome] (abandoned = 0).
 * - autoScore = (stepsWeight × steps + timingWeight × timing + outcomeWeight × outcome) / 100, rounded to 2 decimals;
 *   0 for an abandoned session.
 * - final = autoScore without a rubric; with one, autoScore × (100 − humanWeight)/100 + rubric × humanWeight/100,
 *   0 on a red line or a critical rubric failure. passed = final ≥ passPercent.
 */
import type { EndOutcome, Script } from "./script";

export type SessionOutcome = EndOutcome | "abandoned";

export function round2(value: number): number {
  return Math.round(value * 100) / 100;
}

/** Keys of steps first credited by this reply (1-based `replyNumber`), given the steps already hit. */
export function stepsCreditedBy(
  script: Pick<Script, "steps">,
  intents: readonly string[],
  replyNumber: number,
  alreadyHit: ReadonlySet<string>,
): string[] {
  const matched = new Set(intents);
  return script.steps
    .filter(
      (step) =>
        !alreadyHit.has(step.key) &&
        (step.withinReplies === undefined || replyNumber <= step.withinReplies) &&
        step.intents.some((key) => matched.has(key)),
    )
    .map((step) => step.key);
}

export function redLinesCrossedBy(script: Pick<Script, "redLines">, intents: readonly string[]): string[] {
  const matched = new Set(intents);
  return script.redLines.filter((line) => line.intents.some((key) => matched.has(key))).map((line) => line.key);
}

export function isOverTime(responseSeconds: number, limitSeconds: number): boolean {
  return responseSeconds > limitSeconds;
}

/** An agent reply as stored: what the report is built from. */
export type ScoredReply = {
  position: number;
  text: string;
  responseSeconds: number | null;
  overTime: boolean;
  steps: readonly string[];
  redLines: readonly string[];
};

export type AutoReport = {
  outcome: SessionOutcome;
  steps: {
    key: string;
    label: string;
    weight: number;
    hit: boolean;
    turnPosition: number | null;
    text: string | null;
  }[];
  redLines: { key: string; label: string; turnPosition: number; text: string }[];
  timing: {
    replies: number;
    withinLimit: number;
    overLimit: number;
    meanSeconds: number | null;
    maxSeconds: number | null;
    limitSeconds: number;
  };
  components: { steps: number; timing: number; outcome: number };
  weights: { steps: number; timing: number; outcome: number };
  autoScore: number;
};

export function stepsComponent(steps: readonly { weight: number; hit: boolean }[]): number {
  const total = steps.reduce((sum, step) => sum + step.weight, 0);
  if (total === 0) return 100;
  return (100 * steps.filter((step) => step.hit).reduce((sum, step) => sum + step.weight, 0)) / total;
}

export function timingComponent(replies: number, withinLimit: number): number {
  return replies === 0 ? 0 : (100 * withinLimit) / replies;
}

export function outcomeComponent(scoring: Script["scoring"], outcome: SessionOutcome): number {
  return outcome === "abandoned" ? 0 : scoring.outcomePoints[outcome];
}

export function buildAutoReport(
  script: Pick<Script, "steps" | "redLines" | "scoring" | "replyTimeLimitSeconds">,
  replies: readonly ScoredReply[],
  outcome: SessionOutcome,
): AutoReport {
  const ordered = [...replies].sort((a, b) => a.position - b.position);
  const steps = script.steps.map((step) => {
    const hitBy = ordered.find((reply) => reply.steps.includes(step.key)) ?? null;
    return {
      key: step.key,
      label: step.label,
      weight: step.weight,
      hit: hitBy !== null,
      turnPosition: hitBy?.position ?? null,
      text: hitBy?.text ?? null,
    };
  });
  const labels = new Map(script.redLines.map((line) => [line.key, line.label]));
  const redLines = ordered.flatMap((reply) =>
    reply.redLines.map((key) => ({
      key,
      label: labels.get(key) ?? key,
      turnPosition: reply.position,
      text: reply.text,
    })),
  );
  const seconds = ordered.map((reply) => reply.responseSeconds).filter((value): value is number => value !== null);
  const overLimit = ordered.filter((reply) => reply.overTime).length;
  const timing = {
    replies: ordered.length,
    withinLimit: ordered.length - overLimit,
    overLimit,
    meanSeconds: seconds.length > 0 ? round2(seconds.reduce((sum, value) => sum + value, 0) / seconds.length) : null,
    maxSeconds: seconds.length > 0 ? round2(Math.max(...seconds)) : null,
    limitSeconds: script.replyTimeLimitSeconds,
  };
  const raw = {
    steps: stepsComponent(steps),
    timing: timingComponent(timing.replies, timing.withinLimit),
    outcome: outcomeComponent(script.scoring, outcome),
  };
  const components = { steps: round2(raw.steps), timing: round2(raw.timing), outcome: round2(raw.outcome) };
  const weights = {
    steps: script.scoring.stepsWeight,
    timing: script.scoring.timingWeight,
    outcome: script.scoring.outcomeWeight,
  };
  const autoScore = redLines.length > 0 || outcome === "abandoned" ? 0 : combineAuto(raw, weights);
  return { outcome, steps, redLines, timing, components, weights, autoScore };
}

/** The weighted automatic score from unrounded components (rounding happens once, at the end). */
export function combineAuto(
  components: { steps: number; timing: number; outcome: number },
  weights: { steps: number; timing: number; outcome: number },
): number {
  return round2(
    (weights.steps * components.steps + weights.timing * components.timing + weights.outcome * components.outcome) /
      100,
  );
}

export function finalScore(input: {
  autoScore: number;
  redLineCrossed: boolean;
  /** null when there is no human rubric score. */
  rubricScore: number | null;
  rubricCriticalFailed?: boolean;
  humanWeight: number;
}): number {
  if (input.redLineCrossed || input.rubricCriticalFailed) return 0;
  if (input.rubricScore === null) return round2(input.autoScore);
  return round2((input.autoScore * (100 - input.humanWeight)) / 100 + (input.rubricScore * input.humanWeight) / 100);
}

export function isPassed(final: number, passPercent: number, redLineCrossed: boolean): boolean {
  return !redLineCrossed && final >= passPercent;
}
