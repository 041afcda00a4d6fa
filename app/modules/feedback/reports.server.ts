/**
 * Reports: what the subject, their lead and managers see once the cycle has closed. Everything here is built
 * from SQL aggregates and the comment texts of shown groups; no query in this file selects a rater id.
 */
import { db, Prisma } from "~/utils/db.server";
import { conflict, notFound } from "~/utils/http.server";
import { loadSubjectAggregates } from "./aggregates.server";
import { inScope, type TeamScope } from "./cycles";
import {
  effectiveMinResponses,
  orderComments,
  readGroupWeights,
  round,
  scoreSubject,
  trendSeries,
  type RaterGroup,
} from "./scoring";

export type ReportViewer = { kind: "own"; userId: string } | { kind: "scope"; scope: TeamScope };

const TREND_CYCLES = 12;

function roundAll(values: Record<string, number>) {
  return Object.fromEntries(Object.entries(values).map(([id, value]) => [id, round(value)!]));
}

export async function loadReport(subjectId: string, viewer: ReportViewer) {
  const subject = await db.feedbackSubject.findUnique({
    where: { id: subjectId },
    select: {
      id: true,
      userId: true,
      acknowledgedAt: true,
      responseText: true,
      user: { select: { name: true, externalId: true, teamId: true, team: { select: { name: true } } } },
      cycle: {
        select: {
          id: true,
          name: true,
          status: true,
          periodStart: true,
          periodEnd: true,
          closedAt: true,
          minGroupResponses: true,
          groupWeights: true,
          competencies: {
            orderBy: { position: "asc" },
            select: { id: true, name: true, description: true, weight: true },
          },
        },
      },
    },
  });
  if (!subject) notFound("report not found");
  if (viewer.kind === "own" && subject.userId !== viewer.userId) notFound("report not found");
  if (viewer.kind === "scope" && !inScope(viewer.scope, subject.user.teamId)) notFound("report not found");
  if (subject.cycle.status !== "closed") conflict("the report opens when the cycle closes");

  const competencies = subject.cycle.competencies.map((competency) => ({
    id: competency.id,
    name: competency.name,
    description: competency.description,
    weight: Number(competency.weight),
  }));
  const aggregates = await loadSubjectAggregates(db, { subjectIds: [subject.id] });
  const weights = readGroupWeights(subject.cycle.groupWeights);
  const report = scoreSubject({
    competencies,
    groups: aggregates.get(subject.id) ?? [],
    weights,
    minResponses: subject.cycle.minGroupResponses,
  });
  const shown = report.groups.filter((group) => group.visible).map((group) => group.group);
  const comments = shown.length
    ? await db.$queryRaw<{ group: RaterGroup; text: string }[]>`
        SELECT r."group" AS "group", r."comment" AS "text"
        FROM "FeedbackRequest" r
        WHERE r."subjectId" = ${subject.id} AND r."status" = 'submitted' AND r."comment" IS NOT NULL
          AND r."comment" <> '' AND r."group"::text IN (${Prisma.join(shown)})
        ORDER BY r."comment"`
    : [];
  const history = await db.feedbackSubject.findMany({
    where: { userId: subject.userId, cycle: { status: "closed" } },
    orderBy: { cycle: { periodEnd: "desc" } },
    take: TREND_CYCLES,
    select: { overallScore: true, cycle: { select: { id: true, name: true, periodEnd: true } } },
  });
  return {
    subject: {
      id: subject.id,
      name: subject.user.name,
      externalId: subject.user.externalId,
      team: subject.user.team?.name ?? null,
      acknowledgedAt: subject.acknowledgedAt,
      responseText: subject.responseText,
    },
    cycle: {
      id: subject.cycle.id,
      name: subject.cycle.name,
      periodStart: subject.cycle.periodStart,
      periodEnd: subject.cycle.periodEnd,
      closedAt: subject.cycle.closedAt,
      minResponses: effectiveMinResponses(subject.cycle.minGroupResponses),
      weights,
    },
    competencies,
    groups: report.groups.map((group) => ({
      group: group.group,
      responses: group.responses,
      visible: group.visible,
      means: roundAll(group.means),
      score: round(group.score),
    })),
    overall: round(report.overall),
    others: roundAll(report.others),
    othersScore: round(report.othersScore),
    gap: roundAll(report.gap),
    gapScore: round(report.gapScore),
    comments: orderComments(comments).map((comment) => ({ group: comment.group, text: comment.text })),
    trend: trendSeries(
      history.map((row) => ({
        cycleId: row.cycle.id,
        name: row.cycle.name,
        periodEnd: row.cycle.periodEnd.toISOString().slice(0, 10),
        overall: round(row.overallScore),
      })),
    ).map((point) => ({ ...point, change: round(point.change) })),
  };
}

export async function listReports(
  scope: TeamScope,
  filter: { cycleId: string | null },
  page: number,
  pageSize: number,
) {
  const where: Prisma.FeedbackSubjectWhereInput = {
    cycle: { status: "closed", ...(filter.cycleId ? { id: filter.cycleId } : {}) },
    ...(scope.all ? {} : { user: { teamId: { in: scope.teamIds } } }),
  };
  const [rows, total, cycles] = await Promise.all([
    db.feedbackSubject.findMany({
      where,
      orderBy: [{ cycle: { periodEnd: "desc" } }, { user: { externalId: "asc" } }],
      skip: (page - 1) * pageSize,
      take: pageSize,
      select: {
        id: true,
        overallScore: true,
        acknowledgedAt: true,
        user: { select: { name: true, externalId: true, team: { select: { name: true } } } },
        cycle: { select: { name: true, periodEnd: true } },
      },
    }),
    db.feedbackSubject.count({ where }),
    db.feedbackCycle.findMany({
      where: { status: "closed" },
      orderBy: { periodEnd: "desc" },
      take: 50,
      select: { id: true, name: true },
    }),
  ]);
  return {
    total,
    cycles,
    rows: rows.map((row) => ({
      id: row.id,
      name: row.user.name,
      externalId: row.user.externalId,
      team: row.user.team?.name ?? null,
      cycle: row.cycle.name,
      overallScore: round(row.overallScore),
      acknowledged: row.acknowledgedAt !== null,
    })),
  };
}

/** The subject acknowledges the report (once) and may add or change a response. */
export async function acknowledgeReport(subjectId: string, userId: string, responseText: string | null) {
  const subject = await db.feedbackSubject.findUnique({
    where: { id: subjectId },
    select: { userId: true, acknowledgedAt: true, cycle: { select: { status: true } } },
  });
  if (!subject || subject.userId !== userId) notFound("report not found");
  if (subject.cycle.status !== "closed") conflict("the report opens when the cycle closes");
  await db.feedbackSubject.update({
    where: { id: subjectId },
    data: { acknowledgedAt: subject.acknowledgedAt ?? new Date(), responseText: responseText?.trim() || null },
  });
}
