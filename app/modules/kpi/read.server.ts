/**
 * What the KPI pages read: stored snapshots (KpiSnapshot) with the definitions and targets that give them a name,
 * a unit and a bar. Nothing here recomputes a metric; a period without a finished computation is "not computed".
 */
import type { SessionUser } from "~/modules/identity/session.server";
import { accessLevel } from "~/modules/identity/permissions";
import { db, Prisma } from "~/utils/db.server";
import type { KpiDisplayUnit } from "./format";
import { meetsTarget, type KpiDirectionValue } from "./metrics";
import { env } from "~/utils/env.server";
import { currentMonth, periodFromStartDate, periodKey, type KpiPeriod, type KpiPeriodKind } from "./periods";
import { resolveTarget, resolveTeamTarget, type TargetRow } from "./targets";

export type KpiScope = { teamIds: string[] | null };

/** Whose team KPIs a user may read: every team (read:kpi:any), the teams they lead (team), or none. */
export function kpiScope(user: Pick<SessionUser, "permissions" | "ledTeamIds">): KpiScope | null {
  const level = accessLevel(user.permissions, "read", "kpi");
  if (level === "any") return { teamIds: null };
  if (level === "team") return { teamIds: user.ledTeamIds };
  return null;
}

export function scopeAllowsTeam(scope: KpiScope, teamId: string) {
  return scope.teamIds === null || scope.teamIds.includes(teamId);
}

export type ReadDefinition = {
  id: string;
  key: string;
  metric: string;
  nameZh: string;
  nameEn: string;
  unit: KpiDisplayUnit;
  direction: KpiDirectionValue;
  description: string;
  targets: TargetRow[];
  /** Teams it applies to; empty = every team. */
  teamIds: string[];
};

/**
 * Active definitions in display order that apply to a team (no applies-to rows = every team); "every" gives all
 * active definitions (the overview across teams); null (no team) only those that apply to everyone.
 */
export async function activeDefinitionsFor(teamId: string | null | "every"): Promise<ReadDefinition[]> {
  const rows = await db.kpiDefinition.findMany({
    where: {
      active: true,
      ...(teamId === "every"
        ? {}
        : { OR: teamId ? [{ teams: { none: {} } }, { teams: { some: { teamId } } }] : [{ teams: { none: {} } }] }),
    },
    orderBy: [{ position: "asc" }, { key: "asc" }],
    select: {
      id: true,
      key: true,
      metric: true,
      nameZh: true,
      nameEn: true,
      unit: true,
      direction: true,
      description: true,
      targets: { select: { scope: true, value: true } },
      teams: { select: { teamId: true } },
    },
  });
  return rows.map(({ teams, ...row }) => ({
    ...row,
    teamIds: teams.map((team) => team.teamId),
    unit: row.unit as KpiDisplayUnit,
    targets: row.targets.map((target) => ({ scope: target.scope, value: Number(target.value) })),
  }));
}

function startDay(period: KpiPeriod) {
  return period.start;
}

/** Has a computation of this period finished? Without one, the page says "not computed" rather than 0. */
export async function isComputed(period: KpiPeriod): Promise<boolean> {
  const found = await db.kpiComputation.findFirst({
    where: { periodKind: period.kind, periodStart: new Date(`${period.start}T00:00:00Z`), finishedAt: { not: null } },
    select: { id: true },
  });
  return found !== null;
}

/** Periods of a kind that have a finished computation, newest first. */
export async function computedPeriods(kind: KpiPeriodKind, limit = 36): Promise<KpiPeriod[]> {
  const rows = await db.kpiComputation.findMany({
    where: { periodKind: kind, finishedAt: { not: null } },
    distinct: ["periodStart"],
    orderBy: { periodStart: "desc" },
    take: limit,
    select: { periodStart: true },
  });
  return rows.map((row) => periodFromStartDate(kind, row.periodStart));
}

/**
 * The newest computed month that has ended (a running month's numbers are partial), else the newest computed one.
 */
export async function latestComputedMonth(now = new Date()): Promise<KpiPeriod | null> {
  const running = currentMonth(now, env().APP_TIME_ZONE).start;
  const recent = await computedPeriods("month", 2);
  return recent.find((month) => month.start < running) ?? recent[0] ?? null;
}

type SnapshotValue = { metric: string; value: number | null; sampleSize: number };

