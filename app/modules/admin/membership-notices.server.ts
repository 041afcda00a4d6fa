import { notify, type NewNotification } from "~/modules/notifications/notifications.server";
import type { Prisma } from "~/utils/db.server";

type Tx = Prisma.TransactionClient;
type Person = { id: string; name: string; externalId: string; teamId: string | null };

/**
 * Tells people what an administrator changed about them: a new team (and that team's lead), changed
 * roles. Written in the same transaction as the change, so a rolled-back edit notifies nobody.
 */
export async function noticeMembershipChange(
  tx: Tx,
  change: { before: Person | null; after: Person; rolesChanged: boolean },
) {
  const notices: NewNotification[] = [];
  const { before, after } = change;
  if (after.teamId && after.teamId !== before?.teamId) {
    const team = await tx.team.findUnique({ where: { id: after.teamId }, select: { name: true, leadId: true } });
    if (team) {
      notices.push({
        userId: after.id,
        kind: before ? "team-joined" : "welcome",
        params: { team: team.name },
        link: "/",
      });
      if (team.leadId && team.leadId !== after.id) {
        notices.push({
          userId: team.leadId,
          kind: "team-member-joined",
          params: { name: after.name, externalId: after.externalId, team: team.name },
          link: "/lead",
        });
      }
    }
  }
  if (before && change.rolesChanged) notices.push({ userId: after.id, kind: "roles-changed", link: "/" });
  await notify(notices, tx);
}

/** Tells a newly appointed team lead. */
export async function noticeLeadAppointed(
  tx: Tx,
  team: { name: string; leadId: string | null },
  previousLeadId: string | null,
) {
  if (!team.leadId || team.leadId === previousLeadId) return;
  await notify({ userId: team.leadId, kind: "team-lead-assigned", params: { team: team.name }, link: "/lead" }, tx);
}

/** Tells someone an administrator reset their password (not when they reset their own). */
export async function noticePasswordReset(tx: Tx, userId: string, actorId: string | null) {
  if (userId === actorId) return;
  await notify({ userId, kind: "password-reset", link: "/account" }, tx);
}
