/**
 * Validation of a role-play script beyond its shape (pure). Errors block publishing; warnings are shown to the
 * author but allowed. Each issue names the node and/or intent it is about, with a Chinese message an author can act
 * on.
 */
import type { z } from "zod";
import { compilePattern, phraseAlternatives } from "./intents";
import { ScriptSchema, type Intent, type Script, type ScriptNode, type Transition } from "./script";

export type ScriptIssue = {
  severity: "error" | "warning";
  code: ScriptIssueCode;
  message: string;
  nodeId?: string;
  intentKey?: string;
};

export type ScriptIssueCode =
  | "schema"
  | "duplicate_key"
  | "missing_start"
  | "start_is_end"
  | "missing_patience_node"
  | "patience_node_not_end"
  | "unknown_node"
  | "unknown_intent"
  | "unreachable_node"
  | "no_way_out"
  | "end_with_transitions"
  | "shadowed_transition"
  | "overlapping_phrase"
  | "invalid_pattern"
  | "empty_phrase"
  | "step_and_red_line"
  | "unused_intent"
  | "no_resolved_end";

const error = (code: ScriptIssueCode, message: string, at: Pick<ScriptIssue, "nodeId" | "intentKey"> = {}) =>
  ({ severity: "error", code, message, ...at }) satisfies ScriptIssue;
const warning = (code: ScriptIssueCode, message: string, at: Pick<ScriptIssue, "nodeId" | "intentKey"> = {}) =>
  ({ severity: "warning", code, message, ...at }) satisfies ScriptIssue;

function duplicates(keys: readonly string[]): string[] {
  const seen = new Set<string>();
  const repeated = new Set<string>();
  for (const key of keys) (seen.has(key) ? repeated : seen).add(key);
  return [...repeated];
}

function checkKeys(script: Script): ScriptIssue[] {
  const lists: [string, string[]][] = [
    ["节点", script.nodes.map((node) => node.id)],
    ["意图", script.intents.map((intent) => intent.key)],
    ["必做步骤", script.steps.map((step) => step.key)],
    ["红线", script.redLines.map((line) => line.key)],
  ];
  return lists.flatMap(([what, keys]) =>
    duplicates(keys).map((key) => error("duplicate_key", `${what}标识「${key}」重复，每个标识只能出现一次。`)),
  );
}

function checkIntents(script: Script): ScriptIssue[] {
  const issues: ScriptIssue[] = [];
  for (const intent of script.intents) {
    for (const pattern of intent.patterns) {
      if (!compilePattern(pattern)) {
        issues.push(
          error("invalid_pattern", `意图「${intent.label}」的正则表达式 /${pattern}/ 无法解析，请检查括号与转义。`, {
            intentKey: intent.key,
          }),
        );
      }
    }
    for (const entry of [...intent.phrases, ...intent.exclude]) {
      if (phraseAlternatives(entry).length === 0) {
        issues.push(
          error("empty_phrase", `意图「${intent.label}」的短语「${entry}」去掉空格后为空，无法匹配任何回复。`, {
            intentKey: intent.key,
          }),
        );
      }
    }
  }
  return issues;
}

