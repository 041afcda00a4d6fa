import { describe, expect, it } from "vitest";
import {
  carryOverPlan,
  daysOverdue,
  heartbeatCredit,
  minutesToHours,
  neighbours,
  nextLesson,
  onboardingSummary,
  percentDone,
  ratePercent,
} from "~/modules/training/learner/learner";

const at = (seconds: number) => new Date(Date.UTC(2026, 10, 23, 10, 0, 0) + seconds * 1000);

describe("heartbeat credit", () => {
  it("credits the elapsed whole seconds up to 60", () => {
    expect(heartbeatCredit(at(0), at(30))).toBe(30);
    expect(heartbeatCredit(at(0), at(59.9))).toBe(59);
    expect(heartbeatCredit(at(0), at(60))).toBe(60);
    expect(heartbeatCredit(at(0), at(3600))).toBe(60);
  });
  it("credits nothing for a clock going backwards or the same instant", () => {
    expect(heartbeatCredit(at(10), at(10))).toBe(0);
    expect(heartbeatCredit(at(10), at(0))).toBe(0);
  });
});

describe("percentages", () => {
  it("rounds learner percent down and caps it", () => {
    expect(percentDone(1, 3)).toBe(33);
    expect(percentDone(2, 3)).toBe(66);
    expect(percentDone(199, 200)).toBe(99);
    expect(percentDone(3, 3)).toBe(100);
    expect(percentDone(4, 3)).toBe(100);
    expect(percentDone(0, 0)).toBe(0);
  });
  it("gives report rates with one decimal, null when nothing was assigned", () => {
    expect(ratePercent(1, 3)).toBe(33.3);
    expect(ratePercent(2, 3)).toBe(66.7);
    expect(ratePercent(0, 0)).toBeNull();
  });
});

describe("onboarding hours", () => {
  it("measures estimated minutes of completed lessons against the required hours", () => {
    // 14 h 30 min done of 30 h required, path offers 32 h, 16 h 40 min spent.
    expect(
      onboardingSummary({ minutesDone: 870, minutesTotal: 1920, requiredHours: 30, timeSpentSeconds: 60_000 }),
    ).toEqual({ hoursDone: 14.5, hoursTotal: 32, requiredHours: 30, hoursSpent: 16.7, percent: 48, met: false });
  });
  it("is met at exactly the required hours and capped at 100 %", () => {
    expect(
      onboardingSummary({ minutesDone: 1800, minutesTotal: 1920, requiredHours: 30, timeSpentSeconds: 0 }),
    ).toMatchObject({ percent: 100, met: true });
    expect(
      onboardingSummary({ minutesDone: 1920, minutesTotal: 1920, requiredHours: 30, timeSpentSeconds: 0 }).percent,
    ).toBe(100);
  });
  it("without a requirement measures against the path's own hours", () => {
    expect(
      onboardingSummary({ minutesDone: 90, minutesTotal: 360, requiredHours: null, timeSpentSeconds: 0 }),
    ).toMatchObject({
      percent: 25,
      met: false,
      hoursTotal: 6,
    });
  });
  it("converts minutes to hours with one decimal", () => {
    expect(minutesToHours(95)).toBe(1.6);
    expect(minutesToHours(0)).toBe(0);
  });
});

describe("lesson order and overdue days", () => {
  const lessons = [
    { id: "l1", key: "a", title: "A" },
    { id: "l2", key: "b", title: "B" },
    { id: "l3", key: "c", title: "C" },
  ];
  it("continues with the first lesson not completed", () => {
    expect(nextLesson(lessons, new Set(["l1"]))?.id).toBe("l2");
    expect(nextLesson(lessons, new Set(["l2"]))?.id).toBe("l1");
    expect(nextLesson(lessons, new Set(["l1", "l2", "l3"]))).toBeNull();
  });
  it("finds previous and next", () => {
    expect(neighbours(lessons, "l1")).toEqual({ previous: null, next: lessons[1] });
    expect(neighbours(lessons, "l3")).toEqual({ previous: lessons[1], next: null });
    expect(neighbours(lessons, "zz")).toEqual({ previous: null, next: null });
  });
  it("counts whole days overdue", () => {
    expect(daysOverdue(at(0), at(86_400 * 3 + 100))).toBe(3);
    expect(daysOverdue(at(0), at(86_399))).toBe(0);
    expect(daysOverdue(at(100), at(0))).toBe(0);
  });
});

describe("version switch plan", () => {
  it("keeps rows whose key and content hash are unchanged", () => {
    const progress = [
      { id: "p1", lessonKey: "a", contentHash: "h-a" },
      { id: "p2", lessonKey: "b", contentHash: "h-b" },
      { id: "p3", lessonKey: "gone", contentHash: "h-g" },
    ];
    const target = [
      { id: "n1", key: "a", contentHash: "h-a" },
      { id: "n2", key: "b", contentHash: "h-b2" },
      { id: "n4", key: "new", contentHash: "h-n" },
    ];
    const plan = carryOverPlan(progress, target);
    expect(plan.keep.map((entry) => [entry.row.id, entry.lessonId])).toEqual([["p1", "n1"]]);
    expect(plan.drop.map((row) => row.id)).toEqual(["p2", "p3"]);
  });
});
