import { describe, expect, it } from "vitest";
import { assignBalanced } from "~/modules/qa/sampling/assignment";
import { isValidCron, latestDueSlot, nextRuns } from "~/modules/qa/sampling/cron";
import { createRng, cyrb128, newSeed } from "~/utils/prng";
import { sampleSize } from "~/modules/qa/sampling/sample-size";
import { splitTags } from "~/modules/qa/sampling/schemas";
import {
  allocate,
  equalAllocation,
  partialFisherYates,
  percentCount,
  pickCandidates,
  proportionalAllocation,
  type SamplingCandidate,
} from "~/modules/qa/sampling/strategies";
import { resolveWindow } from "~/modules/qa/sampling/window";

/** A generator that replays fixed values, so shuffles can be worked out by hand. */
function scripted(values: number[]) {
  let index = 0;
  return () => values[index++ % values.length]!;
}

function candidates(spec: Record<string, number>): SamplingCandidate[] {
  return Object.entries(spec).flatMap(([agentId, count]) =>
    Array.from({ length: count }, (_, i) => ({ id: `${agentId}-c${String(i).padStart(3, "0")}`, agentId })),
  );
}

function countBy(list: SamplingCandidate[]) {
  const counts: Record<string, number> = {};
  for (const item of list) counts[item.agentId] = (counts[item.agentId] ?? 0) + 1;
  return counts;
}

describe("seeded generator", () => {
  it("repeats for the same seed and differs for another", () => {
    const a = createRng("seed-1");
    const b = createRng("seed-1");
    const c = createRng("seed-2");
    const first = Array.from({ length: 5 }, () => a());
    expect(Array.from({ length: 5 }, () => b())).toEqual(first);
    expect(Array.from({ length: 5 }, () => c())).not.toEqual(first);
  });

  it("stays in [0, 1) and is roughly uniform", () => {
    const rng = createRng("uniform");
    let sum = 0;
    let min = 1;
    let max = 0;
    const buckets = new Array<number>(10).fill(0);
    for (let i = 0; i < 20_000; i += 1) {
      const value = rng();
      min = Math.min(min, value);
      max = Math.max(max, value);
      sum += value;
      buckets[Math.floor(value * 10)]! += 1;
    }
    expect(min).toBeGreaterThanOrEqual(0);
    expect(max).toBeLessThan(1);
    expect(Math.abs(sum / 20_000 - 0.5)).toBeLessThan(0.01);
    for (const bucket of buckets) expect(Math.abs(bucket - 2000)).toBeLessThan(200);
  });

  it("hashes a seed into four unsigned 32-bit words, differently per seed", () => {
    const words = cyrb128("抽检");
    expect(words).toHaveLength(4);
    for (const word of words) expect(word >>> 0).toBe(word);
    expect(cyrb128("抽检")).toEqual(words);
    expect(cyrb128("抽检 ")).not.toEqual(words);
  });

  it("makes 12-character seeds from an unambiguous alphabet", () => {
    expect(newSeed(() => 0)).toBe("aaaaaaaaaaaa");
    expect(newSeed()).toMatch(/^[a-km-np-z2-9]{12}$/);
  });
});

describe("partial Fisher–Yates", () => {
  it.each([
    // n=5, k=3, draws .5 0 .99: j = 0+⌊2.5⌋ = 2 → 2; j = 1+0 = 1 → 1; j = 2+⌊2.97⌋ = 4 → 4
    { n: 5, k: 3, draws: [0.5, 0, 0.99], expected: [2, 1, 4] },
    // n=4 full shuffle: 3 (slot 3 now holds 0), then 0 (slot 3 ← 1), then 1 (slot 3 ← 2), then 2
    { n: 4, k: 4, draws: [0.99, 0.99, 0.99, 0], expected: [3, 0, 1, 2] },
    { n: 3, k: 5, draws: [0, 0, 0], expected: [0, 1, 2] },
    { n: 0, k: 2, draws: [0.3], expected: [] },
  ])("n=$n k=$k → $expected", ({ n, k, draws, expected }) => {
    expect(partialFisherYates(scripted(draws), n, k)).toEqual(expected);
  });

  it("never repeats a position", () => {
    const picked = partialFisherYates(createRng("distinct"), 1_000_000, 500);
    expect(new Set(picked).size).toBe(500);
    for (const position of picked) expect(position).toBeLessThan(1_000_000);
  });
});

