import { randomInt } from "node:crypto";
import { recordAudit } from "~/modules/audit/audit.server";
import { noticeMembershipChange, noticePasswordReset } from "./membership-notices.server";
import { hashPassword } from "~/modules/identity/password.server";
import { ROLES, type RoleName } from "~/modules/identity/permissions";
import { assignNewHirePaths } from "~/modules/training/assignments/new-hires.server";
import { db, Prisma } from "~/utils/db.server";
import { notFound } from "~/utils/http.server";
import type { UserLocale, UserStatusName } from "./user-import";

/** Who performs an admin mutation. `id` is null for system actors (the seed script). */
export type Actor = { id: string | null; ipAddress: string; sessionId?: string };

export type FieldErrors = Record<string, string[]>;
export type MutationResult<T> =
  { ok: true; value: T } | { ok: false; fieldErrors?: FieldErrors; formErrors?: string[] };

export type UserInput = {
  externalId: string;
  name: string;
  email: string | null;
  teamId: string | null;
  roles: RoleName[];
  hireDate: string | null; // YYYY-MM-DD
  locale: UserLocale;
};
export type CreateUserInput = UserInput & { status: UserStatusName; password?: string | null };

/** What the audit log records about a user: never the password hash. */
export const userAuditSelect = {
  id: true,
  externalId: true,
  name: true,
  email: true,
  teamId: true,
  hireDate: true,
  status: true,
  locale: true,
  team: { select: { code: true } },
  roles: { select: { role: true } },
} satisfies Prisma.UserSelect;
type AuditedUser = Prisma.UserGetPayload<{ select: typeof userAuditSelect }>;

export function sortRoles(roles: readonly RoleName[]): RoleName[] {
  return ROLES.filter((role) => roles.includes(role));
}

export function dateOnly(value: Date | null): string | null {
  return value ? value.toISOString().slice(0, 10) : null;
}

export function toDateOnly(value: string | null): Date | null {
  return value ? new Date(`${value}T00:00:00.000Z`) : null;
}

export type UserSnapshot = {
  externalId: string;
  name: string;
  email: string | null;
  team: string | null;
  hireDate: string | null;
  status: string;
  locale: string;
  roles: RoleName[];
};

export function userSnapshot(user: AuditedUser): UserSnapshot {
  return {
    externalId: user.externalId,
    name: user.name,
    email: user.email,
    team: user.team?.code ?? null,
    hireDate: dateOnly(user.hireDate),
    status: user.status,
    locale: user.locale,
    roles: sortRoles(user.roles.map((entry) => entry.role as RoleName)),
  };
}

export type UserListQuery = {
  q?: string;
  /** A team id, or "none" for users without a team. */
  teamId?: string;
  role?: RoleName;
  status?: UserStatusName;
  page: number;
  pageSize: number;
};

export async function listUsers({ q, teamId, role, status, page, pageSize }: UserListQuery) {
  const search = q?.trim();
  const where: Prisma.UserWhereInput = {
    ...(search
      ? {
          OR: [
            { name: { contains: search, mode: "insensitive" } },
            { externalId: { contains: search, mode: "insensitive" } },
            { email: { contains: search, mode: "insensitive" } },
          ],
        }
      : {}),
    ...(teamId === "none" ? { teamId: null } : teamId ? { teamId } : {}),
    ...(role ? { roles: { some: { role } } } : {}),
    ...(status ? { status } : {}),
  };
  const [rows, total] = await Promise.all([
    db.user.findMany({
      where,
      orderBy: [{ externalId: "asc" }],
      skip: (page - 1) * pageSize,
      take: pageSize,
      select: {
        id: true,
        externalId: true,
        name: true,
        email: true,
        status: true,
        hireDate: true,
        team: { select: { id: true, name: true } },
        roles: { select: { role: true } },
      },
    }),
    db.user.count({ where }),
  ]);
  return {
    rows: rows.map(({ roles, hireDate, ...user }) => ({
      ...user,
      hireDate: dateOnly(hireDate),
      roles: sortRoles(roles.map((entry) => entry.role as RoleName)),
    })),
    total,
  };
}

export async function getUserForEdit(id: string) {
  const user = await db.user.findUnique({
    where: { id },
    select: {
      id: true,
      externalId: true,
      name: true,
      email: true,
      teamId: true,
      hireDate: true,
      status: true,
      locale: true,
      passwordHash: true,
      passwordChangedAt: true,
      createdAt: true,
      updatedAt: true,
      roles: { select: { role: true } },
      _count: { select: { sessions: { where: { revokedAt: null, expiresAt: { gt: new Date() } } } } },
    },
  });
  if (!user) return null;
  const { passwordHash, roles, hireDate, _count, ...rest } = user;
  return {
    ...rest,
    hireDate: dateOnly(hireDate),
    hasPassword: passwordHash !== null,
    activeSessions: _count.sessions,
    roles: sortRoles(roles.map((entry) => entry.role as RoleName)),
  };
}

