import { useEffect, useMemo, useState } from "react";

/**
 * "Now" on the server's clock, ticking: bubble times and the reply timer come from the server, so the browser
 * corrects its own clock by the offset seen when the data arrived. Starts at the server's time so the server
 * render and hydration agree.
 */
export function useServerClock(serverNow: number, tickMs = 250): number {
  const [now, setNow] = useState(serverNow);
  const offset = useMemo(() => (typeof window === "undefined" ? 0 : serverNow - Date.now()), [serverNow]);
  useEffect(() => {
    setNow(Date.now() + offset);
    const timer = window.setInterval(() => setNow(Date.now() + offset), tickMs);
    return () => window.clearInterval(timer);
  }, [offset, tickMs]);
  return now;
}
