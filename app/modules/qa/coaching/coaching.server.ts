/**
 * Coaching tasks: who may see and manage them, creation from a review or a repeatedly failed criterion,
 * completion by the agent, follow-up, cancellation. Every change is audited and notified in one transaction.
 * "Team" access means the teams a person leads; an agent's team is their current team.
 */
import { dayIn } from "~/utils/calendar";
import { recordAudit } from "~/modules/audit/audit.server";
import { accessLevel, type Permission } from "~/modules/identity/permissions";
import { notify } from "~/modules/notifications/notifications.server";
import { endOfLocalDay, sqlUtcTimestamp } from "~/modules/qa/reports/dates";
import { db, Prisma } from "~/utils/db.server";
import { env } from "~/utils/env.server";
import {
  SUGGESTION_MIN_FAILURES,
  SUGGESTION_WINDOW_DAYS,
  transition,
  type CoachingAction,
  type CoachingStatus,
  type CreateCoachingInput,
  type FollowUpOutcome,
  type TaskFilter,
} from "./coaching";
import { isPublishedScenario, publishedScenarioOptions } from "./scenario.server";

export type Actor = { id: string; ipAddress?: string | null };
export type ScopeUser = { id: string; permissions: ReadonlySet<Permission>; ledTeamIds: string[] };
/** null teamIds = every team. */
export type CoachingScope = { teamIds: string[] | null };

export function coachingScope(user: ScopeUser, action: "read" | "create"): CoachingScope | null {
  const level = accessLevel(user.permissions, action, "coaching");
  if (level === "any") return { teamIds: null };
  if (level === "team") return { teamIds: user.ledTeamIds };
  return null;
}

export function inScope(scope: CoachingScope | null, teamId: string | null): boolean {
  if (!scope) return false;
  return scope.teamIds === null || (teamId !== null && scope.teamIds.includes(teamId));
}

function agentScopeWhere(scope: CoachingScope): Prisma.UserWhereInput {
  return scope.teamIds === null ? {} : { teamId: { in: scope.teamIds } };
}

function teamSql(scope: CoachingScope): Prisma.Sql {
  if (scope.teamIds === null) return Prisma.sql`TRUE`;
  return scope.teamIds.length > 0 ? Prisma.sql`u."teamId" IN (${Prisma.join(scope.teamIds)})` : Prisma.sql`FALSE`;
}

export type CriterionInfo = { key: string; name: string; description: string | null; guidance: string | null };

/** Names and guidance of criterion keys: from the given rubric version when it has the key, else the newest. */
export async function criteriaInfo(keys: string[], preferVersionId: string | null = null): Promise<CriterionInfo[]> {
  if (keys.length === 0) return [];
  const rows = await db.$queryRaw<CriterionInfo[]>`
    SELECT DISTINCT ON (k."key") k."key" AS "key", k."name" AS "name", k."description" AS "description",
      k."guidance" AS "guidance"
    FROM "RubricCriterion" k JOIN "RubricVersion" v ON v."id" = k."versionId"
    WHERE k."key" IN (${Prisma.join(keys)})
    ORDER BY k."key", (k."versionId" = ${preferVersionId ?? ""}) DESC, v."createdAt" DESC, v."version" DESC`;
  const byKey = new Map(rows.map((row) => [row.key, row]));
  return keys.map((key) => byKey.get(key) ?? { key, name: key, description: null, guidance: null });
}

/** Criteria an inspector can pick without a source review: the current version of every rubric in use. */
async function criterionOptions() {
  return db.$queryRaw<{ key: string; name: string }[]>`
    SELECT DISTINCT ON (k."key") k."key" AS "key", k."name" AS "name"
    FROM "RubricCriterion" k JOIN "RubricVersion" v ON v."id" = k."versionId" JOIN "Rubric" r ON r."id" = v."rubricId"
    WHERE r."status" <> 'draft' AND k."bonus" = FALSE
    ORDER BY k."key", v."version" DESC`;
}

