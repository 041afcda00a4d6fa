import { describe, expect, it } from "vitest";
import {
  canAcknowledge,
  canDecide,
  canEscalate,
  canOpenDispute,
  canWithdraw,
  checkDecisions,
  checkDisputeItems,
  chooseArbitrator,
  deriveOutcome,
  isFullyAccepted,
  type DecidedItem,
  disputeDeadline,
  isOverdue,
  reasonError,
  stageDueAt,
  valueError,
  type DisputableCriterion,
  type DisputeFacts,
  type DisputeStatus,
  type ReviewFacts,
} from "~/modules/qa/disputes/dispute-rules";

const DAY = 86_400_000;
const submittedAt = new Date("2026-03-01T08:00:00Z");
const review: ReviewFacts = {
  kind: "regular",
  status: "submitted",
  agentId: "agent-1",
  submittedAt,
  acknowledgedAt: null,
};
const at = (days: number, ms = 0) => new Date(submittedAt.getTime() + days * DAY + ms);

describe("filing a dispute", () => {
  const cases: [string, Partial<Parameters<typeof canOpenDispute>[0]>, string | null][] = [
    ["own submitted review inside the window", {}, null],
    ["exactly at the window's end (inclusive)", { now: at(7) }, null],
    ["one millisecond after the window", { now: at(7, 1) }, "window-closed"],
    ["another agent's review", { agentId: "agent-2" }, "not-own-review"],
    ["a calibration review", { review: { ...review, kind: "calibration" } }, "not-regular"],
    ["a draft", { review: { ...review, status: "draft", submittedAt: null } }, "not-submitted"],
    ["a cancelled review", { review: { ...review, status: "cancelled" } }, "not-submitted"],
    ["after acknowledging", { review: { ...review, acknowledgedAt: at(1) } }, "acknowledged"],
    ["while a dispute is open", { disputes: ["open"] }, "dispute-open"],
    ["while a dispute is escalated", { disputes: ["escalated"] }, "dispute-open"],
    ["after a rejected dispute", { disputes: ["rejected"] }, "already-disputed"],
    ["after a withdrawn dispute", { disputes: ["withdrawn"] }, "already-disputed"],
    ["a shorter configured window", { now: at(3, 1), windowDays: 3 }, "window-closed"],
  ];
  it.each(cases)("%s", (_label, overrides, refusal) => {
    const result = canOpenDispute({
      review,
      disputes: [],
      agentId: "agent-1",
      now: at(2),
      windowDays: 7,
      ...overrides,
    });
    expect(result).toEqual(refusal ? { ok: false, refusal } : { ok: true });
  });

  it("computes the filing deadline", () => {
    expect(disputeDeadline(submittedAt, 7).toISOString()).toBe("2026-03-08T08:00:00.000Z");
  });
});

const dispute = (overrides: Partial<DisputeFacts> = {}): DisputeFacts => ({
  status: "open",
  agentId: "agent-1",
  handlerId: "inspector-1",
  firstDecidedAt: null,
  escalatedAt: null,
  ...overrides,
});

describe("deciding", () => {
  const cases: [DisputeStatus, string, string | null][] = [
    ["open", "inspector-1", null],
    ["escalated", "inspector-1", null],
    ["open", "inspector-2", "not-handler"],
    ["accepted", "inspector-1", "not-open"],
    ["partly_accepted", "inspector-1", "not-open"],
    ["rejected", "inspector-1", "not-open"],
    ["withdrawn", "inspector-1", "not-open"],
  ];
  it.each(cases)("%s dispute decided by %s", (status, userId, refusal) => {
    expect(canDecide({ dispute: dispute({ status }), userId })).toEqual(
      refusal ? { ok: false, refusal } : { ok: true },
    );
  });
});

