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
  /** Chinese, ready to show or log. */
  message: string;
  /** The locale key under roleplay:engine.issues and its parameters, for showing the message in the reader's language. */
  messageKey: IssueMessageKey;
  params: Record<string, string | number>;
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

/** The Chinese text of every message (the zh-CN locale's roleplay:engine.issues holds the same templates). */
export const ISSUE_MESSAGES = {
  schema: "{{path}}：{{detail}}",
  duplicate_node: "节点标识「{{key}}」重复，每个标识只能出现一次。",
  duplicate_intent: "意图标识「{{key}}」重复，每个标识只能出现一次。",
  duplicate_step: "必做步骤标识「{{key}}」重复，每个标识只能出现一次。",
  duplicate_red_line: "红线标识「{{key}}」重复，每个标识只能出现一次。",
  missing_start: "开场节点「{{node}}」不存在。",
  start_is_end: "开场节点「{{node}}」是结束节点，对话无法进行。",
  missing_patience_node: "耐心耗尽节点「{{node}}」不存在。",
  patience_node_not_end: "耐心耗尽节点「{{node}}」必须是结束节点（客户离开或升级）。",
  unknown_node: "节点「{{node}}」的第 {{index}} 条分支指向不存在的节点「{{target}}」。",
  unknown_intent: "节点「{{node}}」的第 {{index}} 条分支引用了不存在的意图「{{intent}}」。",
  unknown_step_intent: "必做步骤「{{label}}」引用了不存在的意图「{{intent}}」。",
  unknown_red_line_intent: "红线「{{label}}」引用了不存在的意图「{{intent}}」。",
  step_and_red_line: "意图「{{intent}}」同时用于必做步骤和红线「{{label}}」：同一句话不能既得分又违规。",
  invalid_pattern: "意图「{{label}}」的正则表达式 /{{pattern}}/ 无法解析，请检查括号与转义。",
  empty_phrase: "意图「{{label}}」的短语「{{phrase}}」去掉空格后为空，无法匹配任何回复。",
  unreachable_node: "节点「{{node}}」从开场无法到达，不会出现在对话中。",
  end_with_transitions: "结束节点「{{node}}」的分支不会生效：对话在该节点结束。",
  no_transitions: "节点「{{node}}」不是结束节点却没有任何分支，客服无论怎么回复都无法推进对话。",
  no_way_to_end: "从节点「{{node}}」出发的分支都到不了结束节点，对话只能靠耗尽耐心结束。",
  no_resolved_end: "没有可到达的「已解决」结束节点，客服无法圆满处理这个场景。",
  shadowed_transition:
    "节点「{{node}}」的第 {{later}} 条分支永远不会触发：第 {{earlier}} 条分支（{{when}}）在它能匹配时总是先匹配。请调整顺序或条件。",
  overlapping_phrase:
    "节点「{{node}}」的意图「{{first}}」和「{{second}}」都能匹配短语「{{phrase}}」：包含它的回复总是走第 {{index}} 条分支。",
  unused_intent: "意图「{{label}}」没有被任何分支、步骤或红线使用。",
} as const;
export type IssueMessageKey = keyof typeof ISSUE_MESSAGES;

