import { beforeAll, describe, expect, it } from "vitest";
import { heartbeat } from "~/modules/training/learner/learner.server";
import { loader as agentHomeLoader } from "~/routes/agent._index";
import { loader as learnHomeLoader } from "~/routes/learn._index";
import { loader as trainerHomeLoader } from "~/routes/trainer._index";
import { action as courseAction, loader as courseLoader } from "~/routes/learn.courses.$courseId";
import { action as lessonAction, loader as lessonLoader } from "~/routes/learn.courses.$courseId_.lessons.$lessonId";
import { loader as pathLoader } from "~/routes/learn.paths.$pathId";
import { loader as progressLoader } from "~/routes/training.progress._index";
import { loader as progressCsvLoader } from "~/routes/training.progress[.csv]";
import { loader as overdueLoader } from "~/routes/training.progress.overdue";
import { loader as overdueCsvLoader } from "~/routes/training.progress.overdue[.csv]";
import { db } from "~/utils/db.server";
import { buildRequest, callRoute, createTestUser, sessionCookieFor, signInAs, type TestUser } from "../support/auth";

const DAY = 86_400_000;
let seq = 0;

type LessonSpec = { key: string; title?: string; minutes?: number; hash?: string };

/** A course with one published version (modules of lessons), built directly in the database. */
async function createCourse(title: string, modules: LessonSpec[][], status: "published" | "draft" = "published") {
  seq += 1;
  const course = await db.course.create({
    data: { slug: `course-${seq}-${Date.now()}`, type: "onboarding", status, title, tags: ["入职"] },
  });
  const version = await createVersion(course.id, 1, title, modules, status === "published" ? "published" : "draft");
  if (status === "published") {
    await db.course.update({ where: { id: course.id }, data: { publishedVersionId: version.id } });
  }
  return { id: course.id, versionId: version.id, lessons: version.lessons };
}

async function createVersion(
  courseId: string,
  number: number,
  title: string,
  modules: LessonSpec[][],
  status: "published" | "draft" | "superseded",
) {
  const total = modules.flat().reduce((sum, lesson) => sum + (lesson.minutes ?? 30), 0);
  const version = await db.courseVersion.create({
    data: { courseId, version: number, status, title, estimatedMinutes: total, publishedAt: new Date() },
  });
  const lessons: { id: string; key: string }[] = [];
  for (const [m, specs] of modules.entries()) {
    const module = await db.courseModule.create({
      data: { versionId: version.id, position: m, title: `第${m + 1}章` },
    });
    for (const [p, spec] of specs.entries()) {
      const lesson = await db.lesson.create({
        data: {
          versionId: version.id,
          moduleId: module.id,
          key: spec.key,
          position: p,
          title: spec.title ?? `课时 ${spec.key}`,
          body: `## ${spec.title ?? spec.key}\n\n> 标准话术：亲，您好！`,
          estimatedMinutes: spec.minutes ?? 30,
          contentHash: spec.hash ?? `hash-${spec.key}`,
        },
      });
      lessons.push({ id: lesson.id, key: lesson.key });
    }
  }
  return { id: version.id, lessons };
}

async function assign(
  kind: "course" | "path",
  target: { courseId?: string; pathId?: string },
  userIds: string[],
  dueAt: Date | null,
) {
  const assignment = await db.learningAssignment.create({
    data: { kind, ...target, target: "users", dueAt, createdAt: new Date(Date.now() - 20 * DAY) },
  });
  for (const userId of userIds) {
    await db.assignmentRecipient.create({ data: { assignmentId: assignment.id, userId, dueAt } });
  }
  return assignment;
}

const lessonPath = (courseId: string, lessonId: string) => `/learn/courses/${courseId}/lessons/${lessonId}`;

let aft: { id: string };
let cmp: { id: string };
let agent: TestUser;
let agentCookie: string;
let other: TestUser;
let otherCookie: string;
let leadCookie: string;
let trainerCookie: string;
let courseA: Awaited<ReturnType<typeof createCourse>>;
let courseB: Awaited<ReturnType<typeof createCourse>>;
let pathId: string;

