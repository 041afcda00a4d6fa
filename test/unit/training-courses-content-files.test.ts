import { describe, expect, it } from "vitest";
import { parseCourseFile, parseLessonFile, parsePathFile } from "~/modules/training/content-sync/content-files";

const COURSE = `title: 售后政策：7天无理由退换货与特殊商品
type: onboarding
summary: 掌握7天无理由退换货的条件和特殊商品的处理
tags: [入职, 售后]
modules:
  - title: 第一章 7天无理由退换货
    lessons: [seven-day-return-rules, seven-day-return-conditions]
  - title: 第二章 特殊商品
    lessons: [special-goods]
`;

const FILE = "courses/after-sales/course.yaml";

describe("parseCourseFile", () => {
  it("reads a valid course", () => {
    const parsed = parseCourseFile(FILE, COURSE);
    expect(parsed).toEqual({
      ok: true,
      value: {
        title: "售后政策：7天无理由退换货与特殊商品",
        type: "onboarding",
        summary: "掌握7天无理由退换货的条件和特殊商品的处理",
        tags: ["入职", "售后"],
        modules: [
          { title: "第一章 7天无理由退换货", lessons: ["seven-day-return-rules", "seven-day-return-conditions"] },
          { title: "第二章 特殊商品", lessons: ["special-goods"] },
        ],
      },
    });
  });

  it("defaults summary and tags", () => {
    const parsed = parseCourseFile(FILE, "title: 服务流程\ntype: skills\nmodules:\n  - title: 一\n    lessons: [a]\n");
    expect(parsed.ok && parsed.value.summary).toBe("");
    expect(parsed.ok && parsed.value.tags).toEqual([]);
  });

  it("names the file and the field of every problem", () => {
    const parsed = parseCourseFile(
      FILE,
      "title: ''\ntype: training\nmodules:\n  - title: 第一章\n    lessons: []\n  - title: 第二章\n    lessons: [Bad_Key]\n",
    );
    expect(parsed.ok).toBe(false);
    const problems = parsed.ok ? [] : parsed.problems;
    expect(problems).toContain(`${FILE}: title: must not be empty`);
    expect(problems.some((problem) => problem.startsWith(`${FILE}: type: must be one of onboarding, skills`))).toBe(
      true,
    );
    expect(problems).toContain(`${FILE}: modules.0.lessons: a module needs at least one lesson`);
    expect(problems.some((problem) => problem.startsWith(`${FILE}: modules.1.lessons.0: a lesson key`))).toBe(true);
  });

  it("refuses a lesson listed twice", () => {
    const parsed = parseCourseFile(
      FILE,
      "title: 课程\ntype: skills\nmodules:\n  - title: 一\n    lessons: [a, b]\n  - title: 二\n    lessons: [a]\n",
    );
    expect(parsed).toEqual({ ok: false, problems: [`${FILE}: modules.1.lessons.0: lesson "a" is listed twice`] });
  });

  it("reports YAML syntax errors with the file name", () => {
    const parsed = parseCourseFile(FILE, "title: [unclosed\n");
    expect(parsed.ok).toBe(false);
    expect(parsed.ok ? "" : parsed.problems[0]).toMatch(/^courses\/after-sales\/course\.yaml: not valid YAML \(/);
  });

  it("requires at least one module", () => {
    expect(parseCourseFile(FILE, "title: 课程\ntype: skills\nmodules: []\n")).toEqual({
      ok: false,
      problems: [`${FILE}: modules: a course needs at least one module`],
    });
  });
});

describe("parseLessonFile", () => {
  const LESSON = "courses/after-sales/lessons/special-goods.md";

  it("reads title, minutes and the trimmed body", () => {
    const parsed = parseLessonFile(
      LESSON,
      "---\ntitle: 特殊商品\nminutes: 25\n---\n\n## 不适用7天无理由的商品\n\n- 定制类商品\n- 鲜活易腐类商品\n\n",
    );
    expect(parsed).toEqual({
      ok: true,
      value: { title: "特殊商品", minutes: 25, body: "## 不适用7天无理由的商品\n\n- 定制类商品\n- 鲜活易腐类商品" },
    });
  });

  it("refuses missing or fractional minutes and an empty body", () => {
    expect(parseLessonFile(LESSON, "---\ntitle: 特殊商品\n---\n正文")).toEqual({
      ok: false,
      problems: [`${LESSON}: minutes: minutes must be a whole number of minutes`],
    });
    expect(parseLessonFile(LESSON, "---\ntitle: 特殊商品\nminutes: 12.5\n---\n正文")).toEqual({
      ok: false,
      problems: [`${LESSON}: minutes: minutes must be a whole number of minutes`],
    });
    expect(parseLessonFile(LESSON, "---\ntitle: 特殊商品\nminutes: 0\n---\n正文")).toEqual({
      ok: false,
      problems: [`${LESSON}: minutes: minutes must be at least 1`],
    });
    expect(parseLessonFile(LESSON, "---\ntitle: 特殊商品\nminutes: 20\n---\n\n  \n")).toEqual({
      ok: false,
      problems: [`${LESSON}: the lesson has no content below the front matter`],
    });
  });

  it("refuses a lesson without front matter", () => {
    const parsed = parseLessonFile(LESSON, "## 只有正文");
    expect(parsed.ok).toBe(false);
    expect(parsed.ok ? [] : parsed.problems).toContain(
      `${LESSON}: title: Invalid input: expected string, received undefined`,
    );
  });
});

describe("parsePathFile", () => {
  const PATH = "paths/new-hire-onboarding.yaml";

  it("reads a path with defaults", () => {
    const parsed = parsePathFile(
      PATH,
      "title: 新人入职路径\naudienceRoles: [agent]\nlevel: P1\nrequiredHours: 30\nautoAssignNewHires: true\ndueDays: 30\ncourses: [company-and-products, service-process]\n",
    );
    expect(parsed).toEqual({
      ok: true,
      value: {
        title: "新人入职路径",
        description: "",
        audienceRoles: ["agent"],
        audienceTeams: [],
        level: "P1",
        requiredHours: 30,
        autoAssignNewHires: true,
        dueDays: 30,
        courses: ["company-and-products", "service-process"],
      },
    });
  });

  it("names unknown roles, bad numbers and repeated courses", () => {
    const bad = parsePathFile(PATH, "title: 路径\naudienceRoles: [cashier]\nrequiredHours: -1\ncourses: [a]\n");
    expect(bad.ok ? [] : bad.problems.map((problem) => problem.split(":").slice(0, 2).join(":"))).toEqual([
      `${PATH}: audienceRoles.0`,
      `${PATH}: requiredHours`,
    ]);
    expect(parsePathFile(PATH, "title: 路径\ncourses: [a, b, a]\n")).toEqual({
      ok: false,
      problems: [`${PATH}: courses: listed twice: a`],
    });
    expect(parsePathFile(PATH, "title: 路径\ncourses: []\n")).toEqual({
      ok: false,
      problems: [`${PATH}: courses: a path needs at least one course`],
    });
  });
});
