/** The rater's side: pending and submitted requests, the rating form, drafts and submission. */
import { db, Prisma } from "~/utils/db.server";
import { conflict, notFound } from "~/utils/http.server";
import { readScaleLabels } from "./templates";
import { readDraft, type RatingDraft } from "./rating";

export async function myPendingRequests(userId: string) {
  const rows = await db.feedbackRequest.findMany({
    where: { raterId: userId, status: "pending", subject: { cycle: { status: "open" } } },
    orderBy: [{ subject: { cycle: { dueAt: "asc" } } }, { group: "asc" }, { createdAt: "asc" }],
    take: 100,
    select: {
      id: true,
      group: true,
      draft: true,
      subject: {
        select: { user: { select: { name: true, externalId: true } }, cycle: { select: { name: true, dueAt: true } } },
      },
    },
  });
  return rows.map((row) => ({
    id: row.id,
    group: row.group,
    hasDraft: row.draft !== null,
    subject: row.subject.user.name,
    subjectExternalId: row.subject.user.externalId,
    cycle: row.subject.cycle.name,
    dueAt: row.subject.cycle.dueAt,
  }));
}

export async function mySubmittedRequests(userId: string, page: number, pageSize: number) {
  const where = { raterId: userId, status: "submitted" as const };
  const [rows, total] = await Promise.all([
    db.feedbackRequest.findMany({
      where,
      orderBy: { submittedAt: "desc" },
      skip: (page - 1) * pageSize,
      take: pageSize,
      select: {
        id: true,
        group: true,
        submittedAt: true,
        subject: { select: { user: { select: { name: true } }, cycle: { select: { name: true } } } },
      },
    }),
    db.feedbackRequest.count({ where }),
  ]);
  return {
    total,
    rows: rows.map((row) => ({
      id: row.id,
      group: row.group,
      submittedAt: row.submittedAt,
      subject: row.subject.user.name,
      cycle: row.subject.cycle.name,
    })),
  };
}

/** Own subjects: reports of closed cycles, and cycles where the person nominates peers. */
export async function myFeedbackSubjects(userId: string) {
  const rows = await db.feedbackSubject.findMany({
    where: { userId, cycle: { status: { in: ["draft", "open", "closed"] } } },
    orderBy: { cycle: { periodEnd: "desc" } },
    take: 24,
    select: {
      id: true,
      overallScore: true,
      acknowledgedAt: true,
      cycle: {
        select: { name: true, status: true, periodStart: true, periodEnd: true, peerSelection: true, closedAt: true },
      },
      _count: { select: { requests: { where: { group: "peer" } } } },
    },
  });
  return rows.map((row) => ({
    id: row.id,
    cycle: row.cycle.name,
    status: row.cycle.status,
    periodStart: row.cycle.periodStart,
    periodEnd: row.cycle.periodEnd,
    closedAt: row.cycle.closedAt,
    overallScore: row.cycle.status === "closed" ? row.overallScore : null,
    acknowledged: row.acknowledgedAt !== null,
    nominatesPeers: row.cycle.status !== "closed" && row.cycle.peerSelection === "subject",
    peers: row._count.requests,
  }));
}

/** Only the rater may open a request (404 for anyone else); not before the cycle opens, not after it closes. */
async function ownRequest(requestId: string, userId: string) {
  const request = await db.feedbackRequest.findUnique({
    where: { id: requestId },
    select: {
      id: true,
      raterId: true,
      group: true,
      status: true,
      comment: true,
      draft: true,
      submittedAt: true,
      ratings: { select: { competencyId: true, score: true } },
      subject: {
        select: {
          user: { select: { name: true, externalId: true } },
          cycle: {
            select: {
              id: true,
              name: true,
              status: true,
              dueAt: true,
              allowComments: true,
              competencies: {
                orderBy: { position: "asc" },
                select: { id: true, name: true, description: true, scaleLabels: true },
              },
            },
          },
        },
      },
    },
  });
  if (!request || request.raterId !== userId || request.subject.cycle.status === "draft")
    notFound("feedback request not found");
  return request;
}

export async function loadRequestForm(requestId: string, userId: string) {
  const request = await ownRequest(requestId, userId);
  const cycle = request.subject.cycle;
  if (cycle.status === "closed" && request.status !== "submitted") conflict("the cycle is closed");
  const submitted = request.status === "submitted";
  const values: RatingDraft = submitted
    ? {
        scores: Object.fromEntries(request.ratings.map((rating) => [rating.competencyId, rating.score])),
        comment: request.comment ?? "",
      }
    : readDraft(request.draft);
  return {
    id: request.id,
    group: request.group,
    submitted,
    submittedAt: request.submittedAt,
    subject: request.subject.user.name,
    subjectExternalId: request.subject.user.externalId,
    cycle: { name: cycle.name, dueAt: cycle.dueAt, allowComments: cycle.allowComments },
    competencies: cycle.competencies.map((competency) => ({
      id: competency.id,
      name: competency.name,
      description: competency.description,
      scale: readScaleLabels(competency.scaleLabels),
    })),
    values,
  };
}

export async function requestContext(requestId: string, userId: string) {
  const request = await ownRequest(requestId, userId);
  if (request.subject.cycle.status !== "open") conflict("the cycle is closed");
  if (request.status !== "pending") conflict("already submitted");
  return {
    competencyIds: request.subject.cycle.competencies.map((competency) => competency.id),
    allowComments: request.subject.cycle.allowComments,
  };
}

function cleanScores(scores: Record<string, number | undefined>) {
  return Object.fromEntries(
    Object.entries(scores).filter((entry): entry is [string, number] => entry[1] !== undefined),
  );
}

export async function saveDraft(
  requestId: string,
  userId: string,
  value: { scores: Record<string, number | undefined>; comment?: string },
) {
  const draft: RatingDraft = { scores: cleanScores(value.scores), comment: value.comment ?? "" };
  const saved = await db.feedbackRequest.updateMany({
    where: { id: requestId, raterId: userId, status: "pending", subject: { cycle: { status: "open" } } },
    data: { draft: draft as unknown as Prisma.InputJsonValue },
  });
  if (saved.count === 0) conflict("the request can no longer be changed");
}

export async function submitRating(
  requestId: string,
  userId: string,
  value: { scores: Record<string, number | undefined>; comment?: string },
) {
  const scores = cleanScores(value.scores);
  await db.$transaction(async (tx) => {
    const claimed = await tx.feedbackRequest.updateMany({
      where: { id: requestId, raterId: userId, status: "pending", subject: { cycle: { status: "open" } } },
      data: {
        status: "submitted",
        submittedAt: new Date(),
        draft: Prisma.DbNull,
        comment: value.comment?.trim() || null,
      },
    });
    if (claimed.count === 0) conflict("the request can no longer be changed");
    await tx.feedbackRating.createMany({
      data: Object.entries(scores).map(([competencyId, score]) => ({ requestId, competencyId, score })),
    });
  });
}