describe("allocation", () => {
  it.each([
    { total: 50, percent: 5, expected: 3 }, // 2.5 rounds up
    { total: 10, percent: 5, expected: 1 }, // 0.5 → 1
    { total: 10, percent: 1, expected: 1 }, // 0.1 → at least 1
    { total: 1000, percent: 0.35, expected: 4 }, // 3.5, though the float product is 3.5000000000000004
    { total: 7, percent: 50, expected: 4 },
    { total: 10, percent: 100, expected: 10 },
    { total: 0, percent: 5, expected: 0 },
    { total: 10, percent: 0, expected: 0 },
  ])("round($percent% × $total) = $expected", ({ total, percent, expected }) => {
    expect(percentCount(total, percent)).toBe(expected);
  });

  it.each([
    { strata: { a: 10, b: 10, c: 10 }, total: 10, expected: { a: 4, b: 3, c: 3 } }, // 3 each, remainder to a
    { strata: { a: 1, b: 10, c: 10 }, total: 12, expected: { a: 1, b: 6, c: 5 } }, // a short by 3: 2 to b, 1 to c
    { strata: { a: 2, b: 3 }, total: 10, expected: { a: 2, b: 3 } }, // not enough anywhere: take all
    { strata: { c: 5, a: 5, b: 5 }, total: 2, expected: { a: 1, b: 1, c: 0 } }, // fewer than agents: id order
    { strata: { a: 5 }, total: 0, expected: { a: 0 } },
  ])("equal split of $total over $strata", ({ strata, total, expected }) => {
    const result = equalAllocation(
      Object.entries(strata).map(([agentId, size]) => ({ agentId, size })),
      total,
    );
    expect(Object.fromEntries(result)).toEqual(expected);
  });

  it.each([
    { strata: { a: 50, b: 30, c: 20 }, total: 10, expected: { a: 5, b: 3, c: 2 } },
    // 4 × (5, 3, 2) / 10 = 2.0, 1.2, 0.8 → 2, 1, 0 and the last seat to c (largest remainder .8)
    { strata: { a: 5, b: 3, c: 2 }, total: 4, expected: { a: 2, b: 1, c: 1 } },
    // 5 × (7, 2, 1) / 10 = 3.5, 1.0, 0.5 → tie between a and c goes to a (id order)
    { strata: { a: 7, b: 2, c: 1 }, total: 5, expected: { a: 4, b: 1, c: 0 } },
    { strata: { a: 2, b: 1 }, total: 10, expected: { a: 2, b: 1 } },
  ])("proportional split of $total over $strata", ({ strata, total, expected }) => {
    const result = proportionalAllocation(
      Object.entries(strata).map(([agentId, size]) => ({ agentId, size })),
      total,
    );
    expect(Object.fromEntries(result)).toEqual(expected);
  });

  it("fixed per agent takes N, or all an agent has", () => {
    const result = allocate("fixed_per_agent", { perAgent: 3 }, [
      { agentId: "a", size: 5 },
      { agentId: "b", size: 2 },
    ]);
    expect(result.kind === "strata" && Object.fromEntries(result.counts)).toEqual({ a: 3, b: 2 });
  });
});

