/**
 * The rows behind a KPI number, with the same attribution and filters as the snapshot (snapshot-sql.ts), one page
 * at a time. Every query starts from the subject (the agent, or the team's members) and the period's range, so it
 * answers from the (agent, time) indexes rather than scanning the period.
 */
import { db } from "~/utils/db.server";
import { env } from "~/utils/env.server";
import type { DrillRow } from "./drill-row";
import { DRILL_PAGE_SIZE } from "./drill-row";
import { KPI_METRICS, type KpiMetricKey, type KpiSource } from "./metrics";
import { periodBounds, periodEndDay, type KpiPeriod } from "./periods";
import { kpiAttribution } from "./snapshot.server";
import { dueAssignmentsWhere, firstResponsesSql, repliesSql, sqlTimestamp, SURVEYED } from "./snapshot-sql";

export interface DrillDownInput {
  metric: KpiMetricKey;
  subjectKind: "agent" | "team";
  subjectId: string;
  period: KpiPeriod;
  page: number;
  pageSize?: number;
}

export interface DrillDownResult {
  source: KpiSource;
  total: number;
  rows: DrillRow[];
}

/** Per conversation metric: which conversations count, and the conversation's own value (1/0 for rates). */
const CONVERSATION_METRICS: Partial<Record<KpiMetricKey, { where: string; value: string }>> = {
  conversations_handled: { where: "TRUE", value: "1" },
  resolution_rate: { where: `cr."resolved" IS NOT NULL`, value: `CASE WHEN cr."resolved" THEN 1 ELSE 0 END` },
  resolution_time: {
    where: `cr."resolved" AND cr."handlingSeconds" IS NOT NULL`,
    value: `cr."handlingSeconds"`,
  },
  csat_percent: { where: `cr."csat" IS NOT NULL`, value: `CASE WHEN cr."csat" >= 4 THEN 1 ELSE 0 END` },
  survey_response_rate: { where: SURVEYED, value: `CASE WHEN cr."csat" IS NOT NULL THEN 1 ELSE 0 END` },
  complaint_rate: { where: "TRUE", value: `CASE WHEN cr."complaint" THEN 1 ELSE 0 END` },
  conversion_rate: { where: `cr."converted" IS NOT NULL`, value: `CASE WHEN cr."converted" THEN 1 ELSE 0 END` },
};

type Counted<T> = T & { total: bigint | number };

const MEMBERS = `SELECT "id" FROM "User" WHERE "teamId" = $1`;

