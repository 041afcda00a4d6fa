import { dayRange, weekRange } from "~/modules/qa/reviews/calendar";
import { db, type Prisma } from "~/utils/db.server";

const OPEN_STATUSES = ["assigned", "draft"] as const;

/** An inspector's open assignments: regular and calibration reviews not yet submitted or cancelled. */
export function openAssignmentsWhere(inspectorId: string): Prisma.ReviewWhereInput {
  return { inspectorId, status: { in: [...OPEN_STATUSES] } };
}

// Earliest due first puts overdue items on top; reviews without a due date (ad-hoc) come last.
const QUEUE_ORDER: Prisma.ReviewOrderByWithRelationInput[] = [
  { dueAt: { sort: "asc", nulls: "last" } },
  { createdAt: "asc" },
  { id: "asc" },
];

export async function queueCounts(inspectorId: string, now: Date, timeZone: string) {
  const where = openAssignmentsWhere(inspectorId);
  const today = dayRange(now, timeZone);
  const [open, dueToday, overdue, drafts] = await Promise.all([
    db.review.count({ where }),
    db.review.count({ where: { ...where, dueAt: { gte: now, lt: today.end } } }),
    db.review.count({ where: { ...where, dueAt: { lt: now } } }),
    db.review.count({ where: { ...where, status: "draft" } }),
  ]);
  return { open, dueToday, overdue, drafts };
}

export async function listQueue(inspectorId: string, page: number, pageSize: number) {
  const where = openAssignmentsWhere(inspectorId);
  const [rows, total] = await Promise.all([
    db.review.findMany({
      where,
      orderBy: QUEUE_ORDER,
      skip: (page - 1) * pageSize,
      take: pageSize,
      select: {
        id: true,
        kind: true,
        status: true,
        dueAt: true,
        createdAt: true,
        conversation: {
          select: {
            externalId: true,
            channel: true,
            startedAt: true,
            messageCount: true,
            team: { select: { name: true } },
          },
        },
        agent: { select: { name: true, externalId: true, team: { select: { name: true } } } },
        rubricVersion: { select: { version: true, rubric: { select: { name: true } } } },
        calibrationSession: { select: { title: true, deadline: true } },
      },
    }),
    db.review.count({ where }),
  ]);
  return {
    total,
    rows: rows.map((row) => ({
      id: row.id,
      kind: row.kind,
      status: row.status,
      // A calibration review is due when its session closes.
      dueAt: (row.dueAt ?? row.calibrationSession?.deadline ?? null)?.toISOString() ?? null,
      conversation: {
        externalId: row.conversation.externalId,
        channel: row.conversation.channel,
        startedAt: row.conversation.startedAt.toISOString(),
        messageCount: row.conversation.messageCount,
      },
      agent: row.agent ? { name: row.agent.name, externalId: row.agent.externalId } : null,
      team: row.agent?.team?.name ?? row.conversation.team?.name ?? null,
      rubric: row.rubricVersion.rubric.name,
      rubricVersion: row.rubricVersion.version,
      calibrationTitle: row.calibrationSession?.title ?? null,
    })),
  };
}

/** The next open assignment after submitting one: where the workbench goes next. */
export async function nextInQueue(inspectorId: string, excludeId: string): Promise<string | null> {
  const next = await db.review.findFirst({
    where: { ...openAssignmentsWhere(inspectorId), id: { not: excludeId } },
    orderBy: QUEUE_ORDER,
    select: { id: true },
  });
  return next?.id ?? null;
}

/** Figures for the QA home: this week's throughput, grading time, disputes and calibration sessions waiting. */
export async function qaHomeSummary(userId: string, now: Date, timeZone: string) {
  const week = weekRange(now, timeZone);
  const [counts, weekStats, disputesWaiting, calibrations, upcoming] = await Promise.all([
    queueCounts(userId, now, timeZone),
    db.review.aggregate({
      where: { inspectorId: userId, status: "submitted", submittedAt: { gte: week.start, lt: week.end } },
      _count: { _all: true },
      _avg: { gradingSeconds: true, score: true },
    }),
    db.dispute.count({ where: { handlerId: userId, status: { in: ["open", "escalated"] } } }),
    db.calibrationParticipant.findMany({
      where: { userId, session: { status: "open" } },
      orderBy: { session: { deadline: "asc" } },
      take: 10,
      select: {
        submittedAt: true,
        session: {
          select: {
            id: true,
            title: true,
            deadline: true,
            _count: { select: { conversations: true } },
            reviews: { where: { inspectorId: userId, status: "submitted" }, select: { id: true } },
          },
        },
      },
    }),
    listQueue(userId, 1, 5),
  ]);
  return {
    counts,
    week: {
      submitted: weekStats._count._all,
      averageGradingSeconds: weekStats._avg.gradingSeconds === null ? null : Math.round(weekStats._avg.gradingSeconds),
      averageScore: weekStats._avg.score === null ? null : Math.round(weekStats._avg.score * 10) / 10,
    },
    disputesWaiting,
    calibrations: calibrations.map(({ submittedAt, session }) => ({
      id: session.id,
      title: session.title,
      deadline: session.deadline.toISOString(),
      conversations: session._count.conversations,
      scored: session.reviews.length,
      done: submittedAt !== null,
    })),
    upcoming: upcoming.rows,
  };
}
