import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { syncTrainingContent } from "~/modules/training/content-sync/content-sync.server";
import { action as overviewAction } from "~/routes/training.courses.$courseId";
import { db } from "~/utils/db.server";
import { seedTrainingCourses } from "../../prisma/seed/training-courses";
import { buildRequest, callRoute, createTestUser, signInAs } from "../support/auth";

let root: string;
let coursesDir: string;
let pathsDir: string;

function writeCourse(
  slug: string,
  lessons: Record<string, { title: string; minutes: number; body: string }>,
  extra = "",
) {
  const dir = path.join(coursesDir, slug);
  mkdirSync(path.join(dir, "lessons"), { recursive: true });
  writeFileSync(
    path.join(dir, "course.yaml"),
    `title: ${slug === "after-sales" ? "售后政策：7天无理由退换货" : "沟通话术基础"}\ntype: onboarding\nsummary: 示例课程\ntags: [入职]\nmodules:\n  - title: 第一章\n    lessons: [${Object.keys(lessons).join(", ")}]\n${extra}`,
  );
  for (const [key, lesson] of Object.entries(lessons)) {
    writeFileSync(
      path.join(dir, "lessons", `${key}.md`),
      `---\ntitle: ${lesson.title}\nminutes: ${lesson.minutes}\n---\n\n${lesson.body}\n`,
    );
  }
}

const AFTER_SALES = {
  "return-rules": { title: "7天无理由退货规则", minutes: 600, body: "## 规则\n\n签收之日起七日内可申请。" },
  "special-goods": { title: "特殊商品", minutes: 600, body: "## 不适用\n\n- 定制类\n- 鲜活易腐类" },
};
const SCRIPTS = {
  greeting: { title: "开场问候", minutes: 600, body: "> 您好，很高兴为您服务" },
};

beforeAll(async () => {
  root = mkdtempSync(path.join(tmpdir(), "training-sync-"));
  coursesDir = path.join(root, "courses");
  pathsDir = path.join(root, "paths");
  mkdirSync(pathsDir, { recursive: true });
  writeCourse("after-sales", AFTER_SALES);
  writeCourse("scripts", SCRIPTS);
  await db.team.upsert({ where: { code: "AFT" }, create: { code: "AFT", name: "售后服务组" }, update: {} });
  writeFileSync(
    path.join(pathsDir, "onboarding.yaml"),
    "title: 新人入职路径\ndescription: 岗前培训\naudienceRoles: [agent]\naudienceTeams: [AFT]\nlevel: P1\nrequiredHours: 30\nautoAssignNewHires: true\ndueDays: 30\ncourses: [after-sales, scripts]\n",
  );
  return () => rmSync(root, { recursive: true, force: true });
});

const sync = () => syncTrainingContent({ coursesDir, pathsDir });

