import { z } from "zod";
import { db, type Prisma } from "~/utils/db.server";
import { DISPUTE_STATUSES, isOverdue, OPEN_DISPUTE_STATUSES } from "./dispute-rules";

export const DisputeListFilterSchema = z.object({
  scope: z.enum(["mine", "all"]).catch("mine"),
  status: z.enum(DISPUTE_STATUSES).optional().catch(undefined),
  inspector: z.string().trim().min(1).max(64).optional().catch(undefined),
  team: z.string().trim().min(1).max(64).optional().catch(undefined),
  overdue: z.literal("1").optional().catch(undefined),
});
export type DisputeListFilter = z.infer<typeof DisputeListFilterSchema>;

export function readDisputeListFilter(url: URL, canArbitrate: boolean): DisputeListFilter {
  const filter = DisputeListFilterSchema.parse(Object.fromEntries(url.searchParams));
  // Only arbitrators see every dispute; everyone else sees what waits for them.
  if (!canArbitrate) return { scope: "mine" };
  if (filter.scope === "mine") return { scope: "mine", overdue: filter.overdue };
  return filter;
}

function whereFor(filter: DisputeListFilter, viewerId: string, now: Date): Prisma.DisputeWhereInput {
  const open = { in: [...OPEN_DISPUTE_STATUSES] };
  const overdue = filter.overdue ? { status: open, dueAt: { lt: now } } : {};
  if (filter.scope === "mine") return { handlerId: viewerId, status: open, ...overdue };
  return {
    ...(filter.status ? { status: filter.status } : {}),
    ...(filter.inspector || filter.team
      ? {
          review: { ...(filter.inspector ? { inspectorId: filter.inspector } : {}) },
          ...(filter.team ? { agent: { teamId: filter.team } } : {}),
        }
      : {}),
    ...overdue,
  };
}

export async function listDisputes(
  viewerId: string,
  filter: DisputeListFilter,
  options: { page: number; pageSize: number },
  now = new Date(),
) {
  const where = whereFor(filter, viewerId, now);
  const [rows, total] = await Promise.all([
    db.dispute.findMany({
      where,
      orderBy: filter.scope === "mine" ? [{ dueAt: "asc" }, { id: "asc" }] : [{ createdAt: "desc" }, { id: "asc" }],
      skip: (options.page - 1) * options.pageSize,
      take: options.pageSize,
      select: {
        id: true,
        status: true,
        createdAt: true,
        dueAt: true,
        scoreBefore: true,
        scoreAfter: true,
        escalatedAt: true,
        agent: { select: { name: true, externalId: true, team: { select: { name: true } } } },
        handler: { select: { name: true } },
        review: {
          select: {
            inspector: { select: { name: true } },
            conversation: { select: { externalId: true } },
            rubricVersion: { select: { rubric: { select: { name: true } } } },
          },
        },
        _count: { select: { items: true } },
      },
    }),
    db.dispute.count({ where }),
  ]);
  return {
    total,
    rows: rows.map((row) => ({
      id: row.id,
      status: row.status,
      createdAt: row.createdAt.toISOString(),
      dueAt: row.dueAt.toISOString(),
      overdue: isOverdue(row, now),
      escalated: row.escalatedAt !== null,
      scoreBefore: row.scoreBefore,
      scoreAfter: row.scoreAfter,
      agentName: row.agent.name,
      agentExternalId: row.agent.externalId,
      team: row.agent.team?.name ?? null,
      inspector: row.review.inspector.name,
      handler: row.handler?.name ?? null,
      conversation: row.review.conversation.externalId,
      rubric: row.review.rubricVersion.rubric.name,
      items: row._count.items,
    })),
  };
}

/** Inspectors and teams for the arbitrators' filters. */
export async function disputeFilterOptions() {
  const [inspectors, teams] = await Promise.all([
    db.user.findMany({
      where: { roles: { some: { role: { in: ["qa_inspector", "qa_lead"] } } } },
      orderBy: { name: "asc" },
      select: { id: true, name: true },
    }),
    db.team.findMany({ orderBy: { name: "asc" }, select: { id: true, name: true } }),
  ]);
  return { inspectors, teams };
}
