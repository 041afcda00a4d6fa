/**
 * The conversation browser: filtered, paginated lists and the access rule for one conversation. People with
 * read:conversation:any see every conversation; team leads (read:conversation:team) only their team's.
 */
import { accessLevel } from "~/modules/identity/permissions";
import type { SessionUser } from "~/modules/identity/session.server";
import { maskText } from "~/modules/qa/masking";
import { getQaSettings } from "~/modules/qa/settings.server";
import { db, type Prisma } from "~/utils/db.server";
import { env } from "~/utils/env.server";
import { notFound } from "~/utils/http.server";
import type { ConversationFilter } from "./import/conversation-filter";
import { parseTimestamp } from "./import/timestamps";

type Viewer = Pick<SessionUser, "permissions" | "teamId" | "ledTeamIds">;

/** Teams the viewer may see, or null for all. */
export function visibleTeamIds(viewer: Viewer): string[] | null {
  if (accessLevel(viewer.permissions, "read", "conversation") === "any") return null;
  return [...new Set([viewer.teamId, ...viewer.ledTeamIds].filter((id): id is string => Boolean(id)))];
}

function scopeWhere(viewer: Viewer): Prisma.ConversationWhereInput {
  const teams = visibleTeamIds(viewer);
  return teams === null ? {} : { teamId: { in: teams } };
}

function dayStart(day: string, timeZone: string, offsetDays = 0) {
  const date = parseTimestamp(`${day}T00:00:00`, timeZone)!;
  return new Date(date.getTime() + offsetDays * 86_400_000);
}

export function conversationWhere(filter: ConversationFilter, viewer: Viewer): Prisma.ConversationWhereInput {
  const timeZone = env().APP_TIME_ZONE;
  const and: Prisma.ConversationWhereInput[] = [scopeWhere(viewer)];
  if (filter.q) and.push({ externalId: { contains: filter.q, mode: "insensitive" } });
  if (filter.team) and.push({ teamId: filter.team });
  if (filter.agent) and.push({ agents: { some: { userId: filter.agent } } });
  if (filter.channel) and.push({ channel: filter.channel });
  if (filter.from) and.push({ startedAt: { gte: dayStart(filter.from, timeZone) } });
  if (filter.to) and.push({ startedAt: { lt: dayStart(filter.to, timeZone, 1) } });
  if (filter.tag) and.push({ tags: { has: filter.tag } });
  if (filter.csatMax) and.push({ csat: { lte: filter.csatMax } });
  if (filter.complaint) and.push({ complaint: true });
  if (filter.minMessages) and.push({ messageCount: { gte: filter.minMessages } });
  return { AND: and };
}

export async function listConversations(filter: ConversationFilter, viewer: Viewer, page: number, pageSize: number) {
  const where = conversationWhere(filter, viewer);
  const [rows, total, settings] = await Promise.all([
    db.conversation.findMany({
      where,
      orderBy: [{ startedAt: "desc" }, { id: "desc" }],
      skip: (page - 1) * pageSize,
      take: pageSize,
      select: {
        id: true,
        externalId: true,
        channel: true,
        startedAt: true,
        customerRef: true,
        csat: true,
        complaint: true,
        tags: true,
        messageCount: true,
        handlingSeconds: true,
        firstResponseSeconds: true,
        primaryAgent: { select: { name: true, externalId: true } },
        team: { select: { name: true } },
        _count: { select: { reviews: { where: { kind: "regular", status: { not: "cancelled" } } } } },
      },
    }),
    db.conversation.count({ where }),
    getQaSettings(),
  ]);
  return {
    total,
    rows: rows.map(({ _count, customerRef, ...row }) => ({
      ...row,
      customerRef: settings.maskPersonalData ? maskText(customerRef) : customerRef,
      reviewCount: _count.reviews,
    })),
  };
}

/** Teams, agents and tags for the filter form, limited to what the viewer may see. */
export async function conversationFilterOptions(viewer: Viewer) {
  const teams = visibleTeamIds(viewer);
  const [teamRows, agents, tagRows] = await Promise.all([
    db.team.findMany({
      where: teams === null ? {} : { id: { in: teams } },
      orderBy: { name: "asc" },
      select: { id: true, name: true },
    }),
    db.user.findMany({
      where: {
        roles: { some: { role: "agent" } },
        ...(teams === null ? {} : { teamId: { in: teams } }),
      },
      orderBy: { externalId: "asc" },
      select: { id: true, name: true, externalId: true },
    }),
    teams === null
      ? db.$queryRaw<{ tag: string }[]>`
          SELECT DISTINCT tag FROM (SELECT unnest(tags) AS tag FROM "Conversation" ORDER BY "startedAt" DESC LIMIT 20000) t
          ORDER BY tag LIMIT 200`
      : db.$queryRaw<{ tag: string }[]>`
          SELECT DISTINCT tag FROM (SELECT unnest(tags) AS tag FROM "Conversation" WHERE "teamId" = ANY(${teams})
            ORDER BY "startedAt" DESC LIMIT 20000) t
          ORDER BY tag LIMIT 200`,
  ]);
  return { teams: teamRows, agents, tags: tagRows.map((row) => row.tag) };
}

/** 404 unless the viewer may open this conversation (a team lead asking for another team's gets the same 404). */
export async function requireConversationAccess(conversationId: string, viewer: Viewer) {
  const conversation = await db.conversation.findFirst({
    where: { id: conversationId, ...scopeWhere(viewer) },
    select: { id: true, externalId: true },
  });
  if (!conversation) notFound("conversation not found");
  return conversation;
}

/** Regular reviews of a conversation (calibration scores stay blind until their session releases them). */
export async function conversationReviews(conversationId: string) {
  return db.review.findMany({
    where: { conversationId, kind: "regular" },
    orderBy: { createdAt: "desc" },
    select: {
      id: true,
      status: true,
      score: true,
      passed: true,
      criticalFailed: true,
      submittedAt: true,
      dueAt: true,
      inspector: { select: { name: true } },
      agent: { select: { name: true } },
      rubricVersion: { select: { version: true, rubric: { select: { name: true } } } },
    },
  });
}
