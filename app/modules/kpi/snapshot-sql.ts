/**
 * The snapshot aggregation as SQL text (pure: builds statements, runs nothing). Each source is one
 * INSERT … SELECT … GROUP BY GROUPING SETS ((agent), (team)) … ON CONFLICT DO UPDATE, so agent and team rows come
 * out of the same scan and a team's median is taken over the team's underlying rows, not over agent medians.
 * Values are inlined as literals: they are built here from a validated period and Date.toISOString(), never from
 * user text, and literals let the planner estimate the period's ranges. Formulas: docs/kpi-formulas.md.
 */
import type { KpiMetricKey, KpiSource } from "./metrics";

export type KpiAttributionMode = "last_agent" | "split";

export interface SnapshotSqlInput {
  periodKind: "month" | "quarter" | "year";
  /** First day, YYYY-MM-DD. */
  periodStart: string;
  /** First day after the period, YYYY-MM-DD (360 cycles are matched by their periodEnd date). */
  periodEndDay: string;
  from: Date;
  to: Date;
  /** Written to computedAt of every row of this run; rows of the period with another stamp are stale. */
  stamp: Date;
  attribution: KpiAttributionMode;
}

const ts = (date: Date) => `('${date.toISOString()}'::timestamptz AT TIME ZONE 'UTC')`;

function literals(input: SnapshotSqlInput) {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(input.periodStart) || !/^\d{4}-\d{2}-\d{2}$/.test(input.periodEndDay)) {
    throw new Error(`Invalid period ${input.periodStart}…${input.periodEndDay}`);
  }
  if (!["month", "quarter", "year"].includes(input.periodKind)) throw new Error(`Invalid period kind`);
  return {
    from: ts(input.from),
    to: ts(input.to),
    stamp: ts(input.stamp),
    kind: `'${input.periodKind}'::"KpiPeriodKind"`,
    start: `'${input.periodStart}'::date`,
    endDay: `'${input.periodEndDay}'::date`,
  };
}

/** The subject columns of a GROUPING SETS ((agent_id), (team_id)) aggregate. */
const SUBJECT = `
  CASE WHEN GROUPING(agent_id) = 0 THEN 'agent' ELSE 'team' END AS subject_kind,
  CASE WHEN GROUPING(agent_id) = 0 THEN agent_id ELSE team_id END AS subject_id`;
const GROUPS = `GROUP BY GROUPING SETS ((agent_id), (team_id))`;

/** Response seconds of [fromCol, toCol), in business seconds when the team's calendar (alias bh) is enabled. */
const responseSeconds = (fromCol: string, toCol: string, plain: string) => `
  CASE WHEN bh."teamId" IS NULL THEN ${plain}
       ELSE kpi_business_seconds(${fromCol}, ${toCol}, bh."timeZone", bh."workingDays", bh."startMinute", bh."endMinute")
  END`;

/** (metric, value, numerator, denominator, sample_size) rows per aggregate row. */
type MetricRow = [KpiMetricKey, string, string, string, string];
const metricValues = (rows: MetricRow[]) =>
  `CROSS JOIN LATERAL (VALUES ${rows
    .map(([key, ...rest]) => `('${key}', ${rest.map((part) => `(${part})::double precision`).join(", ")})`)
    .join(",\n    ")}) AS m(metric, value, numerator, denominator, sample_size)`;

function upsert(input: SnapshotSqlInput, select: string) {
  const l = literals(input);
  return `
INSERT INTO "KpiSnapshot" ("id", "periodKind", "periodStart", "subjectKind", "subjectId", "metric", "value",
  "numerator", "denominator", "sampleSize", "computedAt")
SELECT gen_random_uuid()::text, ${l.kind}, ${l.start}, r.subject_kind::"KpiSubjectKind", r.subject_id, r.metric,
  r.value, r.numerator, r.denominator, r.sample_size::integer, ${l.stamp}
FROM (${select}) AS r
WHERE r.subject_id IS NOT NULL AND r.sample_size > 0 AND r.value IS NOT NULL
ON CONFLICT ("periodKind", "periodStart", "subjectKind", "subjectId", "metric") DO UPDATE SET
  "value" = EXCLUDED."value", "numerator" = EXCLUDED."numerator", "denominator" = EXCLUDED."denominator",
  "sampleSize" = EXCLUDED."sampleSize", "computedAt" = EXCLUDED."computedAt"`;
}

