import { recordAudit } from "~/modules/audit/audit.server";
import { hasPermission } from "~/modules/identity/permissions";
import type { SessionUser } from "~/modules/identity/session.server";
import { db } from "~/utils/db.server";

type Actor = Pick<SessionUser, "id" | "permissions">;

export type StartResult =
  | { ok: true; reviewId: string }
  | { ok: false; status: 403; error: "notInspector" | "ownConversation" }
  | { ok: false; status: 404; error: "conversationNotFound" }
  | { ok: false; status: 400; error: "rubricNotActive" | "rubricNotForChannel" | "noAgent" }
  | { ok: false; status: 409; error: "alreadyReviewed"; reviewId: string };

/** Active rubrics whose current version applies to a channel: the choices when starting a review by hand. */
export async function startableRubrics(channel: "chat" | "phone" | "email" | "social") {
  const rubrics = await db.rubric.findMany({
    where: { status: "active" },
    orderBy: { name: "asc" },
    select: {
      id: true,
      name: true,
      versions: { orderBy: { version: "desc" }, take: 1, select: { channels: true } },
    },
  });
  return rubrics
    .filter(
      ({ versions }) => versions[0] && (versions[0].channels.length === 0 || versions[0].channels.includes(channel)),
    )
    .map(({ id, name }) => ({ id, name }));
}

/**
 * An inspector reviews a conversation outside any sampling plan: a regular review of the primary agent, assigned
 * to the inspector, on the rubric's current version. Inspectors never review their own conversations, and a
 * conversation gets one live review per agent.
 */
export async function startAdHocReview(
  actor: Actor,
  input: { conversationId: string; rubricId: string },
  ipAddress: string | null = null,
): Promise<StartResult> {
  if (!hasPermission(actor.permissions, "score:qa-review:own")) {
    return { ok: false, status: 403, error: "notInspector" };
  }
  const conversation = await db.conversation.findUnique({
    where: { id: input.conversationId },
    select: { id: true, channel: true, primaryAgentId: true, agents: { select: { userId: true } } },
  });
  if (!conversation) return { ok: false, status: 404, error: "conversationNotFound" };
  if (conversation.agents.some((agent) => agent.userId === actor.id) || conversation.primaryAgentId === actor.id) {
    return { ok: false, status: 403, error: "ownConversation" };
  }
  if (!conversation.primaryAgentId) return { ok: false, status: 400, error: "noAgent" };
  const agentId = conversation.primaryAgentId;

  const rubric = await db.rubric.findUnique({
    where: { id: input.rubricId },
    select: {
      status: true,
      versions: { orderBy: { version: "desc" }, take: 1, select: { id: true, channels: true } },
    },
  });
  const version = rubric?.versions[0];
  if (!rubric || rubric.status !== "active" || !version) return { ok: false, status: 400, error: "rubricNotActive" };
  if (version.channels.length > 0 && !version.channels.includes(conversation.channel)) {
    return { ok: false, status: 400, error: "rubricNotForChannel" };
  }

  return db.$transaction(async (tx) => {
    // Serialise starts on one conversation so two clicks cannot create two reviews.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`review-start:${conversation.id}`}))`;
    const existing = await tx.review.findFirst({
      where: { conversationId: conversation.id, agentId, kind: "regular", status: { not: "cancelled" } },
      select: { id: true },
    });
    if (existing) return { ok: false, status: 409, error: "alreadyReviewed", reviewId: existing.id } as const;
    const review = await tx.review.create({
      data: {
        kind: "regular",
        conversationId: conversation.id,
        agentId,
        inspectorId: actor.id,
        rubricVersionId: version.id,
        status: "assigned",
      },
      select: { id: true },
    });
    await recordAudit(
      {
        actorId: actor.id,
        action: "qa-review.start",
        entityType: "review",
        entityId: review.id,
        after: { conversationId: conversation.id, agentId, rubricVersionId: version.id },
        ipAddress,
      },
      tx,
    );
    return { ok: true, reviewId: review.id } as const;
  });
}
