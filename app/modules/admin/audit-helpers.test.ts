import { describe, expect, it } from "vitest";
import { auditDiff } from "./audit-diff";
import { startOfDayIn } from "~/utils/calendar";
import { auditRange, readAuditSearch } from "./audit-filters";

describe("auditDiff", () => {
  it("lists changed keys first, in a readable order, for an update", () => {
    const rows = auditDiff(
      { status: "active", roles: ["agent", "team_lead"], name: "张三", externalId: "A1" },
      { status: "active", roles: ["agent"], name: "张三丰", externalId: "A1" },
    );
    expect(rows).toEqual([
      { key: "name", before: "张三", after: "张三丰", changed: true },
      { key: "roles", before: "agent, team_lead", after: "agent", changed: true },
      { key: "externalId", before: "A1", after: "A1", changed: false },
      { key: "status", before: "active", after: "active", changed: false },
    ]);
  });

  it("treats every key of a creation as changed and tolerates empty entries", () => {
    expect(auditDiff(null, { email: null, externalId: "A1" })).toEqual([
      { key: "externalId", before: null, after: "A1", changed: true },
      { key: "email", before: null, after: null, changed: false },
    ]);
    expect(auditDiff(null, null)).toEqual([]);
    expect(auditDiff("x", "y")).toEqual([{ key: "value", before: "x", after: "y", changed: true }]);
  });
});

describe("audit search", () => {
  it("reads filters from the URL, dropping malformed dates", () => {
    expect(
      readAuditSearch(new URL("http://x/admin/audit?actor=%20A1%20&action=user.&from=2026-02-30&to=2026/3/1")),
    ).toEqual({
      actor: "A1",
      action: "user.",
      entityType: "",
      from: undefined,
      to: "2026-03-01",
    });
  });

  it("turns calendar days into instants in the app's time zone, the end day inclusive", () => {
    expect(startOfDayIn("2026-03-01", "Asia/Shanghai").toISOString()).toBe("2026-02-28T16:00:00.000Z");
    expect(startOfDayIn("2026-03-29", "Europe/Berlin").toISOString()).toBe("2026-03-28T23:00:00.000Z");
    expect(startOfDayIn("2026-03-30", "Europe/Berlin").toISOString()).toBe("2026-03-29T22:00:00.000Z");
    const range = auditRange({ from: "2026-03-01", to: "2026-03-31" }, "Asia/Shanghai");
    expect(range.from?.toISOString()).toBe("2026-02-28T16:00:00.000Z");
    expect(range.to?.toISOString()).toBe("2026-03-31T16:00:00.000Z");
  });
});
