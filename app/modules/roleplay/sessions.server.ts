/**
 * Role-play sessions: start, reply turn by turn, abandon, and the view a page shows. Every message is stored with its
 * timing as it happens, so a reload resumes the session; timing is measured on the server (see typing.ts and
 * docs/roleplay-scoring.md). When the customer reaches an end node the session is scored at once and either
 * completed or queued for a person to score the transcript with the scenario's rubric.
 */
import { data } from "@remix-run/node";
import type { RolePlayMode } from "~/generated/prisma/enums";
import { recordAudit } from "~/modules/audit/audit.server";
import { hasPermission, type Permission } from "~/modules/identity/permissions";
import { settleRolePlayExamItem } from "~/modules/training/exams/roleplay-items.server";
import { db, Prisma } from "~/utils/db.server";
import { badRequest, conflict, notFound } from "~/utils/http.server";
import { customerEngine, DEFAULT_ENGINE, type CustomerMessage } from "./engine";
import { ScriptError } from "./engine/scripted";
import { matchIntents } from "./intents";
import { EARLY_REPLY_TOLERANCE_MS, REPLY_MAX_CHARACTERS, type PlayTurn, type PlayView } from "./play-view";
import type { Script } from "./script";
import {
  buildAutoReport,
  finalScore,
  isOverTime,
  isPassed,
  redLinesCrossedBy,
  round2,
  stepsCreditedBy,
  type AutoReport,
  type SessionOutcome,
} from "./scoring";
import { storedScript } from "./stored-script";
import { bubbleTimes } from "./typing";
import { hasBlockingIssues, validateScript } from "./validate";

export type { AutoReport, PlayTurn, PlayView } from "./play-view";

type Tx = Prisma.TransactionClient;

export type RolePlayViewer = { id: string; permissions: ReadonlySet<Permission> };

export function forbiddenError(message: string): never {
  throw data({ message }, { status: 403, statusText: "Forbidden" });
}

const versionSelect = {
  id: true,
  version: true,
  scenarioId: true,
  status: true,
  script: true,
  contentHash: true,
  rubricVersionId: true,
} as const;

function customerTurns(
  messages: CustomerMessage[],
  mood: Script["persona"]["mood"],
  from: Date,
  firstPosition: number,
) {
  const times = bubbleTimes(
    messages.map((message) => message.text),
    mood,
    from,
  );
  return messages.map((message, index) => ({
    position: firstPosition + index,
    speaker: "customer" as const,
    nodeId: message.nodeId,
    text: message.text,
    shownAt: times[index]!,
  }));
}

const playable = new Map<string, boolean>();

/** The version's script, if it can be played: a draft being edited may not parse or may have blocking errors. */
function playableScript(version: { id: string; contentHash: string; script: unknown }): Script {
  let script: Script;
  try {
    script = storedScript(version);
  } catch {
    conflict("this version's script is not valid: fix it before playing");
  }
  const key = `${version.id}:${version.contentHash}`;
  if (!playable.has(key)) {
    if (playable.size > 500) playable.clear();
    playable.set(key, !hasBlockingIssues(validateScript(script)));
  }
  if (!playable.get(key)) conflict("this version's script has errors: fix them before playing");
  return script;
}

function isUniqueViolation(error: unknown) {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}

// ───────────────────────────── start ─────────────────────────────

export type StartRolePlayInput = {
  userId: string;
  scenarioId: string;
  mode: RolePlayMode;
  versionId?: string;
  examAttemptItemId?: string;
  coachingTaskId?: string;
  now?: Date;
};

async function versionToPlay(input: StartRolePlayInput) {
  const scenario = await db.scenario.findUnique({
    where: { id: input.scenarioId },
    select: { id: true, archivedAt: true, publishedVersionId: true },
  });
  if (!scenario) notFound("scenario not found");
  if (input.mode === "test") {
    if (!input.versionId) badRequest("a test-play needs the version to play");
  } else if (scenario.archivedAt && input.mode === "practice") {
    conflict("this scenario is archived");
  }
  const versionId = input.versionId ?? scenario.publishedVersionId;
  if (!versionId) conflict("this scenario has no published version");
  const version = await db.scenarioVersion.findUnique({ where: { id: versionId }, select: versionSelect });
  if (!version || version.scenarioId !== scenario.id) notFound("scenario version not found");
  if (input.mode !== "test" && version.status === "draft") conflict("a draft can only be test-played");
  return version;
}