/** The shape every source shares: aggregate its rows per agent and per team, then one snapshot row per metric. */
function perSubjectUpsert(
  input: SnapshotSqlInput,
  parts: { aggregates: string; rows: string; rowFilter?: string; metrics: MetricRow[] },
) {
  return upsert(
    input,
    `
SELECT g.subject_kind, g.subject_id, m.*
FROM (
  SELECT ${SUBJECT}, ${parts.aggregates}
  FROM (${parts.rows}) AS x
  ${parts.rowFilter ?? ""}
  ${GROUPS}
) AS g
${metricValues(parts.metrics)}`,
  );
}

/**
 * The conversations credited to each agent in the period, with the agent's weight: the last agent (weight 1) or
 * every participant (weight 1/n). Shared with the drill-down so both list exactly the same rows.
 */
export function creditedConversationsSql(from: string, to: string, attribution: KpiAttributionMode) {
  if (attribution === "split") {
    return `
SELECT c.*, ca."userId" AS agent_id,
  1.0::double precision / count(*) OVER (PARTITION BY c."id") AS weight
FROM "Conversation" c
JOIN "ConversationAgent" ca ON ca."conversationId" = c."id"
WHERE c."startedAt" >= ${from} AND c."startedAt" < ${to}`;
  }
  return `
SELECT c.*, c."lastAgentId" AS agent_id, 1.0::double precision AS weight
FROM "Conversation" c
WHERE c."startedAt" >= ${from} AND c."startedAt" < ${to} AND c."lastAgentId" IS NOT NULL`;
}

/** Surveyed = a survey was sent, or (when unknown) the customer rated. */
export const SURVEYED = `(cr."csatRequested" IS TRUE OR (cr."csatRequested" IS NULL AND cr."csat" IS NOT NULL))`;

function conversationsSql(input: SnapshotSqlInput) {
  const l = literals(input);
  return perSubjectUpsert(input, {
    aggregates: `sum(weight) AS handled, count(*) AS n,
    sum(weight) FILTER (WHERE resolved) AS res_num,
    sum(weight) FILTER (WHERE resolved IS NOT NULL) AS res_den,
    count(*) FILTER (WHERE resolved IS NOT NULL) AS res_n,
    sum(weight * "handlingSeconds") FILTER (WHERE resolved AND "handlingSeconds" IS NOT NULL) AS rt_num,
    sum(weight) FILTER (WHERE resolved AND "handlingSeconds" IS NOT NULL) AS rt_den,
    count(*) FILTER (WHERE resolved AND "handlingSeconds" IS NOT NULL) AS rt_n,
    sum(weight) FILTER (WHERE csat >= 4) AS cs_num,
    sum(weight) FILTER (WHERE csat IS NOT NULL) AS cs_den,
    count(*) FILTER (WHERE csat IS NOT NULL) AS cs_n,
    sum(weight) FILTER (WHERE surveyed AND csat IS NOT NULL) AS sv_num,
    sum(weight) FILTER (WHERE surveyed) AS sv_den,
    count(*) FILTER (WHERE surveyed) AS sv_n,
    sum(weight) FILTER (WHERE complaint) AS cp_num,
    sum(weight) FILTER (WHERE converted) AS cv_num,
    sum(weight) FILTER (WHERE converted IS NOT NULL) AS cv_den,
    count(*) FILTER (WHERE converted IS NOT NULL) AS cv_n`,
    rows: `SELECT cr.agent_id, u."teamId" AS team_id, cr.weight, cr.resolved, cr."handlingSeconds", cr.csat,
      cr.complaint, cr.converted, ${SURVEYED} AS surveyed
    FROM (${creditedConversationsSql(l.from, l.to, input.attribution)}) AS cr
    LEFT JOIN "User" u ON u."id" = cr.agent_id`,
    metrics: [
      ["conversations_handled", "handled", "handled", "NULL", "n"],
      [
        "resolution_rate",
        "100 * coalesce(res_num, 0) / nullif(res_den, 0)",
        "coalesce(res_num, 0)",
        "res_den",
        "res_n",
      ],
      ["resolution_time", "rt_num / nullif(rt_den, 0)", "rt_num", "rt_den", "rt_n"],
      ["csat_percent", "100 * coalesce(cs_num, 0) / nullif(cs_den, 0)", "coalesce(cs_num, 0)", "cs_den", "cs_n"],
      [
        "survey_response_rate",
        "100 * coalesce(sv_num, 0) / nullif(sv_den, 0)",
        "coalesce(sv_num, 0)",
        "sv_den",
        "sv_n",
      ],
      ["complaint_rate", "100 * coalesce(cp_num, 0) / nullif(handled, 0)", "coalesce(cp_num, 0)", "handled", "n"],
      ["conversion_rate", "100 * coalesce(cv_num, 0) / nullif(cv_den, 0)", "coalesce(cv_num, 0)", "cv_den", "cv_n"],
    ],
  });
}