async function agentOptions(scope: CoachingScope) {
  const agents = await db.user.findMany({
    where: { status: "active", roles: { some: { role: "agent" } }, ...agentScopeWhere(scope) },
    orderBy: [{ team: { name: "asc" } }, { externalId: "asc" }],
    select: { id: true, name: true, externalId: true, team: { select: { name: true } } },
  });
  return agents.map((agent) => ({
    id: agent.id,
    label: `${agent.name}（${agent.externalId}）`,
    team: agent.team?.name ?? null,
  }));
}

/** A submitted regular review, its agent's team, and its failed criteria. */
async function loadSourceReview(reviewId: string) {
  return db.review.findFirst({
    where: { id: reviewId, kind: "regular", status: "submitted", agentId: { not: null } },
    select: {
      id: true,
      agentId: true,
      score: true,
      submittedAt: true,
      rubricVersionId: true,
      agent: { select: { name: true, externalId: true, teamId: true } },
      conversation: { select: { externalId: true } },
      scores: { where: { failed: true }, select: { criterion: { select: { key: true, name: true, position: true } } } },
    },
  });
}

export type CreateFormPrefill = {
  agentId: string;
  sourceReviewId: string;
  criterionKeys: string[];
  title: string;
};

/** Published courses a task can point to, by title. */
async function publishedCourses() {
  return db.course.findMany({
    where: { status: "published" },
    orderBy: [{ title: "asc" }],
    select: { id: true, title: true },
  });
}

/**
 * What the "new task" form needs. From a review: its agent and failed criteria (403 when the agent is outside
 * the creator's teams, null review = 404). From a suggestion: the agent and criterion key.
 */
export async function loadCreateForm(
  scope: CoachingScope,
  query: { reviewId: string | null; agentId: string | null; criterionKey: string | null },
) {
  const [agents, options, courses, scenarios] = await Promise.all([
    agentOptions(scope),
    criterionOptions(),
    publishedCourses(),
    publishedScenarioOptions(),
  ]);
  const prefill: CreateFormPrefill = { agentId: "", sourceReviewId: "", criterionKeys: [], title: "" };
  let source: {
    id: string;
    score: number | null;
    submittedAt: string | null;
    agent: string;
    conversation: string;
  } | null = null;
  if (query.reviewId) {
    const review = await loadSourceReview(query.reviewId);
    if (!review) return { status: "notFound" as const };
    if (!inScope(scope, review.agent?.teamId ?? null)) return { status: "forbidden" as const };
    const failed = review.scores.map((score) => score.criterion).sort((a, b) => a.position - b.position);
    prefill.agentId = review.agentId ?? "";
    prefill.sourceReviewId = review.id;
    prefill.criterionKeys = failed.map((criterion) => criterion.key);
    prefill.title = failed.length > 0 ? `${failed.map((criterion) => criterion.name).join("、")}提升` : "";
    source = {
      id: review.id,
      score: review.score,
      submittedAt: review.submittedAt?.toISOString() ?? null,
      agent: `${review.agent?.name ?? ""}（${review.agent?.externalId ?? ""}）`,
      conversation: review.conversation.externalId,
    };
    for (const criterion of failed) {
      if (!options.some((option) => option.key === criterion.key))
        options.push({ key: criterion.key, name: criterion.name });
    }
  } else {
    if (query.agentId && agents.some((agent) => agent.id === query.agentId)) prefill.agentId = query.agentId;
    const suggested = query.criterionKey ? options.find((option) => option.key === query.criterionKey) : undefined;
    if (suggested) {
      prefill.criterionKeys = [suggested.key];
      prefill.title = `${suggested.name}提升`;
    }
  }
  options.sort((a, b) => a.name.localeCompare(b.name, "zh-CN"));
  return { status: "ok" as const, agents, criteria: options, courses, scenarios, prefill, source };
}

type FieldErrors = Record<string, string[]>;
export type CreateResult =
  { ok: true; id: string } | { ok: false; forbidden?: boolean; fieldErrors?: FieldErrors; formErrors?: string[] };

