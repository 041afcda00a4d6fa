import { Prisma } from "~/utils/db.server";
import type { GroupAggregate, RaterGroup } from "./scoring";

type Client = Pick<Prisma.TransactionClient, "$queryRaw">;

/**
 * Per subject and group: submitted responses, and Σ score / number of ratings per competency — aggregated in
 * SQL over submitted requests only. Rater ids never leave this query.
 */
export async function loadSubjectAggregates(
  client: Client,
  where: { cycleId: string } | { subjectIds: string[] },
): Promise<Map<string, GroupAggregate[]>> {
  const filter =
    "cycleId" in where
      ? Prisma.sql`s."cycleId" = ${where.cycleId}`
      : where.subjectIds.length
        ? Prisma.sql`s."id" IN (${Prisma.join(where.subjectIds)})`
        : Prisma.sql`FALSE`;
  const [responses, totals] = await Promise.all([
    client.$queryRaw<{ subjectId: string; group: RaterGroup; responses: bigint }[]>`
      SELECT r."subjectId" AS "subjectId", r."group" AS "group", COUNT(*) AS "responses"
      FROM "FeedbackRequest" r JOIN "FeedbackSubject" s ON s."id" = r."subjectId"
      WHERE ${filter} AND r."status" = 'submitted'
      GROUP BY r."subjectId", r."group"`,
    client.$queryRaw<{ subjectId: string; group: RaterGroup; competencyId: string; sum: bigint; count: bigint }[]>`
      SELECT r."subjectId" AS "subjectId", r."group" AS "group", fr."competencyId" AS "competencyId",
        SUM(fr."score") AS "sum", COUNT(*) AS "count"
      FROM "FeedbackRating" fr
        JOIN "FeedbackRequest" r ON r."id" = fr."requestId"
        JOIN "FeedbackSubject" s ON s."id" = r."subjectId"
      WHERE ${filter} AND r."status" = 'submitted'
      GROUP BY r."subjectId", r."group", fr."competencyId"`,
  ]);
  const result = new Map<string, Map<RaterGroup, GroupAggregate>>();
  for (const row of responses) {
    const groups = result.get(row.subjectId) ?? new Map();
    groups.set(row.group, { group: row.group, responses: Number(row.responses), totals: {} });
    result.set(row.subjectId, groups);
  }
  for (const row of totals) {
    const aggregate = result.get(row.subjectId)?.get(row.group);
    if (aggregate) aggregate.totals[row.competencyId] = { sum: Number(row.sum), count: Number(row.count) };
  }
  return new Map([...result.entries()].map(([subjectId, groups]) => [subjectId, [...groups.values()]]));
}