describe("escalating", () => {
  const decidedAt = at(2);
  const afterDecision = (days: number, ms = 0) => new Date(decidedAt.getTime() + days * DAY + ms);
  const cases: [string, Partial<DisputeFacts>, Date, Date | null, string, string | null][] = [
    ["after a rejection", { status: "rejected" }, afterDecision(1), null, "agent-1", null],
    ["after a partial acceptance", { status: "partly_accepted" }, afterDecision(1), null, "agent-1", null],
    ["exactly at the window's end", { status: "rejected" }, afterDecision(7), null, "agent-1", null],
    ["after the window", { status: "rejected" }, afterDecision(7, 1), null, "agent-1", "escalation-window-closed"],
    ["after a full acceptance", { status: "accepted" }, afterDecision(1), null, "agent-1", "not-escalatable"],
    [
      "before any decision",
      { status: "open", firstDecidedAt: null },
      afterDecision(1),
      null,
      "agent-1",
      "not-escalatable",
    ],
    [
      "a second time",
      { status: "rejected", escalatedAt: afterDecision(1) },
      afterDecision(2),
      null,
      "agent-1",
      "already-escalated",
    ],
    [
      "while escalated",
      { status: "escalated", escalatedAt: afterDecision(1) },
      afterDecision(2),
      null,
      "agent-1",
      "already-escalated",
    ],
    ["after withdrawal", { status: "withdrawn" }, afterDecision(1), null, "agent-1", "not-escalatable"],
    ["by someone else", { status: "rejected" }, afterDecision(1), null, "agent-2", "not-agent"],
    ["after acknowledging", { status: "rejected" }, afterDecision(1), afterDecision(0.5), "agent-1", "acknowledged"],
  ];
  it.each(cases)("%s", (_label, overrides, now, acknowledgedAt, agentId, refusal) => {
    const result = canEscalate({
      dispute: dispute({ firstDecidedAt: decidedAt, ...overrides }),
      review: { acknowledgedAt },
      agentId,
      now,
      windowDays: 7,
    });
    expect(result).toEqual(refusal ? { ok: false, refusal } : { ok: true });
  });
});

describe("withdrawing", () => {
  const cases: [DisputeStatus, string, string | null][] = [
    ["open", "agent-1", null],
    ["escalated", "agent-1", null],
    ["open", "agent-2", "not-agent"],
    ["rejected", "agent-1", "not-open"],
    ["accepted", "agent-1", "not-open"],
    ["withdrawn", "agent-1", "not-open"],
  ];
  it.each(cases)("%s by %s", (status, agentId, refusal) => {
    expect(canWithdraw({ dispute: dispute({ status }), agentId })).toEqual(
      refusal ? { ok: false, refusal } : { ok: true },
    );
  });
});

describe("acknowledging", () => {
  const cases: [string, ReviewFacts, DisputeStatus[], string, string | null][] = [
    ["own submitted review", review, [], "agent-1", null],
    ["after a decided dispute", review, ["partly_accepted"], "agent-1", null],
    ["twice", { ...review, acknowledgedAt: at(1) }, [], "agent-1", "already-acknowledged"],
    ["while a dispute is open", review, ["open"], "agent-1", "dispute-open"],
    ["another agent's review", review, [], "agent-2", "not-own-review"],
    ["a draft", { ...review, status: "draft" }, [], "agent-1", "not-submitted"],
    ["a calibration review", { ...review, kind: "calibration" }, [], "agent-1", "not-regular"],
  ];
  it.each(cases)("%s", (_label, facts, disputes, agentId, refusal) => {
    expect(canAcknowledge({ review: facts, disputes, agentId })).toEqual(
      refusal ? { ok: false, refusal } : { ok: true },
    );
  });
});

describe("outcome", () => {
  const yes = (proposedValue: number | null = null, decidedValue: number | null = proposedValue ?? 1) => ({
    accepted: true,
    proposedValue,
    decidedValue,
  });
  const no = { accepted: false, proposedValue: 5, decidedValue: null };
  const cases: [string, DecidedItem[], string][] = [
    ["one item accepted as proposed", [yes(5)], "accepted"],
    ["accepted without a proposal", [yes(null, 3)], "accepted"],
    ["every item accepted", [yes(5), yes(1), yes(null, 2)], "accepted"],
    ["one item rejected", [no], "rejected"],
    ["every item rejected", [no, no], "rejected"],
    ["one accepted, one rejected", [yes(5), no], "partly_accepted"],
    ["two rejected, one accepted", [no, no, yes(4)], "partly_accepted"],
    ["one item granted below the proposal (asked 5, got 4)", [yes(5, 4)], "partly_accepted"],
  ];
  it.each(cases)("%s → %s", (_name, items, outcome) => expect(deriveOutcome(items)).toBe(outcome));
  it("needs at least one decision", () => expect(() => deriveOutcome([])).toThrow(RangeError));
  it("counts an item fully accepted only at the proposal", () => {
    expect(isFullyAccepted(yes(5))).toBe(true);
    expect(isFullyAccepted(yes(5, 4))).toBe(false);
    expect(isFullyAccepted(no)).toBe(false);
    expect(isFullyAccepted({ accepted: null, proposedValue: 5, decidedValue: null })).toBe(false);
  });
});

