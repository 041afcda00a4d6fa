import type { z } from "zod";
import { jobDefinitions } from "../../../jobs/definitions";
import { UnknownJobError, type AnyJobDefinition } from "./registry";

type KnownJob = (typeof jobDefinitions)[number];

/** Names of the jobs in jobs/definitions.ts. */
export type JobName = KnownJob["name"];
/** What enqueue accepts for a job (schema input). */
export type JobPayloadInput<N extends JobName> = z.input<Extract<KnownJob, { name: N }>["payload"]>;

/** Extra definitions registered at runtime (tests exercise failing/retrying handlers this way). */
const extraDefinitions = new Map<string, AnyJobDefinition>();

let builtIn: Map<string, AnyJobDefinition> | undefined;

// Built lazily so a handler module that itself enqueues jobs (an import cycle through here) still loads.
function builtInDefinitions(): Map<string, AnyJobDefinition> {
  if (!builtIn) {
    builtIn = new Map();
    for (const definition of jobDefinitions as readonly AnyJobDefinition[]) {
      if (builtIn.has(definition.name)) throw new Error(`Job "${definition.name}" is defined twice`);
      builtIn.set(definition.name, definition);
    }
  }
  return builtIn;
}

export function findJobDefinition(name: string): AnyJobDefinition | undefined {
  return builtInDefinitions().get(name) ?? extraDefinitions.get(name);
}

export function getJobDefinition(name: string): AnyJobDefinition {
  const definition = findJobDefinition(name);
  if (!definition) throw new UnknownJobError(name);
  return definition;
}

export function jobNames(): string[] {
  return [...builtInDefinitions().keys(), ...extraDefinitions.keys()].sort();
}

/** Test hook: add a definition at runtime. Real jobs belong in jobs/definitions.ts. */
export function registerJob<D extends AnyJobDefinition>(definition: D): D {
  if (builtInDefinitions().has(definition.name)) {
    throw new Error(`Job "${definition.name}" is already defined in jobs/definitions.ts`);
  }
  extraDefinitions.set(definition.name, definition);
  return definition;
}

export function unregisterJob(name: string): void {
  extraDefinitions.delete(name);
}
