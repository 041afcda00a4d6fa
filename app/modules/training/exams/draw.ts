/**
 * The paper of an attempt: fixed questions plus random draws, then optional question and option shuffles, all from
 * one seeded generator so the same seed over the same pools always gives the same paper.
 *
 * 1. Fixed questions are taken out of every pool first.
 * 2. Draws run in item order; each picks exactly `count` ids with a partial Fisher–Yates over its pool (ids sorted),
 *    and removes what it picked from every later pool, so no question appears twice.
 * 3. A pool smaller than its count is a shortfall: the result lists every such draw and no paper is made.
 * 4. shuffleQuestions → full Fisher–Yates over the question order; shuffleOptions → each choice question's options.
 */
import { createRng, randomInt, type Rng } from "~/utils/prng";

export type DrawExamItem =
  | { position: number; kind: "question"; questionId: string; points: number | null }
  | {
      position: number;
      kind: "draw";
      bankId: string;
      category: string | null;
      difficulty: string | null;
      count: number;
      points: number | null;
      /** Candidate question ids (active, matching bank/category/difficulty), sorted by id. */
      pool: string[];
    };

export type DrawInput = {
  items: DrawExamItem[];
  seed: string;
  shuffleQuestions: boolean;
  shuffleOptions: boolean;
  /** Original option keys per choice question id (absent or empty for non-choice questions). */
  optionKeys: Record<string, string[]>;
};

export type DrawnQuestion = { questionId: string; itemPosition: number; points: number | null; optionOrder: string[] };
export type Shortfall = {
  position: number;
  bankId: string;
  category: string | null;
  difficulty: string | null;
  count: number;
  available: number;
};
export type DrawResult = { ok: true; questions: DrawnQuestion[] } | { ok: false; shortfalls: Shortfall[] };

function shuffleInPlace<T>(rng: Rng, list: T[]): T[] {
  for (let i = list.length - 1; i > 0; i -= 1) {
    const j = randomInt(rng, i + 1);
    [list[i], list[j]] = [list[j]!, list[i]!];
  }
  return list;
}

/** Partial Fisher–Yates: the first `count` elements of a forward shuffle of a copy of `pool`. */
export function pickFrom(rng: Rng, pool: readonly string[], count: number): string[] {
  const copy = [...pool];
  const n = Math.min(count, copy.length);
  for (let i = 0; i < n; i += 1) {
    const j = i + randomInt(rng, copy.length - i);
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy.slice(0, n);
}

export function drawPaper(input: DrawInput): DrawResult {
  const rng = createRng(input.seed);
  const items = [...input.items].sort((a, b) => a.position - b.position);
  const used = new Set<string>();
  const drawnByPosition = new Map<number, DrawnQuestion[]>();
  for (const item of items) {
    if (item.kind === "question" && !used.has(item.questionId)) {
      used.add(item.questionId);
      drawnByPosition.set(item.position, [
        { questionId: item.questionId, itemPosition: item.position, points: item.points, optionOrder: [] },
      ]);
    }
  }
  const shortfalls: Shortfall[] = [];
  for (const item of items) {
    if (item.kind !== "draw") continue;
    const pool = item.pool.filter((id) => !used.has(id));
    if (pool.length < item.count) {
      shortfalls.push({
        position: item.position,
        bankId: item.bankId,
        category: item.category,
        difficulty: item.difficulty,
        count: item.count,
        available: pool.length,
      });
    }
    const picked = pickFrom(rng, pool, item.count);
    for (const id of picked) used.add(id);
    drawnByPosition.set(
      item.position,
      picked.map((questionId) => ({ questionId, itemPosition: item.position, points: item.points, optionOrder: [] })),
    );
  }
  if (shortfalls.length > 0) return { ok: false, shortfalls };
  const questions = items.flatMap((item) => drawnByPosition.get(item.position) ?? []);
  if (input.shuffleQuestions) shuffleInPlace(rng, questions);
  for (const question of questions) {
    const keys = [...(input.optionKeys[question.questionId] ?? [])];
    question.optionOrder = input.shuffleOptions ? shuffleInPlace(rng, keys) : keys;
  }
  return { ok: true, questions };
}

/** Display label of the option at a position: A, B, C… */
export function optionLabel(index: number): string {
  return String.fromCharCode(65 + index);
}