describe("SLA", () => {
  it("gives each stage slaDays from its start", () => {
    expect(stageDueAt(new Date("2026-03-01T08:00:00Z"), 3).toISOString()).toBe("2026-03-04T08:00:00.000Z");
  });
  const due = new Date("2026-03-04T08:00:00Z");
  const cases: [DisputeStatus, number, boolean][] = [
    ["open", 1, true],
    ["escalated", 1, true],
    ["open", 0, false],
    ["open", -1, false],
    ["rejected", 1, false],
  ];
  it.each(cases)("%s, %i ms after the due time → overdue %s", (status, offset, overdue) => {
    expect(isOverdue({ status, dueAt: due }, new Date(due.getTime() + offset))).toBe(overdue);
  });
});

const criteria: DisputableCriterion[] = [
  { id: "greeting", scale: "binary" },
  { id: "accuracy", scale: "five", allowNa: true },
  { id: "bonus", scale: "points", maxPoints: 5 },
];
const current = { greeting: 0, accuracy: 3, bonus: 2 };

describe("dispute items", () => {
  it("accepts valid items with and without proposals", () => {
    const result = checkDisputeItems(criteria, current, [
      { criterionId: "greeting", reason: "开场白已按规范使用", proposed: 1 },
      { criterionId: "accuracy", reason: "  信息并无错误  ", proposed: null },
      { criterionId: "bonus", reason: "主动推荐了会员权益" },
    ]);
    expect(result).toEqual({ errors: {}, formError: null });
  });

  it("needs at least one item", () => {
    expect(checkDisputeItems(criteria, current, []).formError).toBe("no-items");
  });

  const cases: [string, { criterionId: string; reason: string; proposed?: number | null }, object][] = [
    ["unknown criterion", { criterionId: "x", reason: "理由充分的说明" }, { criterion: "unknown-criterion" }],
    ["empty reason", { criterionId: "greeting", reason: "   " }, { reason: "reason-required" }],
    ["reason of four characters", { criterionId: "greeting", reason: " 不太合理 " }, { reason: "reason-too-short" }],
    [
      "value off the scale",
      { criterionId: "accuracy", reason: "回答是准确的", proposed: 6 },
      { proposed: "value-off-scale" },
    ],
    [
      "fractional value",
      { criterionId: "bonus", reason: "回答是准确的", proposed: 2.5 },
      { proposed: "value-off-scale" },
    ],
    [
      "N/A where not allowed",
      { criterionId: "greeting", reason: "不适用此项", proposed: null },
      { proposed: "na-not-allowed" },
    ],
    [
      "same as current",
      { criterionId: "accuracy", reason: "回答是准确的", proposed: 3 },
      { proposed: "same-as-current" },
    ],
  ];
  it.each(cases)("%s", (_label, item, errors) => {
    expect(checkDisputeItems(criteria, current, [item]).errors).toEqual({ 0: errors });
  });

  it("refuses the same criterion twice", () => {
    const result = checkDisputeItems(criteria, current, [
      { criterionId: "greeting", reason: "开场白已按规范使用" },
      { criterionId: "greeting", reason: "开场白已按规范使用" },
    ]);
    expect(result.errors).toEqual({ 1: { criterion: "duplicate-criterion" } });
  });

  it("counts characters, not UTF-16 units, for the reason length", () => {
    expect(reasonError("五个字符好")).toBeNull();
    expect(reasonError("😀😀😀😀")).toBe("reason-too-short");
    expect(reasonError("x".repeat(1001))).toBe("reason-too-long");
  });

  it("validates values on each scale", () => {
    expect(valueError({ id: "b", scale: "binary" }, 1)).toBeNull();
    expect(valueError({ id: "b", scale: "binary" }, 2)).toBe("value-off-scale");
    expect(valueError({ id: "t", scale: "three" }, 0)).toBe("value-off-scale");
    expect(valueError({ id: "p", scale: "points", maxPoints: 10 }, 10)).toBeNull();
  });
});

