import { Cron } from "croner";
import { describe, expect, it } from "vitest";
import { jobDefinitions } from "../../jobs/definitions";
import { jobSchedules } from "../../jobs/schedules";
import { getJobDefinition, jobNames } from "~/modules/jobs/catalog";
import { validateJobPayload } from "~/modules/jobs/registry";
import { scheduleSlot } from "~/modules/jobs/schedule-slot";
import { loginAttemptCutoff, sessionPurgeCutoff } from "~/modules/maintenance/retention";

describe("job definitions and schedules", () => {
  it("registers the maintenance jobs", () => {
    expect(jobNames()).toEqual(expect.arrayContaining(["login-attempts.prune", "sessions.purge-expired"]));
    expect(new Set(jobDefinitions.map((job) => job.name)).size).toBe(jobDefinitions.length);
  });

  it.each(jobSchedules.map((schedule) => [schedule.id, schedule] as const))(
    "%s is valid in both modes",
    (_id, schedule) => {
      expect(schedule.id).not.toContain(":");
      const definition = getJobDefinition(schedule.job);
      expect(() => validateJobPayload(definition, schedule.payload)).not.toThrow();
      const cron = new Cron(schedule.pattern, { timezone: "Asia/Shanghai" });
      expect(cron.nextRun()).toBeInstanceOf(Date);
    },
  );

  it("has unique schedule ids", () => {
    expect(new Set(jobSchedules.map((schedule) => schedule.id)).size).toBe(jobSchedules.length);
  });

  it("runs the login-attempt prune daily at 03:30 Shanghai time", () => {
    const schedule = jobSchedules.find((entry) => entry.job === "login-attempts.prune");
    const next = new Cron(schedule!.pattern, { timezone: "Asia/Shanghai" }).nextRun(new Date("2025-06-01T00:00:00Z"));
    expect(next?.toISOString()).toBe("2025-06-01T19:30:00.000Z");
  });
});

describe("scheduleSlot", () => {
  it.each([
    { pattern: "0 * * * *", firedAt: "2025-06-01T10:00:00.437Z", slot: "2025-06-01T10:00:00.000Z" },
    { pattern: "@hourly", firedAt: "2025-06-01T10:00:12.000Z", slot: "2025-06-01T10:00:00.000Z" },
    { pattern: "*/5 * * * * *", firedAt: "2025-06-01T10:00:05.120Z", slot: "2025-06-01T10:00:05.000Z" },
  ])("$pattern fired at $firedAt belongs to $slot", ({ pattern, firedAt, slot }) => {
    expect(scheduleSlot(pattern, new Date(firedAt)).toISOString()).toBe(slot);
  });
});

describe("maintenance retention", () => {
  const now = new Date("2025-06-30T12:00:00Z");
  it("purges sessions a day after expiry or revocation", () => {
    expect(sessionPurgeCutoff(now).toISOString()).toBe("2025-06-29T12:00:00.000Z");
  });
  it("keeps login attempts for 30 days", () => {
    expect(loginAttemptCutoff(now).toISOString()).toBe("2025-05-31T12:00:00.000Z");
  });
});
