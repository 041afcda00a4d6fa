/** The tie-breaking chain and winner selection with nominations, exclusions and per-team winners. */
import { describe, expect, it } from "vitest";
import {
  rankCandidates,
  selectWinners,
  selectWinnersDetailed,
  type RankableCandidate,
  type TieBreaker,
  type WinnerPoolEntry,
} from "~/modules/awards/ranking";

const candidate = (code: string, overrides: Partial<RankableCandidate> = {}): RankableCandidate => ({
  subjectId: `id-${code}`,
  code,
  composite: 80,
  tieValues: { csat: 95, qa_score: 90, frt_median: 30 },
  conversations: 100,
  hireDate: "2023-05-01",
  ...overrides,
});

const order = (candidates: RankableCandidate[], breakers: TieBreaker[] = [{ kpiKey: "csat", direction: "higher" }]) =>
  [...rankCandidates(candidates, breakers).entries()].sort((a, b) => a[1] - b[1]).map(([id]) => id.slice(3));

describe("rankCandidates: the tie-breaking chain", () => {
  it("ranks by composite first", () => {
    expect(order([candidate("A1", { composite: 70 }), candidate("A2", { composite: 90 })])).toEqual(["A2", "A1"]);
  });

  it("then by the tie-breaker KPIs in order, direction-aware", () => {
    const breakers = [
      { kpiKey: "frt_median", direction: "lower" as const },
      { kpiKey: "csat", direction: "higher" as const },
    ];
    const a = candidate("A1", { tieValues: { frt_median: 40, csat: 99 } });
    const b = candidate("A2", { tieValues: { frt_median: 25, csat: 90 } });
    const c = candidate("A3", { tieValues: { frt_median: 25, csat: 93 } });
    // Faster first response first (A2, A3 at 25 s); between them the higher CSAT (A3).
    expect(order([a, b, c], breakers)).toEqual(["A3", "A2", "A1"]);
  });

  it("puts a missing tie-breaker value last", () => {
    expect(
      order([candidate("A1", { tieValues: { csat: null } }), candidate("A2", { tieValues: { csat: 60 } })]),
    ).toEqual(["A2", "A1"]);
  });

  it("then more conversations, then the earlier hire date, then 工号", () => {
    expect(order([candidate("A1", { conversations: 90 }), candidate("A2", { conversations: 120 })])).toEqual([
      "A2",
      "A1",
    ]);
    expect(order([candidate("A1", { hireDate: "2024-01-01" }), candidate("A2", { hireDate: "2021-03-15" })])).toEqual([
      "A2",
      "A1",
    ]);
    expect(order([candidate("A1", { hireDate: null }), candidate("A2")])).toEqual(["A2", "A1"]);
    expect(order([candidate("A2005"), candidate("A2003"), candidate("A2004")])).toEqual(["A2003", "A2004", "A2005"]);
  });

  it("gives distinct ranks 1…n whatever the input order", () => {
    const list = [candidate("A3", { composite: 50 }), candidate("A1"), candidate("A2")];
    const ranks = rankCandidates(list, []);
    expect([...ranks.values()].sort()).toEqual([1, 2, 3]);
    expect(rankCandidates([...list].reverse(), [])).toEqual(ranks);
  });
});

const entry = (subjectId: string, rank: number | null, overrides: Partial<WinnerPoolEntry> = {}): WinnerPoolEntry => ({
  subjectId,
  teamId: "PRE",
  rank,
  eligible: rank !== null,
  excluded: false,
  nominated: false,
  ...overrides,
});

describe("selectWinners", () => {
  const pool = [entry("a", 1), entry("b", 2), entry("c", 3), entry("d", 4), entry("x", null)];

  it("takes the top eligible candidates", () => {
    expect(selectWinners(pool, { winnerCount: 3, winnersPerTeam: false })).toEqual(["a", "b", "c"]);
  });

  it("skips excluded candidates and moves the next one up", () => {
    const withExclusion = pool.map((item) => (item.subjectId === "b" ? { ...item, excluded: true } : item));
    expect(selectWinners(withExclusion, { winnerCount: 3, winnersPerTeam: false })).toEqual(["a", "c", "d"]);
  });

  it("gives nominated candidates a slot first, even unranked ones", () => {
    const withNominations = pool.map((item) =>
      item.subjectId === "x" || item.subjectId === "d" ? { ...item, nominated: true } : item,
    );
    // d (rank 4) and x (ineligible) take two of three slots; a is the best of the rest.
    expect(selectWinners(withNominations, { winnerCount: 3, winnersPerTeam: false })).toEqual(["a", "d", "x"]);
  });

  it("never lets an excluded nominee win, and reports nominations beyond the slots", () => {
    const nominatedAll = pool.map((item) => ({ ...item, nominated: true, excluded: item.subjectId === "a" }));
    const { winners, overflow } = selectWinnersDetailed(nominatedAll, { winnerCount: 2, winnersPerTeam: false });
    expect(winners.map((item) => item.subjectId)).toEqual(["b", "c"]);
    expect(overflow.map((item) => item.subjectId)).toEqual(["d", "x"]);
  });

  it("chooses per team when winnersPerTeam", () => {
    const teams = [
      entry("p1", 1, { teamId: "PRE" }),
      entry("p2", 2, { teamId: "PRE" }),
      entry("a1", 3, { teamId: "AFT" }),
      entry("a2", 4, { teamId: "AFT", nominated: true }),
      entry("c1", 5, { teamId: "CMP", excluded: true }),
    ];
    // One per team: AFT's nominee a2 takes AFT's slot; CMP's only candidate is excluded.
    expect(selectWinners(teams, { winnerCount: 1, winnersPerTeam: true })).toEqual(["a2", "p1"]);
  });
});