describe("pickCandidates", () => {
  const pool = candidates({ a: 40, b: 25, c: 10, d: 3 });

  it("is reproducible for a seed, independent of input order, and returns picks in id order", () => {
    const first = pickCandidates(pool, "stratified_equal", { total: 20 }, "seed-x");
    const again = pickCandidates([...pool].reverse(), "stratified_equal", { total: 20 }, "seed-x");
    expect(again).toEqual(first);
    expect(first.map((item) => item.id)).toEqual([...first.map((item) => item.id)].sort());
    expect(countBy(first)).toEqual({ a: 6, b: 6, c: 5, d: 3 }); // 5 each; d has 3, its 2 spare go to a and b
  });

  it("differs between seeds", () => {
    const one = pickCandidates(pool, "random_percent", { percent: 10 }, "seed-1").map((item) => item.id);
    const two = pickCandidates(pool, "random_percent", { percent: 10 }, "seed-2").map((item) => item.id);
    expect(one).toHaveLength(8); // round(10% × 78) = 8
    expect(two).toHaveLength(8);
    expect(one).not.toEqual(two);
  });

  it("keeps an agent's picks when another agent's volume changes", () => {
    const before = pickCandidates(pool, "fixed_per_agent", { perAgent: 4 }, "seed-y");
    const after = pickCandidates(
      [...pool, ...candidates({ b: 60 }).slice(25)],
      "fixed_per_agent",
      { perAgent: 4 },
      "seed-y",
    );
    const ofA = (list: SamplingCandidate[]) => list.filter((item) => item.agentId === "a").map((item) => item.id);
    expect(ofA(after)).toEqual(ofA(before));
    expect(countBy(after)).toEqual({ a: 4, b: 4, c: 4, d: 3 });
  });

  it("proportional and targeted strategies", () => {
    expect(countBy(pickCandidates(pool, "stratified_proportional", { total: 13 }, "s"))).toEqual({
      // 13 × (40, 25, 10, 3) / 78 = 6.67, 4.17, 1.67, 0.5 → 6, 4, 1, 0; seats 2 left → a (.67) and c (.67)
      a: 7,
      b: 4,
      c: 2,
    });
    expect(pickCandidates(pool, "targeted", {}, "s")).toHaveLength(78);
    expect(pickCandidates([], "random_percent", { percent: 50 }, "s")).toEqual([]);
  });
});

describe("sample size", () => {
  it.each([
    // (1.959964 × 10 / 2)² = 96.036… → 97
    { input: { sigma: 10, margin: 2, confidence: 95 as const }, n: 97 },
    // 96.036 / (1 + 95.036 / 200) = 65.10 → 66
    { input: { sigma: 10, margin: 2, confidence: 95 as const, population: 200 }, n: 66 },
    // 96.036 / (1 + 95.036 / 10) = 9.14 → 10
    { input: { sigma: 10, margin: 2, confidence: 95 as const, population: 10 }, n: 10 },
    // (1.644854 × 15 / 5)² = 24.35 → 25
    { input: { sigma: 15, margin: 5, confidence: 90 as const }, n: 25 },
    // (2.575829 × 10 / 5)² = 26.54 → 27
    { input: { sigma: 10, margin: 5, confidence: 99 as const }, n: 27 },
    // (1.959964 × 1 / 10)² = 0.038 → at least 1
    { input: { sigma: 1, margin: 10, confidence: 95 as const }, n: 1 },
  ])("$input → $n", ({ input, n }) => {
    expect(sampleSize(input)?.n).toBe(n);
  });

  it("rejects a spread or margin that is not positive", () => {
    expect(sampleSize({ sigma: 0, margin: 2, confidence: 95 })).toBeNull();
    expect(sampleSize({ sigma: 10, margin: -1, confidence: 95 })).toBeNull();
  });
});

describe("balanced assignment", () => {
  it("gives each item to the least-loaded eligible inspector, never to its agent, never over the cap", () => {
    const items = [
      { id: "c1", agentIds: ["a1"] },
      { id: "c2", agentIds: ["i1"] }, // i1 handled this conversation as an agent
      { id: "c3", agentIds: ["a2"] },
      { id: "c4", agentIds: ["a3"] },
      { id: "c5", agentIds: ["a4"] },
      { id: "c6", agentIds: ["a5"] },
      { id: "c7", agentIds: ["a6"] },
    ];
    const inspectors = [
      { id: "i2", load: 2 },
      { id: "i1", load: 0 },
      { id: "i3", load: 1 },
    ];
    // c1→i1 (0); c2→i3 (i1 excluded, i3 has 1); c3→i1 (1); c4→i1 (tie at 2, id order); c5→i2; c6→i3; c7: all at 3
    const result = assignBalanced(items, inspectors, 3);
    expect(result.assignments).toEqual([
      { itemId: "c1", inspectorId: "i1" },
      { itemId: "c2", inspectorId: "i3" },
      { itemId: "c3", inspectorId: "i1" },
      { itemId: "c4", inspectorId: "i1" },
      { itemId: "c5", inspectorId: "i2" },
      { itemId: "c6", inspectorId: "i3" },
    ]);
    expect(result.unassigned).toEqual(["c7"]);
    expect(Object.fromEntries(result.loads)).toEqual({ i1: 3, i2: 3, i3: 3 });
  });

  it("leaves an item unassigned when the only inspector is its agent", () => {
    const result = assignBalanced([{ id: "c1", agentIds: ["i1"] }], [{ id: "i1", load: 0 }], 10);
    expect(result.assignments).toEqual([]);
    expect(result.unassigned).toEqual(["c1"]);
  });
});

