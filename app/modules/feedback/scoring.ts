/**
 * 360 scoring: pure functions over per-group aggregates (sums and counts come from SQL, never raw rows).
 *
 * Rules (docs/360-reviews.md):
 * - A competency's group mean = Σ scores ÷ number of ratings from that group.
 * - A group's weighted score = Σ(competency weight × group mean) ÷ Σ(weights of competencies the group rated).
 * - Self and manager are always shown when they answered. Any other group is shown only with at least
 *   N = max(2, cycle.minGroupResponses) submitted responses; a hidden group contributes nothing anywhere.
 * - Overall = Σ(group weight × group weighted score) ÷ Σ(weights of the shown groups that have a score).
 *   Self is left out of the overall: it is reported only as the gap "self − others".
 * - "Others" pools the ratings of the shown non-self groups only, so a hidden group can never be recovered by
 *   subtracting a shown figure from an "everyone" figure.
 */
import { z } from "zod";

export const RATER_GROUPS = ["self", "manager", "peer", "report", "qa"] as const;
export type RaterGroup = (typeof RATER_GROUPS)[number];
/** Groups whose results are known by definition (one known rater) and are never hidden by count. */
export const NAMED_GROUPS: readonly RaterGroup[] = ["self", "manager"];
/** Groups that carry a weight in the overall score (self is reported as a gap only). */
export const WEIGHTED_GROUPS = ["manager", "peer", "report", "qa"] as const;
export type WeightedGroup = (typeof WEIGHTED_GROUPS)[number];

export const MIN_GROUP_RESPONSES_FLOOR = 2;
export const DEFAULT_MIN_GROUP_RESPONSES = 3;
export const SCALE_POINTS = [1, 2, 3, 4, 5] as const;

export const MinGroupResponsesSchema = z.coerce
  .number({ message: "feedback:errors.minResponses" })
  .int({ message: "feedback:errors.minResponses" })
  .min(MIN_GROUP_RESPONSES_FLOOR, { message: "feedback:errors.minResponses" })
  .max(20, { message: "feedback:errors.minResponses" });

export type GroupWeights = Record<WeightedGroup, number>;
export const DEFAULT_GROUP_WEIGHTS: GroupWeights = { manager: 40, peer: 30, report: 10, qa: 20 };

const percent = z.coerce
  .number({ message: "feedback:errors.weightPercent" })
  .int({ message: "feedback:errors.weightPercent" })
  .min(0, { message: "feedback:errors.weightPercent" })
  .max(100, { message: "feedback:errors.weightPercent" });

export const GroupWeightsSchema = z
  .object({ manager: percent, peer: percent, report: percent, qa: percent })
  .refine((weights) => WEIGHTED_GROUPS.reduce((sum, group) => sum + weights[group], 0) === 100, {
    message: "feedback:errors.weightsSum",
  });

/** Reads the stored JSON leniently (older rows, hand edits): unknown or missing groups weigh 0. */
export function readGroupWeights(value: unknown): GroupWeights {
  const source = (value && typeof value === "object" ? value : {}) as Record<string, unknown>;
  const weights = { ...DEFAULT_GROUP_WEIGHTS };
  for (const group of WEIGHTED_GROUPS) {
    const raw = Number(source[group]);
    weights[group] = Number.isFinite(raw) && raw >= 0 ? raw : 0;
  }
  return weights;
}

/** The threshold actually applied: the configured value, never below the floor. */
export function effectiveMinResponses(configured: number | null | undefined) {
  const value = Number.isFinite(configured) ? Math.floor(configured as number) : DEFAULT_MIN_GROUP_RESPONSES;
  return Math.max(MIN_GROUP_RESPONSES_FLOOR, value);
}

export function isGroupVisible(group: RaterGroup, responses: number, minResponses: number) {
  if (responses <= 0) return false;
  if (NAMED_GROUPS.includes(group)) return true;
  return responses >= effectiveMinResponses(minResponses);
}

export type Competency = { id: string; weight: number };
/** Σ scores and number of ratings per competency, for one group. */
export type CompetencyTotals = Record<string, { sum: number; count: number }>;
export type GroupAggregate = { group: RaterGroup; responses: number; totals: CompetencyTotals };

export function competencyMeans(totals: CompetencyTotals): Record<string, number> {
  const means: Record<string, number> = {};
  for (const [id, { sum, count }] of Object.entries(totals)) if (count > 0) means[id] = sum / count;
  return means;
}

