import { describe, expect, it } from "vitest";
import { formatDuration, formatKpiValue, kpiCsvNumber, targetFromStored, targetToStored } from "~/modules/kpi/format";
import { parseTargetScope, resolveTarget, resolveTeamTarget, targetScopeKey } from "~/modules/kpi/targets";

describe("resolveTarget", () => {
  const targets = [
    { scope: "all", value: 90 },
    { scope: "team:t1", value: 85 },
    { scope: "role:agent", value: 92 },
    { scope: "role:team_lead", value: 95 },
  ];
  it.each([
    [
      "team target wins over roles and all",
      { teamId: "t1", roles: ["agent"] },
      "higher",
      { scope: "team:t1", value: 85 },
    ],
    [
      "role target when the team has none",
      { teamId: "t2", roles: ["agent"] },
      "higher",
      { scope: "role:agent", value: 92 },
    ],
    [
      "strictest role for higher-is-better: the highest",
      { teamId: null, roles: ["agent", "team_lead"] },
      "higher",
      { scope: "role:team_lead", value: 95 },
    ],
    [
      "strictest role for lower-is-better: the lowest",
      { teamId: null, roles: ["agent", "team_lead"] },
      "lower",
      { scope: "role:agent", value: 92 },
    ],
    ["all when nothing narrower", { teamId: "t9", roles: ["trainer"] }, "higher", { scope: "all", value: 90 }],
  ] as const)("%s", (_name, person, direction, expected) => {
    expect(resolveTarget(targets, person, direction)).toEqual(expected);
  });

  it("no target at all", () => {
    expect(resolveTarget([{ scope: "team:x", value: 1 }], { teamId: "t1", roles: ["agent"] }, "higher")).toBeNull();
  });

  it("team rows use the team target, else all, never a role", () => {
    expect(resolveTeamTarget(targets, "t1")).toEqual({ scope: "team:t1", value: 85 });
    expect(resolveTeamTarget(targets, "t2")).toEqual({ scope: "all", value: 90 });
    expect(resolveTeamTarget([{ scope: "role:agent", value: 1 }], "t2")).toBeNull();
  });

  it.each([
    ["all", { kind: "all" }],
    ["team:abc", { kind: "team", teamId: "abc" }],
    ["role:agent", { kind: "role", role: "agent" }],
    ["team:", null],
    ["dept:x", null],
    ["agent", null],
  ] as const)("scope %s", (scope, parsed) => {
    expect(parseTargetScope(scope)).toEqual(parsed);
    if (parsed) expect(targetScopeKey(parsed)).toBe(scope);
  });
});

describe("formatKpiValue", () => {
  it.each([
    [45, "seconds", "zh-CN", "45秒"],
    [92, "seconds", "zh-CN", "1分32秒"],
    [120, "seconds", "zh-CN", "2分钟"],
    [11_520, "seconds", "zh-CN", "3.2 小时"],
    [92, "seconds", "en", "1 min 32 s"],
    [11_520, "seconds", "en", "3.2 h"],
    [1_800, "hours", "zh-CN", "30分钟"],
    [5_400, "hours", "zh-CN", "1.5 小时"],
    [92.345, "percent", "zh-CN", "92.3%"],
    [86.46, "score", "zh-CN", "86.5 分"],
    [86.46, "score", "en", "86.5"],
    [4.256, "rating", "zh-CN", "4.26 / 5"],
    [1234, "count", "zh-CN", "1,234"],
    [12.5, "count", "en", "12.5"],
    [null, "percent", "zh-CN", "—"],
    [Number.NaN, "count", "zh-CN", "—"],
  ] as const)("%s %s %s → %s", (value, unit, locale, expected) => {
    expect(formatKpiValue(value, unit, locale)).toBe(expected);
  });

  it("durations round to whole seconds and keep the sign", () => {
    expect(formatDuration(59.6, "zh-CN")).toBe("1分钟");
    expect(formatDuration(-30, "zh-CN")).toBe("-30秒");
  });

  it("targets typed in hours are stored in seconds and back", () => {
    expect(targetToStored(24, "hours")).toBe(86_400);
    expect(targetFromStored(86_400, "hours")).toBe(24);
    expect(targetToStored(30, "seconds")).toBe(30);
    expect(targetFromStored(90, "percent")).toBe(90);
  });

  it.each([
    [5_400, "hours", 1.5],
    [91.4, "seconds", 91],
    [4.256, "rating", 4.26],
    [92.345, "percent", 92.3],
    [null, "count", null],
  ] as const)("csv %s %s → %s", (value, unit, expected) => {
    expect(kpiCsvNumber(value, unit)).toBe(expected);
  });
});