/**
 * First response per conversation, credited to the first responder: the stored firstResponseSeconds, or business
 * seconds between the first customer message and the first reply when the responder's team keeps business hours.
 */
export function firstResponsesSql(from: string, to: string, agentFilter = "") {
  return `
SELECT c."id" AS conversation_id, c."firstResponderId" AS agent_id, u."teamId" AS team_id,
  ${responseSeconds(`fr."waitStartedAt"`, `fr."sentAt"`, `c."firstResponseSeconds"::double precision`)} AS seconds
FROM "Conversation" c
LEFT JOIN "User" u ON u."id" = c."firstResponderId"
LEFT JOIN "TeamBusinessHours" bh ON bh."teamId" = u."teamId" AND bh."enabled"
LEFT JOIN LATERAL (
  SELECT m."sentAt", m."waitStartedAt" FROM "Message" m
  WHERE bh."teamId" IS NOT NULL AND m."conversationId" = c."id" AND m."sender" = 'agent'
    AND m."waitStartedAt" IS NOT NULL
  ORDER BY m."seq" LIMIT 1
) AS fr ON TRUE
WHERE c."startedAt" >= ${from} AND c."startedAt" < ${to} AND c."firstResponderId" IS NOT NULL
  AND c."firstResponseSeconds" IS NOT NULL ${agentFilter}`;
}

function firstResponseSql(input: SnapshotSqlInput) {
  const l = literals(input);
  return perSubjectUpsert(input, {
    aggregates: `percentile_cont(0.5) WITHIN GROUP (ORDER BY seconds) AS median, avg(seconds) AS mean,
    sum(seconds) AS total, count(*) AS n`,
    rows: firstResponsesSql(l.from, l.to),
    rowFilter: `WHERE seconds IS NOT NULL`,
    metrics: [
      ["first_response_median", "median", "NULL", "NULL", "n"],
      ["first_response_mean", "mean", "total", "n", "n"],
    ],
  });
}

/** Agent replies that ended a customer wait, sent in the period, with their (business) seconds. */
export function repliesSql(from: string, to: string, agentFilter = "") {
  return `
SELECT m."conversationId" AS conversation_id, m."sentAt" AS sent_at, m."agentId" AS agent_id, u."teamId" AS team_id,
  ${responseSeconds(
    `m."waitStartedAt"`,
    `m."sentAt"`,
    `greatest(0, extract(epoch FROM (m."sentAt" - m."waitStartedAt")))::double precision`,
  )} AS seconds
FROM "Message" m
LEFT JOIN "User" u ON u."id" = m."agentId"
LEFT JOIN "TeamBusinessHours" bh ON bh."teamId" = u."teamId" AND bh."enabled"
WHERE m."sentAt" >= ${from} AND m."sentAt" < ${to} AND m."sender" = 'agent' AND m."agentId" IS NOT NULL
  AND m."waitStartedAt" IS NOT NULL ${agentFilter}`;
}

function repliesUpsertSql(input: SnapshotSqlInput) {
  const l = literals(input);
  return perSubjectUpsert(input, {
    aggregates: `avg(seconds) AS mean, sum(seconds) AS total, count(*) AS n`,
    rows: repliesSql(l.from, l.to),
    metrics: [["avg_response_time", "mean", "total", "n", "n"]],
  });
}

