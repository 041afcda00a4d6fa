/**
 * Coaching tasks (辅导): form schemas, the resource-link rule and the status machine. Pure, so the browser
 * validates with the same rules and the transitions are unit-tested.
 *
 * Life cycle: open → (agent completes) → completed → (follow-up review recorded, or closed without one) → closed;
 * open or completed → cancelled. A task created without a follow-up closes as soon as the agent completes it.
 *
 * `followUpRequired` decides which: with it the agent's completion waits for a follow-up review, whose
 * outcome (improved / not_improved) closes the task.
 */
import { z } from "zod";

export const COACHING_STATUSES = ["open", "completed", "closed", "cancelled"] as const;
export type CoachingStatus = (typeof COACHING_STATUSES)[number];
export const FOLLOW_UP_OUTCOMES = ["improved", "not_improved"] as const;
export type FollowUpOutcome = (typeof FOLLOW_UP_OUTCOMES)[number];

export const TITLE_MAX = 120;
export const NOTES_MAX = 4000;
export const AGENT_NOTE_MAX = 2000;
export const RESOURCE_TITLE_MAX = 200;
export const RESOURCE_URL_MAX = 500;
export const MAX_CRITERIA = 20;
/** Failures of one criterion within the window that make an agent a coaching suggestion. */
export const SUGGESTION_MIN_FAILURES = 3;
export const SUGGESTION_WINDOW_DAYS = 30;

/** A course, article or scenario link: an absolute http(s) URL or a path inside the app ("/training/…"). */
export function isValidResourceUrl(value: string): boolean {
  if (value.length > RESOURCE_URL_MAX || /\s/.test(value)) return false;
  if (value.startsWith("/")) return !value.startsWith("//");
  try {
    const url = new URL(value);
    return (url.protocol === "http:" || url.protocol === "https:") && url.hostname.length > 0;
  } catch {
    return false;
  }
}

/** External links open in a new tab; app paths stay in the app. */
export function isExternalResource(value: string): boolean {
  return !value.startsWith("/");
}

const required = { error: "validation:required" };
const trimmed = (max: number) => z.string(required).trim().min(1, required).max(max, { error: "validation:tooLong" });
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, { error: "validation:tooLong" })
    .optional()
    .transform((value) => (value ? value : undefined));

export const CreateCoachingSchema = z
  .object({
    agentId: z.string(required).trim().min(1, required).max(64),
    sourceReviewId: optionalText(64),
    title: trimmed(TITLE_MAX),
    criterionKeys: z
      .array(z.string().trim().min(1).max(100))
      .max(MAX_CRITERIA, { error: "qa-coaching:errors.tooManyCriteria" })
      .default([]),
    notes: trimmed(NOTES_MAX),
    /** A published course to take (Course.id) and a published knowledge-base article to read (KbArticle.id). */
    courseId: optionalText(64),
    articleId: optionalText(64),
    /** A published role-play scenario to practise (Scenario.id). */
    scenarioId: optionalText(64),
    resourceTitle: optionalText(RESOURCE_TITLE_MAX),
    resourceUrl: optionalText(RESOURCE_URL_MAX).refine((value) => value === undefined || isValidResourceUrl(value), {
      error: "qa-coaching:errors.resourceUrl",
    }),
    dueDate: z
      .string(required)
      .trim()
      .regex(/^\d{4}-\d{2}-\d{2}$/, { error: "validation:invalidDate" }),
    followUp: z
      .union([z.literal("on"), z.literal("true")])
      .optional()
      .transform((value) => value !== undefined),
  })
  .superRefine((value, context) => {
    if (value.resourceUrl && !value.resourceTitle) {
      context.addIssue({ code: "custom", path: ["resourceTitle"], message: "qa-coaching:errors.resourceTitle" });
    }
    if (value.resourceTitle && !value.resourceUrl) {
      context.addIssue({ code: "custom", path: ["resourceUrl"], message: "qa-coaching:errors.resourceUrlMissing" });
    }
  });
export type CreateCoachingInput = z.infer<typeof CreateCoachingSchema>;

export const CompleteCoachingSchema = z.object({ agentNote: trimmed(AGENT_NOTE_MAX) });

export const ManageCoachingSchema = z.discriminatedUnion("intent", [
  z.object({
    intent: z.literal("follow-up"),
    reviewId: z.string(required).trim().min(1, required).max(64),
    outcome: z.enum(FOLLOW_UP_OUTCOMES, { error: "qa-coaching:errors.outcome" }),
  }),
  z.object({ intent: z.literal("close") }),
  z.object({ intent: z.literal("cancel") }),
]);

export type CoachingAction = "complete" | "follow-up" | "close" | "cancel";

export type TransitionResult =
  | { ok: true; status: CoachingStatus; closes: boolean }
  | { ok: false; reason: "notOpen" | "notCompleted" | "finished" };

/** Where an action takes a task, or why it cannot (answered with 409). */
export function transition(
  task: { status: CoachingStatus; followUpRequired: boolean },
  action: CoachingAction,
): TransitionResult {
  switch (action) {
    case "complete":
      if (task.status !== "open") return { ok: false, reason: "notOpen" };
      return task.followUpRequired
        ? { ok: true, status: "completed", closes: false }
        : { ok: true, status: "closed", closes: true };
    case "follow-up":
    case "close":
      if (task.status !== "completed") return { ok: false, reason: "notCompleted" };
      return { ok: true, status: "closed", closes: true };
    case "cancel":
      if (task.status === "closed" || task.status === "cancelled") return { ok: false, reason: "finished" };
      return { ok: true, status: "cancelled", closes: false };
  }
}

/** Past its due date and still waiting for the agent. */
export function isOverdue(task: { status: CoachingStatus; dueAt: Date | string }, now: Date): boolean {
  return task.status === "open" && new Date(task.dueAt).getTime() < now.getTime();
}

export type TaskFilter = {
  teamId: string | null;
  /** 工号 */
  agent: string | null;
  status: CoachingStatus | "active" | "all";
  overdue: boolean;
};

export const STATUS_FILTERS = ["active", "open", "completed", "closed", "cancelled", "all"] as const;

export function readTaskFilter(url: URL): TaskFilter {
  const status = url.searchParams.get("status") ?? "active";
  const agent = url.searchParams.get("agent")?.trim().toUpperCase() ?? "";
  const team = url.searchParams.get("team")?.trim() ?? "";
  return {
    teamId: team && team.length <= 64 ? team : null,
    agent: agent && agent.length <= 32 ? agent : null,
    status: (STATUS_FILTERS as readonly string[]).includes(status) ? (status as TaskFilter["status"]) : "active",
    overdue: url.searchParams.get("overdue") === "1",
  };
}
