import { describe, expect, it } from "vitest";
import { businessSeconds, type BusinessCalendar } from "~/modules/kpi/business-hours";

const shanghai: BusinessCalendar = {
  timeZone: "Asia/Shanghai",
  workingDays: [1, 2, 3, 4, 5],
  startMinute: 9 * 60,
  endMinute: 18 * 60,
};
const berlin: BusinessCalendar = { ...shanghai, timeZone: "Europe/Berlin" };
const shanghaiEveryDay: BusinessCalendar = {
  ...shanghai,
  workingDays: [1, 2, 3, 4, 5, 6, 7],
  startMinute: 0,
  endMinute: 24 * 60,
};

// Shanghai is UTC+8 all year: 09:00 local = 01:00Z, 18:00 local = 10:00Z.
const cases: [string, BusinessCalendar, string, string, number][] = [
  ["inside one working day", shanghai, "2026-03-04T02:00:00Z", "2026-03-04T02:05:30Z", 330],
  ["starts before opening", shanghai, "2026-03-04T00:30:00Z", "2026-03-04T01:10:00Z", 600],
  ["ends after closing", shanghai, "2026-03-04T09:50:00Z", "2026-03-04T11:00:00Z", 600],
  // Wed 17:00 local → Thu 10:00 local: 1 h on Wednesday + 1 h on Thursday; the night (across midnight) is free.
  ["across midnight", shanghai, "2026-03-04T09:00:00Z", "2026-03-05T02:00:00Z", 7200],
  // Fri 2026-03-06 17:30 local → Mon 2026-03-09 09:05 local: 30 min + 5 min, the weekend does not count.
  ["across a weekend", shanghai, "2026-03-06T09:30:00Z", "2026-03-09T01:05:00Z", 2100],
  ["entirely on a Saturday", shanghai, "2026-03-07T02:00:00Z", "2026-03-07T08:00:00Z", 0],
  ["entirely at night", shanghai, "2026-03-04T12:00:00Z", "2026-03-04T23:00:00Z", 0],
  ["empty interval", shanghai, "2026-03-04T02:00:00Z", "2026-03-04T02:00:00Z", 0],
  ["reversed interval", shanghai, "2026-03-04T03:00:00Z", "2026-03-04T02:00:00Z", 0],
  ["a whole week", shanghai, "2026-03-01T16:00:00Z", "2026-03-08T16:00:00Z", 5 * 9 * 3600],
  ["round the clock", shanghaiEveryDay, "2026-03-07T02:00:00Z", "2026-03-08T02:00:00Z", 86400],
  // Berlin, spring forward on Sun 2026-03-29: Fri 27th is CET (+1), Mon 30th is CEST (+2).
  // Fri 17:00 CET (16:00Z) → Mon 10:00 CEST (08:00Z): 1 h Friday + 1 h Monday.
  ["across a weekend with a DST change", berlin, "2026-03-27T16:00:00Z", "2026-03-30T08:00:00Z", 7200],
  // Mon 2026-03-30 opens at 09:00 CEST = 07:00Z (not 08:00Z as in winter).
  ["opening follows summer time", berlin, "2026-03-30T06:30:00Z", "2026-03-30T07:30:00Z", 1800],
  // Fall back on Sun 2026-10-25: Mon 26th opens at 09:00 CET = 08:00Z.
  ["opening follows winter time", berlin, "2026-10-26T07:30:00Z", "2026-10-26T08:30:00Z", 1800],
];

describe("business seconds", () => {
  it.each(cases)("%s", (_name, calendar, from, to, expected) => {
    expect(businessSeconds(new Date(from), new Date(to), calendar)).toBe(expected);
  });
});
