/**
 * Scenario items inside an attempt: the session behind each item, scoring the item when its session becomes final,
 * and finishing an attempt that was only waiting for role-play reviews. Rules: roleplay-items.ts.
 */
import { notify } from "~/modules/notifications/notifications.server";
import { abandonRolePlaySession, startRolePlaySession } from "~/modules/roleplay/sessions.server";
import { db, type Prisma } from "~/utils/db.server";
import { finaliseAttempt } from "./attempts.server";
import {
  isScenarioSnapshot,
  scenarioItemScore,
  sessionFinal,
  type ScenarioSnapshot,
  type SessionState,
} from "./roleplay-items";

type Tx = Prisma.TransactionClient;
type Client = Tx | typeof db;

/**
 * Snapshots of the exam's scenario items, pinned to each scenario's published version at the time the paper is
 * drawn. Never the script: only what identifies and describes the item. `ok: false` when a scenario has no
 * published version any more (the attempt cannot start).
 */
export async function scenarioSnapshots(
  client: Client,
  examId: string,
): Promise<{ ok: true; snapshots: ScenarioSnapshot[] } | { ok: false }> {
  const items = await client.examItem.findMany({
    where: { examId, kind: "scenario" },
    orderBy: { position: "asc" },
    select: {
      points: true,
      passPercent: true,
      scenario: {
        select: {
          id: true,
          title: true,
          summary: true,
          difficulty: true,
          archivedAt: true,
          publishedVersion: { select: { id: true, title: true } },
        },
      },
    },
  });
  const snapshots: ScenarioSnapshot[] = [];
  for (const item of items) {
    const scenario = item.scenario;
    if (!scenario?.publishedVersion || scenario.archivedAt) return { ok: false };
    snapshots.push({
      type: "scenario",
      scenarioId: scenario.id,
      scenarioVersionId: scenario.publishedVersion.id,
      title: scenario.publishedVersion.title,
      summary: scenario.summary,
      points: Number(item.points ?? 0),
      passPercent: Number(item.passPercent ?? 0),
      category: scenario.publishedVersion.title,
      difficulty: scenario.difficulty,
    });
  }
  return { ok: true, snapshots };
}

export type ScenarioItemState = {
  itemId: string;
  position: number;
  passPercent: number;
  state: SessionState;
  sessionId: string | null;
  finalScore: number | null;
};

/** Each scenario item of the attempt with the state of its session ("none" before it is started). */
export async function scenarioStates(client: Client, attemptId: string): Promise<ScenarioItemState[]> {
  const items = await client.examAttemptItem.findMany({
    where: { attemptId, questionId: null },
    orderBy: { position: "asc" },
    select: {
      id: true,
      position: true,
      snapshot: true,
      rolePlaySession: { select: { id: true, status: true, finalScore: true } },
    },
  });
  return items.flatMap((item) =>
    isScenarioSnapshot(item.snapshot)
      ? [
          {
            itemId: item.id,
            position: item.position,
            passPercent: item.snapshot.passPercent,
            state: (item.rolePlaySession?.status ?? "none") as SessionState,
            sessionId: item.rolePlaySession?.id ?? null,
            finalScore: item.rolePlaySession?.finalScore ?? null,
          },
        ]
      : [],
  );
}

/** Abandons the attempt's role-plays still in progress (deadline reached): they end with a final score of 0. */
export async function abandonOpenRolePlays(attemptId: string, now: Date): Promise<number> {
  const open = await db.rolePlaySession.findMany({
    where: { status: "in_progress", examAttemptItem: { attemptId } },
    select: { id: true, userId: true },
  });
  let abandoned = 0;
  for (const session of open) {
    try {
      await abandonRolePlaySession({ sessionId: session.id, userId: session.userId, now });
      abandoned += 1;
    } catch (error) {
      // Ended in between (the last reply landed first): nothing to abandon.
      if (!isDataError(error, 409)) throw error;
    }
  }
  return abandoned;
}

function isDataError(error: unknown, status: number) {
  return (
    !!error &&
    typeof error === "object" &&
    "init" in error &&
    (error as { init?: { status?: number } }).init?.status === status
  );
}

export type StartItemResult =
  | { ok: true; sessionId: string }
  | { ok: false; status: 404 | 409; reason: "not-found" | "not-in-progress" | "deadline-passed" };

/**
 * Starts (or resumes) the exam-mode session of a scenario item of the learner's own in-progress attempt. The
 * session plays the version pinned in the item's snapshot; an item has exactly one session.
 */