type Client = Prisma.TransactionClient | typeof db;

/** 工号 and e-mail are unique case-insensitively (sign-in matches them that way); the team must exist. */
async function findUserConflicts(
  client: Client,
  input: Pick<UserInput, "externalId" | "email" | "teamId">,
  exceptId: string | null,
) {
  const notSelf = exceptId ? { NOT: { id: exceptId } } : {};
  const [byExternalId, byEmail, team] = await Promise.all([
    client.user.findFirst({
      where: { externalId: { equals: input.externalId, mode: "insensitive" }, ...notSelf },
      select: { id: true },
    }),
    input.email
      ? client.user.findFirst({
          where: { email: { equals: input.email, mode: "insensitive" }, ...notSelf },
          select: { id: true },
        })
      : null,
    input.teamId ? client.team.findUnique({ where: { id: input.teamId }, select: { id: true } }) : null,
  ]);
  const fieldErrors: FieldErrors = {};
  if (byExternalId) fieldErrors.externalId = ["admin:users.errors.externalIdTaken"];
  if (byEmail) fieldErrors.email = ["admin:users.errors.emailTaken"];
  if (input.teamId && !team) fieldErrors.teamId = ["admin:users.errors.teamNotFound"];
  return Object.keys(fieldErrors).length > 0 ? fieldErrors : null;
}

/** A unique violation that slipped past the pre-check (two admins at once) becomes the same field error. */
function uniqueViolation(error: unknown): FieldErrors | null {
  if (!(error instanceof Prisma.PrismaClientKnownRequestError) || error.code !== "P2002") return null;
  const detail = `${JSON.stringify(error.meta ?? {})} ${error.message}`;
  return detail.includes("email")
    ? { email: ["admin:users.errors.emailTaken"] }
    : { externalId: ["admin:users.errors.externalIdTaken"] };
}

export async function createUser(input: CreateUserInput, actor: Actor): Promise<MutationResult<{ id: string }>> {
  const conflicts = await findUserConflicts(db, input, null);
  if (conflicts) return { ok: false, fieldErrors: conflicts };
  const passwordHash = input.password ? await hashPassword(input.password) : null;
  try {
    const created = await db.$transaction(async (tx) => {
      const user = await tx.user.create({
        data: {
          externalId: input.externalId,
          name: input.name,
          email: input.email,
          teamId: input.teamId,
          hireDate: toDateOnly(input.hireDate),
          status: input.status,
          locale: input.locale,
          passwordHash,
          passwordChangedAt: passwordHash ? new Date() : null,
          roles: { create: sortRoles(input.roles).map((role) => ({ role })) },
        },
        select: userAuditSelect,
      });
      await recordAudit(
        {
          actorId: actor.id,
          action: "user.create",
          entityType: "user",
          entityId: user.id,
          after: userSnapshot(user),
          ipAddress: actor.ipAddress,
        },
        tx,
      );
      await noticeMembershipChange(tx, { before: null, after: user, rolesChanged: false });
      await assignNewHirePaths(tx, [user.id]);
      return user;
    });
    return { ok: true, value: { id: created.id } };
  } catch (error) {
    const fieldErrors = uniqueViolation(error);
    if (fieldErrors) return { ok: false, fieldErrors };
    throw error;
  }
}

