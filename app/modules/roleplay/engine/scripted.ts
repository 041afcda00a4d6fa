/**
 * The scripted customer: walks the scenario's branching script. After each agent reply the first transition of the
 * current node whose `when` intents all matched and whose `unless` intents did not fires; with none, the customer
 * says the node's next fallback line and loses one point of patience. A reply over the time limit costs one point
 * too. At zero patience the customer goes to the script's `patienceExhausted` node; an end node finishes the
 * conversation with its outcome.
 */
import type { Script, ScriptNode, Transition } from "../script";
import type { AgentReply, CustomerMessage, EngineTurn, SimulatedCustomer } from "./customer-engine";

export const GENERIC_FALLBACK = "您说的我没明白，能再说清楚点吗？";

export type ScriptedState = {
  nodeId: string;
  patience: number;
  /** Unmatched replies in a row on the current node: picks the fallback line. */
  misses: number;
};

export class ScriptError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ScriptError";
  }
}

function nodeOf(script: Script, nodeId: string): ScriptNode {
  const node = script.nodes.find((candidate) => candidate.id === nodeId);
  if (!node) throw new ScriptError(`the script has no node "${nodeId}"`);
  return node;
}

function say(node: ScriptNode): CustomerMessage[] {
  return node.customer.map((text) => ({ nodeId: node.id, text }));
}

function enter(script: Script, nodeId: string, patience: number): EngineTurn<ScriptedState> {
  const node = nodeOf(script, nodeId);
  return { state: { nodeId, patience, misses: 0 }, messages: say(node), end: node.end ?? null };
}

export function firingTransition(node: ScriptNode, intents: ReadonlySet<string>): Transition | null {
  return (
    node.transitions.find(
      (transition) =>
        transition.when.every((key) => intents.has(key)) && !transition.unless.some((key) => intents.has(key)),
    ) ?? null
  );
}

export function fallbackLine(node: ScriptNode, missIndex: number): string {
  if (node.fallback.length === 0) return GENERIC_FALLBACK;
  return node.fallback[Math.min(missIndex, node.fallback.length - 1)]!;
}

export const scriptedCustomer: SimulatedCustomer<ScriptedState> = {
  name: "scripted",

  open(script) {
    return enter(script, script.start, script.persona.patience);
  },

  respond(script, state, reply: AgentReply) {
    const node = nodeOf(script, state.nodeId);
    if (node.end) throw new ScriptError(`node "${node.id}" is an end node: the conversation is over`);
    const transition = firingTransition(node, new Set(reply.intents));
    const target = transition ? nodeOf(script, transition.to) : null;
    // Reaching an end the agent earned (resolved, escalated on purpose) is not undone by a slow last reply.
    if (target?.end) return enter(script, target.id, state.patience);

    const patience = state.patience - (reply.overTime ? 1 : 0) - (transition ? 0 : 1);
    if (patience <= 0) return enter(script, script.patienceExhausted, 0);
    if (target) return enter(script, target.id, patience);

    const messages: CustomerMessage[] = [{ nodeId: node.id, text: fallbackLine(node, state.misses) }];
    return { state: { nodeId: node.id, patience, misses: state.misses + 1 }, messages, end: null };
  },

  hint(script, state) {
    const node = script.nodes.find((candidate) => candidate.id === state.nodeId);
    return node && !node.end ? (node.hint ?? null) : null;
  },

  currentNodeId(state) {
    return state.nodeId;
  },
};
