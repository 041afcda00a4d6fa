import { hashPassword } from "~/modules/identity/password.server";
import type { RoleName } from "~/modules/identity/permissions";
import { assignNewHirePaths } from "~/modules/training/assignments/new-hires.server";
import { db, type Prisma } from "~/utils/db.server";
import { parseUserCsv } from "./user-csv-parser";
import { sortErrors, type ImportRowError, type UserImportRow } from "./user-import";
import { sortRoles, toDateOnly, userAuditSelect, userSnapshot, type Actor, type UserSnapshot } from "./users.server";

export type ImportUsersOptions = {
  /** Password for users the file creates. Without it they cannot sign in until an admin resets theirs. */
  initialPassword?: string;
};

export type ImportUsersResult = {
  created: number;
  updated: number;
  unchanged: number;
  /** Row-level problems with 1-based line numbers; those rows were skipped, every other row was imported. */
  errors: ImportRowError[];
};

// Bind-parameter lists stay well below PostgreSQL's 65k limit and keep each statement quick.
const CHUNK = 500;
// 500+ rows on a slow disk must not trip the default 5 s interactive-transaction timeout.
const TRANSACTION_OPTIONS = { maxWait: 10_000, timeout: 120_000 };

type Tx = Prisma.TransactionClient;
type ExistingUser = Prisma.UserGetPayload<{ select: typeof userAuditSelect }>;
type TeamRef = { id: string; code: string };

function chunks<T>(items: readonly T[], size = CHUNK): T[][] {
  const result: T[][] = [];
  for (let index = 0; index < items.length; index += size) result.push(items.slice(index, index + size));
  return result;
}

async function loadTeams(tx: Tx) {
  const teams = await tx.team.findMany({ select: { id: true, code: true, name: true } });
  const byCode = new Map(teams.map((team) => [team.code.toLowerCase(), team] as const));
  const byName = new Map(teams.map((team) => [team.name.toLowerCase(), team] as const));
  const codesById = new Map(teams.map((team) => [team.id, team.code] as const));
  /** A cell may hold the team's code or its name. */
  const resolve = (value: string): TeamRef | null => {
    const key = value.trim().toLowerCase();
    return byCode.get(key) ?? byName.get(key) ?? null;
  };
  return { resolve, codesById };
}

/** Existing users by lower-cased 工号 (sign-in matches 工号 case-insensitively, so the import does too). */
async function loadExistingUsers(tx: Tx, externalIds: string[]) {
  const byExternalId = new Map<string, ExistingUser>();
  for (const chunk of chunks(externalIds)) {
    const users = await tx.user.findMany({
      where: { externalId: { in: chunk, mode: "insensitive" } },
      select: userAuditSelect,
    });
    for (const user of users) byExternalId.set(user.externalId.toLowerCase(), user);
  }
  return byExternalId;
}

async function loadEmailOwners(tx: Tx, emails: string[]) {
  const owners = new Map<string, { id: string; externalId: string }>();
  for (const chunk of chunks(emails)) {
    const users = await tx.user.findMany({
      where: { email: { in: chunk, mode: "insensitive" } },
      select: { id: true, externalId: true, email: true },
    });
    for (const user of users)
      if (user.email) owners.set(user.email.toLowerCase(), { id: user.id, externalId: user.externalId });
  }
  return owners;
}

type Planned = {
  row: UserImportRow;
  teamId: string | null;
  desired: UserSnapshot;
  existing: ExistingUser | null;
};

function desiredState(row: UserImportRow, team: TeamRef | null, existing: ExistingUser | null): UserSnapshot {
  const current = existing ? userSnapshot(existing) : null;
  return {
    // A case-only difference in the 工号 matches the same person; the stored spelling is kept.
    externalId: current?.externalId ?? row.externalId,
    name: row.name,
    email: row.email !== undefined ? row.email : (current?.email ?? null),
    team: row.team !== undefined ? (team?.code ?? null) : (current?.team ?? null),
    hireDate: row.hireDate !== undefined ? row.hireDate : (current?.hireDate ?? null),
    status: row.status ?? current?.status ?? "active",
    locale: row.locale ?? current?.locale ?? "zh-CN",
    roles: row.roles ? sortRoles(row.roles) : (current?.roles ?? ["agent"]),
  };
}

function sameSnapshot(a: UserSnapshot, b: UserSnapshot) {
  return JSON.stringify(a) === JSON.stringify(b);
}

function auditJson(value: unknown) {
  return JSON.parse(JSON.stringify(value)) as Prisma.InputJsonValue;
}

/**
 * Imports the users CSV (format: docs/import-formats.md). Upserts by 工号 in one transaction: new
 * people are created, changed ones updated (roles replaced by the file's), identical ones left alone,
 * so importing the same file again changes nothing. Rows with errors are reported and skipped.
 */
