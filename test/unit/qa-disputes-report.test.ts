import { describe, expect, it } from "vitest";
import { daysCell, percentCell, rate, readReportRange, toCsv } from "~/modules/qa/disputes/dispute-report";
import { parseValueField } from "~/modules/qa/disputes/dispute-forms";

const today = "2026-03-31";
const params = (query: string) => new URLSearchParams(query);

describe("report range", () => {
  const cases: [string, string, { from: string; to: string }, string | null][] = [
    ["defaults to the last 30 days", "", { from: "2026-03-02", to: today }, null],
    ["takes both dates", "from=2026-01-01&to=2026-01-31", { from: "2026-01-01", to: "2026-01-31" }, null],
    ["counts 30 days back from a given end", "to=2026-02-28", { from: "2026-01-30", to: "2026-02-28" }, null],
    ["a single day", "from=2026-03-05&to=2026-03-05", { from: "2026-03-05", to: "2026-03-05" }, null],
    ["refuses an impossible date", "from=2026-02-30", { from: "2026-03-02", to: today }, "invalid-date"],
    ["refuses a non-date", "to=yesterday", { from: "2026-03-02", to: today }, "invalid-date"],
    ["refuses from after to", "from=2026-03-10&to=2026-03-01", { from: "2026-03-02", to: today }, "from-after-to"],
    ["allows exactly 366 days", "from=2025-03-31&to=2026-03-31", { from: "2025-03-31", to: today }, null],
    ["refuses 367 days", "from=2025-03-30&to=2026-03-31", { from: "2026-03-02", to: today }, "range-too-long"],
  ];
  it.each(cases)("%s", (_label, query, range, problem) => {
    expect(readReportRange(params(query), today)).toEqual({ range, problem });
  });
});

describe("CSV", () => {
  it("writes a BOM, CRLF lines and quotes cells that need it", () => {
    expect(
      toCsv(
        ["名称", "数量"],
        [
          ["信息准确", 4],
          ['说"明', null],
          ["a,b", 1.5],
        ],
      ),
    ).toBe('\uFEFF名称,数量\r\n信息准确,4\r\n"说""明",\r\n"a,b",1.5\r\n');
  });
  it("neutralises cells a spreadsheet would run as formulas", () => {
    expect(toCsv(["x"], [["=HYPERLINK()"], ["-1"], [-1]])).toBe("\uFEFFx\r\n'=HYPERLINK()\r\n'-1\r\n-1\r\n");
  });
  it("rounds percentages and days to one decimal", () => {
    expect([percentCell(2 / 3), percentCell(null), daysCell(7 / 3), daysCell(null)]).toEqual([66.7, null, 2.3, null]);
    expect([rate(1, 4), rate(0, 0)]).toEqual([0.25, null]);
  });
});

describe("value fields", () => {
  const cases: [string | undefined, number | null | undefined | "invalid"][] = [
    [undefined, undefined],
    ["", undefined],
    ["na", null],
    ["3", 3],
    ["0", 0],
    ["abc", "invalid"],
  ];
  it.each(cases)("%j → %j", (raw, value) => expect(parseValueField(raw)).toBe(value));
});