async function subjectValues(
  kind: "agent" | "team",
  subjectId: string,
  period: KpiPeriod,
  metrics: string[],
): Promise<Map<string, SnapshotValue>> {
  if (metrics.length === 0) return new Map();
  const rows = await db.kpiSnapshot.findMany({
    where: {
      periodKind: period.kind,
      periodStart: new Date(`${startDay(period)}T00:00:00Z`),
      subjectKind: kind,
      subjectId,
      metric: { in: metrics },
    },
    select: { metric: true, value: true, sampleSize: true },
  });
  return new Map(rows.map((row) => [row.metric, row]));
}

/** Median over the team's agents' snapshot values of a period, per metric, in SQL. */
async function teamMedians(teamId: string, period: KpiPeriod, metrics: string[]): Promise<Map<string, number>> {
  if (metrics.length === 0) return new Map();
  const rows = await db.$queryRaw<{ metric: string; median: number | null }[]>(Prisma.sql`
    SELECT s."metric", percentile_cont(0.5) WITHIN GROUP (ORDER BY s."value") AS median
    FROM "KpiSnapshot" s
    JOIN "User" u ON u."id" = s."subjectId"
    WHERE s."periodKind" = ${period.kind}::"KpiPeriodKind"
      AND s."periodStart" = ${startDay(period)}::date
      AND s."subjectKind" = 'agent'
      AND s."metric" IN (${Prisma.join(metrics)})
      AND s."value" IS NOT NULL
      AND u."teamId" = ${teamId}
    GROUP BY s."metric"`);
  return new Map(rows.flatMap((row) => (row.median === null ? [] : [[row.metric, Number(row.median)] as const])));
}

export type KpiCardData = {
  definition: ReadDefinition;
  value: number | null;
  sampleSize: number;
  target: number | null;
  teamMedian: number | null;
  /** null when there is no value or no target to compare with. */
  met: boolean | null;
};

/** One person's KPIs of a period: value, target, team median, met or not. Null when the period is not computed. */
export async function personalKpis(
  person: { id: string; teamId: string | null; roles: readonly string[] },
  period: KpiPeriod,
): Promise<KpiCardData[] | null> {
  if (!(await isComputed(period))) return null;
  const definitions = await activeDefinitionsFor(person.teamId);
  const metrics = [...new Set(definitions.map((definition) => definition.metric))];
  const [values, medians] = await Promise.all([
    subjectValues("agent", person.id, period, metrics),
    person.teamId ? teamMedians(person.teamId, period, metrics) : Promise.resolve(new Map<string, number>()),
  ]);
  return definitions.map((definition) => {
    const snapshot = values.get(definition.metric);
    const value = snapshot?.value ?? null;
    const target = resolveTarget(definition.targets, person, definition.direction)?.value ?? null;
    return {
      definition,
      value,
      sampleSize: snapshot?.sampleSize ?? 0,
      target,
      teamMedian: medians.get(definition.metric) ?? null,
      met: value === null || target === null ? null : meetsTarget(value, target, definition.direction),
    };
  });
}

export type TrendPoint = { period: string; value: number | null; teamMedian: number | null; computed: boolean };

/**
 * Monthly values of one agent for the given months (oldest first) with the team median per month: two grouped
 * queries over the snapshot indexes whatever the number of months.
 */
