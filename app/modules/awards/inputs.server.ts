/**
 * Reads everything an award computation needs for one period, for the whole population at once: one grouped
 * query per kind of fact (subjects, KPI snapshots, QA reviews, earlier wins), never a query per person.
 */
import { periodBounds, periodStartDate, shiftPeriod, type KpiPeriod } from "~/modules/kpi/periods";
import { tenureMonths } from "~/modules/org/tenure";
import { db, Prisma } from "~/utils/db.server";
import { appliesToTeam, type KpiObservation, type MetricSpec } from "./composite";
import type { Direction } from "./normalise";
import type { PipelineRules, SubjectInput, SubjectKind } from "./pipeline";

/** The snapshot metrics eligibility reads, whatever the programme weighs. */
export const CONVERSATIONS_METRIC = "conversations_handled";
export const RED_LINE_METRIC = "red_line_incidents";

const PERIOD_MONTHS = { month: 1, quarter: 3, year: 12 } as const;

export type ProgramForRules = {
  subjectKind: SubjectKind;
  kind: "composite" | "improvement";
  normalisation: "percentile" | "zscore";
  zClip: number;
  priorStrength: number;
  minConversations: number;
  minQaReviews: number;
  excludeRedLine: boolean;
  minTenureMonths: number;
  cooldownPeriods: number | null;
  tieBreakers: string[];
  metrics: { kpiKey: string; weight: number; position: number }[];
};

export class MissingKpiError extends Error {
  constructor(public readonly keys: string[]) {
    super(`KPI definitions not found: ${keys.join(", ")}`);
  }
}

/**
 * The programme as the pure pipeline takes it: each KPI with its snapshot metric and direction from its
 * definition. Tie-breaker KPIs outside the composite ride along with weight 0 (their shrunk values are needed to
 * break ties; they add nothing to the score).
 */
export async function pipelineRules(program: ProgramForRules): Promise<PipelineRules> {
  const weighted = [...program.metrics].sort((a, b) => a.position - b.position || (a.kpiKey < b.kpiKey ? -1 : 1));
  const keys = [...new Set([...weighted.map((metric) => metric.kpiKey), ...program.tieBreakers])];
  const definitions = await db.kpiDefinition.findMany({
    where: { key: { in: keys } },
    select: { key: true, metric: true, direction: true, teams: { select: { teamId: true } } },
  });
  const byKey = new Map(definitions.map((definition) => [definition.key, definition]));
  const missing = keys.filter((key) => !byKey.has(key));
  if (missing.length > 0) throw new MissingKpiError(missing);
  const spec = (kpiKey: string, weight: number): MetricSpec => {
    const definition = byKey.get(kpiKey)!;
    const teamIds = definition.teams.map((team) => team.teamId).sort();
    return {
      kpiKey,
      metric: definition.metric,
      direction: definition.direction as Direction,
      weight,
      ...(teamIds.length > 0 ? { teamIds } : {}),
    };
  };
  const metrics = weighted.map((metric) => spec(metric.kpiKey, metric.weight));
  for (const key of program.tieBreakers)
    if (!metrics.some((metric) => metric.kpiKey === key)) metrics.push(spec(key, 0));
  return {
    subjectKind: program.subjectKind,
    kind: program.kind,
    normalisation: program.normalisation,
    zClip: program.zClip,
    priorStrength: program.priorStrength,
    minConversations: program.minConversations,
    minQaReviews: program.minQaReviews,
    excludeRedLine: program.excludeRedLine,
    minTenureMonths: program.minTenureMonths,
    cooldownPeriods: program.cooldownPeriods,
    metrics,
    tieBreakers: program.tieBreakers.map((kpiKey) => ({
      kpiKey,
      direction: byKey.get(kpiKey)!.direction as Direction,
    })),
  };
}

type SnapshotRow = { subjectId: string; metric: string; value: number | null; sampleSize: number };

