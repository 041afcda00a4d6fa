import { useCallback, useEffect, useRef, useState } from "react";

export type SaveState =
  | { kind: "idle" }
  | { kind: "saving" }
  | { kind: "saved"; at: number }
  | { kind: "offline" }
  | { kind: "closed" }
  | { kind: "error" };

const DEBOUNCE_MS = 600;
const RETRY_MS = 5000;

/**
 * Autosave of answers, one POST per changed question (intent=save) to the route's single-fetch data URL, debounced.
 * A network failure keeps the change queued and retries when the browser is back online (and every few seconds);
 * the server answers 409 once the attempt is closed or its deadline has passed.
 */
export function useAutosave(actionUrl: string, skewMs: number) {
  const [state, setState] = useState<SaveState>({ kind: "idle" });
  const queued = useRef(new Map<number, string>());
  const timers = useRef(new Map<number, number>());
  const inFlight = useRef(0);
  const closed = useRef(false);

  const send = useCallback(
    async (position: number): Promise<void> => {
      const body = queued.current.get(position);
      if (body === undefined || closed.current) return;
      inFlight.current += 1;
      setState({ kind: "saving" });
      try {
        const response = await fetch(actionUrl, {
          method: "POST",
          body: new URLSearchParams({ intent: "save", position: String(position), answer: body }),
          headers: { "Content-Type": "application/x-www-form-urlencoded" },
        });
        if (response.status === 409) {
          closed.current = true;
          setState({ kind: "closed" });
          return;
        }
        if (!response.ok) {
          setState({ kind: "error" });
          return;
        }
        if (queued.current.get(position) === body) queued.current.delete(position);
        if (queued.current.size === 0 || inFlight.current === 1) setState({ kind: "saved", at: Date.now() + skewMs });
      } catch {
        setState({ kind: "offline" });
      } finally {
        inFlight.current -= 1;
      }
    },
    [actionUrl, skewMs],
  );

  const change = useCallback(
    (position: number, value: unknown) => {
      queued.current.set(position, JSON.stringify(value ?? null));
      window.clearTimeout(timers.current.get(position));
      timers.current.set(
        position,
        window.setTimeout(() => void send(position), DEBOUNCE_MS),
      );
      setState((current) => (current.kind === "offline" ? current : { kind: "saving" }));
    },
    [send],
  );

  /** Sends everything still queued now (before submitting). */
  const flush = useCallback(async () => {
    for (const timer of timers.current.values()) window.clearTimeout(timer);
    timers.current.clear();
    await Promise.all([...queued.current.keys()].map((position) => send(position)));
  }, [send]);

  useEffect(() => {
    const retry = () => {
      if (queued.current.size > 0 && !closed.current) void flush();
    };
    window.addEventListener("online", retry);
    const timer = window.setInterval(() => {
      if (queued.current.size > 0 && navigator.onLine) retry();
    }, RETRY_MS);
    return () => {
      window.removeEventListener("online", retry);
      window.clearInterval(timer);
    };
  }, [flush]);

  return { state, change, flush, pending: () => queued.current.size };
}
