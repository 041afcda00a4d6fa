/**
 * Sampling strategies. Pure: the same seed, strategy and candidate set always give the same picks.
 *
 * Candidates are ordered by id (code-unit order, the same as PostgreSQL's "C" collation) and grouped into
 * one stratum per primary agent (agents ordered by id). A strategy first decides how many to take from
 * each stratum (or from the whole list, for random_percent), then chooses *positions* within the
 * stratum by a partial Fisher–Yates shuffle. Working on positions rather than rows lets the server pick
 * from a million candidates without loading them: it counts per agent in SQL, plans the positions here
 * and fetches only the chosen rows by rank (candidates.server.ts).
 *
 * Each agent's stratum draws from its own generator (seed + agent id), so adding conversations for one
 * agent never changes what another agent's stratum picks.
 */
import { createRng, randomInt, type Rng } from "~/utils/prng";

export const STRATEGIES = [
  "random_percent",
  "fixed_per_agent",
  "stratified_equal",
  "stratified_proportional",
  "targeted",
] as const;
export type Strategy = (typeof STRATEGIES)[number];

export type StrategyParams = { percent?: number; perAgent?: number; total?: number };

export type Stratum = { agentId: string; size: number };

export type SamplePlan =
  | { kind: "all" }
  | { kind: "global"; positions: number[] }
  | { kind: "strata"; picks: { agentId: string; positions: number[] }[] };

/** Code-unit comparison: locale-independent, and what ORDER BY … COLLATE "C" gives in PostgreSQL. */
export function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * The first k positions of a Fisher–Yates shuffle of 0..n-1 (Durstenfeld, front to back). A sparse map
 * stands in for the array so taking 10 of a million costs 10 steps, not a million-element array.
 */
export function partialFisherYates(rng: Rng, n: number, k: number): number[] {
  const take = Math.max(0, Math.min(k, n));
  const moved = new Map<number, number>();
  const picked: number[] = [];
  for (let i = 0; i < take; i += 1) {
    const j = i + randomInt(rng, n - i);
    const atJ = moved.get(j) ?? j;
    const atI = moved.get(i) ?? i;
    moved.set(j, atI);
    picked.push(atJ);
  }
  return picked;
}

/** round(p% × N), at least 1 when there is anything to take, never more than N. */
export function percentCount(total: number, percent: number): number {
  if (total <= 0 || percent <= 0) return 0;
  // toFixed absorbs binary noise such as 0.35 × 100 = 34.99999…, so halves round up as people expect.
  const exact = Number(((percent * total) / 100).toFixed(9));
  return Math.min(total, Math.max(1, Math.round(exact)));
}

function sortedStrata(strata: readonly Stratum[]): Stratum[] {
  return strata.filter((stratum) => stratum.size > 0).sort((a, b) => compareIds(a.agentId, b.agentId));
}

/**
 * Splits `total` equally over the strata (in agent-id order). The remainder goes one each to the first
 * agents; an agent with fewer candidates than its share gives everything it has and the shortfall is
 * shared again among the rest, until the total is reached or every stratum is exhausted.
 */
export function equalAllocation(strata: readonly Stratum[], total: number): Map<string, number> {
  const ordered = sortedStrata(strata);
  const allocation = new Map(ordered.map((stratum) => [stratum.agentId, 0]));
  const available = ordered.reduce((sum, stratum) => sum + stratum.size, 0);
  let remaining = Math.min(Math.max(0, Math.floor(total)), available);
  while (remaining > 0) {
    const open = ordered.filter((stratum) => allocation.get(stratum.agentId)! < stratum.size);
    const base = Math.floor(remaining / open.length);
    const extra = remaining % open.length;
    open.forEach((stratum, index) => {
      const current = allocation.get(stratum.agentId)!;
      const give = Math.min(stratum.size - current, base + (index < extra ? 1 : 0));
      allocation.set(stratum.agentId, current + give);
      remaining -= give;
    });
  }
  return allocation;
}

/**
 * Allocates `total` in proportion to each stratum's size by the largest-remainder (Hamilton) method:
 * everyone gets floor(total × size / volume); the seats left go to the largest remainders (ties: agent
 * id). Integer arithmetic throughout, so the result does not depend on floating-point rounding.
 */
