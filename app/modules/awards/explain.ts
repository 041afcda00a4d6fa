/**
 * Explanations (pure): how a candidate's composite is made (review page) and "why my rank" for a person on a
 * board. Both read only the frozen inputs of the rows, never live KPIs. Rules: docs/awards-fairness.md.
 */
import { median as sampleMedian } from "simple-statistics";
import type { MetricScore } from "./composite";
import type { IneligibleReason } from "./eligibility";
import type { Direction } from "./normalise";
import type { CandidateInputs } from "./pipeline";
import { rawForShrunk } from "./shrink";

export type ExplainedMetric = MetricScore & {
  /** The KPI's share of the composite in percent (weight ÷ Σ weights). */
  weightShare: number;
};

export type CandidateExplanation = {
  composite: number | null;
  metrics: ExplainedMetric[];
  previous: { composite: number | null; metrics: ExplainedMetric[] } | null;
};

function withShares(metrics: readonly MetricScore[]): ExplainedMetric[] {
  const total = metrics.reduce((sum, metric) => sum + Math.max(0, metric.weight), 0);
  return metrics
    .filter((metric) => metric.weight > 0)
    .map((metric) => ({ ...metric, weightShare: total > 0 ? Math.round((metric.weight / total) * 1e4) / 100 : 0 }));
}

/** Per KPI: raw value, sample, population mean, shrunk and normalised value, weight share, points contributed. */
export function explainCandidate(inputs: CandidateInputs): CandidateExplanation {
  return {
    composite: inputs.composite,
    metrics: withShares(inputs.metrics),
    previous: inputs.previous
      ? { composite: inputs.previous.composite, metrics: withShares(inputs.previous.metrics) }
      : null,
  };
}

export function median(values: readonly number[]): number | null {
  return values.length === 0 ? null : sampleMedian(values as number[]);
}

export type BoardEntryForExplain = {
  userId: string;
  rank: number | null;
  composite: number | null;
  eligible: boolean;
  inputs: Pick<CandidateInputs, "metrics"> & { reasons?: IneligibleReason[] };
};

export type RankKpi = {
  kpiKey: string;
  direction: Direction;
  weightShare: number;
  myValue: number | null;
  mySample: number;
  median: number | null;
  leaderValue: number | null;
  myPoints: number | null;
  medianPoints: number | null;
  /** My points − the median person's points on this KPI: what it earned (+) or cost (−) me. */
  pointsVsMedian: number | null;
};

export type RankExplanation = {
  rank: number | null;
  ranked: number;
  eligible: boolean;
  reasons: IneligibleReason[];
  composite: number | null;
  leaderComposite: number | null;
  kpis: RankKpi[];
  /** The single KPI that would most help to pass the person ranked just above; null for the leader or unranked. */
  moveUp: {
    targetRank: number;
    gapPoints: number;
    /** Same composite as the person above: the tie-breakers put them ahead, so any gain on the KPI passes them. */
    tied: boolean;
    kpiKey: string;
    direction: Direction;
    /** The raw value that would close the gap on this KPI alone (same sample size); null if it cannot. */
    valueNeeded: number | null;
    achievable: boolean;
  } | null;
};

const round = (value: number | null, digits = 4) =>
  value === null ? null : Math.round(value * 10 ** digits) / 10 ** digits;

/**
 * The lowest-bar value (direction-aware) among the board's shrunk values whose normalised score reaches `target`.
 * Normalised scores are monotonic in the shrunk value, so reaching that value reaches (about) that score.
 */
function valueReaching(
  population: readonly { shrunk: number; normalised: number }[],
  target: number,
  direction: Direction,
): number | null {
  const reaching = population.filter((entry) => entry.normalised >= target - 1e-9).map((entry) => entry.shrunk);
  if (reaching.length === 0) return null;
  return direction === "higher" ? Math.min(...reaching) : Math.max(...reaching);
}

