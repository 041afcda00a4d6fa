/**
 * Role-play (scenario) items of an exam, pure rules (docs/exam-scoring.md, "角色演练题"):
 * - the item's score is its points × the session's final score / 100 (an abandoned or missing session scores 0);
 * - the attempt passes when its percent reaches the exam's pass mark AND every scenario item's final score reaches
 *   that item's own pass threshold — a high written score cannot make up for a failed practical.
 */
import { round2 } from "./scoring";

/** What a scenario attempt item stores when the paper is drawn: never the script, only what identifies it. */
export type ScenarioSnapshot = {
  type: "scenario";
  scenarioId: string;
  scenarioVersionId: string;
  title: string;
  summary: string;
  points: number;
  passPercent: number;
  category: string;
  difficulty: string;
};

export function isScenarioSnapshot(snapshot: unknown): snapshot is ScenarioSnapshot {
  return !!snapshot && typeof snapshot === "object" && (snapshot as { type?: unknown }).type === "scenario";
}

/** points × finalScore / 100, rounded to 2 decimals; null final score (abandoned, never played) scores 0. */
export function scenarioItemScore(points: number, finalScore: number | null): number {
  if (finalScore === null || !Number.isFinite(finalScore)) return 0;
  const clamped = Math.min(100, Math.max(0, finalScore));
  return round2((points * clamped) / 100);
}

export type ScenarioItemResult = { position: number; finalScore: number | null; passPercent: number };

/** Positions of the scenario items below their own threshold (a missing final score counts as 0). */
export function failedScenarioItems(results: ScenarioItemResult[]): number[] {
  return results.filter((result) => (result.finalScore ?? 0) < result.passPercent).map((result) => result.position);
}

/** The pass rule of an attempt with scenario items. */
export function attemptPassed(percent: number, examPassPercent: number, results: ScenarioItemResult[]): boolean {
  return percent >= examPassPercent && failedScenarioItems(results).length === 0;
}

export type SessionState = "none" | "in_progress" | "pending_review" | "completed" | "abandoned";

/** Whether the session of a scenario item has ended from the learner's side (submit allowed). */
export function sessionEnded(state: SessionState): boolean {
  return state === "pending_review" || state === "completed" || state === "abandoned";
}

/** Whether the item's score is final (the review of a pending_review session is still to come otherwise). */
export function sessionFinal(state: SessionState): boolean {
  return state === "completed" || state === "abandoned";
}
