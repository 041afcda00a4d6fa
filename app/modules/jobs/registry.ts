import { z } from "zod";

/** Where a run executes: in this process (no Redis) or through BullMQ. */
export type JobMode = "inline" | "bullmq";

export interface JobContext {
  runId: string;
  /** 1-based attempt number of this execution. */
  attempt: number;
  maxAttempts: number;
  mode: JobMode;
  scheduled: boolean;
}

/** Exponential backoff: delay before attempt n+1 = min(maxDelayMs, baseDelayMs * 2^(n-1)). */
export interface BackoffPolicy {
  baseDelayMs: number;
  maxDelayMs: number;
}

export const DEFAULT_MAX_ATTEMPTS = 3;
export const DEFAULT_BACKOFF: BackoffPolicy = { baseDelayMs: 10_000, maxDelayMs: 10 * 60_000 };

export interface JobDefinition<Name extends string = string, Schema extends z.ZodType = z.ZodType, Result = unknown> {
  name: Name;
  description: string;
  /** Payloads carry ids only; they are stored as JSON and re-validated before every attempt. */
  payload: Schema;
  /** Method syntax on purpose: keeps definitions assignable to AnyJobDefinition. */
  handler(payload: z.output<Schema>, context: JobContext): Promise<Result> | Result;
  maxAttempts: number;
  backoff: BackoffPolicy;
}

export type AnyJobDefinition = JobDefinition<string, z.ZodType, unknown>;

export interface JobDefinitionInput<Name extends string, Schema extends z.ZodType, Result> {
  name: Name;
  description?: string;
  payload: Schema;
  handler(payload: z.output<Schema>, context: JobContext): Promise<Result> | Result;
  maxAttempts?: number;
  backoff?: Partial<BackoffPolicy>;
}

const JOB_NAME_PATTERN = /^[a-z0-9]+(?:[.-][a-z0-9]+)*$/;

export function defineJob<const Name extends string, Schema extends z.ZodType, Result>(
  input: JobDefinitionInput<Name, Schema, Result>,
): JobDefinition<Name, Schema, Result> {
  if (!JOB_NAME_PATTERN.test(input.name)) {
    throw new Error(`Job name "${input.name}" must be lower-case words joined by "." or "-"`);
  }
  const maxAttempts = input.maxAttempts ?? DEFAULT_MAX_ATTEMPTS;
  if (!Number.isInteger(maxAttempts) || maxAttempts < 1) {
    throw new Error(`Job "${input.name}": maxAttempts must be a positive integer`);
  }
  const backoff = { ...DEFAULT_BACKOFF, ...input.backoff };
  if (!(backoff.baseDelayMs >= 0) || !(backoff.maxDelayMs >= backoff.baseDelayMs)) {
    throw new Error(`Job "${input.name}": backoff needs 0 <= baseDelayMs <= maxDelayMs`);
  }
  return {
    name: input.name,
    description: input.description ?? "",
    payload: input.payload,
    handler: input.handler,
    maxAttempts,
    backoff,
  };
}

/** The payload did not match the job's schema. Thrown by enqueue before anything is stored. */
export class JobPayloadError extends Error {
  readonly jobName: string;
  readonly issues: z.core.$ZodIssue[];
  constructor(jobName: string, error: z.ZodError) {
    super(`Invalid payload for job "${jobName}":\n${z.prettifyError(error)}`);
    this.name = "JobPayloadError";
    this.jobName = jobName;
    this.issues = error.issues;
  }
}

export class UnknownJobError extends Error {
  constructor(jobName: string) {
    super(`Unknown job "${jobName}": it is not registered in jobs/definitions.ts`);
    this.name = "UnknownJobError";
  }
}

/** Throw from a handler when retrying cannot help (e.g. the referenced row is gone). */
export class PermanentJobError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "PermanentJobError";
  }
}

export function isPermanentJobError(error: unknown): boolean {
  return (
    error instanceof PermanentJobError ||
    error instanceof JobPayloadError ||
    error instanceof UnknownJobError ||
    (error instanceof Error && (error.name === "PermanentJobError" || error.name === "UnrecoverableError"))
  );
}

/** Validates a payload against the job's schema; throws JobPayloadError with readable issues. */
export function validateJobPayload<Schema extends z.ZodType>(
  definition: Pick<JobDefinition<string, Schema, unknown>, "name" | "payload">,
  input: unknown,
): z.output<Schema> {
  const parsed = definition.payload.safeParse(input);
  if (!parsed.success) throw new JobPayloadError(definition.name, parsed.error);
  return parsed.data;
}

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/** JSON round trip (bigint → string): what is stored in JobRun and in Redis, identical in both modes. */
export function toJsonValue(value: unknown): JsonValue | undefined {
  if (value === undefined) return undefined;
  const text = JSON.stringify(value, (_key, item: unknown) => (typeof item === "bigint" ? item.toString() : item));
  return text === undefined ? undefined : (JSON.parse(text) as JsonValue);
}

/** Validates, then returns the JSON form that is stored and later re-validated before each attempt. */
export function toStoredPayload(definition: Pick<AnyJobDefinition, "name" | "payload">, input: unknown): JsonValue {
  const validated = validateJobPayload(definition, input);
  return toJsonValue(validated) ?? null;
}
