import { describe, expect, it } from "vitest";
import { clockText, replyTimer, visibleTurns } from "~/modules/roleplay/play-clock";
import { percentOf, rankMissedSteps, roundScore, weakestStep } from "~/modules/roleplay/progress";
import { parseReviewForm } from "~/modules/roleplay/review-form";

describe("percentOf and roundScore", () => {
  it.each([
    [1, 3, 33.33],
    [2, 3, 66.67],
    [3, 3, 100],
    [0, 4, 0],
    [1, 0, null],
  ])("%i of %i → %s", (part, whole, expected) => {
    expect(percentOf(part, whole)).toBe(expected);
  });

  it("rounds to two decimals and keeps unknown unknown", () => {
    expect(roundScore(73.456)).toBe(73.46);
    expect(roundScore(null)).toBeNull();
    expect(roundScore(Number.NaN)).toBeNull();
  });
});

describe("weakest steps", () => {
  const tallies = [
    { key: "greet", label: "问候", missed: 1, seen: 4 }, // 25 %
    { key: "policy", label: "说明政策", missed: 3, seen: 4 }, // 75 %
    { key: "verify", label: "核实订单号", missed: 1, seen: 1 }, // 100 %, one miss
    { key: "close", label: "结束语", missed: 2, seen: 2 }, // 100 %, two misses
    { key: "apologise", label: "致歉", missed: 0, seen: 4 },
  ];

  it("is the highest miss rate, then the most misses", () => {
    expect(weakestStep(tallies)).toMatchObject({ label: "结束语", missRate: 100 });
  });

  it("is nobody's when nothing was missed", () => {
    expect(weakestStep([{ key: "greet", label: "问候", missed: 0, seen: 5 }])).toBeNull();
    expect(weakestStep([])).toBeNull();
  });

  it("ranks missed steps weakest first and leaves never-missed steps out", () => {
    expect(rankMissedSteps(tallies, 10).map((step) => [step.label, step.missRate])).toEqual([
      ["结束语", 100],
      ["核实订单号", 100],
      ["说明政策", 75],
      ["问候", 25],
    ]);
    expect(rankMissedSteps(tallies, 2)).toHaveLength(2);
  });
});

describe("play clock", () => {
  const t0 = Date.parse("2026-12-06T10:00:00Z");
  const turns = [
    { speaker: "customer" as const, shownAt: "2026-12-06T10:00:01.500Z", text: "你好" },
    { speaker: "customer" as const, shownAt: "2026-12-06T10:00:03.000Z", text: "能退吗？" },
  ];

  it("shows the customer typing until each bubble's time", () => {
    expect(visibleTurns(turns, t0)).toMatchObject({ visible: [], typing: true, nextAt: Date.parse(turns[0]!.shownAt) });
    expect(visibleTurns(turns, t0 + 2000)).toMatchObject({ visible: [turns[0]], typing: true });
    expect(visibleTurns(turns, t0 + 3000)).toMatchObject({ visible: turns, typing: false, nextAt: null });
  });

  it("never shows an agent reply that follows a bubble still being typed", () => {
    const withReply = [...turns, { speaker: "agent" as const, shownAt: "2026-12-06T10:00:02.000Z", text: "您好" }];
    expect(visibleTurns(withReply, t0 + 2500).visible).toHaveLength(1);
  });

  it("times the reply from awaitingSince: green, amber from 75 % of the limit, red beyond it", () => {
    const since = "2026-12-06T10:00:00.000Z";
    expect(replyTimer(since, 60, t0 + 44_900)).toEqual({ seconds: 44, tone: "normal" });
    expect(replyTimer(since, 60, t0 + 45_000)).toEqual({ seconds: 45, tone: "warning" });
    expect(replyTimer(since, 60, t0 + 60_900)).toEqual({ seconds: 60, tone: "warning" });
    expect(replyTimer(since, 60, t0 + 61_000)).toEqual({ seconds: 61, tone: "over" });
    expect(replyTimer(since, 60, t0 - 5000)).toEqual({ seconds: 0, tone: "normal" });
    expect(replyTimer(null, 60, t0)).toEqual({ seconds: 0, tone: "idle" });
  });

  it("prints minutes and seconds", () => {
    expect(clockText(0)).toBe("0:00");
    expect(clockText(65.8)).toBe("1:05");
    expect(clockText(600)).toBe("10:00");
  });
});

describe("rubric form", () => {
  it("reads ratings (na = not applicable), comments and the summary", () => {
    expect(
      parseReviewForm([
        ["intent", "submit"],
        ["rating.greeting", "1"],
        ["rating.accuracy", "na"],
        ["rating.empathy", ""],
        ["comment.greeting", "  问候及时 "],
        ["comment.empathy", "   "],
        ["summary", "流程完整"],
      ]),
    ).toEqual({
      ok: true,
      intent: "submit",
      ratings: { greeting: 1, accuracy: null },
      comments: { greeting: "问候及时" },
      summary: "流程完整",
    });
  });

  it("refuses an unknown intent or a rating that is not a number", () => {
    expect(parseReviewForm([["rating.greeting", "1"]])).toEqual({ ok: false, invalid: ["intent"] });
    expect(
      parseReviewForm([
        ["intent", "save"],
        ["rating.greeting", "好"],
      ]),
    ).toEqual({ ok: false, invalid: ["greeting"] });
  });
});