export function explainRank(entries: readonly BoardEntryForExplain[], userId: string): RankExplanation | null {
  const mine = entries.find((entry) => entry.userId === userId);
  if (!mine) return null;
  const rankedEntries = entries.filter((entry) => entry.rank !== null && entry.composite !== null);
  const leader = rankedEntries.find((entry) => entry.rank === 1) ?? null;
  const weighted = mine.inputs.metrics.filter((metric) => metric.weight > 0);
  const totalWeight = weighted.reduce((sum, metric) => sum + metric.weight, 0);
  const metricOf = (entry: BoardEntryForExplain, kpiKey: string) =>
    entry.inputs.metrics.find((metric) => metric.kpiKey === kpiKey) ?? null;

  const kpis: RankKpi[] = weighted.map((metric) => {
    const values = rankedEntries.flatMap((entry) => {
      const raw = metricOf(entry, metric.kpiKey)?.raw;
      return raw === null || raw === undefined ? [] : [raw];
    });
    const points = rankedEntries.flatMap((entry) => {
      const contribution = metricOf(entry, metric.kpiKey)?.contribution;
      return contribution === null || contribution === undefined ? [] : [contribution];
    });
    const medianPoints = median(points);
    const myPoints = mine.rank !== null ? metric.contribution : null;
    return {
      kpiKey: metric.kpiKey,
      direction: metric.direction,
      weightShare: totalWeight > 0 ? Math.round((metric.weight / totalWeight) * 1e4) / 100 : 0,
      myValue: metric.raw,
      mySample: metric.sample,
      median: round(median(values)),
      leaderValue: leader ? (metricOf(leader, metric.kpiKey)?.raw ?? null) : null,
      myPoints,
      medianPoints: round(medianPoints),
      pointsVsMedian: myPoints !== null && medianPoints !== null ? round(myPoints - medianPoints) : null,
    };
  });

  let moveUp: RankExplanation["moveUp"] = null;
  const above =
    mine.rank !== null && mine.rank > 1 ? rankedEntries.find((entry) => entry.rank === mine.rank! - 1) : null;
  if (above && mine.composite !== null && above.composite !== null && totalWeight > 0) {
    const gapPoints = above.composite - mine.composite;
    let best: { metric: MetricScore; gap: number } | null = null;
    for (const metric of weighted) {
      const theirs = metricOf(above, metric.kpiKey)?.contribution ?? 0;
      const gap = theirs - (metric.contribution ?? 0);
      // Largest weighted gap; on equal gaps the heavier KPI (more points per step), then the key.
      if (
        !best ||
        gap > best.gap + 1e-12 ||
        (Math.abs(gap - best.gap) <= 1e-12 &&
          (metric.weight > best.metric.weight ||
            (metric.weight === best.metric.weight && metric.kpiKey < best.metric.kpiKey)))
      ) {
        best = { metric, gap };
      }
    }
    if (best) {
      const { metric } = best;
      const targetNormalised = (metric.normalised ?? 0) + ((gapPoints + 1e-6) * totalWeight) / metric.weight;
      const population = rankedEntries.flatMap((entry) => {
        const score = metricOf(entry, metric.kpiKey);
        return score && score.shrunk !== null && score.normalised !== null
          ? [{ shrunk: score.shrunk, normalised: score.normalised }]
          : [];
      });
      const shrunkNeeded =
        targetNormalised <= 100 ? valueReaching(population, targetNormalised, metric.direction) : null;
      const valueNeeded =
        shrunkNeeded === null
          ? null
          : metric.prior > 0 && metric.sample > 0 && metric.mean !== null
            ? rawForShrunk(shrunkNeeded, metric.sample, metric.mean, metric.prior)
            : shrunkNeeded;
      moveUp = {
        targetRank: above.rank!,
        gapPoints: round(gapPoints)!,
        tied: gapPoints <= 1e-9,
        kpiKey: metric.kpiKey,
        direction: metric.direction,
        valueNeeded: round(valueNeeded),
        achievable: valueNeeded !== null,
      };
    }
  }

  return {
    rank: mine.rank,
    ranked: rankedEntries.length,
    eligible: mine.eligible,
    reasons: mine.inputs.reasons ?? [],
    composite: mine.composite,
    leaderComposite: leader?.composite ?? null,
    kpis,
    moveUp,
  };
}