/**
 * Starts (or resumes) a session. practice/exam play the published version (an exam may pin a version); test plays
 * the given version, typically the draft. An in-progress practice session of the same person and scenario is
 * resumed instead of starting another; an exam item has exactly one session.
 */
export async function startRolePlaySession(input: StartRolePlayInput): Promise<{ sessionId: string }> {
  const now = input.now ?? new Date();
  if (input.mode === "exam") {
    if (!input.examAttemptItemId) badRequest("an exam session belongs to an exam item");
    const existing = await db.rolePlaySession.findUnique({
      where: { examAttemptItemId: input.examAttemptItemId },
      select: { id: true, userId: true },
    });
    if (existing) {
      if (existing.userId !== input.userId) forbiddenError("this exam item belongs to someone else");
      return { sessionId: existing.id };
    }
  }
  if (input.mode === "practice") {
    const existing = await db.rolePlaySession.findFirst({
      where: {
        userId: input.userId,
        mode: "practice",
        status: "in_progress",
        scenarioVersion: { scenarioId: input.scenarioId },
      },
      orderBy: { startedAt: "desc" },
      select: { id: true, coachingTaskId: true },
    });
    if (existing) {
      // A coaching task opened on a scenario the agent was already practising counts that session for the task.
      if (input.coachingTaskId && !existing.coachingTaskId) {
        await db.rolePlaySession.update({ where: { id: existing.id }, data: { coachingTaskId: input.coachingTaskId } });
      }
      return { sessionId: existing.id };
    }
  }

  const version = await versionToPlay(input);
  const script = playableScript(version);
  const engine = customerEngine(DEFAULT_ENGINE);
  const opening = engine.open(script);
  const turns = customerTurns(opening.messages, script.persona.mood, now, 1);
  const lastShown = turns.at(-1)?.shownAt ?? now;

  try {
    return await db.$transaction(async (tx) => {
      const session = await tx.rolePlaySession.create({
        data: {
          scenarioVersionId: version.id,
          userId: input.userId,
          mode: input.mode,
          engine: engine.name,
          state: opening.state as Prisma.InputJsonValue,
          awaitingSince: opening.end ? null : lastShown,
          startedAt: now,
          examAttemptItemId: input.examAttemptItemId ?? null,
          coachingTaskId: input.coachingTaskId ?? null,
          turns: { create: turns },
        },
        select: { id: true },
      });
      if (opening.end) await finishSession(tx, session.id, opening.end, now);
      return { sessionId: session.id };
    });
  } catch (error) {
    // Two starts of the same exam item at once: the other one won, use its session.
    if (isUniqueViolation(error) && input.examAttemptItemId) {
      const existing = await db.rolePlaySession.findUnique({
        where: { examAttemptItemId: input.examAttemptItemId },
        select: { id: true },
      });
      if (existing) return { sessionId: existing.id };
    }
    throw error;
  }
}

// ───────────────────────────── reply ─────────────────────────────

export type SendReplyInput = { sessionId: string; userId: string; text: string; now?: Date };

async function openSessionOf(sessionId: string, userId: string) {
  const session = await db.rolePlaySession.findUnique({
    where: { id: sessionId },
    select: {
      id: true,
      userId: true,
      status: true,
      mode: true,
      engine: true,
      state: true,
      awaitingSince: true,
      updatedAt: true,
      scenarioVersion: { select: versionSelect },
    },
  });
  if (!session) notFound("role-play session not found");
  if (session.userId !== userId) forbiddenError("only the person playing can act in this session");
  if (session.status !== "in_progress") conflict("this session has already ended");
  return session;
}

/**
 * Records the agent's reply and the customer's answer in one transaction: the reply with its response time, the
 * intents, steps and red lines it matched, then the customer's bubbles with their typing delays. On an end node the
 * session is scored and finished in the same transaction.
 */
