import { recordAudit } from "~/modules/audit/audit.server";
import type { SessionUser } from "~/modules/identity/session.server";
import { userCan } from "~/modules/identity/session.server";
import { notify } from "~/modules/notifications/notifications.server";
import { currentRubricVersionId, loadRubricVersion } from "~/modules/qa/rubrics/rubric-version.server";
import { db, type Prisma } from "~/utils/db.server";
import { env } from "~/utils/env.server";
import { calibrationResults, type CalibrationResults } from "./results";
import { releaseCalibrationSession } from "./release.server";
import { parseLocalDateTime, splitExternalIds, toLocalDateTimeInput, type CalibrationSessionInput } from "./schema";

type Actor = { id: string; ipAddress?: string | null };
type FieldErrors = Record<string, string[]>;
export type CreateResult =
  { ok: true; sessionId: string } | { ok: false; fieldErrors: FieldErrors; unknownExternalIds: string[] };

const ELIGIBLE_ROLES = ["qa_inspector", "qa_lead"] as const;

export function canManageCalibration(user: Pick<SessionUser, "permissions">) {
  return userCan(user, "manage:calibration:any");
}

/** Inspectors and QA leads who can take part: active, and able to score in the workbench. */
export async function listEligibleParticipants() {
  const users = await db.user.findMany({
    where: { status: "active", roles: { some: { role: { in: [...ELIGIBLE_ROLES] } } } },
    orderBy: { externalId: "asc" },
    select: { id: true, name: true, externalId: true, roles: { select: { role: true } } },
  });
  return users.map((user) => ({
    id: user.id,
    name: user.name,
    externalId: user.externalId,
    isLead: user.roles.some((entry) => entry.role === "qa_lead"),
  }));
}

export async function listActiveRubrics() {
  return db.rubric.findMany({
    where: { status: "active", versions: { some: {} } },
    orderBy: { name: "asc" },
    select: { id: true, name: true },
  });
}

/** Conversations to pick from, newest first, any team; `q` matches the external id, an agent's 工号 or name. */
export async function searchConversations(q: string, take = 15) {
  const query = q.trim();
  const where: Prisma.ConversationWhereInput = query
    ? {
        OR: [
          { externalId: { contains: query, mode: "insensitive" } },
          { primaryAgent: { externalId: { contains: query, mode: "insensitive" } } },
          { primaryAgent: { name: { contains: query } } },
        ],
      }
    : {};
  const rows = await db.conversation.findMany({
    where,
    orderBy: { startedAt: "desc" },
    take,
    select: {
      id: true,
      externalId: true,
      channel: true,
      startedAt: true,
      messageCount: true,
      primaryAgent: { select: { name: true, externalId: true } },
      team: { select: { name: true } },
    },
  });
  return rows.map((row) => ({
    id: row.id,
    externalId: row.externalId,
    channel: row.channel,
    startedAt: row.startedAt.toISOString(),
    messageCount: row.messageCount,
    agent: row.primaryAgent ? `${row.primaryAgent.name}（${row.primaryAgent.externalId}）` : null,
    team: row.team?.name ?? null,
  }));
}

export async function conversationsByIds(ids: string[]) {
  if (ids.length === 0) return [];
  const rows = await db.conversation.findMany({
    where: { id: { in: ids } },
    select: { id: true, externalId: true, channel: true, startedAt: true },
  });
  return rows.map((row) => ({ ...row, startedAt: row.startedAt.toISOString() }));
}

/**
 * Creates the session and one calibration review per participant × conversation, in one transaction; audits and
 * notifies the participants. Checks what the form schema cannot: the rubric is active, the conversations exist,
 * participants are active inspectors or QA leads, the benchmark is a QA lead.
 */
