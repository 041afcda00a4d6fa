/**
 * QA report figures, aggregated in SQL over submitted regular reviews (calibration reviews never count).
 * A review belongs to its agent's team. Team leads pass the teams they lead as `scopeTeamIds`; null = everything.
 */
import { accessLevel, type Permission } from "~/modules/identity/permissions";
import { env } from "~/utils/env.server";
import { db, Prisma } from "~/utils/db.server";
import { addDays, bucketLabel, bucketStarts, sqlUtcTimestamp, startOfLocalDay, weeksInRange } from "./dates";
import type { AgentSort, ReportFilter } from "./filters";
import { mean, pooledMean, rate } from "./rates";

export type ReportScope = { teamIds: string[] | null };

function timeZone() {
  return env().APP_TIME_ZONE;
}

/** WHERE clause shared by every figure; expects aliases r (Review), u (agent), c (Conversation), v (RubricVersion). */
function reviewWhere(filter: ReportFilter, scope: ReportScope): Prisma.Sql {
  const tz = timeZone();
  const start = startOfLocalDay(filter.from, tz);
  const end = startOfLocalDay(addDays(filter.to, 1), tz);
  const conditions: Prisma.Sql[] = [
    Prisma.sql`r."kind" = 'regular'`,
    Prisma.sql`r."status" = 'submitted'`,
    Prisma.sql`r."submittedAt" >= ${sqlUtcTimestamp(start)}::timestamp`,
    Prisma.sql`r."submittedAt" < ${sqlUtcTimestamp(end)}::timestamp`,
  ];
  if (scope.teamIds !== null) {
    conditions.push(
      scope.teamIds.length > 0 ? Prisma.sql`u."teamId" IN (${Prisma.join(scope.teamIds)})` : Prisma.sql`FALSE`,
    );
  }
  if (filter.teamId) conditions.push(Prisma.sql`u."teamId" = ${filter.teamId}`);
  if (filter.rubricId) conditions.push(Prisma.sql`v."rubricId" = ${filter.rubricId}`);
  if (filter.channel) conditions.push(Prisma.sql`c."channel"::text = ${filter.channel}`);
  return Prisma.join(conditions, " AND ");
}

const REVIEW_JOINS = Prisma.sql`
  FROM "Review" r
  JOIN "User" u ON u."id" = r."agentId"
  JOIN "Conversation" c ON c."id" = r."conversationId"
  JOIN "RubricVersion" v ON v."id" = r."rubricVersionId"`;

/** The local calendar bucket of a review's submission. submittedAt is a UTC timestamp without zone. */
function bucketExpression(filter: ReportFilter) {
  const unit = Prisma.raw(filter.granularity === "month" ? "'month'" : "'week'");
  return Prisma.sql`to_char(date_trunc(${unit}, (r."submittedAt" AT TIME ZONE 'UTC') AT TIME ZONE ${timeZone()}), 'YYYY-MM-DD')`;
}

export type Summary = {
  reviews: number;
  averageScore: number | null;
  passRate: number | null;
  redLines: number;
  agents: number;
};

export async function reportSummary(filter: ReportFilter, scope: ReportScope): Promise<Summary> {
  const [row] = await db.$queryRaw<
    { reviews: number; scoreSum: number | null; passed: number; redLines: number; agents: number }[]
  >`SELECT COUNT(*)::int AS "reviews", SUM(r."score")::float8 AS "scoreSum",
      COUNT(*) FILTER (WHERE r."passed")::int AS "passed",
      COUNT(*) FILTER (WHERE r."criticalFailed")::int AS "redLines",
      COUNT(DISTINCT r."agentId")::int AS "agents"
    ${REVIEW_JOINS} WHERE ${reviewWhere(filter, scope)}`;
  const reviews = row?.reviews ?? 0;
  return {
    reviews,
    averageScore: mean(row?.scoreSum ?? 0, reviews),
    passRate: rate(row?.passed ?? 0, reviews),
    redLines: row?.redLines ?? 0,
    agents: row?.agents ?? 0,
  };
}

