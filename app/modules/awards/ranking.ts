/**
 * Ranking and winners (pure). The order is total and stable: composite (higher first), then the programme's
 * tie-breaker KPIs one by one (shrunk values, direction-aware), then more conversations, then the earlier hire
 * date, then 工号 (or team code) ascending, so the same inputs always give the same ranks.
 */
import type { Direction } from "./normalise";

export interface TieBreaker {
  kpiKey: string;
  direction: Direction;
}

export interface RankableCandidate {
  subjectId: string;
  /** 工号 for people, the team code for teams: the last, always-distinct key. */
  code: string;
  composite: number;
  /** Shrunk value per tie-breaker KPI. */
  tieValues: Readonly<Record<string, number | null | undefined>>;
  conversations: number;
  /** YYYY-MM-DD; null sorts after any date. */
  hireDate: string | null;
}

/** Best first: negative when `a` ranks above `b`. */
export function compareCandidates(a: RankableCandidate, b: RankableCandidate, tieBreakers: readonly TieBreaker[]) {
  if (a.composite !== b.composite) return b.composite - a.composite;
  for (const breaker of tieBreakers) {
    const left = a.tieValues[breaker.kpiKey] ?? null;
    const right = b.tieValues[breaker.kpiKey] ?? null;
    if (left === right) continue;
    if (left === null) return 1;
    if (right === null) return -1;
    return breaker.direction === "higher" ? right - left : left - right;
  }
  if (a.conversations !== b.conversations) return b.conversations - a.conversations;
  if (a.hireDate !== b.hireDate) {
    if (a.hireDate === null) return 1;
    if (b.hireDate === null) return -1;
    return a.hireDate < b.hireDate ? -1 : 1;
  }
  if (a.code !== b.code) return a.code < b.code ? -1 : 1;
  return a.subjectId < b.subjectId ? -1 : a.subjectId > b.subjectId ? 1 : 0;
}

/** Ranks 1…n (no shared ranks: the chain always decides), keyed by subject id. */
export function rankCandidates(
  candidates: readonly RankableCandidate[],
  tieBreakers: readonly TieBreaker[],
): Map<string, number> {
  const ordered = [...candidates].sort((a, b) => compareCandidates(a, b, tieBreakers));
  return new Map(ordered.map((candidate, index) => [candidate.subjectId, index + 1]));
}

export interface WinnerPoolEntry {
  subjectId: string;
  teamId: string | null;
  rank: number | null;
  eligible: boolean;
  excluded: boolean;
  nominated: boolean;
}

export interface WinnerRules {
  winnerCount: number;
  /** winnerCount winners in each team instead of overall. */
  winnersPerTeam: boolean;
}

const byRank = (a: WinnerPoolEntry, b: WinnerPoolEntry) => {
  if (a.rank !== b.rank) {
    if (a.rank === null) return 1;
    if (b.rank === null) return -1;
    return a.rank - b.rank;
  }
  return a.subjectId < b.subjectId ? -1 : a.subjectId > b.subjectId ? 1 : 0;
};

/**
 * Winners: nominated candidates first (a nomination is a reasoned decision that takes a slot, even for someone the
 * formula left out), then the best-ranked eligible candidates nobody excluded, until winnerCount — overall, or in
 * each team when winnersPerTeam. Excluded candidates never win, nominated or not. Nominations beyond the slots
 * are taken in rank order (unranked last); `overflow` lists the ones that did not fit, so the page can say so.
 */
export function selectWinnersDetailed<T extends WinnerPoolEntry>(
  candidates: readonly T[],
  rules: WinnerRules,
): { winners: T[]; overflow: T[] } {
  const groups = new Map<string, T[]>();
  for (const candidate of candidates) {
    if (candidate.excluded) continue;
    const key = rules.winnersPerTeam ? (candidate.teamId ?? "") : "";
    const group = groups.get(key);
    if (group) group.push(candidate);
    else groups.set(key, [candidate]);
  }
  const winners: T[] = [];
  const overflow: T[] = [];
  for (const key of [...groups.keys()].sort()) {
    const group = groups.get(key)!;
    const slots = Math.max(0, rules.winnerCount);
    const nominees = group.filter((candidate) => candidate.nominated).sort(byRank);
    const chosen = nominees.slice(0, slots);
    overflow.push(...nominees.slice(slots));
    const ranked = group.filter((candidate) => !candidate.nominated && candidate.eligible && candidate.rank !== null);
    for (const candidate of ranked.sort(byRank)) {
      if (chosen.length >= slots) break;
      chosen.push(candidate);
    }
    winners.push(...chosen.sort(byRank));
  }
  return { winners, overflow };
}

/** The winners' subject ids, best rank first within each team group (see selectWinnersDetailed). */
export function selectWinners(candidates: readonly WinnerPoolEntry[], rules: WinnerRules): string[] {
  return selectWinnersDetailed(candidates, rules).winners.map((candidate) => candidate.subjectId);
}
