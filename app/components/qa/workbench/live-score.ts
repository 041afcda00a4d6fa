/**
 * The score as the inspector works: the published rule applied to what is rated so far, so the figure on screen
 * is the one submit will store once every criterion is rated. Pure.
 */
import { isPassing, scoreReview, type Ratings, type ReviewResult, type ScoringCriterion } from "~/modules/qa/scoring";

export interface LiveScore {
  result: ReviewResult;
  rated: number;
  total: number;
  complete: boolean;
  passed: boolean;
}

export function liveScore(criteria: readonly ScoringCriterion[], ratings: Ratings, passMark: number): LiveScore {
  const rated = criteria.filter(
    (criterion) => ratings[criterion.id] !== undefined && (ratings[criterion.id] !== null || criterion.allowNa),
  );
  const result = scoreReview(rated, ratings);
  return {
    result,
    rated: rated.length,
    total: criteria.length,
    complete: rated.length === criteria.length,
    passed: isPassing(result.score, passMark),
  };
}