/** Σ(weight × mean) ÷ Σ(weight) over the competencies that have a mean; null when none has. */
export function weightedCompetencyScore(means: Record<string, number>, competencies: Competency[]) {
  let weighted = 0;
  let weights = 0;
  for (const competency of competencies) {
    const mean = means[competency.id];
    if (mean === undefined || competency.weight <= 0) continue;
    weighted += competency.weight * mean;
    weights += competency.weight;
  }
  return weights > 0 ? weighted / weights : null;
}

export type GroupResult = {
  group: RaterGroup;
  responses: number;
  visible: boolean;
  /** Empty when hidden. */
  means: Record<string, number>;
  score: number | null;
};

export type SubjectReport = {
  groups: GroupResult[];
  overall: number | null;
  /** Pooled mean per competency over the shown non-self groups. */
  others: Record<string, number>;
  othersScore: number | null;
  /** Self mean − others mean per competency (only where both exist). */
  gap: Record<string, number>;
  gapScore: number | null;
};

export function round(value: number | null, digits = 2) {
  if (value === null) return null;
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

export function scoreSubject(input: {
  competencies: Competency[];
  groups: GroupAggregate[];
  weights: GroupWeights;
  minResponses: number;
}): SubjectReport {
  const byGroup = new Map(input.groups.map((aggregate) => [aggregate.group, aggregate]));
  const groups: GroupResult[] = RATER_GROUPS.map((group) => {
    const aggregate = byGroup.get(group);
    const responses = aggregate?.responses ?? 0;
    const visible = isGroupVisible(group, responses, input.minResponses);
    if (!visible || !aggregate) return { group, responses, visible: false, means: {}, score: null };
    const means = competencyMeans(aggregate.totals);
    return { group, responses, visible, means, score: weightedCompetencyScore(means, input.competencies) };
  });

  let weighted = 0;
  let weightSum = 0;
  for (const result of groups) {
    if (result.group === "self" || !result.visible || result.score === null) continue;
    const weight = input.weights[result.group as WeightedGroup] ?? 0;
    if (weight <= 0) continue;
    weighted += weight * result.score;
    weightSum += weight;
  }
  const overall = weightSum > 0 ? weighted / weightSum : null;

  const pooled: CompetencyTotals = {};
  for (const result of groups) {
    if (result.group === "self" || !result.visible) continue;
    for (const [id, totals] of Object.entries(byGroup.get(result.group)!.totals)) {
      const entry = (pooled[id] ??= { sum: 0, count: 0 });
      entry.sum += totals.sum;
      entry.count += totals.count;
    }
  }
  const others = competencyMeans(pooled);
  const othersScore = weightedCompetencyScore(others, input.competencies);
  const self = groups.find((result) => result.group === "self")!;
  const gap: Record<string, number> = {};
  for (const competency of input.competencies) {
    const own = self.means[competency.id];
    const rest = others[competency.id];
    if (own !== undefined && rest !== undefined) gap[competency.id] = own - rest;
  }
  const gapScore = self.score !== null && othersScore !== null ? self.score - othersScore : null;
  return { groups, overall, others, othersScore, gap, gapScore };
}

export type TrendPoint = { cycleId: string; name: string; periodEnd: string; overall: number | null };

/** Closed cycles oldest first, each with the change since the previous cycle that had a score. */
export function trendSeries(points: TrendPoint[]) {
  const sorted = [...points].sort((a, b) => a.periodEnd.localeCompare(b.periodEnd) || a.name.localeCompare(b.name));
  let previous: number | null = null;
  return sorted.map((point) => {
    const change = point.overall !== null && previous !== null ? point.overall - previous : null;
    if (point.overall !== null) previous = point.overall;
    return { ...point, change };
  });
}

/**
 * Comments in an order unrelated to who wrote them or when: by group, then by text. Comments of hidden
 * groups are dropped by the caller before this.
 */
export function orderComments<T extends { group: RaterGroup; text: string }>(comments: T[]) {
  return [...comments].sort(
    (a, b) => RATER_GROUPS.indexOf(a.group) - RATER_GROUPS.indexOf(b.group) || a.text.localeCompare(b.text, "zh-CN"),
  );
}

/** Peer count within the cycle's limits (validation of a lead's or a subject's choice). */
export function peerCountProblem(count: number, minPeers: number, maxPeers: number) {
  if (count < minPeers) return "feedback:errors.tooFewPeers";
  if (count > maxPeers) return "feedback:errors.tooManyPeers";
  return null;
}

export function responseRate(submitted: number, total: number) {
  return total > 0 ? submitted / total : 0;
}
