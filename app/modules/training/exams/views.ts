/**
 * What of an attempt item a reader may see. The learner's views never carry the answer key, explanation, model
 * answer or correctness before the attempt is final; after, the exam's review mode decides. Staff see everything.
 */
import type { QuestionSnapshot } from "./scoring";

export type ReviewMode = "score_only" | "with_answers" | "with_explanations";

export type ItemRow = {
  position: number;
  snapshot: unknown;
  answer: unknown;
  score: number | null;
  maxScore: number;
  feedback: string | null;
};

export type TakingItem = {
  position: number;
  type: QuestionSnapshot["type"];
  stemHtml: string;
  points: number;
  options: { key: string; text: string }[];
  blanks: number;
  /** The learner's saved answer (named so it is never confused with the answer key). */
  response: unknown;
};

export function takingItem(item: ItemRow): TakingItem {
  const snapshot = item.snapshot as QuestionSnapshot;
  return {
    position: item.position,
    type: snapshot.type,
    stemHtml: snapshot.stemHtml,
    points: snapshot.points,
    options: snapshot.options.map((option) => ({ key: option.key, text: option.text })),
    blanks: snapshot.blanks,
    response: item.answer ?? null,
  };
}

export type ReviewItem = TakingItem & {
  category: string;
  score: number | null;
  maxScore: number;
  /** true = full marks, false = less, null = not graded yet. */
  correct: boolean | null;
  correctAnswer: unknown;
  feedback: string | null;
  explanation: string | null;
  modelAnswer: string | null;
};

export function reviewItem(item: ItemRow, level: "with_answers" | "with_explanations" | "staff"): ReviewItem {
  const snapshot = item.snapshot as QuestionSnapshot;
  const explanations = level !== "with_answers";
  return {
    ...takingItem(item),
    category: snapshot.category,
    score: item.score,
    maxScore: item.maxScore,
    correct: item.score === null ? null : item.score >= item.maxScore,
    correctAnswer: snapshot.answer ?? null,
    feedback: item.feedback,
    explanation: explanations ? snapshot.explanation : null,
    modelAnswer: explanations ? snapshot.modelAnswer : null,
  };
}

/** The learner's review items after the attempt is final, or null when the exam shows the score only. */
export function learnerReview(items: ItemRow[], mode: ReviewMode, final: boolean): ReviewItem[] | null {
  if (!final || mode === "score_only") return null;
  return items.map((item) => reviewItem(item, mode));
}