function checkReferences(script: Script, nodes: Map<string, ScriptNode>, intents: Set<string>): ScriptIssue[] {
  const issues: ScriptIssue[] = [];
  const start = nodes.get(script.start);
  if (!start) issues.push(error("missing_start", `开场节点「${script.start}」不存在。`, { nodeId: script.start }));
  else if (start.end) issues.push(error("start_is_end", `开场节点「${script.start}」是结束节点，对话无法进行。`));
  const exhausted = nodes.get(script.patienceExhausted);
  if (!exhausted) {
    issues.push(
      error("missing_patience_node", `耐心耗尽节点「${script.patienceExhausted}」不存在。`, {
        nodeId: script.patienceExhausted,
      }),
    );
  } else if (!exhausted.end) {
    issues.push(
      error("patience_node_not_end", `耐心耗尽节点「${exhausted.id}」必须是结束节点（客户离开或升级）。`, {
        nodeId: exhausted.id,
      }),
    );
  }
  for (const node of script.nodes) {
    node.transitions.forEach((transition, index) => {
      if (!nodes.has(transition.to)) {
        issues.push(
          error("unknown_node", `节点「${node.id}」的第 ${index + 1} 条分支指向不存在的节点「${transition.to}」。`, {
            nodeId: node.id,
          }),
        );
      }
      for (const key of [...transition.when, ...transition.unless]) {
        if (!intents.has(key)) {
          issues.push(
            error("unknown_intent", `节点「${node.id}」的第 ${index + 1} 条分支引用了不存在的意图「${key}」。`, {
              nodeId: node.id,
              intentKey: key,
            }),
          );
        }
      }
    });
  }
  for (const [what, items] of [
    ["必做步骤", script.steps],
    ["红线", script.redLines],
  ] as const) {
    for (const item of items) {
      for (const key of item.intents) {
        if (!intents.has(key)) {
          issues.push(
            error("unknown_intent", `${what}「${item.label}」引用了不存在的意图「${key}」。`, { intentKey: key }),
          );
        }
      }
    }
  }
  const stepIntents = new Set(script.steps.flatMap((step) => step.intents));
  for (const line of script.redLines) {
    for (const key of line.intents) {
      if (stepIntents.has(key)) {
        issues.push(
          error(
            "step_and_red_line",
            `意图「${key}」同时用于必做步骤和红线「${line.label}」：同一句话不能既得分又违规。`,
            { intentKey: key },
          ),
        );
      }
    }
  }
  return issues;
}

function checkGraph(script: Script, nodes: Map<string, ScriptNode>): ScriptIssue[] {
  const issues: ScriptIssue[] = [];
  // Forward: what the customer can reach from the opening (patience can run out on any non-end node).
  const reachable = new Set<string>();
  const queue = nodes.has(script.start) ? [script.start] : [];
  while (queue.length > 0) {
    const node = nodes.get(queue.shift()!);
    if (!node || reachable.has(node.id)) continue;
    reachable.add(node.id);
    if (node.end) continue;
    for (const transition of node.transitions) queue.push(transition.to);
    queue.push(script.patienceExhausted);
  }
  // Backward: nodes from which some transition path leads to an end node.
  const canEnd = new Set(script.nodes.filter((node) => node.end).map((node) => node.id));
  let grew = true;
  while (grew) {
    grew = false;
    for (const node of script.nodes) {
      if (!canEnd.has(node.id) && node.transitions.some((transition) => canEnd.has(transition.to))) {
        canEnd.add(node.id);
        grew = true;
      }
    }
  }
  for (const node of script.nodes) {
    if (!reachable.has(node.id)) {
      issues.push(
        warning("unreachable_node", `节点「${node.id}」从开场无法到达，不会出现在对话中。`, { nodeId: node.id }),
      );
    }
    if (node.end) {
      if (node.transitions.length > 0) {
        issues.push(
          warning("end_with_transitions", `结束节点「${node.id}」的分支不会生效：对话在该节点结束。`, {
            nodeId: node.id,
          }),
        );
      }
      continue;
    }
    if (node.transitions.length === 0) {
      issues.push(
        error("no_way_out", `节点「${node.id}」不是结束节点却没有任何分支，客服无论怎么回复都无法推进对话。`, {
          nodeId: node.id,
        }),
      );
    } else if (!canEnd.has(node.id)) {
      issues.push(
        error("no_way_out", `从节点「${node.id}」出发的分支都到不了结束节点，对话只能靠耗尽耐心结束。`, {
          nodeId: node.id,
        }),
      );
    }
  }
  const resolvedReachable = [...reachable].some((id) => nodes.get(id)?.end === "resolved");
  if (!resolvedReachable && nodes.has(script.start)) {
    issues.push(warning("no_resolved_end", "没有可到达的「已解决」结束节点，客服无法圆满处理这个场景。"));
  }
  return issues;
}

const subset = (a: readonly string[], b: readonly string[]) => a.every((key) => b.includes(key));

const vetoedBy = (intent: Intent, text: string) =>
  intent.exclude.some((entry) => phraseAlternatives(entry).some((alternative) => text.includes(alternative)));

/**
 * A phrase that makes both intents match: an alternative of one that equals or contains an alternative of the
 * other, unless one of the intents' `exclude` vetoes it ("不能退" contains "能退", but "能退" excludes "不能退").
 */