export type TrendPoint = {
  bucket: string;
  label: string;
  reviews: number;
  overall: number | null;
  redLines: number;
  /** Average score per team id (absent when the team had no review in the bucket). */
  teams: Record<string, number>;
};

/** Average score per bucket, overall and per team, plus red-line counts; every bucket of the range is present. */
export async function scoreTrend(filter: ReportFilter, scope: ReportScope): Promise<TrendPoint[]> {
  const rows = await db.$queryRaw<
    { bucket: string; teamId: string | null; reviews: number; scoreSum: number; redLines: number }[]
  >`SELECT ${bucketExpression(filter)} AS "bucket", u."teamId" AS "teamId", COUNT(*)::int AS "reviews",
      COALESCE(SUM(r."score"), 0)::float8 AS "scoreSum",
      COUNT(*) FILTER (WHERE r."criticalFailed")::int AS "redLines"
    ${REVIEW_JOINS} WHERE ${reviewWhere(filter, scope)}
    GROUP BY 1, 2 ORDER BY 1`;
  return bucketStarts(filter.from, filter.to, filter.granularity).map((bucket) => {
    const inBucket = rows.filter((row) => row.bucket === bucket);
    const teams: Record<string, number> = {};
    for (const row of inBucket) if (row.teamId) teams[row.teamId] = mean(row.scoreSum, row.reviews) ?? 0;
    return {
      bucket,
      label: bucketLabel(bucket, filter.granularity),
      reviews: inBucket.reduce((sum, row) => sum + row.reviews, 0),
      overall: pooledMean(inBucket.map((row) => ({ mean: mean(row.scoreSum, row.reviews), count: row.reviews }))),
      redLines: inBucket.reduce((sum, row) => sum + row.redLines, 0),
      teams,
    };
  });
}

export type AgentRow = {
  agentId: string;
  name: string;
  externalId: string;
  teamName: string | null;
  reviews: number;
  averageScore: number | null;
  passRate: number | null;
  redLines: number;
};

const AGENT_ORDER: Record<AgentSort, string> = {
  name: `u."name"`,
  reviews: `"reviews"`,
  score: `AVG(r."score")`,
  passRate: `COUNT(*) FILTER (WHERE r."passed")::float8 / COUNT(*)`,
  redLines: `"redLines"`,
};

export async function agentTable(
  filter: ReportFilter,
  scope: ReportScope,
  options: { sort: AgentSort; dir: "asc" | "desc"; page?: number; pageSize?: number },
): Promise<{ rows: AgentRow[]; total: number }> {
  const where = reviewWhere(filter, scope);
  const order = Prisma.raw(`${AGENT_ORDER[options.sort]} ${options.dir === "asc" ? "ASC" : "DESC"} NULLS LAST`);
  const paging =
    options.page && options.pageSize
      ? Prisma.sql`LIMIT ${options.pageSize} OFFSET ${(options.page - 1) * options.pageSize}`
      : Prisma.empty;
  const [rows, totals] = await Promise.all([
    db.$queryRaw<
      {
        agentId: string;
        name: string;
        externalId: string;
        teamName: string | null;
        reviews: number;
        scoreSum: number;
        passed: number;
        redLines: number;
      }[]
    >`SELECT r."agentId" AS "agentId", u."name" AS "name", u."externalId" AS "externalId", t."name" AS "teamName",
        COUNT(*)::int AS "reviews", COALESCE(SUM(r."score"), 0)::float8 AS "scoreSum",
        COUNT(*) FILTER (WHERE r."passed")::int AS "passed",
        COUNT(*) FILTER (WHERE r."criticalFailed")::int AS "redLines"
      ${REVIEW_JOINS} LEFT JOIN "Team" t ON t."id" = u."teamId"
      WHERE ${where}
      GROUP BY r."agentId", u."name", u."externalId", t."name"
      ORDER BY ${order}, u."externalId" ASC ${paging}`,
    db.$queryRaw<
      { total: number }[]
    >`SELECT COUNT(DISTINCT r."agentId")::int AS "total" ${REVIEW_JOINS} WHERE ${where}`,
  ]);
  return {
    total: totals[0]?.total ?? 0,
    rows: rows.map((row) => ({
      agentId: row.agentId,
      name: row.name,
      externalId: row.externalId,
      teamName: row.teamName,
      reviews: row.reviews,
      averageScore: mean(row.scoreSum, row.reviews),
      passRate: rate(row.passed, row.reviews),
      redLines: row.redLines,
    })),
  };
}