beforeAll(async () => {
  const { user: lead, cookie } = await signInAs("team_lead", { name: "王组长" });
  leadCookie = cookie;
  ({ cookie: trainerCookie } = await signInAs("trainer", { name: "陈培训" }));
  aft = await db.team.create({ data: { code: "AFT", name: "售后服务组", leadId: lead.id } });
  cmp = await db.team.create({ data: { code: "CMP", name: "投诉处理组" } });
  agent = await createTestUser({ name: "夏丽娟", teamId: aft.id });
  await db.user.update({ where: { id: agent.id }, data: { hireDate: new Date(Date.now() - 20 * DAY) } });
  agentCookie = await sessionCookieFor(agent.id);
  other = await createTestUser({ name: "周敏", teamId: cmp.id });
  await db.user.update({ where: { id: other.id }, data: { hireDate: new Date(Date.now() - 10 * DAY) } });
  otherCookie = await sessionCookieFor(other.id);

  courseA = await createCourse("公司与商品介绍", [
    [
      { key: "a1", minutes: 60 },
      { key: "a2", minutes: 30 },
    ],
  ]);
  courseB = await createCourse("售后政策", [[{ key: "b1", minutes: 45 }], [{ key: "b2", minutes: 15 }]]);
  const path = await db.learningPath.create({
    data: {
      slug: `onboarding-${Date.now()}`,
      title: "新人入职路径",
      status: "published",
      requiredHours: 2,
      items: {
        create: [
          { courseId: courseA.id, position: 0 },
          { courseId: courseB.id, position: 1 },
        ],
      },
    },
  });
  pathId = path.id;
  await assign("course", { courseId: courseA.id }, [agent.id, other.id], new Date(Date.now() - 3 * DAY));
  await assign("path", { pathId }, [agent.id, other.id], new Date(Date.now() + 10 * DAY));
});

