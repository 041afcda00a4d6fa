import type { EntryContext } from "@remix-run/node";
import { RemixServer } from "@remix-run/react";
import { createInstance } from "i18next";
import { isbot } from "isbot";
import { I18nextProvider, initReactI18next } from "react-i18next";
import { i18nConfig } from "~/modules/i18n/config";
import { getLocale } from "~/modules/i18n/i18n.server";
import { renderHtmlStream } from "~/utils/render-html.server";

const ABORT_DELAY = 5_000;
export const streamTimeout = ABORT_DELAY;

export default async function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
) {
  const instance = createInstance();
  await instance.use(initReactI18next).init({ ...i18nConfig, lng: await getLocale(request) });

  let status = responseStatusCode;
  const body = await renderHtmlStream(
    <I18nextProvider i18n={instance}>
      <RemixServer context={remixContext} url={request.url} abortDelay={ABORT_DELAY} />
    </I18nextProvider>,
    {
      waitForAll: isbot(request.headers.get("user-agent")),
      timeoutMs: ABORT_DELAY + 1_000,
      onError(error) {
        status = 500;
        console.error(error);
      },
    },
  );

  responseHeaders.set("Content-Type", "text/html; charset=utf-8");
  responseHeaders.set("X-Content-Type-Options", "nosniff");
  responseHeaders.set("X-Frame-Options", "DENY");
  responseHeaders.set("Referrer-Policy", "same-origin");
  return new Response(body, { headers: responseHeaders, status });
}