export type TeamRow = {
  teamId: string | null;
  teamName: string | null;
  agents: number;
  reviews: number;
  averageScore: number | null;
  passRate: number | null;
  redLines: number;
};

export async function teamTable(filter: ReportFilter, scope: ReportScope): Promise<TeamRow[]> {
  const rows = await db.$queryRaw<
    {
      teamId: string | null;
      teamName: string | null;
      agents: number;
      reviews: number;
      scoreSum: number;
      passed: number;
      redLines: number;
    }[]
  >`SELECT u."teamId" AS "teamId", t."name" AS "teamName", COUNT(DISTINCT r."agentId")::int AS "agents",
      COUNT(*)::int AS "reviews", COALESCE(SUM(r."score"), 0)::float8 AS "scoreSum",
      COUNT(*) FILTER (WHERE r."passed")::int AS "passed",
      COUNT(*) FILTER (WHERE r."criticalFailed")::int AS "redLines"
    ${REVIEW_JOINS} LEFT JOIN "Team" t ON t."id" = u."teamId"
    WHERE ${reviewWhere(filter, scope)}
    GROUP BY u."teamId", t."name" ORDER BY t."name" ASC NULLS LAST`;
  return rows.map((row) => ({
    teamId: row.teamId,
    teamName: row.teamName,
    agents: row.agents,
    reviews: row.reviews,
    averageScore: mean(row.scoreSum, row.reviews),
    passRate: rate(row.passed, row.reviews),
    redLines: row.redLines,
  }));
}

export type CriterionRow = {
  key: string;
  name: string;
  critical: boolean;
  /** Reviews that rated the criterion (N/A excluded). */
  rated: number;
  failed: number;
  /** Average fraction 0–1 of the scale. */
  averageScore: number | null;
  failRate: number | null;
};

/** Per criterion key (stable across rubric versions); the name is the one used in the latest review. */
export async function criterionTable(filter: ReportFilter, scope: ReportScope): Promise<CriterionRow[]> {
  const rows = await db.$queryRaw<
    { key: string; name: string; critical: boolean; rated: number; failed: number; scoreSum: number }[]
  >`SELECT k."key" AS "key", (ARRAY_AGG(k."name" ORDER BY r."submittedAt" DESC))[1] AS "name",
      BOOL_OR(k."critical") AS "critical",
      COUNT(s."score")::int AS "rated",
      COUNT(*) FILTER (WHERE s."failed")::int AS "failed",
      COALESCE(SUM(s."score"), 0)::float8 AS "scoreSum"
    ${REVIEW_JOINS}
    JOIN "ReviewScore" s ON s."reviewId" = r."id"
    JOIN "RubricCriterion" k ON k."id" = s."criterionId"
    WHERE ${reviewWhere(filter, scope)} AND k."bonus" = FALSE
    GROUP BY k."key" ORDER BY k."key"`;
  return rows.map((row) => ({
    key: row.key,
    name: row.name,
    critical: row.critical,
    rated: row.rated,
    failed: row.failed,
    averageScore: mean(row.scoreSum, row.rated),
    failRate: rate(row.failed, row.rated),
  }));
}

/** The criteria failed most often, most failures first (ties: higher fail rate, then key). */
export function mostFailed(criteria: CriterionRow[], limit = 10): CriterionRow[] {
  return criteria
    .filter((row) => row.failed > 0)
    .sort((a, b) => b.failed - a.failed || (b.failRate ?? 0) - (a.failRate ?? 0) || a.key.localeCompare(b.key))
    .slice(0, limit);
}

export type RedLineRow = {
  reviewId: string;
  submittedAt: string;
  agentId: string;
  agentName: string;
  agentExternalId: string;
  teamName: string | null;
  inspectorName: string;
  criteria: string[];
};