export async function agentTrends(
  person: { id: string; teamId: string | null },
  months: KpiPeriod[],
  metrics: string[],
): Promise<Map<string, TrendPoint[]>> {
  const result = new Map<string, TrendPoint[]>();
  if (months.length === 0 || metrics.length === 0) return result;
  const first = months[0]!.start;
  const last = months[months.length - 1]!.start;
  const [own, medians, computations] = await Promise.all([
    db.$queryRaw<{ metric: string; day: string; value: number | null }[]>(Prisma.sql`
      SELECT s."metric", to_char(s."periodStart", 'YYYY-MM-DD') AS day, s."value"
      FROM "KpiSnapshot" s
      WHERE s."subjectKind" = 'agent' AND s."subjectId" = ${person.id}
        AND s."metric" IN (${Prisma.join(metrics)})
        AND s."periodKind" = 'month'
        AND s."periodStart" BETWEEN ${first}::date AND ${last}::date`),
    person.teamId
      ? db.$queryRaw<{ metric: string; day: string; median: number | null }[]>(Prisma.sql`
      SELECT s."metric", to_char(s."periodStart", 'YYYY-MM-DD') AS day,
        percentile_cont(0.5) WITHIN GROUP (ORDER BY s."value") AS median
      FROM "KpiSnapshot" s
      JOIN "User" u ON u."id" = s."subjectId"
      WHERE s."subjectKind" = 'agent' AND s."periodKind" = 'month'
        AND s."periodStart" BETWEEN ${first}::date AND ${last}::date
        AND s."metric" IN (${Prisma.join(metrics)})
        AND s."value" IS NOT NULL
        AND u."teamId" = ${person.teamId}
      GROUP BY s."metric", s."periodStart"`)
      : Promise.resolve([]),
    db.$queryRaw<{ day: string }[]>(Prisma.sql`
      SELECT DISTINCT to_char(c."periodStart", 'YYYY-MM-DD') AS day
      FROM "KpiComputation" c
      WHERE c."periodKind" = 'month' AND c."finishedAt" IS NOT NULL
        AND c."periodStart" BETWEEN ${first}::date AND ${last}::date`),
  ]);
  const computed = new Set(computations.map((row) => row.day));
  const ownBy = new Map(own.map((row) => [`${row.metric}|${row.day}`, row.value]));
  const medianBy = new Map(medians.map((row) => [`${row.metric}|${row.day}`, row.median]));
  for (const metric of metrics) {
    result.set(
      metric,
      months.map((month) => {
        const isDone = computed.has(month.start);
        const value = ownBy.get(`${metric}|${month.start}`);
        const median = medianBy.get(`${metric}|${month.start}`);
        return {
          period: periodKey(month),
          value: isDone && value !== undefined && value !== null ? Number(value) : null,
          teamMedian: isDone && median !== undefined && median !== null ? Number(median) : null,
          computed: isDone,
        };
      }),
    );
  }
  return result;
}

export type TableCell = { value: number | null; target: number | null; below: boolean };
export type TeamTableRow = { id: string; name: string; externalId: string | null; cells: Record<string, TableCell> };
export type TeamTableSort = { key: string; dir: "asc" | "desc" };

function cell(definition: ReadDefinition, value: number | null | undefined, target: number | null): TableCell {
  const actual = value ?? null;
  return {
    value: actual,
    target,
    below: actual !== null && target !== null && !meetsTarget(actual, target, definition.direction),
  };
}

/** Active agents of a team (members holding the agent role), sorted by name or by one definition's value. */
export async function teamTable(
  teamId: string,
  period: KpiPeriod,
  definitions: ReadDefinition[],
  sort: TeamTableSort,
  page: { page: number; pageSize: number },
) {
  const sortDefinition = definitions.find((definition) => definition.key === sort.key);
  const direction = sort.dir === "desc" ? Prisma.sql`DESC` : Prisma.sql`ASC`;
  const order = sortDefinition
    ? Prisma.sql`sort_value ${direction} NULLS LAST, u."name" ASC`
    : sort.key === "externalId"
      ? Prisma.sql`u."externalId" ${direction}`
      : Prisma.sql`u."name" ${direction}, u."externalId" ASC`;
  const members = Prisma.sql`
    FROM "User" u
    LEFT JOIN "KpiSnapshot" sv ON sv."subjectKind" = 'agent' AND sv."subjectId" = u."id"
      AND sv."periodKind" = ${period.kind}::"KpiPeriodKind" AND sv."periodStart" = ${period.start}::date
      AND sv."metric" = ${sortDefinition?.metric ?? ""}
    WHERE u."teamId" = ${teamId} AND u."status" = 'active'
      AND EXISTS (SELECT 1 FROM "UserRole" r WHERE r."userId" = u."id" AND r."role" = 'agent')`;
  const [people, [{ total } = { total: 0 }]] = await Promise.all([
    db.$queryRaw<{ id: string; name: string; externalId: string; sort_value: number | null }[]>(Prisma.sql`
      SELECT u."id", u."name", u."externalId", sv."value" AS sort_value ${members}
      ORDER BY ${order}
      LIMIT ${page.pageSize} OFFSET ${(page.page - 1) * page.pageSize}`),
    db.$queryRaw<{ total: number }[]>(Prisma.sql`SELECT count(*)::int AS total ${members}`),
  ]);
  const ids = people.map((person) => person.id);
  const metrics = [...new Set(definitions.map((definition) => definition.metric))];
  const [snapshots, roles, teamValues] = await Promise.all([
    ids.length > 0 && metrics.length > 0
      ? db.kpiSnapshot.findMany({
          where: {
            periodKind: period.kind,
            periodStart: new Date(`${period.start}T00:00:00Z`),
            subjectKind: "agent",
            subjectId: { in: ids },
            metric: { in: metrics },
          },
          select: { subjectId: true, metric: true, value: true },
        })
      : Promise.resolve([]),
    ids.length > 0
      ? db.userRole.findMany({ where: { userId: { in: ids } }, select: { userId: true, role: true } })
      : Promise.resolve([]),
    subjectValues("team", teamId, period, metrics),
  ]);
  const valueBy = new Map(snapshots.map((row) => [`${row.subjectId}|${row.metric}`, row.value]));
  const rolesBy = new Map<string, string[]>();
  for (const row of roles) rolesBy.set(row.userId, [...(rolesBy.get(row.userId) ?? []), row.role]);
  const rows: TeamTableRow[] = people.map((person) => ({
    id: person.id,
    name: person.name,
    externalId: person.externalId,
    cells: Object.fromEntries(
      definitions.map((definition) => {
        const target = resolveTarget(
          definition.targets,
          { teamId, roles: rolesBy.get(person.id) ?? [] },
          definition.direction,
        );
        return [
          definition.key,
          cell(definition, valueBy.get(`${person.id}|${definition.metric}`), target?.value ?? null),
        ];
      }),
    ),
  }));
  const teamRow = Object.fromEntries(
    definitions.map((definition) => [
      definition.key,
      cell(
        definition,
        teamValues.get(definition.metric)?.value,
        resolveTeamTarget(definition.targets, teamId)?.value ?? null,
      ),
    ]),
  );
  return { rows, total: Number(total), teamRow };
}