export async function createCoachingTask(
  input: CreateCoachingInput,
  scope: CoachingScope,
  actor: Actor,
  now = new Date(),
): Promise<CreateResult> {
  const timeZone = env().APP_TIME_ZONE;
  if (input.dueDate < dayIn(now, timeZone)) {
    return { ok: false, fieldErrors: { dueDate: ["qa-coaching:errors.dueInPast"] } };
  }
  const agent = await db.user.findFirst({
    where: { id: input.agentId, status: "active", roles: { some: { role: "agent" } } },
    select: { id: true, name: true, teamId: true },
  });
  if (!agent) return { ok: false, fieldErrors: { agentId: ["qa-coaching:errors.agent"] } };
  if (!inScope(scope, agent.teamId)) return { ok: false, forbidden: true };
  if (input.sourceReviewId) {
    const review = await db.review.findFirst({
      where: { id: input.sourceReviewId, kind: "regular", status: "submitted", agentId: agent.id },
      select: { id: true },
    });
    if (!review) return { ok: false, formErrors: ["qa-coaching:errors.sourceReview"] };
  }
  const keys = [...new Set(input.criterionKeys)];
  if (keys.length > 0) {
    const known = await db.rubricCriterion.findMany({
      where: { key: { in: keys } },
      distinct: ["key"],
      select: { key: true },
    });
    if (known.length !== keys.length)
      return { ok: false, fieldErrors: { criterionKeys: ["qa-coaching:errors.criteria"] } };
  }
  const linkErrors: FieldErrors = {};
  if (input.courseId && !(await db.course.count({ where: { id: input.courseId, status: "published" } }))) {
    linkErrors.courseId = ["training-kb:errors.courseUnavailable"];
  }
  if (input.articleId && !(await db.kbArticle.count({ where: { id: input.articleId, status: "published" } }))) {
    linkErrors.articleId = ["training-kb:errors.articleUnavailable"];
  }
  if (input.scenarioId && !(await isPublishedScenario(input.scenarioId))) {
    linkErrors.scenarioId = ["roleplay:coaching.scenarioUnknown"];
  }
  if (Object.keys(linkErrors).length > 0) return { ok: false, fieldErrors: linkErrors };
  const dueAt = endOfLocalDay(input.dueDate, timeZone);
  const task = await db.$transaction(async (tx) => {
    const created = await tx.coachingTask.create({
      data: {
        agentId: agent.id,
        createdById: actor.id,
        sourceReviewId: input.sourceReviewId ?? null,
        criterionKeys: keys,
        title: input.title,
        notes: input.notes,
        resourceTitle: input.resourceTitle ?? null,
        resourceUrl: input.resourceUrl ?? null,
        courseId: input.courseId ?? null,
        articleId: input.articleId ?? null,
        scenarioId: input.scenarioId ?? null,
        dueAt,
        followUpRequired: input.followUp,
      },
      select: { id: true },
    });
    await recordAudit(
      {
        actorId: actor.id,
        action: "coaching.create",
        entityType: "CoachingTask",
        entityId: created.id,
        after: {
          agentId: agent.id,
          sourceReviewId: input.sourceReviewId ?? null,
          criterionKeys: keys,
          title: input.title,
          courseId: input.courseId ?? null,
          articleId: input.articleId ?? null,
          scenarioId: input.scenarioId ?? null,
          dueAt: dueAt.toISOString(),
          followUp: input.followUp,
        },
        ipAddress: actor.ipAddress,
      },
      tx,
    );
    await notify(
      {
        userId: agent.id,
        kind: "coaching-assigned",
        params: { title: input.title, due: input.dueDate },
        link: `/agent/coaching/${created.id}`,
      },
      tx,
    );
    return created;
  });
  return { ok: true, id: task.id };
}

function taskWhere(scope: CoachingScope, filter: TaskFilter, now: Date): Prisma.CoachingTaskWhereInput {
  const statuses: Prisma.CoachingTaskWhereInput =
    filter.status === "all"
      ? {}
      : filter.status === "active"
        ? { status: { in: ["open", "completed"] } }
        : { status: filter.status };
  return {
    agent: {
      ...agentScopeWhere(scope),
      ...(filter.teamId ? { teamId: filter.teamId } : {}),
      ...(filter.agent ? { externalId: filter.agent } : {}),
    },
    ...statuses,
    ...(filter.overdue ? { status: "open", dueAt: { lt: now } } : {}),
    // The agent relation filter above already holds the scope; an empty team list matches nothing.
  };
}

