import { describe, expect, it } from "vitest";
import { drawPaper, optionLabel, pickFrom, type DrawExamItem } from "~/modules/training/exams/draw";

const ids = (prefix: string, n: number) =>
  Array.from({ length: n }, (_, i) => `${prefix}${String(i).padStart(2, "0")}`);

describe("partial Fisher–Yates", () => {
  it("with a generator that always returns 0 picks the pool in order", () => {
    expect(pickFrom(() => 0, ["a", "b", "c", "d", "e"], 2)).toEqual(["a", "b"]);
  });
  it("with a generator near 1 swaps in the last element each step (hand-traced)", () => {
    // i=0: j = 0 + ⌊0.999×5⌋ = 4 → [e,b,c,d,a]; i=1: j = 1 + ⌊0.999×4⌋ = 4 → [e,a,c,d,b]
    expect(pickFrom(() => 0.999, ["a", "b", "c", "d", "e"], 2)).toEqual(["e", "a"]);
  });
  it("with 0.5 (hand-traced)", () => {
    // i=0: j = ⌊2.5⌋ = 2 → [c,b,a,d]; i=1: j = 1 + ⌊1.5⌋ = 2 → [c,a,b,d]; i=2: j = 2 + ⌊1⌋ = 3 → [c,a,d,b]
    expect(pickFrom(() => 0.5, ["a", "b", "c", "d"], 3)).toEqual(["c", "a", "d"]);
  });
  it("never picks more than the pool holds", () => {
    expect(pickFrom(() => 0, ["a"], 3)).toEqual(["a"]);
  });
});

describe("drawPaper", () => {
  const items: DrawExamItem[] = [
    { position: 1, kind: "question", questionId: "p03", points: null },
    {
      position: 2,
      kind: "draw",
      bankId: "b",
      category: "运费规则",
      difficulty: null,
      count: 4,
      points: 2,
      pool: ids("p", 8),
    },
    {
      position: 3,
      kind: "draw",
      bankId: "b",
      category: null,
      difficulty: null,
      count: 5,
      points: null,
      pool: [...ids("p", 8), ...ids("q", 6)],
    },
  ];
  const optionKeys = { p00: ["A", "B", "C", "D"], q01: ["A", "B", "C"] };

  it("honours every count exactly, takes fixed questions out of the pools and never repeats a question", () => {
    for (const seed of ["s1", "s2", "s3", "abc", "xyz"]) {
      const result = drawPaper({ items, seed, shuffleQuestions: false, shuffleOptions: false, optionKeys });
      expect(result.ok).toBe(true);
      if (!result.ok) continue;
      const list = result.questions.map((question) => question.questionId);
      expect(list).toHaveLength(1 + 4 + 5);
      expect(new Set(list).size).toBe(10);
      expect(list[0]).toBe("p03");
      expect(result.questions.filter((question) => question.itemPosition === 2)).toHaveLength(4);
      expect(result.questions.filter((q) => q.itemPosition === 2).every((q) => q.questionId.startsWith("p"))).toBe(
        true,
      );
      expect(result.questions.filter((q) => q.itemPosition === 2).every((q) => q.points === 2)).toBe(true);
      expect(list.slice(1).includes("p03")).toBe(false);
    }
  });

  it("same seed and pools → identical paper; another seed → another paper", () => {
    const input = { items, seed: "k7m2x9", shuffleQuestions: true, shuffleOptions: true, optionKeys };
    expect(drawPaper(input)).toEqual(drawPaper(input));
    const papers = new Set(["a", "b", "c", "d"].map((seed) => JSON.stringify(drawPaper({ ...input, seed }))));
    expect(papers.size).toBeGreaterThan(1);
  });

  it("shuffles options as a permutation of the original keys, or keeps them when told not to", () => {
    const fixed: DrawExamItem[] = [{ position: 1, kind: "question", questionId: "p00", points: null }];
    const orders = new Set<string>();
    for (const seed of ["1", "2", "3", "4", "5", "6", "7", "8"]) {
      const result = drawPaper({ items: fixed, seed, shuffleQuestions: false, shuffleOptions: true, optionKeys });
      if (!result.ok) throw new Error("draw failed");
      expect([...result.questions[0]!.optionOrder].sort()).toEqual(["A", "B", "C", "D"]);
      orders.add(result.questions[0]!.optionOrder.join(""));
    }
    expect(orders.size).toBeGreaterThan(1);
    const plain = drawPaper({ items: fixed, seed: "1", shuffleQuestions: false, shuffleOptions: false, optionKeys });
    expect(plain.ok && plain.questions[0]!.optionOrder).toEqual(["A", "B", "C", "D"]);
  });

  it("keeps item order without question shuffling", () => {
    const result = drawPaper({ items, seed: "ord", shuffleQuestions: false, shuffleOptions: false, optionKeys });
    if (!result.ok) throw new Error("draw failed");
    expect(result.questions.map((question) => question.itemPosition)).toEqual([1, 2, 2, 2, 2, 3, 3, 3, 3, 3]);
  });

  it("a pool smaller than its count (after earlier picks) is a shortfall listing every such draw", () => {
    const short: DrawExamItem[] = [
      {
        position: 1,
        kind: "draw",
        bankId: "b",
        category: "A",
        difficulty: "hard",
        count: 3,
        points: null,
        pool: ["x1", "x2", "x3"],
      },
      {
        position: 2,
        kind: "draw",
        bankId: "b",
        category: null,
        difficulty: null,
        count: 2,
        points: null,
        pool: ["x1", "x2", "x3", "x4"],
      },
      { position: 3, kind: "draw", bankId: "b", category: "C", difficulty: null, count: 5, points: null, pool: ["y1"] },
    ];
    const result = drawPaper({
      items: short,
      seed: "s",
      shuffleQuestions: false,
      shuffleOptions: false,
      optionKeys: {},
    });
    expect(result).toEqual({
      ok: false,
      shortfalls: [
        { position: 2, bankId: "b", category: null, difficulty: null, count: 2, available: 1 },
        { position: 3, bankId: "b", category: "C", difficulty: null, count: 5, available: 1 },
      ],
    });
  });

  it("labels options A, B, C by position", () => {
    expect([0, 1, 2, 3].map(optionLabel)).toEqual(["A", "B", "C", "D"]);
  });
});
