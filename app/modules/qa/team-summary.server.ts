import { Prisma, db } from "~/utils/db.server";
import { env } from "~/utils/env.server";

export interface TeamQaSummary {
  /** First day of this month (YYYY-MM-DD), for links to the reviews behind the figures. */
  monthStart: string;
  reviews: number;
  average: number | null;
  passRate: number | null;
  redLines: number;
  openCoaching: number;
  openDisputes: number;
}

/**
 * QA figures this calendar month (organisation time zone) for the agents of the given teams, or for everyone when
 * `teamIds` is null. Reviews belong to the agent's current team, as in the QA reports, so the figures match them.
 */
export async function teamQaSummary(teamIds: string[] | null): Promise<TeamQaSummary> {
  const timeZone = env().APP_TIME_ZONE;
  const [{ month_start: monthStart }] = await db.$queryRaw<{ month_start: string }[]>`
    SELECT to_char(date_trunc('month', now() AT TIME ZONE ${timeZone}), 'YYYY-MM-DD') AS month_start`;
  if (teamIds && teamIds.length === 0) {
    return { monthStart, reviews: 0, average: null, passRate: null, redLines: 0, openCoaching: 0, openDisputes: 0 };
  }
  const teamFilter = teamIds ? Prisma.sql`AND u."teamId" IN (${Prisma.join(teamIds)})` : Prisma.empty;
  const agentScope = teamIds ? { agent: { teamId: { in: teamIds } } } : {};
  const [month, openCoaching, openDisputes] = await Promise.all([
    db.$queryRaw<{ reviews: bigint; average: number | null; passed: bigint; red_lines: bigint }[]>`
      SELECT count(*) AS reviews, avg(r.score)::float8 AS average,
             count(*) FILTER (WHERE r.passed) AS passed, count(*) FILTER (WHERE r."criticalFailed") AS red_lines
      FROM "Review" r JOIN "User" u ON u.id = r."agentId"
      WHERE r.kind = 'regular' AND r.status = 'submitted'
        AND r."submittedAt" >= (date_trunc('month', now() AT TIME ZONE ${timeZone}) AT TIME ZONE ${timeZone})
        ${teamFilter}`,
    db.coachingTask.count({ where: { status: "open", ...agentScope } }),
    db.dispute.count({ where: { status: { in: ["open", "escalated"] }, ...agentScope } }),
  ]);
  const reviews = Number(month[0]?.reviews ?? 0);
  return {
    monthStart,
    reviews,
    average: month[0]?.average ?? null,
    passRate: reviews > 0 ? Number(month[0]!.passed) / reviews : null,
    redLines: Number(month[0]?.red_lines ?? 0),
    openCoaching,
    openDisputes,
  };
}
