import { recordAudit } from "~/modules/audit/audit.server";
import { noticeLeadAppointed } from "./membership-notices.server";
import type { RoleName } from "~/modules/identity/permissions";
import { db, Prisma } from "~/utils/db.server";
import { notFound } from "~/utils/http.server";
import { sortRoles, type Actor, type FieldErrors, type MutationResult } from "./users.server";

export type TeamInput = { code: string; name: string; description: string | null; leadId: string | null };

/** Roles that may lead a team. */
export const LEAD_ROLES: RoleName[] = ["team_lead", "manager"];

const teamAuditSelect = {
  id: true,
  code: true,
  name: true,
  description: true,
  leadId: true,
  lead: { select: { externalId: true } },
} satisfies Prisma.TeamSelect;

function teamSnapshot(team: Prisma.TeamGetPayload<{ select: typeof teamAuditSelect }>) {
  return { code: team.code, name: team.name, description: team.description, lead: team.lead?.externalId ?? null };
}

/** Every team with its lead and active headcount (teams number in the tens, so no paging). */
export async function listTeams() {
  const teams = await db.team.findMany({
    orderBy: { code: "asc" },
    select: {
      id: true,
      code: true,
      name: true,
      description: true,
      lead: { select: { id: true, name: true, externalId: true } },
      _count: { select: { members: { where: { status: "active" } } } },
    },
  });
  return teams.map(({ _count, ...team }) => ({ ...team, headcount: _count.members }));
}

export async function getTeam(id: string) {
  const team = await db.team.findUnique({
    where: { id },
    select: {
      id: true,
      code: true,
      name: true,
      description: true,
      leadId: true,
      members: {
        orderBy: [{ status: "asc" }, { externalId: "asc" }],
        select: { id: true, externalId: true, name: true, status: true, roles: { select: { role: true } } },
      },
    },
  });
  if (!team) return null;
  return {
    ...team,
    members: team.members.map(({ roles, ...member }) => ({
      ...member,
      roles: sortRoles(roles.map((entry) => entry.role as RoleName)),
    })),
  };
}

/**
 * Active users who may lead a team, for the lead picker. The current lead stays selectable even if they
 * no longer qualify, so saving a team's other fields does not fail on them.
 */
export async function listLeadCandidates(currentLeadId?: string | null) {
  const eligible: Prisma.UserWhereInput = { status: "active", roles: { some: { role: { in: LEAD_ROLES } } } };
  return db.user.findMany({
    where: currentLeadId ? { OR: [eligible, { id: currentLeadId }] } : eligible,
    orderBy: { externalId: "asc" },
    select: { id: true, externalId: true, name: true },
  });
}

async function findTeamConflicts(input: TeamInput, exceptId: string | null, currentLeadId: string | null = null) {
  const notSelf = exceptId ? { NOT: { id: exceptId } } : {};
  const [byCode, byName, lead] = await Promise.all([
    db.team.findFirst({
      where: { code: { equals: input.code, mode: "insensitive" }, ...notSelf },
      select: { id: true },
    }),
    db.team.findFirst({
      where: { name: { equals: input.name, mode: "insensitive" }, ...notSelf },
      select: { id: true },
    }),
    input.leadId
      ? db.user.findUnique({ where: { id: input.leadId }, select: { status: true, roles: { select: { role: true } } } })
      : null,
  ]);
  const fieldErrors: FieldErrors = {};
  if (byCode) fieldErrors.code = ["admin:teams.errors.codeTaken"];
  if (byName) fieldErrors.name = ["admin:teams.errors.nameTaken"];
  if (input.leadId && input.leadId !== currentLeadId) {
    const eligible =
      lead?.status === "active" && lead.roles.some((entry) => LEAD_ROLES.includes(entry.role as RoleName));
    if (!eligible) fieldErrors.leadId = ["admin:teams.errors.leadNotEligible"];
  }
  return Object.keys(fieldErrors).length > 0 ? fieldErrors : null;
}

function uniqueViolation(error: unknown): FieldErrors | null {
  if (!(error instanceof Prisma.PrismaClientKnownRequestError) || error.code !== "P2002") return null;
  const detail = `${JSON.stringify(error.meta ?? {})} ${error.message}`;
  return detail.includes("code")
    ? { code: ["admin:teams.errors.codeTaken"] }
    : { name: ["admin:teams.errors.nameTaken"] };
}

export async function createTeam(input: TeamInput, actor: Actor): Promise<MutationResult<{ id: string }>> {
  const conflicts = await findTeamConflicts(input, null);
  if (conflicts) return { ok: false, fieldErrors: conflicts };
  try {
    const team = await db.$transaction(async (tx) => {
      const created = await tx.team.create({ data: input, select: teamAuditSelect });
      await recordAudit(
        {
          actorId: actor.id,
          action: "team.create",
          entityType: "team",
          entityId: created.id,
          after: teamSnapshot(created),
          ipAddress: actor.ipAddress,
        },
        tx,
      );
      await noticeLeadAppointed(tx, created, null);
      return created;
    });
    return { ok: true, value: { id: team.id } };
  } catch (error) {
    const fieldErrors = uniqueViolation(error);
    if (fieldErrors) return { ok: false, fieldErrors };
    throw error;
  }
}

export async function updateTeam(
  id: string,
  input: TeamInput,
  actor: Actor,
): Promise<MutationResult<{ changed: boolean }>> {
  const existing = await db.team.findUnique({ where: { id }, select: { leadId: true } });
  if (!existing) notFound("team not found");
  const conflicts = await findTeamConflicts(input, id, existing.leadId);
  if (conflicts) return { ok: false, fieldErrors: conflicts };
  try {
    const changed = await db.$transaction(async (tx) => {
      const before = await tx.team.findUnique({ where: { id }, select: teamAuditSelect });
      if (!before) notFound("team not found");
      const same =
        before.code === input.code &&
        before.name === input.name &&
        before.description === input.description &&
        before.leadId === input.leadId;
      if (same) return false;
      const after = await tx.team.update({ where: { id }, data: input, select: teamAuditSelect });
      await recordAudit(
        {
          actorId: actor.id,
          action: "team.update",
          entityType: "team",
          entityId: id,
          before: teamSnapshot(before),
          after: teamSnapshot(after),
          ipAddress: actor.ipAddress,
        },
        tx,
      );
      await noticeLeadAppointed(tx, after, before.leadId);
      return true;
    });
    return { ok: true, value: { changed } };
  } catch (error) {
    const fieldErrors = uniqueViolation(error);
    if (fieldErrors) return { ok: false, fieldErrors };
    throw error;
  }
}
