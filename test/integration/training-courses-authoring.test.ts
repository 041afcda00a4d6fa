import { beforeAll, describe, expect, it } from "vitest";
import { action as overviewAction, loader as overviewLoader } from "~/routes/training.courses.$courseId";
import { action as editAction, loader as editLoader } from "~/routes/training.courses.$courseId_.edit";
import { action as lessonAction, loader as lessonLoader } from "~/routes/training.courses.$courseId_.lessons.$lessonId";
import { loader as previewLoader } from "~/routes/training.courses.$courseId_.preview";
import { loader as listLoader } from "~/routes/training.courses._index";
import { action as newAction, loader as newLoader } from "~/routes/training.courses.new";
import { db } from "~/utils/db.server";
import { buildRequest, callRoute, createTestUser, signInAs, type TestUser } from "../support/auth";

let trainer: TestUser;
let trainerCookie: string;

beforeAll(async () => {
  ({ user: trainer, cookie: trainerCookie } = await signInAs("trainer", { name: "陈晓雯" }));
});

type EditorData = {
  draft: {
    version: number;
    stamp: string;
    minutes: number;
    modules: { id: string; title: string; lessons: { id: string; key: string; title: string; minutes: number }[] }[];
  };
};

async function createCourse(slug: string, title = "售后政策：7天无理由退换货") {
  const result = await callRoute(
    newAction,
    buildRequest("/training/courses/new", {
      cookie: trainerCookie,
      form: { title, slug, type: "onboarding", summary: "掌握退换货政策", tags: "入职，售后" },
    }),
  );
  expect(result.status).toBe(302);
  const courseId = result.location!.split("/")[3]!;
  expect(result.location).toBe(`/training/courses/${courseId}/edit`);
  return courseId;
}

async function editor(courseId: string) {
  const result = await callRoute(
    editLoader,
    buildRequest(`/training/courses/${courseId}/edit`, { cookie: trainerCookie }),
    { courseId },
  );
  expect(result.status).toBe(200);
  return result.data as EditorData;
}

async function edit(courseId: string, form: Record<string, string>) {
  return callRoute(editAction, buildRequest(`/training/courses/${courseId}/edit`, { cookie: trainerCookie, form }), {
    courseId,
  });
}

async function saveLesson(courseId: string, lessonId: string, form: Record<string, string>) {
  return callRoute(
    lessonAction,
    buildRequest(`/training/courses/${courseId}/lessons/${lessonId}`, {
      cookie: trainerCookie,
      form: { intent: "save", ...form },
    }),
    { courseId, lessonId },
  );
}

async function overview(courseId: string, form: Record<string, string>, cookie = trainerCookie) {
  return callRoute(overviewAction, buildRequest(`/training/courses/${courseId}`, { cookie, form }), { courseId });
}

/** A course with one module and two written lessons (25 + 20 minutes), published as v1. */
async function publishedCourse(slug: string) {
  const courseId = await createCourse(slug);
  let state = await editor(courseId);
  expect(
    (await edit(courseId, { intent: "add-module", stamp: state.draft.stamp, title: "第一章 7天无理由" })).status,
  ).toBe(302);
  state = await editor(courseId);
  const moduleId = state.draft.modules[0]!.id;
  await edit(courseId, { intent: "add-lesson", stamp: state.draft.stamp, moduleId, title: "适用条件", minutes: "25" });
  state = await editor(courseId);
  await edit(courseId, { intent: "add-lesson", stamp: state.draft.stamp, moduleId, title: "运费规则", minutes: "20" });
  state = await editor(courseId);
  for (const [index, lesson] of state.draft.modules[0]!.lessons.entries()) {
    const stamp = (await editor(courseId)).draft.stamp;
    const saved = await saveLesson(courseId, lesson.id, {
      stamp,
      title: lesson.title,
      minutes: String(lesson.minutes),
      body: `## ${lesson.title}\n\n第 ${index + 1} 课的内容。`,
    });
    expect(saved.status).toBe(302);
  }
  const published = await overview(courseId, { intent: "publish", stamp: (await editor(courseId)).draft.stamp });
  expect(published.status).toBe(302);
  return courseId;
}

