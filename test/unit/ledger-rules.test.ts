import { describe, expect, it } from "vitest";
import {
  appealDeadline,
  appealRefusal,
  correctionError,
  decisionRefusal,
  isValidEvidenceLink,
  netOf,
  reasonError,
  reversalError,
  reversalOf,
  signedValues,
} from "~/modules/ledger/ledger-rules";
import { ProposeSchema } from "~/modules/ledger/ledger-forms";

describe("signs follow the kind", () => {
  it.each([
    ["bonus", 200, 3, 200, 3],
    ["award_bonus", 500, 0, 500, 0],
    ["performance_deduction", 150.5, 5, -150.5, -5],
    ["public_criticism", 0, 2, 0, -2],
    // a typed negative number is a magnitude too: deductions never turn into bonuses
    ["performance_deduction", -80, -1, -80, -1],
    ["bonus", 0.105, 0, 0.11, 0],
  ] as const)("%s %d/%d → %d/%d", (kind, amount, points, expectedAmount, expectedPoints) => {
    expect(signedValues(kind, { amount, points })).toEqual({ amount: expectedAmount, points: expectedPoints });
  });
});

describe("net of an entry with its corrections", () => {
  it("adds approved corrections only", () => {
    // −300 − 5 pts, corrected by +100/+2 (approved) and +200/+3 (rejected): −200 −3
    expect(
      netOf({ amount: -300, points: -5 }, [
        { amount: 100, points: 2, status: "approved" },
        { amount: 200, points: 3, status: "rejected" },
      ]),
    ).toEqual({ amount: -200, points: -3 });
  });
  it("keeps fen exact", () => {
    // 0.1 + 0.2 is 0.30000000000000004 in floating point
    expect(netOf({ amount: 0.1, points: 0 }, [{ amount: 0.2, points: 0, status: "approved" }]).amount).toBe(0.3);
  });
});

describe("corrections", () => {
  const penalty = { kind: "performance_deduction" as const, status: "approved" as const, amount: -200, points: -4 };
  it("may move a penalty toward zero, fully or partly", () => {
    expect(correctionError(penalty, { amount: -200, points: -4 }, { amount: 200, points: 4 })).toBeNull();
    expect(correctionError(penalty, { amount: -200, points: -4 }, { amount: 50, points: 0 })).toBeNull();
    expect(correctionError(penalty, { amount: -200, points: -4 }, { amount: -100, points: 0 })).toBeNull();
  });
  it("never crosses zero", () => {
    expect(correctionError(penalty, { amount: -200, points: -4 }, { amount: 201, points: 0 })).toBe("crosses-zero");
    expect(correctionError(penalty, { amount: -50, points: -4 }, { amount: 0, points: 5 })).toBe("crosses-zero");
    const bonus = { kind: "bonus" as const, status: "approved" as const, amount: 100, points: 0 };
    expect(correctionError(bonus, { amount: 100, points: 0 }, { amount: -150, points: 0 })).toBe("crosses-zero");
  });
  it("needs an approved original that is not itself a correction, and a change", () => {
    expect(correctionError({ ...penalty, status: "proposed" }, penalty, { amount: 10, points: 0 })).toBe(
      "not-approved",
    );
    expect(correctionError({ ...penalty, kind: "correction" }, penalty, { amount: 10, points: 0 })).toBe(
      "is-correction",
    );
    expect(correctionError(penalty, penalty, { amount: 0, points: 0 })).toBe("no-change");
  });
});

describe("evidence links", () => {
  it.each([
    ["/qa/reviews/abc123", true],
    ["https://kf.example.com/tickets/88", true],
    ["http://intranet/case?id=1", true],
    ["//evil.example.com/x", false],
    ["javascript:alert(1)", false],
    ["ftp://files/x", false],
    ["见工单 88", false],
    ["", false],
  ])("%s → %s", (link, valid) => {
    expect(isValidEvidenceLink(link)).toBe(valid);
  });
});

