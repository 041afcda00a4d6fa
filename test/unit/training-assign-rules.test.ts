import { describe, expect, it } from "vitest";
import {
  addCalendarDays,
  canRemind,
  CreateAssignmentSchema,
  isRecentHire,
  itemLink,
  matchesAudience,
  newHireDueDay,
  nextReminderAt,
  recipientStatus,
} from "~/modules/training/assignments/rules";
import {
  certificateExpiry,
  certificateState,
  formatSerial,
  serialSequence,
} from "~/modules/training/certificates/rules";

const now = new Date("2026-11-23T10:00:00Z");

describe("due-date maths", () => {
  it.each([
    ["2026-11-23", 7, "2026-11-30"],
    ["2026-12-28", 7, "2027-01-04"],
    ["2028-02-27", 2, "2028-02-29"],
    ["2026-03-01", -1, "2026-02-28"],
  ])("%s + %i days = %s", (day, days, expected) => {
    expect(addCalendarDays(day, days)).toBe(expected);
  });

  it("rejects impossible dates", () => {
    expect(() => addCalendarDays("2026-02-30", 1)).toThrow(RangeError);
  });

  it.each([
    // hire day, today, dueDays, expected
    ["2026-11-01", "2026-11-23", 30, "2026-12-01"], // from the hire date
    [null, "2026-11-23", 30, "2026-12-23"], // unknown hire date: from today
    ["2026-12-01", "2026-11-23", 30, "2026-12-31"], // hired next week: from the first day
    ["2026-11-01", "2026-11-23", null, null], // the path has no due days
  ])("new hire %s on %s with %s days → %s", (hireDay, today, dueDays, expected) => {
    expect(newHireDueDay(hireDay, today, dueDays)).toBe(expected);
  });
});

describe("new hires and audiences", () => {
  it.each([
    ["2026-08-25", true], // 90 days before 2026-11-23
    ["2026-08-24", false], // 91 days
    ["2027-01-05", true], // future hire date
    [null, true], // missing hire date
  ])("hired %s is recent: %s", (hireDay, expected) => {
    expect(isRecentHire(hireDay, "2026-11-23")).toBe(expected);
  });

  const audience = { audienceRoles: ["agent"], audienceTeamIds: ["aft"] };
  it.each([
    [{ roles: ["agent"], teamId: "aft" }, true],
    [{ roles: ["agent"], teamId: "cmp" }, false],
    [{ roles: ["team_lead"], teamId: "aft" }, false],
    [{ roles: ["agent"], teamId: null }, false],
  ])("%o matches agent@AFT: %s", (person, expected) => {
    expect(matchesAudience(audience, person)).toBe(expected);
  });

  it("empty roles or teams mean everyone on that axis", () => {
    expect(matchesAudience({ audienceRoles: [], audienceTeamIds: [] }, { roles: ["trainer"], teamId: null })).toBe(
      true,
    );
    expect(matchesAudience({ audienceRoles: ["agent"], audienceTeamIds: [] }, { roles: ["agent"], teamId: null })).toBe(
      true,
    );
  });
});

describe("recipient status and reminders", () => {
  const past = new Date("2026-11-20T15:59:59Z");
  const future = new Date("2026-11-30T15:59:59Z");
  it.each([
    [{ completedAt: past, dueAt: past }, false, "completed"],
    [{ completedAt: null, dueAt: past }, true, "overdue"],
    [{ completedAt: null, dueAt: future }, true, "in_progress"],
    [{ completedAt: null, dueAt: null }, false, "not_started"],
  ] as const)("%o started=%s → %s", (recipient, started, expected) => {
    expect(recipientStatus(recipient, started, now)).toBe(expected);
  });

  it("reminds at most once per 3 days", () => {
    expect(canRemind(null, now)).toBe(true);
    expect(canRemind(new Date("2026-11-21T10:00:01Z"), now)).toBe(false);
    expect(canRemind(new Date("2026-11-20T10:00:00Z"), now)).toBe(true);
    expect(nextReminderAt(new Date("2026-11-21T10:00:00Z"))?.toISOString()).toBe("2026-11-24T10:00:00.000Z");
  });

  it("links to where the learner works on the item", () => {
    expect(itemLink("course", { courseId: "c1" })).toBe("/learn/courses/c1");
    expect(itemLink("path", { pathId: "p1" })).toBe("/learn/paths/p1");
    expect(itemLink("exam", { examId: "e1" })).toBe("/learn/exams/e1");
  });
});

describe("the assignment form", () => {
  it("requires the target's own field", () => {
    const base = { kind: "course", itemId: "c1" };
    expect(CreateAssignmentSchema.safeParse({ ...base, target: "team" }).success).toBe(false);
    expect(CreateAssignmentSchema.safeParse({ ...base, target: "users" }).success).toBe(false);
    expect(CreateAssignmentSchema.safeParse({ ...base, target: "role", role: "agent" }).success).toBe(true);
    const parsed = CreateAssignmentSchema.parse({ ...base, target: "users", userIds: "u1", retrain: "on" });
    expect(parsed.userIds).toEqual(["u1"]);
    expect(parsed.retrain).toBe(true);
    expect(
      CreateAssignmentSchema.safeParse({ ...base, target: "role", role: "agent", dueDate: "2026-02-30" }).success,
    ).toBe(false);
  });
});

describe("certificate serials", () => {
  it("formats a per-year sequence with six digits", () => {
    expect(formatSerial(2026, 123)).toBe("YP-2026-000123");
    expect(formatSerial(2027, 1)).toBe("YP-2027-000001");
    expect(formatSerial(2026, 1234567)).toBe("YP-2026-1234567");
  });
  it("reads the sequence back only for the same year", () => {
    expect(serialSequence("YP-2026-000123", 2026)).toBe(123);
    expect(serialSequence("YP-2025-000123", 2026)).toBeNull();
    expect(serialSequence("FW-2026-000123", 2026)).toBeNull();
  });
});

describe("certificate expiry", () => {
  it.each([
    ["2026-01-15T02:00:00.000Z", 12, "2027-01-15T02:00:00.000Z"],
    ["2026-01-31T02:00:00.000Z", 1, "2026-02-28T02:00:00.000Z"], // no 31 February
    ["2027-08-31T00:00:00.000Z", 6, "2028-02-29T00:00:00.000Z"], // leap year
    ["2026-11-30T09:00:00.000Z", 3, "2027-02-28T09:00:00.000Z"],
  ])("%s + %i months = %s", (issued, months, expected) => {
    expect(certificateExpiry(new Date(issued), months)?.toISOString()).toBe(expected);
  });
  it("no validity means no expiry", () => {
    expect(certificateExpiry(now, null)).toBeNull();
  });
  it.each([
    [{ expiresAt: null }, "valid"],
    [{ expiresAt: new Date("2027-03-01T00:00:00Z") }, "valid"],
    [{ expiresAt: new Date("2026-12-20T00:00:00Z") }, "expiring"],
    [{ expiresAt: new Date("2026-11-23T09:59:59Z") }, "expired"],
    [{ expiresAt: null, revokedAt: new Date("2026-10-01T00:00:00Z") }, "revoked"],
  ])("%o is %s on 2026-11-23", (certificate, expected) => {
    expect(certificateState(certificate, now)).toBe(expected);
  });
});
