import { formatJobError } from "./errors";
import { alertAdminsOfFailedRun } from "./failure-alerts.server";
import {
  isPermanentJobError,
  toJsonValue,
  validateJobPayload,
  type AnyJobDefinition,
  type JobMode,
  type JsonValue,
} from "./registry";
import { markJobRunFailed, markJobRunRetrying, markJobRunRunning, markJobRunSucceeded } from "./runs.server";

export type AttemptResult =
  | { status: "succeeded"; result: JsonValue | undefined }
  | { status: "retrying" | "failed"; error: unknown; message: string; permanent: boolean };

/**
 * One attempt of one run, the same in both modes: mark running, re-validate the stored payload,
 * call the handler, record the outcome. A failed attempt is "retrying" unless it was the last
 * allowed one or the error is permanent (bad payload, PermanentJobError).
 */
export async function runAttempt(args: {
  runId: string;
  definition: AnyJobDefinition;
  storedPayload: unknown;
  attempt: number;
  maxAttempts: number;
  mode: JobMode;
  scheduled: boolean;
}): Promise<AttemptResult> {
  const { runId, definition, attempt, maxAttempts } = args;
  const startedAt = new Date();
  await markJobRunRunning(runId, attempt, maxAttempts, startedAt);
  try {
    const payload = validateJobPayload(definition, args.storedPayload);
    const returned = await definition.handler(payload, {
      runId,
      attempt,
      maxAttempts,
      mode: args.mode,
      scheduled: args.scheduled,
    });
    const result = toJsonValue(returned);
    await markJobRunSucceeded(runId, result, startedAt);
    return { status: "succeeded", result };
  } catch (error) {
    const permanent = isPermanentJobError(error);
    const final = permanent || attempt >= maxAttempts;
    const message = formatJobError(error);
    if (final) {
      await markJobRunFailed(runId, message, startedAt);
      await alertAdminsOfFailedRun(runId, definition.name, message);
    } else await markJobRunRetrying(runId, message);
    return { status: final ? "failed" : "retrying", error, message, permanent };
  }
}