export async function sendRolePlayReply(input: SendReplyInput): Promise<PlayView> {
  const now = input.now ?? new Date();
  const text = input.text.trim();
  if (text.length === 0) badRequest("the reply is empty");
  if ([...text].length > REPLY_MAX_CHARACTERS) badRequest(`a reply has at most ${REPLY_MAX_CHARACTERS} characters`);

  const session = await openSessionOf(input.sessionId, input.userId);
  const awaitingSince = session.awaitingSince;
  if (awaitingSince && now.getTime() < awaitingSince.getTime() - EARLY_REPLY_TOLERANCE_MS) {
    conflict("the customer has not finished typing");
  }
  const script = playableScript(session.scenarioVersion);
  const engine = customerEngine(session.engine);

  const [previousReplies, lastTurn] = await Promise.all([
    db.rolePlayTurn.findMany({ where: { sessionId: session.id, speaker: "agent" }, select: { steps: true } }),
    db.rolePlayTurn.findFirst({
      where: { sessionId: session.id },
      orderBy: { position: "desc" },
      select: { position: true },
    }),
  ]);
  const responseSeconds = awaitingSince ? round2(Math.max(0, (now.getTime() - awaitingSince.getTime()) / 1000)) : 0;
  const overTime = isOverTime(responseSeconds, script.replyTimeLimitSeconds);
  const intents = matchIntents(script, text);
  const alreadyHit = new Set(previousReplies.flatMap((reply) => reply.steps));
  const steps = stepsCreditedBy(script, intents, previousReplies.length + 1, alreadyHit);
  const redLines = redLinesCrossedBy(script, intents);
  let answer: ReturnType<typeof engine.respond>;
  try {
    answer = engine.respond(script, session.state, { text, intents, overTime });
  } catch (error) {
    // Only a draft's script can change under a running test-play; the session cannot go on with it.
    if (error instanceof ScriptError) conflict("the scenario's script changed during this test-play: start it again");
    throw error;
  }
  // The customer starts typing once the engine has answered (instant for the scripted one).
  const answeredAt = input.now ? now : new Date();

  const agentPosition = (lastTurn?.position ?? 0) + 1;
  const replies = customerTurns(answer.messages, script.persona.mood, answeredAt, agentPosition + 1);

  try {
    await db.$transaction(async (tx) => {
      // Claimed only if nothing changed the session since it was read: a reply sent at the same moment may have
      // moved the script on, and this reply was answered from the old state.
      const claimed = await tx.rolePlaySession.updateMany({
        where: { id: session.id, status: "in_progress", updatedAt: session.updatedAt },
        data: {
          state: answer.state as Prisma.InputJsonValue,
          awaitingSince: answer.end ? null : (replies.at(-1)?.shownAt ?? now),
        },
      });
      if (claimed.count === 0) conflict("another reply was recorded at the same time, or the session has ended");
      await tx.rolePlayTurn.create({
        data: {
          sessionId: session.id,
          position: agentPosition,
          speaker: "agent",
          nodeId: engine.currentNodeId(session.state),
          text,
          shownAt: now,
          responseSeconds,
          overTime,
          intents,
          steps,
          redLines,
        },
      });
      if (replies.length > 0) {
        await tx.rolePlayTurn.createMany({ data: replies.map((turn) => ({ ...turn, sessionId: session.id })) });
      }
      if (answer.end) await finishSession(tx, session.id, answer.end, now);
    });
  } catch (error) {
    // The same reply sent twice (double click, two tabs): the turn position is taken.
    if (isUniqueViolation(error)) conflict("another reply was recorded at the same time");
    throw error;
  }
  return buildPlayView(session.id, true);
}

// ───────────────────────────── finish ─────────────────────────────

/**
 * Scores a session that just ended. A red line decides the result on its own (0, failed), so such a session is
 * completed at once; otherwise, when the scenario names a rubric and this is not a test-play, the transcript goes
 * to the rubric queue (pending_review) and the final score waits for it.
 */