async function snapshotsOf(period: KpiPeriod, subjectKind: "agent" | "team", metrics: string[]) {
  const rows = await db.$queryRaw<SnapshotRow[]>`
    SELECT s."subjectId" AS "subjectId", s."metric" AS "metric", s."value" AS "value", s."sampleSize" AS "sampleSize"
    FROM "KpiSnapshot" s
    WHERE s."periodKind" = ${period.kind}::"KpiPeriodKind" AND s."periodStart" = ${period.start}::date
      AND s."subjectKind" = ${subjectKind}::"KpiSubjectKind" AND s."metric" IN (${Prisma.join(metrics)})`;
  const bySubject = new Map<string, Map<string, KpiObservation>>();
  for (const row of rows) {
    let entry = bySubject.get(row.subjectId);
    if (!entry) bySubject.set(row.subjectId, (entry = new Map()));
    entry.set(row.metric, { value: row.value === null ? null : Number(row.value), sample: Number(row.sampleSize) });
  }
  return bySubject;
}

/** Submitted regular reviews and critical failures of the period, per agent or per (current) team. */
async function reviewFacts(period: KpiPeriod, subjectKind: SubjectKind, timeZone: string) {
  const { from, to } = periodBounds(period, timeZone);
  const rows =
    subjectKind === "individual"
      ? await db.$queryRaw<{ subjectId: string; reviews: number; critical: number }[]>`
          SELECT r."agentId" AS "subjectId", COUNT(*)::int AS "reviews",
            (COUNT(*) FILTER (WHERE r."criticalFailed"))::int AS "critical"
          FROM "Review" r
          WHERE r."kind" = 'regular' AND r."status" = 'submitted' AND r."submittedAt" >= ${from} AND r."submittedAt" < ${to}
          GROUP BY r."agentId"`
      : await db.$queryRaw<{ subjectId: string; reviews: number; critical: number }[]>`
          SELECT u."teamId" AS "subjectId", COUNT(*)::int AS "reviews",
            (COUNT(*) FILTER (WHERE r."criticalFailed"))::int AS "critical"
          FROM "Review" r JOIN "User" u ON u."id" = r."agentId"
          WHERE r."kind" = 'regular' AND r."status" = 'submitted' AND r."submittedAt" >= ${from} AND r."submittedAt" < ${to}
            AND u."teamId" IS NOT NULL
          GROUP BY u."teamId"`;
  return new Map(rows.map((row) => [row.subjectId, { reviews: Number(row.reviews), critical: Number(row.critical) }]));
}

/** Periods since each subject's latest win of the programme in a published or closed cycle before this period. */
async function periodsSinceWins(programId: string | null, period: KpiPeriod) {
  const result = new Map<string, number>();
  if (!programId) return result;
  const rows = await db.$queryRaw<{ subjectId: string; latest: Date }[]>`
    SELECT c."subjectId" AS "subjectId", MAX(y."periodStart") AS "latest"
    FROM "AwardCandidate" c JOIN "AwardCycle" y ON y."id" = c."cycleId"
    WHERE y."programId" = ${programId} AND y."status" IN ('published', 'closed') AND c."winner"
      AND y."periodStart" < ${period.start}::date
    GROUP BY c."subjectId"`;
  const [year, month] = period.start.split("-").map(Number) as [number, number];
  for (const row of rows) {
    const latest = new Date(row.latest);
    const months = (year - latest.getUTCFullYear()) * 12 + (month - 1 - latest.getUTCMonth());
    result.set(row.subjectId, Math.max(1, Math.ceil(months / PERIOD_MONTHS[period.kind])));
  }
  return result;
}

/** The last calendar day of the period as a UTC-midnight date, for whole-month tenure. */
function lastDayOf(period: KpiPeriod): Date {
  return new Date(periodStartDate(shiftPeriod(period, 1)).getTime() - 86_400_000);
}

type SubjectRow = { id: string; code: string; teamId: string | null; hireDate: Date | null };