/** One row per team in scope with each definition's team value (the manager's overview). */
export async function teamsOverview(
  teams: { id: string; name: string }[],
  period: KpiPeriod,
  definitions: ReadDefinition[],
) {
  const metrics = [...new Set(definitions.map((definition) => definition.metric))];
  const snapshots =
    teams.length > 0 && metrics.length > 0
      ? await db.kpiSnapshot.findMany({
          where: {
            periodKind: period.kind,
            periodStart: new Date(`${period.start}T00:00:00Z`),
            subjectKind: "team",
            subjectId: { in: teams.map((team) => team.id) },
            metric: { in: metrics },
          },
          select: { subjectId: true, metric: true, value: true },
        })
      : [];
  const valueBy = new Map(snapshots.map((row) => [`${row.subjectId}|${row.metric}`, row.value]));
  return teams.map((team) => ({
    id: team.id,
    name: team.name,
    externalId: null,
    // A definition that does not apply to a team (e.g. conversion outside pre-sales) has no cell there.
    cells: Object.fromEntries(
      definitions
        .filter((definition) => definition.teamIds.length === 0 || definition.teamIds.includes(team.id))
        .map((definition) => [
          definition.key,
          cell(
            definition,
            valueBy.get(`${team.id}|${definition.metric}`),
            resolveTeamTarget(definition.targets, team.id)?.value ?? null,
          ),
        ]),
    ),
  })) satisfies TeamTableRow[];
}

/** Teams a scope may read, for the team picker. */
export function teamsInScope(scope: KpiScope) {
  return db.team.findMany({
    where: scope.teamIds === null ? {} : { id: { in: scope.teamIds } },
    orderBy: { code: "asc" },
    select: { id: true, name: true },
  });
}

/** Up to `limit` KPIs of the newest computed month for a home page card; null before any month is computed. */
export async function headlineKpis(
  person: { id: string; teamId: string | null; roles: readonly string[]; locale: string },
  limit = 4,
) {
  const month = await latestComputedMonth();
  if (!month) return null;
  const cards = (await personalKpis(person, month)) ?? [];
  const zh = person.locale.startsWith("zh");
  return {
    period: periodKey(month),
    items: cards.slice(0, limit).map((card) => ({
      key: card.definition.key,
      name: zh ? card.definition.nameZh : card.definition.nameEn,
      unit: card.definition.unit,
      value: card.value,
      target: card.target,
      met: card.met,
    })),
  };
}
