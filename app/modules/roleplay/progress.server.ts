/**
 * Role-play progress, aggregated in SQL: the agent's own scenario cards, sessions and weakest steps (我的演练), and
 * the trainers' view (演练分析) — hardest scenarios, most-missed steps, one row per agent. Practice and exam sessions
 * count; trainers' test plays never do. Scores are final scores of completed sessions; steps come from the
 * automatic report (autoReport.steps) of every session that reached an end node.
 */
import { accessLevel, type Permission } from "~/modules/identity/permissions";
import { db, Prisma } from "~/utils/db.server";
import { percentOf, rankMissedSteps, roundScore, weakestStep } from "./progress";

const COUNTED_MODES = Prisma.sql`r."mode" IN ('practice', 'exam')`;
const REPORTED = Prisma.sql`r."status" IN ('completed', 'pending_review') AND r."autoReport" IS NOT NULL`;

type Numeric = number | Prisma.Decimal | bigint | null;
const num = (value: Numeric) => (value === null ? null : Number(value));

// ───────────────────────────── the agent's own page ─────────────────────────────

type CardRow = {
  id: string;
  title: string;
  summary: string;
  difficulty: "easy" | "medium" | "hard";
  channel: string | null;
  personaName: string | null;
  mood: string | null;
  limitSeconds: Numeric;
  attempts: number;
  best: Numeric;
  latest: Numeric;
  latestPassed: boolean | null;
  resumeSessionId: string | null;
};

/** Published scenarios with my attempts, best and latest final score, and the practice session I can resume. */
export async function myScenarioCards(userId: string, page: number, pageSize: number) {
  const published = Prisma.sql`s."status" = 'published' AND s."archivedAt" IS NULL AND s."publishedVersionId" IS NOT NULL`;
  const [{ total }] = await db.$queryRaw<{ total: number }[]>`
    SELECT COUNT(*)::int AS "total" FROM "Scenario" s WHERE ${published}`;
  const rows = await db.$queryRaw<CardRow[]>`
    SELECT s."id", s."title", s."summary", s."difficulty"::text AS "difficulty",
      v."script"->>'channel' AS "channel", v."script"->'persona'->>'name' AS "personaName",
      v."script"->'persona'->>'mood' AS "mood", (v."script"->>'replyTimeLimitSeconds')::int AS "limitSeconds",
      COALESCE(mine."attempts", 0)::int AS "attempts", mine."best", latest."finalScore" AS "latest",
      latest."passed" AS "latestPassed", resume."id" AS "resumeSessionId"
    FROM "Scenario" s
      JOIN "ScenarioVersion" v ON v."id" = s."publishedVersionId"
      LEFT JOIN LATERAL (
        SELECT COUNT(*) AS "attempts", MAX(r."finalScore") FILTER (WHERE r."status" = 'completed') AS "best"
        FROM "RolePlaySession" r JOIN "ScenarioVersion" sv ON sv."id" = r."scenarioVersionId"
        WHERE sv."scenarioId" = s."id" AND r."userId" = ${userId} AND ${COUNTED_MODES}
      ) mine ON TRUE
      LEFT JOIN LATERAL (
        SELECT r."finalScore", r."passed"
        FROM "RolePlaySession" r JOIN "ScenarioVersion" sv ON sv."id" = r."scenarioVersionId"
        WHERE sv."scenarioId" = s."id" AND r."userId" = ${userId} AND ${COUNTED_MODES} AND r."status" = 'completed'
        ORDER BY r."endedAt" DESC NULLS LAST, r."id" DESC LIMIT 1
      ) latest ON TRUE
      LEFT JOIN LATERAL (
        SELECT r."id"
        FROM "RolePlaySession" r JOIN "ScenarioVersion" sv ON sv."id" = r."scenarioVersionId"
        WHERE sv."scenarioId" = s."id" AND r."userId" = ${userId} AND r."mode" = 'practice'
          AND r."status" = 'in_progress'
        ORDER BY r."startedAt" DESC LIMIT 1
      ) resume ON TRUE
    WHERE ${published}
    ORDER BY CASE s."difficulty" WHEN 'easy' THEN 0 WHEN 'medium' THEN 1 ELSE 2 END, s."title", s."id"
    LIMIT ${pageSize} OFFSET ${(page - 1) * pageSize}`;
  return {
    total,
    rows: rows.map((row) => ({
      id: row.id,
      title: row.title,
      summary: row.summary,
      difficulty: row.difficulty,
      channel: row.channel === "phone" ? ("phone" as const) : ("chat" as const),
      personaName: row.personaName,
      mood: row.mood,
      limitSeconds: num(row.limitSeconds),
      attempts: row.attempts,
      best: roundScore(num(row.best)),
      latest: roundScore(num(row.latest)),
      latestPassed: row.latestPassed,
      resumeSessionId: row.resumeSessionId,
    })),
  };
}