describe("permissions", () => {
  it("gives agents and team leads 403 on every authoring loader and action", async () => {
    const courseId = await publishedCourse("perm-course");
    const lessonId = (await db.lesson.findFirstOrThrow({ where: { version: { courseId } }, select: { id: true } })).id;
    for (const role of ["agent", "team_lead"] as const) {
      const { cookie } = await signInAs(role);
      const get = (path: string) => buildRequest(path, { cookie });
      const post = (path: string, form: Record<string, string>) => buildRequest(path, { cookie, form });
      const results = [
        await callRoute(listLoader, get("/training/courses")),
        await callRoute(newLoader, get("/training/courses/new")),
        await callRoute(newAction, post("/training/courses/new", { title: "x", slug: "x", type: "skills" })),
        await callRoute(overviewLoader, get(`/training/courses/${courseId}`), { courseId }),
        await callRoute(overviewAction, post(`/training/courses/${courseId}`, { intent: "archive" }), { courseId }),
        await callRoute(editLoader, get(`/training/courses/${courseId}/edit`), { courseId }),
        await callRoute(editAction, post(`/training/courses/${courseId}/edit`, { intent: "add-module" }), { courseId }),
        await callRoute(lessonLoader, get(`/training/courses/${courseId}/lessons/${lessonId}`), {
          courseId,
          lessonId,
        }),
        await callRoute(
          lessonAction,
          post(`/training/courses/${courseId}/lessons/${lessonId}`, { intent: "preview", body: "x" }),
          { courseId, lessonId },
        ),
        await callRoute(previewLoader, get(`/training/courses/${courseId}/preview`), { courseId }),
      ];
      expect(results.map((result) => result.status)).toEqual(results.map(() => 403));
    }
    const course = await db.course.findUniqueOrThrow({ where: { id: courseId }, select: { status: true } });
    expect(course.status).toBe("published");
  });

  it("sends signed-out visitors to the login page", async () => {
    const result = await callRoute(listLoader, buildRequest("/training/courses"));
    expect(result.status).toBe(302);
    expect(result.location).toMatch(/^\/login/);
  });
});

