import type { ReactElement } from "react";
// The web-streams build, not react-dom/server's Node build: React 18.3's renderToPipeableStream writes
// the unfilled tail of its 2 KB buffer when a multi-byte character does not fit, which puts NUL bytes
// into Chinese text that straddles a buffer boundary. The web-streams build encodes whole strings.
import { renderToReadableStream } from "react-dom/server.browser";

/**
 * Streams a React document as UTF-8 bytes. Bots (and callers that ask) get it only when fully rendered.
 * Rendering is aborted after `timeoutMs` unless the document finished or the client went away first: an abort
 * that reaches React after its stream closed throws from a timer ("Controller is already closed").
 */
export async function renderHtmlStream(
  element: ReactElement,
  options: { waitForAll: boolean; timeoutMs?: number; onError?: (error: unknown) => void },
): Promise<ReadableStream<Uint8Array>> {
  const abort = new AbortController();
  const timer = options.timeoutMs === undefined ? null : setTimeout(() => abort.abort(), options.timeoutMs);
  const settle = () => {
    if (timer) clearTimeout(timer);
  };
  const stream = await renderToReadableStream(element, { signal: abort.signal, onError: options.onError });
  if (options.waitForAll) await stream.allReady;
  const reader = stream.getReader();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const { done, value } = await reader.read();
      if (done) {
        settle();
        controller.close();
      } else {
        controller.enqueue(value);
      }
    },
    cancel(reason) {
      settle();
      return reader.cancel(reason);
    },
  });
}
