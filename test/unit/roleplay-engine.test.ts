import { describe, expect, it } from "vitest";
import { customerEngine, DEFAULT_ENGINE } from "~/modules/roleplay/engine";
import { GENERIC_FALLBACK, scriptedCustomer, type ScriptedState } from "~/modules/roleplay/engine/scripted";
import { matchIntents } from "~/modules/roleplay/intents";
import { bubbleTimes, typingSeconds } from "~/modules/roleplay/typing";
import { returnScript } from "../support/roleplay-script";

const script = returnScript();
const reply = (state: ScriptedState, text: string, overTime = false, s = script) =>
  scriptedCustomer.respond(s, state, { text, intents: matchIntents(s, text), overTime });

describe("scripted customer", () => {
  it("is the default engine in the registry", () => {
    expect(DEFAULT_ENGINE).toBe("scripted");
    expect(customerEngine("scripted")).toBe(scriptedCustomer);
    expect(() => customerEngine("llm")).toThrow(/unknown simulated customer engine/);
  });

  it("opens on the start node with full patience", () => {
    const opened = scriptedCustomer.open(script);
    expect(opened.state).toEqual({ nodeId: "opening", patience: 2, misses: 0 });
    expect(opened.messages.map((m) => m.text)).toEqual(["你好，我买的鞋子小了一码。", "能退吗？"]);
    expect(opened.end).toBeNull();
    expect(scriptedCustomer.hint(script, opened.state)).toBe("先问候，再说明 7 天无理由退货。");
  });

  it("takes the first matching transition in order", () => {
    const { state } = scriptedCustomer.open(script);
    // greet and blame both match: blame is listed first.
    const blamed = reply(state, "您好，是你自己选错尺码了");
    expect(blamed.end).toBe("customer_left");
    expect(blamed.messages.map((m) => m.text)).toEqual(["算了，我去投诉。"]);
    // greet + policy + can-return: the second transition (all of can-return and policy) wins over greet.
    const explained = reply(state, "您好，７天无理由退货，可以退的");
    expect(explained.state).toEqual({ nodeId: "explain", patience: 2, misses: 0 });
    expect(explained.messages[0]).toEqual({ nodeId: "explain", text: "运费谁出？" });
    expect(reply(state, "您好").state.nodeId).toBe("asks");
  });

  it("respects unless: the transition does not fire when a vetoing intent matched", () => {
    const state: ScriptedState = { nodeId: "explain", patience: 2, misses: 0 };
    expect(reply(state, "好的，运费您自己出").state).toEqual({ nodeId: "explain", patience: 1, misses: 1 });
    expect(reply(state, "好的，运费我们出").end).toBe("resolved");
  });

  it("says the fallback lines in order, repeating the last, and loses patience on each miss", () => {
    const patient = returnScript({
      persona: { name: "王女士", mood: "calm", patience: 4 },
    });
    let state = scriptedCustomer.open(patient).state;
    const lines: string[] = [];
    for (let i = 0; i < 3; i += 1) {
      const turn = reply(state, "嗯嗯", false, patient);
      lines.push(turn.messages[0]!.text);
      state = turn.state;
    }
    expect(lines).toEqual(["你说什么？", "我问能不能退！", "我问能不能退！"]);
    expect(state).toEqual({ nodeId: "opening", patience: 1, misses: 3 });
    const gone = reply(state, "嗯嗯", false, patient);
    expect(gone.end).toBe("customer_left");
    expect(gone.state).toEqual({ nodeId: "left", patience: 0, misses: 0 });
  });

  it("uses the generic line on a node without fallback lines", () => {
    const turn = reply({ nodeId: "asks", patience: 2, misses: 0 }, "嗯");
    expect(turn.messages).toEqual([{ nodeId: "asks", text: GENERIC_FALLBACK }]);
  });

  it("goes to the patienceExhausted node when patience reaches zero", () => {
    const turn = reply({ nodeId: "opening", patience: 1, misses: 1 }, "嗯嗯");
    expect(turn.end).toBe("customer_left");
    expect(turn.messages.map((m) => m.nodeId)).toEqual(["left"]);
  });

  it("charges one patience point for a reply over the time limit", () => {
    const matched = reply({ nodeId: "opening", patience: 2, misses: 0 }, "您好", true);
    expect(matched.state).toEqual({ nodeId: "asks", patience: 1, misses: 0 });
    // over time and unmatched: two points, 2 → 0, the customer leaves
    const missed = reply({ nodeId: "opening", patience: 2, misses: 0 }, "嗯", true);
    expect(missed.end).toBe("customer_left");
    // a matched reply that runs patience out still loses the customer
    expect(reply({ nodeId: "opening", patience: 1, misses: 0 }, "您好", true).end).toBe("customer_left");
  });

  it("reaching an end node is not undone by a slow last reply", () => {
    const turn = reply({ nodeId: "explain", patience: 1, misses: 0 }, "好的", true);
    expect(turn.end).toBe("resolved");
    expect(turn.messages.map((m) => m.text)).toEqual(["好的，谢谢。"]);
  });

  it("refuses to continue after an end node and gives no hint there", () => {
    const ended: ScriptedState = { nodeId: "done", patience: 2, misses: 0 };
    expect(() => reply(ended, "您好")).toThrow(/end node/);
    expect(scriptedCustomer.hint(script, ended)).toBeNull();
  });

  it("fails clearly when the state points at a node the script lacks", () => {
    expect(() => reply({ nodeId: "nowhere", patience: 2, misses: 0 }, "您好")).toThrow(/no node "nowhere"/);
  });
});

describe("typing delays", () => {
  it("grows with the length and mood, between 0.8 and 4 seconds", () => {
    expect(typingSeconds("好", "calm")).toBe(0.86); // 0.8 + 1 × 0.06
    expect(typingSeconds("一".repeat(40), "angry")).toBe(2.48); // 0.8 + 40 × 0.06 × 0.7
    expect(typingSeconds("一".repeat(20), "anxious")).toBe(1.76); // 0.8 + 20 × 0.06 × 0.8
    expect(typingSeconds("一".repeat(100), "calm")).toBe(4); // capped
  });

  it("consecutive bubbles add up", () => {
    const from = new Date("2026-12-06T10:00:00.000Z");
    const times = bubbleTimes(["好", "一".repeat(40)], "calm", from);
    // 0.86 s, then 0.86 + (0.8 + 2.4) = 4.06 s
    expect(times.map((t) => t.getTime() - from.getTime())).toEqual([860, 4060]);
  });
});