async function finishSession(tx: Tx, sessionId: string, outcome: SessionOutcome, now: Date) {
  const session = await tx.rolePlaySession.findUniqueOrThrow({
    where: { id: sessionId },
    select: {
      id: true,
      userId: true,
      mode: true,
      scenarioVersion: { select: versionSelect },
      turns: {
        where: { speaker: "agent" },
        orderBy: { position: "asc" },
        select: { position: true, text: true, responseSeconds: true, overTime: true, steps: true, redLines: true },
      },
    },
  });
  const script = storedScript(session.scenarioVersion);
  const report = buildAutoReport(script, session.turns, outcome);
  const redLineCrossed = report.redLines.length > 0;
  const rubricVersionId = session.scenarioVersion.rubricVersionId;
  const needsReview =
    outcome !== "abandoned" &&
    !redLineCrossed &&
    session.mode !== "test" &&
    Boolean(script.scoring.rubric) &&
    rubricVersionId !== null;

  const autoScore = report.autoScore; // 0 on a red line or when abandoned
  const final = needsReview
    ? null
    : finalScore({ autoScore, redLineCrossed, rubricScore: null, humanWeight: script.scoring.humanWeight });
  const passed =
    final === null ? null : outcome !== "abandoned" && isPassed(final, script.scoring.passPercent, redLineCrossed);
  const status = outcome === "abandoned" ? "abandoned" : needsReview ? "pending_review" : "completed";

  await tx.rolePlaySession.update({
    where: { id: session.id },
    data: {
      status,
      outcome,
      endedAt: now,
      awaitingSince: null,
      autoScore,
      autoReport: report as unknown as Prisma.InputJsonValue,
      finalScore: final,
      passed,
    },
  });
  if (needsReview) {
    await tx.rolePlayReview.create({
      data: { sessionId: session.id, rubricVersionId: rubricVersionId!, status: "pending" },
    });
  }
  if (session.mode !== "test") {
    await recordAudit(
      {
        actorId: session.userId,
        action: "roleplay.session.finish",
        entityType: "RolePlaySession",
        entityId: session.id,
        after: {
          status,
          outcome,
          autoScore,
          finalScore: final,
          passed,
          redLines: report.redLines.map((line) => line.key),
        },
      },
      tx,
    );
  }
  if (status !== "pending_review") await settleRolePlaySession(tx, session.id);
}

/** Hooks of a session that reached its final score (completed or abandoned): exam items and coaching tasks. */
export async function settleRolePlaySession(tx: Tx, sessionId: string) {
  await settleRolePlayExamItem(tx, sessionId);
}

// ───────────────────────────── abandon ─────────────────────────────

export async function abandonRolePlaySession(input: { sessionId: string; userId: string; now?: Date }): Promise<void> {
  const now = input.now ?? new Date();
  const session = await openSessionOf(input.sessionId, input.userId);
  await db.$transaction(async (tx) => {
    const claimed = await tx.rolePlaySession.updateMany({
      where: { id: session.id, status: "in_progress" },
      data: { awaitingSince: null },
    });
    if (claimed.count === 0) conflict("this session has already ended");
    await finishSession(tx, session.id, "abandoned", now);
  });
}

/** Practice and test-play sessions nobody answered for this long are abandoned (exam sessions end with the exam). */
export const IDLE_SESSION_HOURS = 24;
const EXPIRY_BATCH = 200;

/** Job roleplay.expire-idle-sessions: abandons idle practice/test-play sessions. Idempotent. */
export async function expireIdleRolePlaySessions(
  now: Date = new Date(),
  idleHours = IDLE_SESSION_HOURS,
): Promise<{ expired: number }> {
  const cutoff = new Date(now.getTime() - idleHours * 3_600_000);
  let expired = 0;
  for (;;) {
    const idle = await db.rolePlaySession.findMany({
      where: { status: "in_progress", mode: { in: ["practice", "test"] }, awaitingSince: { lt: cutoff } },
      orderBy: { awaitingSince: "asc" },
      take: EXPIRY_BATCH,
      select: { id: true },
    });
    for (const session of idle) {
      const ended = await db.$transaction(async (tx) => {
        const claimed = await tx.rolePlaySession.updateMany({
          where: { id: session.id, status: "in_progress", awaitingSince: { lt: cutoff } },
          data: { awaitingSince: null },
        });
        if (claimed.count === 0) return false; // answered or ended in between
        await finishSession(tx, session.id, "abandoned", now);
        return true;
      });
      if (ended) expired += 1;
    }
    if (idle.length < EXPIRY_BATCH) break;
  }
  return { expired };
}

