import { useFetcher } from "@remix-run/react";
import { useCallback, useEffect, useRef } from "react";
import { draftToFields, type ReviewDraft } from "~/modules/qa/reviews/review-form";
import type { ScoringCriterion } from "~/modules/qa/scoring";

export const AUTOSAVE_DEBOUNCE_MS = 1500;
export const AUTOSAVE_INTERVAL_MS = 30_000;
/** Time with no key, click or scroll after which the workbench stops counting grading time. */
const IDLE_AFTER_MS = 120_000;

export type SaveResponse = { intent: "save"; ok: true; savedAt: string } | { intent: "save"; ok: false; error: string };

/**
 * Seconds actually spent on the review: the tab is visible and the inspector did something in the last two
 * minutes. take() hands the seconds counted since the last call to whoever saves them.
 */
function useActiveSeconds() {
  const pending = useRef(0);
  const lastActivity = useRef(Date.now());
  useEffect(() => {
    const touch = () => (lastActivity.current = Date.now());
    const events = ["keydown", "pointerdown", "wheel", "scroll"] as const;
    for (const name of events) window.addEventListener(name, touch, { passive: true, capture: true });
    const timer = window.setInterval(() => {
      if (document.visibilityState === "visible" && Date.now() - lastActivity.current < IDLE_AFTER_MS) {
        pending.current += 1;
      }
    }, 1000);
    return () => {
      window.clearInterval(timer);
      for (const name of events) window.removeEventListener(name, touch, { capture: true });
    };
  }, []);
  return useCallback(() => {
    const seconds = pending.current;
    pending.current = 0;
    return seconds;
  }, []);
}

/**
 * Saves the draft ~1.5 s after the last change and every 30 s (crediting grading time), and once more with a
 * beacon when the page is hidden or closed, so a reload never loses work.
 */
export function useAutosave(reviewId: string, draft: ReviewDraft, criteria: readonly ScoringCriterion[]) {
  const fetcher = useFetcher<SaveResponse>({ key: `review-autosave-${reviewId}` });
  const takeSeconds = useActiveSeconds();
  const latest = useRef(draft);
  latest.current = draft;
  const saved = useRef(JSON.stringify(draft));
  const busy = useRef(false);
  busy.current = fetcher.state !== "idle";

  const fieldsFor = useCallback(
    (seconds: number) => ({ intent: "save", ...draftToFields(latest.current, criteria, seconds) }),
    [criteria],
  );

  const flush = useCallback(() => {
    if (busy.current) return;
    const serialised = JSON.stringify(latest.current);
    const seconds = takeSeconds();
    if (serialised === saved.current && seconds === 0) return;
    saved.current = serialised;
    fetcher.submit(fieldsFor(seconds), { method: "post" });
  }, [fetcher, fieldsFor, takeSeconds]);

  useEffect(() => {
    if (JSON.stringify(draft) === saved.current) return;
    const timer = window.setTimeout(flush, AUTOSAVE_DEBOUNCE_MS);
    return () => window.clearTimeout(timer);
  }, [draft, flush]);

  useEffect(() => {
    const timer = window.setInterval(flush, AUTOSAVE_INTERVAL_MS);
    return () => window.clearInterval(timer);
  }, [flush]);

  useEffect(() => {
    const onHide = (event: Event) => {
      if (event.type === "visibilitychange" && document.visibilityState !== "hidden") return;
      const serialised = JSON.stringify(latest.current);
      const seconds = takeSeconds();
      if (serialised === saved.current && seconds === 0) return;
      saved.current = serialised;
      navigator.sendBeacon(window.location.pathname, new URLSearchParams(fieldsFor(seconds)));
    };
    document.addEventListener("visibilitychange", onHide);
    window.addEventListener("pagehide", onHide);
    return () => {
      document.removeEventListener("visibilitychange", onHide);
      window.removeEventListener("pagehide", onHide);
    };
  }, [fieldsFor, takeSeconds]);

  const response = fetcher.data;
  return {
    saving: fetcher.state !== "idle",
    savedAt: response?.ok ? response.savedAt : null,
    error: response && !response.ok ? response.error : null,
    /** Seconds not yet credited: submit sends them with the final scores. */
    takeSeconds,
  };
}