/** My sessions, newest first (practice, exam and — for trainers — test plays). */
export async function mySessions(userId: string, page: number, pageSize: number) {
  const where: Prisma.RolePlaySessionWhereInput = { userId };
  const [total, rows] = await Promise.all([
    db.rolePlaySession.count({ where }),
    db.rolePlaySession.findMany({
      where,
      orderBy: [{ startedAt: "desc" }, { id: "desc" }],
      skip: (page - 1) * pageSize,
      take: pageSize,
      select: {
        id: true,
        mode: true,
        status: true,
        outcome: true,
        startedAt: true,
        endedAt: true,
        autoScore: true,
        finalScore: true,
        passed: true,
        scenarioVersion: { select: { version: true, title: true, scenarioId: true } },
      },
    }),
  ]);
  return {
    total,
    rows: rows.map(({ scenarioVersion, ...row }) => ({
      ...row,
      scenarioId: scenarioVersion.scenarioId,
      title: scenarioVersion.title,
      version: scenarioVersion.version,
    })),
  };
}

type StepRow = { key: string; label: string; missed: number; seen: number };

/** Step tallies (by label: "问候" is the same habit in every scenario) of one person's reported sessions. */
async function stepTalliesOf(userId: string): Promise<StepRow[]> {
  return db.$queryRaw<StepRow[]>`
    SELECT MIN(step->>'key') AS "key", step->>'label' AS "label",
      COUNT(*) FILTER (WHERE (step->>'hit')::boolean IS NOT TRUE)::int AS "missed", COUNT(*)::int AS "seen"
    FROM "RolePlaySession" r, jsonb_array_elements(r."autoReport"->'steps') step
    WHERE r."userId" = ${userId} AND ${COUNTED_MODES} AND ${REPORTED}
    GROUP BY step->>'label'`;
}

type SummaryRow = { attempted: number; sessions: number; completed: number; passed: number; best: Numeric };

/** 我的进度: scenarios attempted, sessions, best and latest final score, passes, my weakest steps. */
export async function mySummary(userId: string, weakestLimit = 5) {
  const [[summary], latest, steps] = await Promise.all([
    db.$queryRaw<SummaryRow[]>`
      SELECT COUNT(DISTINCT v."scenarioId")::int AS "attempted", COUNT(*)::int AS "sessions",
        COUNT(*) FILTER (WHERE r."status" = 'completed')::int AS "completed",
        COUNT(*) FILTER (WHERE r."passed" IS TRUE)::int AS "passed",
        MAX(r."finalScore") FILTER (WHERE r."status" = 'completed') AS "best"
      FROM "RolePlaySession" r JOIN "ScenarioVersion" v ON v."id" = r."scenarioVersionId"
      WHERE r."userId" = ${userId} AND ${COUNTED_MODES}`,
    db.rolePlaySession.findFirst({
      where: { userId, mode: { in: ["practice", "exam"] }, status: "completed" },
      orderBy: [{ endedAt: "desc" }, { id: "desc" }],
      select: { id: true, finalScore: true, passed: true, endedAt: true, scenarioVersion: { select: { title: true } } },
    }),
    stepTalliesOf(userId),
  ]);
  return {
    attempted: summary?.attempted ?? 0,
    sessions: summary?.sessions ?? 0,
    completed: summary?.completed ?? 0,
    passed: summary?.passed ?? 0,
    best: roundScore(num(summary?.best ?? null)),
    latest: latest
      ? {
          sessionId: latest.id,
          title: latest.scenarioVersion.title,
          finalScore: roundScore(latest.finalScore),
          passed: latest.passed,
          endedAt: latest.endedAt,
        }
      : null,
    weakestSteps: rankMissedSteps(steps, weakestLimit),
  };
}