// ───────────────────────────── view ─────────────────────────────

/** The player, anyone with read:roleplay-session:any, or (read:roleplay-session:team) the player's team lead. */
export async function canReadRolePlaySession(
  viewer: RolePlayViewer,
  player: { id: string; teamLeadId: string | null },
): Promise<boolean> {
  if (viewer.id === player.id) return true;
  if (hasPermission(viewer.permissions, "read:roleplay-session:any")) return true;
  return hasPermission(viewer.permissions, "read:roleplay-session:team") && player.teamLeadId === viewer.id;
}

export async function loadPlayView(sessionId: string, viewer: RolePlayViewer): Promise<PlayView> {
  const owner = await db.rolePlaySession.findUnique({
    where: { id: sessionId },
    select: { userId: true, user: { select: { team: { select: { leadId: true } } } } },
  });
  if (!owner) notFound("role-play session not found");
  const allowed = await canReadRolePlaySession(viewer, {
    id: owner.userId,
    teamLeadId: owner.user.team?.leadId ?? null,
  });
  if (!allowed) forbiddenError("this role-play session is not yours to read");
  return buildPlayView(sessionId, viewer.id === owner.userId);
}

export function parseAutoReport(value: unknown): AutoReport | null {
  return value && typeof value === "object" ? (value as AutoReport) : null;
}

/** The page's view of a session; the hint only for the player, only outside exams, only while playing. */
export async function buildPlayView(sessionId: string, forPlayer: boolean): Promise<PlayView> {
  const session = await db.rolePlaySession.findUnique({
    where: { id: sessionId },
    select: {
      id: true,
      userId: true,
      status: true,
      mode: true,
      engine: true,
      state: true,
      outcome: true,
      startedAt: true,
      endedAt: true,
      awaitingSince: true,
      autoScore: true,
      autoReport: true,
      humanScore: true,
      finalScore: true,
      passed: true,
      scenarioVersion: { select: versionSelect },
      turns: {
        orderBy: { position: "asc" },
        select: { position: true, speaker: true, text: true, shownAt: true, responseSeconds: true, overTime: true },
      },
      review: { select: { status: true, score: true, summary: true } },
    },
  });
  if (!session) notFound("role-play session not found");
  const version = session.scenarioVersion;
  const script = storedScript(version);
  const playing = session.status === "in_progress";
  const hint =
    forPlayer && playing && session.mode !== "exam" ? customerEngine(session.engine).hint(script, session.state) : null;

  const turns: PlayTurn[] = session.turns.map((turn) => ({
    position: turn.position,
    speaker: turn.speaker,
    text: turn.text,
    shownAt: turn.shownAt.toISOString(),
    responseSeconds: turn.responseSeconds,
    overTime: turn.overTime,
  }));

  return {
    session: {
      id: session.id,
      status: session.status,
      mode: session.mode,
      outcome: session.outcome,
      startedAt: session.startedAt.toISOString(),
      endedAt: session.endedAt?.toISOString() ?? null,
      awaitingSince: session.awaitingSince?.toISOString() ?? null,
      replyTimeLimitSeconds: script.replyTimeLimitSeconds,
      scenarioId: version.scenarioId,
      scenarioVersionId: version.id,
      version: version.version,
      userId: session.userId,
    },
    scenario: {
      title: script.title,
      summary: script.summary,
      goal: script.goal,
      channel: script.channel,
      difficulty: script.difficulty,
      persona: {
        name: script.persona.name,
        mood: script.persona.mood,
        description: script.persona.description,
        tier: script.persona.tier,
      },
      order: script.order,
    },
    turns,
    hint,
    result: playing
      ? null
      : {
          autoScore: session.autoScore,
          humanScore: session.humanScore,
          finalScore: session.finalScore,
          passed: session.passed,
          passPercent: script.scoring.passPercent,
          report: parseAutoReport(session.autoReport),
          review: session.review
            ? { status: session.review.status, score: session.review.score, summary: session.review.summary }
            : null,
        },
  };
}