const TASK_LIST_SELECT = {
  id: true,
  title: true,
  status: true,
  dueAt: true,
  createdAt: true,
  criterionKeys: true,
  outcome: true,
  followUpRequired: true,
  agent: { select: { id: true, name: true, externalId: true, team: { select: { name: true } } } },
  createdBy: { select: { name: true } },
} satisfies Prisma.CoachingTaskSelect;

export async function listCoachingTasks(
  scope: CoachingScope,
  filter: TaskFilter,
  page: number,
  pageSize: number,
  now = new Date(),
) {
  const where = taskWhere(scope, filter, now);
  const [rows, total] = await Promise.all([
    db.coachingTask.findMany({
      where,
      orderBy: [{ status: "asc" }, { dueAt: "asc" }],
      skip: (page - 1) * pageSize,
      take: pageSize,
      select: TASK_LIST_SELECT,
    }),
    db.coachingTask.count({ where }),
  ]);
  return {
    total,
    rows: rows.map((row) => ({ ...row, dueAt: row.dueAt.toISOString(), createdAt: row.createdAt.toISOString() })),
  };
}

export type TeamCount = {
  teamId: string | null;
  teamName: string | null;
  open: number;
  overdue: number;
  completed: number;
  closed: number;
  cancelled: number;
};

/** Tasks per team and status (overdue = open past due), for the leads' overview. */
export async function countTasksByTeam(scope: CoachingScope, now = new Date()): Promise<TeamCount[]> {
  return db.$queryRaw<TeamCount[]>`
    SELECT u."teamId" AS "teamId", tm."name" AS "teamName",
      COUNT(*) FILTER (WHERE t."status" = 'open')::int AS "open",
      COUNT(*) FILTER (WHERE t."status" = 'open' AND t."dueAt" < ${sqlUtcTimestamp(now)}::timestamp)::int AS "overdue",
      COUNT(*) FILTER (WHERE t."status" = 'completed')::int AS "completed",
      COUNT(*) FILTER (WHERE t."status" = 'closed')::int AS "closed",
      COUNT(*) FILTER (WHERE t."status" = 'cancelled')::int AS "cancelled"
    FROM "CoachingTask" t JOIN "User" u ON u."id" = t."agentId" LEFT JOIN "Team" tm ON tm."id" = u."teamId"
    WHERE ${teamSql(scope)}
    GROUP BY u."teamId", tm."name" ORDER BY tm."name" ASC NULLS LAST`;
}

export type Suggestion = {
  agentId: string;
  agentName: string;
  externalId: string;
  teamName: string | null;
  criterionKey: string;
  criterionName: string;
  failures: number;
  lastReviewId: string;
};

/**
 * Agents who failed the same criterion at least 3 times in submitted regular reviews of the last 30 days and
 * have no open or completed (awaiting follow-up) task for it.
 */
export async function coachingSuggestions(scope: CoachingScope, now = new Date(), limit = 20): Promise<Suggestion[]> {
  return db.$queryRaw<Suggestion[]>`
    SELECT r."agentId" AS "agentId", u."name" AS "agentName", u."externalId" AS "externalId", tm."name" AS "teamName",
      k."key" AS "criterionKey", (ARRAY_AGG(k."name" ORDER BY r."submittedAt" DESC))[1] AS "criterionName",
      COUNT(*)::int AS "failures", (ARRAY_AGG(r."id" ORDER BY r."submittedAt" DESC))[1] AS "lastReviewId"
    FROM "ReviewScore" s
    JOIN "Review" r ON r."id" = s."reviewId"
    JOIN "RubricCriterion" k ON k."id" = s."criterionId"
    JOIN "User" u ON u."id" = r."agentId"
    LEFT JOIN "Team" tm ON tm."id" = u."teamId"
    WHERE s."failed" AND r."kind" = 'regular' AND r."status" = 'submitted'
      AND r."submittedAt" >= ${sqlUtcTimestamp(new Date(now.getTime() - SUGGESTION_WINDOW_DAYS * 86_400_000))}::timestamp
      AND u."status" = 'active' AND ${teamSql(scope)}
      AND NOT EXISTS (
        SELECT 1 FROM "CoachingTask" t
        WHERE t."agentId" = r."agentId" AND t."status" IN ('open', 'completed') AND k."key" = ANY(t."criterionKeys"))
    GROUP BY r."agentId", u."name", u."externalId", tm."name", k."key"
    HAVING COUNT(*) >= ${SUGGESTION_MIN_FAILURES}
    ORDER BY "failures" DESC, u."externalId" ASC, k."key" ASC
    LIMIT ${limit}`;
}

