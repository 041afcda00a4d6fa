import { dayIn } from "~/utils/calendar";
import { describe, expect, it } from "vitest";
import { csvCell, csvDocument } from "~/utils/csv";
import {
  addDays,
  bucketLabel,
  bucketStart,
  bucketStarts,
  endOfLocalDay,
  parseIsoDate,
  sqlUtcTimestamp,
  startOfLocalDay,
  weeksInRange,
} from "~/modules/qa/reports/dates";
import { bucketRange, presetRange, readReportFilter, reviewsLink } from "~/modules/qa/reports/filters";
import { mean, percent, pooledMean, rate } from "~/modules/qa/reports/rates";

describe("dates", () => {
  it.each([
    ["2026-02-28", true],
    ["2026-02-29", false],
    ["2024-02-29", true],
    ["2026-13-01", false],
    ["26-01-01", false],
  ])("parseIsoDate(%s) valid=%s", (value, valid) => {
    expect(parseIsoDate(value) !== null).toBe(valid);
  });

  it.each([
    ["2026-03-10T15:59:59.999Z", "Asia/Shanghai", "2026-03-10"],
    ["2026-03-10T16:00:00.000Z", "Asia/Shanghai", "2026-03-11"],
    ["2026-03-10T03:00:00.000Z", "America/New_York", "2026-03-09"],
  ])("dayIn(%s, %s) = %s", (instant, zone, expected) => {
    expect(dayIn(new Date(instant), zone)).toBe(expected);
  });

  it("finds local midnight and end of day as UTC instants", () => {
    expect(startOfLocalDay("2026-03-10", "Asia/Shanghai").toISOString()).toBe("2026-03-09T16:00:00.000Z");
    expect(endOfLocalDay("2026-03-10", "Asia/Shanghai").toISOString()).toBe("2026-03-10T15:59:59.999Z");
    // New York switches to daylight time on 2026-03-08.
    expect(startOfLocalDay("2026-03-08", "America/New_York").toISOString()).toBe("2026-03-08T05:00:00.000Z");
    expect(startOfLocalDay("2026-03-09", "America/New_York").toISOString()).toBe("2026-03-09T04:00:00.000Z");
  });

  it.each([
    ["2026-11-26", "week", "2026-11-23"], // Thursday → Monday
    ["2026-11-23", "week", "2026-11-23"],
    ["2026-11-29", "week", "2026-11-23"], // Sunday belongs to the week that began on Monday
    ["2026-11-29", "month", "2026-11-01"],
  ] as const)("bucketStart(%s, %s) = %s", (date, granularity, expected) => {
    expect(bucketStart(date, granularity)).toBe(expected);
  });

  it("lists every bucket in a range, across a year end", () => {
    expect(bucketStarts("2026-11-15", "2027-01-02", "month")).toEqual(["2026-11-01", "2026-12-01", "2027-01-01"]);
    expect(bucketStarts("2026-12-24", "2027-01-06", "week")).toEqual(["2026-12-21", "2026-12-28", "2027-01-04"]);
    expect(bucketLabel("2026-12-28", "week")).toBe("12-28");
    expect(bucketLabel("2026-12-01", "month")).toBe("2026-12");
  });

  it("measures ranges", () => {
    expect(addDays("2026-02-27", 2)).toBe("2026-03-01");
    expect(weeksInRange("2026-03-01", "2026-03-14")).toBe(2);
    expect(sqlUtcTimestamp(new Date("2026-03-10T15:59:59.999Z"))).toBe("2026-03-10 15:59:59.999");
  });
});