describe("content sync", () => {
  it("creates published file courses and paths, and a second run changes nothing", async () => {
    const first = await sync();
    expect(first.errors).toEqual([]);
    expect(first.courses).toEqual({ created: ["after-sales", "scripts"], updated: [], unchanged: [] });
    expect(first.paths).toEqual({ created: ["onboarding"], updated: [], unchanged: [] });

    const course = await db.course.findUniqueOrThrow({
      where: { slug: "after-sales" },
      select: {
        status: true,
        source: true,
        tags: true,
        publishedVersion: {
          select: {
            version: true,
            estimatedMinutes: true,
            contentHash: true,
            lessons: { orderBy: { position: "asc" }, select: { key: true, title: true, body: true } },
          },
        },
      },
    });
    expect(course).toMatchObject({ status: "published", source: "file", tags: ["入职"] });
    expect(course.publishedVersion).toMatchObject({ version: 1, estimatedMinutes: 1200 });
    expect(course.publishedVersion!.lessons.map((lesson) => lesson.key)).toEqual(["return-rules", "special-goods"]);
    expect(course.publishedVersion!.lessons[1]!.body).toBe("## 不适用\n\n- 定制类\n- 鲜活易腐类");

    const team = await db.team.findUniqueOrThrow({ where: { code: "AFT" }, select: { id: true } });
    const learningPath = await db.learningPath.findUniqueOrThrow({
      where: { slug: "onboarding" },
      select: {
        status: true,
        source: true,
        audienceRoles: true,
        audienceTeamIds: true,
        audienceLevel: true,
        requiredHours: true,
        autoAssignNewHires: true,
        dueDays: true,
        items: { orderBy: { position: "asc" }, select: { course: { select: { slug: true } } } },
      },
    });
    expect(learningPath).toEqual({
      status: "published",
      source: "file",
      audienceRoles: ["agent"],
      audienceTeamIds: [team.id],
      audienceLevel: "P1",
      requiredHours: 30,
      autoAssignNewHires: true,
      dueDays: 30,
      items: [{ course: { slug: "after-sales" } }, { course: { slug: "scripts" } }],
    });

    const versionsBefore = await db.courseVersion.count();
    const auditBefore = await db.auditLog.count();
    const second = await sync();
    expect(second).toEqual({
      courses: { created: [], updated: [], unchanged: ["after-sales", "scripts"] },
      paths: { created: [], updated: [], unchanged: ["onboarding"] },
      errors: [],
    });
    expect(await db.courseVersion.count()).toBe(versionsBefore);
    expect(await db.auditLog.count()).toBe(auditBefore);
  });

  it("publishes a changed lesson as a new version with the in-app policy", async () => {
    const course = await db.course.findUniqueOrThrow({
      where: { slug: "after-sales" },
      select: { id: true, publishedVersionId: true },
    });
    const [waiting, studying] = await Promise.all([createTestUser(), createTestUser()]);
    await db.courseEnrollment.createMany({
      data: [
        { userId: waiting.id, courseId: course.id, versionId: course.publishedVersionId!, status: "not_started" },
        {
          userId: studying.id,
          courseId: course.id,
          versionId: course.publishedVersionId!,
          status: "in_progress",
          startedAt: new Date(),
        },
      ],
    });
    writeCourse("after-sales", {
      ...AFTER_SALES,
      "special-goods": {
        ...AFTER_SALES["special-goods"],
        body: "## 不适用\n\n- 定制类\n- 鲜活易腐类\n- 已拆封的数码产品",
      },
    });
    const report = await sync();
    expect(report.courses).toEqual({ created: [], updated: ["after-sales"], unchanged: ["scripts"] });
    const versions = await db.courseVersion.findMany({
      where: { courseId: course.id },
      orderBy: { version: "asc" },
      select: {
        id: true,
        version: true,
        status: true,
        lessons: { orderBy: { position: "asc" }, select: { key: true, contentHash: true } },
      },
    });
    expect(versions.map((version) => [version.version, version.status])).toEqual([
      [1, "superseded"],
      [2, "published"],
    ]);
    // The unchanged lesson keeps its hash (learners switching keep its completion); the changed one does not.
    expect(versions[1]!.lessons[0]!.contentHash).toBe(versions[0]!.lessons[0]!.contentHash);
    expect(versions[1]!.lessons[1]!.contentHash).not.toBe(versions[0]!.lessons[1]!.contentHash);
    const enrollments = await db.courseEnrollment.findMany({
      where: { courseId: course.id },
      select: { userId: true, versionId: true },
    });
    expect(enrollments.find((row) => row.userId === waiting.id)!.versionId).toBe(versions[1]!.id);
    expect(enrollments.find((row) => row.userId === studying.id)!.versionId).toBe(versions[0]!.id);
    expect((await sync()).courses.unchanged).toEqual(["after-sales", "scripts"]);
  });

  it("leaves a course edited in the app alone until its file changes, then publishes the file over the draft", async () => {
    const { cookie } = await signInAs("trainer");
    const course = await db.course.findUniqueOrThrow({ where: { slug: "scripts" }, select: { id: true } });
    const edit = await callRoute(
      overviewAction,
      buildRequest(`/training/courses/${course.id}`, { cookie, form: { intent: "edit" } }),
      { courseId: course.id },
    );
    expect(edit.status).toBe(302);
    expect((await sync()).courses.unchanged).toContain("scripts");
    expect(await db.courseVersion.count({ where: { courseId: course.id, status: "draft" } })).toBe(1);

    writeCourse("scripts", { greeting: { ...SCRIPTS.greeting, title: "开场问候与自我介绍" } });
    expect((await sync()).courses.updated).toEqual(["scripts"]);
    const versions = await db.courseVersion.findMany({
      where: { courseId: course.id },
      orderBy: { version: "asc" },
      select: { version: true, status: true, title: true },
    });
    expect(versions.map((version) => [version.version, version.status])).toEqual([
      [1, "superseded"],
      [2, "published"],
    ]);
    expect(await db.auditLog.count({ where: { entityId: course.id, action: "course.discard-draft" } })).toBe(1);
  });

  it("updates a path whose file changed and keeps an archived path archived", async () => {
    writeFileSync(
      path.join(pathsDir, "onboarding.yaml"),
      "title: 新人入职路径（2026版）\naudienceRoles: [agent]\nrequiredHours: 30\nautoAssignNewHires: true\ncourses: [scripts, after-sales]\n",
    );
    expect((await sync()).paths.updated).toEqual(["onboarding"]);
    const stored = await db.learningPath.findUniqueOrThrow({
      where: { slug: "onboarding" },
      select: {
        id: true,
        title: true,
        audienceTeamIds: true,
        items: { orderBy: { position: "asc" }, select: { course: { select: { slug: true } } } },
      },
    });
    expect(stored.title).toBe("新人入职路径（2026版）");
    expect(stored.audienceTeamIds).toEqual([]);
    expect(stored.items.map((item) => item.course.slug)).toEqual(["scripts", "after-sales"]);
    await db.learningPath.update({ where: { id: stored.id }, data: { status: "archived" } });
    expect((await sync()).paths.unchanged).toEqual(["onboarding"]);
    expect((await db.learningPath.findUniqueOrThrow({ where: { id: stored.id } })).status).toBe("archived");
  });

  it("skips broken files with precise messages and still syncs the others", async () => {
    const broken = mkdtempSync(path.join(tmpdir(), "training-sync-broken-"));
    const brokenCourses = path.join(broken, "courses");
    const brokenPaths = path.join(broken, "paths");
    mkdirSync(path.join(brokenCourses, "missing-lesson", "lessons"), { recursive: true });
    writeFileSync(
      path.join(brokenCourses, "missing-lesson", "course.yaml"),
      "title: 缺课时\ntype: skills\nmodules:\n  - title: 一\n    lessons: [absent]\n",
    );
    mkdirSync(path.join(brokenCourses, "bad-minutes", "lessons"), { recursive: true });
    writeFileSync(
      path.join(brokenCourses, "bad-minutes", "course.yaml"),
      "title: 时长错误\ntype: skills\nmodules:\n  - title: 一\n    lessons: [one]\n",
    );
    writeFileSync(
      path.join(brokenCourses, "bad-minutes", "lessons", "one.md"),
      "---\ntitle: 一\nminutes: 半小时\n---\n正文",
    );
    mkdirSync(path.join(brokenCourses, "good", "lessons"), { recursive: true });
    writeFileSync(
      path.join(brokenCourses, "good", "course.yaml"),
      "title: 正常课程\ntype: practice\nmodules:\n  - title: 一\n    lessons: [one]\n",
    );
    writeFileSync(path.join(brokenCourses, "good", "lessons", "one.md"), "---\ntitle: 案例\nminutes: 20\n---\n正文");
    mkdirSync(brokenPaths);
    writeFileSync(path.join(brokenPaths, "short.yaml"), "title: 太短的路径\nrequiredHours: 30\ncourses: [good]\n");
    writeFileSync(path.join(brokenPaths, "unknown.yaml"), "title: 未知\naudienceTeams: [XYZ]\ncourses: [good, nope]\n");

    const report = await syncTrainingContent({ coursesDir: brokenCourses, pathsDir: brokenPaths });
    rmSync(broken, { recursive: true, force: true });
    expect(report.courses.created).toEqual(["good"]);
    expect(report.paths.created).toEqual(["short"]);
    expect(report.errors).toEqual([
      "courses/bad-minutes/lessons/one.md: minutes: minutes must be a whole number of minutes",
      "courses/missing-lesson/course.yaml: modules.0.lessons.0: lessons/absent.md not found",
      "paths/short.yaml: left as a draft: its courses add up to 0.3 h, below requiredHours 30",
      'paths/unknown.yaml: audienceTeams.0: unknown team code "XYZ"',
      'paths/unknown.yaml: courses.1: unknown course "nope"',
    ]);
    expect((await db.learningPath.findUniqueOrThrow({ where: { slug: "short" } })).status).toBe("draft");
    expect(await db.course.count({ where: { slug: { in: ["missing-lesson", "bad-minutes"] } } })).toBe(0);
  });
});

describe("seed step", () => {
  it("syncs the shipped content/courses and content/paths without errors, and a second run is unchanged", async () => {
    for (const [code, name] of [
      ["PRE", "售前咨询组"],
      ["CMP", "投诉处理组"],
      ["VIS", "客户回访组"],
    ]) {
      await db.team.upsert({ where: { code: code! }, create: { code: code!, name: name! }, update: {} });
    }
    const first = await seedTrainingCourses();
    expect(first).toMatch(
      /^courses: \d+ created, 0 updated, 0 unchanged; paths: \d+ created, 0 updated, 0 unchanged; 0 errors$/,
    );
    expect(await seedTrainingCourses()).toMatch(
      /^courses: 0 created, 0 updated, \d+ unchanged; paths: 0 created, 0 updated, \d+ unchanged; 0 errors$/,
    );
    const onboarding = await db.learningPath.findUniqueOrThrow({
      where: { slug: "new-hire-onboarding" },
      select: { status: true, requiredHours: true },
    });
    expect(onboarding.status).toBe("published");
    expect(onboarding.requiredHours).toBeGreaterThanOrEqual(30);
  }, 180_000);
});