describe("lessons and completion", () => {
  it("opening a lesson creates the enrollment and renders the Markdown on the server", async () => {
    const result = await callRoute(
      lessonLoader,
      buildRequest(lessonPath(courseA.id, courseA.lessons[0]!.id), { cookie: agentCookie }),
      { courseId: courseA.id, lessonId: courseA.lessons[0]!.id },
    );
    expect(result.status).toBe(200);
    const data = result.data as { html: string; lesson: { next: { id: string } | null } };
    expect(data.html).toContain("<blockquote>");
    expect(data.lesson.next?.id).toBe(courseA.lessons[1]!.id);
    const enrollment = await db.courseEnrollment.findFirstOrThrow({
      where: { userId: agent.id, courseId: courseA.id },
    });
    expect(enrollment).toMatchObject({ round: 1, status: "in_progress", versionId: courseA.versionId });
  });

  it("a heartbeat credits the time since the last activity, capped at 60 s, and ignores a second tab", async () => {
    const enrollment = await db.courseEnrollment.findFirstOrThrow({
      where: { userId: agent.id, courseId: courseA.id },
    });
    const lessonId = courseA.lessons[0]!.id;
    const last = enrollment.updatedAt;
    expect(await heartbeat(agent.id, courseA.id, lessonId, new Date(last.getTime() + 30_000))).toBe(30);
    // 10 minutes later (a sleeping laptop): only 60 s
    expect(await heartbeat(agent.id, courseA.id, lessonId, new Date(last.getTime() + 630_000))).toBe(60);
    // the same instant again (another tab): nothing
    expect(await heartbeat(agent.id, courseA.id, lessonId, new Date(last.getTime() + 630_000))).toBe(0);
    const progress = await db.lessonProgress.findFirstOrThrow({ where: { enrollmentId: enrollment.id, lessonId } });
    expect(progress.timeSpentSeconds).toBe(90);
    const after = await db.courseEnrollment.findUniqueOrThrow({ where: { id: enrollment.id } });
    expect(after.timeSpentSeconds).toBe(90);
  });

  it("the heartbeat intent goes through the lesson action", async () => {
    const result = await callRoute(
      lessonAction,
      buildRequest(lessonPath(courseA.id, courseA.lessons[0]!.id), {
        cookie: agentCookie,
        form: { intent: "heartbeat" },
      }),
      { courseId: courseA.id, lessonId: courseA.lessons[0]!.id },
    );
    expect(result.status).toBe(200);
    expect(typeof (result.data as { credited: number }).credited).toBe("number");
  });

  it("completing the last lesson completes the course and closes the course assignment", async () => {
    for (const lesson of courseA.lessons) {
      const result = await callRoute(
        lessonAction,
        buildRequest(lessonPath(courseA.id, lesson.id), { cookie: agentCookie, form: { intent: "complete" } }),
        { courseId: courseA.id, lessonId: lesson.id },
      );
      expect(result.status).toBe(302);
    }
    const enrollment = await db.courseEnrollment.findFirstOrThrow({
      where: { userId: agent.id, courseId: courseA.id },
    });
    expect(enrollment.status).toBe("completed");
    expect(enrollment.completedAt).not.toBeNull();
    const recipients = await db.assignmentRecipient.findMany({
      where: { userId: agent.id },
      select: { completedAt: true, assignment: { select: { kind: true } } },
    });
    expect(recipients.find((row) => row.assignment.kind === "course")?.completedAt).not.toBeNull();
    expect(recipients.find((row) => row.assignment.kind === "path")?.completedAt).toBeNull();
  });

  it("completing the path's last course closes the path assignment; path page shows hours", async () => {
    for (const lesson of courseB.lessons) {
      await callRoute(
        lessonAction,
        buildRequest(lessonPath(courseB.id, lesson.id), { cookie: agentCookie, form: { intent: "complete" } }),
        { courseId: courseB.id, lessonId: lesson.id },
      );
    }
    const pathRecipient = await db.assignmentRecipient.findFirstOrThrow({
      where: { userId: agent.id, assignment: { kind: "path" } },
    });
    expect(pathRecipient.completedAt).not.toBeNull();
    const result = await callRoute(pathLoader, buildRequest(`/learn/paths/${pathId}`, { cookie: agentCookie }), {
      pathId,
    });
    const data = result.data as {
      totals: { coursesDone: number; minutesDone: number };
      summary: { hoursDone: number; met: boolean };
    };
    expect(data.totals.coursesDone).toBe(2);
    expect(data.totals.minutesDone).toBe(150);
    expect(data.summary.hoursDone).toBe(2.5);
    expect(data.summary.met).toBe(true);
  });

  it("a draft course, or a lesson of another course, is 404", async () => {
    const draft = await createCourse("草稿课程", [[{ key: "d1" }]], "draft");
    const overview = await callRoute(
      courseLoader,
      buildRequest(`/learn/courses/${draft.id}`, { cookie: agentCookie }),
      {
        courseId: draft.id,
      },
    );
    expect(overview.status).toBe(404);
    const lesson = await callRoute(
      lessonLoader,
      buildRequest(lessonPath(draft.id, draft.lessons[0]!.id), { cookie: agentCookie }),
      { courseId: draft.id, lessonId: draft.lessons[0]!.id },
    );
    expect(lesson.status).toBe(404);
    const mixed = await callRoute(
      lessonLoader,
      buildRequest(lessonPath(courseA.id, courseB.lessons[0]!.id), { cookie: agentCookie }),
      { courseId: courseA.id, lessonId: courseB.lessons[0]!.id },
    );
    expect(mixed.status).toBe(404);
    expect(await db.courseEnrollment.count({ where: { courseId: draft.id } })).toBe(0);
  });
});

