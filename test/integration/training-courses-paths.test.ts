import { beforeAll, describe, expect, it } from "vitest";
import { createCourse, publishDraft } from "~/modules/training/courses/course-authoring.server";
import { action as pathAction, loader as pathLoader } from "~/routes/training.paths.$pathId";
import { loader as pathsLoader } from "~/routes/training.paths._index";
import { action as newPathAction, loader as newPathLoader } from "~/routes/training.paths.new";
import { db } from "~/utils/db.server";
import { buildRequest, callRoute, signInAs, type TestUser } from "../support/auth";

let trainer: TestUser;
let cookie: string;
let teamId: string;
const courseIds: Record<string, string> = {};

/** A published course of `minutes` minutes, written straight through the authoring module. */
async function publishedCourse(slug: string, title: string, minutes: number) {
  const created = await createCourse({ slug, title, type: "onboarding", summary: "", tags: [] }, { id: null });
  if (!created.ok) throw new Error("course not created");
  const version = await db.courseVersion.findFirstOrThrow({
    where: { courseId: created.courseId },
    select: { id: true },
  });
  const module = await db.courseModule.create({ data: { versionId: version.id, position: 0, title: "第一章" } });
  await db.lesson.create({
    data: {
      versionId: version.id,
      moduleId: module.id,
      key: "one",
      position: 0,
      title: "课时",
      body: "正文",
      estimatedMinutes: minutes,
      contentHash: "x",
    },
  });
  const stamp = (await db.courseVersion.findUniqueOrThrow({ where: { id: version.id } })).updatedAt.toISOString();
  const published = await publishDraft(created.courseId, stamp, { id: null });
  if (!published.ok) throw new Error("course not published");
  return created.courseId;
}

beforeAll(async () => {
  ({ user: trainer, cookie } = await signInAs("trainer"));
  teamId = (await db.team.create({ data: { code: "AFT", name: "售后服务组" }, select: { id: true } })).id;
  courseIds.company = await publishedCourse("company-and-products", "公司与商品", 600);
  courseIds.process = await publishedCourse("service-process", "服务流程", 600);
  courseIds.draft = (
    (await createCourse(
      { slug: "draft-only", title: "草稿课程", type: "skills", summary: "", tags: [] },
      { id: null },
    )) as { courseId: string }
  ).courseId;
});

type PathData = {
  path: { id: string; stamp: string; status: string; requiredHours: number | null };
  courses: { courseId: string; title: string }[];
  hours: number;
  problems: { key: string; params?: Record<string, unknown> }[];
  available: { id: string }[];
};

async function load(pathId: string) {
  const result = await callRoute(pathLoader, buildRequest(`/training/paths/${pathId}`, { cookie }), { pathId });
  expect(result.status).toBe(200);
  return result.data as PathData;
}

async function act(pathId: string, form: Record<string, string | string[]>) {
  return callRoute(pathAction, buildRequest(`/training/paths/${pathId}`, { cookie, form }), { pathId });
}

async function createPath(slug: string, extra: Record<string, string | string[]> = {}) {
  const result = await callRoute(
    newPathAction,
    buildRequest("/training/paths/new", {
      cookie,
      form: {
        title: "新人入职路径",
        slug,
        description: "岗前培训",
        audienceRoles: ["agent"],
        audienceTeamIds: [teamId],
        ...extra,
      },
    }),
  );
  expect(result.status).toBe(302);
  return result.location!.split("/").pop()!;
}

