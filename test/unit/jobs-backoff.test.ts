import { describe, expect, it } from "vitest";
import { backoffDelayMs } from "~/modules/jobs/backoff";
import { DEFAULT_BACKOFF } from "~/modules/jobs/registry";

describe("backoffDelayMs", () => {
  const policy = { baseDelayMs: 1000, maxDelayMs: 10_000 };

  it.each([
    { failedAttempt: 1, expected: 1000 },
    { failedAttempt: 2, expected: 2000 },
    { failedAttempt: 3, expected: 4000 },
    { failedAttempt: 4, expected: 8000 },
    { failedAttempt: 5, expected: 10_000 }, // capped
    { failedAttempt: 50, expected: 10_000 },
    { failedAttempt: 5000, expected: 10_000 }, // 2^4999 overflows to Infinity; still capped
  ])("after attempt $failedAttempt waits $expected ms", ({ failedAttempt, expected }) => {
    expect(backoffDelayMs(failedAttempt, policy)).toBe(expected);
  });

  it("matches BullMQ's built-in exponential formula below the cap", () => {
    for (let attempt = 1; attempt <= 6; attempt++) {
      expect(backoffDelayMs(attempt, { baseDelayMs: 25, maxDelayMs: Number.MAX_SAFE_INTEGER })).toBe(
        Math.round(2 ** (attempt - 1) * 25),
      );
    }
  });

  it("supports a zero base delay (retry immediately)", () => {
    expect(backoffDelayMs(3, { baseDelayMs: 0, maxDelayMs: 0 })).toBe(0);
  });

  it("uses a sane default policy", () => {
    expect(backoffDelayMs(1, DEFAULT_BACKOFF)).toBe(10_000);
    expect(backoffDelayMs(20, DEFAULT_BACKOFF)).toBe(DEFAULT_BACKOFF.maxDelayMs);
  });

  it.each([0, -1, 1.5, Number.NaN])("rejects attempt %s", (attempt) => {
    expect(() => backoffDelayMs(attempt, policy)).toThrow(RangeError);
  });
});
