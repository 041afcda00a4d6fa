import { describe, expect, it } from "vitest";
import en from "~/locales/en/roleplay.json";
import zh from "~/locales/zh-CN/roleplay.json";
import type { ScriptInput } from "~/modules/roleplay/script";
import {
  checkScript,
  formatIssueMessage,
  hasBlockingIssues,
  ISSUE_MESSAGES,
  validateScript,
  type ScriptIssue,
} from "~/modules/roleplay/validate";
import { returnScript, returnScriptInput } from "../support/roleplay-script";

const codes = (issues: ScriptIssue[]) => issues.map((issue) => `${issue.severity}:${issue.code}`);
const base = returnScriptInput();
const nodes = base.nodes;

function withNodes(change: (list: typeof nodes) => typeof nodes): ScriptInput {
  return { ...base, nodes: change(structuredClone(nodes)) };
}

describe("validateScript", () => {
  it("a sound script has no errors; unused intents are warnings", () => {
    const issues = validateScript(returnScript());
    expect(hasBlockingIssues(issues)).toBe(false);
    expect(issues.filter((i) => i.code === "unused_intent").map((i) => i.intentKey)).toEqual([
      "apologise",
      "ask-order",
    ]);
  });

  it("reports transitions to unknown nodes and unknown intents with the node", () => {
    const { issues } = checkScript(
      withNodes((list) => {
        list[1]!.transitions = [
          { when: ["cannot-return"], to: "nowhere" },
          { when: ["can-return", "typo"], to: "explain" },
        ];
        return list;
      }),
    );
    expect(issues).toContainEqual(expect.objectContaining({ code: "unknown_node", nodeId: "asks" }));
    expect(issues).toContainEqual(
      expect.objectContaining({ code: "unknown_intent", nodeId: "asks", intentKey: "typo" }),
    );
    expect(issues.find((i) => i.code === "unknown_node")!.message).toContain("nowhere");
  });

  it("start and patienceExhausted must exist; patienceExhausted must be an end node", () => {
    expect(codes(checkScript({ ...base, start: "missing" }).issues)).toContain("error:missing_start");
    expect(codes(checkScript({ ...base, patienceExhausted: "gone" }).issues)).toContain("error:missing_patience_node");
    expect(codes(checkScript({ ...base, patienceExhausted: "asks" }).issues)).toContain("error:patience_node_not_end");
    expect(codes(checkScript({ ...base, start: "done" }).issues)).toContain("error:start_is_end");
  });

  it("finds unreachable nodes", () => {
    const { issues } = checkScript(
      withNodes((list) => [
        ...list,
        { id: "orphan", customer: ["在吗？"], transitions: [{ when: ["ok"], to: "done" }] },
      ]),
    );
    expect(issues).toContainEqual(
      expect.objectContaining({ severity: "warning", code: "unreachable_node", nodeId: "orphan" }),
    );
  });

  it("finds nodes with no way out: no transitions, or a loop that never reaches an end", () => {
    const noTransitions = checkScript(
      withNodes((list) => {
        list[1]!.transitions = [];
        return list;
      }),
    ).issues;
    expect(noTransitions).toContainEqual(expect.objectContaining({ code: "no_way_out", nodeId: "asks" }));

    const loop = checkScript(
      withNodes((list) => {
        list[1]!.transitions = [{ when: ["can-return"], to: "loop" }];
        return [...list, { id: "loop", customer: ["然后呢？"], transitions: [{ when: ["ok"], to: "asks" }] }];
      }),
    ).issues;
    expect(loop.filter((i) => i.code === "no_way_out").map((i) => i.nodeId)).toEqual(["asks", "loop"]);
    expect(hasBlockingIssues(loop)).toBe(true);
  });

  it("warns about transitions on end nodes", () => {
    const { issues } = checkScript(
      withNodes((list) => {
        list[3]!.transitions = [{ when: ["ok"], to: "opening" }];
        return list;
      }),
    );
    expect(issues).toContainEqual(
      expect.objectContaining({ severity: "warning", code: "end_with_transitions", nodeId: "done" }),
    );
  });

  it("reports a transition shadowed by an earlier one with the same or a smaller when set", () => {
    const { issues } = checkScript(
      withNodes((list) => {
        list[0]!.transitions = [
          { when: ["greet"], to: "asks" },
          { when: ["greet", "policy"], to: "explain" },
        ];
        return list;
      }),
    );
    const shadowed = issues.find((i) => i.code === "shadowed_transition");
    expect(shadowed).toMatchObject({ severity: "error", nodeId: "opening" });
    expect(shadowed!.message).toContain("第 2 条分支永远不会触发");
    // an unless on the earlier transition that the later one does not share makes the later reachable
    const fine = checkScript(
      withNodes((list) => {
        list[0]!.transitions = [
          { when: ["greet"], unless: ["policy"], to: "asks" },
          { when: ["greet", "policy"], to: "explain" },
        ];
        return list;
      }),
    ).issues;
    expect(fine.some((i) => i.code === "shadowed_transition")).toBe(false);
  });

  it("reports a phrase shared by intents of sibling transitions, naming the phrase", () => {
    const input: ScriptInput = {
      ...base,
      intents: base.intents.map((intent) =>
        intent.key === "greet" ? { ...intent, phrases: ["您好|可以退"] } : intent,
      ),
    };
    const { issues } = checkScript(input);
    const overlap = issues.filter((i) => i.code === "overlapping_phrase");
    expect(overlap.length).toBeGreaterThan(0);
    expect(overlap[0]).toMatchObject({ severity: "warning", nodeId: "opening" });
    expect(overlap[0]!.message).toContain("可以退");
  });

  it("reports invalid regular expressions and phrases that are empty", () => {
    const input: ScriptInput = {
      ...base,
      intents: [
        ...base.intents,
        { key: "broken", label: "坏正则", patterns: ["[a-"] },
        { key: "blank", label: "空短语", phrases: [" | "] },
      ],
    };
    const { issues } = checkScript(input);
    expect(issues).toContainEqual(expect.objectContaining({ code: "invalid_pattern", intentKey: "broken" }));
    expect(issues).toContainEqual(expect.objectContaining({ code: "empty_phrase", intentKey: "blank" }));
  });

  it("steps and red lines must reference known intents, and never the same intent", () => {
    const { issues } = checkScript({
      ...base,
      steps: [...(base.steps ?? []), { key: "verify", label: "核实订单号", intents: ["verify-order"] }],
      redLines: [...(base.redLines ?? []), { key: "rude-ok", label: "敷衍", intents: ["ok"] }],
    });
    expect(issues).toContainEqual(expect.objectContaining({ code: "unknown_intent", intentKey: "verify-order" }));
    expect(issues).toContainEqual(expect.objectContaining({ code: "step_and_red_line", intentKey: "ok" }));
  });

  it("reports duplicate keys and a script without a resolved ending", () => {
    const { issues } = checkScript(
      withNodes((list) => {
        list[3]!.end = "escalated";
        return [...list, { ...list[4]! }];
      }),
    );
    expect(issues).toContainEqual(expect.objectContaining({ code: "duplicate_key" }));
    expect(codes(issues)).toContain("warning:no_resolved_end");
  });

  it("turns schema errors into issues with the path", () => {
    const { script, issues } = checkScript({ ...base, nodes: [], persona: { ...base.persona, patience: 0 } });
    expect(script).toBeNull();
    expect(issues.every((i) => i.code === "schema" && i.severity === "error")).toBe(true);
    expect(issues.map((i) => i.message).join("\n")).toMatch(/nodes/);
    expect(issues.map((i) => i.message).join("\n")).toMatch(/persona\.patience/);
  });
});

describe("issue messages", () => {
  it("the zh-CN locale holds the same templates; en translates every one with the same placeholders", () => {
    expect(zh.engine.issues).toEqual(ISSUE_MESSAGES);
    const placeholders = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
    for (const [key, template] of Object.entries(ISSUE_MESSAGES)) {
      const english = (en.engine.issues as Record<string, string>)[key];
      expect(english, key).toBeTruthy();
      expect(placeholders(english!), key).toEqual(placeholders(template));
    }
  });

  it("each issue carries its message key and parameters, and the message is the filled template", () => {
    const { issues } = checkScript({ ...base, start: "missing" });
    const missing = issues.find((i) => i.code === "missing_start")!;
    expect(missing).toMatchObject({ messageKey: "missing_start", params: { node: "missing" } });
    expect(missing.message).toBe("开场节点「missing」不存在。");
    expect(formatIssueMessage(en.engine.issues.missing_start, missing.params)).toBe(
      'The opening node "missing" does not exist.',
    );
  });
});
