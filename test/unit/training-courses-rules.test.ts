import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { hashTexts, lessonContentHash } from "~/modules/training/courses/content-hash.server";
import {
  CreateCourseSchema,
  DraftEditSchema,
  minutesToHours,
  moveInOrder,
  nextLessonKey,
  parseTags,
  publishProblems,
  totalMinutes,
} from "~/modules/training/courses/course-rules";
import { pathHours, pathPublishProblems } from "~/modules/training/paths/path-rules";

describe("lessonContentHash", () => {
  it("is sha256 of title, a newline and the body", () => {
    const expected = createHash("sha256").update("7天无理由退货\n## 适用范围", "utf8").digest("hex");
    expect(lessonContentHash("7天无理由退货", "## 适用范围")).toBe(expected);
  });

  it("changes when either the title or the body changes, and not otherwise", () => {
    const base = lessonContentHash("运费规则", "质量问题由商家承担运费");
    expect(lessonContentHash("运费规则", "质量问题由商家承担运费")).toBe(base);
    expect(lessonContentHash("运费规则（新）", "质量问题由商家承担运费")).not.toBe(base);
    expect(lessonContentHash("运费规则", "质量问题由商家承担来回运费")).not.toBe(base);
  });

  it("keeps title and body apart: moving text across the newline is a change", () => {
    expect(lessonContentHash("a\nb", "c")).toBe(lessonContentHash("a", "b\nc"));
    // ...which is why file hashes use hashTexts, where boundaries are length-prefixed:
    expect(hashTexts(["a\nb", "c"])).not.toBe(hashTexts(["a", "b\nc"]));
    expect(hashTexts(["ab", "c"])).not.toBe(hashTexts(["a", "bc"]));
    expect(hashTexts(["课程", "课时"])).toBe(hashTexts(["课程", "课时"]));
  });
});

describe("durations", () => {
  it("sums lesson minutes", () => {
    expect(totalMinutes([])).toBe(0);
    expect(totalMinutes([{ estimatedMinutes: 25 }, { estimatedMinutes: 40 }, { estimatedMinutes: 15 }])).toBe(80);
  });

  it("shows hours with one decimal", () => {
    expect(minutesToHours(0)).toBe(0);
    expect(minutesToHours(90)).toBe(1.5);
    expect(minutesToHours(100)).toBe(1.7); // 1.666… rounds to 1.7
    expect(minutesToHours(1800)).toBe(30);
  });

  it("totals a path from the published versions of its courses only", () => {
    const courses = [
      { title: "公司与商品", status: "published", publishedMinutes: 285 },
      { title: "服务流程", status: "published", publishedMinutes: 300 },
      { title: "草稿课程", status: "draft", publishedMinutes: null },
    ];
    expect(pathHours(courses)).toBe(9.8); // 585 min = 9.75 h
  });
});

describe("pathPublishProblems", () => {
  const ready = [
    { title: "公司与商品", status: "published", publishedMinutes: 1200 },
    { title: "服务流程", status: "published", publishedMinutes: 600 },
  ];

  it("accepts a path whose published courses reach the required hours", () => {
    expect(pathPublishProblems(ready, 30)).toEqual([]);
    expect(pathPublishProblems(ready, null)).toEqual([]);
  });

  it("refuses an empty path, unpublished or archived courses, and too few hours", () => {
    expect(pathPublishProblems([], null)).toEqual([{ key: "training-courses:errors.pathEmpty" }]);
    expect(
      pathPublishProblems(
        [
          { title: "新课程", status: "draft", publishedMinutes: null },
          { title: "旧课程", status: "archived", publishedMinutes: 60 },
        ],
        null,
      ).map((problem) => problem.params?.title),
    ).toEqual(["新课程", "旧课程"]);
    expect(pathPublishProblems(ready, 31)).toEqual([
      { key: "training-courses:errors.pathTooShort", params: { hours: 30, required: 31 } },
    ]);
  });
});

describe("moveInOrder", () => {
  it("swaps with the neighbour", () => {
    expect(moveInOrder(["a", "b", "c"], "b", "up")).toEqual(["b", "a", "c"]);
    expect(moveInOrder(["a", "b", "c"], "b", "down")).toEqual(["a", "c", "b"]);
  });

  it("returns null at the ends and for unknown ids", () => {
    expect(moveInOrder(["a", "b"], "a", "up")).toBeNull();
    expect(moveInOrder(["a", "b"], "b", "down")).toBeNull();
    expect(moveInOrder(["a", "b"], "x", "up")).toBeNull();
  });
});

describe("publishProblems", () => {
  const lesson = (body: string) => ({ title: "课时", body });

  it("accepts modules that all have lessons with content", () => {
    expect(publishProblems([{ title: "第一章", lessons: [lesson("内容")] }])).toEqual([]);
  });

  it("names every reason a draft cannot be published", () => {
    expect(publishProblems([])).toEqual(["training-courses:errors.noLessons"]);
    expect(publishProblems([{ title: "第一章", lessons: [] }])).toEqual([
      "training-courses:errors.noLessons",
      "training-courses:errors.emptyModule",
    ]);
    expect(
      publishProblems([
        { title: "第一章", lessons: [lesson("  \n ")] },
        { title: "第二章", lessons: [] },
      ]),
    ).toEqual(["training-courses:errors.emptyModule", "training-courses:errors.emptyLesson"]);
  });
});

describe("form rules", () => {
  it("splits tags on half- and full-width commas and 、, dropping blanks and repeats", () => {
    expect(parseTags("入职, 售后，政策、售后 ,")).toEqual(["入职", "售后", "政策"]);
    expect(parseTags(undefined)).toEqual([]);
  });

  it("normalises the slug and rejects other characters", () => {
    const ok = CreateCourseSchema.safeParse({ title: "售后政策", slug: " After-Sales ", type: "onboarding" });
    expect(ok.success && ok.data.slug).toBe("after-sales");
    const bad = CreateCourseSchema.safeParse({ title: "售后政策", slug: "售后", type: "onboarding" });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]?.message).toBe("training-courses:errors.slugFormat");
  });

  it("takes whole lesson minutes between 1 and 600", () => {
    const edit = (minutes: string) =>
      DraftEditSchema.safeParse({ intent: "add-lesson", stamp: "s", moduleId: "m", title: "课时", minutes });
    expect(edit("45").success).toBe(true);
    expect(edit("0").success).toBe(false);
    expect(edit("12.5").success).toBe(false);
    expect(edit("601").success).toBe(false);
  });

  it("gives app lessons the next free key", () => {
    expect(nextLessonKey([])).toBe("lesson-1");
    expect(nextLessonKey(["seven-day-return", "lesson-2"])).toBe("lesson-3");
    expect(nextLessonKey(["lesson-2", "lesson-3"])).toBe("lesson-4");
    expect(nextLessonKey(["lesson-3", "x"])).toBe("lesson-4");
  });
});
