/** The rating form schema, built for the cycle's competencies (pure). */
import { z } from "zod";

const COMMENT_MAX = 2000;

export function ratingSchema(competencyIds: string[], intent: "draft" | "submit", allowComments: boolean) {
  const score = z.coerce
    .number({ message: "feedback:errors.chooseScore" })
    .int({ message: "feedback:errors.chooseScore" })
    .min(1, { message: "feedback:errors.chooseScore" })
    .max(5, { message: "feedback:errors.chooseScore" });
  const field = intent === "submit" ? score : score.optional();
  return z.object({
    intent: z.literal(intent),
    scores: z
      .object(Object.fromEntries(competencyIds.map((id) => [id, field])))
      .default({})
      .transform((value) => value as Record<string, number | undefined>),
    comment: allowComments
      ? z.string().trim().max(COMMENT_MAX, { message: "feedback:errors.tooLong" }).optional()
      : z.undefined().catch(undefined),
  });
}

export type RatingDraft = { scores: Record<string, number>; comment: string };

export function readDraft(value: unknown): RatingDraft {
  const source = (value && typeof value === "object" ? value : {}) as Record<string, unknown>;
  const scores: Record<string, number> = {};
  const raw = (source.scores && typeof source.scores === "object" ? source.scores : {}) as Record<string, unknown>;
  for (const [id, score] of Object.entries(raw)) {
    const n = Number(score);
    if (Number.isInteger(n) && n >= 1 && n <= 5) scores[id] = n;
  }
  return { scores, comment: typeof source.comment === "string" ? source.comment : "" };
}