describe("creating and editing a draft", () => {
  it("creates the course with draft v1 and an audit entry, and refuses a taken slug", async () => {
    const courseId = await createCourse("create-course");
    const course = await db.course.findUniqueOrThrow({
      where: { id: courseId },
      select: {
        status: true,
        source: true,
        tags: true,
        createdById: true,
        versions: { select: { version: true, status: true } },
      },
    });
    expect(course).toEqual({
      status: "draft",
      source: "app",
      tags: ["入职", "售后"],
      createdById: trainer.id,
      versions: [{ version: 1, status: "draft" }],
    });
    expect(
      await db.auditLog.count({ where: { action: "course.create", entityId: courseId, actorId: trainer.id } }),
    ).toBe(1);
    const again = await callRoute(
      newAction,
      buildRequest("/training/courses/new", {
        cookie: trainerCookie,
        form: { title: "另一门", slug: "create-course", type: "skills" },
      }),
    );
    expect(again.status).toBe(409);
    expect(JSON.stringify(again.data)).toContain("training-courses:errors.slugTaken");
  });

  it("adds, renames, reorders and deletes modules and lessons, keeping minutes summed", async () => {
    const courseId = await createCourse("outline-course");
    let state = await editor(courseId);
    for (const title of ["第一章", "第二章"]) {
      await edit(courseId, { intent: "add-module", stamp: state.draft.stamp, title });
      state = await editor(courseId);
    }
    const [first, second] = state.draft.modules;
    for (const [title, minutes] of [
      ["课时甲", "30"],
      ["课时乙", "15"],
    ]) {
      await edit(courseId, {
        intent: "add-lesson",
        stamp: state.draft.stamp,
        moduleId: first!.id,
        title: title!,
        minutes: minutes!,
      });
      state = await editor(courseId);
    }
    expect(state.draft.minutes).toBe(45);
    expect(state.draft.modules[0]!.lessons.map((lesson) => [lesson.key, lesson.title])).toEqual([
      ["lesson-1", "课时甲"],
      ["lesson-2", "课时乙"],
    ]);

    await edit(courseId, {
      intent: "move-lesson",
      stamp: state.draft.stamp,
      lessonId: state.draft.modules[0]!.lessons[1]!.id,
      direction: "up",
    });
    state = await editor(courseId);
    expect(state.draft.modules[0]!.lessons.map((lesson) => lesson.title)).toEqual(["课时乙", "课时甲"]);

    await edit(courseId, { intent: "move-module", stamp: state.draft.stamp, moduleId: second!.id, direction: "up" });
    state = await editor(courseId);
    expect(state.draft.modules.map((module) => module.title)).toEqual(["第二章", "第一章"]);

    await edit(courseId, {
      intent: "rename-module",
      stamp: state.draft.stamp,
      moduleId: first!.id,
      title: "第一章 政策",
    });
    state = await editor(courseId);
    expect(state.draft.modules[1]!.title).toBe("第一章 政策");

    const lessonToDelete = state.draft.modules[1]!.lessons.find((lesson) => lesson.title === "课时甲")!;
    await edit(courseId, { intent: "delete-lesson", stamp: state.draft.stamp, lessonId: lessonToDelete.id });
    state = await editor(courseId);
    expect(state.draft.minutes).toBe(15);

    await edit(courseId, { intent: "delete-module", stamp: state.draft.stamp, moduleId: second!.id });
    state = await editor(courseId);
    expect(state.draft.modules.map((module) => module.title)).toEqual(["第一章 政策"]);
    const stored = await db.courseVersion.findFirstOrThrow({
      where: { courseId },
      select: { estimatedMinutes: true, modules: { select: { position: true } } },
    });
    expect(stored).toEqual({ estimatedMinutes: 15, modules: [{ position: 0 }] });
  });

  it("refuses a stale save with 409 and changes nothing", async () => {
    const courseId = await createCourse("stale-course");
    const before = await editor(courseId);
    expect((await edit(courseId, { intent: "add-module", stamp: before.draft.stamp, title: "第一章" })).status).toBe(
      302,
    );
    const stale = await edit(courseId, { intent: "add-module", stamp: before.draft.stamp, title: "别人的第一章" });
    expect(stale.status).toBe(409);
    expect(stale.data).toMatchObject({ problems: ["training-courses:errors.stale"] });
    const staleFields = await edit(courseId, {
      intent: "course",
      stamp: before.draft.stamp,
      title: "改名",
      type: "skills",
      summary: "",
      tags: "",
    });
    expect(staleFields.status).toBe(409);
    const after = await editor(courseId);
    expect(after.draft.modules.map((module) => module.title)).toEqual(["第一章"]);

    await edit(courseId, {
      intent: "add-lesson",
      stamp: after.draft.stamp,
      moduleId: after.draft.modules[0]!.id,
      title: "课时",
      minutes: "10",
    });
    const lesson = (await editor(courseId)).draft.modules[0]!.lessons[0]!;
    const staleLesson = await saveLesson(courseId, lesson.id, {
      stamp: after.draft.stamp,
      title: "课时",
      minutes: "10",
      body: "正文",
    });
    expect(staleLesson.status).toBe(409);
    expect(await db.lesson.findUniqueOrThrow({ where: { id: lesson.id }, select: { body: true } })).toEqual({
      body: "",
    });
  });

  it("answers 400 with field errors for bad input", async () => {
    const courseId = await createCourse("invalid-course");
    const state = await editor(courseId);
    const noTitle = await edit(courseId, { intent: "course", stamp: state.draft.stamp, title: " ", type: "skills" });
    expect(noTitle.status).toBe(400);
    expect(JSON.stringify(noTitle.data)).toContain("validation:required");
    const badMinutes = await edit(courseId, {
      intent: "add-lesson",
      stamp: state.draft.stamp,
      moduleId: "x",
      title: "课",
      minutes: "0",
    });
    expect(badMinutes.status).toBe(400);
    expect(badMinutes.data).toMatchObject({ problems: ["training-courses:errors.minutes"] });
  });

  it("refuses to publish a draft without written lessons", async () => {
    const courseId = await createCourse("empty-course");
    let state = await editor(courseId);
    await edit(courseId, { intent: "add-module", stamp: state.draft.stamp, title: "第一章" });
    state = await editor(courseId);
    await edit(courseId, {
      intent: "add-lesson",
      stamp: state.draft.stamp,
      moduleId: state.draft.modules[0]!.id,
      title: "空课时",
      minutes: "5",
    });
    state = await editor(courseId);
    const result = await overview(courseId, { intent: "publish", stamp: state.draft.stamp });
    expect(result.status).toBe(400);
    expect(result.data).toEqual({ problems: ["training-courses:errors.emptyLesson"] });
    expect((await db.course.findUniqueOrThrow({ where: { id: courseId } })).status).toBe("draft");
  });
});

