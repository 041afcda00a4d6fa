import { describe, expect, it } from "vitest";
import { tenureBand, tenureMonths } from "~/modules/org/tenure";
import { formatDate, formatDateTime } from "~/utils/format";
import { safeRedirectPath } from "~/utils/redirect";

describe("tenureMonths", () => {
  it.each([
    ["2023-11-23", "2026-11-23", 36],
    ["2023-11-24", "2026-11-23", 35],
    ["2026-10-31", "2026-11-30", 0],
    ["2026-10-31", "2026-12-01", 1],
    ["2026-12-01", "2026-11-23", 0],
    ["2024-02-29", "2025-02-28", 11],
  ])("hired %s, on %s → %i months", (hired, on, months) => {
    expect(tenureMonths(new Date(hired), new Date(on))).toBe(months);
  });

  it.each([
    [0, "under1y"],
    [11, "under1y"],
    [12, "1to3y"],
    [35, "1to3y"],
    [36, "over3y"],
  ] as const)("%i months is band %s", (months, band) => {
    expect(tenureBand(months)).toBe(band);
  });
});

describe("formatting", () => {
  const shanghai = { locale: "zh-CN", timeZone: "Asia/Shanghai" };
  it("shows instants in the organisation's time zone", () => {
    // 16:30 UTC is 00:30 the next day in Shanghai.
    expect(formatDateTime("2026-11-22T16:30:00Z", shanghai)).toBe("2026/11/23 00:30");
  });
  it("writes midnight as 00:00 in every language (hour12: false gives 24:00 in English on some ICU builds)", () => {
    expect(formatDateTime("2026-11-23T16:00:00Z", { locale: "en", timeZone: "Asia/Shanghai" })).toBe(
      "11/24/2026, 00:00",
    );
    expect(formatDateTime("2026-11-23T16:00:00Z", shanghai)).toBe("2026/11/24 00:00");
  });
  it("keeps calendar dates on their day", () => {
    expect(formatDate("2026-11-23T00:00:00Z", { locale: "en", timeZone: "America/Los_Angeles" }, true)).toBe(
      "11/23/2026",
    );
  });
});

describe("safeRedirectPath", () => {
  it.each([
    ["/admin/users?page=2", "/admin/users?page=2"],
    ["//evil.example", "/fallback"],
    ["https://evil.example", "/fallback"],
    ["/\\evil.example", "/fallback"],
    [null, "/fallback"],
  ])("%s → %s", (target, expected) => {
    expect(safeRedirectPath(target, "/fallback")).toBe(expected);
  });
});