export async function startScenarioItem(
  attemptId: string,
  position: number,
  userId: string,
  now = new Date(),
): Promise<StartItemResult> {
  const item = await db.examAttemptItem.findFirst({
    where: { attemptId, position, attempt: { userId } },
    select: {
      id: true,
      snapshot: true,
      rolePlaySession: { select: { id: true } },
      attempt: { select: { status: true, deadlineAt: true } },
    },
  });
  if (!item || !isScenarioSnapshot(item.snapshot)) return { ok: false, status: 404, reason: "not-found" };
  if (item.rolePlaySession) return { ok: true, sessionId: item.rolePlaySession.id };
  if (item.attempt.status !== "in_progress") return { ok: false, status: 409, reason: "not-in-progress" };
  if (item.attempt.deadlineAt && now > item.attempt.deadlineAt) {
    return { ok: false, status: 409, reason: "deadline-passed" };
  }
  const { sessionId } = await startRolePlaySession({
    userId,
    scenarioId: item.snapshot.scenarioId,
    versionId: item.snapshot.scenarioVersionId,
    mode: "exam",
    examAttemptItemId: item.id,
    now,
  });
  return { ok: true, sessionId };
}

export type ScenarioItemView = {
  position: number;
  title: string;
  summary: string;
  points: number;
  passPercent: number;
  score: number | null;
  session: null | {
    id: string;
    status: SessionState;
    finalScore: number | null;
    passed: boolean | null;
    reviewPending: boolean;
  };
};

/** What a page shows of the attempt's scenario items: title, points, threshold and the session's state and score. */
export async function scenarioItemViews(attemptId: string): Promise<ScenarioItemView[]> {
  const items = await db.examAttemptItem.findMany({
    where: { attemptId, questionId: null },
    orderBy: { position: "asc" },
    select: {
      position: true,
      snapshot: true,
      score: true,
      rolePlaySession: {
        select: { id: true, status: true, finalScore: true, passed: true, review: { select: { status: true } } },
      },
    },
  });
  return items.flatMap((item) => {
    if (!isScenarioSnapshot(item.snapshot)) return [];
    const session = item.rolePlaySession;
    return [
      {
        position: item.position,
        title: item.snapshot.title,
        summary: item.snapshot.summary,
        points: item.snapshot.points,
        passPercent: item.snapshot.passPercent,
        score: item.score === null ? null : Number(item.score),
        session: session
          ? {
              id: session.id,
              status: session.status as SessionState,
              finalScore: session.finalScore,
              passed: session.passed,
              reviewPending: !!session.review && session.review.status !== "submitted",
            }
          : null,
      },
    ];
  });
}

/**
 * Called inside the transaction that makes a session final (completed with its final score, or abandoned). Scores
 * the exam item it was played for; when the attempt is already submitted and nothing else waits for a person, the
 * attempt is finalised with the usual outcome (pass mark, certificate, remediation, notification). Idempotent.
 */
export async function settleRolePlayExamItem(tx: Tx, sessionId: string): Promise<void> {
  const session = await tx.rolePlaySession.findUnique({
    where: { id: sessionId },
    select: {
      status: true,
      finalScore: true,
      endedAt: true,
      review: { select: { reviewerId: true } },
      examAttemptItem: {
        select: { id: true, attemptId: true, snapshot: true, maxScore: true, score: true },
      },
    },
  });
  const item = session?.examAttemptItem;
  if (!session || !item || !isScenarioSnapshot(item.snapshot)) return;
  if (!sessionFinal(session.status as SessionState)) return;
  const score = scenarioItemScore(Number(item.maxScore), session.status === "abandoned" ? null : session.finalScore);
  await tx.examAttemptItem.update({
    where: { id: item.id },
    data: { autoScore: score, score, gradedAt: session.endedAt ?? new Date() },
  });
  const attempt = await tx.examAttempt.findUnique({
    where: { id: item.attemptId },
    select: { id: true, status: true, userId: true, exam: { select: { title: true } } },
  });
  if (!attempt || attempt.status !== "pending_grading") return;
  const unscored = await tx.examAttemptItem.count({ where: { attemptId: attempt.id, score: null } });
  if (unscored > 0) return;
  const at = new Date();
  const totals = await finaliseAttempt(tx, attempt.id, at, session.review?.reviewerId ?? null);
  await notify(
    {
      userId: attempt.userId,
      kind: "training-attempt-graded",
      params: { exam: attempt.exam.title, percent: totals.percent },
      link: `/learn/attempts/${attempt.id}/result`,
    },
    tx,
  );
}