const TASK_DETAIL_SELECT = {
  id: true,
  agentId: true,
  createdById: true,
  title: true,
  notes: true,
  criterionKeys: true,
  resourceTitle: true,
  resourceUrl: true,
  course: { select: { id: true, title: true } },
  article: { select: { slug: true, title: true, kind: true, status: true } },
  dueAt: true,
  status: true,
  agentNote: true,
  completedAt: true,
  outcome: true,
  followUpRequired: true,
  closedAt: true,
  createdAt: true,
  agent: { select: { name: true, externalId: true, teamId: true, team: { select: { name: true } } } },
  createdBy: { select: { name: true } },
  sourceReview: { select: { id: true, score: true, submittedAt: true, rubricVersionId: true } },
  followUpReview: { select: { id: true, score: true, submittedAt: true } },
} satisfies Prisma.CoachingTaskSelect;

async function loadTask(taskId: string) {
  return db.coachingTask.findUnique({ where: { id: taskId }, select: TASK_DETAIL_SELECT });
}

/** Submitted regular reviews of the agent after the task was opened: what a follow-up can point to. */
export async function followUpCandidates(agentId: string, after: Date) {
  const reviews = await db.review.findMany({
    where: { agentId, kind: "regular", status: "submitted", submittedAt: { gt: after } },
    orderBy: { submittedAt: "desc" },
    take: 20,
    select: {
      id: true,
      score: true,
      passed: true,
      submittedAt: true,
      rubricVersion: { select: { rubric: { select: { name: true } } } },
    },
  });
  return reviews.map((review) => ({
    id: review.id,
    score: review.score,
    passed: review.passed,
    submittedAt: review.submittedAt?.toISOString() ?? null,
    rubric: review.rubricVersion.rubric.name,
  }));
}

/** The agent's progress in the task's course: the status of their latest enrollment round, or not started. */
async function courseProgress(task: NonNullable<Awaited<ReturnType<typeof loadTask>>>) {
  if (!task.course) return null;
  const enrollment = await db.courseEnrollment.findFirst({
    where: { userId: task.agentId, courseId: task.course.id },
    orderBy: { round: "desc" },
    select: { status: true, completedAt: true },
  });
  return {
    id: task.course.id,
    title: task.course.title,
    status: enrollment?.status ?? ("not_started" as const),
    completedAt: enrollment?.completedAt?.toISOString() ?? null,
  };
}

function serialiseTask(
  task: NonNullable<Awaited<ReturnType<typeof loadTask>>>,
  course: Awaited<ReturnType<typeof courseProgress>>,
) {
  const iso = (value: Date | null | undefined) => value?.toISOString() ?? null;
  return {
    id: task.id,
    title: task.title,
    notes: task.notes,
    resourceTitle: task.resourceTitle,
    resourceUrl: task.resourceUrl,
    course,
    // An article archived since the task was created is no longer readable by the agent: the link is dropped.
    article:
      task.article && task.article.status === "published"
        ? { slug: task.article.slug, title: task.article.title, kind: task.article.kind }
        : null,
    dueAt: task.dueAt.toISOString(),
    status: task.status,
    followUpWanted: task.followUpRequired,
    outcome: task.outcome,
    agentNote: task.agentNote,
    completedAt: iso(task.completedAt),
    closedAt: iso(task.closedAt),
    createdAt: task.createdAt.toISOString(),
    agent: {
      id: task.agentId,
      name: task.agent.name,
      externalId: task.agent.externalId,
      team: task.agent.team?.name ?? null,
    },
    createdBy: task.createdBy?.name ?? null,
    sourceReview: task.sourceReview
      ? { id: task.sourceReview.id, score: task.sourceReview.score, submittedAt: iso(task.sourceReview.submittedAt) }
      : null,
    followUpReview: task.followUpReview
      ? {
          id: task.followUpReview.id,
          score: task.followUpReview.score,
          submittedAt: iso(task.followUpReview.submittedAt),
        }
      : null,
  };
}