// ───────────────────────────── trainers, managers and team leads ─────────────────────────────

/** null teamIds = everyone. */
export type ProgressScope = { teamIds: string[] | null };

export function progressScope(user: {
  permissions: ReadonlySet<Permission>;
  ledTeamIds: string[];
}): ProgressScope | null {
  const level = accessLevel(user.permissions, "read", "roleplay-report");
  if (level === "any") return { teamIds: null };
  if (level === "team") return { teamIds: user.ledTeamIds };
  return null;
}

function scopeSql(scope: ProgressScope, teamId: string | null): Prisma.Sql {
  const parts: Prisma.Sql[] = [];
  if (scope.teamIds !== null)
    parts.push(
      scope.teamIds.length > 0 ? Prisma.sql`u."teamId" IN (${Prisma.join(scope.teamIds)})` : Prisma.sql`FALSE`,
    );
  if (teamId) parts.push(Prisma.sql`u."teamId" = ${teamId}`);
  return parts.length ? Prisma.join(parts, " AND ") : Prisma.sql`TRUE`;
}

export async function progressTeams(scope: ProgressScope) {
  return db.team.findMany({
    where: scope.teamIds === null ? {} : { id: { in: scope.teamIds } },
    orderBy: { name: "asc" },
    select: { id: true, name: true },
  });
}

type HardestRow = { scenarioId: string; title: string; sessions: number; passed: number; mean: Numeric };

/** Scenarios by lowest mean final score (then pass rate) over completed sessions in scope. */
export async function hardestScenarios(scope: ProgressScope, teamId: string | null, limit = 8) {
  const rows = await db.$queryRaw<HardestRow[]>`
    SELECT v."scenarioId", s."title", COUNT(*)::int AS "sessions",
      COUNT(*) FILTER (WHERE r."passed" IS TRUE)::int AS "passed", AVG(r."finalScore") AS "mean"
    FROM "RolePlaySession" r
      JOIN "ScenarioVersion" v ON v."id" = r."scenarioVersionId"
      JOIN "Scenario" s ON s."id" = v."scenarioId"
      JOIN "User" u ON u."id" = r."userId"
    WHERE ${COUNTED_MODES} AND r."status" = 'completed' AND ${scopeSql(scope, teamId)}
    GROUP BY v."scenarioId", s."title"
    ORDER BY AVG(r."finalScore") ASC, COUNT(*) FILTER (WHERE r."passed" IS TRUE)::float / COUNT(*) ASC, s."title"
    LIMIT ${limit}`;
  return rows.map((row) => ({
    scenarioId: row.scenarioId,
    title: row.title,
    sessions: row.sessions,
    meanScore: roundScore(num(row.mean)),
    passRate: percentOf(row.passed, row.sessions),
  }));
}

type MissedRow = { scenarioId: string; title: string; key: string; label: string; missed: number; seen: number };

/** Steps missed most often, per scenario (step key within the scenario), over reported sessions in scope. */
export async function mostMissedSteps(scope: ProgressScope, teamId: string | null, limit = 10) {
  const rows = await db.$queryRaw<MissedRow[]>`
    SELECT v."scenarioId", s."title", step->>'key' AS "key", MIN(step->>'label') AS "label",
      COUNT(*) FILTER (WHERE (step->>'hit')::boolean IS NOT TRUE)::int AS "missed", COUNT(*)::int AS "seen"
    FROM "RolePlaySession" r
      JOIN "ScenarioVersion" v ON v."id" = r."scenarioVersionId"
      JOIN "Scenario" s ON s."id" = v."scenarioId"
      JOIN "User" u ON u."id" = r."userId"
      CROSS JOIN LATERAL jsonb_array_elements(r."autoReport"->'steps') step
    WHERE ${COUNTED_MODES} AND ${REPORTED} AND ${scopeSql(scope, teamId)}
    GROUP BY v."scenarioId", s."title", step->>'key'
    HAVING COUNT(*) FILTER (WHERE (step->>'hit')::boolean IS NOT TRUE) > 0
    ORDER BY COUNT(*) FILTER (WHERE (step->>'hit')::boolean IS NOT TRUE)::float / COUNT(*) DESC,
      COUNT(*) FILTER (WHERE (step->>'hit')::boolean IS NOT TRUE) DESC, s."title", step->>'key'
    LIMIT ${limit}`;
  return rankMissedSteps(rows, limit);
}