export async function importUsers(
  csvText: string,
  actor: Actor,
  options: ImportUsersOptions = {},
): Promise<ImportUsersResult> {
  const parsed = parseUserCsv(csvText);
  const errors = [...parsed.errors];
  if (parsed.rows.length === 0) return { created: 0, updated: 0, unchanged: 0, errors: sortErrors(errors) };
  const passwordHash = options.initialPassword ? await hashPassword(options.initialPassword) : null;

  const counts = await db.$transaction(async (tx) => {
    const teams = await loadTeams(tx);
    const existingUsers = await loadExistingUsers(
      tx,
      parsed.rows.map((row) => row.externalId),
    );
    const emailOwners = await loadEmailOwners(
      tx,
      parsed.rows.flatMap((row) => (row.email ? [row.email] : [])),
    );

    const toCreate: Planned[] = [];
    const toUpdate: Planned[] = [];
    let unchanged = 0;
    for (const row of parsed.rows) {
      const rowError = (field: string, message: string, value?: string, params?: ImportRowError["params"]) =>
        errors.push({ line: row.line, field, message, ...(value ? { value } : {}), ...(params ? { params } : {}) });
      const existing = existingUsers.get(row.externalId.toLowerCase()) ?? null;
      const team = row.team ? teams.resolve(row.team) : null;
      if (row.team && !team) {
        rowError("team", "admin:import.errors.unknownTeam", row.team);
        continue;
      }
      const owner = row.email ? emailOwners.get(row.email) : undefined;
      if (owner && owner.id !== existing?.id) {
        rowError("email", "admin:import.errors.emailTaken", row.email ?? undefined, { externalId: owner.externalId });
        continue;
      }
      const desired = desiredState(row, team, existing);
      if (existing && actor.id === existing.id) {
        if (desired.status !== "active") {
          rowError("status", "admin:users.errors.cannotDeactivateSelf", desired.status);
          continue;
        }
        if (existing.roles.some((entry) => entry.role === "admin") && !desired.roles.includes("admin")) {
          rowError("roles", "admin:users.errors.cannotRemoveOwnAdmin", row.roles?.join("|"));
          continue;
        }
      }
      const teamId = row.team !== undefined ? (team?.id ?? null) : (existing?.teamId ?? null);
      const planned = { row, teamId, desired, existing };
      if (!existing) toCreate.push(planned);
      else if (sameSnapshot(userSnapshot(existing), desired)) unchanged++;
      else toUpdate.push(planned);
    }

    const audits: Prisma.AuditLogCreateManyInput[] = [];
    const createdIds: string[] = [];
    const auditBase = { actorId: actor.id, entityType: "user", ipAddress: actor.ipAddress };

    for (const chunk of chunks(toCreate)) {
      const created = await tx.user.createManyAndReturn({
        data: chunk.map(({ desired, teamId }) => ({
          externalId: desired.externalId,
          name: desired.name,
          email: desired.email,
          teamId,
          hireDate: toDateOnly(desired.hireDate),
          status: desired.status as "active" | "inactive",
          locale: desired.locale,
          passwordHash,
          passwordChangedAt: passwordHash ? new Date() : null,
        })),
        select: { id: true, externalId: true },
      });
      const idsByExternalId = new Map(created.map((user) => [user.externalId, user.id] as const));
      createdIds.push(...created.map((user) => user.id));
      const roleRows: { userId: string; role: RoleName }[] = [];
      for (const { desired } of chunk) {
        const userId = idsByExternalId.get(desired.externalId)!;
        for (const role of desired.roles) roleRows.push({ userId, role });
        audits.push({ ...auditBase, action: "user.create", entityId: userId, after: auditJson(desired) });
      }
      await tx.userRole.createMany({ data: roleRows });
    }

    const roleChanges = toUpdate.filter(
      ({ existing, desired }) => userSnapshot(existing!).roles.join() !== desired.roles.join(),
    );
    for (const { existing, desired, teamId } of toUpdate) {
      await tx.user.update({
        where: { id: existing!.id },
        data: {
          name: desired.name,
          email: desired.email,
          teamId,
          hireDate: toDateOnly(desired.hireDate),
          status: desired.status as "active" | "inactive",
          locale: desired.locale,
        },
        select: { id: true },
      });
      audits.push({
        ...auditBase,
        action: "user.update",
        entityId: existing!.id,
        before: auditJson(userSnapshot(existing!)),
        after: auditJson(desired),
      });
    }
    for (const chunk of chunks(roleChanges)) {
      await tx.userRole.deleteMany({ where: { userId: { in: chunk.map(({ existing }) => existing!.id) } } });
      await tx.userRole.createMany({
        data: chunk.flatMap(({ existing, desired }) => desired.roles.map((role) => ({ userId: existing!.id, role }))),
      });
    }
    // Deactivated people are signed out at once, as when an admin deactivates one by hand.
    const deactivated = toUpdate.filter(
      ({ existing, desired }) => existing!.status === "active" && desired.status === "inactive",
    );
    for (const chunk of chunks(deactivated)) {
      await tx.session.updateMany({
        where: { userId: { in: chunk.map(({ existing }) => existing!.id) }, revokedAt: null },
        data: { revokedAt: new Date() },
      });
    }

    await assignNewHirePaths(tx, createdIds);
    const result = { created: toCreate.length, updated: toUpdate.length, unchanged };
    audits.push({
      ...auditBase,
      action: "user.import",
      entityType: "import",
      entityId: null,
      after: auditJson({ ...result, rows: parsed.rows.length, errors: errors.length }),
    });
    for (const chunk of chunks(audits)) await tx.auditLog.createMany({ data: chunk });
    return result;
  }, TRANSACTION_OPTIONS);

  return { ...counts, errors: sortErrors(errors) };
}
