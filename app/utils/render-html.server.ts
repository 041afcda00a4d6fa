import type { ReactElement } from "react";
// The web-streams build, not react-dom/server's Node build: React 18.3's renderToPipeableStream writes
// the unfilled tail of its 2 KB buffer when a multi-byte character does not fit, which puts NUL bytes
// into Chinese text that straddles a buffer boundary. The web-streams build encodes whole strings.
import { renderToReadableStream } from "react-dom/server.browser";

/** Streams a React document as UTF-8 bytes. Bots (and callers that ask) get it only when fully rendered. */
export async function renderHtmlStream(
  element: ReactElement,
  options: { waitForAll: boolean; signal?: AbortSignal; onError?: (error: unknown) => void },
): Promise<ReadableStream<Uint8Array>> {
  const stream = await renderToReadableStream(element, { signal: options.signal, onError: options.onError });
  if (options.waitForAll) await stream.allReady;
  return stream;
}
