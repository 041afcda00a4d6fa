/**
 * Which target applies to a person (pure). A definition may carry a target for everyone ("all"), per team
 * ("team:<id>") and per role ("role:<name>"). A person's team target wins, then their roles', then "all".
 * Someone holding several roles with targets gets the strictest of them (the highest for "higher is better",
 * the lowest for "lower is better"): a lead who also takes conversations is held to the agent bar, never a laxer one.
 */
import type { KpiDirectionValue } from "./metrics";

export type KpiTargetScope = { kind: "all" } | { kind: "team"; teamId: string } | { kind: "role"; role: string };

export type TargetRow = { scope: string; value: number };

export type ResolvedTarget = { value: number; scope: string } | null;

export function parseTargetScope(scope: string): KpiTargetScope | null {
  if (scope === "all") return { kind: "all" };
  const [kind, rest] = [scope.slice(0, scope.indexOf(":")), scope.slice(scope.indexOf(":") + 1)];
  if (scope.indexOf(":") < 1 || rest.length === 0) return null;
  if (kind === "team") return { kind: "team", teamId: rest };
  if (kind === "role") return { kind: "role", role: rest };
  return null;
}

export function targetScopeKey(scope: KpiTargetScope): string {
  if (scope.kind === "all") return "all";
  return scope.kind === "team" ? `team:${scope.teamId}` : `role:${scope.role}`;
}

export function resolveTarget(
  targets: readonly TargetRow[],
  person: { teamId: string | null; roles: readonly string[] },
  direction: KpiDirectionValue,
): ResolvedTarget {
  if (person.teamId) {
    const team = targets.find((target) => target.scope === `team:${person.teamId}`);
    if (team) return { value: team.value, scope: team.scope };
  }
  const roleScopes = new Set(person.roles.map((role) => `role:${role}`));
  const byRole = targets.filter((target) => roleScopes.has(target.scope));
  if (byRole.length > 0) {
    const strictest = byRole.reduce((best, target) =>
      direction === "higher" ? (target.value > best.value ? target : best) : target.value < best.value ? target : best,
    );
    return { value: strictest.value, scope: strictest.scope };
  }
  const all = targets.find((target) => target.scope === "all");
  return all ? { value: all.value, scope: all.scope } : null;
}

/** A team's own row is held to the team target, else "all" (role targets are about people). */
export function resolveTeamTarget(targets: readonly TargetRow[], teamId: string): ResolvedTarget {
  const team = targets.find((target) => target.scope === `team:${teamId}`);
  if (team) return { value: team.value, scope: team.scope };
  const all = targets.find((target) => target.scope === "all");
  return all ? { value: all.value, scope: all.scope } : null;
}