/** A task for QA staff and leads; null when it does not exist or its agent is outside the reader's teams. */
export async function getTaskForStaff(taskId: string, user: ScopeUser) {
  const task = await loadTask(taskId);
  if (!task || !inScope(coachingScope(user, "read"), task.agent.teamId)) return null;
  const [criteria, candidates, course] = await Promise.all([
    criteriaInfo(task.criterionKeys, task.sourceReview?.rubricVersionId ?? null),
    task.status === "completed" ? followUpCandidates(task.agentId, task.createdAt) : Promise.resolve([]),
    courseProgress(task),
  ]);
  return { task: serialiseTask(task, course), criteria, candidates, canManage: canManage(user, task) };
}

/** Follow-up and cancellation: coaching creators for the agent's team, or the task's own creator. */
function canManage(user: ScopeUser, task: { createdById: string | null; agent: { teamId: string | null } }) {
  const scope = coachingScope(user, "create");
  if (!scope) return false;
  return inScope(scope, task.agent.teamId) || task.createdById === user.id;
}

/** The agent's own task; null for anyone else's (the route answers 404, not 403, to hide that it exists). */
export async function getTaskForAgent(taskId: string, agentId: string) {
  const task = await loadTask(taskId);
  if (!task || task.agentId !== agentId) return null;
  const [criteria, course] = await Promise.all([
    criteriaInfo(task.criterionKeys, task.sourceReview?.rubricVersionId ?? null),
    courseProgress(task),
  ]);
  return { task: serialiseTask(task, course), criteria };
}

/** My tasks: those still to do (open, then awaiting follow-up, soonest due first) and a page of finished ones. */
export async function listAgentTasks(agentId: string, page: number, pageSize: number) {
  const select = {
    id: true,
    title: true,
    status: true,
    dueAt: true,
    completedAt: true,
    closedAt: true,
    outcome: true,
    followUpRequired: true,
    resourceTitle: true,
  } satisfies Prisma.CoachingTaskSelect;
  const done = { agentId, status: { in: ["closed", "cancelled"] } } satisfies Prisma.CoachingTaskWhereInput;
  const [current, history, historyTotal] = await Promise.all([
    db.coachingTask.findMany({
      where: { agentId, status: { in: ["open", "completed"] } },
      orderBy: [{ status: "asc" }, { dueAt: "asc" }],
      take: 100,
      select,
    }),
    db.coachingTask.findMany({
      where: done,
      orderBy: { updatedAt: "desc" },
      skip: (page - 1) * pageSize,
      take: pageSize,
      select,
    }),
    db.coachingTask.count({ where: done }),
  ]);
  const serialise = (row: (typeof current)[number]) => ({
    ...row,
    dueAt: row.dueAt.toISOString(),
    completedAt: row.completedAt?.toISOString() ?? null,
    closedAt: row.closedAt?.toISOString() ?? null,
  });
  return { current: current.map(serialise), history: history.map(serialise), historyTotal };
}

export type ChangeResult =
  | { ok: true }
  | { ok: false; status: 403 | 404 | 409; reason: string }
  | { ok: false; status: 400; fieldErrors: FieldErrors };