describe("lesson editor", () => {
  it("saves title, minutes and Markdown with a new content hash, and previews sanitised HTML", async () => {
    const courseId = await publishedCourse("lesson-course");
    await overview(courseId, { intent: "edit" });
    const state = await editor(courseId);
    const lesson = state.draft.modules[0]!.lessons[0]!;
    const before = await db.lesson.findUniqueOrThrow({ where: { id: lesson.id }, select: { contentHash: true } });
    const body =
      "## 标准话术\n\n> 亲，非常理解您的心情\n\n| 商品 | 是否可退 |\n|---|---|\n| 定制 | 否 |\n\n<script>alert(1)</script>";
    expect(
      (
        await saveLesson(courseId, lesson.id, {
          stamp: state.draft.stamp,
          title: "适用条件（更新）",
          minutes: "30",
          body,
        })
      ).status,
    ).toBe(302);
    const after = await db.lesson.findUniqueOrThrow({
      where: { id: lesson.id },
      select: { contentHash: true, body: true, estimatedMinutes: true },
    });
    expect(after.contentHash).not.toBe(before.contentHash);
    expect(after.estimatedMinutes).toBe(30);
    expect((await editor(courseId)).draft.minutes).toBe(50);

    const loaded = await callRoute(
      lessonLoader,
      buildRequest(`/training/courses/${courseId}/lessons/${lesson.id}`, { cookie: trainerCookie }),
      {
        courseId,
        lessonId: lesson.id,
      },
    );
    const html = (loaded.data as { html: string }).html;
    expect(html).toContain("<table>");
    expect(html).toContain("<blockquote>");
    expect(html).not.toContain("<script");

    const preview = await callRoute(
      lessonAction,
      buildRequest(`/training/courses/${courseId}/lessons/${lesson.id}`, {
        cookie: trainerCookie,
        form: { intent: "preview", body: "**重点** <img src=x onerror=alert(1)>" },
      }),
      { courseId, lessonId: lesson.id },
    );
    expect((preview.data as { html: string }).html).toContain("<strong>重点</strong>");
    expect((preview.data as { html: string }).html).not.toContain("onerror");
  });

  it("answers 404 for a lesson of a published version (only the draft is edited)", async () => {
    const courseId = await publishedCourse("lesson-404-course");
    const published = await db.lesson.findFirstOrThrow({ where: { version: { courseId } }, select: { id: true } });
    const result = await callRoute(
      lessonLoader,
      buildRequest(`/training/courses/${courseId}/lessons/${published.id}`, { cookie: trainerCookie }),
      { courseId, lessonId: published.id },
    );
    expect(result.status).toBe(404);
  });
});