describe("decisions", () => {
  const pending = [
    { id: "i1", criterion: criteria[0]!, proposed: 1, current: 0 },
    { id: "i2", criterion: criteria[1]!, proposed: undefined, current: 3 },
    { id: "i3", criterion: criteria[1]!, proposed: null, current: 3 },
  ];

  it("takes the proposal when no value is given, and the given value otherwise", () => {
    const result = checkDecisions(pending, [
      { itemId: "i1", accept: true },
      { itemId: "i2", accept: true, value: 5 },
      { itemId: "i3", accept: false },
    ]);
    expect(result).toEqual({
      errors: {},
      decisions: [
        { itemId: "i1", accept: true, value: 1 },
        { itemId: "i2", accept: true, value: 5 },
        { itemId: "i3", accept: false, value: undefined },
      ],
    });
  });

  it("accepts an N/A proposal", () => {
    expect(checkDecisions([pending[2]!], [{ itemId: "i3", accept: true }]).decisions).toEqual([
      { itemId: "i3", accept: true, value: null },
    ]);
  });

  const rejectRest = (inputs: { itemId: string; accept: boolean; value?: number | null }[]) =>
    ["i1", "i2", "i3"].map((itemId) => inputs.find((input) => input.itemId === itemId) ?? { itemId, accept: false });
  const cases: [string, { itemId: string; accept: boolean; value?: number | null }[], Record<string, string>][] = [
    [
      "a missing decision",
      [
        { itemId: "i1", accept: false },
        { itemId: "i3", accept: false },
      ],
      { i2: "decision-required" },
    ],
    ["accept without a value and no proposal", rejectRest([{ itemId: "i2", accept: true }]), { i2: "value-required" }],
    [
      "accept with a value off the scale",
      rejectRest([{ itemId: "i2", accept: true, value: 9 }]),
      { i2: "value-off-scale" },
    ],
    ["accept that changes nothing", rejectRest([{ itemId: "i2", accept: true, value: 3 }]), { i2: "same-as-current" }],
    [
      "accept N/A where not allowed",
      rejectRest([{ itemId: "i1", accept: true, value: null }]),
      { i1: "na-not-allowed" },
    ],
  ];
  it.each(cases)("refuses %s", (_label, inputs, errors) => {
    const result = checkDecisions(pending, inputs);
    expect(result.errors).toEqual(errors);
    expect(result.decisions).toEqual([]);
  });
});

describe("choosing an arbitrator", () => {
  const exclude = { inspectorId: "q1", agentId: "a1" };
  const lead = (
    id: string,
    openEscalations: number,
    extra: Partial<{ active: boolean; roles: string[]; name: string }> = {},
  ) => ({
    id,
    name: extra.name ?? id,
    roles: extra.roles ?? ["qa_lead"],
    active: extra.active ?? true,
    openEscalations,
  });

  const cases: [string, ReturnType<typeof lead>[], string | null][] = [
    ["the lead with fewest open escalations", [lead("l1", 3), lead("l2", 1), lead("l3", 2)], "l2"],
    ["never the original inspector", [lead("q1", 0), lead("l2", 5)], "l2"],
    ["never an inactive lead", [lead("l1", 0, { active: false }), lead("l2", 5)], "l2"],
    ["ties broken by name", [lead("l9", 1, { name: "吴" }), lead("l1", 1, { name: "陈" })], "l1"],
    ["a manager when no lead is eligible", [lead("q1", 0), lead("m1", 0, { roles: ["manager"] })], "m1"],
    ["a lead before a manager with less work", [lead("m1", 0, { roles: ["manager"] }), lead("l1", 9)], "l1"],
    ["nobody", [lead("q1", 0), lead("x", 0, { roles: ["qa_inspector"] })], null],
  ];
  it.each(cases)("%s", (_label, candidates, expected) => {
    expect(chooseArbitrator(candidates, exclude)).toBe(expected);
  });
});
