import { describe, expect, it } from "vitest";
import {
  CreateCoachingSchema,
  isOverdue,
  isValidResourceUrl,
  readTaskFilter,
  transition,
} from "~/modules/qa/coaching/coaching";

describe("resource links", () => {
  it.each([
    ["https://kb.youpin.example/articles/complaint-phrasing", true],
    ["http://intranet.example/course/12", true],
    ["/training/courses/complaints", true],
    ["//evil.example/x", false],
    ["javascript:alert(1)", false],
    ["ftp://files.example/a", false],
    ["kb.youpin.example/articles", false],
    ["https://kb.example/with space", false],
  ])("%s → %s", (value, valid) => {
    expect(isValidResourceUrl(value)).toBe(valid);
  });
});

describe("create schema", () => {
  const base = {
    agentId: "a1",
    title: "情绪安抚话术提升",
    notes: "先致歉再复述诉求。",
    dueDate: "2026-12-01",
  };

  it("accepts a minimal task and reads the follow-up checkbox", () => {
    expect(CreateCoachingSchema.parse(base)).toMatchObject({ followUp: false, criterionKeys: [] });
    expect(CreateCoachingSchema.parse({ ...base, followUp: "on" }).followUp).toBe(true);
  });

  it("needs both a resource title and a link, or neither", () => {
    const onlyUrl = CreateCoachingSchema.safeParse({ ...base, resourceUrl: "https://kb.example/a" });
    expect(onlyUrl.success).toBe(false);
    expect(onlyUrl.error?.issues[0]).toMatchObject({
      path: ["resourceTitle"],
      message: "qa-coaching:errors.resourceTitle",
    });
    const onlyTitle = CreateCoachingSchema.safeParse({ ...base, resourceTitle: "《投诉处理原则与话术》" });
    expect(onlyTitle.error?.issues[0]?.path).toEqual(["resourceUrl"]);
  });

  it("rejects malformed due dates", () => {
    expect(CreateCoachingSchema.safeParse({ ...base, dueDate: "12/01/2026" }).success).toBe(false);
  });
});

describe("status machine", () => {
  it.each([
    [{ status: "open", followUpRequired: true }, "complete", { ok: true, status: "completed", closes: false }],
    [{ status: "open", followUpRequired: false }, "complete", { ok: true, status: "closed", closes: true }],
    [{ status: "completed", followUpRequired: false }, "complete", { ok: false, reason: "notOpen" }],
    [{ status: "completed", followUpRequired: true }, "follow-up", { ok: true, status: "closed", closes: true }],
    [{ status: "open", followUpRequired: true }, "follow-up", { ok: false, reason: "notCompleted" }],
    [{ status: "completed", followUpRequired: true }, "close", { ok: true, status: "closed", closes: true }],
    [{ status: "open", followUpRequired: false }, "cancel", { ok: true, status: "cancelled", closes: false }],
    [{ status: "completed", followUpRequired: false }, "cancel", { ok: true, status: "cancelled", closes: false }],
    [{ status: "closed", followUpRequired: true }, "cancel", { ok: false, reason: "finished" }],
    [{ status: "cancelled", followUpRequired: false }, "cancel", { ok: false, reason: "finished" }],
  ] as const)("%j + %s", (task, action, expected) => {
    expect(transition(task, action)).toEqual(expected);
  });

  it("flags open tasks past their due date only", () => {
    const now = new Date("2026-03-10T08:00:00Z");
    expect(isOverdue({ status: "open", dueAt: "2026-03-09T15:59:59.999Z" }, now)).toBe(true);
    expect(isOverdue({ status: "open", dueAt: "2026-03-10T15:59:59.999Z" }, now)).toBe(false);
    expect(isOverdue({ status: "completed", dueAt: "2026-03-01T00:00:00Z" }, now)).toBe(false);
  });
});

describe("list filter", () => {
  it("reads and normalises the query", () => {
    expect(readTaskFilter(new URL("http://x/qa/coaching?agent=a2003&status=completed&overdue=1"))).toEqual({
      teamId: null,
      agent: "A2003",
      status: "completed",
      overdue: true,
    });
    expect(readTaskFilter(new URL("http://x/qa/coaching?status=bogus")).status).toBe("active");
  });
});
