/**
 * Calibration results from the submitted reviews of a session (pure; unit-tested and used by the session page
 * and the grader report). Figures that cannot be computed are null (JSON has no NaN).
 */
import { max, min, standardDeviation } from "simple-statistics";
import type { ScaleType } from "~/modules/qa/scoring";
import {
  alignmentWithBenchmark,
  krippendorffAlpha,
  measurementLevelFor,
  meanOf,
  type MeasurementLevel,
} from "~/modules/qa/agreement";

export interface ResultsCriterion {
  id: string;
  key: string;
  name: string;
  weight: number;
  scale: ScaleType;
  maxPoints: number | null;
}

export interface ResultsRater {
  id: string;
  name: string;
  externalId: string;
}

export interface SubmittedReview {
  conversationId: string;
  inspectorId: string;
  score: number | null;
  /** Selected value per criterion id; null = N/A. */
  values: Record<string, number | null>;
}

export interface ResultsInput {
  criteria: ResultsCriterion[];
  conversations: { id: string; externalId: string }[];
  raters: ResultsRater[];
  benchmarkId: string;
  /** Submitted reviews only: a participant who did not submit is a missing value. */
  reviews: SubmittedReview[];
}

/** A rater's entry in a table cell: a scale value, "na" (rated not applicable) or null (not submitted). */
export type Cell = number | "na" | null;

export interface Spread {
  min: number;
  max: number;
  /** Population standard deviation of the values given. */
  sd: number;
}

export interface CalibrationResults {
  raters: (ResultsRater & { isBenchmark: boolean })[];
  conversations: {
    id: string;
    externalId: string;
    /** Review score per rater, in rater order. */
    scores: (number | null)[];
    scoreSpread: Spread | null;
    criteria: { criterionId: string; cells: Cell[]; spread: Spread | null }[];
  }[];
  criteria: (ResultsCriterion & { level: MeasurementLevel; alpha: number | null })[];
  /** Alpha over the review scores (interval). */
  scoreAlpha: number | null;
  inspectors: (ResultsRater & {
    /** Alignment per conversation, in conversation order. */
    perConversation: (number | null)[];
    /** Mean of the per-conversation alignments: each conversation counts equally. */
    alignment: number | null;
    /** Score − benchmark score per conversation, in conversation order. */
    differences: (number | null)[];
    leniency: number | null;
  })[];
}

function spreadOf(values: readonly (number | null | "na")[]): Spread | null {
  const numbers = values.filter((value): value is number => typeof value === "number");
  if (numbers.length === 0) return null;
  return { min: min(numbers), max: max(numbers), sd: standardDeviation(numbers) };
}

function finiteOrNull(value: number): number | null {
  return Number.isFinite(value) ? value : null;
}

export function calibrationResults(input: ResultsInput): CalibrationResults {
  // The benchmark first so tables read "benchmark, then everyone else".
  const raters = [...input.raters].sort(
    (a, b) => Number(b.id === input.benchmarkId) - Number(a.id === input.benchmarkId),
  );
  const reviewOf = new Map(input.reviews.map((review) => [`${review.conversationId}:${review.inspectorId}`, review]));
  const find = (conversationId: string, raterId: string) => reviewOf.get(`${conversationId}:${raterId}`);

  const cell = (conversationId: string, raterId: string, criterionId: string): Cell => {
    const review = find(conversationId, raterId);
    if (!review) return null;
    const value = review.values[criterionId];
    return value === null || value === undefined ? "na" : value;
  };

  const conversations = input.conversations.map((conversation) => {
    const scores = raters.map((rater) => find(conversation.id, rater.id)?.score ?? null);
    return {
      id: conversation.id,
      externalId: conversation.externalId,
      scores,
      scoreSpread: spreadOf(scores),
      criteria: input.criteria.map((criterion) => {
        const cells = raters.map((rater) => cell(conversation.id, rater.id, criterion.id));
        return { criterionId: criterion.id, cells, spread: spreadOf(cells) };
      }),
    };
  });

  const criteria = input.criteria.map((criterion, index) => {
    const level = measurementLevelFor(criterion.scale);
    const units = conversations.map((conversation) =>
      conversation.criteria[index]!.cells.map((value) => (typeof value === "number" ? value : null)),
    );
    return { ...criterion, level, alpha: finiteOrNull(krippendorffAlpha(units, level)) };
  });

  const scoreAlpha = finiteOrNull(
    krippendorffAlpha(
      conversations.map((conversation) => conversation.scores),
      "interval",
    ),
  );

  const inspectors = raters
    .filter((rater) => rater.id !== input.benchmarkId)
    .map((rater) => {
      const perConversation = input.conversations.map((conversation) => {
        const own = find(conversation.id, rater.id);
        const benchmark = find(conversation.id, input.benchmarkId);
        if (!own || !benchmark) return null;
        return alignmentWithBenchmark(input.criteria, own.values, benchmark.values);
      });
      const differences = input.conversations.map((conversation) => {
        const own = find(conversation.id, rater.id)?.score;
        const benchmark = find(conversation.id, input.benchmarkId)?.score;
        return typeof own === "number" && typeof benchmark === "number" ? own - benchmark : null;
      });
      return {
        ...rater,
        perConversation,
        alignment: meanOf(perConversation),
        differences,
        leniency: meanOf(differences),
      };
    });

  return {
    raters: raters.map((rater) => ({ ...rater, isBenchmark: rater.id === input.benchmarkId })),
    conversations,
    criteria,
    scoreAlpha,
    inspectors,
  };
}
