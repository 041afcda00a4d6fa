import { describe, expect, it } from "vitest";
import { keyToAction, step, valueForDigit, valueForPassFail } from "~/components/qa/workbench/keymap";

describe("keyToAction", () => {
  it.each([
    [{ key: "j" }, { type: "next" }],
    [{ key: "ArrowDown" }, { type: "next" }],
    [{ key: "k" }, { type: "previous" }],
    [{ key: "ArrowUp" }, { type: "previous" }],
    [{ key: "3" }, { type: "digit", digit: 3 }],
    [{ key: "0" }, { type: "digit", digit: 0 }],
    [{ key: "p" }, { type: "pass" }],
    [{ key: "f" }, { type: "fail" }],
    [{ key: "n" }, { type: "na" }],
    [{ key: "c" }, { type: "comment" }],
    [{ key: "?" }, { type: "help" }],
    [{ key: "Escape" }, { type: "close" }],
    [{ key: "Enter", ctrlKey: true }, { type: "submit" }],
    [{ key: "Enter", metaKey: true }, { type: "submit" }],
    [{ key: "Enter", ctrlKey: true, typing: true }, { type: "submit" }],
    [{ key: "Escape", typing: true }, { type: "close" }],
  ])("%o → %o", (input, expected) => {
    expect(keyToAction(input)).toEqual(expected);
  });

  it.each([
    { key: "j", typing: true },
    { key: "3", typing: true },
    { key: "n", typing: true },
    { key: "Enter" },
    { key: "x" },
    { key: "c", ctrlKey: true },
    { key: "k", metaKey: true },
    { key: "1", altKey: true },
  ])("ignores %o", (input) => {
    expect(keyToAction(input)).toBeNull();
  });
});

describe("valueForDigit", () => {
  it.each([
    ["binary", null, 1, 1],
    ["binary", null, 0, 0],
    ["binary", null, 2, null],
    ["three", null, 3, 3],
    ["three", null, 4, null],
    ["three", null, 0, null],
    ["four", null, 4, 4],
    ["five", null, 5, 5],
    ["five", null, 6, null],
    ["points", 10, 0, 0],
    ["points", 10, 9, 9],
    ["points", 3, 4, null],
  ] as const)("%s (max %s): %i → %s", (scale, maxPoints, digit, expected) => {
    expect(valueForDigit(scale, maxPoints, digit)).toBe(expected);
  });
});

describe("valueForPassFail", () => {
  it.each([
    ["binary", null, true, 1],
    ["binary", null, false, 0],
    ["five", null, true, 5],
    ["five", null, false, 1],
    ["points", 8, true, 8],
    ["points", 8, false, 0],
  ] as const)("%s (max %s) pass=%s → %i", (scale, maxPoints, pass, expected) => {
    expect(valueForPassFail(scale, maxPoints, pass)).toBe(expected);
  });
});

describe("step", () => {
  it.each([
    [0, 1, 5, 1],
    [4, 1, 5, 4],
    [0, -1, 5, 0],
    [3, -1, 5, 2],
    [0, 1, 0, 0],
  ] as const)("from %i by %i of %i → %i", (index, delta, count, expected) => {
    expect(step(index, delta, count)).toBe(expected);
  });
});