export async function redLineIncidents(
  filter: ReportFilter,
  scope: ReportScope,
  limit: number | null = 20,
): Promise<RedLineRow[]> {
  const rows = await db.$queryRaw<
    {
      reviewId: string;
      submittedAt: Date;
      agentId: string;
      agentName: string;
      agentExternalId: string;
      teamName: string | null;
      inspectorName: string;
      criteria: string[] | null;
    }[]
  >`SELECT r."id" AS "reviewId", r."submittedAt" AS "submittedAt", r."agentId" AS "agentId",
      u."name" AS "agentName", u."externalId" AS "agentExternalId", t."name" AS "teamName",
      i."name" AS "inspectorName",
      ARRAY(SELECT k."name" FROM "ReviewScore" s JOIN "RubricCriterion" k ON k."id" = s."criterionId"
            WHERE s."reviewId" = r."id" AND s."failed" AND k."critical" ORDER BY k."position") AS "criteria"
    ${REVIEW_JOINS}
    JOIN "User" i ON i."id" = r."inspectorId"
    LEFT JOIN "Team" t ON t."id" = u."teamId"
    WHERE ${reviewWhere(filter, scope)} AND r."criticalFailed"
    ORDER BY r."submittedAt" DESC ${limit === null ? Prisma.empty : Prisma.sql`LIMIT ${limit}`}`;
  return rows.map((row) => ({ ...row, submittedAt: row.submittedAt.toISOString(), criteria: row.criteria ?? [] }));
}

export type InspectorRow = {
  inspectorId: string;
  name: string;
  externalId: string;
  reviews: number;
  perWeek: number;
  averageScore: number | null;
  averageGradingSeconds: number | null;
};

export async function inspectorTable(filter: ReportFilter, scope: ReportScope): Promise<InspectorRow[]> {
  const rows = await db.$queryRaw<
    {
      inspectorId: string;
      name: string;
      externalId: string;
      reviews: number;
      scoreSum: number;
      timed: number;
      gradingSum: number;
    }[]
  >`SELECT r."inspectorId" AS "inspectorId", i."name" AS "name", i."externalId" AS "externalId",
      COUNT(*)::int AS "reviews", COALESCE(SUM(r."score"), 0)::float8 AS "scoreSum",
      COUNT(r."gradingSeconds")::int AS "timed", COALESCE(SUM(r."gradingSeconds"), 0)::float8 AS "gradingSum"
    ${REVIEW_JOINS}
    JOIN "User" i ON i."id" = r."inspectorId"
    WHERE ${reviewWhere(filter, scope)}
    GROUP BY r."inspectorId", i."name", i."externalId"
    ORDER BY "reviews" DESC, i."externalId" ASC`;
  const weeks = weeksInRange(filter.from, filter.to);
  return rows.map((row) => ({
    inspectorId: row.inspectorId,
    name: row.name,
    externalId: row.externalId,
    reviews: row.reviews,
    perWeek: row.reviews / weeks,
    averageScore: mean(row.scoreSum, row.reviews),
    averageGradingSeconds: mean(row.gradingSum, row.timed),
  }));
}

/** Filter choices: the teams the viewer may see, rubrics, in name order. */
export async function reportFilterOptions(scope: ReportScope) {
  const [teams, rubrics] = await Promise.all([
    db.team.findMany({
      where: scope.teamIds === null ? {} : { id: { in: scope.teamIds } },
      orderBy: { name: "asc" },
      select: { id: true, name: true },
    }),
    db.rubric.findMany({
      where: { status: { not: "draft" } },
      orderBy: { name: "asc" },
      select: { id: true, name: true },
    }),
  ]);
  return { teams, rubrics };
}

/** Team leads see the teams they lead; holders of read:qa-report:any see everything. */
export function reportScope(user: { permissions: ReadonlySet<Permission>; ledTeamIds: string[] }): ReportScope {
  return { teamIds: accessLevel(user.permissions, "read", "qa-report") === "any" ? null : user.ledTeamIds };
}
