/**
 * Facts for the level evaluation, gathered for many people at once: one aggregate query per kind of fact and per
 * window (never a query per person). All windows end with the evaluated month: "the last 3 months" of November
 * are September, October and November, in the organisation's time zone.
 */
import { periodBounds, periodStartDate, shiftPeriod, type KpiPeriod } from "~/modules/kpi/periods";
import { tenureMonths } from "~/modules/org/tenure";
import { db, Prisma } from "~/utils/db.server";
import { DEFAULT_MONTHS, kpiFactKey, type CriterionSpec, type Direction, type PersonFacts } from "./criteria";

/** Which windows and keys the criteria ask for, so only those are queried. */
export function factNeeds(criteria: readonly CriterionSpec[]) {
  const qaWindows = new Set<number>();
  const redLineWindows = new Set<number>();
  const kpis = new Map<string, { kpiKey: string; months: number }>();
  const examSlugs = new Set<string>();
  let feedback = false;
  for (const criterion of criteria) {
    const months = criterion.months ?? DEFAULT_MONTHS;
    if (criterion.kind === "qa_average") qaWindows.add(months);
    if (criterion.kind === "no_red_line") redLineWindows.add(months);
    if (criterion.kind === "kpi" && criterion.kpiKey) {
      kpis.set(kpiFactKey(criterion.kpiKey, months), { kpiKey: criterion.kpiKey, months });
    }
    if (criterion.kind === "certificate" && criterion.examSlug) examSlugs.add(criterion.examSlug);
    if (criterion.kind === "feedback_score") feedback = true;
  }
  return { qaWindows, redLineWindows, kpis, examSlugs, feedback };
}

/** Start of the window of `months` months ending with `month`, and the end of `month` (exclusive). */
function windowBounds(month: KpiPeriod, months: number, timeZone: string) {
  return { from: periodBounds(shiftPeriod(month, -(months - 1)), timeZone).from, to: periodBounds(month, timeZone).to };
}

/** The last calendar day of the month as a @db.Date-style UTC midnight, for whole-month tenure. */
function lastDayOf(month: KpiPeriod): Date {
  const next = periodStartDate(shiftPeriod(month, 1));
  return new Date(next.getTime() - 86_400_000);
}

export async function gatherFacts(
  userIds: readonly string[],
  month: KpiPeriod,
  criteria: readonly CriterionSpec[],
  timeZone: string,
): Promise<Map<string, PersonFacts>> {
  const facts = new Map<string, PersonFacts>();
  if (userIds.length === 0) return facts;
  const ids = Prisma.join([...userIds]);
  const needs = factNeeds(criteria);
  const asOf = periodBounds(month, timeZone).to;
  const lastDay = lastDayOf(month);

  const users = await db.user.findMany({ where: { id: { in: [...userIds] } }, select: { id: true, hireDate: true } });
  for (const user of users) {
    facts.set(user.id, {
      tenureMonths: user.hireDate && user.hireDate <= lastDay ? tenureMonths(user.hireDate, lastDay) : null,
      certificates: [],
      qaAverage: {},
      kpi: {},
      feedbackScore: null,
      redLines: {},
    });
  }
  const mutable = (userId: string) =>
    facts.get(userId) as PersonFacts & {
      certificates: string[];
      qaAverage: Record<number, number | null>;
      kpi: Record<string, { value: number | null; direction: Direction }>;
      redLines: Record<number, number>;
    };

  const tasks: Promise<void>[] = [];
  if (needs.examSlugs.size > 0) {
    tasks.push(
      db.$queryRaw<{ userId: string; slug: string }[]>`
        SELECT DISTINCT c."userId" AS "userId", e."slug" AS "slug"
        FROM "Certificate" c JOIN "Exam" e ON e."id" = c."examId"
        WHERE c."userId" IN (${ids}) AND e."slug" IN (${Prisma.join([...needs.examSlugs])})
          AND c."issuedAt" < ${asOf}
          AND (c."revokedAt" IS NULL OR c."revokedAt" >= ${asOf})
          AND (c."expiresAt" IS NULL OR c."expiresAt" >= ${asOf})`.then((rows) => {
        for (const row of rows) mutable(row.userId)?.certificates.push(row.slug);
      }),
    );
  }
  const reviewWindows = new Set([...needs.qaWindows, ...needs.redLineWindows]);
  for (const months of reviewWindows) {
    const { from, to } = windowBounds(month, months, timeZone);
    tasks.push(
      db.$queryRaw<{ agentId: string; average: number | null; redLines: number }[]>`
        SELECT r."agentId" AS "agentId", AVG(r."score")::float8 AS "average",
          (COUNT(*) FILTER (WHERE r."criticalFailed"))::int AS "redLines"
        FROM "Review" r
        WHERE r."agentId" IN (${ids}) AND r."kind" = 'regular' AND r."status" = 'submitted'
          AND r."submittedAt" >= ${from} AND r."submittedAt" < ${to}
        GROUP BY r."agentId"`.then((rows) => {
        const byAgent = new Map(rows.map((row) => [row.agentId, row]));
        for (const userId of facts.keys()) {
          const row = byAgent.get(userId);
          const person = mutable(userId);
          if (needs.qaWindows.has(months)) person.qaAverage[months] = row?.average ?? null;
          // No reviewed conversation in the window means no red-line incident in it.
          if (needs.redLineWindows.has(months)) person.redLines[months] = row?.redLines ?? 0;
        }
      }),
    );
  }
  if (needs.kpis.size > 0) {
    const keys = [...new Set([...needs.kpis.values()].map((entry) => entry.kpiKey))];
    const definitions = await db.kpiDefinition.findMany({
      where: { key: { in: keys } },
      select: { key: true, metric: true, direction: true },
    });
    const byKey = new Map(definitions.map((definition) => [definition.key, definition]));
    for (const [factKey, { kpiKey, months }] of needs.kpis) {
      const definition = byKey.get(kpiKey);
      if (!definition) continue;
      const fromMonth = periodStartDate(shiftPeriod(month, -(months - 1)));
      tasks.push(
        db.$queryRaw<{ subjectId: string; average: number }[]>`
          SELECT s."subjectId" AS "subjectId", AVG(s."value")::float8 AS "average"
          FROM "KpiSnapshot" s
          WHERE s."subjectKind" = 'agent' AND s."periodKind" = 'month' AND s."metric" = ${definition.metric}
            AND s."subjectId" IN (${ids}) AND s."value" IS NOT NULL
            AND s."periodStart" >= ${fromMonth}::date AND s."periodStart" <= ${periodStartDate(month)}::date
          GROUP BY s."subjectId"`.then((rows) => {
          const byUser = new Map(rows.map((row) => [row.subjectId, row.average]));
          for (const userId of facts.keys()) {
            mutable(userId).kpi[factKey] = { value: byUser.get(userId) ?? null, direction: definition.direction };
          }
        }),
      );
    }
  }
  if (needs.feedback) {
    tasks.push(
      db.$queryRaw<{ userId: string; overallScore: number | null }[]>`
        SELECT DISTINCT ON (s."userId") s."userId" AS "userId", s."overallScore" AS "overallScore"
        FROM "FeedbackSubject" s JOIN "FeedbackCycle" c ON c."id" = s."cycleId"
        WHERE s."userId" IN (${ids}) AND c."status" = 'closed' AND c."closedAt" < ${asOf}
        ORDER BY s."userId", c."closedAt" DESC`.then((rows) => {
        for (const row of rows) mutable(row.userId).feedbackScore = row.overallScore;
      }),
    );
  }
  await Promise.all(tasks);
  return facts;
}
