/**
 * Item analysis of one exam, aggregated in SQL: attempts are ranked with window functions, the per-question
 * sums (all, upper 27 %, lower 27 %) and the choice counts are grouped in the database; the maths on the sums is
 * the pure item-analysis module.
 */
import { db, Prisma } from "~/utils/db.server";
import {
  groupSize,
  itemStatistics,
  summariseByCategory,
  type ItemStatistics,
  type QuestionSums,
} from "./item-analysis";

type SumsRow = {
  questionId: string;
  n: number;
  sumP: number | null;
  nUpper: number;
  sumUpper: number | null;
  nLower: number;
  sumLower: number | null;
};
type ChoiceRow = { questionId: string; choice: string; count: number };

export type AnalysedQuestion = ItemStatistics & {
  key: string;
  bankId: string;
  bankTitle: string;
  type: string;
  category: string;
  stem: string;
  answer: unknown;
  options: { key: string; text: string; count: number; correct: boolean }[];
};

export async function examItemAnalysis(examId: string) {
  const attempts = await db.examAttempt.count({ where: { examId, status: "graded" } });
  const size = groupSize(attempts);
  const sums = await db.$queryRaw<SumsRow[]>(Prisma.sql`
    WITH ranked AS (
      SELECT a."id",
             row_number() OVER (ORDER BY a."percent" DESC NULLS LAST, a."id" COLLATE "C" ASC) AS from_top,
             row_number() OVER (ORDER BY a."percent" ASC NULLS FIRST, a."id" COLLATE "C" DESC) AS from_bottom
      FROM "ExamAttempt" a
      WHERE a."examId" = ${examId} AND a."status" = 'graded'
    ), shares AS (
      SELECT i."questionId",
             CASE WHEN i."maxScore" > 0 THEN COALESCE(i."score", 0) / i."maxScore" ELSE 0 END AS share,
             r.from_top, r.from_bottom
      FROM "ExamAttemptItem" i
      JOIN ranked r ON r."id" = i."attemptId"
      WHERE i."questionId" IS NOT NULL
    )
    SELECT "questionId",
           count(*)::int AS "n",
           sum(share)::float8 AS "sumP",
           (count(*) FILTER (WHERE from_top <= ${size}))::int AS "nUpper",
           (sum(share) FILTER (WHERE from_top <= ${size}))::float8 AS "sumUpper",
           (count(*) FILTER (WHERE from_bottom <= ${size}))::int AS "nLower",
           (sum(share) FILTER (WHERE from_bottom <= ${size}))::float8 AS "sumLower"
    FROM shares
    GROUP BY "questionId"
  `);
  const choices = await db.$queryRaw<ChoiceRow[]>(Prisma.sql`
    SELECT i."questionId", c.choice, count(*)::int AS "count"
    FROM "ExamAttemptItem" i
    JOIN "ExamAttempt" a ON a."id" = i."attemptId" AND a."examId" = ${examId} AND a."status" = 'graded'
    JOIN "Question" q ON q."id" = i."questionId" AND q."type" IN ('single_choice', 'multiple_choice', 'true_false')
    CROSS JOIN LATERAL jsonb_array_elements_text(
      CASE jsonb_typeof(i."answer")
        WHEN 'array' THEN i."answer"
        WHEN 'string' THEN jsonb_build_array(i."answer")
        WHEN 'boolean' THEN jsonb_build_array(i."answer" #>> '{}')
        ELSE '[]'::jsonb
      END
    ) AS c(choice)
    GROUP BY i."questionId", c.choice
  `);
  const questionIds = sums.map((row) => row.questionId);
  const questions = await db.question.findMany({
    where: { id: { in: questionIds } },
    select: {
      id: true,
      key: true,
      type: true,
      category: true,
      stem: true,
      options: true,
      answer: true,
      bank: { select: { id: true, title: true } },
    },
  });
  const questionById = new Map(questions.map((question) => [question.id, question]));
  const items: (AnalysedQuestion & { sumP: number })[] = [];
  for (const row of sums) {
    const question = questionById.get(row.questionId);
    if (!question) continue;
    const questionSums: QuestionSums = {
      questionId: row.questionId,
      n: row.n,
      sumP: row.sumP ?? 0,
      nUpper: row.nUpper,
      sumUpper: row.sumUpper ?? 0,
      nLower: row.nLower,
      sumLower: row.sumLower ?? 0,
    };
    const counts = new Map(
      choices.filter((choice) => choice.questionId === row.questionId).map((choice) => [choice.choice, choice.count]),
    );
    const answer = question.answer;
    const correctKeys = new Set(Array.isArray(answer) ? (answer as unknown[]).map(String) : [String(answer)]);
    const options =
      question.type === "true_false"
        ? ["true", "false"].map((key) => ({
            key,
            text: key,
            count: counts.get(key) ?? 0,
            correct: correctKeys.has(key),
          }))
        : (Array.isArray(question.options) ? (question.options as { key: string; text: string }[]) : []).map(
            (option) => ({ ...option, count: counts.get(option.key) ?? 0, correct: correctKeys.has(option.key) }),
          );
    items.push({
      ...itemStatistics(questionSums, attempts),
      sumP: questionSums.sumP,
      key: question.key,
      bankId: question.bank.id,
      bankTitle: question.bank.title,
      type: question.type,
      category: question.category,
      stem: question.stem.slice(0, 160),
      answer,
      options,
    });
  }
  items.sort((a, b) => a.bankTitle.localeCompare(b.bankTitle, "zh-CN") || a.key.localeCompare(b.key));
  return {
    attempts,
    groupSize: size,
    items: items.map(({ sumP, ...item }) => {
      void sumP;
      return item;
    }),
    categories: summariseByCategory(items),
  };
}