function reviewsSql(input: SnapshotSqlInput) {
  const l = literals(input);
  return perSubjectUpsert(input, {
    aggregates: `avg(score) AS qa_mean, sum(score) AS qa_total, count(score) AS qa_n,
    count(*) FILTER (WHERE critical) AS red, count(*) AS n`,
    rows: `SELECT r."agentId" AS agent_id, u."teamId" AS team_id, r."score" AS score, r."criticalFailed" AS critical
    FROM "Review" r LEFT JOIN "User" u ON u."id" = r."agentId"
    WHERE r."kind" = 'regular' AND r."status" = 'submitted' AND r."agentId" IS NOT NULL
      AND r."submittedAt" >= ${l.from} AND r."submittedAt" < ${l.to}`,
    metrics: [
      ["qa_score", "qa_mean", "qa_total", "qa_n", "qa_n"],
      ["red_line_incidents", "red", "red", "n", "n"],
    ],
  });
}

function attemptsSql(input: SnapshotSqlInput) {
  const l = literals(input);
  return perSubjectUpsert(input, {
    aggregates: `count(*) FILTER (WHERE passed) AS pass_num, count(passed) AS pass_n,
    avg(percent) AS mean, sum(percent) AS total, count(percent) AS score_n`,
    rows: `SELECT a."userId" AS agent_id, u."teamId" AS team_id, a."passed" AS passed,
      a."percent"::double precision AS percent
    FROM "ExamAttempt" a LEFT JOIN "User" u ON u."id" = a."userId"
    WHERE a."status" = 'graded' AND a."submittedAt" >= ${l.from} AND a."submittedAt" < ${l.to}`,
    metrics: [
      ["exam_pass_rate", "100.0 * pass_num / nullif(pass_n, 0)", "pass_num", "pass_n", "pass_n"],
      ["exam_mean_score", "mean", "total", "score_n", "score_n"],
    ],
  });
}

/** Assignments due in the period that count: the due date has passed (as of the run) or the work is done. */
export function dueAssignmentsWhere(from: string, to: string, stamp: string) {
  return `ar."dueAt" >= ${from} AND ar."dueAt" < ${to} AND (ar."dueAt" <= ${stamp} OR ar."completedAt" IS NOT NULL)`;
}

function assignmentsSql(input: SnapshotSqlInput) {
  const l = literals(input);
  return perSubjectUpsert(input, {
    aggregates: `count(*) FILTER (WHERE on_time) AS done, count(*) AS n`,
    rows: `SELECT ar."userId" AS agent_id, u."teamId" AS team_id,
      (ar."completedAt" IS NOT NULL AND ar."completedAt" <= ar."dueAt") AS on_time
    FROM "AssignmentRecipient" ar LEFT JOIN "User" u ON u."id" = ar."userId"
    WHERE ${dueAssignmentsWhere(l.from, l.to, l.stamp)}`,
    metrics: [["training_completion", "100.0 * done / nullif(n, 0)", "done", "n", "n"]],
  });
}

function feedbackSql(input: SnapshotSqlInput) {
  const l = literals(input);
  return perSubjectUpsert(input, {
    aggregates: `avg(score) AS mean, sum(score) AS total, count(*) AS n`,
    rows: `SELECT fs."userId" AS agent_id, u."teamId" AS team_id, fs."overallScore" AS score
    FROM "FeedbackSubject" fs
    JOIN "FeedbackCycle" fc ON fc."id" = fs."cycleId"
    LEFT JOIN "User" u ON u."id" = fs."userId"
    WHERE fc."periodEnd" >= ${l.start} AND fc."periodEnd" < ${l.endDay} AND fs."overallScore" IS NOT NULL`,
    metrics: [["feedback_score", "mean", "total", "n", "n"]],
  });
}

/** One statement per source, in the order they run. */
export function snapshotStatements(input: SnapshotSqlInput): { source: KpiSource | "first_responses"; sql: string }[] {
  return [
    { source: "conversations", sql: conversationsSql(input) },
    { source: "first_responses", sql: firstResponseSql(input) },
    { source: "replies", sql: repliesUpsertSql(input) },
    { source: "reviews", sql: reviewsSql(input) },
    { source: "exam_attempts", sql: attemptsSql(input) },
    { source: "assignments", sql: assignmentsSql(input) },
    { source: "feedback", sql: feedbackSql(input) },
  ];
}

/** Rows of the period this run did not write: their metric has no data any more. */
export function staleRowsSql(input: SnapshotSqlInput) {
  const l = literals(input);
  return `DELETE FROM "KpiSnapshot" WHERE "periodKind" = ${l.kind} AND "periodStart" = ${l.start} AND "computedAt" <> ${l.stamp}`;
}

export const sqlTimestamp = ts;
