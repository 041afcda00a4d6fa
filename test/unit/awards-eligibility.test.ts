/** Eligibility rules, one reason per failed rule with the numbers behind it. */
import { describe, expect, it } from "vitest";
import { ineligibleReasons, type EligibilityFacts, type EligibilityRules } from "~/modules/awards/eligibility";

const rules: EligibilityRules = {
  minConversations: 80,
  minQaReviews: 2,
  excludeRedLine: true,
  minTenureMonths: 3,
  cooldownPeriods: 2,
};
const facts: EligibilityFacts = {
  hasData: true,
  conversations: 120,
  qaReviews: 3,
  redLineIncidents: 0,
  criticalQaFailures: 0,
  tenureMonths: 14,
  periodsSinceLastWin: null,
};

describe("ineligibleReasons", () => {
  it("passes someone who meets every rule", () => {
    expect(ineligibleReasons(facts, rules)).toEqual([]);
  });

  it.each([
    [{ conversations: 79 }, [{ code: "min_conversations", actual: 79, required: 80 }]],
    [{ qaReviews: 1 }, [{ code: "min_qa_reviews", actual: 1, required: 2 }]],
    [{ redLineIncidents: 1 }, [{ code: "red_line", actual: 1 }]],
    [{ criticalQaFailures: 2 }, [{ code: "critical_qa", actual: 2 }]],
    [{ tenureMonths: 2 }, [{ code: "min_tenure", actual: 2, required: 3 }]],
    [{ tenureMonths: null }, [{ code: "min_tenure", actual: null, required: 3 }]],
    [{ periodsSinceLastWin: 1 }, [{ code: "recent_winner", actual: 1, required: 2 }]],
    [{ periodsSinceLastWin: 2 }, [{ code: "recent_winner", actual: 2, required: 2 }]],
    [{ periodsSinceLastWin: 3 }, []],
  ] as const)("%o → %o", (change, expected) => {
    expect(ineligibleReasons({ ...facts, ...change }, rules)).toEqual(expected);
  });

  it("lists every failed rule", () => {
    const reasons = ineligibleReasons({ ...facts, conversations: 10, qaReviews: 0, tenureMonths: 1 }, rules);
    expect(reasons.map((reason) => reason.code)).toEqual(["min_conversations", "min_qa_reviews", "min_tenure"]);
  });

  it("reports a red line once: the snapshot first, a review the snapshot has not counted yet otherwise", () => {
    expect(ineligibleReasons({ ...facts, redLineIncidents: 1, criticalQaFailures: 1 }, rules)).toEqual([
      { code: "red_line", actual: 1 },
    ]);
  });

  it("has only one reason without data", () => {
    expect(ineligibleReasons({ ...facts, hasData: false, conversations: 0 }, rules)).toEqual([{ code: "no_data" }]);
  });

  it("switches rules off", () => {
    const lenient: EligibilityRules = {
      minConversations: 0,
      minQaReviews: 0,
      excludeRedLine: false,
      minTenureMonths: 0,
      cooldownPeriods: null,
    };
    const worst = {
      ...facts,
      conversations: 0,
      qaReviews: 0,
      redLineIncidents: 3,
      tenureMonths: null,
      periodsSinceLastWin: 1,
    };
    expect(ineligibleReasons(worst, lenient)).toEqual([]);
  });

  it("does not apply tenure to teams", () => {
    expect(ineligibleReasons({ ...facts, tenureMonths: null }, rules, "team")).toEqual([]);
  });
});
