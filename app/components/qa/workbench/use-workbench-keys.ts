import { useEffect, useRef } from "react";
import { keyToAction, type WorkbenchAction } from "./keymap";

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  const tag = target.tagName;
  if (tag === "TEXTAREA" || tag === "SELECT") return true;
  if (tag !== "INPUT") return false;
  const type = (target as HTMLInputElement).type;
  return !["button", "checkbox", "radio", "submit", "reset"].includes(type);
}

/**
 * Window-level shortcuts for the workbench. The handler returns false when it did not use the action, so the
 * browser keeps its default (arrow keys still scroll when there is nothing to move to).
 */
export function useWorkbenchKeys(onAction: (action: WorkbenchAction) => boolean, enabled = true) {
  const handler = useRef(onAction);
  handler.current = onAction;
  useEffect(() => {
    if (!enabled) return;
    const listener = (event: KeyboardEvent) => {
      if (event.isComposing || event.defaultPrevented) return; // Chinese IME composing a word
      const action = keyToAction({
        key: event.key,
        ctrlKey: event.ctrlKey,
        metaKey: event.metaKey,
        altKey: event.altKey,
        typing: isTyping(event.target),
      });
      if (action && handler.current(action)) event.preventDefault();
    };
    window.addEventListener("keydown", listener);
    return () => window.removeEventListener("keydown", listener);
  }, [enabled]);
}
