/**
 * Workbench keyboard shortcuts: which key does what. Pure so the mapping is unit-tested; the hook in
 * use-workbench-keys.ts applies the actions to the page.
 */
import { scaleBounds, type ScaleType } from "~/modules/qa/scoring";

export type WorkbenchAction =
  | { type: "next" }
  | { type: "previous" }
  | { type: "digit"; digit: number }
  | { type: "pass" }
  | { type: "fail" }
  | { type: "na" }
  | { type: "comment" }
  | { type: "submit" }
  | { type: "help" }
  | { type: "close" };

export interface KeyInput {
  key: string;
  ctrlKey?: boolean;
  metaKey?: boolean;
  altKey?: boolean;
  /** True when focus is in a text field, select or editable element: typing must not score. */
  typing?: boolean;
}

export function keyToAction(input: KeyInput): WorkbenchAction | null {
  const { key } = input;
  // Ctrl/⌘+Enter submits from anywhere, the comment box included: that is where people finish.
  if (key === "Enter" && (input.ctrlKey || input.metaKey)) return { type: "submit" };
  if (key === "Escape") return { type: "close" };
  if (input.typing || input.ctrlKey || input.metaKey || input.altKey) return null;
  switch (key) {
    case "j":
    case "ArrowDown":
      return { type: "next" };
    case "k":
    case "ArrowUp":
      return { type: "previous" };
    case "p":
      return { type: "pass" };
    case "f":
      return { type: "fail" };
    case "n":
      return { type: "na" };
    case "c":
      return { type: "comment" };
    case "?":
      return { type: "help" };
  }
  if (/^[0-9]$/.test(key)) return { type: "digit", digit: Number(key) };
  return null;
}

/**
 * The scale value a digit picks, or null when it is off the scale: digits are the values themselves (1–5 on a
 * five-point scale, 0/1 on pass/fail, 0–9 on a points scale; higher points through the buttons).
 */
export function valueForDigit(scale: ScaleType, maxPoints: number | null | undefined, digit: number): number | null {
  const { min, max } = scaleBounds(scale, maxPoints);
  return digit >= min && digit <= max ? digit : null;
}

/** p / f on a binary criterion; on graded scales p picks the top and f the bottom. */
export function valueForPassFail(scale: ScaleType, maxPoints: number | null | undefined, pass: boolean): number {
  const { min, max } = scaleBounds(scale, maxPoints);
  return pass ? max : min;
}

/** Moves the focused criterion, staying within the list. */
export function step(index: number, delta: 1 | -1, count: number): number {
  if (count === 0) return 0;
  return Math.min(count - 1, Math.max(0, index + delta));
}

/** What the help dialog lists, in order: key labels → catalogue key under qa-review:shortcuts.*. */
export const SHORTCUTS: { keys: string[]; action: string }[] = [
  { keys: ["j", "↓"], action: "next" },
  { keys: ["k", "↑"], action: "previous" },
  { keys: ["1–9", "0"], action: "digit" },
  { keys: ["p", "f"], action: "passFail" },
  { keys: ["n"], action: "na" },
  { keys: ["c"], action: "comment" },
  { keys: ["Ctrl/⌘", "Enter"], action: "submit" },
  { keys: ["?"], action: "help" },
  { keys: ["Esc"], action: "close" },
];