describe("version switch", () => {
  it("keeps progress of unchanged lessons, drops changed ones, and leaves the old lessons for history", async () => {
    const learner = await createTestUser({ name: "林晓", teamId: aft.id });
    const cookie = await sessionCookieFor(learner.id);
    const course = await createCourse("沟通话术", [[{ key: "s1" }, { key: "s2" }, { key: "s3" }]]);
    for (const lesson of course.lessons.slice(0, 2)) {
      await callRoute(
        lessonAction,
        buildRequest(lessonPath(course.id, lesson.id), { cookie, form: { intent: "complete" } }),
        { courseId: course.id, lessonId: lesson.id },
      );
    }
    // Trainer publishes v2: s1 unchanged, s2 edited, s3 unchanged, s4 new.
    const v2 = await createVersion(
      course.id,
      2,
      "沟通话术（2026 版）",
      [[{ key: "s1" }, { key: "s2", hash: "hash-s2-edited" }, { key: "s3" }, { key: "s4" }]],
      "published",
    );
    await db.courseVersion.update({ where: { id: course.versionId }, data: { status: "superseded" } });
    await db.course.update({ where: { id: course.id }, data: { publishedVersionId: v2.id } });

    const before = await callRoute(courseLoader, buildRequest(`/learn/courses/${course.id}`, { cookie }), {
      courseId: course.id,
    });
    const beforeData = before.data as {
      newVersion: { version: number } | null;
      version: { version: number };
      lessonsDone: number;
    };
    expect(beforeData.version.version).toBe(1);
    expect(beforeData.newVersion?.version).toBe(2);
    expect(beforeData.lessonsDone).toBe(2);

    const switched = await callRoute(
      courseAction,
      buildRequest(`/learn/courses/${course.id}`, { cookie, form: { intent: "switch-version" } }),
      { courseId: course.id },
    );
    expect(switched.status).toBe(302);
    const enrollments = await db.courseEnrollment.findMany({ where: { userId: learner.id, courseId: course.id } });
    expect(enrollments).toHaveLength(1);
    expect(enrollments[0]!.versionId).toBe(v2.id);
    expect(enrollments[0]!.status).toBe("in_progress");
    const completedNew = await db.lessonProgress.findMany({
      where: { enrollmentId: enrollments[0]!.id, completedAt: { not: null }, lesson: { versionId: v2.id } },
      select: { lesson: { select: { key: true } } },
    });
    expect(completedNew.map((row) => row.lesson.key)).toEqual(["s1"]);
    expect(await db.lesson.count({ where: { versionId: course.versionId } })).toBe(3);

    const after = await callRoute(courseLoader, buildRequest(`/learn/courses/${course.id}`, { cookie }), {
      courseId: course.id,
    });
    const afterData = after.data as { newVersion: unknown; lessonsDone: number; lessonsTotal: number };
    expect(afterData.newVersion).toBeNull();
    expect(afterData).toMatchObject({ lessonsDone: 1, lessonsTotal: 4 });

    // A learner who never opened the course reads the published version and starts there.
    const fresh = await callRoute(courseLoader, buildRequest(`/learn/courses/${course.id}`, { cookie: otherCookie }), {
      courseId: course.id,
    });
    expect((fresh.data as { version: { version: number } }).version.version).toBe(2);
  });
});

