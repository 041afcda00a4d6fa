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