describe("version policy", () => {
  it("publishing v2 moves not-started enrollments and leaves in-progress and completed ones on v1", async () => {
    const courseId = await publishedCourse("policy-course");
    const v1 = await db.courseVersion.findFirstOrThrow({
      where: { courseId, version: 1 },
      select: { id: true, status: true, estimatedMinutes: true, lessons: { select: { id: true, key: true } } },
    });
    expect(v1.status).toBe("published");
    expect(v1.estimatedMinutes).toBe(45);
    const [notStarted, inProgress, completed] = await Promise.all([
      createTestUser({ name: "夏丽娟" }),
      createTestUser({ name: "王浩然" }),
      createTestUser({ name: "李雪" }),
    ]);
    const enrol = (userId: string, status: "not_started" | "in_progress" | "completed") =>
      db.courseEnrollment.create({
        data: {
          userId,
          courseId,
          versionId: v1.id,
          status,
          startedAt: status === "not_started" ? null : new Date(),
          completedAt: status === "completed" ? new Date() : null,
        },
        select: { id: true },
      });
    const waiting = await enrol(notStarted.id, "not_started");
    const studying = await enrol(inProgress.id, "in_progress");
    await enrol(completed.id, "completed");
    await db.lessonProgress.create({
      data: { enrollmentId: studying.id, lessonId: v1.lessons[0]!.id, completedAt: new Date() },
    });

    const editStarted = await overview(courseId, { intent: "edit" });
    expect(editStarted.status).toBe(302);
    expect(editStarted.location).toBe(`/training/courses/${courseId}/edit`);
    let state = await editor(courseId);
    expect(state.draft.version).toBe(2);
    expect(state.draft.modules[0]!.lessons.map((lesson) => lesson.key)).toEqual(
      v1.lessons.map((lesson) => lesson.key).sort(),
    );
    // A second "edit" reuses the draft: only one draft at a time.
    await overview(courseId, { intent: "edit" });
    expect(await db.courseVersion.count({ where: { courseId } })).toBe(2);

    const changed = state.draft.modules[0]!.lessons[1]!;
    await saveLesson(courseId, changed.id, {
      stamp: state.draft.stamp,
      title: changed.title,
      minutes: "35",
      body: "## 运费规则\n\n更新后的内容。",
    });
    state = await editor(courseId);
    expect(state.draft.minutes).toBe(60);

    const published = await overview(courseId, { intent: "publish", stamp: state.draft.stamp });
    expect(published.status).toBe(302);
    const versions = await db.courseVersion.findMany({
      where: { courseId },
      orderBy: { version: "asc" },
      select: { id: true, version: true, status: true, estimatedMinutes: true },
    });
    expect(versions.map((version) => [version.version, version.status, version.estimatedMinutes])).toEqual([
      [1, "superseded", 45],
      [2, "published", 60],
    ]);
    const course = await db.course.findUniqueOrThrow({ where: { id: courseId }, select: { publishedVersionId: true } });
    expect(course.publishedVersionId).toBe(versions[1]!.id);
    const enrollments = await db.courseEnrollment.findMany({
      where: { courseId },
      select: { userId: true, versionId: true },
    });
    const versionOf = new Map(enrollments.map((row) => [row.userId, row.versionId]));
    expect(versionOf.get(notStarted.id)).toBe(versions[1]!.id);
    expect(versionOf.get(inProgress.id)).toBe(v1.id);
    expect(versionOf.get(completed.id)).toBe(v1.id);
    expect(await db.lessonProgress.count({ where: { enrollmentId: studying.id, lesson: { versionId: v1.id } } })).toBe(
      1,
    );
    expect(await db.courseEnrollment.count({ where: { id: waiting.id, versionId: versions[1]!.id } })).toBe(1);

    const audit = await db.auditLog.findFirstOrThrow({
      where: { action: "course.publish", entityId: courseId },
      orderBy: { createdAt: "desc" },
      select: { before: true, after: true, actorId: true },
    });
    expect(audit).toEqual({
      actorId: trainer.id,
      before: { version: 1 },
      after: { version: 2, estimatedMinutes: 60, movedEnrollments: 1 },
    });

    const loaded = await callRoute(
      overviewLoader,
      buildRequest(`/training/courses/${courseId}`, { cookie: trainerCookie }),
      {
        courseId,
      },
    );
    const data = loaded.data as {
      versions: { version: number; enrolled: number; inProgress: number; completed: number }[];
      totals: { enrolled: number; inProgress: number; completed: number };
    };
    expect(
      data.versions.map(({ version, enrolled, inProgress, completed }) => ({
        version,
        enrolled,
        inProgress,
        completed,
      })),
    ).toEqual([
      { version: 2, enrolled: 1, inProgress: 0, completed: 0 },
      { version: 1, enrolled: 2, inProgress: 1, completed: 1 },
    ]);
    expect(data.totals).toEqual({ enrolled: 3, inProgress: 1, completed: 1 });

    const list = await callRoute(listLoader, buildRequest("/training/courses?q=7天无理由", { cookie: trainerCookie }));
    const row = (
      list.data as {
        rows: { id: string; version: number; lessons: number; minutes: number; enrolled: number; completed: number }[];
      }
    ).rows.find((item) => item.id === courseId);
    expect(row).toMatchObject({ version: 2, lessons: 2, minutes: 60, enrolled: 3, completed: 1 });

    const preview = await callRoute(
      previewLoader,
      buildRequest(`/training/courses/${courseId}/preview?version=1`, { cookie: trainerCookie }),
      { courseId },
    );
    const shown = preview.data as { version: { version: number; modules: { lessons: { html: string }[] }[] } };
    expect(shown.version.version).toBe(1);
    expect(shown.version.modules[0]!.lessons[1]!.html).toContain("第 2 课的内容");
  });

  it("discards a draft, but never a never-published course's only version", async () => {
    const courseId = await publishedCourse("discard-course");
    await overview(courseId, { intent: "edit" });
    expect(await db.courseVersion.count({ where: { courseId } })).toBe(2);
    const discarded = await overview(courseId, { intent: "discard" });
    expect(discarded.status).toBe(302);
    expect(await db.courseVersion.count({ where: { courseId } })).toBe(1);
    expect(await db.lesson.count({ where: { version: { courseId } } })).toBe(2);

    const fresh = await createCourse("only-draft-course");
    const refused = await overview(fresh, { intent: "discard" });
    expect(refused.status).toBe(409);
    expect(refused.data).toEqual({ problems: ["training-courses:errors.onlyVersion"] });
  });
});