describe("filters", () => {
  const today = "2026-03-15";

  it.each([
    ["month", { from: "2026-03-01", to: "2026-03-15" }],
    ["30d", { from: "2026-02-14", to: "2026-03-15" }],
    ["90d", { from: "2025-12-16", to: "2026-03-15" }],
  ] as const)("preset %s", (period, expected) => {
    expect(presetRange(period, today)).toEqual(expected);
  });

  it("reads a custom range and the other filters", () => {
    const { filter, problem } = readReportFilter(
      new URLSearchParams("period=custom&from=2026-01-01&to=2026-01-31&team=t1&channel=phone&granularity=month"),
      today,
    );
    expect(problem).toBeNull();
    expect(filter).toEqual({
      period: "custom",
      from: "2026-01-01",
      to: "2026-01-31",
      teamId: "t1",
      rubricId: null,
      channel: "phone",
      granularity: "month",
    });
  });

  it.each([
    ["period=custom&from=2026-02-01&to=2026-01-01", "invalidRange"],
    ["period=custom&from=2026-02-30&to=2026-03-01", "invalidRange"],
    ["period=custom&from=2024-01-01&to=2026-01-01", "rangeTooLong"],
  ])("falls back to 30 days on %s", (query, expected) => {
    const { filter, problem } = readReportFilter(new URLSearchParams(query), today);
    expect(problem).toBe(expected);
    expect(filter).toMatchObject({ period: "30d", from: "2026-02-14", to: today });
  });

  it("ignores unknown channels and defaults granularity by period", () => {
    expect(readReportFilter(new URLSearchParams("channel=fax"), today).filter.channel).toBeNull();
    expect(readReportFilter(new URLSearchParams("period=90d"), today).filter.granularity).toBe("month");
  });

  it("builds drill-down links to the review list", () => {
    const { filter } = readReportFilter(new URLSearchParams("period=30d&team=t1&rubric=r1"), today);
    expect(reviewsLink(filter, { criterion: "empathy", failed: true })).toBe(
      "/qa/reviews?team=t1&rubric=r1&criterion=empathy&failed=1&from=2026-02-14&to=2026-03-15",
    );
    expect(reviewsLink(filter, { agent: "a1" })).toBe(
      "/qa/reviews?agent=a1&team=t1&rubric=r1&from=2026-02-14&to=2026-03-15",
    );
  });

  it("clips a bucket to the report range", () => {
    expect(bucketRange("2026-02-09", "week", { from: "2026-02-14", to: "2026-03-15" })).toEqual({
      from: "2026-02-14",
      to: "2026-02-15",
    });
    expect(bucketRange("2026-02-01", "month", { from: "2026-01-01", to: "2026-12-31" })).toEqual({
      from: "2026-02-01",
      to: "2026-02-28",
    });
  });
});

describe("rates", () => {
  it.each([
    [1, 4, 0.25],
    [0, 3, 0],
    [2, 0, null],
  ])("rate(%s, %s) = %s", (numerator, denominator, expected) => {
    expect(rate(numerator, denominator)).toBe(expected);
  });

  it("averages and pools", () => {
    expect(mean(140, 3)).toBeCloseTo(46.6667, 4);
    expect(percent(1 / 3)).toBe(33.3);
    expect(percent(null)).toBeNull();
    // (70 × 2 + 80 × 1) / 3
    expect(
      pooledMean([
        { mean: 70, count: 2 },
        { mean: 80, count: 1 },
        { mean: null, count: 0 },
      ]),
    ).toBeCloseTo(73.3333, 4);
    expect(pooledMean([])).toBeNull();
  });
});

describe("csv", () => {
  it.each([
    ["plain", "plain"],
    ["李娜", "李娜"],
    ["a,b", '"a,b"'],
    ['他说"好"', '"他说""好"""'],
    ["line\nbreak", '"line\nbreak"'],
    ["=SUM(A1)", "'=SUM(A1)"],
    [null, ""],
    [12.5, "12.5"],
  ])("csvCell(%j) = %j", (value, expected) => {
    expect(csvCell(value)).toBe(expected);
  });

  it("writes a document with a BOM and CRLF lines", () => {
    expect(csvDocument(["工号", "姓名"], [["A2003", "林晓"]])).toBe("\uFEFF工号,姓名\r\nA2003,林晓\r\n");
  });
});
