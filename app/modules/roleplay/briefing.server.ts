/**
 * The briefing an agent reads before practising a published scenario: goal, customer, order, reply time limit and
 * the scoring rule. It carries step and red-line labels (what is expected) but never intents, nodes or hints.
 */
import { db } from "~/utils/db.server";
import { ScriptSchema } from "./script";

export async function loadBriefing(scenarioId: string, userId: string) {
  const scenario = await db.scenario.findFirst({
    where: { id: scenarioId, status: "published", archivedAt: null },
    select: {
      id: true,
      title: true,
      publishedVersion: { select: { id: true, version: true, script: true, rubricVersionId: true } },
    },
  });
  if (!scenario?.publishedVersion) return null;
  const parsed = ScriptSchema.safeParse(scenario.publishedVersion.script);
  if (!parsed.success) return null;
  const script = parsed.data;
  const resume = await db.rolePlaySession.findFirst({
    where: {
      userId,
      mode: "practice",
      status: "in_progress",
      scenarioVersion: { scenarioId: scenario.id },
    },
    orderBy: { startedAt: "desc" },
    select: { id: true },
  });
  return {
    id: scenario.id,
    version: scenario.publishedVersion.version,
    title: script.title,
    summary: script.summary,
    difficulty: script.difficulty,
    channel: script.channel,
    goal: script.goal,
    persona: {
      name: script.persona.name,
      mood: script.persona.mood,
      description: script.persona.description,
      tier: script.persona.tier,
    },
    order: script.order,
    replyTimeLimitSeconds: script.replyTimeLimitSeconds,
    steps: script.steps.map((step) => ({ key: step.key, label: step.label, weight: step.weight })),
    redLines: script.redLines.map((line) => ({ key: line.key, label: line.label })),
    scoring: {
      stepsWeight: script.scoring.stepsWeight,
      timingWeight: script.scoring.timingWeight,
      outcomeWeight: script.scoring.outcomeWeight,
      outcomePoints: script.scoring.outcomePoints,
      passPercent: script.scoring.passPercent,
      humanWeight: script.scoring.humanWeight,
      reviewed: Boolean(scenario.publishedVersion.rubricVersionId ?? script.scoring.rubric),
    },
    resumeSessionId: resume?.id ?? null,
  };
}

export type Briefing = NonNullable<Awaited<ReturnType<typeof loadBriefing>>>;

/**
 * Where the session page's back link goes: for the player, where they came from (the exam paper, the coaching
 * task, the scenario for a test-play, else 我的演练); for a reader, their own queue or analysis page.
 */
export async function sessionBackLink(
  session: { id: string; mode: string; scenarioId: string },
  own: boolean,
  mayScore: boolean,
): Promise<{ to: string; label: string }> {
  if (!own) {
    return {
      to: mayScore ? "/training/roleplay/reviews" : "/training/roleplay/progress",
      label: "common:actions.back",
    };
  }
  const origin = await db.rolePlaySession.findUnique({
    where: { id: session.id },
    select: { coachingTaskId: true, examAttemptItem: { select: { attemptId: true } } },
  });
  if (origin?.examAttemptItem) {
    return { to: `/learn/attempts/${origin.examAttemptItem.attemptId}`, label: "roleplay:play.session.backToExam" };
  }
  if (origin?.coachingTaskId) {
    return { to: `/agent/coaching/${origin.coachingTaskId}`, label: "roleplay:play.session.backToCoaching" };
  }
  if (session.mode === "test") {
    return { to: `/training/scenarios/${session.scenarioId}`, label: "roleplay:play.session.backToScenario" };
  }
  return { to: "/learn/roleplay", label: "roleplay:play.session.back" };
}
