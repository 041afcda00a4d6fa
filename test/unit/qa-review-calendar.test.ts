import { describe, expect, it } from "vitest";
import { dayRange, weekRange } from "~/modules/qa/reviews/calendar";
import { dayIn } from "~/utils/calendar";

const TZ = "Asia/Shanghai";

describe("review calendar", () => {
  it.each([
    ["2026-03-04T15:59:59Z", "2026-03-04"],
    ["2026-03-04T16:00:00Z", "2026-03-05"],
  ])("%s falls on %s in Shanghai", (instant, day) => {
    expect(dayIn(new Date(instant), TZ)).toBe(day);
  });

  it("gives the Shanghai day as [start, end)", () => {
    expect(dayRange(new Date("2026-03-04T17:00:00Z"), TZ)).toEqual({
      start: new Date("2026-03-04T16:00:00Z"),
      end: new Date("2026-03-05T16:00:00Z"),
    });
  });

  it.each([
    // Wednesday 2026-03-04 (Shanghai) → Monday 2026-03-02
    ["2026-03-04T02:00:00Z", "2026-03-01T16:00:00Z", "2026-03-08T16:00:00Z"],
    // Sunday 23:30 Shanghai still belongs to the week that began on Monday
    ["2026-03-08T15:30:00Z", "2026-03-01T16:00:00Z", "2026-03-08T16:00:00Z"],
    // Monday 00:30 Shanghai starts a new week
    ["2026-03-08T16:30:00Z", "2026-03-08T16:00:00Z", "2026-03-15T16:00:00Z"],
  ])("week of %s is [%s, %s)", (instant, start, end) => {
    expect(weekRange(new Date(instant), TZ)).toEqual({ start: new Date(start), end: new Date(end) });
  });
});