describe("learning paths", () => {
  it("keeps agents and team leads out of every path page and action", async () => {
    const pathId = await createPath("perm-path");
    for (const role of ["agent", "team_lead"] as const) {
      const other = await signInAs(role);
      const results = [
        await callRoute(pathsLoader, buildRequest("/training/paths", { cookie: other.cookie })),
        await callRoute(newPathLoader, buildRequest("/training/paths/new", { cookie: other.cookie })),
        await callRoute(
          newPathAction,
          buildRequest("/training/paths/new", { cookie: other.cookie, form: { title: "x", slug: "x" } }),
        ),
        await callRoute(pathLoader, buildRequest(`/training/paths/${pathId}`, { cookie: other.cookie }), { pathId }),
        await callRoute(
          pathAction,
          buildRequest(`/training/paths/${pathId}`, { cookie: other.cookie, form: { intent: "archive", stamp: "x" } }),
          {
            pathId,
          },
        ),
      ];
      expect(results.map((result) => result.status)).toEqual([403, 403, 403, 403, 403]);
    }
  });

  it("creates a path with its audience and an audit entry; refuses a taken slug and bad numbers", async () => {
    const pathId = await createPath("onboarding-path", {
      audienceLevel: "P1",
      requiredHours: "20",
      dueDays: "30",
      autoAssignNewHires: "on",
    });
    const stored = await db.learningPath.findUniqueOrThrow({ where: { id: pathId } });
    expect(stored).toMatchObject({
      status: "draft",
      source: "app",
      audienceRoles: ["agent"],
      audienceTeamIds: [teamId],
      audienceLevel: "P1",
      requiredHours: 20,
      dueDays: 30,
      autoAssignNewHires: true,
    });
    expect(await db.auditLog.count({ where: { action: "path.create", entityId: pathId, actorId: trainer.id } })).toBe(
      1,
    );

    const taken = await callRoute(
      newPathAction,
      buildRequest("/training/paths/new", { cookie, form: { title: "重复", slug: "onboarding-path" } }),
    );
    expect(taken.status).toBe(409);
    const badHours = await callRoute(
      newPathAction,
      buildRequest("/training/paths/new", { cookie, form: { title: "错误", slug: "bad-hours", requiredHours: "2.5" } }),
    );
    expect(badHours.status).toBe(400);
    expect(JSON.stringify(badHours.data)).toContain("training-courses:errors.requiredHours");
  });

  it("adds published courses in order, totals hours, refuses publishing below the required hours, then publishes", async () => {
    const pathId = await createPath("hours-path", { requiredHours: "20" });
    let state = await load(pathId);
    expect(state.available.map((course) => course.id).sort()).toEqual([courseIds.company, courseIds.process].sort());
    expect(state.problems).toEqual([
      { key: "training-courses:errors.pathEmpty" },
      { key: "training-courses:errors.pathTooShort", params: { hours: 0, required: 20 } },
    ]);

    expect(
      (await act(pathId, { intent: "add-course", stamp: state.path.stamp, courseId: courseIds.company! })).status,
    ).toBe(302);
    state = await load(pathId);
    const draftCourse = await act(pathId, {
      intent: "add-course",
      stamp: state.path.stamp,
      courseId: courseIds.draft!,
    });
    expect(draftCourse.status).toBe(404);
    const short = await act(pathId, { intent: "publish", stamp: state.path.stamp });
    expect(short.status).toBe(400);
    expect(short.data).toMatchObject({
      problems: [{ key: "training-courses:errors.pathTooShort", params: { hours: 10, required: 20 } }],
    });

    await act(pathId, { intent: "add-course", stamp: state.path.stamp, courseId: courseIds.process! });
    state = await load(pathId);
    expect(state.hours).toBe(20);
    expect(state.courses.map((course) => course.title)).toEqual(["公司与商品", "服务流程"]);
    const duplicate = await act(pathId, {
      intent: "add-course",
      stamp: state.path.stamp,
      courseId: courseIds.process!,
    });
    expect(duplicate.status).toBe(409);

    await act(pathId, {
      intent: "move-course",
      stamp: state.path.stamp,
      courseId: courseIds.process!,
      direction: "up",
    });
    state = await load(pathId);
    expect(state.courses.map((course) => course.title)).toEqual(["服务流程", "公司与商品"]);

    const stale = await act(pathId, {
      intent: "remove-course",
      stamp: "2020-01-01T00:00:00.000Z",
      courseId: courseIds.company!,
    });
    expect(stale.status).toBe(409);
    expect(stale.data).toMatchObject({ problems: ["training-courses:errors.stale"] });

    expect((await act(pathId, { intent: "publish", stamp: state.path.stamp })).status).toBe(302);
    state = await load(pathId);
    expect(state.path.status).toBe("published");
    expect((await act(pathId, { intent: "archive", stamp: state.path.stamp })).status).toBe(302);
    expect((await load(pathId)).path.status).toBe("archived");
    const actions = await db.auditLog.findMany({
      where: { entityId: pathId },
      orderBy: { createdAt: "asc" },
      select: { action: true },
    });
    expect(actions.map((row) => row.action)).toEqual([
      "path.create",
      "path.update",
      "path.update",
      "path.update",
      "path.publish",
      "path.archive",
    ]);

    const list = await callRoute(pathsLoader, buildRequest("/training/paths", { cookie }));
    const row = (
      list.data as { rows: { id: string; courses: number; hours: number; audienceTeams: string[] }[] }
    ).rows.find((item) => item.id === pathId);
    expect(row).toMatchObject({ courses: 2, hours: 20, audienceTeams: ["售后服务组"] });
  });

  it("saves the path's fields and removes courses", async () => {
    const pathId = await createPath("fields-path");
    let state = await load(pathId);
    await act(pathId, { intent: "add-course", stamp: state.path.stamp, courseId: courseIds.company! });
    state = await load(pathId);
    const saved = await act(pathId, {
      intent: "fields",
      stamp: state.path.stamp,
      title: "售后新人路径",
      description: "售后组新人",
      audienceRoles: ["agent", "team_lead"],
      requiredHours: "10",
    });
    expect(saved.status).toBe(302);
    const stored = await db.learningPath.findUniqueOrThrow({ where: { id: pathId } });
    expect(stored).toMatchObject({
      title: "售后新人路径",
      audienceRoles: ["agent", "team_lead"],
      audienceTeamIds: [],
      requiredHours: 10,
      autoAssignNewHires: false,
    });
    state = await load(pathId);
    await act(pathId, { intent: "remove-course", stamp: state.path.stamp, courseId: courseIds.company! });
    expect((await load(pathId)).courses).toEqual([]);
    const unknownTeam = await act(pathId, {
      intent: "fields",
      stamp: (await load(pathId)).path.stamp,
      title: "x",
      audienceTeamIds: ["nope"],
    });
    expect(unknownTeam.status).toBe(400);
  });
});
