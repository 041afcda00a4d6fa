/**
 * Candidate conversations for a run, in SQL. A candidate is a conversation in the window, matching the
 * filters, with a primary agent, and without a live (not cancelled) regular review for that agent.
 *
 * Nothing here loads the candidate list itself: strategies work on positions (strategies.ts), so the
 * server counts candidates per agent, plans the positions, and fetches only the chosen rows by their
 * rank in id order (COLLATE "C", the order compareIds uses). A stratified run over a million
 * conversations moves a few hundred rows, not a million.
 */
import { db, Prisma } from "~/utils/db.server";
import type { SamplingFilters } from "./schemas";
import { planSample, type SamplePlan, type Strategy, type StrategyParams, type Stratum } from "./strategies";

export type CandidateQuery = {
  filters: SamplingFilters;
  window: { from: Date; to: Date };
  /**
   * Replay as of this instant: reviews created at or after it do not count as "already reviewed". The
   * run's own reviews (and later runs') are then ignored, so a preview of an old run sees the pool it saw.
   */
  asOf?: Date;
};

export type PickedCandidate = { id: string; agentId: string };

/** A PostgreSQL array literal for one text parameter: avoids a parameter per value and keeps indexes usable. */
export function arrayLiteral(values: readonly string[]): string {
  return `{${values.map((value) => `"${value.replaceAll("\\", "\\\\").replaceAll('"', '\\"')}"`).join(",")}}`;
}

/** Timestamps are stored as UTC wall time (timestamp without time zone). */
function utcTimestamp(instant: Date): Prisma.Sql {
  return Prisma.sql`CAST(${instant.toISOString().slice(0, 23).replace("T", " ")} AS timestamp)`;
}

export function candidateWhere({ filters, window, asOf }: CandidateQuery): Prisma.Sql {
  const conditions: Prisma.Sql[] = [
    Prisma.sql`c."startedAt" >= ${utcTimestamp(window.from)}`,
    Prisma.sql`c."startedAt" < ${utcTimestamp(window.to)}`,
    Prisma.sql`c."primaryAgentId" IS NOT NULL`,
  ];
  if (filters.teams.length)
    conditions.push(Prisma.sql`c."teamId" = ANY(CAST(${arrayLiteral(filters.teams)} AS text[]))`);
  if (filters.agents.length)
    conditions.push(Prisma.sql`c."primaryAgentId" = ANY(CAST(${arrayLiteral(filters.agents)} AS text[]))`);
  if (filters.channels.length)
    conditions.push(Prisma.sql`c.channel = ANY(CAST(${arrayLiteral(filters.channels)} AS "Channel"[]))`);
  if (filters.tags.length) conditions.push(Prisma.sql`c.tags && CAST(${arrayLiteral(filters.tags)} AS text[])`);
  if (filters.csatMax !== null) conditions.push(Prisma.sql`c.csat <= ${filters.csatMax}`);
  if (filters.complaintOnly) conditions.push(Prisma.sql`c.complaint`);
  if (filters.minHandlingSeconds !== null)
    conditions.push(Prisma.sql`c."handlingSeconds" >= ${filters.minHandlingSeconds}`);
  if (filters.minMessages !== null) conditions.push(Prisma.sql`c."messageCount" >= ${filters.minMessages}`);
  const reviewedBefore = asOf ? Prisma.sql`AND r."createdAt" < ${utcTimestamp(asOf)}` : Prisma.empty;
  conditions.push(Prisma.sql`NOT EXISTS (
    SELECT 1 FROM "Review" r
    WHERE r."conversationId" = c.id AND r."agentId" = c."primaryAgentId"
      AND r.kind = 'regular' AND r.status <> 'cancelled' ${reviewedBefore}
  )`);
  return Prisma.join(conditions, " AND ");
}

/** Candidates per primary agent. */
export async function candidateStrata(query: CandidateQuery): Promise<Stratum[]> {
  const rows = await db.$queryRaw<{ agentId: string; size: number }[]>`
    SELECT c."primaryAgentId" AS "agentId", count(*)::int AS size
    FROM "Conversation" c
    WHERE ${candidateWhere(query)}
    GROUP BY c."primaryAgentId"`;
  return rows.map((row) => ({ agentId: row.agentId, size: Number(row.size) }));
}

/** The rows at the planned positions (id order), in id order. */
export async function fetchPicked(query: CandidateQuery, plan: SamplePlan): Promise<PickedCandidate[]> {
  const where = candidateWhere(query);
  if (plan.kind === "all") {
    return db.$queryRaw<PickedCandidate[]>`
      SELECT c.id, c."primaryAgentId" AS "agentId" FROM "Conversation" c
      WHERE ${where} ORDER BY c.id COLLATE "C"`;
  }
  if (plan.kind === "global") {
    if (plan.positions.length === 0) return [];
    return db.$queryRaw<PickedCandidate[]>`
      WITH ranked AS (
        SELECT c.id, c."primaryAgentId" AS "agentId",
               (row_number() OVER (ORDER BY c.id COLLATE "C") - 1)::int AS position
        FROM "Conversation" c WHERE ${where}
      )
      SELECT ranked.id, ranked."agentId" FROM ranked
      JOIN (SELECT value::int AS position FROM json_array_elements_text(CAST(${JSON.stringify(plan.positions)} AS json))) p
        ON p.position = ranked.position
      ORDER BY ranked.id COLLATE "C"`;
  }
  const picks = plan.picks.flatMap(({ agentId, positions }) =>
    positions.map((position) => ({ a: agentId, p: position })),
  );
  if (picks.length === 0) return [];
  const agents = plan.picks.map((pick) => pick.agentId);
  return db.$queryRaw<PickedCandidate[]>`
    WITH ranked AS (
      SELECT c.id, c."primaryAgentId" AS "agentId",
             (row_number() OVER (PARTITION BY c."primaryAgentId" ORDER BY c.id COLLATE "C") - 1)::int AS position
      FROM "Conversation" c
      WHERE ${where} AND c."primaryAgentId" = ANY(CAST(${arrayLiteral(agents)} AS text[]))
    )
    SELECT ranked.id, ranked."agentId" FROM ranked
    JOIN json_to_recordset(CAST(${JSON.stringify(picks)} AS json)) AS p(a text, p int)
      ON p.a = ranked."agentId" AND p.p = ranked.position
    ORDER BY ranked.id COLLATE "C"`;
}

export type SampleOutcome = {
  candidateCount: number;
  strata: Stratum[];
  picked: PickedCandidate[];
  timings: { countMs: number; pickMs: number };
};

/** Counts, plans and fetches: the whole pick of a run, without writing anything. */
export async function sampleCandidates(
  query: CandidateQuery,
  strategy: Strategy,
  params: StrategyParams,
  seed: string,
): Promise<SampleOutcome> {
  const started = performance.now();
  const strata = await candidateStrata(query);
  const counted = performance.now();
  const plan = planSample(strategy, params, strata, seed);
  const picked = await fetchPicked(query, plan);
  const finished = performance.now();
  return {
    candidateCount: strata.reduce((sum, stratum) => sum + stratum.size, 0),
    strata,
    picked,
    timings: { countMs: counted - started, pickMs: finished - counted },
  };
}
