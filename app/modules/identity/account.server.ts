import { recordAudit } from "~/modules/audit/audit.server";
import { db } from "~/utils/db.server";
import { hashPassword, verifyPassword } from "./password.server";
import { revokeUserSessions } from "./session.server";

export async function getAccountProfile(userId: string) {
  return db.user.findUniqueOrThrow({
    where: { id: userId },
    select: {
      name: true,
      externalId: true,
      email: true,
      hireDate: true,
      locale: true,
      team: { select: { name: true, lead: { select: { name: true } } } },
      roles: { select: { role: true } },
    },
  });
}

export function listActiveSessions(userId: string) {
  return db.session.findMany({
    where: { userId, revokedAt: null, expiresAt: { gt: new Date() } },
    orderBy: { lastSeenAt: "desc" },
    take: 20,
    select: { id: true, createdAt: true, lastSeenAt: true, userAgent: true, ipAddress: true },
  });
}

/** Changes the password and signs out every other session of the user. Returns false on a wrong current password. */
export async function changeOwnPassword(
  user: { id: string; sessionId: string },
  currentPassword: string,
  newPassword: string,
  ipAddress: string,
) {
  const row = await db.user.findUniqueOrThrow({ where: { id: user.id }, select: { passwordHash: true } });
  if (!row.passwordHash || !(await verifyPassword(row.passwordHash, currentPassword))) return false;
  const passwordHash = await hashPassword(newPassword);
  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: user.id }, data: { passwordHash, passwordChangedAt: new Date() } });
    await recordAudit(
      { actorId: user.id, action: "user.password.change", entityType: "user", entityId: user.id, ipAddress },
      tx,
    );
  });
  await revokeUserSessions(user.id, user.sessionId);
  return true;
}