describe("scoping", () => {
  it("my learning shows only the signed-in learner's own work", async () => {
    const mine = await callRoute(learnHomeLoader, buildRequest("/learn", { cookie: otherCookie }));
    const data = mine.data as {
      due: { rows: { kind: string; overdue: boolean }[] };
      history: { total: number };
      onboarding: { hoursDone: number; requiredHours: number } | null;
    };
    // 周敏 has not started: both assignments open, the course one overdue; no history; 0 h of 2 h.
    expect(data.due.rows.map((row) => [row.kind, row.overdue])).toEqual([
      ["course", true],
      ["path", false],
    ]);
    expect(data.history.total).toBe(0);
    expect(data.onboarding).toMatchObject({ hoursDone: 0, requiredHours: 2 });
    const agentHome = await callRoute(learnHomeLoader, buildRequest("/learn", { cookie: agentCookie }));
    expect((agentHome.data as { history: { total: number } }).history.total).toBe(3);
  });

  it("an agent cannot open the reports", async () => {
    const result = await callRoute(progressLoader, buildRequest("/training/progress", { cookie: agentCookie }));
    expect(result.status).toBe(403);
    const csv = await callRoute(progressCsvLoader, buildRequest("/training/progress.csv", { cookie: agentCookie }));
    expect(csv.status).toBe(403);
  });

  it("a lead sees only the teams they lead; a trainer sees every team", async () => {
    const lead = await callRoute(progressLoader, buildRequest("/training/progress", { cookie: leadCookie }));
    const leadData = lead.data as {
      rows: { teamName: string; assigned: number; completed: number }[];
      cohort: { name: string; hoursDone: number }[];
      options: { teams: { name: string }[] };
    };
    expect(new Set(leadData.rows.map((row) => row.teamName))).toEqual(new Set(["售后服务组"]));
    expect(leadData.options.teams.map((team) => team.name)).toEqual(["售后服务组"]);
    expect(leadData.cohort.map((row) => row.name)).not.toContain("周敏");
    expect(leadData.cohort.find((row) => row.name === "夏丽娟")?.hoursDone).toBe(2.5);

    const trainer = await callRoute(progressLoader, buildRequest("/training/progress", { cookie: trainerCookie }));
    const trainerData = trainer.data as {
      rows: { teamName: string; courseTitle: string; assigned: number; completed: number; overdue: number }[];
    };
    const cmpA = trainerData.rows.find((row) => row.teamName === "投诉处理组" && row.courseTitle === "公司与商品介绍");
    // 周敏: course A assigned directly (overdue) and through the path → one pair, not completed, overdue.
    expect(cmpA).toMatchObject({ assigned: 1, completed: 0, overdue: 1 });
    const aftA = trainerData.rows.find((row) => row.teamName === "售后服务组" && row.courseTitle === "公司与商品介绍");
    expect(aftA).toMatchObject({ completed: 1 });

    const overdue = await callRoute(overdueLoader, buildRequest("/training/progress/overdue", { cookie: leadCookie }));
    expect((overdue.data as { total: number }).total).toBe(0);
    const overdueAll = await callRoute(
      overdueLoader,
      buildRequest("/training/progress/overdue", { cookie: trainerCookie }),
    );
    const all = overdueAll.data as {
      total: number;
      rows: { userName: string; daysOverdue: number; progress: { percent: number } }[];
    };
    expect(all.total).toBe(1);
    expect(all.rows[0]).toMatchObject({ userName: "周敏", daysOverdue: 3, progress: { percent: 0 } });
  });

  it("CSV exports carry translated headers and only the rows in scope", async () => {
    const csv = await callRoute(progressCsvLoader, buildRequest("/training/progress.csv", { cookie: leadCookie }));
    expect(csv.status).toBe(200);
    expect(csv.headers.get("Content-Type")).toContain("text/csv");
    const text = String(csv.data);
    // (Response.text() drops the byte-order mark csvDocument writes.)
    expect(text.startsWith("团队,课程,指派,已完成,学习中,逾期,完成率(%)")).toBe(true);
    expect(text).toContain("售后服务组,公司与商品介绍,1,1,0,0,100");
    expect(text).not.toContain("投诉处理组");
    const overdue = await callRoute(
      overdueCsvLoader,
      buildRequest("/training/progress/overdue.csv", { cookie: trainerCookie }),
    );
    const lines = String(overdue.data).trim().split("\r\n");
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain("周敏");
    expect(lines[1]).toContain(",3,0,2,0");
  });

  it("the agent home lists the next due learning; the trainer home shows onboarding hours", async () => {
    const home = await callRoute(agentHomeLoader, buildRequest("/agent", { cookie: otherCookie }));
    const learning = (home.data as { learning: { total: number; rows: { title: string; overdue: boolean }[] } })
      .learning;
    expect(learning.total).toBe(2);
    expect(learning.rows[0]).toMatchObject({ title: "公司与商品介绍", overdue: true });
    const trainer = await callRoute(trainerHomeLoader, buildRequest("/trainer", { cookie: trainerCookie }));
    const hires = (
      trainer.data as { hires: { name: string; hoursDone: number; requiredHours: number; met: boolean }[] }
    ).hires;
    expect(hires.find((hire) => hire.name === "夏丽娟")).toMatchObject({ hoursDone: 2.5, requiredHours: 2, met: true });
    expect(hires.find((hire) => hire.name === "周敏")).toMatchObject({ hoursDone: 0, met: false });
  });
});