function sharedPhrase(first: Intent, second: Intent): string | null {
  const firstAlternatives = first.phrases.flatMap(phraseAlternatives);
  const secondAlternatives = second.phrases.flatMap(phraseAlternatives);
  for (const a of firstAlternatives) {
    for (const b of secondAlternatives) {
      const [longer, shorter] = a.length >= b.length ? [a, b] : [b, a];
      if (!longer.includes(shorter) || vetoedBy(first, longer) || vetoedBy(second, longer)) continue;
      return longer === shorter ? `「${longer}」` : `「${longer}」（其中包含「${shorter}」）`;
    }
  }
  return null;
}

function checkOverlaps(script: Script, nodes: Map<string, ScriptNode>, intents: Map<string, Intent>): ScriptIssue[] {
  const issues: ScriptIssue[] = [];
  for (const node of nodes.values()) {
    if (node.end) continue;
    const transitions: Transition[] = node.transitions;
    transitions.forEach((later, j) => {
      for (let i = 0; i < j; i += 1) {
        const earlier = transitions[i]!;
        if (subset(earlier.when, later.when) && subset(earlier.unless, later.unless)) {
          issues.push(
            error(
              "shadowed_transition",
              `节点「${node.id}」的第 ${j + 1} 条分支永远不会触发：第 ${i + 1} 条分支（${earlier.when.join("+")}）在它能匹配时总是先匹配。请调整顺序或条件。`,
              { nodeId: node.id },
            ),
          );
          return;
        }
      }
    });
    // Phrases shared by intents of sibling transitions: the reply matches both, and order alone decides.
    const reported = new Set<string>();
    transitions.forEach((later, j) => {
      for (let i = 0; i < j; i += 1) {
        for (const a of transitions[i]!.when) {
          for (const b of later.when) {
            const pair = `${a}|${b}`;
            const first = intents.get(a);
            const second = intents.get(b);
            if (a === b || !first || !second || reported.has(pair)) continue;
            if (later.unless.includes(a) || transitions[i]!.unless.includes(b)) continue;
            const phrase = sharedPhrase(first, second);
            if (phrase) {
              reported.add(pair);
              issues.push(
                warning(
                  "overlapping_phrase",
                  `节点「${node.id}」的意图「${first.label}」和「${second.label}」都能匹配短语${phrase}：包含它的回复总是走第 ${i + 1} 条分支。`,
                  { nodeId: node.id, intentKey: b },
                ),
              );
            }
          }
        }
      }
    });
  }
  return issues;
}

function checkUnused(script: Script): ScriptIssue[] {
  const used = new Set([
    ...script.nodes.flatMap((node) => node.transitions.flatMap((t) => [...t.when, ...t.unless])),
    ...script.steps.flatMap((step) => step.intents),
    ...script.redLines.flatMap((line) => line.intents),
  ]);
  return script.intents
    .filter((intent) => !used.has(intent.key))
    .map((intent) =>
      warning("unused_intent", `意图「${intent.label}」没有被任何分支、步骤或红线使用。`, { intentKey: intent.key }),
    );
}

export function validateScript(script: Script): ScriptIssue[] {
  const nodes = new Map(script.nodes.map((node) => [node.id, node]));
  const intents = new Map(script.intents.map((intent) => [intent.key, intent]));
  return [
    ...checkKeys(script),
    ...checkIntents(script),
    ...checkReferences(script, nodes, new Set(intents.keys())),
    ...checkGraph(script, nodes),
    ...checkOverlaps(script, nodes, intents),
    ...checkUnused(script),
  ];
}

function schemaIssues(error: z.ZodError): ScriptIssue[] {
  return error.issues.map((issue) => ({
    severity: "error" as const,
    code: "schema" as const,
    message: `${issue.path.length > 0 ? issue.path.join(".") : "脚本"}：${issue.message}`,
  }));
}

/** Parses and validates an authored script: the parsed script (when the shape is right) and every issue. */
export function checkScript(input: unknown): { script: Script | null; issues: ScriptIssue[] } {
  const parsed = ScriptSchema.safeParse(input);
  if (!parsed.success) return { script: null, issues: schemaIssues(parsed.error) };
  return { script: parsed.data, issues: validateScript(parsed.data) };
}

export function hasBlockingIssues(issues: readonly ScriptIssue[]): boolean {
  return issues.some((issue) => issue.severity === "error");
}
