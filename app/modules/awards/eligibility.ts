/**
 * Who may win (pure). Each rule that fails adds a reason with a stable code (the review page and "why my rank"
 * translate them) and the numbers behind it. Rules: docs/awards-fairness.md.
 */
export const INELIGIBLE_CODES = [
  "no_data",
  "min_conversations",
  "min_qa_reviews",
  "red_line",
  "critical_qa",
  "min_tenure",
  "recent_winner",
] as const;
export type IneligibleCode = (typeof INELIGIBLE_CODES)[number];

export type IneligibleReason = { code: IneligibleCode; actual?: number | null; required?: number };

export interface EligibilityRules {
  minConversations: number;
  minQaReviews: number;
  /** No red-line incident (KPI snapshot) and no critical QA failure (submitted review) in the period. */
  excludeRedLine: boolean;
  minTenureMonths: number;
  /** Not already won within this many earlier periods of the same programme; null = no cooldown. */
  cooldownPeriods: number | null;
}

export interface EligibilityFacts {
  /** Any KPI snapshot of the subject in the period. */
  hasData: boolean;
  conversations: number;
  qaReviews: number;
  /** The red_line_incidents snapshot of the period. */
  redLineIncidents: number;
  /** Submitted regular reviews of the period with a critical (red-line) failure, counted from the reviews. */
  criticalQaFailures: number;
  /** Whole months of service at the end of the period; null = unknown hire date (or hired after the period). */
  tenureMonths: number | null;
  /** Periods between this one and the subject's latest win of the programme (1 = the previous period). */
  periodsSinceLastWin: number | null;
}

export type SubjectKind = "individual" | "team";

/**
 * The reasons a subject cannot win; empty = eligible. Teams skip the tenure rule (a team has no hire date).
 * Red line first from the snapshot; a critical failure the snapshot has not counted yet (a review submitted after
 * the last snapshot run) still excludes, under its own code.
 */
export function ineligibleReasons(
  facts: EligibilityFacts,
  rules: EligibilityRules,
  subjectKind: SubjectKind = "individual",
): IneligibleReason[] {
  if (!facts.hasData) return [{ code: "no_data" }];
  const reasons: IneligibleReason[] = [];
  if (facts.conversations < rules.minConversations) {
    reasons.push({ code: "min_conversations", actual: facts.conversations, required: rules.minConversations });
  }
  if (facts.qaReviews < rules.minQaReviews) {
    reasons.push({ code: "min_qa_reviews", actual: facts.qaReviews, required: rules.minQaReviews });
  }
  if (rules.excludeRedLine) {
    if (facts.redLineIncidents > 0) reasons.push({ code: "red_line", actual: facts.redLineIncidents });
    else if (facts.criticalQaFailures > 0) reasons.push({ code: "critical_qa", actual: facts.criticalQaFailures });
  }
  if (subjectKind === "individual" && rules.minTenureMonths > 0) {
    if (facts.tenureMonths === null || facts.tenureMonths < rules.minTenureMonths) {
      reasons.push({ code: "min_tenure", actual: facts.tenureMonths, required: rules.minTenureMonths });
    }
  }
  if (
    rules.cooldownPeriods !== null &&
    rules.cooldownPeriods > 0 &&
    facts.periodsSinceLastWin !== null &&
    facts.periodsSinceLastWin >= 1 &&
    facts.periodsSinceLastWin <= rules.cooldownPeriods
  ) {
    reasons.push({ code: "recent_winner", actual: facts.periodsSinceLastWin, required: rules.cooldownPeriods });
  }
  return reasons;
}
