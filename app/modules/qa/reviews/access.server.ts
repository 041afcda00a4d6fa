import { accessLevel } from "~/modules/identity/permissions";
import type { SessionUser } from "~/modules/identity/session.server";
import type { Prisma } from "~/utils/db.server";

/** How far a person's `read:qa-review` reaches: everything, or the reviews of agents in the teams they lead. */
export type ReviewReadScope = { kind: "any" } | { kind: "team"; teamIds: string[] };

type Viewer = Pick<SessionUser, "permissions" | "ledTeamIds">;

/** null for people whose access stops at their own reviews (agents read theirs on the agent pages). */
export function reviewReadScope(user: Viewer): ReviewReadScope | null {
  const level = accessLevel(user.permissions, "read", "qa-review");
  if (level === "any") return { kind: "any" };
  if (level === "team") return { kind: "team", teamIds: user.ledTeamIds };
  return null;
}

/** Regular reviews the scope may list; calibration reviews are never listed (their results live elsewhere). */
export function scopedReviewWhere(scope: ReviewReadScope): Prisma.ReviewWhereInput {
  if (scope.kind === "any") return { kind: "regular" };
  return { kind: "regular", agent: { teamId: { in: scope.teamIds } } };
}

export function scopeCoversTeam(scope: ReviewReadScope, teamId: string | null | undefined): boolean {
  if (scope.kind === "any") return true;
  return Boolean(teamId && scope.teamIds.includes(teamId));
}
