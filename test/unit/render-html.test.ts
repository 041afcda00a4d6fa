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
