/**
 * Peer choice: the subject's lead (or a manager) picks peers for the team's subjects; when the cycle says so
 * the subject nominates their own within minPeers…maxPeers. Choosing after the cycle opened creates the
 * requests at once (the pending list shows them to the peer). A peer who has already submitted stays.
 */
import { recordAudit } from "~/modules/audit/audit.server";
import { notify } from "~/modules/notifications/notifications.server";
import { db } from "~/utils/db.server";
import { conflict, notFound } from "~/utils/http.server";
import { inScope, type TeamScope } from "./cycles";
import { peerCountProblem } from "./scoring";
import type { Actor } from "./templates.server";

export type PeerChooser = { kind: "scope"; scope: TeamScope } | { kind: "subject"; userId: string };

async function candidatesFor(teamId: string | null, subjectUserId: string) {
  if (!teamId) return [];
  return db.user.findMany({
    where: { teamId, status: "active", id: { not: subjectUserId }, roles: { some: { role: "agent" } } },
    orderBy: { externalId: "asc" },
    select: { id: true, name: true, externalId: true },
  });
}

export async function peerBoard(cycleId: string, scope: TeamScope, page: number, pageSize: number) {
  const cycle = await db.feedbackCycle.findUnique({
    where: { id: cycleId },
    select: { id: true, name: true, status: true, minPeers: true, maxPeers: true, peerSelection: true },
  });
  if (!cycle) notFound("cycle not found");
  const where = {
    cycleId,
    ...(scope.all ? {} : { user: { teamId: { in: scope.teamIds } } }),
  };
  const [subjects, total] = await Promise.all([
    db.feedbackSubject.findMany({
      where,
      orderBy: [{ user: { team: { name: "asc" } } }, { user: { externalId: "asc" } }],
      skip: (page - 1) * pageSize,
      take: pageSize,
      select: {
        id: true,
        user: { select: { id: true, name: true, externalId: true, teamId: true, team: { select: { name: true } } } },
        requests: { where: { group: "peer" }, select: { raterId: true } },
      },
    }),
    db.feedbackSubject.count({ where }),
  ]);
  const teamIds = [...new Set(subjects.flatMap((subject) => (subject.user.teamId ? [subject.user.teamId] : [])))];
  const members = await db.user.findMany({
    where: { teamId: { in: teamIds }, status: "active", roles: { some: { role: "agent" } } },
    orderBy: { externalId: "asc" },
    select: { id: true, name: true, externalId: true, teamId: true },
  });
  return {
    cycle,
    total,
    subjects: subjects.map((subject) => ({
      id: subject.id,
      name: subject.user.name,
      externalId: subject.user.externalId,
      team: subject.user.team?.name ?? null,
      chosen: subject.requests.map((request) => request.raterId),
      candidates: members
        .filter((member) => member.teamId === subject.user.teamId && member.id !== subject.user.id)
        .map(({ id, name, externalId }) => ({ id, name, externalId })),
    })),
  };
}

/** The subject's own nomination page data (peerSelection = subject). */
export async function ownPeerChoice(subjectId: string, userId: string) {
  const subject = await db.feedbackSubject.findUnique({
    where: { id: subjectId },
    select: {
      id: true,
      userId: true,
      user: { select: { teamId: true } },
      cycle: { select: { id: true, name: true, status: true, minPeers: true, maxPeers: true, peerSelection: true } },
      requests: { where: { group: "peer" }, select: { raterId: true } },
    },
  });
  if (!subject || subject.userId !== userId || subject.cycle.peerSelection !== "subject") notFound("not found");
  return {
    id: subject.id,
    cycle: subject.cycle,
    chosen: subject.requests.map((request) => request.raterId),
    candidates: await candidatesFor(subject.user.teamId, userId),
  };
}

export async function setPeers(subjectId: string, raterIds: string[], chooser: PeerChooser, actor: Actor) {
  const subject = await db.feedbackSubject.findUnique({
    where: { id: subjectId },
    select: {
      id: true,
      userId: true,
      user: { select: { teamId: true } },
      cycle: { select: { id: true, name: true, status: true, minPeers: true, maxPeers: true, peerSelection: true } },
    },
  });
  if (!subject) notFound("subject not found");
  if (chooser.kind === "scope" && !inScope(chooser.scope, subject.user.teamId)) notFound("subject not found");
  if (chooser.kind === "subject" && (subject.userId !== chooser.userId || subject.cycle.peerSelection !== "subject"))
    notFound("subject not found");
  if (subject.cycle.status === "closed") conflict("the cycle is closed");
  const wanted = [...new Set(raterIds)];
  const candidates = new Set((await candidatesFor(subject.user.teamId, subject.userId)).map((user) => user.id));
  if (wanted.some((id) => !candidates.has(id))) return { ok: false as const, error: "feedback:errors.peerNotInTeam" };
  return db.$transaction(async (tx) => {
    const existing = await tx.feedbackRequest.findMany({
      where: { subjectId, group: "peer" },
      select: { id: true, raterId: true, status: true },
    });
    const kept = existing.filter((request) => request.status === "submitted" || wanted.includes(request.raterId));
    const finalIds = new Set([...kept.map((request) => request.raterId), ...wanted]);
    const problem = peerCountProblem(finalIds.size, subject.cycle.minPeers, subject.cycle.maxPeers);
    if (problem) return { ok: false as const, error: problem };
    const removed = existing.filter((request) => !finalIds.has(request.raterId));
    await tx.feedbackRequest.deleteMany({
      where: { id: { in: removed.map((request) => request.id) }, status: "pending" },
    });
    const added = [...finalIds].filter((id) => !existing.some((request) => request.raterId === id));
    await tx.feedbackRequest.createMany({
      data: added.map((raterId) => ({ subjectId, raterId, group: "peer" as const })),
      skipDuplicates: true,
    });
    if (subject.cycle.status === "open" && added.length > 0)
      await notify(
        added.map((userId) => ({
          userId,
          kind: "feedback-peer-requested",
          params: { cycle: subject.cycle.name },
          link: "/performance/feedback",
        })),
        tx,
      );
    await recordAudit(
      {
        actorId: actor.id,
        action: "feedback.peers.set",
        entityType: "feedback-subject",
        entityId: subjectId,
        after: { added: added.length, removed: removed.length, peers: finalIds.size },
        ipAddress: actor.ipAddress ?? null,
      },
      tx,
    );
    return { ok: true as const, kept: existing.length - removed.length, added: added.length, removed: removed.length };
  });
}

/** Draft and open cycles with subjects in scope, for the lead's "choose peers" links. */
export async function cyclesForPeerChoice(scope: TeamScope) {
  return db.feedbackCycle.findMany({
    where: {
      status: { in: ["draft", "open"] },
      subjects: { some: scope.all ? {} : { user: { teamId: { in: scope.teamIds } } } },
    },
    orderBy: { dueAt: "asc" },
    take: 10,
    select: { id: true, name: true, status: true, dueAt: true, peerSelection: true },
  });
}
