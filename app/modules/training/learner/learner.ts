/**
 * Learner arithmetic shared by the learner pages, the reports and the seed. Pure.
 *
 * Two measures of study are kept side by side: "hours done" counts the estimated minutes of completed lessons
 * (what the organisation's ≥ 30 h onboarding rule is about: content covered, independent of reading speed), and
 * "time spent" is the measured time on lesson pages (heartbeats while the tab is visible, capped per beat).
 */

export type CourseType = "onboarding" | "skills" | "role_specific" | "practice" | "compliance";
export const COURSE_TYPES: readonly CourseType[] = ["onboarding", "skills", "role_specific", "practice", "compliance"];

/** The lesson page sends a heartbeat this often while the tab is visible. */
export const HEARTBEAT_INTERVAL_SECONDS = 30;
/** At most this much is credited per heartbeat, however long since the last one (sleeping laptop, stuck tab). */
export const HEARTBEAT_CAP_SECONDS = 60;

/** Seconds to credit for a heartbeat at `now` when the last activity was at `last`: 0 … cap, whole seconds. */
export function heartbeatCredit(last: Date, now: Date, cap = HEARTBEAT_CAP_SECONDS): number {
  const elapsed = Math.floor((now.getTime() - last.getTime()) / 1000);
  if (!Number.isFinite(elapsed) || elapsed <= 0) return 0;
  return Math.min(elapsed, cap);
}

/** Whole percent done, rounded down so 99.6 % never shows as 100 %; 0 when there is nothing to do. */
export function percentDone(done: number, total: number): number {
  if (total <= 0) return 0;
  return Math.min(100, Math.floor((Math.max(0, done) / total) * 100));
}

/** A rate in percent with one decimal (reports), or null when nothing was assigned. */
export function ratePercent(part: number, whole: number): number | null {
  if (whole <= 0) return null;
  return Math.round((part / whole) * 1000) / 10;
}

/** Minutes as hours with one decimal: 95 → 1.6. */
export function minutesToHours(minutes: number): number {
  return Math.round((minutes / 60) * 10) / 10;
}

export type OnboardingFigures = {
  minutesDone: number;
  minutesTotal: number;
  requiredHours: number | null;
  timeSpentSeconds: number;
};

/**
 * Onboarding progress against the requirement: hours done (estimated minutes of completed lessons), the hours
 * the path offers, the hours required, the share of the requirement met (capped at 100) and whether it is met.
 * Without a requirement the share is measured against the path's own hours.
 */
export function onboardingSummary(figures: OnboardingFigures) {
  const hoursDone = minutesToHours(figures.minutesDone);
  const hoursTotal = minutesToHours(figures.minutesTotal);
  const target = figures.requiredHours !== null ? figures.requiredHours * 60 : figures.minutesTotal;
  return {
    hoursDone,
    hoursTotal,
    requiredHours: figures.requiredHours,
    hoursSpent: minutesToHours(figures.timeSpentSeconds / 60),
    percent: percentDone(figures.minutesDone, target),
    met: target > 0 && figures.minutesDone >= target,
  };
}

export type OrderedLesson = { id: string; key: string; title: string };

/** The lesson to continue with: the first one, in course order, not completed yet; null when all are done. */
export function nextLesson<L extends OrderedLesson>(
  lessons: readonly L[],
  completedIds: ReadonlySet<string>,
): L | null {
  return lessons.find((lesson) => !completedIds.has(lesson.id)) ?? null;
}

/** Previous and next lesson around `lessonId` in course order. */
export function neighbours<L extends OrderedLesson>(lessons: readonly L[], lessonId: string) {
  const index = lessons.findIndex((lesson) => lesson.id === lessonId);
  if (index < 0) return { previous: null, next: null };
  return { previous: lessons[index - 1] ?? null, next: lessons[index + 1] ?? null };
}

/** Whole days a due date is past `now` (0 when not yet due). */
export function daysOverdue(dueAt: Date, now: Date): number {
  const days = Math.floor((now.getTime() - dueAt.getTime()) / 86_400_000);
  return Math.max(0, days);
}

export type CarriedProgress = { lessonKey: string; contentHash: string };
export type TargetLesson = { id: string; key: string; contentHash: string };

/**
 * Switching an in-progress enrollment to a new version: which progress rows carry over (same key, same content
 * hash) and to which lesson of the new version. Rows whose lesson changed or disappeared are dropped.
 */
export function carryOverPlan<P extends CarriedProgress>(progress: readonly P[], target: readonly TargetLesson[]) {
  const byKey = new Map(target.map((lesson) => [lesson.key, lesson]));
  const keep: { row: P; lessonId: string }[] = [];
  const drop: P[] = [];
  for (const row of progress) {
    const lesson = byKey.get(row.lessonKey);
    if (lesson && lesson.contentHash === row.contentHash) keep.push({ row, lessonId: lesson.id });
    else drop.push(row);
  }
  return { keep, drop };
}
