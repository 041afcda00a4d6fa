import { randomBytes } from "node:crypto";
import { createCookie, redirect } from "@remix-run/node";
import { assertSameOrigin } from "~/utils/csrf.server";
import { db } from "~/utils/db.server";
import { env } from "~/utils/env.server";
import { getSessionSecret } from "~/utils/secrets.server";
import { hasPermission, permissionsFor, type Permission, type RoleName } from "./permissions";

const LAST_SEEN_RESOLUTION_MS = 5 * 60 * 1000;

function shouldUseSecureCookies(request?: Request) {
  const setting = env().SECURE_COOKIES;
  if (setting === "auto") {
    if (!request) return env().NODE_ENV === "production";
    const forwardedProto = request.headers.get("x-forwarded-proto");
    return (forwardedProto ?? new URL(request.url).protocol.replace(":", "")) === "https";
  }
  return setting === "true";
}

function sessionCookie(request?: Request) {
  return createCookie("fw_session", {
    httpOnly: true,
    sameSite: "lax",
    path: "/",
    secure: shouldUseSecureCookies(request),
    secrets: [getSessionSecret()],
  });
}

export type SessionUser = {
  id: string;
  name: string;
  externalId: string;
  email: string | null;
  locale: string;
  teamId: string | null;
  roles: RoleName[];
  permissions: Set<Permission>;
  sessionId: string;
  ledTeamIds: string[];
};

export async function readSessionId(request: Request): Promise<string | null> {
  const value = await sessionCookie(request).parse(request.headers.get("Cookie"));
  return typeof value === "string" && value.length > 0 ? value : null;
}

/** Creates a session row and returns the Set-Cookie header value that carries its signed id. */
export async function createUserSession(userId: string, request: Request) {
  const id = randomBytes(32).toString("base64url");
  const ttlMs = env().SESSION_TTL_DAYS * 24 * 60 * 60 * 1000;
  const expiresAt = new Date(Date.now() + ttlMs);
  await db.session.create({
    data: {
      id,
      userId,
      expiresAt,
      userAgent: request.headers.get("user-agent")?.slice(0, 300) ?? null,
      ipAddress: clientIp(request),
    },
  });
  return sessionCookie(request).serialize(id, { expires: expiresAt });
}

export async function destroySessionCookie(request: Request) {
  return sessionCookie(request).serialize("", { maxAge: 0 });
}

export function clientIp(request: Request): string {
  return request.headers.get("x-forwarded-for")?.split(",")[0]?.trim() || request.headers.get("x-real-ip") || "local";
}

const usersByRequest = new WeakMap<Request, Promise<SessionUser | null>>();

/** The signed-in user, or null. Expired, revoked or inactive sessions count as signed out. */
export function getSessionUser(request: Request): Promise<SessionUser | null> {
  let user = usersByRequest.get(request);
  if (!user) {
    user = loadSessionUser(request);
    usersByRequest.set(request, user);
  }
  return user;
}

async function loadSessionUser(request: Request): Promise<SessionUser | null> {
  const sessionId = await readSessionId(request);
  if (!sessionId) return null;
  const session = await db.session.findUnique({
    where: { id: sessionId },
    select: {
      id: true,
      expiresAt: true,
      revokedAt: true,
      lastSeenAt: true,
      user: {
        select: {
          id: true,
          name: true,
          externalId: true,
          email: true,
          locale: true,
          status: true,
          teamId: true,
          roles: { select: { role: true } },
          ledTeams: { select: { id: true } },
        },
      },
    },
  });
  if (!session || session.revokedAt || session.expiresAt <= new Date() || session.user.status !== "active") {
    return null;
  }
  if (Date.now() - session.lastSeenAt.getTime() > LAST_SEEN_RESOLUTION_MS) {
    await db.session.update({ where: { id: session.id }, data: { lastSeenAt: new Date() } });
  }
  const roles = session.user.roles.map((entry) => entry.role as RoleName);
  const { status: _status, roles: _roles, ledTeams, ...user } = session.user;
  return {
    ...user,
    roles,
    permissions: permissionsFor(roles),
    sessionId: session.id,
    ledTeamIds: ledTeams.map((team) => team.id),
  };
}

function loginRedirect(request: Request) {
  const url = new URL(request.url);
  const redirectTo = `${url.pathname}${url.search}`;
  const params = new URLSearchParams(redirectTo === "/" ? {} : { redirectTo });
  const query = params.toString();
  return redirect(query ? `/login?${query}` : "/login");
}

/** First call of every protected loader/action. Mutations are also checked for a same-site origin. */
export async function requireUser(request: Request): Promise<SessionUser> {
  assertSameOrigin(request);
  const user = await getSessionUser(request);
  if (!user) throw loginRedirect(request);
  return user;
}

export function forbidden(message = "forbidden"): Response {
  return new Response(message, { status: 403, statusText: "Forbidden" });
}

/** Signed-in user holding the permission (at that access level or wider); 403 otherwise. */
export async function requirePermission(request: Request, permission: Permission): Promise<SessionUser> {
  const user = await requireUser(request);
  if (!hasPermission(user.permissions, permission)) throw forbidden(permission);
  return user;
}

export function userCan(user: Pick<SessionUser, "permissions">, permission: Permission) {
  return hasPermission(user.permissions, permission);
}

export async function revokeSession(sessionId: string) {
  await db.session.updateMany({ where: { id: sessionId, revokedAt: null }, data: { revokedAt: new Date() } });
}

/** Revokes every session of a user, optionally keeping one (the one that just changed the password). */
export async function revokeUserSessions(userId: string, exceptSessionId?: string) {
  await db.session.updateMany({
    where: { userId, revokedAt: null, ...(exceptSessionId ? { NOT: { id: exceptSessionId } } : {}) },
    data: { revokedAt: new Date() },
  });
}