export async function createCalibrationSession(input: CalibrationSessionInput, actor: Actor): Promise<CreateResult> {
  const fieldErrors: FieldErrors = {};
  const timeZone = env().APP_TIME_ZONE;
  const deadline = parseLocalDateTime(input.deadline, timeZone);
  if (!deadline || deadline <= new Date()) fieldErrors.deadline = ["qa-calibration:errors.deadlinePast"];

  const rubric = await db.rubric.findUnique({ where: { id: input.rubricId }, select: { status: true } });
  const versionId = rubric?.status === "active" ? await currentRubricVersionId(input.rubricId) : null;
  if (!versionId) fieldErrors.rubricId = ["qa-calibration:errors.rubricInactive"];

  const externalIds = splitExternalIds(input.externalIds);
  const [picked, typed] = await Promise.all([
    db.conversation.findMany({ where: { id: { in: input.conversationId } }, select: { id: true } }),
    db.conversation.findMany({ where: { externalId: { in: externalIds } }, select: { id: true, externalId: true } }),
  ]);
  const found = new Set(typed.map((row) => row.externalId));
  const unknownExternalIds = externalIds.filter((id) => !found.has(id));
  if (unknownExternalIds.length > 0 || picked.length !== new Set(input.conversationId).size) {
    fieldErrors.externalIds = ["qa-calibration:errors.unknownConversations"];
  }
  // Picked first, in the order chosen, then the typed ids in the order typed.
  const typedIds = externalIds.flatMap((externalId) => typed.filter((row) => row.externalId === externalId));
  const conversationIds = [...new Set([...input.conversationId, ...typedIds.map((row) => row.id)])];

  const participantIds = [...new Set(input.participantId)];
  const eligible = await db.user.findMany({
    where: { id: { in: participantIds }, status: "active", roles: { some: { role: { in: [...ELIGIBLE_ROLES] } } } },
    select: { id: true, roles: { select: { role: true } } },
  });
  if (eligible.length !== participantIds.length) {
    fieldErrors.participantId = ["qa-calibration:errors.participantNotInspector"];
  }
  const benchmark = eligible.find((user) => user.id === input.benchmarkId);
  if (!participantIds.includes(input.benchmarkId)) {
    fieldErrors.benchmarkId = ["qa-calibration:errors.benchmarkNotParticipant"];
  } else if (!benchmark?.roles.some((entry) => entry.role === "qa_lead")) {
    fieldErrors.benchmarkId = ["qa-calibration:errors.benchmarkNotLead"];
  }
  if (Object.keys(fieldErrors).length > 0 || !versionId || !deadline) {
    return { ok: false, fieldErrors, unknownExternalIds };
  }

  const sessionId = await db.$transaction(async (tx) => {
    const session = await tx.calibrationSession.create({
      data: {
        title: input.title,
        rubricVersionId: versionId,
        benchmarkUserId: input.benchmarkId,
        deadline,
        createdById: actor.id,
        conversations: { create: conversationIds.map((conversationId, position) => ({ conversationId, position })) },
        participants: { create: participantIds.map((userId) => ({ userId })) },
      },
      select: { id: true },
    });
    await tx.review.createMany({
      data: participantIds.flatMap((inspectorId) =>
        conversationIds.map((conversationId) => ({
          kind: "calibration" as const,
          status: "assigned" as const,
          conversationId,
          inspectorId,
          agentId: null,
          rubricVersionId: versionId,
          calibrationSessionId: session.id,
          dueAt: deadline,
        })),
      ),
    });
    await recordAudit(
      {
        actorId: actor.id,
        action: "calibration.create",
        entityType: "calibration-session",
        entityId: session.id,
        after: {
          title: input.title,
          rubricVersionId: versionId,
          conversationIds,
          participantIds,
          benchmarkUserId: input.benchmarkId,
          deadline: deadline.toISOString(),
        },
        ipAddress: actor.ipAddress ?? null,
      },
      tx,
    );
    await notify(
      participantIds.map((userId) => ({
        userId,
        kind: "calibration-invited",
        params: {
          title: input.title,
          count: conversationIds.length,
          deadline: toLocalDateTimeInput(deadline, timeZone).replace("T", " "),
        },
        link: `/qa/calibration/${session.id}`,
      })),
      tx,
    );
    return session.id;
  });
  return { ok: true, sessionId };
}