/** Applies a transition only if the task is still in the state it was read in (a concurrent change → 409). */
async function applyTransition(
  taskId: string,
  from: CoachingStatus,
  action: CoachingAction,
  data: Prisma.CoachingTaskUncheckedUpdateManyInput,
  audit: { actor: Actor; before: unknown; after: unknown },
  after?: (tx: Prisma.TransactionClient) => Promise<void>,
): Promise<ChangeResult> {
  return db.$transaction(async (tx) => {
    const updated = await tx.coachingTask.updateMany({ where: { id: taskId, status: from }, data });
    if (updated.count === 0) return { ok: false as const, status: 409 as const, reason: "changed" };
    await recordAudit(
      {
        actorId: audit.actor.id,
        action: `coaching.${action}`,
        entityType: "CoachingTask",
        entityId: taskId,
        before: audit.before,
        after: audit.after,
        ipAddress: audit.actor.ipAddress,
      },
      tx,
    );
    if (after) await after(tx);
    return { ok: true as const };
  });
}

export async function completeTask(
  taskId: string,
  agent: Actor,
  agentNote: string,
  now = new Date(),
): Promise<ChangeResult> {
  const task = await loadTask(taskId);
  if (!task || task.agentId !== agent.id) return { ok: false, status: 404, reason: "not found" };
  const next = transition(task, "complete");
  if (!next.ok) return { ok: false, status: 409, reason: next.reason };
  return applyTransition(
    taskId,
    task.status,
    "complete",
    { status: next.status, agentNote, completedAt: now, ...(next.closes ? { closedAt: now } : {}) },
    { actor: agent, before: { status: task.status }, after: { status: next.status, agentNote } },
    async (tx) => {
      if (!task.createdById || task.createdById === agent.id) return;
      await notify(
        {
          userId: task.createdById,
          kind: "coaching-completed",
          params: { name: task.agent.name, title: task.title },
          link: `/qa/coaching/${task.id}`,
        },
        tx,
      );
    },
  );
}

async function loadManageable(taskId: string, user: ScopeUser) {
  const task = await loadTask(taskId);
  if (!task || !inScope(coachingScope(user, "read"), task.agent.teamId)) {
    if (!task || task.createdById !== user.id)
      return { error: { ok: false, status: 404, reason: "not found" } as const };
  }
  if (!canManage(user, task)) return { error: { ok: false, status: 403, reason: "create:coaching:team" } as const };
  return { task };
}

export async function recordFollowUp(
  taskId: string,
  user: ScopeUser,
  actor: Actor,
  input: { reviewId: string; outcome: FollowUpOutcome },
  now = new Date(),
): Promise<ChangeResult> {
  const { task, error } = await loadManageable(taskId, user);
  if (error) return error;
  const next = transition(task, "follow-up");
  if (!next.ok) return { ok: false, status: 409, reason: next.reason };
  const review = await db.review.findFirst({
    where: {
      id: input.reviewId,
      agentId: task.agentId,
      kind: "regular",
      status: "submitted",
      submittedAt: { gt: task.createdAt },
    },
    select: { id: true, score: true },
  });
  if (!review) return { ok: false, status: 400, fieldErrors: { reviewId: ["qa-coaching:errors.followUpReview"] } };
  return applyTransition(
    taskId,
    task.status,
    "follow-up",
    { status: next.status, followUpReviewId: review.id, outcome: input.outcome, closedAt: now },
    {
      actor,
      before: { status: task.status },
      after: { status: next.status, followUpReviewId: review.id, score: review.score, outcome: input.outcome },
    },
  );
}

/** Closes a completed task without a follow-up review, or cancels an unfinished one. */
export async function finishTask(
  taskId: string,
  user: ScopeUser,
  actor: Actor,
  action: "close" | "cancel",
  now = new Date(),
): Promise<ChangeResult> {
  const { task, error } = await loadManageable(taskId, user);
  if (error) return error;
  const next = transition(task, action);
  if (!next.ok) return { ok: false, status: 409, reason: next.reason };
  return applyTransition(
    taskId,
    task.status,
    action,
    { status: next.status, closedAt: now, ...(action === "close" ? { outcome: null } : {}) },
    { actor, before: { status: task.status }, after: { status: next.status } },
  );
}

export async function teamOptions(scope: CoachingScope) {
  return db.team.findMany({
    where: scope.teamIds === null ? {} : { id: { in: scope.teamIds } },
    orderBy: { name: "asc" },
    select: { id: true, name: true },
  });
}