async function subjectsOf(
  period: KpiPeriod,
  subjectKind: SubjectKind,
  teamIds: string[] | null,
): Promise<SubjectRow[]> {
  if (subjectKind === "team") {
    const teams = await db.team.findMany({
      where: teamIds ? { id: { in: teamIds } } : {},
      select: { id: true, code: true },
    });
    return teams.map((team) => ({ id: team.id, code: team.code, teamId: team.id, hireDate: null }));
  }
  // Agents who are active, and anyone with figures in the period (someone who left at the end of it still counts).
  return db.$queryRaw<SubjectRow[]>`
    SELECT u."id" AS "id", u."externalId" AS "code", u."teamId" AS "teamId", u."hireDate" AS "hireDate"
    FROM "User" u
    WHERE EXISTS (SELECT 1 FROM "UserRole" r WHERE r."userId" = u."id" AND r."role" = 'agent')
      AND (u."status" = 'active' OR EXISTS (
        SELECT 1 FROM "KpiSnapshot" s
        WHERE s."subjectKind" = 'agent' AND s."subjectId" = u."id" AND s."periodKind" = ${period.kind}::"KpiPeriodKind"
          AND s."periodStart" = ${period.start}::date))
      ${teamIds ? Prisma.sql`AND u."teamId" IN (${Prisma.join(teamIds.length > 0 ? teamIds : [""])})` : Prisma.empty}`;
}

const NO_VALUE: KpiObservation = { value: null, sample: 0 };

function observations(rules: PipelineRules, values: Map<string, KpiObservation> | undefined, teamId: string | null) {
  return Object.fromEntries(
    rules.metrics.map((metric) => [
      metric.kpiKey,
      appliesToTeam(metric, teamId) ? (values?.get(metric.metric) ?? NO_VALUE) : NO_VALUE,
    ]),
  );
}

/**
 * The population of a period with its facts and KPI values, ready for computeCandidates. `programId` finds the
 * earlier wins for the cooldown; `teamIds` narrows people to some teams (null = everyone).
 */
export async function loadSubjects(
  period: KpiPeriod,
  rules: PipelineRules,
  options: { programId: string | null; timeZone: string; teamIds?: string[] | null },
): Promise<SubjectInput[]> {
  const snapshotKind = rules.subjectKind === "team" ? "team" : "agent";
  const metricKeys = [...new Set([CONVERSATIONS_METRIC, RED_LINE_METRIC, ...rules.metrics.map((m) => m.metric)])];
  const previous = shiftPeriod(period, -1);
  const [subjects, snapshots, previousSnapshots, reviews, wins] = await Promise.all([
    subjectsOf(period, rules.subjectKind, options.teamIds ?? null),
    snapshotsOf(period, snapshotKind, metricKeys),
    rules.kind === "improvement"
      ? snapshotsOf(previous, snapshotKind, metricKeys)
      : Promise.resolve(new Map<string, Map<string, KpiObservation>>()),
    reviewFacts(period, rules.subjectKind, options.timeZone),
    periodsSinceWins(options.programId, period),
  ]);
  const lastDay = lastDayOf(period);
  return subjects.map((subject) => {
    const values = snapshots.get(subject.id);
    const review = reviews.get(subject.id);
    const hireDate = subject.hireDate ? new Date(subject.hireDate) : null;
    const previousValues = previousSnapshots.get(subject.id);
    return {
      subjectId: subject.id,
      userId: rules.subjectKind === "individual" ? subject.id : null,
      teamId: subject.teamId,
      code: subject.code,
      hireDate: hireDate ? hireDate.toISOString().slice(0, 10) : null,
      facts: {
        hasData: values !== undefined && values.size > 0,
        conversations: values?.get(CONVERSATIONS_METRIC)?.value ?? 0,
        qaReviews: review?.reviews ?? 0,
        redLineIncidents: values?.get(RED_LINE_METRIC)?.value ?? 0,
        criticalQaFailures: review?.critical ?? 0,
        tenureMonths: hireDate && hireDate <= lastDay ? tenureMonths(hireDate, lastDay) : null,
        periodsSinceLastWin: wins.get(subject.id) ?? null,
      },
      kpis: observations(rules, values, subject.teamId),
      previousKpis:
        rules.kind === "improvement" && previousValues ? observations(rules, previousValues, subject.teamId) : null,
    };
  });
}