describe("archiving", () => {
  it("archives and unarchives with audit entries; an archived course is not edited", async () => {
    const courseId = await publishedCourse("archive-course");
    expect((await overview(courseId, { intent: "archive" })).status).toBe(302);
    const archived = await db.course.findUniqueOrThrow({
      where: { id: courseId },
      select: { status: true, archivedAt: true },
    });
    expect(archived.status).toBe("archived");
    expect(archived.archivedAt).not.toBeNull();
    const editing = await overview(courseId, { intent: "edit" });
    expect(editing.status).toBe(409);
    expect(editing.data).toEqual({ problems: ["training-courses:errors.archived"] });

    const list = await callRoute(
      listLoader,
      buildRequest("/training/courses?status=archived", { cookie: trainerCookie }),
    );
    expect((list.data as { rows: { id: string }[] }).rows.map((row) => row.id)).toContain(courseId);

    expect((await overview(courseId, { intent: "unarchive" })).status).toBe(302);
    expect((await db.course.findUniqueOrThrow({ where: { id: courseId } })).status).toBe("published");
    const actions = await db.auditLog.findMany({
      where: { entityId: courseId, action: { in: ["course.archive", "course.unarchive"] } },
      orderBy: { createdAt: "asc" },
      select: { action: true },
    });
    expect(actions.map((row) => row.action)).toEqual(["course.archive", "course.unarchive"]);
  });
});
