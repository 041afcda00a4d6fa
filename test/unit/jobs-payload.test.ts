import { describe, expect, it } from "vitest";
import { z } from "zod";
import { errorHeadline, formatJobError } from "~/modules/jobs/errors";
import {
  DEFAULT_BACKOFF,
  DEFAULT_MAX_ATTEMPTS,
  JobPayloadError,
  PermanentJobError,
  UnknownJobError,
  defineJob,
  isPermanentJobError,
  toJsonValue,
  toStoredPayload,
  validateJobPayload,
} from "~/modules/jobs/registry";

const exampleJob = defineJob({
  name: "example.recalculate",
  payload: z.strictObject({ userId: z.string().min(1), day: z.iso.date() }),
  handler: () => undefined,
});

describe("defineJob", () => {
  it("fills in defaults", () => {
    expect(exampleJob.maxAttempts).toBe(DEFAULT_MAX_ATTEMPTS);
    expect(exampleJob.backoff).toEqual(DEFAULT_BACKOFF);
    expect(exampleJob.description).toBe("");
  });

  it("merges a partial backoff policy", () => {
    const job = defineJob({ name: "a.b", payload: z.object({}), handler: () => 1, backoff: { baseDelayMs: 5 } });
    expect(job.backoff).toEqual({ baseDelayMs: 5, maxDelayMs: DEFAULT_BACKOFF.maxDelayMs });
  });

  it.each(["", "Upper.case", "spaces here", "colon:name", "trailing.", ".leading"])("rejects the name %j", (name) => {
    expect(() => defineJob({ name, payload: z.object({}), handler: () => 1 })).toThrow(/Job name/);
  });

  it.each([0, -1, 1.5])("rejects maxAttempts %s", (maxAttempts) => {
    expect(() => defineJob({ name: "a.b", payload: z.object({}), handler: () => 1, maxAttempts })).toThrow(
      /maxAttempts/,
    );
  });

  it("rejects a base delay above the cap", () => {
    expect(() =>
      defineJob({ name: "a.b", payload: z.object({}), handler: () => 1, backoff: { baseDelayMs: 10, maxDelayMs: 5 } }),
    ).toThrow(/backoff/);
  });
});

describe("payload validation", () => {
  it("returns the parsed payload", () => {
    expect(validateJobPayload(exampleJob, { userId: "u1", day: "2025-01-31" })).toEqual({
      userId: "u1",
      day: "2025-01-31",
    });
  });

  it.each([
    { payload: undefined, path: "" },
    { payload: {}, path: "userId" },
    { payload: { userId: "", day: "2025-01-31" }, path: "userId" },
    { payload: { userId: "u1", day: "31.01.2025" }, path: "day" },
    { payload: { userId: "u1", day: "2025-01-31", extra: true }, path: "" },
  ])("rejects $payload with a readable error", ({ payload, path }) => {
    let caught: unknown;
    try {
      validateJobPayload(exampleJob, payload);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(JobPayloadError);
    const error = caught as JobPayloadError;
    expect(error.message).toMatch(/^Invalid payload for job "example\.recalculate":/);
    expect(error.jobName).toBe("example.recalculate");
    expect(error.issues.length).toBeGreaterThan(0);
    if (path) expect(error.message).toContain(path);
  });

  it("stores the validated payload as plain JSON", () => {
    const job = defineJob({
      name: "a.b",
      payload: z.object({ id: z.string(), count: z.coerce.number() }),
      handler: () => 1,
    });
    expect(toStoredPayload(job, { id: "x", count: "3", ignored: 1 })).toEqual({ id: "x", count: 3 });
  });

  it("toJsonValue turns bigints into strings and drops undefined", () => {
    expect(toJsonValue({ deleted: 3n, nothing: undefined })).toEqual({ deleted: "3" });
    expect(toJsonValue(undefined)).toBeUndefined();
    expect(toJsonValue(null)).toBeNull();
  });
});

describe("errors", () => {
  it("classifies permanent errors", () => {
    expect(isPermanentJobError(new PermanentJobError("gone"))).toBe(true);
    expect(isPermanentJobError(new UnknownJobError("x"))).toBe(true);
    expect(isPermanentJobError(new Error("flaky"))).toBe(false);
    expect(isPermanentJobError("string")).toBe(false);
  });

  it("formats name, message and the head of the stack", () => {
    const text = formatJobError(new TypeError("bad thing"));
    expect(text.split("\n")[0]).toBe("TypeError: bad thing");
    expect(text).toMatch(/\n\s+at /);
    expect(text.split("\n").length).toBeLessThanOrEqual(7);
    expect(errorHeadline(text)).toBe("TypeError: bad thing");
  });

  it("bounds the length and handles non-errors", () => {
    expect(formatJobError(new Error("x".repeat(5000))).length).toBe(2000);
    expect(formatJobError("plain")).toBe("plain");
    expect(formatJobError({ code: 42 })).toBe('{"code":42}');
    expect(errorHeadline(null)).toBeNull();
  });
});