export async function drillDown(input: DrillDownInput): Promise<DrillDownResult> {
  if (!/^\d{4}-\d{2}-01$/.test(input.period.start)) throw new Error(`Invalid period ${input.period.start}`);
  const metric = KPI_METRICS[input.metric];
  if (!metric) throw new Error(`Unknown KPI metric ${input.metric}`);
  const pageSize = Math.min(Math.max(Math.trunc(input.pageSize ?? DRILL_PAGE_SIZE), 1), 500);
  const page = Math.max(Math.trunc(input.page) || 1, 1);
  const limit = `LIMIT ${pageSize} OFFSET ${(page - 1) * pageSize}`;
  const { from: fromDate, to: toDate } = periodBounds(input.period, env().APP_TIME_ZONE);
  const from = sqlTimestamp(fromDate);
  const to = sqlTimestamp(toDate);
  const subject = input.subjectKind === "agent" ? `= $1` : `IN (${MEMBERS})`;

  const run = async <T extends object>(sql: string) => {
    const rows = await db.$queryRawUnsafe<Counted<T>[]>(sql, input.subjectId);
    const total = rows.length > 0 ? Number(rows[0]!.total) : await countOnly(sql);
    return { total, rows: rows.map(({ total: _total, ...row }) => row as unknown as T) };
  };
  // A page past the end still reports the total.
  const countOnly = async (sql: string) => {
    const [row] = await db.$queryRawUnsafe<{ total: bigint }[]>(
      `SELECT count(*) AS total FROM (${sql.replace(/LIMIT \d+ OFFSET \d+$/, "")}) AS q`,
      input.subjectId,
    );
    return Number(row?.total ?? 0);
  };

  if (input.metric === "first_response_median" || input.metric === "first_response_mean") {
    const { total, rows } = await run<{
      id: string;
      externalId: string;
      startedAt: Date;
      channel: string;
      seconds: number;
    }>(`
      SELECT c."id", c."externalId", c."startedAt", c."channel"::text AS channel, f.seconds,
        count(*) OVER () AS total
      FROM (${firstResponsesSql(from, to, `AND c."firstResponderId" ${subject}`)}) AS f
      JOIN "Conversation" c ON c."id" = f.conversation_id
      WHERE f.seconds IS NOT NULL
      ORDER BY c."startedAt" DESC, c."id" ${limit}`);
    return {
      source: "conversations",
      total,
      rows: rows.map((row) => ({
        kind: "conversation",
        id: row.id,
        externalId: row.externalId,
        startedAt: row.startedAt,
        channel: row.channel,
        value: row.seconds,
        weight: 1,
      })),
    };
  }

  const conversationMetric = CONVERSATION_METRICS[input.metric];
  if (conversationMetric) {
    const attribution = await kpiAttribution();
    const credit =
      attribution === "split"
        ? `SELECT c.*, ca."userId" AS agent_id,
             1.0::double precision / (SELECT count(*) FROM "ConversationAgent" n WHERE n."conversationId" = c."id") AS weight
           FROM "ConversationAgent" ca JOIN "Conversation" c ON c."id" = ca."conversationId"
           WHERE ca."userId" ${subject} AND c."startedAt" >= ${from} AND c."startedAt" < ${to}`
        : `SELECT c.*, c."lastAgentId" AS agent_id, 1.0::double precision AS weight
           FROM "Conversation" c
           WHERE c."lastAgentId" ${subject} AND c."startedAt" >= ${from} AND c."startedAt" < ${to}`;
    const { total, rows } = await run<{
      id: string;
      externalId: string;
      startedAt: Date;
      channel: string;
      value: number | null;
      weight: number;
    }>(`
      SELECT cr."id", cr."externalId", cr."startedAt", cr."channel"::text AS channel,
        (${conversationMetric.value})::double precision AS value, sum(cr.weight) AS weight,
        count(*) OVER () AS total
      FROM (${credit}) AS cr
      WHERE ${conversationMetric.where}
      GROUP BY cr."id", cr."externalId", cr."startedAt", cr."channel", cr."resolved", cr."handlingSeconds",
        cr."csat", cr."csatRequested", cr."complaint", cr."converted"
      ORDER BY cr."startedAt" DESC, cr."id" ${limit}`);
    return {
      source: "conversations",
      total,
      rows: rows.map((row) => ({ kind: "conversation", ...row, weight: Number(row.weight) })),
    };
  }

  switch (metric.source) {
    case "replies": {
      const { total, rows } = await run<{
        conversationId: string;
        externalId: string;
        sentAt: Date;
        seconds: number;
      }>(`
        SELECT r.conversation_id AS "conversationId", c."externalId", r.sent_at AS "sentAt", r.seconds,
          count(*) OVER () AS total
        FROM (${repliesSql(from, to, `AND m."agentId" ${subject}`)}) AS r
        JOIN "Conversation" c ON c."id" = r.conversation_id
        ORDER BY r.sent_at DESC, r.conversation_id ${limit}`);
      return { source: "replies", total, rows: rows.map((row) => ({ kind: "reply", ...row })) };
    }
    case "reviews": {
      const filter = input.metric === "qa_score" ? `AND r."score" IS NOT NULL` : `AND r."criticalFailed"`;
      const { total, rows } = await run<{
        id: string;
        conversationId: string;
        submittedAt: Date;
        score: number | null;
        criticalFailed: boolean;
      }>(`
        SELECT r."id", r."conversationId", r."submittedAt", r."score", r."criticalFailed", count(*) OVER () AS total
        FROM "Review" r
        WHERE r."agentId" ${subject} AND r."kind" = 'regular' AND r."status" = 'submitted'
          AND r."submittedAt" >= ${from} AND r."submittedAt" < ${to} ${filter}
        ORDER BY r."submittedAt" DESC, r."id" ${limit}`);
      return { source: "reviews", total, rows: rows.map((row) => ({ kind: "review", ...row })) };
    }
    case "exam_attempts": {
      const filter = input.metric === "exam_pass_rate" ? `AND a."passed" IS NOT NULL` : `AND a."percent" IS NOT NULL`;
      const { total, rows } = await run<{
        id: string;
        examTitle: string;
        submittedAt: Date;
        scorePercent: number | null;
        passed: boolean | null;
      }>(`
        SELECT a."id", e."title" AS "examTitle", a."submittedAt", a."percent"::double precision AS "scorePercent",
          a."passed", count(*) OVER () AS total
        FROM "ExamAttempt" a JOIN "Exam" e ON e."id" = a."examId"
        WHERE a."userId" ${subject} AND a."status" = 'graded'
          AND a."submittedAt" >= ${from} AND a."submittedAt" < ${to} ${filter}
        ORDER BY a."submittedAt" DESC, a."id" ${limit}`);
      return { source: "exam_attempts", total, rows: rows.map((row) => ({ kind: "attempt", ...row })) };
    }
    case "assignments": {
      const { total, rows } = await run<{ id: string; title: string; dueAt: Date; completedAt: Date | null }>(`
        SELECT ar."id", coalesce(co."title", p."title", e."title", '') AS title, ar."dueAt", ar."completedAt",
          count(*) OVER () AS total
        FROM "AssignmentRecipient" ar
        JOIN "LearningAssignment" la ON la."id" = ar."assignmentId"
        LEFT JOIN "Course" co ON co."id" = la."courseId"
        LEFT JOIN "LearningPath" p ON p."id" = la."pathId"
        LEFT JOIN "Exam" e ON e."id" = la."examId"
        WHERE ar."userId" ${subject} AND ${dueAssignmentsWhere(from, to, sqlTimestamp(new Date()))}
        ORDER BY ar."dueAt" DESC, ar."id" ${limit}`);
      return { source: "assignments", total, rows: rows.map((row) => ({ kind: "assignment", ...row })) };
    }
    case "feedback": {
      const { total, rows } = await run<{ subjectId: string; cycleName: string; overallScore: number | null }>(`
        SELECT fs."id" AS "subjectId", fc."name" AS "cycleName", fs."overallScore", count(*) OVER () AS total
        FROM "FeedbackSubject" fs JOIN "FeedbackCycle" fc ON fc."id" = fs."cycleId"
        WHERE fs."userId" ${subject} AND fs."overallScore" IS NOT NULL
          AND fc."periodEnd" >= '${input.period.start}'::date AND fc."periodEnd" < '${periodEndDay(input.period)}'::date
        ORDER BY fc."periodEnd" DESC, fs."id" ${limit}`);
      return { source: "feedback", total, rows: rows.map((row) => ({ kind: "feedback", ...row })) };
    }
    default:
      throw new Error(`No drill-down for ${input.metric}`);
  }
}
