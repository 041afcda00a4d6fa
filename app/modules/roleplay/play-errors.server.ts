/**
 * The play page sends replies through a fetcher: a refused reply (409 sent too early, 400 empty …) must come back as
 * a message next to the reply box, not as an error page. This turns the session API's thrown responses into
 * `{ error }` with the same status.
 */
import { data } from "@remix-run/node";

const KNOWN = new Set([400, 403, 404, 409]);

function statusOf(error: unknown): number | null {
  if (error instanceof Response) return error.status;
  if (typeof error === "object" && error !== null && (error as { type?: unknown }).type === "DataWithResponseInit") {
    return (error as { init: ResponseInit | null }).init?.status ?? null;
  }
  return null;
}

export async function asPlayError<T>(work: () => Promise<T>) {
  try {
    return { ok: true as const, value: await work() };
  } catch (error) {
    const status = statusOf(error);
    if (status === null || !KNOWN.has(status)) throw error;
    return { ok: false as const, response: data({ error: `play.errors.${status}` }, { status }) };
  }
}