export const SESSION_STATUSES = ["open", "released"] as const;

/** Sessions the viewer may see: all of them for managers and QA leads, their own otherwise. Paginated. */
export async function listCalibrationSessions(
  viewer: SessionUser,
  options: { page: number; pageSize: number; status?: (typeof SESSION_STATUSES)[number] },
) {
  const where: Prisma.CalibrationSessionWhereInput = {
    ...(canManageCalibration(viewer) ? {} : { participants: { some: { userId: viewer.id } } }),
    ...(options.status ? { status: options.status } : {}),
  };
  const [rows, total] = await Promise.all([
    db.calibrationSession.findMany({
      where,
      orderBy: [{ status: "asc" }, { deadline: "desc" }],
      skip: (options.page - 1) * options.pageSize,
      take: options.pageSize,
      select: {
        id: true,
        title: true,
        status: true,
        deadline: true,
        rubricVersion: { select: { version: true, rubric: { select: { name: true } } } },
        _count: { select: { conversations: true, participants: true } },
      },
    }),
    db.calibrationSession.count({ where }),
  ]);
  const ids = rows.map((row) => row.id);
  const [submittedParticipants, mine, myMembership] = await Promise.all([
    db.calibrationParticipant.groupBy({
      by: ["sessionId"],
      where: { sessionId: { in: ids }, submittedAt: { not: null } },
      _count: { _all: true },
    }),
    db.review.groupBy({
      by: ["calibrationSessionId"],
      where: { calibrationSessionId: { in: ids }, inspectorId: viewer.id, status: "submitted" },
      _count: { _all: true },
    }),
    db.calibrationParticipant.findMany({
      where: { sessionId: { in: ids }, userId: viewer.id },
      select: { sessionId: true },
    }),
  ]);
  const submittedBySession = new Map(submittedParticipants.map((row) => [row.sessionId, row._count._all]));
  const mineBySession = new Map(mine.map((row) => [row.calibrationSessionId, row._count._all]));
  const member = new Set(myMembership.map((row) => row.sessionId));
  return {
    total,
    rows: rows.map((row) => ({
      id: row.id,
      title: row.title,
      status: row.status,
      deadline: row.deadline.toISOString(),
      rubric: `${row.rubricVersion.rubric.name} v${row.rubricVersion.version}`,
      conversations: row._count.conversations,
      participants: row._count.participants,
      participantsSubmitted: submittedBySession.get(row.id) ?? 0,
      myProgress: member.has(row.id) ? (mineBySession.get(row.id) ?? 0) : null,
    })),
  };
}

/**
 * The session page for a viewer. Participants and managers only (404 for anyone else, so a session's existence
 * does not leak). Results are computed only once released: before that nobody's scores leave the server.
 */
