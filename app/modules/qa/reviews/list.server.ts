import { auditRange } from "~/modules/admin/audit-filters";
import { scopedReviewWhere, type ReviewReadScope } from "~/modules/qa/reviews/access.server";
import type { ReviewFilter } from "~/modules/qa/reviews/review-filters";
import { db, type Prisma } from "~/utils/db.server";

/** The drill-down filter as a query: every figure in the reports links here with these parameters. */
export function reviewListWhere(filter: ReviewFilter, scope: ReviewReadScope, timeZone: string) {
  const and: Prisma.ReviewWhereInput[] = [scopedReviewWhere(scope)];
  if (filter.agent) and.push({ agentId: filter.agent });
  if (filter.team) and.push({ agent: { teamId: filter.team } });
  if (filter.inspector) and.push({ inspectorId: filter.inspector });
  if (filter.rubric) and.push({ rubricVersion: { rubricId: filter.rubric } });
  if (filter.criterion) {
    and.push({
      scores: { some: { criterion: { key: filter.criterion }, ...(filter.failed ? { failed: true } : {}) } },
    });
  } else if (filter.failed) {
    and.push({ passed: false });
  }
  if (filter.critical) and.push({ criticalFailed: true });
  if (filter.from || filter.to) {
    const { from, to } = auditRange({ from: filter.from || undefined, to: filter.to || undefined }, timeZone);
    and.push({ submittedAt: { ...(from ? { gte: from } : {}), ...(to ? { lt: to } : {}) } });
  }
  if (filter.status) and.push({ status: filter.status });
  return { AND: and } satisfies Prisma.ReviewWhereInput;
}

export async function listReviews(
  viewerId: string,
  filter: ReviewFilter,
  scope: ReviewReadScope,
  timeZone: string,
  page: number,
  pageSize: number,
) {
  const where = reviewListWhere(filter, scope, timeZone);
  const [rows, total, stats] = await Promise.all([
    db.review.findMany({
      where,
      orderBy: [{ submittedAt: { sort: "desc", nulls: "last" } }, { createdAt: "desc" }, { id: "asc" }],
      skip: (page - 1) * pageSize,
      take: pageSize,
      select: {
        id: true,
        status: true,
        inspectorId: true,
        score: true,
        passed: true,
        criticalFailed: true,
        submittedAt: true,
        dueAt: true,
        conversation: { select: { externalId: true, channel: true } },
        agent: { select: { name: true, externalId: true, team: { select: { name: true } } } },
        inspector: { select: { name: true } },
        rubricVersion: { select: { rubric: { select: { name: true } } } },
        _count: { select: { disputes: true } },
      },
    }),
    db.review.count({ where }),
    db.review.aggregate({
      where: { AND: [where, { status: "submitted" }] },
      _count: { _all: true },
      _avg: { score: true },
    }),
  ]);
  const passed = await db.review.count({ where: { AND: [where, { status: "submitted", passed: true }] } });
  return {
    total,
    summary: {
      submitted: stats._count._all,
      averageScore: stats._avg.score === null ? null : Math.round(stats._avg.score * 10) / 10,
      passRate: stats._count._all > 0 ? passed / stats._count._all : null,
    },
    rows: rows.map((row) => ({
      id: row.id,
      status: row.status,
      isMine: row.inspectorId === viewerId,
      score: row.score,
      passed: row.passed,
      criticalFailed: row.criticalFailed,
      submittedAt: row.submittedAt?.toISOString() ?? null,
      dueAt: row.dueAt?.toISOString() ?? null,
      conversation: row.conversation,
      agent: row.agent ? { name: row.agent.name, externalId: row.agent.externalId } : null,
      team: row.agent?.team?.name ?? null,
      inspector: row.inspector.name,
      rubric: row.rubricVersion.rubric.name,
      disputes: row._count.disputes,
    })),
  };
}

/** Choices for the filter form, limited to what the viewer may see. */
export async function reviewFilterOptions(scope: ReviewReadScope, rubricId: string) {
  const teamWhere: Prisma.TeamWhereInput = scope.kind === "any" ? {} : { id: { in: scope.teamIds } };
  const [teams, agents, inspectors, rubrics, criteria] = await Promise.all([
    db.team.findMany({ where: teamWhere, orderBy: { code: "asc" }, select: { id: true, name: true } }),
    db.user.findMany({
      where: {
        roles: { some: { role: "agent" } },
        ...(scope.kind === "any" ? {} : { teamId: { in: scope.teamIds } }),
      },
      orderBy: { externalId: "asc" },
      take: 500,
      select: { id: true, name: true, externalId: true },
    }),
    db.user.findMany({
      where: { roles: { some: { role: { in: ["qa_inspector", "qa_lead"] } } } },
      orderBy: { externalId: "asc" },
      select: { id: true, name: true, externalId: true },
    }),
    db.rubric.findMany({
      where: { status: { not: "draft" } },
      orderBy: { name: "asc" },
      select: { id: true, name: true },
    }),
    db.rubricCriterion.findMany({
      where: rubricId ? { version: { rubricId } } : {},
      distinct: ["key"],
      orderBy: [{ key: "asc" }, { version: { version: "desc" } }],
      select: { key: true, name: true },
    }),
  ]);
  return { teams, agents, inspectors, rubrics, criteria };
}
