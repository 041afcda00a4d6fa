/**
 * Demo learning progress (学习进度). Runs after the courses and assignments seeds. For every person holding an
 * open or closed course/path assignment it studies the assigned courses in order through the learner module
 * (enrollment on first open, completed lessons, study time), backdated between the assignment date and today.
 * Each person has a deterministic pace (from their 工号): some finish ahead of the due date, some are partway,
 * some have not started — so assignments close naturally and some remain overdue. A2003 夏丽娟 has finished the
 * onboarding courses before 售后政策 and is in the middle of `after-sales-policies`.
 *
 * Idempotent: a course the person already has an enrollment for is left alone.
 */
import { addStudyTime, completeLesson, ensureEnrollment } from "~/modules/training/learner/learner.server";
import { db } from "~/utils/db.server";

const DEMO_AGENT = "A2003";
const DEMO_PATH = "new-hire-onboarding";
const DEMO_COURSE = "after-sales-policies";
const DEMO_SECOND_COURSE = "complaint-principles";
const DAY = 86_400_000;
/** Pace multipliers: share of the work done relative to the share of the time elapsed until the due date. */
const PACES = [0, 0.45, 0.7, 0.9, 1.05, 1.25, 1.6];
const DEFAULT_WINDOW_DAYS = 30;

function hash(text: string): number {
  let value = 2166136261;
  for (const char of text) value = Math.imul(value ^ char.charCodeAt(0), 16777619) >>> 0;
  return value;
}

type Plan = { userId: string; externalId: string; courseIds: string[]; assignedAt: Date; dueAt: Date | null };

async function lessonsOf(courseId: string) {
  const course = await db.course.findUnique({ where: { id: courseId }, select: { publishedVersionId: true } });
  if (!course?.publishedVersionId) return [];
  return db.lesson.findMany({
    where: { versionId: course.publishedVersionId },
    orderBy: [{ module: { position: "asc" } }, { position: "asc" }],
    select: { id: true, estimatedMinutes: true },
  });
}

/** Studies `share` (0…1) of the courses' lessons in order, spread from `start` to `end`. Returns lessons completed. */
async function study(plan: Plan, share: number, start: Date, end: Date, partialLast = false) {
  const lessons: { courseId: string; id: string; estimatedMinutes: number }[] = [];
  for (const courseId of plan.courseIds) {
    for (const lesson of await lessonsOf(courseId)) lessons.push({ courseId, ...lesson });
  }
  const target = partialLast ? lessons.length : Math.floor(lessons.length * Math.min(1, share));
  if (target === 0) return 0;
  const span = Math.max(DAY, end.getTime() - start.getTime());
  let completed = 0;
  for (const [index, lesson] of lessons.slice(0, target).entries()) {
    const at = new Date(start.getTime() + Math.floor(((index + 1) / (target + 1)) * span));
    const enrollment = await ensureEnrollment(plan.userId, lesson.courseId);
    if (!enrollment) continue;
    const factor = 0.7 + (hash(`${plan.externalId}:${lesson.id}`) % 60) / 100;
    const seconds = Math.round(lesson.estimatedMinutes * 60 * factor);
    await db.$transaction((tx) => addStudyTime(tx, enrollment.id, lesson.id, seconds, at));
    await db.courseEnrollment.updateMany({
      where: { id: enrollment.id, startedAt: null },
      data: { startedAt: at, status: "in_progress" },
    });
    await completeLesson(plan.userId, lesson.courseId, lesson.id, at);
    completed += 1;
  }
  // Viewed the next lesson without finishing it.
  const next = lessons[target];
  if (next && target > 0) {
    const enrollment = await ensureEnrollment(plan.userId, next.courseId);
    if (enrollment) {
      const at = new Date(end.getTime() - DAY / 3);
      await db.$transaction((tx) =>
        addStudyTime(tx, enrollment.id, next.id, Math.round(next.estimatedMinutes * 25), at),
      );
      await db.courseEnrollment.updateMany({
        where: { id: enrollment.id, startedAt: null },
        data: { startedAt: at, status: "in_progress", lastLessonId: next.id },
      });
    }
  }
  return completed;
}