type AgentRow = {
  id: string;
  name: string;
  externalId: string;
  team: string | null;
  attempted: number;
  sessions: number;
  best: Numeric;
  latest: Numeric;
  latestSessionId: string | null;
  weakLabel: string | null;
  weakMissed: number | null;
  weakSeen: number | null;
};

/** One row per person in scope who played (practice or exam), with their weakest step. Paginated by 工号. */
export async function agentProgress(scope: ProgressScope, teamId: string | null, page: number, pageSize: number) {
  const played = Prisma.sql`EXISTS (SELECT 1 FROM "RolePlaySession" r WHERE r."userId" = u."id" AND ${COUNTED_MODES})`;
  const where = Prisma.sql`${played} AND ${scopeSql(scope, teamId)}`;
  const [[{ total }], rows] = await Promise.all([
    db.$queryRaw<{ total: number }[]>`SELECT COUNT(*)::int AS "total" FROM "User" u WHERE ${where}`,
    db.$queryRaw<AgentRow[]>`
      SELECT u."id", u."name", u."externalId", t."name" AS "team", agg."attempted", agg."sessions", agg."best",
        latest."finalScore" AS "latest", latest."id" AS "latestSessionId", weak."label" AS "weakLabel", weak."missed" AS "weakMissed",
        weak."seen" AS "weakSeen"
      FROM "User" u
        LEFT JOIN "Team" t ON t."id" = u."teamId"
        CROSS JOIN LATERAL (
          SELECT COUNT(DISTINCT v."scenarioId")::int AS "attempted", COUNT(*)::int AS "sessions",
            MAX(r."finalScore") FILTER (WHERE r."status" = 'completed') AS "best"
          FROM "RolePlaySession" r JOIN "ScenarioVersion" v ON v."id" = r."scenarioVersionId"
          WHERE r."userId" = u."id" AND ${COUNTED_MODES}
        ) agg
        LEFT JOIN LATERAL (
          SELECT r."id", r."finalScore" FROM "RolePlaySession" r
          WHERE r."userId" = u."id" AND ${COUNTED_MODES} AND r."status" = 'completed'
          ORDER BY r."endedAt" DESC NULLS LAST, r."id" DESC LIMIT 1
        ) latest ON TRUE
        LEFT JOIN LATERAL (
          SELECT step->>'label' AS "label",
            COUNT(*) FILTER (WHERE (step->>'hit')::boolean IS NOT TRUE)::int AS "missed", COUNT(*)::int AS "seen"
          FROM "RolePlaySession" r, jsonb_array_elements(r."autoReport"->'steps') step
          WHERE r."userId" = u."id" AND ${COUNTED_MODES} AND ${REPORTED}
          GROUP BY step->>'label'
          HAVING COUNT(*) FILTER (WHERE (step->>'hit')::boolean IS NOT TRUE) > 0
          ORDER BY COUNT(*) FILTER (WHERE (step->>'hit')::boolean IS NOT TRUE)::float / COUNT(*) DESC,
            COUNT(*) FILTER (WHERE (step->>'hit')::boolean IS NOT TRUE) DESC, step->>'label'
          LIMIT 1
        ) weak ON TRUE
      WHERE ${where}
      ORDER BY u."externalId", u."id"
      LIMIT ${pageSize} OFFSET ${(page - 1) * pageSize}`,
  ]);
  return {
    total,
    rows: rows.map((row) => ({
      id: row.id,
      name: row.name,
      externalId: row.externalId,
      team: row.team,
      attempted: row.attempted,
      sessions: row.sessions,
      best: roundScore(num(row.best)),
      latest: roundScore(num(row.latest)),
      latestSessionId: row.latestSessionId,
      weakestStep:
        row.weakLabel && row.weakMissed !== null && row.weakSeen !== null
          ? weakestStep([{ key: row.weakLabel, label: row.weakLabel, missed: row.weakMissed, seen: row.weakSeen }])
          : null,
    })),
  };
}