export function formatIssueMessage(template: string, params: Record<string, string | number>): string {
  return template.replace(/\{\{(\w+)\}\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

type IssueSpec = {
  code: ScriptIssueCode;
  key?: IssueMessageKey;
  params?: Record<string, string | number>;
  nodeId?: string;
  intentKey?: string;
};

function issue(severity: ScriptIssue["severity"], spec: IssueSpec): ScriptIssue {
  const messageKey = spec.key ?? (spec.code as IssueMessageKey);
  const params = spec.params ?? {};
  return {
    severity,
    code: spec.code,
    message: formatIssueMessage(ISSUE_MESSAGES[messageKey], params),
    messageKey,
    params,
    ...(spec.nodeId ? { nodeId: spec.nodeId } : {}),
    ...(spec.intentKey ? { intentKey: spec.intentKey } : {}),
  };
}
const error = (spec: IssueSpec) => issue("error", spec);
const warning = (spec: IssueSpec) => issue("warning", spec);

function duplicates(keys: readonly string[]): string[] {
  const seen = new Set<string>();
  const repeated = new Set<string>();
  for (const key of keys) (seen.has(key) ? repeated : seen).add(key);
  return [...repeated];
}

function checkKeys(script: Script): ScriptIssue[] {
  const lists: [IssueMessageKey, string[]][] = [
    ["duplicate_node", script.nodes.map((node) => node.id)],
    ["duplicate_intent", script.intents.map((intent) => intent.key)],
    ["duplicate_step", script.steps.map((step) => step.key)],
    ["duplicate_red_line", script.redLines.map((line) => line.key)],
  ];
  return lists.flatMap(([key, keys]) =>
    duplicates(keys).map((duplicate) => error({ code: "duplicate_key", key, params: { key: duplicate } })),
  );
}

function checkIntents(script: Script): ScriptIssue[] {
  const issues: ScriptIssue[] = [];
  for (const intent of script.intents) {
    for (const pattern of intent.patterns) {
      if (!compilePattern(pattern)) {
        issues.push(
          error({ code: "invalid_pattern", params: { label: intent.label, pattern }, intentKey: intent.key }),
        );
      }
    }
    for (const entry of [...intent.phrases, ...intent.exclude]) {
      if (phraseAlternatives(entry).length === 0) {
        issues.push(
          error({ code: "empty_phrase", params: { label: intent.label, phrase: entry }, intentKey: intent.key }),
        );
      }
    }
  }
  return issues;
}

function checkReferences(script: Script, nodes: Map<string, ScriptNode>, intents: Set<string>): ScriptIssue[] {
  const issues: ScriptIssue[] = [];
  const start = nodes.get(script.start);
  if (!start) {
    issues.push(error({ code: "missing_start", params: { node: script.start }, nodeId: script.start }));
  } else if (start.end) {
    issues.push(error({ code: "start_is_end", params: { node: start.id }, nodeId: start.id }));
  }
  const exhausted = nodes.get(script.patienceExhausted);
  if (!exhausted) {
    const node = script.patienceExhausted;
    issues.push(error({ code: "missing_patience_node", params: { node }, nodeId: node }));
  } else if (!exhausted.end) {
    issues.push(error({ code: "patience_node_not_end", params: { node: exhausted.id }, nodeId: exhausted.id }));
  }
  for (const node of script.nodes) {
    node.transitions.forEach((transition, position) => {
      const index = position + 1;
      if (!nodes.has(transition.to)) {
        issues.push(
          error({ code: "unknown_node", params: { node: node.id, index, target: transition.to }, nodeId: node.id }),
        );
      }
      for (const intent of [...transition.when, ...transition.unless]) {
        if (!intents.has(intent)) {
          issues.push(
            error({
              code: "unknown_intent",
              params: { node: node.id, index, intent },
              nodeId: node.id,
              intentKey: intent,
            }),
          );
        }
      }
    });
  }
  for (const [key, items] of [
    ["unknown_step_intent", script.steps],
    ["unknown_red_line_intent", script.redLines],
  ] as const) {
    for (const item of items) {
      for (const intent of item.intents) {
        if (!intents.has(intent)) {
          issues.push(error({ code: "unknown_intent", key, params: { label: item.label, intent }, intentKey: intent }));
        }
      }
    }
  }
  const stepIntents = new Set(script.steps.flatMap((step) => step.intents));
  for (const line of script.redLines) {
    for (const intent of line.intents) {
      if (stepIntents.has(intent)) {
        issues.push(error({ code: "step_and_red_line", params: { intent, label: line.label }, intentKey: intent }));
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
  // Backward: nodes from which some path of transitions leads to an end node.
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
    const at = { params: { node: node.id }, nodeId: node.id };
    if (!reachable.has(node.id)) issues.push(warning({ code: "unreachable_node", ...at }));
    if (node.end) {
      if (node.transitions.length > 0) issues.push(warning({ code: "end_with_transitions", ...at }));
      continue;
    }
    if (node.transitions.length === 0) issues.push(error({ code: "no_way_out", key: "no_transitions", ...at }));
    else if (!canEnd.has(node.id)) issues.push(error({ code: "no_way_out", key: "no_way_to_end", ...at }));
  }
  const resolvedReachable = [...reachable].some((id) => nodes.get(id)?.end === "resolved");
  if (!resolvedReachable && nodes.has(script.start)) issues.push(warning({ code: "no_resolved_end" }));
  return issues;
}

const subset = (a: readonly string[], b: readonly string[]) => a.every((key) => b.includes(key));

const vetoedBy = (intent: Intent, text: string) =>
  intent.exclude.some((entry) => phraseAlternatives(entry).some((alternative) => text.includes(alternative)));

/**
 * A phrase that makes both intents match: an alternative of one that equals or contains an alternative of the
 * other, unless one of the intents' `exclude` vetoes it ("不能退" contains "能退", but "能退" excludes "不能退").
 */
export function sharedPhrase(first: Intent, second: Intent): string | null {
  const firstAlternatives = first.phrases.flatMap(phraseAlternatives);
  const secondAlternatives = second.phrases.flatMap(phraseAlternatives);
  for (const a of firstAlternatives) {
    for (const b of secondAlternatives) {
      const [longer, shorter] = a.length >= b.length ? [a, b] : [b, a];
      if (!longer.includes(shorter) || vetoedBy(first, longer) || vetoedBy(second, longer)) continue;
      return longer;
    }
  }
  return null;
}

function checkOverlaps(nodes: Map<string, ScriptNode>, intents: Map<string, Intent>): ScriptIssue[] {
  const issues: ScriptIssue[] = [];
  for (const node of nodes.values()) {
    if (node.end) continue;
    const transitions: Transition[] = node.transitions;
    transitions.forEach((later, j) => {
      const shadowing = transitions
        .slice(0, j)
        .findIndex((earlier) => subset(earlier.when, later.when) && subset(earlier.unless, later.unless));
      if (shadowing >= 0) {
        const params = {
          node: node.id,
          later: j + 1,
          earlier: shadowing + 1,
          when: transitions[shadowing]!.when.join("+"),
        };
        issues.push(error({ code: "shadowed_transition", params, nodeId: node.id }));
      }
    });
    // Phrases shared by intents of sibling transitions: a reply containing one matches both, and order decides.
    const reported = new Set<string>();
    transitions.forEach((later, j) => {
      transitions.slice(0, j).forEach((earlier, i) => {
        for (const a of earlier.when) {
          for (const b of later.when) {
            const first = intents.get(a);
            const second = intents.get(b);
            if (a === b || !first || !second || reported.has(`${a}|${b}`)) continue;
            if (later.unless.includes(a) || earlier.unless.includes(b)) continue;
            const phrase = sharedPhrase(first, second);
            if (!phrase) continue;
            reported.add(`${a}|${b}`);
            const params = { node: node.id, first: first.label, second: second.label, phrase, index: i + 1 };
            issues.push(warning({ code: "overlapping_phrase", params, nodeId: node.id, intentKey: b }));
          }
        }
      });
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
    .map((intent) => warning({ code: "unused_intent", params: { label: intent.label }, intentKey: intent.key }));
}

export function validateScript(script: Script): ScriptIssue[] {
  const nodes = new Map(script.nodes.map((node) => [node.id, node]));
  const intents = new Map(script.intents.map((intent) => [intent.key, intent]));
  return [
    ...checkKeys(script),
    ...checkIntents(script),
    ...checkReferences(script, nodes, new Set(intents.keys())),
    ...checkGraph(script, nodes),
    ...checkOverlaps(nodes, intents),
    ...checkUnused(script),
  ];
}

function schemaIssues(zodError: z.ZodError): ScriptIssue[] {
  return zodError.issues.map((problem) =>
    error({ code: "schema", params: { path: problem.path.join(".") || "script", detail: problem.message } }),
  );
}

/** Parses and validates an authored script: the parsed script (when the shape is right) and every issue. */
export function checkScript(input: unknown): { script: Script | null; issues: ScriptIssue[] } {
  const parsed = ScriptSchema.safeParse(input);
  if (!parsed.success) return { script: null, issues: schemaIssues(parsed.error) };
  return { script: parsed.data, issues: validateScript(parsed.data) };
}

export function hasBlockingIssues(issues: readonly ScriptIssue[]): boolean {
  return issues.some((problem) => problem.severity === "error");
}
