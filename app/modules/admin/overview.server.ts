import { listAuditEntries } from "~/modules/audit/audit.server";
import { ROLES, type RoleName } from "~/modules/identity/permissions";
import { db } from "~/utils/db.server";

/** Figures for the admin home page. */
export async function getAdminOverview() {
  const [activeUsers, inactiveUsers, roleCounts, teams, withoutTeam, recentAudit] = await Promise.all([
    db.user.count({ where: { status: "active" } }),
    db.user.count({ where: { status: "inactive" } }),
    db.userRole.groupBy({ by: ["role"], where: { user: { status: "active" } }, _count: { _all: true } }),
    db.team.count(),
    db.user.count({ where: { status: "active", teamId: null } }),
    listAuditEntries({}, 1, 5),
  ]);
  const countByRole = new Map(roleCounts.map((entry) => [entry.role as RoleName, entry._count._all] as const));
  return {
    activeUsers,
    inactiveUsers,
    teams,
    withoutTeam,
    usersPerRole: ROLES.map((role) => ({ role, count: countByRole.get(role) ?? 0 })),
    recentAudit: recentAudit.rows,
  };
}
