/**
 * Pure rules of learning assignments: due dates in calendar days, who a path's audience is, who counts as a new
 * hire, what state a recipient is in and when an overdue learner may be reminded again. No database access here.
 */
import { z } from "zod";

export const NEW_HIRE_WINDOW_DAYS = 90;
export const REMIND_INTERVAL_DAYS = 3;
export const REMEDIATION_DUE_DAYS = 7;
export const RENEWAL_NOTICE_DAYS = 30;
export const ASSIGNMENT_KINDS = ["course", "path", "exam"] as const;
export const ASSIGNMENT_TARGETS = ["users", "team", "role"] as const;
export const RECIPIENT_STATUSES = ["completed", "overdue", "in_progress", "not_started"] as const;
export type AssignmentKindName = (typeof ASSIGNMENT_KINDS)[number];
export type AssignmentTargetName = (typeof ASSIGNMENT_TARGETS)[number];
export type RecipientStatus = (typeof RECIPIENT_STATUSES)[number];
/** Filters of the recipient list on the assignment page. */
export const RECIPIENT_FILTERS = ["all", "open", "overdue", "completed"] as const;
export type RecipientFilter = (typeof RECIPIENT_FILTERS)[number];

const DAY_MS = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A real calendar date ("2026-02-30" is not). */
export function isCalendarDate(value: string): boolean {
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** YYYY-MM-DD plus whole days. */
export function addCalendarDays(isoDate: string, days: number): string {
  if (!isCalendarDate(isoDate)) throw new RangeError(`not a date: ${isoDate}`);
  return new Date(Date.parse(`${isoDate}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Whole calendar days from `from` to `to`. */
export function calendarDaysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

/**
 * The due day of a new-hire path: the hire day (or today when the hire date is unknown, or lies in the future
 * the day the person is created — they cannot start before joining) plus the path's dueDays; null without dueDays.
 */
export function newHireDueDay(hireDay: string | null, today: string, dueDays: number | null): string | null {
  if (dueDays === null) return null;
  const start = hireDay && hireDay > today ? hireDay : (hireDay ?? today);
  return addCalendarDays(start, dueDays);
}

/** Hired within the window (inclusive), or hire date unknown. A hire date in the future counts as recent. */
export function isRecentHire(hireDay: string | null, today: string, windowDays = NEW_HIRE_WINDOW_DAYS): boolean {
  if (hireDay === null) return true;
  return calendarDaysBetween(hireDay, today) <= windowDays;
}

export type Audience = { audienceRoles: readonly string[]; audienceTeamIds: readonly string[] };
export type AudienceMember = { roles: readonly string[]; teamId: string | null };

/** Empty roles / teams mean "everyone" on that axis; otherwise the person must hold one role and sit in one team. */
export function matchesAudience(audience: Audience, person: AudienceMember): boolean {
  const roleOk = audience.audienceRoles.length === 0 || audience.audienceRoles.some((r) => person.roles.includes(r));
  const teamOk =
    audience.audienceTeamIds.length === 0 ||
    (person.teamId !== null && audience.audienceTeamIds.includes(person.teamId));
  return roleOk && teamOk;
}

/** completed > overdue (past due, not done) > in progress (started) > not started. */
export function recipientStatus(
  recipient: { completedAt: Date | string | null; dueAt: Date | string | null },
  started: boolean,
  now: Date,
): RecipientStatus {
  if (recipient.completedAt) return "completed";
  if (recipient.dueAt && new Date(recipient.dueAt).getTime() < now.getTime()) return "overdue";
  return started ? "in_progress" : "not_started";
}

/** An overdue learner is reminded at most once per interval (by the job or by "remind now"). */
export function canRemind(lastRemindedAt: Date | string | null, now: Date, intervalDays = REMIND_INTERVAL_DAYS) {
  if (!lastRemindedAt) return true;
  return now.getTime() - new Date(lastRemindedAt).getTime() >= intervalDays * DAY_MS;
}

/** When the next reminder may go out (null = now). */
export function nextReminderAt(lastRemindedAt: Date | string | null, intervalDays = REMIND_INTERVAL_DAYS) {
  return lastRemindedAt ? new Date(new Date(lastRemindedAt).getTime() + intervalDays * DAY_MS) : null;
}

/** Where the learner works on an assigned item. */
export function itemLink(
  kind: AssignmentKindName,
  ids: { courseId?: string | null; pathId?: string | null; examId?: string | null },
) {
  if (kind === "course") return `/learn/courses/${ids.courseId}`;
  if (kind === "path") return `/learn/paths/${ids.pathId}`;
  return `/learn/exams/${ids.examId}`;
}

const optionalText = (max: number) =>
  z.preprocess(
    (value) => (typeof value === "string" && value.trim() === "" ? undefined : value),
    z.string().trim().max(max).optional(),
  );

const idList = z.preprocess(
  (value) => (value === undefined ? [] : Array.isArray(value) ? value : [value]),
  z.array(z.string().min(1)),
);

/** The new-assignment form. Target fields are checked against the target kind in superRefine. */
export const CreateAssignmentSchema = z
  .object({
    kind: z.enum(ASSIGNMENT_KINDS, { error: "validation:required" }),
    itemId: z.string({ error: "training-assign:errors.itemRequired" }).min(1, "training-assign:errors.itemRequired"),
    target: z.enum(ASSIGNMENT_TARGETS, { error: "validation:required" }),
    userIds: idList,
    teamId: optionalText(100),
    role: optionalText(40),
    dueDate: optionalText(10).refine((value) => value === undefined || isCalendarDate(value), {
      message: "training-assign:errors.dueDateInvalid",
    }),
    note: optionalText(500),
    retrain: z.preprocess((value) => value === "on" || value === "true" || value === true, z.boolean()),
  })
  .superRefine((value, ctx) => {
    if (value.target === "users" && value.userIds.length === 0)
      ctx.addIssue({ code: "custom", path: ["userIds"], message: "training-assign:errors.usersRequired" });
    if (value.target === "team" && !value.teamId)
      ctx.addIssue({ code: "custom", path: ["teamId"], message: "training-assign:errors.teamRequired" });
    if (value.target === "role" && !value.role)
      ctx.addIssue({ code: "custom", path: ["role"], message: "training-assign:errors.roleRequired" });
  });
export type CreateAssignmentInput = z.infer<typeof CreateAssignmentSchema>;

export const ExtendDueSchema = z.object({
  intent: z.literal("extend"),
  recipientId: z.string().min(1),
  dueDate: z.string().refine(isCalendarDate, { message: "training-assign:errors.dueDateInvalid" }),
});
export const RemindSchema = z.object({ intent: z.literal("remind"), recipientId: z.string().min(1) });