export async function loadCalibrationSession(sessionId: string, viewer: SessionUser) {
  const session = await db.calibrationSession.findUnique({
    where: { id: sessionId },
    select: {
      id: true,
      title: true,
      status: true,
      deadline: true,
      releasedAt: true,
      createdAt: true,
      rubricVersionId: true,
      benchmarkUserId: true,
      rubricVersion: { select: { version: true, rubric: { select: { name: true } } } },
      conversations: {
        orderBy: { position: "asc" },
        select: { conversationId: true },
      },
      participants: {
        select: { userId: true, submittedAt: true, user: { select: { name: true, externalId: true } } },
        orderBy: { user: { externalId: "asc" } },
      },
    },
  });
  if (!session) return null;
  const manager = canManageCalibration(viewer);
  const isParticipant = session.participants.some((participant) => participant.userId === viewer.id);
  if (!manager && !(isParticipant && userCan(viewer, "join:calibration:own"))) return null;

  const conversationIds = session.conversations.map((entry) => entry.conversationId);
  const [conversationRows, progress, myReviews] = await Promise.all([
    db.conversation.findMany({
      where: { id: { in: conversationIds } },
      select: { id: true, externalId: true, channel: true, startedAt: true, messageCount: true },
    }),
    db.review.groupBy({
      by: ["inspectorId"],
      where: { calibrationSessionId: session.id, status: "submitted" },
      _count: { _all: true },
    }),
    isParticipant
      ? db.review.findMany({
          where: { calibrationSessionId: session.id, inspectorId: viewer.id },
          select: { id: true, conversationId: true, status: true, submittedAt: true },
        })
      : Promise.resolve([]),
  ]);
  const byId = new Map(conversationRows.map((row) => [row.id, row]));
  const conversations = conversationIds.flatMap((id) => {
    const row = byId.get(id);
    return row ? [{ ...row, startedAt: row.startedAt.toISOString() }] : [];
  });
  const submittedCount = new Map(progress.map((row) => [row.inspectorId, row._count._all]));
  const reviewByConversation = new Map(myReviews.map((review) => [review.conversationId, review]));

  const released = session.status === "released";
  return {
    session: {
      id: session.id,
      title: session.title,
      status: session.status,
      deadline: session.deadline.toISOString(),
      releasedAt: session.releasedAt?.toISOString() ?? null,
      rubric: `${session.rubricVersion.rubric.name} v${session.rubricVersion.version}`,
    },
    canManage: manager,
    isParticipant,
    conversations,
    participants: session.participants.map((participant) => ({
      id: participant.userId,
      name: participant.user.name,
      externalId: participant.user.externalId,
      isBenchmark: participant.userId === session.benchmarkUserId,
      submitted: participant.submittedAt !== null,
      scored: submittedCount.get(participant.userId) ?? 0,
    })),
    myReviews: conversations.map((conversation) => {
      const review = reviewByConversation.get(conversation.id);
      return review
        ? { conversationId: conversation.id, reviewId: review.id, status: review.status }
        : { conversationId: conversation.id, reviewId: null, status: null };
    }),
    results: released ? await sessionResults(session, conversations) : null,
  };
}

async function sessionResults(
  session: {
    id: string;
    rubricVersionId: string;
    benchmarkUserId: string;
    participants: { userId: string; user: { name: string; externalId: string } }[];
  },
  conversations: { id: string; externalId: string }[],
): Promise<CalibrationResults | null> {
  const version = await loadRubricVersion(session.rubricVersionId);
  if (!version) return null;
  const reviews = await db.review.findMany({
    where: { calibrationSessionId: session.id, status: "submitted" },
    select: {
      conversationId: true,
      inspectorId: true,
      score: true,
      scores: { select: { criterionId: true, value: true } },
    },
  });
  return calibrationResults({
    criteria: version.criteria.map((criterion) => ({
      id: criterion.id,
      key: criterion.key,
      name: criterion.name,
      weight: criterion.weight,
      scale: criterion.scale,
      maxPoints: criterion.maxPoints,
    })),
    conversations: conversations.map((conversation) => ({ id: conversation.id, externalId: conversation.externalId })),
    raters: session.participants.map((participant) => ({
      id: participant.userId,
      name: participant.user.name,
      externalId: participant.user.externalId,
    })),
    benchmarkId: session.benchmarkUserId,
    reviews: reviews.map((review) => ({
      conversationId: review.conversationId,
      inspectorId: review.inspectorId,
      score: review.score,
      values: Object.fromEntries(review.scores.map((score) => [score.criterionId, score.value])),
    })),
  });
}

/** Managers and QA leads close a session before the deadline; 409 when it is already released. */
export async function closeCalibrationSession(sessionId: string, actor: Actor) {
  const exists = await db.calibrationSession.findUnique({ where: { id: sessionId }, select: { id: true } });
  if (!exists) return { ok: false as const, reason: "not-found" as const };
  const released = await db.$transaction((tx) =>
    releaseCalibrationSession(tx, sessionId, {
      reason: "closed-early",
      actorId: actor.id,
      ipAddress: actor.ipAddress ?? null,
    }),
  );
  return released ? { ok: true as const } : { ok: false as const, reason: "already-released" as const };
}
