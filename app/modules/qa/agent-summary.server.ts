import { env } from "~/utils/env.server";
import { db } from "~/utils/db.server";

export interface AgentQaSummary {
  monthReviews: number;
  monthAverage: number | null;
  monthPassRate: number | null;
  latest: { id: string; score: number | null; passed: boolean | null; submittedAt: string } | null;
  unacknowledged: number;
  openCoaching: number;
}

/** The agent's own QA figures for the home page: this calendar month in the organisation's time zone. */
export async function agentQaSummary(agentId: string): Promise<AgentQaSummary> {
  const timeZone = env().APP_TIME_ZONE;
  const [month, latest, unacknowledged, openCoaching] = await Promise.all([
    db.$queryRaw<{ reviews: bigint; average: number | null; passed: bigint }[]>`
      SELECT count(*) AS reviews, avg(score)::float8 AS average, count(*) FILTER (WHERE passed) AS passed
      FROM "Review"
      WHERE "agentId" = ${agentId} AND kind = 'regular' AND status = 'submitted'
        AND "submittedAt" >= (date_trunc('month', now() AT TIME ZONE ${timeZone}) AT TIME ZONE ${timeZone})`,
    db.review.findFirst({
      where: { agentId, kind: "regular", status: "submitted" },
      orderBy: { submittedAt: "desc" },
      select: { id: true, score: true, passed: true, submittedAt: true },
    }),
    db.review.count({ where: { agentId, kind: "regular", status: "submitted", acknowledgedAt: null } }),
    db.coachingTask.count({ where: { agentId, status: "open" } }),
  ]);
  const reviews = Number(month[0]?.reviews ?? 0);
  return {
    monthReviews: reviews,
    monthAverage: month[0]?.average ?? null,
    monthPassRate: reviews > 0 ? Number(month[0]!.passed) / reviews : null,
    latest: latest?.submittedAt
      ? { id: latest.id, score: latest.score, passed: latest.passed, submittedAt: latest.submittedAt.toISOString() }
      : null,
    unacknowledged,
    openCoaching,
  };
}
