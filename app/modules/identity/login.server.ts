import { db } from "~/utils/db.server";
import { env } from "~/utils/env.server";
import { recordAudit } from "~/modules/audit/audit.server";
import { verifyAgainstDecoy, verifyPassword } from "./password.server";

export type LoginResult =
  | { ok: true; userId: string }
  | { ok: false; reason: "invalid" }
  | { ok: false; reason: "locked"; retryAfterMinutes: number };

// One address may try many accounts (a shared office NAT), so its budget is wider than one account's.
const IP_FAILURE_MULTIPLIER = 10;

export function normaliseLogin(login: string) {
  return login.trim().toLowerCase();
}

async function lockoutMinutesLeft(login: string, ipAddress: string): Promise<number> {
  const { LOGIN_MAX_FAILURES, LOGIN_WINDOW_MINUTES } = env();
  const since = new Date(Date.now() - LOGIN_WINDOW_MINUTES * 60 * 1000);
  const [byLogin, byIp] = await Promise.all([
    db.loginAttempt.findMany({
      where: { login, succeeded: false, createdAt: { gte: since } },
      orderBy: { createdAt: "desc" },
      take: LOGIN_MAX_FAILURES,
      select: { createdAt: true },
    }),
    db.loginAttempt.count({ where: { ipAddress, succeeded: false, createdAt: { gte: since } } }),
  ]);
  const windowMs = LOGIN_WINDOW_MINUTES * 60 * 1000;
  if (byLogin.length >= LOGIN_MAX_FAILURES) {
    const oldestCounted = byLogin[byLogin.length - 1]!.createdAt.getTime();
    return Math.max(1, Math.ceil((oldestCounted + windowMs - Date.now()) / 60000));
  }
  if (byIp >= LOGIN_MAX_FAILURES * IP_FAILURE_MULTIPLIER) return LOGIN_WINDOW_MINUTES;
  return 0;
}

/**
 * Checks credentials with a per-account and per-address failure budget. The login may be the 工号
 * or the e-mail address. Unknown accounts cost the same time as a wrong password.
 */
export async function attemptLogin(rawLogin: string, password: string, ipAddress: string): Promise<LoginResult> {
  const login = normaliseLogin(rawLogin);
  const minutesLeft = await lockoutMinutesLeft(login, ipAddress);
  if (minutesLeft > 0) return { ok: false, reason: "locked", retryAfterMinutes: minutesLeft };

  const user = await db.user.findFirst({
    where: {
      status: "active",
      OR: [
        { externalId: { equals: rawLogin.trim(), mode: "insensitive" } },
        { email: { equals: login, mode: "insensitive" } },
      ],
    },
    select: { id: true, passwordHash: true },
  });
  const valid = user?.passwordHash
    ? await verifyPassword(user.passwordHash, password)
    : await verifyAgainstDecoy(password);

  await db.loginAttempt.create({ data: { login, ipAddress, succeeded: valid } });
  if (!valid || !user) return { ok: false, reason: "invalid" };

  await recordAudit({ actorId: user.id, action: "session.login", entityType: "user", entityId: user.id, ipAddress });
  return { ok: true, userId: user.id };
}