export function proportionalAllocation(strata: readonly Stratum[], total: number): Map<string, number> {
  const ordered = sortedStrata(strata);
  const volume = ordered.reduce((sum, stratum) => sum + stratum.size, 0);
  const target = Math.min(Math.max(0, Math.floor(total)), volume);
  const allocation = new Map<string, number>();
  if (volume === 0) return allocation;
  const remainders: { agentId: string; remainder: number }[] = [];
  let given = 0;
  for (const stratum of ordered) {
    const product = target * stratum.size;
    const quota = Math.floor(product / volume);
    allocation.set(stratum.agentId, quota);
    remainders.push({ agentId: stratum.agentId, remainder: product - quota * volume });
    given += quota;
  }
  remainders.sort((a, b) => b.remainder - a.remainder || compareIds(a.agentId, b.agentId));
  for (let i = 0; i < target - given; i += 1) {
    const agentId = remainders[i]!.agentId;
    allocation.set(agentId, allocation.get(agentId)! + 1);
  }
  return allocation;
}

/** How many to take from each stratum (strata strategies) or from the whole list. */
export function allocate(
  strategy: Strategy,
  params: StrategyParams,
  strata: readonly Stratum[],
): { kind: "all" } | { kind: "global"; count: number } | { kind: "strata"; counts: Map<string, number> } {
  const ordered = sortedStrata(strata);
  switch (strategy) {
    case "targeted":
      return { kind: "all" };
    case "random_percent": {
      const total = ordered.reduce((sum, stratum) => sum + stratum.size, 0);
      return { kind: "global", count: percentCount(total, params.percent ?? 0) };
    }
    case "fixed_per_agent": {
      const perAgent = Math.max(0, Math.floor(params.perAgent ?? 0));
      return {
        kind: "strata",
        counts: new Map(ordered.map((stratum) => [stratum.agentId, Math.min(perAgent, stratum.size)])),
      };
    }
    case "stratified_equal":
      return { kind: "strata", counts: equalAllocation(ordered, params.total ?? 0) };
    case "stratified_proportional":
      return { kind: "strata", counts: proportionalAllocation(ordered, params.total ?? 0) };
  }
}

export function stratumSeed(seed: string, agentId: string): string {
  return `${seed}\u0000${agentId}`;
}

/** The positions to take: global positions over all candidates in id order, or per-agent positions. */
export function planSample(
  strategy: Strategy,
  params: StrategyParams,
  strata: readonly Stratum[],
  seed: string,
): SamplePlan {
  const allocation = allocate(strategy, params, strata);
  if (allocation.kind === "all") return { kind: "all" };
  if (allocation.kind === "global") {
    const total = strata.reduce((sum, stratum) => sum + Math.max(0, stratum.size), 0);
    return { kind: "global", positions: partialFisherYates(createRng(seed), total, allocation.count) };
  }
  const picks: { agentId: string; positions: number[] }[] = [];
  for (const stratum of sortedStrata(strata)) {
    const count = allocation.counts.get(stratum.agentId) ?? 0;
    if (count === 0) continue;
    const rng = createRng(stratumSeed(seed, stratum.agentId));
    picks.push({ agentId: stratum.agentId, positions: partialFisherYates(rng, stratum.size, count) });
  }
  return { kind: "strata", picks };
}

export type SamplingCandidate = { id: string; agentId: string };

/** In-memory sampling over a candidate list (any order); the picks come back in id order. */
export function pickCandidates<C extends SamplingCandidate>(
  candidates: readonly C[],
  strategy: Strategy,
  params: StrategyParams,
  seed: string,
): C[] {
  const ordered = [...candidates].sort((a, b) => compareIds(a.id, b.id));
  const byAgent = new Map<string, C[]>();
  for (const candidate of ordered) {
    const list = byAgent.get(candidate.agentId);
    if (list) list.push(candidate);
    else byAgent.set(candidate.agentId, [candidate]);
  }
  const strata = [...byAgent].map(([agentId, list]) => ({ agentId, size: list.length }));
  const plan = planSample(strategy, params, strata, seed);
  let picked: C[];
  if (plan.kind === "all") picked = ordered;
  else if (plan.kind === "global") picked = plan.positions.map((position) => ordered[position]!);
  else
    picked = plan.picks.flatMap(({ agentId, positions }) =>
      positions.map((position) => byAgent.get(agentId)![position]!),
    );
  return picked.sort((a, b) => compareIds(a.id, b.id));
}