async function demoAgentPlan(now: Date): Promise<string | null> {
  const agent = await db.user.findUnique({ where: { externalId: DEMO_AGENT }, select: { id: true } });
  const path = await db.learningPath.findUnique({
    where: { slug: DEMO_PATH },
    select: { items: { orderBy: { position: "asc" }, select: { course: { select: { id: true, slug: true } } } } },
  });
  if (!agent || !path) return null;
  const order = path.items.map((item) => item.course);
  const stop = order.findIndex((course) => course.slug === DEMO_COURSE);
  if (stop < 0) return null;
  const before = order.slice(0, stop).map((course) => course.id);
  const fresh = await db.courseEnrollment.count({
    where: { userId: agent.id, courseId: { in: [...before, order[stop]!.id] } },
  });
  if (fresh > 0) return agent.id;
  const plan: Plan = { userId: agent.id, externalId: DEMO_AGENT, courseIds: before, assignedAt: now, dueAt: null };
  await study(plan, 1, new Date(now.getTime() - 40 * DAY), new Date(now.getTime() - 8 * DAY), true);
  // 售后政策: the first half of its lessons, the latest two days ago.
  const lessons = await lessonsOf(order[stop]!.id);
  const half = Math.max(1, Math.floor(lessons.length / 2));
  await study(
    { ...plan, courseIds: [order[stop]!.id] },
    half / Math.max(1, lessons.length),
    new Date(now.getTime() - 7 * DAY),
    new Date(now.getTime() - 2 * DAY),
  );
  // 投诉处理原则, assigned by her lead last week: the first lessons, started yesterday.
  const complaints = order.find((course) => course.slug === DEMO_SECOND_COURSE);
  if (complaints) {
    await study(
      { ...plan, courseIds: [complaints.id] },
      0.4,
      new Date(now.getTime() - 3 * DAY),
      new Date(now.getTime() - DAY),
    );
  }
  return agent.id;
}

export async function seedTrainingProgress(): Promise<string> {
  const now = new Date();
  const demoAgentId = await demoAgentPlan(now);
  const recipients = await db.assignmentRecipient.findMany({
    where: { assignment: { kind: { in: ["course", "path"] } }, user: { status: "active" } },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: {
      userId: true,
      dueAt: true,
      createdAt: true,
      user: { select: { externalId: true } },
      assignment: {
        select: {
          kind: true,
          courseId: true,
          path: { select: { items: { orderBy: { position: "asc" }, select: { courseId: true } } } },
        },
      },
    },
  });
  let people = 0;
  let lessons = 0;
  const touched = new Set<string>();
  for (const recipient of recipients) {
    if (recipient.userId === demoAgentId) continue;
    const courseIds =
      recipient.assignment.kind === "course"
        ? recipient.assignment.courseId
          ? [recipient.assignment.courseId]
          : []
        : (recipient.assignment.path?.items.map((item) => item.courseId) ?? []);
    // A recipient with any enrollment from before this run was studied by an earlier run (or by the person):
    // leave it alone, so running the seed again changes nothing.
    const earlier = await db.courseEnrollment.count({
      where: { userId: recipient.userId, courseId: { in: courseIds }, createdAt: { lt: now } },
    });
    if (earlier > 0) {
      for (const id of courseIds) touched.add(`${recipient.userId}|${id}`);
      continue;
    }
    const todo = courseIds.filter((id) => !touched.has(`${recipient.userId}|${id}`));
    if (todo.length === 0) continue;
    for (const id of todo) touched.add(`${recipient.userId}|${id}`);
    const assignedAt = recipient.createdAt < now ? recipient.createdAt : new Date(now.getTime() - DAY);
    const dueAt = recipient.dueAt ?? new Date(assignedAt.getTime() + DEFAULT_WINDOW_DAYS * DAY);
    const window = Math.max(DAY, dueAt.getTime() - assignedAt.getTime());
    const elapsed = Math.min(1, (now.getTime() - assignedAt.getTime()) / window);
    const pace = PACES[hash(`${recipient.user.externalId}:${courseIds[0] ?? ""}`) % PACES.length]!;
    const share = Math.min(1, elapsed * pace);
    const end = new Date(
      Math.min(now.getTime() - DAY / 2, assignedAt.getTime() + (share / Math.max(pace, 0.01)) * window),
    );
    const plan: Plan = {
      userId: recipient.userId,
      externalId: recipient.user.externalId,
      courseIds: todo,
      assignedAt,
      dueAt,
    };
    const done = await study(plan, share, assignedAt, end > assignedAt ? end : now);
    if (done > 0) people += 1;
    lessons += done;
  }
  const [completedCourses, closed] = await Promise.all([
    db.courseEnrollment.count({ where: { status: "completed" } }),
    db.assignmentRecipient.count({ where: { completedAt: { not: null } } }),
  ]);
  return `training progress: ${people} learners studied ${lessons} lessons now; ${completedCourses} courses completed, ${closed} assignments closed in total`;
}
