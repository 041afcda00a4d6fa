/**
 * The simulated customer behind a role-play session. Sessions, scoring and the play UI only talk to this
 * interface, so a different customer (for example one backed by a language model) can be registered under a new
 * name without touching them: its state lives in `RolePlaySession.state`, it receives the agent's reply and the
 * intents the reply matched, and it answers with chat bubbles and, at the end, an outcome. Scoring never depends
 * on the engine: steps and red lines are always judged on the intents of the agent's own replies.
 */
import type { EndOutcome, Script } from "../script";

export type CustomerMessage = { nodeId: string | null; text: string };

export type EngineTurn<State> = {
  state: State;
  messages: CustomerMessage[];
  /** Set when the conversation is over after these messages. */
  end: EndOutcome | null;
};

export type AgentReply = {
  text: string;
  /** Script intent keys the reply matched (see intents.ts). */
  intents: readonly string[];
  /** The reply took longer than the scenario's limit. */
  overTime: boolean;
};

export interface SimulatedCustomer<State = unknown> {
  readonly name: string;
  /** The customer's opening messages and the first state. */
  open(script: Script): EngineTurn<State>;
  /** The customer's answer to one agent reply. Never called after `end`. */
  respond(script: Script, state: State, reply: AgentReply): EngineTurn<State>;
  /** The coaching hint for the agent's next reply (practice and test-play only). */
  hint(script: Script, state: State): string | null;
  /** The script node the customer is on, for storing with the agent's reply; null when the engine has none. */
  currentNodeId(state: State): string | null;
}

const engines = new Map<string, SimulatedCustomer<unknown>>();

export function registerCustomerEngine<State>(engine: SimulatedCustomer<State>) {
  engines.set(engine.name, engine as SimulatedCustomer<unknown>);
}

export class UnknownEngineError extends Error {
  constructor(readonly engineName: string) {
    super(`unknown simulated customer engine: ${engineName}`);
    this.name = "UnknownEngineError";
  }
}

export function customerEngine(name: string): SimulatedCustomer<unknown> {
  const engine = engines.get(name);
  if (!engine) throw new UnknownEngineError(name);
  return engine;
}

export function customerEngineNames(): string[] {
  return [...engines.keys()];
}
