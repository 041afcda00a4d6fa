import { describe, expect, it } from "vitest";
import { isCrossSiteRequest } from "~/utils/csrf.server";

describe("isCrossSiteRequest", () => {
  it.each([
    [{ method: "GET", origin: "https://evil.example", referer: null, host: "fuwu.example" }, false],
    [{ method: "POST", origin: "https://fuwu.example", referer: null, host: "fuwu.example" }, false],
    [{ method: "POST", origin: "https://evil.example", referer: null, host: "fuwu.example" }, true],
    [{ method: "POST", origin: null, referer: "https://evil.example/page", host: "fuwu.example" }, true],
    [{ method: "POST", origin: null, referer: "https://fuwu.example/admin", host: "fuwu.example" }, false],
    [{ method: "POST", origin: null, referer: null, host: "fuwu.example" }, false],
    [{ method: "POST", origin: "null", referer: null, host: "fuwu.example" }, true],
    [{ method: "DELETE", origin: "http://localhost:3000", referer: null, host: "localhost:3000" }, false],
    [
      {
        method: "POST",
        origin: "https://fuwu.example",
        referer: null,
        host: "10.0.0.5:3000",
        forwardedHost: "fuwu.example",
      },
      false,
    ],
  ])("%j → %s", (facts, expected) => {
    expect(isCrossSiteRequest(facts)).toBe(expected);
  });
});