export async function updateUser(
  id: string,
  input: UserInput,
  actor: Actor,
): Promise<MutationResult<{ changed: boolean }>> {
  const current = await db.user.findUnique({ where: { id }, select: userAuditSelect });
  if (!current) notFound("user not found");
  const currentRoles = current.roles.map((entry) => entry.role as RoleName);
  if (actor.id === id && currentRoles.includes("admin") && !input.roles.includes("admin")) {
    return { ok: false, formErrors: ["admin:users.errors.cannotRemoveOwnAdmin"] };
  }
  const conflicts = await findUserConflicts(db, input, id);
  if (conflicts) return { ok: false, fieldErrors: conflicts };

  try {
    const changed = await db.$transaction(async (tx) => {
      const before = await tx.user.findUnique({ where: { id }, select: userAuditSelect });
      if (!before) notFound("user not found");
      const nextRoles = sortRoles(input.roles);
      const previousRoles = sortRoles(before.roles.map((entry) => entry.role as RoleName));
      const removed = previousRoles.filter((role) => !nextRoles.includes(role));
      const added = nextRoles.filter((role) => !previousRoles.includes(role));
      const fieldsChanged =
        before.externalId !== input.externalId ||
        before.name !== input.name ||
        before.email !== input.email ||
        before.teamId !== input.teamId ||
        dateOnly(before.hireDate) !== input.hireDate ||
        before.locale !== input.locale;
      if (!fieldsChanged && removed.length === 0 && added.length === 0) return false;

      if (removed.length > 0) await tx.userRole.deleteMany({ where: { userId: id, role: { in: removed } } });
      if (added.length > 0) await tx.userRole.createMany({ data: added.map((role) => ({ userId: id, role })) });
      const after = await tx.user.update({
        where: { id },
        data: {
          externalId: input.externalId,
          name: input.name,
          email: input.email,
          teamId: input.teamId,
          hireDate: toDateOnly(input.hireDate),
          locale: input.locale,
        },
        select: userAuditSelect,
      });
      await recordAudit(
        {
          actorId: actor.id,
          action: "user.update",
          entityType: "user",
          entityId: id,
          before: userSnapshot(before),
          after: userSnapshot(after),
          ipAddress: actor.ipAddress,
        },
        tx,
      );
      await noticeMembershipChange(tx, { before, after, rolesChanged: removed.length > 0 || added.length > 0 });
      return true;
    });
    return { ok: true, value: { changed } };
  } catch (error) {
    const fieldErrors = uniqueViolation(error);
    if (fieldErrors) return { ok: false, fieldErrors };
    throw error;
  }
}

/** Deactivating signs the user out everywhere at once (sessions of inactive users are refused anyway). */
export async function setUserStatus(
  id: string,
  status: UserStatusName,
  actor: Actor,
): Promise<MutationResult<{ changed: boolean }>> {
  if (actor.id === id && status === "inactive")
    return { ok: false, formErrors: ["admin:users.errors.cannotDeactivateSelf"] };
  const changed = await db.$transaction(async (tx) => {
    const before = await tx.user.findUnique({ where: { id }, select: { id: true, status: true } });
    if (!before) notFound("user not found");
    if (before.status === status) return false;
    await tx.user.update({ where: { id }, data: { status } });
    const revoked =
      status === "inactive"
        ? (await tx.session.updateMany({ where: { userId: id, revokedAt: null }, data: { revokedAt: new Date() } }))
            .count
        : 0;
    await recordAudit(
      {
        actorId: actor.id,
        action: status === "inactive" ? "user.deactivate" : "user.reactivate",
        entityType: "user",
        entityId: id,
        before: { status: before.status },
        after: { status, ...(revoked > 0 ? { sessionsRevoked: revoked } : {}) },
        ipAddress: actor.ipAddress,
      },
      tx,
    );
    return true;
  });
  return { ok: true, value: { changed } };
}

// No 0/O, 1/l/I: the password is read off a screen and typed in by hand.
const PASSWORD_LETTERS = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ";
const PASSWORD_DIGITS = "23456789";

/** A random password that satisfies the password policy (letters and digits, 14 characters ≈ 80 bits). */
export function generatePassword(length = 14): string {
  const alphabet = PASSWORD_LETTERS + PASSWORD_DIGITS;
  for (;;) {
    let password = "";
    for (let index = 0; index < length; index++) password += alphabet[randomInt(alphabet.length)];
    if (/[A-Za-z]/.test(password) && /\d/.test(password)) return password;
  }
}

/**
 * Sets a new password (the admin's, or a generated one when null) and signs the user out everywhere.
 * Returns the plain password once so the page can show it; it is never stored or logged.
 */
export async function resetPassword(
  id: string,
  newPasswordOrNull: string | null,
  actor: Actor,
): Promise<{ password: string; generated: boolean; sessionsRevoked: number }> {
  const exists = await db.user.findUnique({ where: { id }, select: { id: true } });
  if (!exists) notFound("user not found");
  const generated = newPasswordOrNull === null;
  const password = newPasswordOrNull ?? generatePassword();
  const passwordHash = await hashPassword(password);
  // An admin resetting their own password keeps the session they are using.
  const keepSession = actor.id === id && actor.sessionId ? { NOT: { id: actor.sessionId } } : {};
  const sessionsRevoked = await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id }, data: { passwordHash, passwordChangedAt: new Date() } });
    const { count } = await tx.session.updateMany({
      where: { userId: id, revokedAt: null, ...keepSession },
      data: { revokedAt: new Date() },
    });
    await recordAudit(
      {
        actorId: actor.id,
        action: "user.password.reset",
        entityType: "user",
        entityId: id,
        after: { generated, sessionsRevoked: count },
        ipAddress: actor.ipAddress,
      },
      tx,
    );
    await noticePasswordReset(tx, id, actor.id);
    return count;
  });
  return { password, generated, sessionsRevoked };
}

export async function listTeamOptions() {
  return db.team.findMany({ orderBy: { code: "asc" }, select: { id: true, code: true, name: true } });
}