describe("windows in Asia/Shanghai", () => {
  const now = new Date("2026-03-18T02:00:00Z"); // Wednesday 10:00 in Shanghai
  const zone = "Asia/Shanghai";
  const iso = (window: { from: Date; to: Date }) => [window.from.toISOString(), window.to.toISOString()];

  it.each([
    {
      window: { kind: "previous", unit: "day" } as const,
      expected: ["2026-03-16T16:00:00.000Z", "2026-03-17T16:00:00.000Z"],
    },
    {
      window: { kind: "previous", unit: "week" } as const,
      expected: ["2026-03-08T16:00:00.000Z", "2026-03-15T16:00:00.000Z"],
    },
    {
      window: { kind: "previous", unit: "month" } as const,
      expected: ["2026-01-31T16:00:00.000Z", "2026-02-28T16:00:00.000Z"],
    },
    {
      window: { kind: "relative", days: 7 } as const,
      expected: ["2026-03-11T02:00:00.000Z", "2026-03-18T02:00:00.000Z"],
    },
    {
      window: { kind: "absolute", from: "2026-03-01", to: "2026-03-07" } as const,
      expected: ["2026-02-28T16:00:00.000Z", "2026-03-07T16:00:00.000Z"],
    },
  ])("$window", ({ window, expected }) => {
    expect(iso(resolveWindow(window, now, zone))).toEqual(expected);
  });

  it("follows daylight saving where there is one", () => {
    // New York moved to UTC−4 on 2026-03-08: that day ran from 05:00Z to 04:00Z the next day.
    const window = resolveWindow(
      { kind: "previous", unit: "day" },
      new Date("2026-03-09T15:00:00Z"),
      "America/New_York",
    );
    expect(iso(window)).toEqual(["2026-03-08T05:00:00.000Z", "2026-03-09T04:00:00.000Z"]);
  });
});

describe("cron", () => {
  it.each([
    ["0 9 * * 1", true],
    ["*/30 8-18 * * 1-5", true],
    ["0 9 * * 8", false],
    ["61 * * * *", false],
    ["0 0 9 * * 1", false], // seconds field: the due-plans job cannot honour it
    ["每周一", false],
    ["", false],
  ])("%s valid: %s", (pattern, valid) => {
    expect(isValidCron(pattern)).toBe(valid);
  });

  it("lists the next runs and finds the latest due slot in the time zone", () => {
    const from = new Date("2026-03-01T00:00:00Z");
    expect(nextRuns("0 9 * * 1", "Asia/Shanghai", 3, from).map((date) => date.toISOString())).toEqual([
      "2026-03-02T01:00:00.000Z",
      "2026-03-09T01:00:00.000Z",
      "2026-03-16T01:00:00.000Z",
    ]);
    const slot = latestDueSlot("0 9 * * 1", "Asia/Shanghai", from, new Date("2026-03-20T00:00:00Z"));
    expect(slot?.toISOString()).toBe("2026-03-16T01:00:00.000Z");
    expect(latestDueSlot("0 9 * * 1", "Asia/Shanghai", slot!, new Date("2026-03-20T00:00:00Z"))).toBeNull();
  });
});

it("splits tags on commas, Chinese commas and spaces", () => {
  expect(splitTags("物流, 退款，物流 、售后")).toEqual(["物流", "退款", "售后"]);
  expect(splitTags(undefined)).toEqual([]);
});
