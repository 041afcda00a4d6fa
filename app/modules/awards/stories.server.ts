/**
 * Experience-sharing articles (经验分享) by winners: invited when the cycle is published, written and published by
 * the winner (a team award's lead), read by everyone from the honour roll once published.
 */
import { recordAudit } from "~/modules/audit/audit.server";
import { renderMarkdown } from "~/modules/training/markdown.server";
import { db } from "~/utils/db.server";

export type StoryInput = { title: string; body: string; publish: boolean };

export async function loadStory(candidateId: string, viewerId: string) {
  const winner = await db.awardCandidate.findFirst({
    where: { id: candidateId, winner: true, cycle: { status: { in: ["published", "closed"] } } },
    select: {
      id: true,
      subjectKind: true,
      citation: true,
      user: { select: { name: true } },
      team: { select: { name: true } },
      cycle: { select: { periodKind: true, periodStart: true, program: { select: { name: true } } } },
      story: {
        select: {
          authorId: true,
          title: true,
          body: true,
          publishedAt: true,
          updatedAt: true,
          invitedAt: true,
        },
      },
    },
  });
  if (!winner) return null;
  const story = winner.story;
  const isAuthor = story?.authorId === viewerId;
  return {
    id: winner.id,
    name: winner.subjectKind === "team" ? (winner.team?.name ?? "—") : (winner.user?.name ?? "—"),
    citation: winner.citation,
    program: winner.cycle.program.name,
    periodKind: winner.cycle.periodKind,
    periodStart: winner.cycle.periodStart.toISOString().slice(0, 10),
    isAuthor,
    story:
      story && (story.publishedAt || isAuthor)
        ? {
            title: story.title,
            body: isAuthor ? story.body : "",
            html: story.body ? renderMarkdown(story.body) : "",
            publishedAt: story.publishedAt?.toISOString() ?? null,
            updatedAt: story.updatedAt.toISOString(),
          }
        : null,
  };
}

export type SaveStoryResult =
  | { ok: true; published: boolean }
  | { ok: false; status: 403 | 404; reason: string }
  | { ok: false; status: 400; fieldErrors: Record<string, string[]> };

export async function saveStory(candidateId: string, authorId: string, input: StoryInput): Promise<SaveStoryResult> {
  const story = await db.awardStory.findUnique({
    where: { candidateId },
    select: { id: true, authorId: true, publishedAt: true, candidate: { select: { cycleId: true } } },
  });
  if (!story) return { ok: false, status: 404, reason: "no invitation for this award" };
  if (story.authorId !== authorId) return { ok: false, status: 403, reason: "only the winner writes this article" };
  if (input.publish && (!input.title.trim() || !input.body.trim())) {
    const fieldErrors: Record<string, string[]> = {};
    if (!input.title.trim()) fieldErrors.title = ["validation:required"];
    if (!input.body.trim()) fieldErrors.body = ["validation:required"];
    return { ok: false, status: 400, fieldErrors };
  }
  const publishedAt = input.publish ? (story.publishedAt ?? new Date()) : null;
  await db.$transaction(async (tx) => {
    await tx.awardStory.update({
      where: { id: story.id },
      data: { title: input.title.trim(), body: input.body, publishedAt },
    });
    if (Boolean(publishedAt) !== Boolean(story.publishedAt)) {
      await recordAudit(
        {
          actorId: authorId,
          action: publishedAt ? "award.story.publish" : "award.story.unpublish",
          entityType: "AwardCycle",
          entityId: story.candidate.cycleId,
          after: { candidateId, title: input.title.trim() },
        },
        tx,
      );
    }
  });
  return { ok: true, published: Boolean(publishedAt) };
}

/** Invitations waiting for the viewer (shown on the honour roll). */
export function pendingStoryInvitations(userId: string) {
  return db.awardStory.findMany({
    where: { authorId: userId, publishedAt: null },
    orderBy: { invitedAt: "desc" },
    take: 5,
    select: {
      candidateId: true,
      candidate: {
        select: { cycle: { select: { periodKind: true, periodStart: true, program: { select: { name: true } } } } },
      },
    },
  });
}
