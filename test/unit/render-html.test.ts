import { createElement as h } from "react";
import { describe, expect, it } from "vitest";
import { renderHtmlStream } from "~/utils/render-html.server";

async function render(text: string) {
  const stream = await renderHtmlStream(
    h("html", null, h("body", null, h("p", null, text), h("input", { defaultValue: text }))),
    {
      waitForAll: true,
    },
  );
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

describe("renderHtmlStream", () => {
  // Chinese characters are 3 bytes in UTF-8; at every offset one of them straddles React's 2 KB buffer.
  it.each([0, 1, 2, 683, 684, 685, 1500])(
    "keeps Chinese text intact when %i ASCII characters precede it",
    async (padding) => {
      const text = `${"x".repeat(padding)}${"重复工号客服质检".repeat(400)}`;
      const bytes = await render(text);
      expect(bytes.includes(0)).toBe(false);
      const html = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
      expect(html).toContain(`<p>${text}</p>`);
      expect(html).toContain(`value="${text}"`);
    },
  );
});

describe("renderHtmlStream timeout", () => {
  const page = () => h("html", null, h("body", null, h("p", null, "质检工作台")));
  const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

  // An abort that reached React after its stream closed used to throw from a timer; vitest fails on such errors.
  it("does not abort a document that was read to the end", async () => {
    const stream = await renderHtmlStream(page(), { waitForAll: false, timeoutMs: 30 });
    expect(await new Response(stream).text()).toContain("质检工作台");
    await pause(60);
  });

  it("does not abort after the client went away", async () => {
    const stream = await renderHtmlStream(page(), { waitForAll: false, timeoutMs: 30 });
    await stream.cancel("client closed the connection");
    await pause(60);
  });
});
