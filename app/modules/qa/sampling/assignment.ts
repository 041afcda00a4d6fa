/**
 * Balanced assignment of sampled conversations to an inspector pool.
 *
 * Items are handed out in id order; each goes to the eligible inspector with the least open work
 * (existing assigned/draft reviews plus what this run has given them so far), ties broken by inspector
 * id so the outcome is reproducible. An inspector is never eligible for a conversation they took part
 * in as an agent, and never above the cap. What nobody can take stays unassigned.
 */
import { compareIds } from "./strategies";

export type AssignableItem = { id: string; agentIds: readonly string[] };
export type PoolInspector = { id: string; load: number };

export type AssignmentResult = {
  assignments: { itemId: string; inspectorId: string }[];
  unassigned: string[];
  /** Load per inspector after the assignment. */
  loads: Map<string, number>;
};

export function assignBalanced(
  items: readonly AssignableItem[],
  inspectors: readonly PoolInspector[],
  cap: number,
): AssignmentResult {
  const loads = new Map(inspectors.map((inspector) => [inspector.id, inspector.load]));
  const pool = [...loads.keys()].sort(compareIds);
  const assignments: AssignmentResult["assignments"] = [];
  const unassigned: string[] = [];
  for (const item of [...items].sort((a, b) => compareIds(a.id, b.id))) {
    let best: string | null = null;
    for (const inspectorId of pool) {
      const load = loads.get(inspectorId)!;
      if (load >= cap || item.agentIds.includes(inspectorId)) continue;
      if (best === null || load < loads.get(best)!) best = inspectorId;
    }
    if (best === null) {
      unassigned.push(item.id);
      continue;
    }
    loads.set(best, loads.get(best)! + 1);
    assignments.push({ itemId: item.id, inspectorId: best });
  }
  return { assignments, unassigned, loads };
}
