import { describe, expect, it } from "vitest";
import {
  currentMonth,
  lastMonths,
  parsePeriodKey,
  periodBounds,
  periodContaining,
  periodKey,
  periodStartDate,
  previousPeriod,
} from "~/modules/kpi/periods";

describe("KPI periods", () => {
  it.each([
    ["2026-11", { kind: "month", start: "2026-11-01" }],
    ["2026-01", { kind: "month", start: "2026-01-01" }],
    ["2026-Q4", { kind: "quarter", start: "2026-10-01" }],
    ["2026-q1", { kind: "quarter", start: "2026-01-01" }],
    ["2026", { kind: "year", start: "2026-01-01" }],
  ])("parses %s", (key, period) => {
    expect(parsePeriodKey(key)).toEqual(period);
  });

  it.each(["2026-13", "2026-00", "2026-Q5", "26", "2026-1", "", "abcd", "2026-11-01"])("refuses %s", (key) => {
    expect(parsePeriodKey(key)).toBeNull();
  });

  it.each(["2026-11", "2026-Q4", "2026", "2027-Q1", "2025-02"])("round-trips %s", (key) => {
    expect(periodKey(parsePeriodKey(key)!)).toBe(key);
  });

  it("gives the Shanghai month as [from, to)", () => {
    expect(periodBounds(parsePeriodKey("2026-11")!, "Asia/Shanghai")).toEqual({
      from: new Date("2026-10-31T16:00:00Z"),
      to: new Date("2026-11-30T16:00:00Z"),
    });
  });

  it("gives quarter and year bounds crossing the year end", () => {
    expect(periodBounds(parsePeriodKey("2026-Q4")!, "Asia/Shanghai")).toEqual({
      from: new Date("2026-09-30T16:00:00Z"),
      to: new Date("2026-12-31T16:00:00Z"),
    });
    expect(periodBounds(parsePeriodKey("2026")!, "UTC")).toEqual({
      from: new Date("2026-01-01T00:00:00Z"),
      to: new Date("2027-01-01T00:00:00Z"),
    });
  });

  it("follows daylight saving in a zone that has it", () => {
    // Berlin: CET (+1) in March before the 29th, CEST (+2) from April.
    expect(periodBounds(parsePeriodKey("2026-03")!, "Europe/Berlin")).toEqual({
      from: new Date("2026-02-28T23:00:00Z"),
      to: new Date("2026-03-31T22:00:00Z"),
    });
  });

  it.each([
    ["2026-11-30T15:59:59Z", "2026-11-01"],
    ["2026-11-30T16:00:00Z", "2026-12-01"],
    ["2026-12-31T16:30:00Z", "2027-01-01"],
  ])("the Shanghai month of %s starts %s", (instant, start) => {
    expect(currentMonth(new Date(instant), "Asia/Shanghai")).toEqual({ kind: "month", start });
  });

  it.each([
    ["2026-01", "2025-12"],
    ["2026-Q1", "2025-Q4"],
    ["2026-Q3", "2026-Q2"],
    ["2026", "2025"],
  ])("the period before %s is %s", (key, previous) => {
    expect(periodKey(previousPeriod(parsePeriodKey(key)!))).toBe(previous);
  });

  it("lists the last n months oldest first, across a year end", () => {
    expect(lastMonths(parsePeriodKey("2026-02")!, 4).map(periodKey)).toEqual([
      "2025-11",
      "2025-12",
      "2026-01",
      "2026-02",
    ]);
    expect(lastMonths(parsePeriodKey("2026-02")!, 13)).toHaveLength(13);
    expect(lastMonths(parsePeriodKey("2026-02")!, 0)).toEqual([]);
  });

  it("stores the first day as UTC midnight for a date column", () => {
    expect(periodStartDate(parsePeriodKey("2026-Q4")!)).toEqual(new Date("2026-10-01T00:00:00Z"));
  });

  it("finds the quarter a day belongs to", () => {
    expect(periodContaining("quarter", "2026-08-15")).toEqual({ kind: "quarter", start: "2026-07-01" });
  });
});