describe("decisions", () => {
  it("refuses the proposer and anything already decided", () => {
    expect(decisionRefusal({ status: "proposed", proposedById: "m1" }, "m1")).toBe("own-proposal");
    expect(decisionRefusal({ status: "approved", proposedById: "m1" }, "m2")).toBe("not-proposed");
    expect(decisionRefusal({ status: "proposed", proposedById: "l1" }, "m2")).toBeNull();
  });
});

describe("appeals", () => {
  const approvedAt = new Date("2026-11-03T08:00:00Z");
  const base = {
    entry: { userId: "a1", kind: "performance_deduction" as const, status: "approved" as const, decidedAt: approvedAt },
    net: { amount: -200, points: -4 },
    appeals: [] as ("open" | "accepted" | "rejected" | "withdrawn")[],
    agentId: "a1",
    now: new Date("2026-11-10T08:00:00Z"),
  };
  it("closes 14 days after approval, inclusive", () => {
    expect(appealDeadline(approvedAt).toISOString()).toBe("2026-11-17T08:00:00.000Z");
    expect(appealRefusal({ ...base, now: new Date("2026-11-17T08:00:00Z") })).toBeNull();
    expect(appealRefusal({ ...base, now: new Date("2026-11-17T08:00:01Z") })).toBe("window-closed");
  });
  it("is for one's own approved penalties", () => {
    expect(appealRefusal(base)).toBeNull();
    expect(appealRefusal({ ...base, agentId: "a2" })).toBe("not-own-entry");
    expect(appealRefusal({ ...base, entry: { ...base.entry, kind: "bonus" } })).toBe("not-penalty");
    expect(appealRefusal({ ...base, entry: { ...base.entry, status: "proposed" } })).toBe("not-approved");
    expect(appealRefusal({ ...base, net: { amount: 0, points: 0 } })).toBe("nothing-left");
  });
  it("allows one open appeal; a withdrawn one can be filed again, a decided one cannot", () => {
    expect(appealRefusal({ ...base, appeals: ["open"] })).toBe("appeal-open");
    expect(appealRefusal({ ...base, appeals: ["withdrawn"] })).toBeNull();
    expect(appealRefusal({ ...base, appeals: ["withdrawn", "rejected"] })).toBe("already-appealed");
  });
  it("reverses at most what is left", () => {
    const net = { amount: -200, points: -4 };
    expect(reversalError(net, { amount: 200, points: 4 })).toBeNull();
    expect(reversalError(net, { amount: 200.01, points: 0 })).toBe("amount-too-large");
    expect(reversalError(net, { amount: 0, points: 5 })).toBe("points-too-large");
    expect(reversalError(net, { amount: 0, points: 0 })).toBe("nothing-reversed");
    // a partial reversal of 120 yuan and 2 points adds +120/+2
    expect(reversalOf(net, { amount: 120, points: 2 })).toEqual({ amount: 120, points: 2 });
    // a bonus-side net would be reversed downward
    expect(reversalOf({ amount: 50, points: 0 }, { amount: 50, points: 0 })).toEqual({ amount: -50, points: 0 });
  });
});

describe("reasons and the proposal form", () => {
  it("needs a reason of at least 4 characters", () => {
    expect(reasonError("态度差")).toBe("reason-required");
    expect(reasonError("  服务态度差  ")).toBeNull();
    expect(reasonError("字".repeat(501))).toBe("reason-too-long");
  });
  it("needs money or points except for public criticism", () => {
    const base = { userId: "u1", month: "2026-11", reason: "春节值班补贴", amount: 0, points: 0 };
    expect(ProposeSchema.safeParse({ ...base, kind: "bonus" }).success).toBe(false);
    expect(ProposeSchema.safeParse({ ...base, kind: "public_criticism" }).success).toBe(true);
    expect(ProposeSchema.safeParse({ ...base, kind: "bonus", amount: 200 }).success).toBe(true);
    expect(ProposeSchema.safeParse({ ...base, kind: "bonus", amount: 2.005 }).success).toBe(false);
    expect(ProposeSchema.safeParse({ ...base, kind: "bonus", amount: 1, month: "2026-13" }).success).toBe(false);
  });
});
