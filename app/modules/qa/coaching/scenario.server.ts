/**
 * A coaching task can ask the agent to practise a role-play scenario: the published scenarios the form offers,
 * starting (or resuming) the practice session linked to the task, and the best result of the task's sessions.
 */
import { startRolePlaySession } from "~/modules/roleplay/sessions.server";
import { db } from "~/utils/db.server";

export async function publishedScenarioOptions() {
  return db.scenario.findMany({
    where: { status: "published", publishedVersionId: { not: null }, archivedAt: null },
    orderBy: { title: "asc" },
    select: { id: true, title: true },
  });
}

export async function isPublishedScenario(scenarioId: string) {
  const count = await db.scenario.count({
    where: { id: scenarioId, status: "published", publishedVersionId: { not: null }, archivedAt: null },
  });
  return count > 0;
}

export type TaskPractice = {
  scenario: { id: string; title: string; summary: string; difficulty: string; playable: boolean };
  sessions: number;
  pendingReview: number;
  inProgressSessionId: string | null;
  best: { sessionId: string; finalScore: number; passed: boolean | null } | null;
};

/** The task's scenario and the results of the practice sessions played for it (null without a scenario). */
export async function taskPractice(taskId: string): Promise<TaskPractice | null> {
  const task = await db.coachingTask.findUnique({
    where: { id: taskId },
    select: {
      agentId: true,
      scenario: {
        select: { id: true, title: true, summary: true, difficulty: true, publishedVersionId: true, archivedAt: true },
      },
    },
  });
  if (!task?.scenario) return null;
  const where = { coachingTaskId: taskId, userId: task.agentId };
  const [counts, best, open] = await Promise.all([
    db.rolePlaySession.groupBy({ by: ["status"], where, _count: true }),
    db.rolePlaySession.findFirst({
      where: { ...where, status: "completed", finalScore: { not: null } },
      orderBy: [{ finalScore: "desc" }, { endedAt: "asc" }],
      select: { id: true, finalScore: true, passed: true },
    }),
    db.rolePlaySession.findFirst({
      where: { ...where, status: "in_progress" },
      orderBy: { startedAt: "desc" },
      select: { id: true },
    }),
  ]);
  const { scenario } = task;
  return {
    scenario: {
      id: scenario.id,
      title: scenario.title,
      summary: scenario.summary,
      difficulty: scenario.difficulty,
      playable: scenario.publishedVersionId !== null && scenario.archivedAt === null,
    },
    sessions: counts.reduce((sum, row) => sum + row._count, 0),
    pendingReview: counts.find((row) => row.status === "pending_review")?._count ?? 0,
    inProgressSessionId: open?.id ?? null,
    best: best ? { sessionId: best.id, finalScore: best.finalScore!, passed: best.passed } : null,
  };
}

export type StartPracticeResult =
  | { ok: true; sessionId: string }
  | { ok: false; status: 404 | 409; reason: "not-found" | "no-scenario" | "task-closed" | "unplayable" };

/**
 * Starts (or resumes) the agent's practice session for the task's scenario, linked to the task. A practice session
 * of the same scenario already in progress is resumed and from then on counts for the task too.
 */
export async function startTaskPractice(
  taskId: string,
  agentId: string,
  now = new Date(),
): Promise<StartPracticeResult> {
  const task = await db.coachingTask.findUnique({
    where: { id: taskId },
    select: {
      agentId: true,
      status: true,
      scenario: { select: { id: true, publishedVersionId: true, archivedAt: true } },
    },
  });
  if (!task || task.agentId !== agentId) return { ok: false, status: 404, reason: "not-found" };
  if (!task.scenario) return { ok: false, status: 404, reason: "no-scenario" };
  if (task.status === "cancelled" || task.status === "closed") return { ok: false, status: 409, reason: "task-closed" };
  if (!task.scenario.publishedVersionId || task.scenario.archivedAt) {
    return { ok: false, status: 409, reason: "unplayable" };
  }
  const { sessionId } = await startRolePlaySession({
    userId: agentId,
    scenarioId: task.scenario.id,
    mode: "practice",
    coachingTaskId: taskId,
    now,
  });
  await db.rolePlaySession.updateMany({
    where: { id: sessionId, userId: agentId, coachingTaskId: null },
    data: { coachingTaskId: taskId },
  });
  return { ok: true, sessionId };
}
